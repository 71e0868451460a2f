"""Certificates written by `sparsecert certify` validate against docs/certificate.schema.json, and the schema
is not vacuous: the documents `verify` refuses for their shape (unknown key, null, a JSON number where an exact
string belongs) fail it too.

Instances: 1x2 data (with a closed form), a random consistent 4x10 instance (flow_reference), with and without
--exact and --support-constant, D = 2 and 3. With --support-constant the exact rho_S needs 2^(s-1) LPs; s <= 2.
"""
import copy
import json
import pathlib

import jsonschema
import pytest

import flow_reference as ref
import sparsecert_cli

SCHEMA = json.loads((pathlib.Path(__file__).resolve().parents[2] / "docs" / "certificate.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

CASES = [
    ("one-r", 2, []), ("one-r", 3, ["--exact", "--support-constant"]),
    ("random", 2, []), ("random", 3, ["--exact"]), ("random", 2, ["--support-constant"]),
]


def certificate(tmp_path, instance, depth, flags):
    problem = tmp_path / "problem.json"
    if instance == "one-r":
        problem.write_text('{"A": [[2, 1]], "y": [1]}')
    else:
        a, y, _ = ref.consistent_instance(4, 10, 2, 5)
        ref.write_problem(problem, a, y)
    out = tmp_path / "c.json"
    sparsecert_cli.run("certify", problem, "--depth", depth, "--alpha", "1e-6", "--out", out, *flags)
    return json.loads(out.read_text())


@pytest.mark.parametrize("instance,depth,flags", CASES)
def test_certificates_validate(tmp_path, instance, depth, flags):
    cert = certificate(tmp_path, instance, depth, flags)
    VALIDATOR.validate(cert)
    assert ("closed_form" in cert) == (instance == "one-r")
    assert ("support_constant" in cert["basis_pursuit"]) == ("--support-constant" in flags)
    assert ("rho" in cert["basis_pursuit"]) == ("--exact" in flags)


@pytest.mark.parametrize("change", ["unknown key", "null", "number for exact", "missing", "solver value"])
def test_schema_and_verify_refuse_the_same_shapes(tmp_path, change):
    cert = certificate(tmp_path, "one-r", 2, [])
    bad = copy.deepcopy(cert)
    if change == "unknown key":
        bad["flow"]["note"] = 1
    elif change == "null":
        bad["rate"]["constant"] = None
    elif change == "number for exact":
        bad["basis_pursuit"]["objective"] = 0.5
    elif change == "missing":
        del bad["verdict"]["reasons"]
    else:
        bad["flow"]["error_l1_solver"] = cert["flow"]["error_l1_lower"]
    assert not VALIDATOR.is_valid(bad)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad))
    done = sparsecert_cli.call("verify", path)
    assert done.returncode == 1, done.stderr
    path.write_text(json.dumps(cert))
    assert sparsecert_cli.call("verify", path).returncode == 0
