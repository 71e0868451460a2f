"""Certificates from `sparsecert certify` against an independent mpmath value, and `verify` rejecting tampering.

Random exactly consistent 4x10 instances (A on 2^-10 Z, x0 on 2^-4 Z, y = A x0 exact). For D = 2, 3, 4 and
alpha from 1e-1 to 1e-30, ||x_inf(alpha) - x*||_1 is computed by damped Newton on the dual in mpmath at
50 + 2*log10(1/alpha) digits (flow_reference.flow_limit) and must lie inside the certified enclosure
[error_l1_lower, error_l1_upper], whose relative width must be below 1e-6. `verify` must accept the
certificate and reject it (exit status 3) after changing x*, rho, the enclosure or the data.
"""
import json
from fractions import Fraction

import mpmath
import pytest

import flow_reference as ref
import sparsecert_cli

CASES = [(d, e) for d in (2, 3, 4) for e in (-1, -10, -30)]


def certify(problem, depth, alpha, out):
    sparsecert_cli.run("certify", problem, "--depth", depth, "--alpha", repr(alpha), "--out", out)
    return json.loads(out.read_text())


def verify(path):
    return sparsecert_cli.call("verify", path)


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("depth,log10_alpha", CASES)
def test_enclosure_contains_mpmath(tmp_path, seed, depth, log10_alpha):
    a, y, x0 = ref.consistent_instance(4, 10, 2, seed)
    problem = tmp_path / "problem.json"
    ref.write_problem(problem, a, y)
    cert = certify(problem, depth, 10.0 ** log10_alpha, tmp_path / "c.json")
    flow = cert["flow"]
    x_inf, dps = ref.flow_limit(a, y, depth, log10_alpha)
    with mpmath.workdps(dps):
        error = ref.reference_error(x_inf, x0)
        assert mpmath.mpf(flow["error_l1_lower"]) <= error <= mpmath.mpf(flow["error_l1_upper"]), \
            f"{flow['error_l1_lower']!r} <= {mpmath.nstr(error, 20)} <= {flow['error_l1_upper']!r}"
        for j in range(len(x0)):
            assert mpmath.mpf(flow["x_lower"][j]) <= x_inf[j] <= mpmath.mpf(flow["x_upper"][j]), j
    assert flow["relative_width"] < 1e-6
    assert cert["verdict"]["certified"]


@pytest.mark.parametrize("change", ["x_star", "rho", "enclosure", "data"])
def test_verify_rejects_tampering(tmp_path, change):
    a, y, _ = ref.consistent_instance(4, 10, 2, 3)
    problem = tmp_path / "problem.json"
    ref.write_problem(problem, a, y)
    path = tmp_path / "c.json"
    cert = certify(problem, 3, 1e-8, path)
    assert verify(path).returncode == 0
    bp, flow = cert["basis_pursuit"], cert["flow"]
    if change == "x_star":
        j = bp["support"][0]
        bp["x_star"][j] = bp["x_star"][j] + "1" if "/" not in bp["x_star"][j] else "1/3"
    elif change == "rho":
        bp["rho_value"] = bp["rho_value"] * 0.9
    elif change == "enclosure":
        flow["error_l1_upper"] = flow["error_l1_lower"]
    else:
        cert["problem"]["matrix"][0][0] = "1/7"
    path.write_text(json.dumps(cert))
    done = verify(path)
    assert done.returncode == 3
    assert "REJECTED" in done.stderr


@pytest.mark.parametrize("depth", [2, 3])
def test_generated_gaussian_enclosure_contains_mpmath(tmp_path, depth):
    """A 20x60 Gaussian instance from `sparsecert generate` (s = 3): the integer support frame with m - s = 17
    kernel coordinates; the enclosure must contain mpmath's limit and `verify` must accept the certificate."""
    from fractions import Fraction
    problem = tmp_path / "g.json"
    sparsecert_cli.run("generate", "gaussian", "--rows", 20, "--columns", 60, "--sparsity", 3, "--seed", 4,
                       "--out", problem)
    data = json.loads(problem.read_text())
    a = [[Fraction(v) for v in row] for row in data["A"]]
    y = [Fraction(v) for v in data["y"]]
    x0 = [Fraction(v) for v in data["x0"]]
    path = tmp_path / "c.json"
    cert = certify(problem, depth, 1e-4, path)
    x_inf, dps = ref.flow_limit(a, y, depth, -4)
    with mpmath.workdps(dps):
        error = ref.reference_error(x_inf, x0)
        flow = cert["flow"]
        assert mpmath.mpf(flow["error_l1_lower"]) <= error <= mpmath.mpf(flow["error_l1_upper"])
    assert flow["relative_width"] < 1e-6
    assert verify(path).returncode == 0


# --- Realistic sizes: 50x200 (here), 200x800 and 1000x4000 (Benchmarks/Certificates/large_crosscheck.py) ----
#
# An independent high-precision flow limit that scales: A = Â/2^k with Â integer (generated data lie on
# multiples of 2^-10), the dual λ held as fixed-point integers L/2^P, so Aᵀλ and A x are integer dot products
# (numpy object arrays of Python ints, exact), and only h_D, h_D' are evaluated in mpmath. Newton's steps use a
# float64 Hessian (numpy): the high-precision residual drives the iteration (iterative refinement), the float
# Hessian only sets its rate (so D ≥ 3 needs a moderate α: at α = 1e-10, D = 4 the plain λ Hessian has condition
# ~1e15 and the refinement stalls). Nothing of sparsecert's own solver or frame is used.

BITS = 240  # fixed-point precision of λ and x (2^-240 ≈ 1e-72)


def _integer_data(a, y):
    """(Â, ŷ, k) with A = Â/2^k, y = ŷ/2^k, Â and ŷ Python ints (A and y dyadic)."""
    values = [v for row in a for v in row] + list(y)
    k = max(v.denominator for v in values).bit_length() - 1
    assert all((v * 2 ** k).denominator == 1 for v in values), "data not on a dyadic grid"
    ai = [[int(v * 2 ** k) for v in row] for row in a]
    return ai, [int(v * 2 ** k) for v in y], k


def _float_limit(af, yf, depth, alpha):
    """λ by damped Newton on Φ_α in float64, continued in α by factors of 10 from α = 1."""
    import numpy as np
    m, n = af.shape
    lam = np.zeros(m)
    steps = [10.0 ** -e for e in range(0, int(round(-np.log10(alpha))) + 1)]
    steps[-1] = alpha
    for current in steps:
        for _ in range(200):
            z = af.T @ lam
            if depth == 2:
                h, dh, phi = 2 * np.sinh(z), 2 * np.cosh(z), lambda zz: 2 * np.cosh(zz).sum()
            else:
                p, q = depth / (depth - 2), 2 / (depth - 2)
                h = (1 - z) ** -p - (1 + z) ** -p
                dh = p * ((1 - z) ** (-p - 1) + (1 + z) ** (-p - 1))
                phi = lambda zz: (depth - 2) / 2 * ((1 - zz) ** -q + (1 + zz) ** -q).sum()
            g = af @ (current * h) - yf
            if np.abs(g).max() <= 1e-13 * (np.abs(yf).max() + np.abs(current * h).sum()):
                break
            step = np.linalg.solve((af * (current * dh)) @ af.T, -g)
            value, t = current * phi(z) - lam @ yf, 1.0
            while t > 1e-12:
                trial = lam + t * step
                zt = af.T @ trial
                inside = depth == 2 or np.abs(zt).max() < 1
                if inside and current * phi(zt) - trial @ yf <= value + 1e-4 * t * (g @ step):
                    break
                t /= 2
            lam = trial
    return lam


def high_precision_limit(a, y, depth, alpha, digits=40):
    """x_∞(α) (list of mpf at `digits` digits) for exact dyadic A, y (Fractions): float64 Newton, then
    refinement with residuals in fixed-point integers and mpmath until ‖A x − y‖_∞ ≤ 10^-(digits−5)·scale."""
    import numpy as np
    ai, yi, k = _integer_data(a, y)
    af = np.array(ai, dtype=float) / 2 ** k
    yf = np.array(yi, dtype=float) / 2 ** k
    lam = [int(v * 2 ** BITS) for v in (Fraction(float(x)) for x in _float_limit(af, yf, depth, alpha))]
    at = np.array(ai, dtype=object).T
    big = np.array(ai, dtype=object)
    with mpmath.workdps(digits + 10):
        alpha_mp = mpmath.mpf(alpha)
        for _ in range(30):
            z = [mpmath.mpf(int(v)) / 2 ** (BITS + k) for v in at.dot(np.array(lam, dtype=object))]
            h = [ref._link(depth, v) for v in z]
            x = [alpha_mp * v[0] for v in h]
            xi = np.array([int(mpmath.nint(v * 2 ** BITS)) for v in x], dtype=object)
            # A x − y = (Â·X − ŷ·2^P) / 2^(P+k)
            g = [int(v) for v in big.dot(xi) - np.array(yi, dtype=object) * 2 ** BITS]
            scale = max(abs(v) for v in yi) * 2 ** BITS + int(sum(abs(v) for v in xi))
            if max(abs(v) for v in g) <= mpmath.mpf(10) ** -(digits - 5) * scale:
                return x
            gf = np.array([float(mpmath.mpf(v) / 2 ** (BITS + k)) for v in g])
            dh = np.array([float(alpha_mp * v[1]) for v in h])
            step = np.linalg.solve((af * dh) @ af.T, -gf)
            lam = [v + int(s * 2 ** BITS) for v, s in zip(lam, step)]
    raise RuntimeError("high-precision refinement did not converge")


def certified_contains_limit(problem, cert, depth, alpha):
    """The certificate's enclosure of ‖x_∞ − x*‖₁ and of every x_∞ entry contain the independent value."""
    data = json.loads(problem.read_text())
    a = [[Fraction(v) for v in row] for row in data["A"]]
    y = [Fraction(v) for v in data["y"]]
    x_star = [Fraction(v) for v in cert["basis_pursuit"]["x_star"]]
    x_inf = high_precision_limit(a, y, depth, alpha)
    flow = cert["flow"]
    with mpmath.workdps(50):
        error = ref.reference_error(x_inf, x_star)
        inside = mpmath.mpf(flow["error_l1_lower"]) <= error <= mpmath.mpf(flow["error_l1_upper"])
        entries = all(mpmath.mpf(flow["x_lower"][j]) <= x_inf[j] <= mpmath.mpf(flow["x_upper"][j])
                      for j in range(len(x_star)))
        return inside and entries, mpmath.nstr(error, 20)


@pytest.mark.parametrize("rows,columns,sparsity,depth,alpha", [(50, 200, 7, 2, 1e-10), (50, 200, 7, 4, 1e-4)])
def test_generated_enclosure_contains_high_precision_limit(tmp_path, rows, columns, sparsity, depth, alpha):
    """`certify` on a generated Gaussian instance (the issue-10 50x200 instance, D = 2 and 4): the
    enclosure contains the independent value, the certificate is CERTIFIED and `verify` accepts it. 200x800 and
    1000x4000 run in Benchmarks/Certificates/large_crosscheck.py (tens of seconds each)."""
    problem = tmp_path / "p.json"
    sparsecert_cli.run("generate", "gaussian", "--rows", rows, "--columns", columns, "--sparsity", sparsity,
                       "--seed", 1, "--out", problem)
    path = tmp_path / "c.json"
    cert = certify(problem, depth, alpha, path)
    assert cert["verdict"]["certified"]
    inside, error = certified_contains_limit(problem, cert, depth, alpha)
    assert inside, (cert["flow"]["error_l1_lower"], error, cert["flow"]["error_l1_upper"])
    assert verify(path).returncode == 0
