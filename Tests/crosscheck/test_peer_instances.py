"""Peer-style basis pursuit instances (issue 9): `sparsecert bp` against SciPy's HiGHS, NumPy and Python fractions.

- SPGL1-like: float32 50×50 with cond ≈ 1 (A and y rounded to float32): x has all 50 non-zeros, as HiGHS and
  np.linalg.solve say.
- L1TestPack-like: a known sparse x₀ with a known strict dual certificate μ₀ (columns off S rescaled until
  |a_jᵀμ₀| ≤ 0.9), so x₀ is the unique minimizer; the tool must find x₀ and call it unique.
- SciPy test_precision-like: 101×101 with one entry 1e-9.
- Scaled data: the same instance with y, rows or columns scaled by 10^k — the answer transforms as the
  mathematics says (compared with HiGHS on the unscaled data) or the tool says "undecided".
- `bp --exact` on raw float64 data (y = fl(A x₀)): re-proven here with fractions, objective equal to HiGHS's.
"""
import json
from fractions import Fraction

import numpy as np
import pytest
from scipy.optimize import linprog

import sparsecert_cli

sparsecert_cli.binary()


def highs_bp(a, y):
    """min ‖x‖₁ s.t. A x = y with HiGHS: (objective, x)."""
    a = np.asarray(a, dtype=float)
    n = a.shape[1]
    result = linprog(np.ones(2 * n), A_eq=np.hstack([a, -a]), b_eq=y, bounds=(0, None), method="highs")
    assert result.status == 0, result.message
    return result.fun, result.x[:n] - result.x[n:]


def bp(tmp_path, a, y, *flags):
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"A": np.asarray(a, dtype=float).tolist(), "y": np.asarray(y, dtype=float).tolist()}))
    done = sparsecert_cli.call("bp", path, "--json", *flags, cwd=tmp_path, timeout=600)
    assert done.returncode in (0, 3), done.stderr
    report = json.loads(done.stdout)
    assert (done.returncode == 0) == (report["status"] != "undecided" and report["unique"] is not None
                                      and report.get("verified") is not False)
    return report


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_spgl1_like_float32_square(tmp_path, seed):
    rng = np.random.default_rng(seed)
    q, _ = np.linalg.qr(rng.standard_normal((50, 50)))
    a = q.astype(np.float32).astype(float)
    x0 = rng.standard_normal(50)
    y = (a @ x0).astype(np.float32).astype(float)
    report = bp(tmp_path, a, y)
    assert report["status"] == "optimal"
    assert len(report["support"]) == 50
    solved = np.linalg.solve(a, y)
    objective, _ = highs_bp(a, y)
    assert np.max(np.abs(np.array(report["x"]) - solved)) <= 1e-9 * np.max(np.abs(solved))
    assert abs(report["objective"] - objective) <= 1e-9 * objective


def l1testpack_instance(rng, m, n, s):
    """A with unit columns, x₀ on S, and μ₀ with (Aᵀμ₀)_S = σ, |Aᵀμ₀|_{S^c} ≤ 0.9 (L1TestPack's construction)."""
    a = rng.standard_normal((m, n))
    a /= np.linalg.norm(a, axis=0)
    support = np.sort(rng.choice(n, s, replace=False))
    signs = rng.choice([-1.0, 1.0], s)
    mu = np.linalg.lstsq(a[:, support].T, signs, rcond=None)[0]
    off = np.setdiff1d(np.arange(n), support)
    for j in off:
        value = abs(a[:, j] @ mu)
        if value > 0.9:
            a[:, j] -= (value - 0.9 * np.sign(value)) * np.sign(a[:, j] @ mu) * mu / (mu @ mu)
    x0 = np.zeros(n)
    x0[support] = signs * (1 + rng.random(s))
    return a, x0, mu, support


@pytest.mark.parametrize("m, n, s, seed", [(20, 50, 4, 0), (40, 100, 8, 1), (60, 128, 12, 2)])
def test_l1testpack_like_known_solution(tmp_path, m, n, s, seed):
    rng = np.random.default_rng(seed)
    a, x0, mu, support = l1testpack_instance(rng, m, n, s)
    assert np.max(np.abs(a.T @ mu)) <= 1 + 1e-12
    y = a @ x0
    report = bp(tmp_path, a, y)
    assert report["status"] == "optimal"
    assert report["support"] == support.tolist()
    assert report["unique"] is True
    assert np.max(np.abs(np.array(report["x"]) - x0)) <= 1e-9 * np.max(np.abs(x0))
    objective, _ = highs_bp(a, y)
    assert abs(report["objective"] - objective) <= 1e-9 * objective
    # The known certificate proves the same objective: ‖x₀‖₁ = ⟨y, μ₀⟩.
    assert abs(report["objective"] - y @ mu) <= 1e-9 * objective


def test_scipy_precision_like(tmp_path):
    rng = np.random.default_rng(101)
    a = np.eye(101) + rng.standard_normal((101, 101)) / 101
    a[50, :] = 0
    a[50, 50] = 1e-9
    y = a @ rng.standard_normal(101)
    report = bp(tmp_path, a, y)
    assert report["status"] in ("optimal", "undecided")
    solved = np.linalg.solve(a, y)
    if report["status"] == "optimal":
        assert np.max(np.abs(np.array(report["x"]) - solved)) <= 1e-6 * np.max(np.abs(solved))
        assert len(report["support"]) == 101


@pytest.mark.parametrize("what", ["y", "rows", "columns"])
@pytest.mark.parametrize("k", [-12, -8, -4, 4, 8, 12])
def test_scaled_answers_transform(tmp_path, what, k):
    rng = np.random.default_rng(7)
    a, x0, _, _ = l1testpack_instance(rng, 20, 50, 4)
    y = a @ x0
    objective, _ = highs_bp(a, y)
    factor = 10.0 ** k
    if what == "y":
        expected_x, report = x0 * factor, bp(tmp_path, a, y * factor)
    elif what == "rows":
        scale = np.where(np.arange(20) % 2 == 0, factor, 1.0)
        expected_x, report = x0, bp(tmp_path, a * scale[:, None], y * scale)
    else:
        scale = np.full(50, factor)
        expected_x, report = x0 / factor, bp(tmp_path, a * scale, y)
    assert report["status"] == "optimal"
    assert np.max(np.abs(np.array(report["x"]) - expected_x)) <= 1e-8 * np.max(np.abs(expected_x))
    expected_objective = objective * (factor if what == "y" else (1 / factor if what == "columns" else 1))
    assert abs(report["objective"] - expected_objective) <= 1e-8 * expected_objective
    assert report["unique"] is True


def test_exact_on_raw_float64_reproven_with_fractions(tmp_path):
    rng = np.random.default_rng(11)
    a = rng.standard_normal((8, 20))
    x0 = np.zeros(20)
    x0[[1, 5, 13]] = [1.5, -0.75, 2.0]
    y = a @ x0
    report = bp(tmp_path, a, y, "--exact")
    assert report["status"] == "optimal" and report["verified"] is True
    fa = [[Fraction(v) for v in row] for row in a]
    fy = [Fraction(v) for v in y]
    x = [Fraction(v) for v in report["x_exact"]]
    mu = [Fraction(v) for v in report["dual_exact"]]
    assert all(sum(r[j] * x[j] for j in range(20)) == yi for r, yi in zip(fa, fy))
    assert all(abs(sum(fa[i][j] * mu[i] for i in range(8))) <= 1 for j in range(20))
    assert sum(abs(v) for v in x) == sum(yi * mi for yi, mi in zip(fy, mu))
    objective, _ = highs_bp(a, y)
    assert abs(float(sum(abs(v) for v in x)) - objective) <= 1e-9 * objective
