"""Cross-checks of `sparsecert generate` against NumPy and SciPy.

Files written by the Swift tool are read back with json, numpy.loadtxt, scipy.io.mmread and numpy.load
and compared with each other exactly; the documented recipe (SplitMix64, Box–Muller, dyadic rounding,
partial Fisher–Yates) is re-implemented here and must reproduce the Gaussian instances bit for bit; DCT rows
are compared with scipy.fft.dct; the closed-form ϱ of the tightness families is compared with an independent
SciPy LP (HiGHS) of its definition.
"""
import json
import math
from fractions import Fraction

import numpy as np
import pytest
import scipy.fft
import scipy.io
import scipy.optimize
import scipy.stats

import sparsecert_cli

MASK = (1 << 64) - 1


@pytest.fixture(scope="module")
def sparsecert():
    sparsecert_cli.binary()
    return sparsecert_cli.call


def generate(sparsecert, tmp_path, *arguments):
    done = sparsecert("generate", *arguments, "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def exact(value):
    """A JSON entry as an exact fraction: numbers are the doubles they denote, strings exact text."""
    return Fraction(value)


def load_json_problem(path):
    with open(path) as handle:
        data = json.load(handle)
    a = [[exact(v) for v in row] for row in data["A"]]
    return a, [exact(v) for v in data["y"]], [exact(v) for v in data["x0"]]


def as_float(matrix):
    return np.array([[float(v) for v in row] for row in matrix])


# --- the documented recipe, re-implemented --------------------------------------------------------------

class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self):
        return (self.next() >> 11) * 2.0**-53

    def gaussian(self):
        u1, u2 = self.uniform(), self.uniform()
        return math.sqrt(-2 * math.log(1 - u1)) * math.cos(2 * math.pi * u2)

    def below(self, bound):
        threshold = ((1 << 64) - bound) % bound
        while True:
            product = self.next() * bound
            if product & MASK >= threshold:
                return product >> 64

    def subset(self, n, count):
        pool = list(range(n))
        for k in range(count):
            j = k + self.below(n - k)
            pool[k], pool[j] = pool[j], pool[k]
        return sorted(pool[:count])


def round_to_grid(value, bits):
    scaled = value * 2.0**bits
    rounded = math.floor(abs(scaled) + 0.5) * (1 if scaled >= 0 else -1)
    return Fraction(int(rounded), 1 << bits)


def reference_gaussian(m, n, s, seed, bits=10, noise=0.0):
    rng = SplitMix64(seed)
    scale = 1 / math.sqrt(m)
    a = [[round_to_grid(scale * rng.gaussian(), bits) for _ in range(n)] for _ in range(m)]
    support = rng.subset(n, s)
    signs = [1 if rng.next() >> 63 == 0 else -1 for _ in support]
    x0 = [Fraction(0)] * n
    for k, index in enumerate(support):
        x0[index] = signs[k] * round_to_grid(1 + abs(rng.gaussian()), 4)
    y = [sum(a[i][j] * x0[j] for j in range(n)) for i in range(m)]
    if noise > 0:
        y = [y[i] + round_to_grid(noise * rng.gaussian(), bits + 4) for i in range(m)]
    return a, y, x0


# --- tests -------------------------------------------------------------------------------------------------

SIZES = [(4, 9, 1), (12, 40, 3), (30, 90, 5)]


def test_splitmix64_reference_outputs():
    rng = SplitMix64(0)
    assert [rng.next() for _ in range(3)] == [0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F]


@pytest.mark.parametrize("m,n,s", SIZES)
@pytest.mark.parametrize("seed", [0, 1, 12345678901234567])
def test_gaussian_instances_follow_the_documented_recipe_bit_for_bit(sparsecert, tmp_path, m, n, s, seed):
    generate(sparsecert, tmp_path, "gaussian", "--rows", m, "--columns", n, "--sparsity", s, "--seed", seed, "--out", "p.json")
    a, y, x0 = load_json_problem(tmp_path / "p.json")
    ra, ry, rx0 = reference_gaussian(m, n, s, seed)
    assert a == ra
    assert x0 == rx0
    assert y == ry


@pytest.mark.parametrize("family", ["gaussian", "rademacher", "dct"])
@pytest.mark.parametrize("m,n,s", SIZES)
def test_every_format_holds_the_same_exact_values(sparsecert, tmp_path, family, m, n, s):
    common = [family, "--rows", m, "--columns", n, "--sparsity", s, "--seed", 3, "--noise", "0.05"]
    report = generate(sparsecert, tmp_path, *common, "--out", "p.json")
    a, y, x0 = load_json_problem(tmp_path / "p.json")
    af, yf, xf = as_float(a), np.array([float(v) for v in y]), np.array([float(v) for v in x0])
    # Every generated value is a double, so the float arrays below are the exact data.
    assert all(Fraction(float(v)) == v for v in [*y, *x0, *(e for row in a for e in row)])

    generate(sparsecert, tmp_path, *common, "--out", "p.csv")
    assert np.array_equal(np.loadtxt(tmp_path / "p.csv", delimiter=",", ndmin=2), af)
    assert np.array_equal(np.loadtxt(tmp_path / "p.y.csv", ndmin=1), yf)
    assert np.array_equal(np.loadtxt(tmp_path / "p.x0.csv", ndmin=1), xf)

    generate(sparsecert, tmp_path, *common, "--out", "p.mtx")
    assert np.array_equal(np.asarray(scipy.io.mmread(tmp_path / "p.mtx")), af)
    assert np.array_equal(np.asarray(scipy.io.mmread(tmp_path / "p.y.mtx")).ravel(), yf)

    generate(sparsecert, tmp_path, *common, "--out", "p.npy")
    loaded = np.load(tmp_path / "p.npy")
    assert loaded.dtype == np.dtype("<f8") and loaded.shape == (m, n)
    assert np.array_equal(loaded, af)
    assert np.array_equal(np.load(tmp_path / "p.y.npy"), yf)
    assert np.array_equal(np.load(tmp_path / "p.x0.npy"), xf)

    assert report["support"] == [j for j in range(n) if x0[j] != 0]
    assert report["signs"] == [1 if x0[j] > 0 else -1 for j in report["support"]]
    assert all((e * 1024).denominator == 1 for row in a for e in row)
    assert all((v * 16).denominator == 1 and abs(v) >= 1 for v in x0 if v != 0)
    assert all((v * 16384).denominator == 1 for v in y)


@pytest.mark.parametrize("family", ["gaussian", "rademacher", "dct"])
def test_noise_free_data_are_exactly_consistent(sparsecert, tmp_path, family):
    generate(sparsecert, tmp_path, family, "--rows", 20, "--columns", 60, "--sparsity", 3, "--seed", 5, "--out", "p.json")
    a, y, x0 = load_json_problem(tmp_path / "p.json")
    support = [j for j in range(60) if x0[j] != 0]
    # y = A_S x0_S in exact arithmetic: y lies in range(A_S), with no rounding anywhere.
    assert y == [sum(a[i][j] * x0[j] for j in support) for i in range(20)]


def test_gaussian_entries_are_normal_with_variance_one_over_m(sparsecert, tmp_path):
    m, n = 64, 256
    generate(sparsecert, tmp_path, "gaussian", "--rows", m, "--columns", n, "--sparsity", 1, "--seed", 11, "--out", "g.npy")
    values = np.load(tmp_path / "g.npy").ravel() * math.sqrt(m)
    assert abs(values.mean()) < 0.03
    assert abs(values.var() - 1) < 0.05
    assert scipy.stats.kstest(values, "norm").pvalue > 1e-3


def test_rademacher_entries_are_plus_minus_one_over_sqrt_m(sparsecert, tmp_path):
    m = 9
    generate(sparsecert, tmp_path, "rademacher", "--rows", m, "--columns", 40, "--sparsity", 2, "--seed", 2, "--out", "r.npy")
    values = np.load(tmp_path / "r.npy")
    magnitude = round(1024 / math.sqrt(m)) / 1024
    assert set(np.abs(values).ravel()) == {magnitude}
    assert 0.35 < (values > 0).mean() < 0.65


@pytest.mark.parametrize("m,n", [(5, 16), (16, 64), (33, 33)])
def test_dct_rows_are_scaled_rows_of_scipys_orthonormal_dct(sparsecert, tmp_path, m, n):
    generate(sparsecert, tmp_path, "dct", "--rows", m, "--columns", n, "--sparsity", 1, "--seed", 4, "--out", "d.npy")
    a = np.load(tmp_path / "d.npy")
    reference = scipy.fft.dct(np.eye(n), type=2, norm="ortho", axis=0) * math.sqrt(n / m)
    matched = []
    for row in a:
        distances = np.abs(reference - row).max(axis=1)
        k = int(distances.argmin())
        assert distances[k] <= 2.0**-11 + 1e-12
        matched.append(k)
    assert len(set(matched)) == m


@pytest.mark.parametrize("r", ["0", "1/3", "0.9", "999/1000"])
def test_one_r_stores_r_exactly_and_reports_rho_equal_to_r(sparsecert, tmp_path, r):
    report = generate(sparsecert, tmp_path, "one-r", "--r", r, "--out", "p.json")
    a, y, x0 = load_json_problem(tmp_path / "p.json")
    assert a == [[1, Fraction(r)]] and y == [1] and x0 == [1, 0]
    assert Fraction(report["rho"]) == Fraction(r)
    generate(sparsecert, tmp_path, "one-r", "--r", r, "--out", "p.csv")
    with open(tmp_path / "p.csv") as handle:
        assert [Fraction(v) for v in handle.read().strip().split(",")] == [1, Fraction(r)]


def rho_by_linprog(a, support, signs):
    """ϱ(S, σ) = min t s.t. (Aᵀμ)_S = σ, |(Aᵀμ)_j| ≤ t off S — solved by HiGHS in (μ, t)."""
    m, n = a.shape
    off = [j for j in range(n) if j not in support]
    cost = np.r_[np.zeros(m), 1.0]
    a_eq = np.c_[a[:, support].T, np.zeros(len(support))]
    a_ub = np.r_[np.c_[a[:, off].T, -np.ones(len(off))], np.c_[-a[:, off].T, -np.ones(len(off))]]
    result = scipy.optimize.linprog(cost, A_ub=a_ub, b_ub=np.zeros(2 * len(off)), A_eq=a_eq, b_eq=signs,
                                    bounds=[(None, None)] * m + [(0, None)], method="highs")
    assert result.status == 0
    return result.fun


@pytest.mark.parametrize("s,n,seed,rho", [(2, 6, 0, None), (3, 12, 1, None), (5, 20, 2, "1/2"), (4, 30, 3, "9/10")])
def test_block_family_rho_matches_an_independent_lp(sparsecert, tmp_path, s, n, seed, rho):
    arguments = ["block", "--rows", s, "--columns", n, "--seed", seed, "--out", "b.json"]
    report = generate(sparsecert, tmp_path, *arguments, *(["--r", rho] if rho else []))
    a, y, x0 = load_json_problem(tmp_path / "b.json")
    af = as_float(a)
    assert np.array_equal(af[:, :s], np.eye(s))
    assert y == x0[:s] and all(v == 0 for v in x0[s:])
    if rho:
        assert Fraction(report["rho"]) == Fraction(rho)
    # The closed form ϱ = ‖Bᵀσ‖∞, exactly, and an LP of the definition.
    sigma = [1 if v > 0 else -1 for v in x0[:s]]
    closed_form = max(abs(sum(a[i][j] * sigma[i] for i in range(s))) for j in range(s, n))
    assert Fraction(report["rho"]) == closed_form
    assert abs(rho_by_linprog(af, list(range(s)), sigma) - float(closed_form)) < 1e-9


@pytest.mark.parametrize("noise", ["0.03", "0.4"])
def test_noisy_instances_follow_the_documented_recipe_bit_for_bit(sparsecert, tmp_path, noise):
    generate(sparsecert, tmp_path, "gaussian", "--rows", 8, "--columns", 20, "--sparsity", 2, "--seed", 17,
             "--noise", noise, "--out", "p.json")
    assert load_json_problem(tmp_path / "p.json") == reference_gaussian(8, 20, 2, 17, noise=float(noise))


def test_noise_level_is_the_standard_deviation_of_y_minus_a_x0(sparsecert, tmp_path):
    generate(sparsecert, tmp_path, "gaussian", "--rows", 200, "--columns", 210, "--sparsity", 4, "--seed", 3,
             "--noise", "0.1", "--out", "n.npy")
    a, y, x0 = np.load(tmp_path / "n.npy"), np.load(tmp_path / "n.y.npy"), np.load(tmp_path / "n.x0.npy")
    noise = y - a @ x0
    # 200 samples: the standard error of the sample deviation is about 0.005.
    assert abs(noise.std() - 0.1) < 0.02
    assert abs(noise.mean()) < 0.03
