import DenseLinearAlgebra

/// The two bounds a pair (μ, v) proves on ϱ(S, τ), and how well each point satisfies its constraints.
///
/// μ is feasible for the min form when `equalityResidual = 0`, and then ϱ ≤ `upperBound`; v is feasible
/// for the max form when `nullResidual = 0` and `offSupportMass ≤ 1`, and then ϱ ≥ `lowerBound`.
/// Generic, so the same code checks with a tolerance in doubles and exactly in rationals.
struct SignedNullSpaceCheck<Scalar: LinearAlgebraScalar> {
    /// ‖(Aᵀμ)_{S^c}‖_∞.
    let upperBound: Scalar
    /// ‖(Aᵀμ)_S − τ‖_∞.
    let equalityResidual: Scalar
    /// ⟨τ, v_S⟩.
    let lowerBound: Scalar
    /// ‖A v‖_∞.
    let nullResidual: Scalar
    /// ‖v_{S^c}‖₁.
    let offSupportMass: Scalar
    /// ‖v‖₁.
    let witnessMass: Scalar

    /// - Complexity: O(m·n).
    init(matrix: Matrix<Scalar>, support: SignedSupport, certificate mu: [Scalar], witness v: [Scalar]) {
        let activity = matrix.multiplyTransposed(mu)
        upperBound = support.complement.map { activity[$0].magnitude }.max() ?? .zero
        equalityResidual =
            zip(support.indices, support.signs)
            .map { (activity[$0.0] - Self.scalar($0.1)).magnitude }.max() ?? .zero
        lowerBound = zip(support.indices, support.signs)
            .reduce(Scalar.zero) { $0 + Self.scalar($1.1) * v[$1.0] }
        nullResidual = matrix.multiply(v).map(\.magnitude).max() ?? .zero
        offSupportMass = support.complement.reduce(Scalar.zero) { $0 + v[$1].magnitude }
        witnessMass = v.reduce(Scalar.zero) { $0 + $1.magnitude }
    }

    /// A sign ±1 as a scalar.
    static func scalar(_ sign: Int) -> Scalar { sign > 0 ? 1 : -1 }

    /// The gap between the two bounds.
    var gap: Scalar { (upperBound - lowerBound).magnitude }
}
