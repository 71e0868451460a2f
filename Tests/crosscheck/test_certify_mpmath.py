"""Certificates from `sparsecert certify` against an independent mpmath value, and `verify` rejecting tampering.

Random exactly consistent 4x10 instances (A on 2^-10 Z, x0 on 2^-4 Z, y = A x0 exact). For D = 2, 3, 4 and
alpha from 1e-1 to 1e-30, ||x_inf(alpha) - x*||_1 is computed by damped Newton on the dual in mpmath at
50 + 2*log10(1/alpha) digits (flow_reference.flow_limit) and must lie inside the certified enclosure
[error_l1_lower, error_l1_upper], whose relative width must be below 1e-6. `verify` must accept the
certificate and reject it (exit status 3) after changing x*, rho, the enclosure or the data.
"""
import json

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
