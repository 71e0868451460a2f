"""`sparsecert bp --exact` on raw float64 data (NumPy Gaussian A, y = fl(A x₀)), re-proven in Python fractions.

y = fl(A x₀) is not exactly consistent with the s-sparse x₀, so the exact optimum is a vertex with up to m
nonzeros, most of them of the size of the rounding residual. Every claim of the report is checked here
independently, in exact rational arithmetic on the very doubles of the .npz file (Fraction(float) is exact):
A x* = y, zero duality gap ⟨y, μ⟩ = ‖x*‖₁, |Aᵀμ| ≤ 1, (Aᵀμ)_S = sign(x*_S); and the objective agrees with
SciPy's HiGHS on the same data.
"""
from fractions import Fraction

import numpy as np
import pytest
from scipy.optimize import linprog

import raw_float_problem
import sparsecert_cli

sparsecert_cli.binary()


@pytest.mark.parametrize("rows,columns,sparsity,seed", [(20, 80, 3, 1), (30, 120, 4, 2)])
def test_exact_bp_on_raw_floats_is_a_proof(tmp_path, rows, columns, sparsity, seed):
    path = tmp_path / "raw.npz"
    a_float, y_float, _ = raw_float_problem.write(path, rows, columns, sparsity, seed)
    report = sparsecert_cli.run_json("bp", path, "--exact", "--json", cwd=tmp_path, timeout=300)
    assert report["verified"] is True and report["status"] == "optimal"
    a = [[Fraction(float(v)) for v in row] for row in a_float]
    y = [Fraction(float(v)) for v in y_float]
    x = [Fraction(v) for v in report["x_exact"]]
    mu = [Fraction(v) for v in report["dual_exact"]]
    assert [sum(r * xi for r, xi in zip(row, x) if xi) for row in a] == y
    objective = sum(abs(xi) for xi in x)
    assert Fraction(report["objective_exact"]) == objective
    assert sum(yi * mi for yi, mi in zip(y, mu)) == objective
    at_mu = [sum(a[i][j] * mu[i] for i in range(rows)) for j in range(columns)]
    assert all(abs(v) <= 1 for v in at_mu)
    support = [j for j in range(columns) if x[j] != 0]
    assert support == report["support"]
    assert all(at_mu[j] == (1 if x[j] > 0 else -1) for j in support)
    # The rounding of y shows: the exact optimum is not x₀'s s-sparse vector.
    assert len(support) > sparsity
    highs = linprog(np.ones(2 * columns), A_eq=np.hstack([a_float, -a_float]), b_eq=y_float, bounds=(0, None),
                    method="highs")
    assert highs.status == 0
    assert abs(float(objective) - highs.fun) <= 1e-9 * max(1.0, abs(highs.fun))


def test_rows_at_extreme_scales_are_refined_not_pivoted(tmp_path):
    """Refinement measures violations in equilibrated units: rows given at 10¹² and 10⁻¹² are refined to the
    exact optimal basis in double precision, as unscaled rows are, instead of falling back to exact pivots."""
    a, y, _ = raw_float_problem.make(30, 120, 4, 2)
    scale = np.array([1e12 if i % 2 else 1e-12 for i in range(a.shape[0])])
    np.savez(tmp_path / "scaled.npz", A=a * scale[:, None], y=y * scale)
    report = sparsecert_cli.run_json("bp", tmp_path / "scaled.npz", "--exact", "--json", cwd=tmp_path, timeout=300)
    assert report["verified"] is True and report["status"] == "optimal"
    assert "exact verification of the refined basis: optimal, proven exactly" in report["steps"]
    assert not any(step.startswith("exact simplex pivots") for step in report["steps"])
