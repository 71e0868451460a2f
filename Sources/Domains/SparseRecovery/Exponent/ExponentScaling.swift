import DenseLinearAlgebra
import Foundation

/// Rows of A scaled by powers of two so that each row's largest |aᵢⱼ| lies in [1, 2) — exact, and ϱ(S, σ),
/// ϱ⁺(S) and the null-space witnesses do not change (A v = 0 ⇔ R A v = 0; (R A)ᵀμ' = Aᵀ(R μ')), so the
/// exponent LPs are solved on numbers near 1 and their certificates mapped back by μ = R μ'.
struct ExponentScaling {
    /// R A.
    let matrix: Matrix<Double>
    /// The diagonal of R (powers of two).
    let rowFactors: [Double]

    /// The scaling of `matrix` (rows that are zero, or would overflow or lose digits, are left as they are).
    ///
    /// - Complexity: O(m·n).
    init(_ matrix: Matrix<Double>) {
        var scaled = matrix
        var factors = [Double](repeating: 1, count: matrix.rows)
        for i in 0..<matrix.rows {
            let size = (0..<matrix.columns).map { matrix[i, $0].magnitude }.max() ?? 0
            guard size > 0 else { continue }
            let exponent = -Int(size.exponent)
            let row = (0..<matrix.columns).map { scalbn(matrix[i, $0], exponent) }
            guard row.indices.allSatisfy({ scalbn(row[$0], -exponent) == matrix[i, $0] }) else { continue }
            for j in 0..<matrix.columns { scaled[i, j] = row[j] }
            factors[i] = scalbn(1, exponent)
        }
        self.matrix = scaled
        rowFactors = factors
    }

    /// μ = R μ' for the unscaled matrix.
    func certificate(_ scaled: [Double]) -> [Double] {
        scaled.count == rowFactors.count ? zip(scaled, rowFactors).map { $0 * $1 } : scaled
    }
}
