import DenseLinearAlgebra
import LinearProgramming

/// A proof that a basis pursuit problem has no feasible x: a vector z ∈ ℝ^m with
///
///     Aᵀz = 0 (or Aᵀz ≤ 0 when x ≥ 0 is imposed)   and   ⟨y, z⟩ − η‖z‖_* > 0,
///
/// ‖·‖_* the dual norm of the residual ball (η = 0 without noise). For a feasible x with r = A x − y:
/// ⟨y, z⟩ = ⟨Aᵀz, x⟩ − ⟨z, r⟩ ≤ η‖z‖_*, a contradiction. Without noise this says y ∉ range(A).
public struct FarkasCertificate<Scalar: LinearAlgebraScalar>: Sendable, Hashable {
    /// z, normalized so that ⟨y, z⟩ − η·(its penalty) = 1.
    public let z: [Scalar]
    /// ⟨y, z⟩ − η‖z‖_* (must be > 0).
    public let separation: Scalar
    /// maxⱼ |(Aᵀz)ⱼ| (with x ≥ 0: maxⱼ ((Aᵀz)ⱼ)⁺) — must be 0.
    public let violation: Scalar

    /// Recomputes the two quantities for `z`.
    ///
    /// - Complexity: O(m·n).
    init(problem: BasisPursuitProblem<Scalar>, z: [Scalar]) {
        self.z = z
        let eta = problem.noise?.bound ?? .zero
        let dualNorm = problem.noise?.norm == .one
            ? (z.map(\.magnitude).max() ?? .zero) : z.reduce(Scalar.zero) { $0 + $1.magnitude }
        separation = zip(problem.observations, z).reduce(Scalar.zero) { $0 + $1.0 * $1.1 } - eta * dualNorm
        violation = problem.matrix.multiplyTransposed(z)
            .map { problem.nonnegative ? $0 : $0.magnitude }.reduce(Scalar.zero, max)
    }

    /// Whether the proof holds exactly.
    public var holdsExactly: Bool { violation == .zero && separation > .zero }

    /// The LP whose feasible points are such z: variables z⁺, z⁻ ≥ 0 (and s ≥ |zᵢ| for an ℓ1 ball),
    /// rows (Aᵀ(z⁺ − z⁻))ⱼ = 0 (≤ 0 when x ≥ 0), ⟨y, z⁺ − z⁻⟩ − η·(Σ(z⁺ + z⁻) or s) = 1; minimizes Σ(z⁺ + z⁻).
    static func program(_ problem: BasisPursuitProblem<Scalar>) -> LinearProgram<Scalar> {
        let a = problem.matrix, m = a.rows
        var lp = LinearProgram<Scalar>(direction: .minimize)
        for _ in 0..<(2 * m) { lp.addVariable(bounds: .atLeast(.zero), cost: 1) }
        let eta = problem.noise?.bound ?? .zero
        let l1Ball = problem.noise?.norm == .one && eta > .zero
        let s = l1Ball ? lp.addVariable(bounds: .atLeast(.zero)) : nil
        for j in 0..<a.columns {
            let terms = (0..<m).filter { a[$0, j] != .zero }.flatMap { i in
                [(column: i, coefficient: a[i, j]), (column: m + i, coefficient: -a[i, j])]
            }
            lp.addConstraint(terms, problem.nonnegative ? .atMost(.zero) : .fixed(.zero))
        }
        var normalization: [(column: Int, coefficient: Scalar)] = []
        for i in 0..<m {
            let y = problem.observations[i]
            let penalty = l1Ball ? Scalar.zero : eta
            if y - penalty != .zero { normalization.append((i, y - penalty)) }
            if -y - penalty != .zero { normalization.append((m + i, -y - penalty)) }
        }
        if let s { normalization.append((s, -eta)) }
        lp.addConstraint(normalization, .fixed(1))
        if let s {
            for i in 0..<m { lp.addConstraint([(i, 1), (m + i, 1), (s, -1)], .atMost(.zero)) }
        }
        return lp
    }

    /// z = z⁺ − z⁻ from the values of ``program(_:)``.
    static func vector(_ values: [Scalar], rows m: Int) -> [Scalar] { (0..<m).map { values[$0] - values[m + $0] } }
}

extension FarkasCertificate where Scalar == Double {
    /// Whether the proof holds to a tolerance relative to the sizes of A and z.
    public func holds(matrix: Matrix<Double>, tolerance: Double = 1e-7) -> Bool {
        let scale = (matrix.elements.map(\.magnitude).max() ?? 0) * (1 + z.reduce(0) { $0 + $1.magnitude })
        return violation <= tolerance * scale && separation > tolerance
    }
}
