"""Shared helpers of the cross-checks: they run the built `sparsecert` and compare with SciPy and mpmath.

The binary is taken from $SPARSECERT_BIN (the Makefile sets it), else from .build/debug/sparsecert.
Random instances come from numpy's PCG64 with fixed seeds, so every run checks the same cases.
"""
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def sparsecert_binary() -> pathlib.Path:
    return pathlib.Path(os.environ.get("SPARSECERT_BIN", ROOT / ".build" / "debug" / "sparsecert"))


@pytest.fixture(scope="session")
def sparsecert():
    """Runs `sparsecert ARGS... --json` and returns the parsed document (asserting exit status 0)."""
    binary = sparsecert_binary()
    if not binary.exists():
        pytest.skip(f"{binary} is not built; run 'make test' or 'swift build' first")

    def run(*arguments, stdin=None, expect_status=0):
        completed = subprocess.run([str(binary), *map(str, arguments), "--json"], input=stdin,
                                   capture_output=True, text=True, timeout=600)
        assert completed.returncode == expect_status, completed.stderr
        return json.loads(completed.stdout) if completed.stdout.strip() else None

    return run
