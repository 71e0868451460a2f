import BigInt
import DenseLinearAlgebra
import ExactArithmetic

/// The check A_S x*_S = y on which the support-aware coordinates rest (they cancel y analytically).
enum ReferenceConsistency {
    /// How exactly the reference x* is known, which sets how exactly A_S x*_S = y is judged.
    enum Accuracy {
        /// x* is exact: with exact data the residual must be exactly zero.
        case exact
        /// x* is the exact solution rounded to doubles (each entry within half an ulp): with exact data the
        /// residual may be as large as the rounding of x* explains, 2u·Σⱼ|Aᵢⱼx*ⱼ| + Σⱼ|Aᵢⱼ|·2⁻¹⁰⁷⁴.
        case roundedToDouble
    }

    /// Checks every row of A_S x*_S = y: exactly (up to `accuracy`) for rational data, to 1e-12 relative to
    /// the row's terms for floating-point data.
    /// - Throws: ``DiagonalNetworkError/inconsistentReference(row:residual:)`` for the first row that fails.
    /// - Complexity: O(m·s) operations; for rational data on integers over common denominators (no gcd per
    ///   operation), which keeps full-support references with large denominators cheap.
    static func check<Scalar: LinearAlgebraScalar>(
        matrix: Matrix<Scalar>, observations: [Scalar],
        reference: [Scalar], support: [Int],
        accuracy: Accuracy
    ) throws(DiagonalNetworkError) {
        if let a = matrix as? Matrix<Rational>, let y = observations as? [Rational], let x = reference as? [Rational] {
            try checkExactly(matrix: a, observations: y, reference: x, support: support, accuracy: accuracy)
            return
        }
        for i in 0..<matrix.rows {
            var residual = observations[i], size = observations[i].magnitude.doubleValue
            for j in support {
                let term = matrix[i, j] * reference[j]
                residual -= term
                size += term.magnitude.doubleValue
            }
            if residual.magnitude.doubleValue > 1e-12 * size {
                throw .inconsistentReference(row: i, residual: residual.doubleValue)
            }
        }
    }

    /// Row i holds when qᵢ·Σⱼ aᵢⱼuⱼ = pᵢ·Lᵢ·L with A_{i,S} = (aᵢⱼ)/Lᵢ, x*_S = (uⱼ)/L and yᵢ = pᵢ/qᵢ.
    private static func checkExactly(
        matrix: Matrix<Rational>, observations: [Rational], reference: [Rational],
        support: [Int], accuracy: Accuracy
    ) throws(DiagonalNetworkError) {
        let x = Rational.overCommonDenominator(support.map { reference[$0] })
        let xDouble = support.map { reference[$0].doubleValue }
        for i in 0..<matrix.rows {
            let row = Rational.overCommonDenominator(support.map { matrix[i, $0] })
            var sum = BigInt(0)
            for k in support.indices where !row.numerators[k].isZero { sum += row.numerators[k] * x.numerators[k] }
            let y = observations[i]
            let difference = y.numerator * row.denominator * x.denominator - y.denominator * sum
            guard !difference.isZero else { continue }
            let residual = Rational(difference, y.denominator * row.denominator * x.denominator).doubleValue
            guard accuracy == .roundedToDouble else { throw .inconsistentReference(row: i, residual: residual) }
            var size = 0.0, entries = 0.0
            for (k, j) in support.enumerated() {
                let entry = abs(matrix[i, j].doubleValue)
                size += entry * abs(xDouble[k])
                entries += entry
            }
            // 2u·Σ|Aᵢⱼx*ⱼ| (computed in doubles; the factor 2 covers that rounding) plus subnormal rounding.
            if abs(residual) > Double.ulpOfOne * size + entries * Double.leastNonzeroMagnitude {
                throw .inconsistentReference(row: i, residual: residual)
            }
        }
    }
}
