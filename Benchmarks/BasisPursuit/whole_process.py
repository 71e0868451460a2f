#!/usr/bin/env python3
"""Whole-process basis pursuit: `sparsecert bp FILE.json` against a SciPy script that reads the same JSON and
calls scipy.optimize.linprog(method="highs"), side by side in one run (issue 10's bp rows).

Usage: whole_process.py SPARSECERT [--repeats R] [--sizes 200x800,1500x1500,...] [--exact-sizes 50x50,...]

Instances: NumPy Gaussian A (entries N(0, 1/m), raw float64), an s-sparse x0 (s = round(m/7)), y = A x0 in
floating point — the data users have, not dyadic grids — written as JSON with Python's json (shortest
round-trip decimals). Each repeat runs both commands once, alternating which goes first, under
/usr/bin/time -v; the table reports medians of wall time, CPU time (user + system) and peak RSS, the
objectives' relative difference and sparsecert's status and method, and the load average when it started.
"""
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile

import numpy as np

SCIPY = r'''
import json, sys
import numpy as np
from scipy.optimize import linprog
with open(sys.argv[1]) as f:
    d = json.load(f)
A = np.array(d["A"], dtype=float); y = np.array(d["y"], dtype=float)
n = A.shape[1]
r = linprog(np.ones(2 * n), A_eq=np.hstack([A, -A]), b_eq=y, bounds=(0, None), method="highs")
print(json.dumps({"status": int(r.status), "objective": r.fun}))
'''


def timed(command):
    """Runs command under /usr/bin/time -v; returns (stdout, wall s, cpu s, peak RSS MB)."""
    result = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
    fields = {}
    for line in result.stderr.splitlines():
        key, _, value = line.strip().rpartition(": ")
        fields[key] = value
    wall = fields.get("Elapsed (wall clock) time (h:mm:ss or m:ss)", "0:0")
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60 ** k for k, p in enumerate(reversed(parts)))
    cpu = float(fields.get("User time (seconds)", 0)) + float(fields.get("System time (seconds)", 0))
    rss = float(fields.get("Maximum resident set size (kbytes)", 0)) / 1024
    return result.stdout, seconds, cpu, rss


def instance(folder, m, n, seed):
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((m, n)) / np.sqrt(m)
    x0 = np.zeros(n)
    support = rng.choice(n, max(1, round(m / 7)), replace=False)
    x0[support] = rng.standard_normal(len(support))
    path = folder / f"g{m}x{n}.json"
    with open(path, "w") as f:
        json.dump({"A": a.tolist(), "y": (a @ x0).tolist()}, f)
    return path


def main():
    binary = sys.argv[1]
    arguments = sys.argv[2:]
    def option(name, default):
        return arguments[arguments.index(name) + 1] if name in arguments else default
    repeats = int(option("--repeats", "3"))
    sizes = [tuple(map(int, s.split("x"))) for s in option("--sizes", "200x800,600x2560,1500x1500").split(",")]
    exact_sizes = [tuple(map(int, s.split("x"))) for s in option("--exact-sizes", "50x50,200x200").split(",") if s]
    print(f"load average at start: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    print("size        command               wall (s)  CPU (s)  RSS (MB)  status / method")
    with tempfile.TemporaryDirectory() as scratch:
        folder = pathlib.Path(scratch)
        script = folder / "scipy_bp.py"
        script.write_text(SCIPY)
        rows = [(m, n, False) for m, n in sizes] + [(m, n, True) for m, n in exact_sizes]
        for m, n, exact in rows:
            path = instance(folder, m, n, 1000 * m + n)
            ours, theirs, objectives, outcome = [], [], [], ""
            for k in range(repeats):
                order = [0, 1] if k % 2 == 0 else [1, 0]
                for which in order:
                    if which == 0:
                        command = [binary, "bp", str(path), "--json"] + (["--exact"] if exact else [])
                        out, wall, cpu, rss = timed(command)
                        report = json.loads(out)
                        ours.append((wall, cpu, rss))
                        objectives.append(report["objective"])
                        outcome = f'{report["status"]} / {report.get("method")} unique={report.get("unique")}'
                        if exact:
                            outcome += f' verified={report.get("verified")}'
                    else:
                        out, wall, cpu, rss = timed([sys.executable, str(script), str(path)])
                        theirs.append((wall, cpu, rss))
                        objectives.append(json.loads(out)["objective"])
            for name, runs, text in [("sparsecert bp" + (" --exact" if exact else ""), ours, outcome),
                                     ("SciPy HiGHS", theirs, "")]:
                wall, cpu, rss = (statistics.median(r[i] for r in runs) for i in range(3))
                print(f"{m}x{n}".ljust(12) + name.ljust(22) + f"{wall:<10.2f}{cpu:<9.2f}{rss:<10.0f}{text}")
            spread = (max(objectives) - min(objectives)) / max(1.0, abs(objectives[0]))
            print(" " * 12 + f"objectives agree to {spread:.1e} (relative)")


if __name__ == "__main__":
    main()
