import DenseLinearAlgebra
import Foundation

/// Scaling every row of A (and its entry of y) by a power of two so that its largest entry lies in [1, 2).
///
/// An invertible row transformation (A, y) → (R A, R y) leaves {x : A x = y}, and hence the flow limit
/// x_∞(α) = argmin {Q_α(x) : A x = y}, unchanged, while the dual changes as λ = R λ'. Powers of two change no
/// digit of the data (barring underflow of entries 2¹⁰⁷⁴ below their row's largest), so this is the first
/// step before any rank decision, LP or Newton solve: rows given at scales 1e-12 and 1e12 then look alike.
public struct RowEquilibration: Sendable {
    /// The factor 2^(−eᵢ) of each row (1 for a zero row).
    public let factors: [Double]

    /// The equilibration of A's rows.
    /// - Complexity: O(m·n).
    public init(_ matrix: Matrix<Double>) {
        factors = (0..<matrix.rows).map { i in
            var largest = 0.0
            for j in 0..<matrix.columns { largest = Swift.max(largest, abs(matrix[i, j])) }
            return largest > 0 && largest.isFinite ? scalbn(1.0, -Int(largest.exponent)) : 1
        }
    }

    /// R·A.
    public func apply(_ matrix: Matrix<Double>) -> Matrix<Double> {
        var scaled = matrix
        for i in 0..<matrix.rows where factors[i] != 1 {
            for j in 0..<matrix.columns { scaled[i, j] = Self.scale(matrix[i, j], factors[i]) }
        }
        return scaled
    }

    /// R·v for a vector with one entry per row (y, or a dual vector λ' → λ = R λ').
    public func apply(_ vector: [Double]) -> [Double] {
        vector.indices.map { Self.scale(vector[$0], factors[$0]) }
    }

    /// v·2^e without intermediate overflow (the factors can be as small as 2⁻¹⁰⁷⁴ or as large as 2¹⁰⁷⁴).
    private static func scale(_ value: Double, _ factor: Double) -> Double {
        scalbn(value, Int(factor.exponent))
    }
}
