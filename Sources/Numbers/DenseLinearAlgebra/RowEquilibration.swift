import Foundation

/// Scaling every row of A by a power of two R = diag(2^eᵢ) so that its largest entry lies in [1, 2): the one
/// row equilibration of the Double paths (flow limits, the BP reference, the exponent LPs).
///
/// An invertible row transformation (A, y) → (R A, R y) leaves {x : A x = y}, ker A, the flow limit and ϱ(S, σ)
/// unchanged, while a dual changes as μ = R μ'. Powers of two change no digit: a row whose scaling would lose
/// one (an entry pushed below the subnormal range) is left as it is, so R A is exact. This is the first step
/// before any rank decision, LP or Newton solve: rows given at scales 1e-12 and 1e12 then look alike.
public struct RowEquilibration: Sendable, Hashable {
    /// eᵢ: row i is multiplied by 2^eᵢ (0 for a zero row or one left as it is). Integers, because 2^eᵢ itself
    /// need not be a double (eᵢ reaches ±1074).
    public let exponents: [Int]

    /// The equilibration of A's rows.
    /// - Complexity: O(m·n).
    public init(_ matrix: Matrix<Double>) {
        exponents = (0..<matrix.rows).map { i in
            var largest = 0.0
            for j in 0..<matrix.columns { largest = Swift.max(largest, abs(matrix[i, j])) }
            guard largest > 0, largest.isFinite else { return 0 }
            let e = -Int(largest.exponent)
            let lossless = (0..<matrix.columns).allSatisfy { j in scalbn(scalbn(matrix[i, j], e), -e) == matrix[i, j] }
            return lossless ? e : 0
        }
    }

    /// R·A.
    /// - Complexity: O(m·n).
    public func apply(_ matrix: Matrix<Double>) -> Matrix<Double> {
        var scaled = matrix
        for i in 0..<matrix.rows where exponents[i] != 0 {
            for j in 0..<matrix.columns { scaled[i, j] = scalbn(matrix[i, j], exponents[i]) }
        }
        return scaled
    }

    /// R·v for a vector with one entry per row (y, or a dual μ' → μ = R μ'); a vector of another length (an
    /// absent certificate) is returned as it is.
    /// - Complexity: O(m).
    public func apply(_ vector: [Double]) -> [Double] {
        guard vector.count == exponents.count else { return vector }
        return zip(vector, exponents).map { scalbn($0, $1) }
    }
}
