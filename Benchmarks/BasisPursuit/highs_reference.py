#!/usr/bin/env python3
"""SciPy's HiGHS side of the basis pursuit benchmark (`bp-benchmark` runs this as a subprocess).

Usage: highs_reference.py FOLDER
FOLDER holds instance files NAME.npy (A) and NAME.y.npy (y). The script reads instance names from standard
input, one per line; for each it solves  min 1ᵀ(p + q)  s.t.  A p − A q = y,  p, q ≥ 0  once with
scipy.optimize.linprog(method="highs"), timing only the linprog call, and answers with one JSON line
{"name", "seconds", "objective"}. Answering one solve at a time lets the benchmark alternate between the
two solvers, so that the machine's load hits both alike.
"""
import json
import pathlib
import sys
import time

import numpy as np
from scipy.optimize import linprog


def main():
    folder = pathlib.Path(sys.argv[1])
    cache = {}
    for line in sys.stdin:
        name = line.strip()
        if not name:
            continue
        if name not in cache:
            a = np.load(folder / f"{name}.npy")
            cache[name] = (np.ones(2 * a.shape[1]), np.hstack([a, -a]), np.load(folder / f"{name}.y.npy"))
        cost, a_eq, y = cache[name]
        start = time.perf_counter()
        result = linprog(cost, A_eq=a_eq, b_eq=y, bounds=(0, None), method="highs")
        elapsed = time.perf_counter() - start
        if result.status != 0:
            print(json.dumps({"name": name, "error": result.message}), flush=True)
            continue
        print(json.dumps({"name": name, "seconds": elapsed, "objective": result.fun}), flush=True)


if __name__ == "__main__":
    main()
