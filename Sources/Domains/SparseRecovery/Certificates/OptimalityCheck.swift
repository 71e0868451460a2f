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

    /// The residual excess alone, (‖A x − y‖ − η)⁺.
    let residualExcess: Scalar
    /// ‖|A||x|‖ + ‖y‖ + η in the residual's norm: what rounding errors in A x − y are relative to.
    let residualScale: Scalar
    /// maxⱼ(−xⱼ)⁺ for x ≥ 0 (else 0), and ‖x‖_∞, its scale.
    let negativity: Scalar, xScale: Scalar
    /// maxⱼ (|A|ᵀ|μ|)ⱼ + wⱼ: the scale of the dual infeasibility.
    let dualScale: Scalar
    /// Σ wⱼ|xⱼ| + Σ|yᵢμᵢ| + η‖μ‖_*: the scale of the gap.
    let gapScale: Scalar

    /// Σ wⱼ|xⱼ| − D(μ) (≥ 0 up to rounding when both are feasible).
    public var gap: Scalar { primalObjective - dualObjective }

    /// Computes every quantity. For exact scalars the scales (``residualScale``, ``dualScale``, ``gapScale``),
    /// which only the floating-point tolerances of `holds(tolerance:residualTolerance:)` use, are left at 0:
    /// they would cost two more rational matrix products.
    ///
    /// - Complexity: O(m·n).
    init(problem: BasisPursuitProblem<Scalar>, x: [Scalar], dual mu: [Scalar], support: [Int], signs: [Int]) {
        let a = problem.matrix
        primalObjective = x.indices.reduce(Scalar.zero) { $0 + problem.weight($1) * x[$1].magnitude }
        let y = problem.observations
        let residual = zip(a.multiply(x), y).map { $0 - $1 }
        let sizes =
            Scalar.isExact ? [] : zip(a.map(\.magnitude).multiply(x.map(\.magnitude)), y).map { $0 + $1.magnitude }
        let eta = problem.noise?.bound ?? .zero
        let residualNorm: Scalar, dualNorm: Scalar, sizeNorm: Scalar
        switch problem.noise?.norm ?? .infinity {
        case .infinity:
            residualNorm = residual.map(\.magnitude).max() ?? .zero
            sizeNorm = sizes.max() ?? .zero
            dualNorm = mu.reduce(Scalar.zero) { $0 + $1.magnitude }
        case .one:
            residualNorm = residual.reduce(Scalar.zero) { $0 + $1.magnitude }
            sizeNorm = sizes.reduce(Scalar.zero, +)
            dualNorm = mu.map(\.magnitude).max() ?? .zero
        }
        dualObjective = zip(y, mu).reduce(Scalar.zero) { $0 + $1.0 * $1.1 } - eta * dualNorm
        negativity = problem.nonnegative ? max(x.map { -$0 }.max() ?? .zero, .zero) : .zero
        xScale = x.map(\.magnitude).max() ?? .zero
        residualExcess = max(residualNorm - eta, .zero)
        residualScale = sizeNorm + eta
        primalInfeasibility = max(residualExcess, negativity)
        let activity = a.multiplyTransposed(mu)
        dualInfeasibility = activity.indices.map { j in
            (problem.nonnegative ? activity[j] : activity[j].magnitude) - problem.weight(j)
        }.reduce(Scalar.zero, max)
        let activitySize = Scalar.isExact ? [] : a.map(\.magnitude).multiplyTransposed(mu.map(\.magnitude))
        dualScale = activitySize.indices.map { activitySize[$0] + problem.weight($0) }.reduce(Scalar.zero, max)
        gapScale =
            Scalar.isExact
            ? .zero : primalObjective + zip(y, mu).reduce(Scalar.zero) { $0 + ($1.0 * $1.1).magnitude } + eta * dualNorm
        supportMismatch = zip(support, signs).map { j, sign in
            (activity[j] - (sign > 0 ? problem.weight(j) : -problem.weight(j))).magnitude
        }.reduce(Scalar.zero, max)
    }
}

extension OptimalityCheck where Scalar == Double {
    /// Whether the certificate holds to relative tolerances, each relative to the data it judges (so that
    /// scaling rows, columns or y changes nothing): ‖A x − y‖ − η ≤ `residualTolerance`·(‖|A||x|‖ + ‖y‖ + η),
    /// (−x)⁺ ≤ `residualTolerance`·‖x‖_∞, |Aᵀμ| − w ≤ `tolerance`·max(|A|ᵀ|μ| + w) and
    /// |gap| ≤ `tolerance`·(Σ wⱼ|xⱼ| + Σ|yᵢμᵢ| + η‖μ‖_*).
    public func holds(tolerance: Double = 1e-7, residualTolerance: Double = 1e-9) -> Bool {
        residualExcess <= residualTolerance * residualScale && negativity <= residualTolerance * xScale
            && dualInfeasibility <= tolerance * dualScale && gap.magnitude <= tolerance * gapScale
    }
}

extension OptimalityCheck {
    /// Whether the certificate holds with no tolerance at all (the exact proof for rational data).
    public var holdsExactly: Bool { primalInfeasibility == .zero && dualInfeasibility == .zero && gap == .zero }
}
