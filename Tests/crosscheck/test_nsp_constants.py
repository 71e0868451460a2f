"""Cross-checks of `sparsecert nsp` against a brute-force SciPy (HiGHS) enumeration.

Random small matrices (numpy default_rng with fixed seeds, entries rounded to multiples of 2^-12 so the
JSON text is exact) are written as JSON; SciPy computes, independently of SparseCert's formulation,
ϱ(S, τ) = max ⟨τ, v_S⟩ s.t. A v = 0, ‖v_{S^c}‖₁ ≤ 1 (v = v_S free, v_{S^c} = p − q) for every sign
pattern, ρ_S = max over τ, and ρ_s = max over all supports |S| = s. Exact-mode witnesses are re-checked
with Python fractions: A v = 0 and ‖v_S‖₁ / ‖v_{S^c}‖₁ = ρ_S exactly.
"""
import itertools
import json
from fractions import Fraction

import numpy as np
import pytest
from scipy.optimize import linprog

import sparsecert_cli

sparsecert_cli.binary()


def run(*arguments, cwd):
    return sparsecert_cli.run_json(*arguments, cwd=cwd, timeout=600)


def random_matrix(tmp_path, rows, columns, seed):
    a = np.round(np.random.default_rng(seed).standard_normal((rows, columns)) / np.sqrt(rows) * 4096) / 4096
    path = tmp_path / f"a{rows}x{columns}s{seed}.json"
    path.write_text(json.dumps(a.tolist()))
    return a, path


def scipy_rho(a, support, signs):
    """ϱ(S, τ) by HiGHS on the null-space form; inf when unbounded."""
    m, n = a.shape
    rest = [j for j in range(n) if j not in support]
    s, c = len(support), len(rest)
    cost = np.concatenate([-np.asarray(signs, dtype=float), np.zeros(2 * c)])
    a_eq = np.hstack([a[:, support], a[:, rest], -a[:, rest]])
    a_ub = np.concatenate([np.zeros(s), np.ones(2 * c)])[None, :]
    bounds = [(None, None)] * s + [(0, None)] * (2 * c)
    result = linprog(cost, A_ub=a_ub, b_ub=[1], A_eq=a_eq, b_eq=np.zeros(m), bounds=bounds, method="highs")
    if result.status == 3:
        return float("inf")
    assert result.status == 0, result.message
    return -result.fun


def scipy_support_constant(a, support):
    patterns = [(1,) + tail for tail in itertools.product([1, -1], repeat=len(support) - 1)]
    return max(scipy_rho(a, list(support), list(tau)) for tau in patterns)


def scipy_order_constant(a, s):
    return max(scipy_support_constant(a, support) for support in itertools.combinations(range(a.shape[1]), s))


@pytest.mark.parametrize("rows,columns,seed,support", [(4, 9, 1, [0, 5]), (5, 10, 2, [1, 3, 8]), (6, 12, 3, [2, 4, 6, 11])])
def test_support_constant_matches_scipy(tmp_path, rows, columns, seed, support):
    a, path = random_matrix(tmp_path, rows, columns, seed)
    report = run("nsp", str(path), "--support", ",".join(map(str, support)), "--json", cwd=tmp_path)
    expected = scipy_support_constant(a, support)
    assert report["constant"] == pytest.approx(expected, rel=1e-7)
    tau = report["signs"]
    assert scipy_rho(a, support, tau) == pytest.approx(expected, rel=1e-7)
    signed = run("nsp", str(path), "--support", ",".join(map(str, support)),
                 "--signs", "".join("+" if t > 0 else "-" for t in tau), "--json", cwd=tmp_path)
    assert signed["constant"] == pytest.approx(expected, rel=1e-7)


@pytest.mark.parametrize("rows,columns,order,seed", [(4, 9, 1, 4), (5, 10, 2, 5), (5, 10, 3, 6), (6, 11, 3, 7)])
def test_order_constant_matches_brute_force(tmp_path, rows, columns, order, seed):
    a, path = random_matrix(tmp_path, rows, columns, seed)
    expected = scipy_order_constant(a, order)
    for method in ("bnb", "naive", "milp"):
        report = run("nsp", str(path), "--order", str(order), "--method", method, "--json", cwd=tmp_path)
        assert report["exact_value"] is True, method
        assert report["constant"] == pytest.approx(expected, rel=1e-6), method
        assert report["nsp_holds"] == (expected < 1)
    fast = run("nsp", str(path), "--order", str(order), "--json", cwd=tmp_path)
    assert fast["lps_solved"] <= fast["naive_lps"] + 2 ** (order - 1)
    v = np.asarray(fast["witness"])
    inside = np.abs(v[fast["support"]]).sum()
    assert inside / (np.abs(v).sum() - inside) == pytest.approx(expected, rel=1e-6)
    assert np.abs(a @ v).max() < 1e-9


def test_exact_witness_is_exactly_in_the_kernel(tmp_path):
    a, path = random_matrix(tmp_path, 5, 10, 8)
    report = run("nsp", str(path), "--order", "2", "--exact", "--json", cwd=tmp_path)
    exact = report["exact"]
    assert exact["verified"] is True and report["exact_value"] is True
    a_exact = [[Fraction(x) for x in row] for row in a.tolist()]
    v = [Fraction(x) for x in exact["witness"]]
    assert all(sum(row[j] * v[j] for j in range(10)) == 0 for row in a_exact)
    support = exact["support"]
    inside = sum(abs(v[j]) for j in support)
    outside = sum(abs(v[j]) for j in range(10) if j not in support)
    assert inside / outside == Fraction(exact["constant"])
    assert float(Fraction(exact["constant"])) == pytest.approx(scipy_order_constant(a, 2), rel=1e-7)



def test_stopped_milp_interval_contains_brute_force(tmp_path):
    """A MILP stopped by its time limit reports GLPK's best bound (or the relaxation or pick-1 bound): each
    interval must contain SciPy's brute-force ρ_s and be no looser than the pick-1 bound."""
    a, path = random_matrix(tmp_path, 8, 16, 9)
    expected = scipy_order_constant(a, 3)
    singles = sorted((scipy_support_constant(a, [j]) for j in range(16)), reverse=True)
    pick_one = sum(r / (1 + r) for r in singles[:3])
    for limit in ["0.02", "0.2", "1"]:
        report = run("nsp", str(path), "--order", "3", "--method", "milp", "--time-limit", limit, "--json",
                     cwd=tmp_path)
        assert report["lower"] <= expected * (1 + 1e-7), limit
        assert report["upper"] is None or expected <= report["upper"] * (1 + 1e-7), limit
        if pick_one < 1:
            assert report["upper_alpha"] <= pick_one * (1 + 1e-7), limit
