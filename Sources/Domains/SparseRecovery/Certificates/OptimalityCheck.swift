import DenseLinearAlgebra

/// The optimality certificate of a basis pursuit solution x with dual vector μ, recomputed from the data.
///
/// With D(μ) = ⟨y, μ⟩ − η‖μ‖_* (‖·‖_* the dual norm of the residual ball; η = 0 without noise), weak duality
/// gives D(μ) ≤ Σ wⱼ|xⱼ| for every feasible x and every μ with |Aᵀμ| ≤ w (or Aᵀμ ≤ w when x ≥ 0). So x is optimal
/// iff x is feasible, μ is dual feasible and the gap Σ wⱼ|xⱼ| − D(μ) is zero; for A x = y this is the
/// familiar (Aᵀμ)_S = w_S ⊙ σ, ‖(Aᵀμ)/w‖_∞ ≤ 1. Generic: exact in rationals, to a tolerance in doubles.
public struct OptimalityCheck<Scalar: LinearAlgebraScalar>: Sendable, Hashable {
    /// Σ wⱼ|xⱼ|.
    public let primalObjective: Scalar
    /// ⟨y, μ⟩ − η‖μ‖_*.
    public let dualObjective: Scalar
    /// How far x is from feasible: max of the residual excess (‖A x − y‖ − η)⁺ (or ‖A x − y‖_∞ without noise)
    /// and, for x ≥ 0, of maxⱼ(−xⱼ)⁺.
    public let primalInfeasibility: Scalar
    /// maxⱼ (|(Aᵀμ)ⱼ| − wⱼ)⁺ (with x ≥ 0: maxⱼ ((Aᵀμ)ⱼ − wⱼ)⁺).
    public let dualInfeasibility: Scalar
    /// max_{j∈S} |(Aᵀμ)ⱼ − σⱼwⱼ| over the given support S and signs σ.
    public let supportMismatch: Scalar

    /// Σ wⱼ|xⱼ| − D(μ) (≥ 0 up to rounding when both are feasible).
    public var gap: Scalar { primalObjective - dualObjective }

    /// Computes every quantity.
    ///
    /// - Complexity: O(m·n).
    init(problem: BasisPursuitProblem<Scalar>, x: [Scalar], dual mu: [Scalar], support: [Int], signs: [Int]) {
        let a = problem.matrix
        primalObjective = x.indices.reduce(Scalar.zero) { $0 + problem.weight($1) * x[$1].magnitude }
        let residual = zip(a.multiply(x), problem.observations).map { $0 - $1 }
        let eta = problem.noise?.bound ?? .zero
        let residualNorm: Scalar, dualNorm: Scalar
        switch problem.noise?.norm ?? .infinity {
        case .infinity:
            residualNorm = residual.map(\.magnitude).max() ?? .zero
            dualNorm = mu.reduce(Scalar.zero) { $0 + $1.magnitude }
        case .one:
            residualNorm = residual.reduce(Scalar.zero) { $0 + $1.magnitude }
            dualNorm = mu.map(\.magnitude).max() ?? .zero
        }
        dualObjective = zip(problem.observations, mu).reduce(Scalar.zero) { $0 + $1.0 * $1.1 } - eta * dualNorm
        let negativity = problem.nonnegative ? (x.map { -$0 }.max() ?? .zero) : .zero
        primalInfeasibility = max(residualNorm - eta, negativity, .zero)
        let activity = a.multiplyTransposed(mu)
        dualInfeasibility = activity.indices.map { j in
            (problem.nonnegative ? activity[j] : activity[j].magnitude) - problem.weight(j)
        }.reduce(Scalar.zero, max)
        supportMismatch = zip(support, signs).map { j, sign in
            (activity[j] - (sign > 0 ? problem.weight(j) : -problem.weight(j))).magnitude
        }.reduce(Scalar.zero, max)
    }
}

extension OptimalityCheck where Scalar == Double {
    /// Whether the certificate holds to a relative tolerance (scaled by 1 + |objective| and by ‖w‖_∞).
    public func holds(tolerance: Double = 1e-7) -> Bool {
        let scale = 1 + primalObjective.magnitude
        return primalInfeasibility <= tolerance * scale && dualInfeasibility <= tolerance * scale
            && gap.magnitude <= tolerance * scale
    }
}

extension OptimalityCheck {
    /// Whether the certificate holds with no tolerance at all (the exact proof for rational data).
    public var holdsExactly: Bool { primalInfeasibility == .zero && dualInfeasibility == .zero && gap == .zero }
}
