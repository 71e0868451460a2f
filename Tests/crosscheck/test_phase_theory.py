"""Cross-checks of `sparsecert phase theory` (ψ, the statistical dimension of the ℓ1 descent cone, and the
transition curve it gives) against an independent SciPy computation and published Donoho–Tanner values.

The reference does not use SparseCert's closed form: it evaluates the statistical dimension from its
definition (Amelunxen, Lotz, McCoy & Tropp 2014, Recipe 4.1) as
    ψ(ε) = min_τ ε(1 + τ²) + (1 − ε)·E[(|g| − τ)₊²],   E[(|g| − τ)₊²] = 2∫_τ^∞ (u − τ)² φ(u) du,
with the expectation by numerical quadrature (scipy.integrate.quad), the minimizing τ as the root of the
derivative ετ − (1 − ε)·2∫_τ^∞ (u − τ) φ(u) du (brentq), and the curve ρ(δ) = ε/δ with ψ(ε) = δ (brentq).
"""
import numpy as np
import pytest
from scipy import integrate, optimize, stats

import sparsecert_cli

sparsecert_cli.binary()

EPSILONS = [0.001, 0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 0.99]
DELTAS = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9]


def tail_moment(tau, power):
    value, _ = integrate.quad(lambda u: (u - tau) ** power * stats.norm.pdf(u), tau, np.inf,
                              epsabs=1e-15, epsrel=1e-13, limit=200)
    return 2 * value


def reference_tau(epsilon):
    return optimize.brentq(lambda t: epsilon * t - (1 - epsilon) * tail_moment(t, 1), 0, 40, xtol=1e-14)


def reference_psi(epsilon):
    tau = reference_tau(epsilon)
    return epsilon * (1 + tau * tau) + (1 - epsilon) * tail_moment(tau, 2)


def reference_rho(delta):
    return optimize.brentq(lambda e: reference_psi(e) - delta, 1e-9, delta, xtol=1e-14) / delta


@pytest.fixture(scope="module")
def theory():
    return sparsecert_cli.run_json("phase", "theory", "--deltas", ",".join(map(str, DELTAS)),
                                   "--epsilons", ",".join(map(str, EPSILONS)), "--json")


def test_psi_against_quadrature(theory):
    assert [p["epsilon"] for p in theory["psi"]] == EPSILONS
    for point in theory["psi"]:
        assert point["psi"] == pytest.approx(reference_psi(point["epsilon"]), abs=1e-6)
        assert point["tau"] == pytest.approx(reference_tau(point["epsilon"]), abs=1e-5)


def test_curve_against_quadrature(theory):
    assert [p["delta"] for p in theory["transition"]] == DELTAS
    for point in theory["transition"]:
        assert point["rho_theory"] == pytest.approx(reference_rho(point["delta"]), abs=1e-6)


def test_published_weak_threshold():
    """Donoho & Tanner's weak threshold for ℓ1 (the cross-polytope): ρ_W(1/2) ≈ 0.385."""
    curve = sparsecert_cli.run_json("phase", "theory", "--deltas", "0.5", "--json")["transition"]
    assert curve[0]["rho_theory"] == pytest.approx(0.385, abs=1e-3)


def test_endpoints():
    document = sparsecert_cli.run_json("phase", "theory", "--epsilons", "0,1", "--deltas", "1", "--json")
    assert [p["psi"] for p in document["psi"]] == [0, 1]
    assert [p["tau"] for p in document["psi"]] == [None, None]
    assert document["transition"][0]["rho_theory"] == 1
