"""Cross-checks of `sparsecert bp` against SciPy's HiGHS and against exact rational arithmetic.

Runs the built binary (env SPARSECERT_BIN, default .build/debug/sparsecert) on instances it generates
itself (`sparsecert generate`, exactly consistent dyadic data, fixed seeds), and compares with
scipy.optimize.linprog(method="highs"): same objective to 1e-9 relative, same x where SparseCert reports a
unique minimizer, and ϱ(S, σ) against an independent SciPy LP of the dual form
max ⟨σ, v_S⟩ s.t. A v = 0, ‖v_{S^c}‖₁ ≤ 1. Exact-mode answers are re-checked with Python fractions.
"""
import json
import pathlib
from fractions import Fraction

import numpy as np
import pytest
from scipy.optimize import linprog

import sparsecert_cli

sparsecert_cli.binary()


def run(*arguments, cwd):
    output = sparsecert_cli.run(*arguments, cwd=cwd, timeout=300)
    return json.loads(output) if "--json" in arguments else output


def load_problem(path):
    """A and y of a JSON problem file, exactly (numbers and "p/q" strings both become Fractions)."""
    data = json.loads(pathlib.Path(path).read_text(), parse_float=Fraction, parse_int=Fraction)
    exact = lambda v: v if isinstance(v, Fraction) else Fraction(v)
    return [[exact(v) for v in row] for row in data["A"]], [exact(v) for v in data["y"]]


def generate(tmp_path, rows, columns, sparsity, seed, noise=None):
    path = tmp_path / f"g{rows}x{columns}s{seed}.json"
    arguments = ["generate", "gaussian", "--rows", str(rows), "--columns", str(columns), "--sparsity", str(sparsity),
                 "--seed", str(seed), "--out", str(path), "--json"]
    if noise is not None:
        arguments += ["--noise", str(noise)]
    run(*arguments, cwd=tmp_path)
    return path


def highs_bp(a, y, weights=None, nonnegative=False):
    """min Σ w|x| s.t. A x = y (x ≥ 0 optional) with HiGHS; returns (status, objective, x)."""
    a = np.asarray(a, dtype=float)
    m, n = a.shape
    w = np.ones(n) if weights is None else np.asarray(weights, dtype=float)
    if nonnegative:
        result = linprog(w, A_eq=a, b_eq=y, bounds=(0, None), method="highs")
        return result.status, result.fun, result.x
    result = linprog(np.concatenate([w, w]), A_eq=np.hstack([a, -a]), b_eq=y, bounds=(0, None), method="highs")
    x = None if result.x is None else result.x[:n] - result.x[n:]
    return result.status, result.fun, x


def highs_rho_dual_form(a, support, signs):
    """ϱ(S, σ) = max ⟨σ, v_S⟩ s.t. A v = 0, ‖v_{S^c}‖₁ ≤ 1, as an LP in (v_S free, p, q ≥ 0 on S^c)."""
    a = np.asarray(a, dtype=float)
    m, n = a.shape
    complement = [j for j in range(n) if j not in support]
    s, c = len(support), len(complement)
    cost = -np.concatenate([np.asarray(signs, dtype=float), np.zeros(2 * c)])
    a_eq = np.hstack([a[:, support], a[:, complement], -a[:, complement]])
    a_ub = np.concatenate([np.zeros(s), np.ones(2 * c)])[None, :]
    bounds = [(None, None)] * s + [(0, None)] * (2 * c)
    result = linprog(cost, A_ub=a_ub, b_ub=[1], A_eq=a_eq, b_eq=np.zeros(m), bounds=bounds, method="highs")
    assert result.status == 0, result.message
    return -result.fun


SIZES = [(5, 12, 1), (10, 30, 2), (20, 60, 3), (40, 120, 6)]


@pytest.mark.parametrize("rows,columns,sparsity", SIZES)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_objective_x_and_rho_match_highs(tmp_path, rows, columns, sparsity, seed):
    path = generate(tmp_path, rows, columns, sparsity, seed)
    a, y = load_problem(path)
    report = run("bp", str(path), "--json", cwd=tmp_path)
    status, objective, x = highs_bp(a, [float(v) for v in y])
    assert status == 0 and report["status"] == "optimal"
    assert abs(report["objective"] - objective) <= 1e-9 * max(1.0, abs(objective))
    if report["unique"]:
        assert np.max(np.abs(np.asarray(report["x"]) - x)) <= 1e-7 * max(1.0, np.max(np.abs(x)))
    rho = highs_rho_dual_form(a, report["support"], report["signs"])
    assert abs(report["rho"] - rho) <= 1e-8 * max(1.0, rho)
    # The witness v reported with ϱ: A v = 0, ‖v_{S^c}‖₁ = 1, ⟨σ, v_S⟩ = ϱ.
    v = np.asarray(report["rho_witness"])
    a_float = np.asarray(a, dtype=float)
    assert np.max(np.abs(a_float @ v)) <= 1e-9 * max(1.0, np.abs(v).sum())
    off = [j for j in range(len(v)) if j not in report["support"]]
    if rho > 1e-12:
        assert abs(np.abs(v[off]).sum() - 1) <= 1e-9
    assert abs(sum(sg * v[j] for j, sg in zip(report["support"], report["signs"])) - rho) <= 1e-9 * max(1.0, rho)


@pytest.mark.parametrize("rows,columns,sparsity,seed", [(8, 20, 2, 4), (12, 40, 2, 5), (20, 60, 3, 6)])
def test_exact_mode_is_a_proof_checked_with_fractions(tmp_path, rows, columns, sparsity, seed):
    """x* feasible, μ dual feasible, zero gap, (Aᵀμ)_S = σ — all in Python fractions, independently."""
    path = generate(tmp_path, rows, columns, sparsity, seed)
    a, y = load_problem(path)
    report = run("bp", str(path), "--exact", "--json", cwd=tmp_path)
    assert report["verified"] is True
    x = [Fraction(v) for v in report["x_exact"]]
    mu = [Fraction(v) for v in report["dual_exact"]]
    assert [sum(r * xi for r, xi in zip(row, x)) for row in a] == y
    objective = sum(abs(xi) for xi in x)
    assert Fraction(report["objective_exact"]) == objective
    at_mu = [sum(a[i][j] * mu[i] for i in range(rows)) for j in range(columns)]
    assert all(abs(v) <= 1 for v in at_mu)
    assert sum(yi * mi for yi, mi in zip(y, mu)) == objective
    support = [j for j in range(columns) if x[j] != 0]
    assert support == report["support"]
    assert all(at_mu[j] == (1 if x[j] > 0 else -1) for j in support)
    # Same ϱ as the floating-point LP of the dual form.
    rho = highs_rho_dual_form(a, support, report["signs"])
    assert abs(float(Fraction(report["rho_exact"])) - rho) <= 1e-8 * max(1.0, rho)


@pytest.mark.parametrize("seed", [7, 8])
def test_noisy_data_full_support_objective_matches(tmp_path, seed):
    path = generate(tmp_path, 15, 40, 2, seed, noise=0.05)
    a, y = load_problem(path)
    report = run("bp", str(path), "--json", cwd=tmp_path)
    status, objective, _ = highs_bp(a, [float(v) for v in y])
    assert status == 0
    assert abs(report["objective"] - objective) <= 1e-9 * max(1.0, abs(objective))


def test_weighted_and_nonnegative_variants_match_highs(tmp_path):
    path = generate(tmp_path, 10, 30, 2, 9)
    a, y = load_problem(path)
    weights = [1 + (j % 4) / 4 for j in range(30)]
    (tmp_path / "w.csv").write_text("\n".join(str(w) for w in weights) + "\n")
    report = run("bp", str(path), "--weights", "w.csv", "--json", cwd=tmp_path)
    _, objective, _ = highs_bp(a, [float(v) for v in y], weights=weights)
    assert abs(report["objective"] - objective) <= 1e-9 * max(1.0, abs(objective))
    report = run("bp", str(path), "--nonnegative", "--json", cwd=tmp_path)
    status, objective, _ = highs_bp(a, [float(v) for v in y], nonnegative=True)
    if status == 2:
        assert report["status"] == "infeasible"
    else:
        assert report["status"] == "optimal"
        assert abs(report["objective"] - objective) <= 1e-9 * max(1.0, abs(objective))


@pytest.mark.parametrize("norm", ["inf", "1"])
def test_noise_aware_variants_match_highs(tmp_path, norm):
    path = generate(tmp_path, 10, 30, 2, 10)
    a, y = load_problem(path)
    eta = 0.125
    report = run("bp", str(path), "--noise-bound", str(eta), "--noise-norm", norm, "--json", cwd=tmp_path)
    a_float, y_float = np.asarray(a, dtype=float), np.asarray([float(v) for v in y])
    m, n = a_float.shape
    if norm == "inf":  # variables p, q; y − η ≤ A(p − q) ≤ y + η
        a_ub = np.vstack([np.hstack([a_float, -a_float]), -np.hstack([a_float, -a_float])])
        b_ub = np.concatenate([y_float + eta, eta - y_float])
        result = linprog(np.ones(2 * n), A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method="highs")
    else:  # variables p, q, r⁺, r⁻: A(p − q) − r⁺ + r⁻ = y, Σ(r⁺ + r⁻) ≤ η
        a_eq = np.hstack([a_float, -a_float, -np.eye(m), np.eye(m)])
        a_ub = np.concatenate([np.zeros(2 * n), np.ones(2 * m)])[None, :]
        cost = np.concatenate([np.ones(2 * n), np.zeros(2 * m)])
        result = linprog(cost, A_ub=a_ub, b_ub=[eta], A_eq=a_eq, b_eq=y_float, bounds=(0, None), method="highs")
    assert result.status == 0
    assert abs(report["objective"] - result.fun) <= 1e-9 * max(1.0, abs(result.fun))


def test_infeasible_system_agrees_with_highs_and_has_a_farkas_certificate(tmp_path):
    (tmp_path / "p.json").write_text(json.dumps({"A": [[1, 2, 3], [2, 4, 6], [0, 1, 1]], "y": [1, 3, 0]}))
    report = run("bp", "p.json", "--json", cwd=tmp_path)
    status, _, _ = highs_bp([[1, 2, 3], [2, 4, 6], [0, 1, 1]], [1, 3, 0])
    assert status == 2 and report["status"] == "infeasible"
    z = np.asarray(report["farkas"])
    a = np.asarray([[1, 2, 3], [2, 4, 6], [0, 1, 1]], dtype=float)
    assert np.max(np.abs(a.T @ z)) <= 1e-9 and z @ np.asarray([1, 3, 0]) > 0.5


@pytest.mark.parametrize("r", ["0", "1/3", "5/7", "99/100"])
def test_tightness_family_rho_is_r_exactly(tmp_path, r):
    run("generate", "one-r", "--r", r, "--out", "p.json", cwd=tmp_path)
    report = run("bp", "p.json", "--exact", "--json", cwd=tmp_path)
    assert Fraction(report["rho_exact"]) == Fraction(r)
    assert highs_rho_dual_form([[1, float(Fraction(r))]], [0], [1]) == pytest.approx(float(Fraction(r)), abs=1e-12)


@pytest.mark.parametrize("shape,seed", [((60, 60), 1), ((80, 50), 2), ((300, 300), 3)])
def test_full_column_rank_raw_float64_against_highs_and_fractions(tmp_path, shape, seed):
    """Raw float64 data (NumPy Gaussian, y = fl(A x0)) with m ≥ n: bp solves without an LP (method
    fullColumnRank). Its objective agrees with HiGHS; for m = n, `--exact` gives the exact solution A⁻¹y (A x = y
    re-checked with Python fractions) and the floating x lies within its own rigorous error_bound of it."""
    m, n = shape
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((m, n)) / np.sqrt(m)
    x0 = np.zeros(n)
    x0[rng.choice(n, 5, replace=False)] = rng.standard_normal(5)
    y = a @ x0  # for m > n, fl(A x0) is consistent only to rounding: the floating-point claim is to tolerance
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"A": a.tolist(), "y": y.tolist()}))
    report = run("bp", str(path), "--json", cwd=tmp_path)
    assert report["method"] == "fullColumnRank"
    assert report["status"] == "optimal" and report["unique"] is True and report["rho"] == 0
    status, objective, _ = highs_bp(a, y)
    assert status == 0
    assert abs(report["objective"] - objective) <= 1e-9 * max(1.0, abs(objective))
    if m != n or m > 60:  # exact elimination on raw doubles: ~1 s at 60×60, minutes beyond 100×100
        return
    exact_a = [[Fraction(v) for v in row] for row in a.tolist()]
    exact_y = [Fraction(v) for v in y.tolist()]
    exact = run("bp", str(path), "--exact", "--json", cwd=tmp_path)
    assert exact["verified"] is True and exact["method"] == "fullColumnRank"
    x = [Fraction(v) for v in exact["x_exact"]]
    assert all(sum(r * v for r, v in zip(row, x)) == b for row, b in zip(exact_a, exact_y))
    bound = Fraction(report["error_bound"])
    assert all(abs(Fraction(f) - e) <= bound for f, e in zip(report["x"], x))
