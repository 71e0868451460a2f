"""`sparsecert certify` under transformations of the data whose effect on the error is known (issue 9).

The same laws as for `flow` (test_flow_metamorphic): rows scaled by 10^k leave x_inf and x* unchanged;
y -> c y gives x_inf(c alpha; c y) = c x_inf(alpha; y) and x* -> c x*, so the error scales by c; a column
permutation or negation permutes or negates both. Every enclosure is rigorous, so the transformed enclosure
must meet the original one mapped by the law (widened by 1e-12 relative for the one rounding of c·bound).
A certificate that misses it is a false claim and fails the test; a clean refusal (exit 1) or a certificate
that is not certified (exit 3) is counted and reported.
"""
import json

import pytest

import flow_reference as ref
import sparsecert_cli
from test_flow_metamorphic import SHAPES, check_transformations


def certify(tmp_path, name, a, y, depth, alpha):
    path = tmp_path / f"{name}.json"
    ref.write_problem(path, a, y)
    result = sparsecert_cli.call("certify", path, "--depth", depth, f"--alpha={alpha!r}", "--json")
    if result.returncode in (1, 3):
        assert result.stderr.startswith("Error: ") or result.returncode == 3, result.stderr
        return None
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["verdict"]["certified"]
    return document["flow"]["error_l1_lower"], document["flow"]["error_l1_upper"]


def meets(original, result, c, _):
    """The transformed enclosure meets c·[lower, upper], up to 1e-12 relative for the rounding of c·bound."""
    low, high = (float(c) * bound for bound in original)
    slack = 1e-12 * high
    return result[0] <= high + slack and low - slack <= result[1]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("depth", [2, 3])
def test_transformations(tmp_path, shape, depth):
    check_transformations(tmp_path, shape, depth, certify, meets, "the error enclosure")
