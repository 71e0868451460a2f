"""NSP constants under scaling (issue 9 item 7), against SciPy (HiGHS) and exact fractions.

ρ_s depends on A only through ker A, so scaling a row by 10^k must leave it unchanged, and full-row-rank
matrices at extreme scales must not be refused. The reference values are SciPy's brute force on the
unscaled matrix (entries multiples of 2^-12, exact in JSON); the scaled files are written by NumPy.
"""
import itertools
import json
from fractions import Fraction

import numpy as np
import pytest
import sparsecert_cli
from test_nsp_constants import scipy_rho

sparsecert_cli.binary()


def scipy_order_constant(a, s):
    patterns = lambda k: [(1,) + tail for tail in itertools.product([1, -1], repeat=k - 1)]
    return max(scipy_rho(a, list(S), list(tau))
               for S in itertools.combinations(range(a.shape[1]), s) for tau in patterns(s))


def write(tmp_path, name, a):
    path = tmp_path / name
    path.write_text(json.dumps([[float(x) for x in row] for row in a]))
    return path


@pytest.mark.parametrize("seed", [1, 2])
def test_row_scaling_leaves_rho_unchanged(tmp_path, seed):
    a = np.round(np.random.default_rng(seed).standard_normal((4, 8)) / 2 * 4096) / 4096
    reference = scipy_order_constant(a, 2)
    for k in [-12, -8, -3, 5, 9, 12]:
        scaled = a.copy()
        scaled[seed % 4] *= 10.0 ** k
        scaled[(seed + 1) % 4] *= 10.0 ** (-k)
        document = sparsecert_cli.run_json("nsp", write(tmp_path, f"k{k}.json", scaled), "--order", "2", "--json",
                                           "--quiet", cwd=tmp_path)
        assert document["exact_value"] is True
        assert abs(document["constant"] - reference) <= 1e-6 * max(1.0, reference), (k, document["constant"])


@pytest.mark.parametrize("scale", [1e-300, 1e-8, 1e155, 1e300])
def test_extreme_scales_are_not_rank_deficient(tmp_path, scale):
    a = np.round(np.random.default_rng(7).standard_normal((3, 6)) * 4096) / 4096
    reference = scipy_order_constant(a, 2)
    document = sparsecert_cli.run_json("nsp", write(tmp_path, "a.json", a * scale), "--order", "2", "--json",
                                       "--quiet", cwd=tmp_path)
    assert abs(document["constant"] - reference) <= 1e-6 * max(1.0, reference)


def test_small_row_gives_one_half(tmp_path):
    document = sparsecert_cli.run_json("nsp", write(tmp_path, "a.json", [[1, 0, 1], [0, 1e-7, 1e-7]]),
                                       "--order", "1", "--json", cwd=tmp_path)
    assert abs(document["constant"] - 0.5) < 1e-9


def test_no_false_infinity(tmp_path):
    """[[1e20, 1, 2], [1, 1e20, 3]]: ker A is one-dimensional; ρ₁ from the exact kernel vector (fractions)."""
    rows = [[Fraction(1e20), Fraction(1), Fraction(2)], [Fraction(1), Fraction(1e20), Fraction(3)]]
    # v = cross product of the rows spans ker A.
    (a, b, c), (d, e, f) = rows
    v = [b * f - c * e, c * d - a * f, a * e - b * d]
    total = sum(abs(x) for x in v)
    truth = max(abs(x) / (total - abs(x)) for x in v)
    done = sparsecert_cli.call("nsp", write(tmp_path, "a.json", [[1e20, 1, 2], [1, 1e20, 3]]), "--order", "1",
                               "--json", cwd=tmp_path)
    if done.returncode == 0:
        document = json.loads(done.stdout)
        if document["exact_value"]:
            assert abs(document["constant"] - float(truth)) <= 1e-6 * float(truth)
    else:
        assert "undecided" in done.stderr and "Fatal" not in done.stderr
