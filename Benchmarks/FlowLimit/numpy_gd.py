"""Reference for the FlowLimit benchmark: plain NumPy gradient descent on a diagonal network.

Reads one JSON case from stdin: {"A", "y", "x_limit", "depth", "alpha", "cap_seconds", "target"}, trains
x = u^D − v^D from u = v = alpha^(1/D) (product convention) with
    u ← u − η D u^(D−1) g,  v ← v + η D v^(D−1) g,  g = Aᵀ(A x − y),
and the step η = 0.5 / (D ‖A‖₂² max(1, max|x_limit|)^((2D−2)/D)) (stable for these instances), until
‖x − x_limit‖₁ ≤ target·‖x_limit‖₁ ("reached"), or gradient descent has converged to its own limit,
‖A x − y‖₂ ≤ 1e-12·‖y‖₂, which is O(η) away from the flow limit ("own limit"), or cap_seconds of wall time
("cap"). Prints one JSON line: {"seconds", "iterations", "relative_error", "reached", "stop", "step"}.
"""
import json
import sys
import time

import numpy as np


def main():
    case = json.load(sys.stdin)
    a = np.array(case["A"], dtype=float)
    y = np.array(case["y"], dtype=float)
    limit = np.array(case["x_limit"], dtype=float)
    depth = int(case["depth"])
    alpha = float(case["alpha"])
    cap = float(case["cap_seconds"])
    target = float(case["target"])
    scale = max(1.0, float(np.max(np.abs(limit))))
    step = 0.5 / (depth * np.linalg.norm(a, 2) ** 2 * scale ** ((2 * depth - 2) / depth))
    u = np.full(a.shape[1], alpha ** (1.0 / depth))
    v = u.copy()
    norm = np.sum(np.abs(limit))
    start = time.perf_counter()
    iterations = 0
    error = np.inf
    y_norm = np.linalg.norm(y)
    stop = "cap"
    while True:
        x = u ** depth - v ** depth
        residual = a @ x - y
        if iterations % 100 == 0:
            error = np.sum(np.abs(x - limit)) / norm
            if error <= target:
                stop = "reached"
                break
            if np.linalg.norm(residual) <= 1e-12 * y_norm:
                stop = "own limit"
                break
            if time.perf_counter() - start > cap:
                break
        g = a.T @ residual
        u, v = u - step * depth * u ** (depth - 1) * g, v + step * depth * v ** (depth - 1) * g
        iterations += 1
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "iterations": iterations, "relative_error": float(error),
                      "reached": bool(error <= target), "stop": stop, "step": step}))


if __name__ == "__main__":
    main()
