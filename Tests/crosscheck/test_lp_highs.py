"""The LP layer against SciPy's HiGHS (scipy.optimize.linprog) on random LPs of several shapes.

Feasible bounded LPs: same status and the same optimal value to 1e-9 relative, for every GLPK method
(the interior-point method to 1e-6), and with --exact the certified fraction equals HiGHS's value to 1e-9.
Infeasible and unbounded LPs: the same verdict.
"""
import json
from fractions import Fraction

import numpy as np
import pytest
from scipy.optimize import linprog

SHAPES = [(5, 8), (10, 25), (20, 60), (40, 100)]


def random_lp(rng, m_ub, n):
    """A feasible, bounded LP: x0 ≥ 0 satisfies the rows strictly, and the box keeps it bounded."""
    a_ub = rng.standard_normal((m_ub, n))
    x0 = rng.uniform(0, 1, n)
    b_ub = a_ub @ x0 + rng.uniform(0.1, 1, m_ub)
    m_eq = max(1, m_ub // 4)
    a_eq = rng.standard_normal((m_eq, n))
    b_eq = a_eq @ x0
    c = rng.standard_normal(n)
    return {"c": c.tolist(), "A_ub": a_ub.tolist(), "b_ub": b_ub.tolist(), "A_eq": a_eq.tolist(),
            "b_eq": b_eq.tolist(), "bounds": [[0, 5]] * n}


def highs(lp):
    return linprog(lp["c"], A_ub=lp.get("A_ub"), b_ub=lp.get("b_ub"), A_eq=lp.get("A_eq"), b_eq=lp.get("b_eq"),
                   bounds=[tuple(b) for b in lp["bounds"]], method="highs")


CASES = [(shape, method) for shape in SHAPES for method in ["dual-simplex", "primal-simplex", "interior-point"]]
# GLPK's rational simplex takes tens of seconds from 20×60 on: check it on the two small shapes.
CASES += [(shape, "exact-simplex") for shape in SHAPES[:2]]


@pytest.mark.parametrize("shape,method", CASES)
def test_optimal_value_matches_highs(sparsecert, tmp_path, shape, method):
    rng = np.random.default_rng(1000 * shape[0] + shape[1])
    for instance in range(3):
        lp = random_lp(rng, *shape)
        path = tmp_path / f"lp{instance}.json"
        path.write_text(json.dumps(lp))
        ours = sparsecert("lp", path, "--method", method)
        reference = highs(lp)
        assert reference.status == 0 and ours["status"] == "optimal"
        tolerance = 1e-6 if method == "interior-point" else 1e-9
        assert abs(ours["objective"] - reference.fun) <= tolerance * max(1, abs(reference.fun))


@pytest.mark.parametrize("shape", SHAPES[:3])
def test_exact_certificate_matches_highs(sparsecert, tmp_path, shape):
    rng = np.random.default_rng(7 + shape[1])
    lp = random_lp(rng, *shape)
    path = tmp_path / "lp.json"
    path.write_text(json.dumps(lp))
    ours = sparsecert("lp", path, "--exact")
    assert ours["verified"] is True
    exact = Fraction(ours["exact"]["objective"])
    reference = highs(lp).fun
    assert abs(float(exact) - reference) <= 1e-9 * max(1, abs(reference))
    # The exact x satisfies the equality rows exactly, on the doubles that were written to the file.
    x = [Fraction(v) for v in ours["exact"]["x"]]
    for row, rhs in zip(lp["A_eq"], lp["b_eq"]):
        assert sum(Fraction(a) * xi for a, xi in zip(row, x)) == Fraction(rhs)


def test_infeasible_and_unbounded_verdicts(sparsecert, tmp_path):
    infeasible = {"c": [1, 1], "A_ub": [[1, 1]], "b_ub": [-1], "bounds": [[0, None]] * 2}
    unbounded = {"c": [-1, 0], "A_ub": [[1, -1]], "b_ub": [1], "bounds": [[0, None]] * 2}
    for lp, highs_status, ours_status in [(infeasible, 2, "infeasible"), (unbounded, 3, "unbounded")]:
        path = tmp_path / "lp.json"
        path.write_text(json.dumps(lp))
        assert highs(lp).status == highs_status
        assert sparsecert("lp", path)["status"] == ours_status


def test_milp_matches_highs(sparsecert, tmp_path):
    rng = np.random.default_rng(99)
    for _ in range(5):
        n = 12
        lp = random_lp(rng, 8, n)
        del lp["A_eq"], lp["b_eq"]
        lp["integrality"] = [1] * n
        path = tmp_path / "milp.json"
        path.write_text(json.dumps(lp))
        ours = sparsecert("lp", path)
        reference = linprog(lp["c"], A_ub=lp["A_ub"], b_ub=lp["b_ub"], bounds=[(0, 5)] * n,
                            integrality=np.ones(n), method="highs")
        assert ours["status"] == "optimal" and reference.status == 0
        assert abs(ours["objective"] - reference.fun) <= 1e-7 * max(1, abs(reference.fun))
