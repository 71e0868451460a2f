"""`sparsecert flow` (newton, ode) against SciPy solve_ivp on the full 2n-dimensional (u, v) flow at alpha = 1e-2.

u' = -D u^(D-1) g, v' = D v^(D-1) g, g = A^T(A x - y), x = u^D - v^D, u(0) = v(0) = alpha^(1/D), integrated
with the stiff Radau method (rtol 1e-11) until the residual is below 1e-9.
"""
import numpy as np
import pytest
from scipy.integrate import solve_ivp

import flow_reference as ref


def integrate(a, y, depth, alpha):
    n = a.shape[1]

    def rate(_, state):
        u, v = state[:n], state[n:]
        g = a.T @ (a @ (u ** depth - v ** depth) - y)
        return np.concatenate([-depth * u ** (depth - 1) * g, depth * v ** (depth - 1) * g])

    def converged(_, state):
        u, v = state[:n], state[n:]
        return np.linalg.norm(a @ (u ** depth - v ** depth) - y) - 1e-9
    converged.terminal = True

    start = np.full(2 * n, alpha ** (1.0 / depth))
    result = solve_ivp(rate, (0, 1e7), start, method="Radau", rtol=1e-11, atol=1e-14, events=converged)
    u, v = result.y[:n, -1], result.y[n:, -1]
    return u ** depth - v ** depth, result


@pytest.mark.parametrize("depth", [2, 3, 4])
@pytest.mark.parametrize("method", ["newton", "ode"])
def test_limit_matches_solve_ivp(tmp_path, depth, method):
    a, y, _ = ref.consistent_instance(3, 7, 1, seed=7)
    problem = tmp_path / "problem.json"
    ref.write_problem(problem, a, y)
    report = ref.run_flow(problem, depth, 1e-2, "--method", method)
    af = np.array([[float(v) for v in row] for row in a])
    yf = np.array([float(v) for v in y])
    x, result = integrate(af, yf, depth, 1e-2)
    assert result.status == 1, "solve_ivp did not reach the residual 1e-9"
    assert np.max(np.abs(np.array(report["x"]) - x)) < 1e-7
