"""Shared fixture of the cross-checks: they run the built `sparsecert` (see sparsecert_cli.py) and compare
with SciPy and mpmath. Random instances come from numpy's PCG64 with fixed seeds, so every run checks the
same cases.
"""
import json

import pytest

import sparsecert_cli


@pytest.fixture(scope="session")
def sparsecert():
    """Runs `sparsecert ARGS... --json` and returns the parsed document (asserting exit status 0)."""
    sparsecert_cli.binary()

    def run(*arguments, stdin=None):
        completed = sparsecert_cli.call(*arguments, "--json", input=stdin)
        assert completed.returncode == 0, completed.stderr
        return json.loads(completed.stdout) if completed.stdout.strip() else None

    return run
