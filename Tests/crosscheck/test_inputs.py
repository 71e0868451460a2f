"""Cross-checks of the problem readers against the readers of NumPy, SciPy and Python's json.

Every input kind a NumPy/SciPy user has is written here with NumPy or SciPy, read back by NumPy or SciPy,
and converted by `sparsecert generate copy` to JSON, whose entries are then compared with NumPy's values
exactly (as fractions). Kinds the reference readers refuse, or that SparseCert refuses on purpose, must
exit 1 with a message naming the fix.
"""
import gzip
import json
import subprocess
from fractions import Fraction

import numpy as np
import pytest
import scipy.io
import scipy.sparse

import sparsecert_cli


def exact(value):
    """A JSON entry as a fraction: numbers are the doubles they denote, strings exact text."""
    return Fraction(value)


def as_fractions(array):
    """NumPy values as exact fractions (integers and bools exactly, floats as the doubles they are)."""
    array = np.asarray(array)
    if array.dtype.kind in "iub":
        return [Fraction(int(v)) for v in array.ravel()]
    return [Fraction(float(v)) for v in array.ravel()]


def copy(tmp_path, *arguments, input=None):
    """The problem `generate copy` read, as exact fractions: (A row-major, y, x0 or None)."""
    done = sparsecert_cli.call("generate", "copy", *arguments, "--out", "copy.json", cwd=tmp_path, input=input)
    assert done.returncode == 0, done.stderr
    document = json.loads((tmp_path / "copy.json").read_text())
    flat = [exact(v) for row in document["A"] for v in row]
    x0 = [exact(v) for v in document["x0"]] if "x0" in document else None
    return flat, [exact(v) for v in document["y"]], x0


def refused(tmp_path, *arguments, reason):
    done = sparsecert_cli.call("generate", "copy", *arguments, "--out", "copy.json", cwd=tmp_path)
    assert done.returncode == 1, done.stdout
    assert reason in done.stderr, done.stderr
    assert "Fatal error" not in done.stderr


RNG = np.random.default_rng(2026)
A = RNG.standard_normal((4, 6))
Y = RNG.standard_normal(4)
X0 = np.array([0, 1.5, 0, -2, 0, 0])


@pytest.mark.parametrize("save", [np.savez, np.savez_compressed])
def test_npz_archives(tmp_path, save):
    save(tmp_path / "p.npz", A=A, y=Y, x0=X0)
    with np.load(tmp_path / "p.npz") as data:
        assert copy(tmp_path, "--input", "p.npz") == (as_fractions(data["A"]), as_fractions(data["y"]),
                                                      as_fractions(data["x0"]))


def test_npz_positional_arrays_are_refused_with_the_fix(tmp_path):
    np.savez(tmp_path / "p.npz", A, Y)
    refused(tmp_path, "--input", "p.npz", reason="numpy.savez(file, A=A, y=y)")


def test_matrix_market_gzip_and_observations(tmp_path):
    scipy.io.mmwrite(tmp_path / "A.mtx", A)
    (tmp_path / "A.mtx.gz").write_bytes(gzip.compress((tmp_path / "A.mtx").read_bytes()))
    np.save(tmp_path / "y.npy", Y)
    expected = scipy.io.mmread(gzip.open(tmp_path / "A.mtx.gz"))
    assert copy(tmp_path, "--input", "A.mtx.gz", "--observations", "y.npy")[:2] == (as_fractions(expected),
                                                                                   as_fractions(Y))


def test_standard_input(tmp_path):
    text = json.dumps({"A": A.tolist(), "y": Y.tolist()})
    assert copy(tmp_path, "--input", "-", "--input-format", "json", input=text)[:2] == (as_fractions(A),
                                                                                        as_fractions(Y))
    done = sparsecert_cli.call("bp", "-", cwd=tmp_path, input=text)
    assert done.returncode == 1 and "--format" in done.stderr
    done = sparsecert_cli.call("flow", "-", "--format", "json", "--depth", "2", "--alpha", "0.01", cwd=tmp_path, input=text)
    assert done.returncode == 0, done.stderr


DTYPES = ["<f8", ">f8", "<f4", ">f4", "<f2", ">f2", "|i1", "<i2", ">i2", "<i4", "<i8", ">i8", "|u1", "<u2",
          "<u4", "<u8", ">u8", "|b1"]


@pytest.mark.parametrize("dtype", DTYPES)
def test_npy_every_real_dtype(tmp_path, dtype):
    kind = np.dtype(dtype).kind
    if kind == "b":
        matrix = A > 0
    elif kind in "iu":
        info = np.iinfo(dtype)
        matrix = np.array([[info.min, info.max, 0, 1, info.max // 3, 7]] * 4, dtype=dtype)
    else:
        matrix = A.astype(dtype)
    np.save(tmp_path / "A.npy", matrix)
    np.save(tmp_path / "A.y.npy", Y.astype(dtype) if kind == "f" else np.array([1, 0, 1, 1]).astype(dtype))
    read = np.load(tmp_path / "A.npy")
    assert copy(tmp_path, "--input", "A.npy")[:2] == (as_fractions(read), as_fractions(np.load(tmp_path / "A.y.npy")))


def npy_with_header(header, data, version=(1, 0)):
    header += " " * ((64 - (10 + len(header) + 1) % 64) % 64) + "\n"
    return b"\x93NUMPY" + bytes(version) + len(header).to_bytes(2, "little") + header.encode() + data


@pytest.mark.parametrize("descr", ["float64", "d", "=f8", "<d", "double"])
def test_npy_descr_spellings(tmp_path, descr):
    values = np.array([0.1, -2.5, 1e-300])
    path = tmp_path / "y.npy"
    path.write_bytes(npy_with_header(f"{{'descr': '{descr}', 'fortran_order': False, 'shape': (3,), }}",
                                     values.astype("<f8").tobytes()))
    read = np.load(path)
    np.save(tmp_path / "A.npy", np.eye(3))
    assert copy(tmp_path, "--input", "A.npy", "--observations", "y.npy")[1] == as_fractions(read)


def test_npy_fortran_order(tmp_path):
    np.save(tmp_path / "A.npy", np.asfortranarray(A))
    np.save(tmp_path / "A.y.npy", Y)
    assert copy(tmp_path, "--input", "A.npy")[0] == as_fractions(np.load(tmp_path / "A.npy"))


@pytest.mark.parametrize("name, make, reason", [
    ("complex", lambda p: np.save(p, A.astype(complex)), "complex"),
    ("object", lambda p: np.save(p, np.array([[1, "x"]], dtype=object), allow_pickle=True), "Python objects"),
    ("text", lambda p: np.save(p, np.array([["1", "2"]])), "not numeric"),
    ("longdouble", lambda p: np.save(p, A.astype(np.longdouble)), "extended precision"),
])
def test_npy_refused_dtypes(tmp_path, name, make, reason):
    make(tmp_path / "A.npy")
    np.save(tmp_path / "A.y.npy", Y)
    refused(tmp_path, "--input", "A.npy", reason=reason)


@pytest.mark.parametrize("version, shape, reason", [((1, 1), "(3,)", "version 1.1"), ((1, 0), "(3)", "(3,)")])
def test_npy_as_strict_as_numpy(tmp_path, version, shape, reason):
    path = tmp_path / "y.npy"
    path.write_bytes(npy_with_header(f"{{'descr': '<f8', 'fortran_order': False, 'shape': {shape}, }}",
                                     np.zeros(3).tobytes(), version))
    with pytest.raises(ValueError):
        np.load(path)
    np.save(tmp_path / "A.npy", np.eye(3))
    refused(tmp_path, "--input", "A.npy", "--observations", "y.npy", reason=reason)


def test_npy_size_checked_before_reading(tmp_path):
    path = tmp_path / "A.npy"
    path.write_bytes(npy_with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (4000, 4000), }",
                                     np.zeros(16).tobytes()))
    with pytest.raises(ValueError):
        np.load(path)
    np.save(tmp_path / "A.y.npy", Y)
    refused(tmp_path, "--input", "A.npy", reason="the data end after 16 of the 16000000 values")


@pytest.mark.parametrize("text, expected", [
    ("%%MatrixMarket matrix array unsigned-integer general\n2 1\n18446744073709551615\n3\n", None),
    ("%%MatrixMarket matrix coordinate pattern general\n2 2 3\n1 1\n2 1\n2 2\n", None),
    ("%%MatrixMarket matrix coordinate pattern symmetric\n2 2 2\n1 1\n2 1\n", None),
    ("%%MatrixMarket matrix coordinate real skew-symmetric\n3 3 4\n1 1 0\n2 1 2.5\n3 1 -1\n3 2 4\n", None),
    ("%%MatrixMarket matrix coordinate integer general\n2 2 2\n1 1 9007199254740993\n2 2 -4\n", None),
])
def test_matrix_market_fields(tmp_path, text, expected):
    (tmp_path / "A.mtx").write_text(text)
    reference = scipy.io.mmread(tmp_path / "A.mtx")
    reference = reference.toarray() if scipy.sparse.issparse(reference) else reference
    rows = reference.shape[0]
    np.savetxt(tmp_path / "y.csv", np.ones(rows))
    flat = copy(tmp_path, "--input", "A.mtx", "--observations", "y.csv")[0]
    if reference.dtype.kind in "iub":
        assert flat == as_fractions(reference)
    else:
        # SciPy reads integers beyond 2^53 as rounded doubles; SparseCert keeps the exact integer.
        assert [float(v) for v in flat] == [float(v) for v in reference.ravel()]


@pytest.mark.parametrize("text", ['{"A": [[01]], "y": [1]}', '{"A": [[1.]], "y": [1]}', '{"A": [[1]], "y": [1],}',
                                  '{"A": [[-]], "y": [1]}', '{"A": [[1]], "y": [1]} 2'])
def test_json_as_strict_as_python(tmp_path, text):
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)
    (tmp_path / "p.json").write_text(text)
    done = sparsecert_cli.call("generate", "copy", "--input", "p.json", "--out", "copy.json", cwd=tmp_path)
    assert done.returncode == 1 and "Error:" in done.stderr


def test_json_numbers_match_python(tmp_path):
    values = [0.1, 1e-320, 2.5e300, -0.0, 123456789012345678901234567890, 5e-324, 1.7976931348623157e308]
    (tmp_path / "p.json").write_text(json.dumps({"A": [values], "y": [1]}))
    loaded = json.loads((tmp_path / "p.json").read_text())["A"][0]
    assert copy(tmp_path, "--input", "p.json")[0] == [Fraction(v) for v in loaded]


def test_nsp_takes_a_json_file_without_y(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"A": [[1, 0, 1], [0, 1, 1]]}))
    done = sparsecert_cli.call("nsp", "a.json", "--order", "1", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("command", [["flow", "--depth", "2", "--alpha", "1e-2"],
                                     ["certify", "--depth", "3", "--alpha", "1e-6"],
                                     ["sweep", "--depths", "2", "--alphas", "1e-2:1e-3:2"]])
def test_observations_on_every_problem_command(tmp_path, command):
    matrix = np.array([[1.0, 0.5, 0.0], [0.0, 1.0, 1.0]])
    np.save(tmp_path / "A.npy", matrix)
    np.save(tmp_path / "y.npy", np.array([1.0, 1.0]))
    (tmp_path / "p.json").write_text(json.dumps({"A": matrix.tolist(), "y": [1.0, 1.0]}))
    with_file = sparsecert_cli.call(command[0], "A.npy", "--observations", "y.npy", *command[1:], "--json", cwd=tmp_path)
    with_json = sparsecert_cli.call(command[0], "p.json", *command[1:], "--json", cwd=tmp_path)
    assert with_file.returncode == with_json.returncode == 0, with_file.stderr
    assert json.loads(with_file.stdout) == json.loads(with_json.stdout)


def test_json_output_loads_without_inf_strings(tmp_path):
    (tmp_path / "g.json").write_text(json.dumps({"A": [[1, 2, 3], [4, 5, 6]], "y": [1, 2]}))
    done = sparsecert_cli.call("nsp", "g.json", "--order", "2", "--time-limit", "0.000001", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout, parse_constant=lambda name: pytest.fail(f"non-JSON constant {name}"))
    def strings(value):
        if isinstance(value, dict):
            return [s for key, item in value.items() if key != "non_finite" for s in strings(item)]
        if isinstance(value, list):
            return [s for item in value for s in strings(item)]
        return [value] if isinstance(value, str) else []
    # Non-finite numbers are null with a "non_finite" entry naming them, never the strings themselves.
    assert not {"inf", "-inf", "nan", "Infinity", "NaN"} & set(strings(document))
    for pointer, value in document.get("non_finite", {}).items():
        assert value in ("inf", "-inf", "nan") and document[pointer.split("/")[1]] is None
