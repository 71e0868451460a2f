import DenseLinearAlgebra

/// The norm of the residual ball of noise-aware basis pursuit.
public enum ResidualNorm: String, Sendable, Hashable, Codable, CaseIterable {
    /// ‖r‖_∞ = maxᵢ |rᵢ| (dual norm ‖·‖₁).
    case infinity = "inf"
    /// ‖r‖₁ = Σᵢ |rᵢ| (dual norm ‖·‖_∞).
    case one = "1"
}

/// The residual ball ‖A x − y‖ ≤ η of noise-aware basis pursuit.
public struct NoiseBall<Scalar: LinearAlgebraScalar>: Sendable, Hashable {
    /// η ≥ 0.
    public var bound: Scalar
    /// Which norm measures the residual.
    public var norm: ResidualNorm

    /// The ball ‖A x − y‖ ≤ `bound` in `norm` (checked when solving: η must be finite and ≥ 0).
    public init(bound: Scalar, norm: ResidualNorm) {
        self.bound = bound
        self.norm = norm
    }
}

/// One instance of the basis pursuit family (DESIGN.md §1.1):
///
///     minimize Σⱼ wⱼ|xⱼ|   subject to   A x = y                      (plain: w = 1; weighted: w > 0)
///                                        ‖A x − y‖_∞ ≤ η or ‖·‖₁ ≤ η   (noise-aware, instead of A x = y)
///                                        x ≥ 0                         (non-negative variant, optional)
///
/// All options compose. `Scalar` is `Double` for the floating-point solver or `Rational` for the exact mode.
public struct BasisPursuitProblem<Scalar: LinearAlgebraScalar>: Sendable, Hashable {
    /// A, m×n.
    public var matrix: Matrix<Scalar>
    /// y ∈ ℝ^m.
    public var observations: [Scalar]
    /// w ∈ ℝ^n with every wⱼ > 0; `nil` means w = 1.
    public var weights: [Scalar]?
    /// Whether x ≥ 0 is imposed.
    public var nonnegative: Bool
    /// The residual ball; `nil` means A x = y exactly.
    public var noise: NoiseBall<Scalar>?

    /// A problem; nothing is checked until it is solved (``BasisPursuit`` validates sizes and values).
    public init(
        matrix: Matrix<Scalar>, observations: [Scalar], weights: [Scalar]? = nil, nonnegative: Bool = false,
        noise: NoiseBall<Scalar>? = nil
    ) {
        self.matrix = matrix
        self.observations = observations
        self.weights = weights
        self.nonnegative = nonnegative
        self.noise = noise
    }

    /// wⱼ (1 without weights).
    func weight(_ j: Int) -> Scalar { weights?[j] ?? 1 }

    /// A·diag(w)⁻¹: weighted BP in x is plain BP in z = w ⊙ x for this matrix.
    var scaledMatrix: Matrix<Scalar> {
        guard let weights else { return matrix }
        var scaled = matrix
        for i in 0..<matrix.rows {
            for j in 0..<matrix.columns { scaled[i, j] = matrix[i, j] / weights[j] }
        }
        return scaled
    }

    /// Checks sizes, finiteness (via `isUsable`), w > 0 and η ≥ 0.
    ///
    /// - Throws: ``SparseRecoveryError`` naming the first offending entry.
    /// - Complexity: O(m·n).
    func validate(_ isUsable: (Scalar) -> Bool) throws(SparseRecoveryError) {
        guard matrix.rows > 0, matrix.columns > 0 else {
            throw .emptyMatrix(rows: matrix.rows, columns: matrix.columns)
        }
        try matrix.validateEntries(isUsable)
        guard observations.count == matrix.rows else {
            throw .dimensionMismatch("y has \(observations.count) entries but A has \(matrix.rows) rows")
        }
        for (i, value) in observations.enumerated() where !isUsable(value) {
            throw .unusableNumber(place: "y[\(i)]", value: value.doubleValue)
        }
        if let weights {
            guard weights.count == matrix.columns else {
                throw .dimensionMismatch("there are \(weights.count) weights but A has \(matrix.columns) columns")
            }
            for (j, w) in weights.enumerated() where !isUsable(w) || w <= .zero {
                throw .invalidParameter("weight w[\(j)] = \(w.doubleValue); every weight must be finite and > 0")
            }
        }
        if let noise, !isUsable(noise.bound) || noise.bound < .zero {
            throw .invalidParameter("the noise bound η = \(noise.bound.doubleValue); it must be finite and ≥ 0")
        }
    }
}
