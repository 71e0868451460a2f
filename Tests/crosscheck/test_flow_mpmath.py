"""x_inf(alpha) from `sparsecert flow --method newton` against an independent mpmath computation.

Random exactly consistent instances (A on 2^-10 Z, x0 on 2^-4 Z, y = A x0 exact); linprog confirms that x0
is the BP solution. For D = 2, 3, 4 at alpha = 1e-3, 1e-10, 1e-30 (and 1e-100 for D = 2) the relative error
of ||x_inf - x*||_1 must be below 1e-8, and every entry of x_inf must agree.
"""
import mpmath
import pytest

import flow_reference as ref

CASES = [(d, e) for d in (2, 3, 4) for e in (-3, -10, -30)] + [(2, -100)]


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("depth,log10_alpha", CASES)
def test_error_matches_mpmath(tmp_path, seed, depth, log10_alpha):
    a, y, x0 = ref.consistent_instance(4, 10, 2, seed)
    problem = tmp_path / "problem.json"
    ref.write_problem(problem, a, y)
    report = ref.run_flow(problem, depth, 10.0 ** log10_alpha)
    assert [str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}" for v in x0] == report["x_star"]

    x_inf, dps = ref.flow_limit(a, y, depth, log10_alpha)
    with mpmath.workdps(dps):
        error = ref.reference_error(x_inf, x0)
        relative = abs(mpmath.mpf(report["error_l1"]) / error - 1)
    assert relative < 1e-8, f"D={depth} alpha=1e{log10_alpha}: swift {report['error_l1']!r} vs mpmath {mpmath.nstr(error, 17)}"
    for j, value in enumerate(report["x"]):
        exact = x_inf[j]
        assert abs(value - float(exact)) <= 1e-9 * abs(float(exact)) + 1e-15 * (x0[j] != 0), (j, value, exact)
