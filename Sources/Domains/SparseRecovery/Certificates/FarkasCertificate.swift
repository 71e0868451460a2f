import DenseLinearAlgebra
import LinearProgramming

/// A proof that a basis pursuit problem has no feasible x: a vector z ∈ ℝ^m with
///
///     Aᵀz = 0 (or Aᵀz ≤ 0 when x ≥ 0 is imposed)   and   ⟨y, z⟩ − η‖z‖_* > 0,
///
/// ‖·‖_* the dual norm of the residual ball (η = 0 without noise). For a feasible x with r = A x − y:
/// ⟨y, z⟩ = ⟨Aᵀz, x⟩ − ⟨z, r⟩ ≤ η‖z‖_*, a contradiction. Without noise this says y ∉ range(A).
public struct FarkasCertificate<Scalar: LinearAlgebraScalar>: Sendable, Hashable {
    /// z, normalized so that ⟨y, z⟩ − η‖z‖_* = 1 when the certificate holds.
    public let z: [Scalar]
    /// ⟨y, z⟩ − η‖z‖_* (must be > 0).
    public let separation: Scalar
    /// maxⱼ |(Aᵀz)ⱼ| (with x ≥ 0: maxⱼ ((Aᵀz)ⱼ)⁺) — must be 0.
    public let violation: Scalar
    /// maxⱼ (|A|ᵀ|z|)ⱼ: what rounding errors in Aᵀz are relative to.
    let violationScale: Scalar
    /// Σ|yᵢzᵢ| + η‖z‖_*: what rounding errors in the separation are relative to.
    let separationScale: Scalar

    /// Recomputes the two quantities for `z`.
    ///
    /// - Complexity: O(m·n).
    init(problem: BasisPursuitProblem<Scalar>, z: [Scalar]) {
        self.z = z
        let eta = problem.noise?.bound ?? .zero
        let dualNorm =
            problem.noise?.norm == .one
            ? (z.map(\.magnitude).max() ?? .zero) : z.reduce(Scalar.zero) { $0 + $1.magnitude }
        separation = zip(problem.observations, z).reduce(Scalar.zero) { $0 + $1.0 * $1.1 } - eta * dualNorm
        violation = problem.matrix.multiplyTransposed(z)
            .map { problem.nonnegative ? $0 : $0.magnitude }.reduce(Scalar.zero, max)
        violationScale = problem.matrix.map(\.magnitude).multiplyTransposed(z.map(\.magnitude)).reduce(Scalar.zero, max)
        separationScale =
            zip(problem.observations, z).reduce(Scalar.zero) { $0 + ($1.0 * $1.1).magnitude }
            + eta * dualNorm
    }

    /// Whether the proof holds exactly.
    public var holdsExactly: Bool { violation == .zero && separation > .zero }

    /// The LP whose optimum with a positive value is such a z: variables 0 ≤ z⁺, z⁻ ≤ 1 (and s ≥ |zᵢ| for an
    /// ℓ1 ball), rows (Aᵀ(z⁺ − z⁻))ⱼ = 0 (≤ 0 when x ≥ 0); maximizes ⟨y, z⁺ − z⁻⟩ − η·(Σ(z⁺ + z⁻) or s).
    ///
    /// Bounded and feasible (z = 0), so every solver ends optimal and the exact repair can prove its value;
    /// the box normalizes z, so a separation as small as 10⁻¹⁶·‖y‖ (y off range(A) by one rounding error)
    /// is still a well-scaled optimum, where a normalization ⟨y, z⟩ = 1 would need z ~ 10¹⁶.
    static func program(_ problem: BasisPursuitProblem<Scalar>) -> LinearProgram<Scalar> {
        let a = problem.matrix, m = a.rows
        var lp = LinearProgram<Scalar>(direction: .maximize)
        let eta = problem.noise?.bound ?? .zero
        let l1Ball = problem.noise?.norm == .one && eta > .zero
        for sign in [Scalar.zero + 1, Scalar.zero - 1] {
            for i in 0..<m {
                let y = sign * problem.observations[i]
                lp.addVariable(bounds: .between(.zero, 1), cost: l1Ball ? y : y - eta)
            }
        }
        let s = l1Ball ? lp.addVariable(bounds: .atLeast(.zero), cost: -eta) : nil
        for j in 0..<a.columns {
            let terms = (0..<m).filter { a[$0, j] != .zero }.flatMap { i in
                [(column: i, coefficient: a[i, j]), (column: m + i, coefficient: -a[i, j])]
            }
            lp.addConstraint(terms, problem.nonnegative ? .atMost(.zero) : .fixed(.zero))
        }
        if let s {
            for i in 0..<m { lp.addConstraint([(i, 1), (m + i, 1), (s, -1)], .atMost(.zero)) }
        }
        return lp
    }

    /// The certificate normalized to separation 1 (when positive), recomputed.
    func normalized(_ problem: BasisPursuitProblem<Scalar>) -> FarkasCertificate {
        guard separation > .zero else { return self }
        return FarkasCertificate(problem: problem, z: z.map { $0 / separation })
    }

    /// z = z⁺ − z⁻ from the values of ``program(_:)``.
    static func vector(_ values: [Scalar], rows m: Int) -> [Scalar] { (0..<m).map { values[$0] - values[m + $0] } }
}

extension FarkasCertificate where Scalar == Double {
    /// Whether the proof holds to a tolerance relative to the data it judges: Aᵀz = 0 up to
    /// `tolerance`·max(|A|ᵀ|z|), and ⟨y, z⟩ − η‖z‖_* > `tolerance`·(Σ|yᵢzᵢ| + η‖z‖_*) — unchanged by scaling
    /// rows, columns or y. (`matrix` is the problem's A, which the check already holds; kept for source
    /// compatibility.)
    public func holds(matrix: Matrix<Double>, tolerance: Double = 1e-7) -> Bool {
        violation <= tolerance * violationScale && separation > tolerance * separationScale
    }
}
