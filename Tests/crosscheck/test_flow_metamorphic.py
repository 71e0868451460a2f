"""`sparsecert flow` under transformations of the data whose effect on the limit is known (issue 9).

x_inf(alpha) minimizes Q_alpha(x) = alpha * sum q_D(x_i / alpha) over {A x = y}, so
- rows scaled by 10^k (any invertible row transformation) leave x_inf unchanged;
- y -> c y (c > 0) gives x_inf(c alpha; c y) = c x_inf(alpha; y);
- a column permutation permutes x_inf, a column negation negates that entry (q_D is even).
Column scaling has no such law and is not tested. The data are written as exact fractions, so every
transformation is exact; instances are dyadic (flow_reference.consistent_instance) and random 4x10 ... 8x24.
Every case must agree to 1e-9 relative to max |x|, or the tool must refuse cleanly (exit 1 with a message);
a refusal is counted and reported, a disagreement fails.
"""
import json
from fractions import Fraction

import numpy as np
import pytest

import flow_reference as ref
import sparsecert_cli

SHAPES = [(4, 10, 1, 11), (6, 18, 2, 12), (8, 24, 2, 13)]
EXPONENTS = [-12, -6, 6, 12]


def flow(tmp_path, name, a, y, depth, alpha):
    path = tmp_path / f"{name}.json"
    ref.write_problem(path, a, y)
    result = sparsecert_cli.call("flow", path, "--depth", depth, f"--alpha={alpha!r}", "--json")
    if result.returncode == 1:
        assert result.stderr.startswith("Error: "), result.stderr
        return None
    assert result.returncode == 0, result.stderr
    return np.array(json.loads(result.stdout)["x"])


def close(expected, actual):
    size = max(np.max(np.abs(expected)), np.max(np.abs(actual)))
    return size == 0 or np.max(np.abs(expected - actual)) <= 1e-9 * size


def transforms(a, y):
    """(name, A', y', c, map x -> expected x') for every transformation."""
    m, n = len(a), len(a[0])
    for k in EXPONENTS:
        factors = [Fraction(10) ** (k if i % 2 == 0 else -k) for i in range(m)]
        yield (f"rows 10^±{k}", [[v * factors[i] for v in a[i]] for i in range(m)],
               [y[i] * factors[i] for i in range(m)], Fraction(1), lambda x: x)
    for k in EXPONENTS:
        c = Fraction(10) ** k
        yield f"y·10^{k}", a, [v * c for v in y], c, lambda x, c=float(c): c * x
    permutation = [(7 * j + 3) % n for j in range(n)]
    signs = [-1 if j % 3 == 0 else 1 for j in range(n)]
    yield ("columns permuted and negated", [[signs[j] * row[permutation[j]] for j in range(n)] for row in a], y,
           Fraction(1), lambda x: np.array([signs[j] * x[permutation[j]] for j in range(n)]))


def check_transformations(tmp_path, shape, depth, run, agrees, what):
    """Runs `run` on an instance and on every transformation of it; `agrees(original, result, c, expected)`
    judges each answer that was given, and refusals (`run` returns None) are counted."""
    rows, columns, sparsity, seed = shape
    a, y, _ = ref.consistent_instance(rows, columns, sparsity, seed)
    alpha = 1e-10
    original = run(tmp_path, "original", a, y, depth, alpha)
    assert original is not None
    cases = declined = 0
    for name, a2, y2, c, expected in transforms(a, y):
        result = run(tmp_path, "transformed", a2, y2, depth, alpha * float(c))
        cases += 1
        if result is None:
            declined += 1
            continue
        assert agrees(original, result, c, expected), f"{name}: {what} does not transform as the mathematics says"
    print(f"{rows}x{columns}, D = {depth}: {cases} transformations, {declined} declined, 0 false")


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("depth", [2, 3])
def test_transformations(tmp_path, shape, depth):
    check_transformations(tmp_path, shape, depth, flow,
                          lambda original, result, c, expected: close(expected(original), result), "x_inf")
