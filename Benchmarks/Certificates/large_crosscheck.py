"""Certificates at realistic sizes against an independent high-precision value (issue 10).

For each size: `sparsecert generate gaussian --rows M --columns N --sparsity S --seed 1`, then
`/usr/bin/time -v sparsecert certify` and `sparsecert verify` (wall, CPU, peak RSS), and the enclosure of
‖x_∞(α) − x*‖₁ is compared with the fixed-point/mpmath limit of Tests/crosscheck/test_certify_mpmath.py
(high_precision_limit), which uses none of sparsecert's solver or frame.

Usage: python3 Benchmarks/Certificates/large_crosscheck.py SPARSECERT_BIN [M N S D ALPHA TIMEOUT] ...
  default: 200 800 28 2 1e-10 600
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "Tests" / "crosscheck"))
import test_certify_mpmath as crosscheck  # noqa: E402


def timed(command, timeout):
    done = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True, timeout=timeout)
    field = lambda name: re.search(rf"{name}: (.*)", done.stderr).group(1).strip()
    cpu = float(field(r"User time \(seconds\)")) + float(field(r"System time \(seconds\)"))
    wall = field(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\)")
    return done, wall, cpu, int(field(r"Maximum resident set size \(kbytes\)"))


def main():
    binary, rest = sys.argv[1], sys.argv[2:] or ["200", "800", "28", "2", "1e-10", "600"]
    load = open("/proc/loadavg").read().split()[0]
    for i in range(0, len(rest), 6):
        m, n, s, depth, alpha, timeout = rest[i:i + 6]
        with tempfile.TemporaryDirectory() as folder:
            problem, cert = pathlib.Path(folder) / "p.json", pathlib.Path(folder) / "c.json"
            subprocess.run([binary, "generate", "gaussian", "--rows", m, "--columns", n, "--sparsity", s,
                            "--seed", "1", "--out", problem], check=True, capture_output=True)
            try:
                done, wall, cpu, rss = timed([binary, "certify", problem, "--depth", depth, "--alpha", alpha,
                                              "--out", cert], float(timeout))
            except subprocess.TimeoutExpired:
                print(f"{m}×{n} s={s} D={depth} α={alpha}: certify not finished within {timeout} s (load {load})")
                continue
            if done.returncode != 0:
                print(f"{m}×{n}: certify exit {done.returncode}: {done.stderr.splitlines()[:2]}")
                continue
            checked, vwall, vcpu, vrss = timed([binary, "verify", cert], float(timeout))
            document = json.loads(cert.read_text())
            start = time.time()
            inside, error = crosscheck.certified_contains_limit(problem, document, int(depth), float(alpha))
            flow = document["flow"]
            print(f"{m}×{n} s={s} D={depth} α={alpha} (load {load}): certify {wall} wall / {cpu:.1f} s CPU, "
                  f"{rss // 1024} MB; verify exit {checked.returncode}, {vwall} / {vcpu:.1f} s, {vrss // 1024} MB; "
                  f"enclosure [{flow['error_l1_lower']!r}, {flow['error_l1_upper']!r}] "
                  f"{'contains' if inside else 'DOES NOT contain'} the independent {error} "
                  f"({time.time() - start:.0f} s)")


if __name__ == "__main__":
    main()
