#!/usr/bin/env python3
"""Reference timings for the basis pursuit benchmark: SciPy's HiGHS on the same instances.

Usage: highs_reference.py FOLDER REPEATS
FOLDER holds instance files NAME.npy (A) and NAME.y.npy (y), as written by `bp-benchmark`.
For each instance, solves  min 1ᵀ(p + q)  s.t.  A p − A q = y,  p, q ≥ 0  with
scipy.optimize.linprog(method="highs") REPEATS times, timing only the linprog call, and prints one JSON
object per line: {"name", "seconds": [...], "objective"}.
"""
import json
import pathlib
import sys
import time

import numpy as np
from scipy.optimize import linprog


def solve(a, y):
    n = a.shape[1]
    start = time.perf_counter()
    result = linprog(np.ones(2 * n), A_eq=np.hstack([a, -a]), b_eq=y, bounds=(0, None), method="highs")
    elapsed = time.perf_counter() - start
    if result.status != 0:
        raise SystemExit(f"HiGHS failed: {result.message}")
    return elapsed, result.fun


def main():
    folder, repeats = pathlib.Path(sys.argv[1]), int(sys.argv[2])
    for matrix_path in sorted(folder.glob("*.npy")):
        if matrix_path.name.endswith(".y.npy") or matrix_path.name.endswith(".x0.npy"):
            continue
        name = matrix_path.name[: -len(".npy")]
        a = np.load(matrix_path)
        y = np.load(folder / f"{name}.y.npy")
        runs = [solve(a, y) for _ in range(repeats)]
        print(json.dumps({"name": name, "seconds": [r[0] for r in runs], "objective": runs[0][1]}), flush=True)


if __name__ == "__main__":
    main()
