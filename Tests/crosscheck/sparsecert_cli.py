"""The one place the cross-checks find and run the built `sparsecert`.

The binary is $SPARSECERT_BIN (the Makefile sets it to the release build), else .build/debug/sparsecert
under the package root. When it is missing the tests skip with a message; they never pass silently.
"""
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("SPARSECERT_BIN", ROOT / ".build" / "debug" / "sparsecert")).resolve()


def binary() -> str:
    """The binary's path; skips the test (or the whole module, at import) when it is not built."""
    if not BINARY.is_file():
        pytest.skip(f"sparsecert binary not found at {BINARY}: run 'make test' or set SPARSECERT_BIN",
                    allow_module_level=True)
    return str(BINARY)


def call(*arguments, cwd=None, input=None, timeout=600) -> subprocess.CompletedProcess:
    """Runs `sparsecert ARGUMENTS…` and returns the finished process, whatever its exit status."""
    return subprocess.run([binary(), *map(str, arguments)], cwd=cwd, input=input, capture_output=True,
                          text=True, timeout=timeout)


def run(*arguments, cwd=None, input=None, timeout=600) -> str:
    """Runs `sparsecert ARGUMENTS…`, asserts exit status 0 and returns its standard output."""
    done = call(*arguments, cwd=cwd, input=input, timeout=timeout)
    assert done.returncode == 0, done.stderr
    return done.stdout


def run_json(*arguments, cwd=None, input=None, timeout=600):
    """Like run, for a command given --json: the parsed document."""
    return json.loads(run(*arguments, cwd=cwd, input=input, timeout=timeout))
