"""Raw float64 basis pursuit instances, as a NumPy user would make them, for `bp --exact`.

A is Gaussian (NumPy's default_rng(seed).standard_normal), x₀ has s standard normal nonzeros at random
places, and y = fl(A x₀) is NumPy's float64 product — not exactly consistent with x₀, so the exact BP optimum
is a vertex with m nonzeros, m − s of them of the size of the rounding residual. Written as
`numpy.savez(path, A=A, y=y, x0=x0)`.

Usage: python3 raw_float_problem.py ROWS COLUMNS SPARSITY SEED OUT.npz
"""
import sys

import numpy as np


def make(rows, columns, sparsity, seed):
    """(A, y, x0) as float64 arrays."""
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((rows, columns))
    x0 = np.zeros(columns)
    x0[rng.choice(columns, size=sparsity, replace=False)] = rng.standard_normal(sparsity)
    return a, a @ x0, x0


def write(path, rows, columns, sparsity, seed):
    """Writes the instance to `path` (.npz) and returns (A, y, x0)."""
    a, y, x0 = make(rows, columns, sparsity, seed)
    np.savez(path, A=a, y=y, x0=x0)
    return a, y, x0


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    write(sys.argv[5], *map(int, sys.argv[1:5]))
