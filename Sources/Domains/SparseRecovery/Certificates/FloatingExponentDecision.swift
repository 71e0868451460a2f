import DenseLinearAlgebra

/// The floating-point decision of "ϱ(S, σ) < 1", made only from checked certificates (item 6 of issue 9: a
/// wrong LP value must not become a definite verdict).
///
/// - "< 1" needs the certificate μ: (Aᵀμ)_S = σ up to `tolerance`·max_S (|A|ᵀ|μ|) and
///   max_{S^c} |(Aᵀμ)ⱼ| < 1 − `tolerance`·(1 + max_{S^c} (|A|ᵀ|μ|)ⱼ).
/// - "≥ 1" needs the null-space witness v: ‖A v‖_∞ ≤ `tolerance`·‖|A||v|‖_∞ and
///   ⟨σ, v_S⟩ > (1 + `tolerance`)·‖v_{S^c}‖₁ + `tolerance`·‖v‖₁ — then some exact null vector has ratio > 1.
/// - Otherwise `nil`: undecided in floating point.
///
/// Every test is relative to the data it judges, so scaling rows or columns changes no verdict.
enum FloatingExponentDecision {
    /// The decision for `constant` computed on `matrix`.
    ///
    /// - Complexity: O(m·n).
    static func isBelowOne(_ constant: SignedNullSpaceConstant, matrix: Matrix<Double>, tolerance: Double) -> Bool? {
        guard
            let pattern = try? SignedSupport(
                support: constant.support, signs: constant.signs, rows: matrix.rows,
                columns: matrix.columns)
        else { return nil }
        let magnitudes = matrix.map(\.magnitude)
        if constant.value < 1, constant.certificate.count == matrix.rows {
            let activity = matrix.multiplyTransposed(constant.certificate)
            let size = magnitudes.multiplyTransposed(constant.certificate.map(\.magnitude))
            let onSupport = zip(pattern.indices, pattern.signs).allSatisfy { j, sign in
                (activity[j] - Double(sign)).magnitude <= tolerance * max(size[j], 1)
            }
            let offSupport = pattern.complement.allSatisfy {
                activity[$0].magnitude < 1 - tolerance * (1 + size[$0])
            }
            return onSupport && offSupport ? true : nil
        }
        if constant.value > 1, constant.witness.count == matrix.columns {
            let v = constant.witness
            let residual = matrix.multiply(v).map(\.magnitude).max() ?? 0
            let size = magnitudes.multiply(v.map(\.magnitude)).max() ?? 0
            let mass = v.reduce(0) { $0 + $1.magnitude }
            let offMass = pattern.complement.reduce(0) { $0 + v[$1].magnitude }
            let value = zip(pattern.indices, pattern.signs).reduce(0) { $0 + Double($1.1) * v[$1.0] }
            return residual <= tolerance * size && value > (1 + tolerance) * offMass + tolerance * mass ? false : nil
        }
        return nil
    }
}
