"""Shared helpers for the gradient-flow cross-checks (test_flow_*.py).

- exactly consistent random instances (DESIGN.md §1.3): A on multiples of 2^-10, x0 on multiples of 2^-4,
  y = A x0 computed exactly with fractions, written as "p/q" strings;
- basis pursuit by scipy.optimize.linprog, to confirm that x0 is the BP solution;
- an independent high-precision flow limit with mpmath: damped Newton on the dual
  Phi(lam) = alpha * sum H_D(A^T lam) - <lam, y> in the plain lam coordinates, continued in alpha by factors
  of 10 from alpha = 1, at a working precision that grows with log10(1/alpha);
- running `sparsecert flow` (through sparsecert_cli).
"""
import json
from fractions import Fraction

import mpmath
import numpy as np
from scipy.optimize import linprog

import sparsecert_cli


def run_flow(problem_path, depth, alpha, *extra):
    return sparsecert_cli.run_json("flow", problem_path, "--depth", depth, f"--alpha={alpha!r}", "--json", *extra,
                                   timeout=300)


def reference_error(x_inf, x0):
    """‖x_∞ − x₀‖₁ in mpmath, at the caller's working precision."""
    return sum(abs(x_inf[j] - mpmath.mpf(x0[j].numerator) / x0[j].denominator) for j in range(len(x0)))


def consistent_instance(rows, columns, sparsity, seed):
    """A (Fractions), y (Fractions), x0 (Fractions); redrawn until linprog recovers x0."""
    rng = np.random.default_rng(seed)
    while True:
        a = [[Fraction(int(round(rng.normal() / np.sqrt(rows) * 1024)), 1024) for _ in range(columns)]
             for _ in range(rows)]
        x0 = [Fraction(0)] * columns
        for j in rng.choice(columns, size=sparsity, replace=False):
            x0[j] = Fraction(int(rng.choice([-1, 1])) * (16 + int(rng.integers(0, 32))), 16)
        y = [sum(a[i][j] * x0[j] for j in range(columns)) for i in range(rows)]
        bp = basis_pursuit(a, y)
        if bp is not None and np.max(np.abs(bp - np.array([float(v) for v in x0]))) < 1e-9:
            return a, y, x0


def basis_pursuit(a, y):
    """min ||x||_1 s.t. A x = y by linprog (HiGHS) on x = p - q."""
    af = np.array([[float(v) for v in row] for row in a])
    n = af.shape[1]
    result = linprog(np.ones(2 * n), A_eq=np.hstack([af, -af]), b_eq=[float(v) for v in y],
                     bounds=[(0, None)] * (2 * n), method="highs")
    return result.x[:n] - result.x[n:] if result.success else None


def write_problem(path, a, y):
    path.write_text(json.dumps({"A": [[f"{v.numerator}/{v.denominator}" for v in row] for row in a],
                                "y": [f"{v.numerator}/{v.denominator}" for v in y]}))


def _link(depth, z):
    """(h_D(z), h_D'(z)) in the current mpmath precision."""
    if depth == 2:
        return 2 * mpmath.sinh(z), 2 * mpmath.cosh(z)
    p = mpmath.mpf(depth) / (depth - 2)
    return (1 - z) ** (-p) - (1 + z) ** (-p), p * ((1 - z) ** (-p - 1) + (1 + z) ** (-p - 1))


def _potential(depth, z):
    if depth == 2:
        return 2 * mpmath.cosh(z)
    q = mpmath.mpf(2) / (depth - 2)
    return mpmath.mpf(depth - 2) / 2 * ((1 - z) ** (-q) + (1 + z) ** (-q))


def flow_limit(a, y, depth, log10_alpha):
    """x_inf(alpha) for alpha = 10**log10_alpha (product convention) as a list of mpf, and the dps used."""
    dps = 50 + 2 * int(abs(log10_alpha))
    with mpmath.workdps(dps):
        am = mpmath.matrix([[mpmath.mpf(v.numerator) / v.denominator for v in row] for row in a])
        ym = mpmath.matrix([mpmath.mpf(v.numerator) / v.denominator for v in y])
        m, n = am.rows, am.cols
        lam = mpmath.matrix(m, 1)
        exponents = list(range(0, int(log10_alpha) - 1, -1)) if log10_alpha <= 0 else [log10_alpha]
        if exponents[-1] != log10_alpha:
            exponents.append(log10_alpha)
        for e in exponents:
            alpha = mpmath.mpf(10) ** e
            lam = _newton(am, ym, depth, alpha, lam, dps, e)
        z = am.T * lam
        return [alpha * _link(depth, z[i])[0] for i in range(n)], dps


def _newton(am, ym, depth, alpha, lam, dps, log10_alpha):
    m, n = am.rows, am.cols

    def feasible(l):
        return depth == 2 or all(abs(v) < 1 for v in (am.T * l))

    def phi(l):
        z = am.T * l
        return alpha * sum(_potential(depth, z[i]) for i in range(n)) - sum(l[k] * ym[k] for k in range(m))

    # Off-support entries are >= alpha (times O(1)); resolve them to ~1e-20 relative.
    tolerance = mpmath.mpf(10) ** (-(20 + abs(log10_alpha)))
    flat = mpmath.mpf(10) ** (-(dps - 10))
    for _ in range(500):
        z = am.T * lam
        values = [_link(depth, z[i]) for i in range(n)]
        x = mpmath.matrix([alpha * v[0] for v in values])
        gradient = am * x - ym
        hessian = mpmath.matrix(m, m)
        for i in range(n):
            w = alpha * values[i][1]
            for r in range(m):
                for c in range(m):
                    hessian[r, c] += am[r, i] * w * am[c, i]
        step = mpmath.lu_solve(hessian, -gradient)
        decrement = -sum(gradient[k] * step[k] for k in range(m))
        scale = max(abs(ym[k]) for k in range(m)) + sum(abs(x[i]) for i in range(n))
        if mpmath.norm(gradient, mpmath.inf) <= tolerance * scale or decrement <= flat:
            return lam
        current, t = phi(lam), mpmath.mpf(1)
        while True:
            trial = lam + t * step
            if feasible(trial) and phi(trial) <= current - t * decrement / 4:
                break
            t /= 2
            if t < mpmath.mpf(10) ** (-60):
                return lam
        lam = trial
    raise RuntimeError("mpmath Newton did not converge")
