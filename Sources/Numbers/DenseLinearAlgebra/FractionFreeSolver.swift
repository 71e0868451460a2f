import BigInt
import ExactArithmetic

/// Exact solution of integer linear systems by fraction-free (Bareiss) elimination.
///
/// For a nonsingular n×n integer matrix B, Cramer's rule says that D·x is an integer vector when
/// B·x = b, with D = ±det(B). Bareiss's elimination computes D and D·x using integer arithmetic only: every
/// intermediate value is a minor of [B | b], so entries grow only linearly in n (no gcd is ever taken, unlike
/// elimination over the rationals), and every division is exact. This is what makes exact LP certificates
/// fast: an LP basis matrix is scaled to integers once, and x_B and the duals follow from two eliminations.
///
/// - Complexity: O(n²·(n + r)) big-integer operations for r right-hand sides, on numbers of at most
///   about n·(b + log₂ n) bits when the entries have b bits.
public enum FractionFreeSolver {
    /// The solutions of B·x = bₖ for several right-hand sides, as integer numerators over one denominator.
    public struct Solution: Sendable, Hashable {
        /// D·xₖ for each right-hand side k (integers).
        public let numerators: [[BigInt]]
        /// D = ±det(B), never zero.
        public let denominator: BigInt
    }

    /// Solves B·xₖ = bₖ for every right-hand side.
    ///
    /// - Parameters:
    ///   - matrix: B, n×n, row-major (`matrix[i * n + j]`).
    ///   - n: the dimension n (the argument label is `dimension`).
    ///   - rightHandSides: the vectors bₖ, each of length n.
    ///   - transposed: solve Bᵀ·xₖ = bₖ instead.
    /// With more right-hand sides than n, the sides go through the integer adjugate W = D·B⁻¹ (one elimination
    /// with the n unit vectors, then D·xₖ = W·bₖ by integer products): the same numerators over the same D, but
    /// r small-by-large products instead of r columns carried through the elimination.
    ///
    /// - Throws: ``LinearAlgebraError/singular(column:)`` when B is singular, or
    ///   ``LinearAlgebraError/dimensionMismatch(_:)`` when the sizes do not fit.
    public static func solve(
        _ matrix: [BigInt], dimension n: Int, rightHandSides: [[BigInt]],
        transposed: Bool = false
    ) throws(LinearAlgebraError) -> Solution {
        guard matrix.count == n * n else {
            throw .dimensionMismatch("\(matrix.count) matrix entries for dimension \(n)")
        }
        for b in rightHandSides where b.count != n {
            throw .dimensionMismatch("a right-hand side has \(b.count) entries, expected \(n)")
        }
        return rightHandSides.count > n
            ? try solveThroughAdjugate(matrix, dimension: n, rightHandSides: rightHandSides, transposed: transposed)
            : try eliminate(matrix, dimension: n, rightHandSides: rightHandSides, transposed: transposed)
    }

    /// D·xₖ = W·bₖ with W = D·B⁻¹ from one elimination with the unit vectors (sizes already checked).
    /// - Complexity: O(n³) big-integer operations for W, then n² products per right-hand side.
    static func solveThroughAdjugate(
        _ matrix: [BigInt], dimension n: Int, rightHandSides: [[BigInt]], transposed: Bool
    ) throws(LinearAlgebraError) -> Solution {
        let units = (0..<n).map { k in (0..<n).map { BigInt($0 == k ? 1 : 0) } }
        // adjugate.numerators[l] = W·e_l, the l-th column of W.
        let adjugate = try eliminate(matrix, dimension: n, rightHandSides: units, transposed: transposed)
        let numerators = rightHandSides.map { b in
            // Machine-word entries of b go through ProductSum (no temporaries); larger ones are multiplied.
            var result = [BigInt](repeating: 0, count: n), sums = [ProductSum](repeating: ProductSum(), count: n)
            for l in 0..<n where !b[l].isZero {
                let column = adjugate.numerators[l], factor = b[l]
                if let word = Int(exactly: factor) {
                    for k in 0..<n { sums[k].add(column[k], times: word) }
                } else {
                    for k in 0..<n where !column[k].isZero { result[k] += column[k] * factor }
                }
            }
            return (0..<n).map { result[$0] + sums[$0].value }
        }
        return Solution(numerators: numerators, denominator: adjugate.denominator)
    }

    /// Bareiss's elimination of [B | b₁ … b_r] and back substitution (sizes already checked).
    static func eliminate(
        _ matrix: [BigInt], dimension n: Int, rightHandSides: [[BigInt]], transposed: Bool
    ) throws(LinearAlgebraError) -> Solution {
        let r = rightHandSides.count
        let width = n + r
        var a = [BigInt](repeating: 0, count: n * width)
        for i in 0..<n {
            for j in 0..<n { a[i * width + j] = transposed ? matrix[j * n + i] : matrix[i * n + j] }
            for k in 0..<r { a[i * width + n + k] = rightHandSides[k][i] }
        }
        var previous: BigInt = 1
        for k in 0..<n {
            // Among the usable pivots take the shortest number: it keeps the products small.
            var pivotRow = -1
            for i in k..<n where !a[i * width + k].isZero {
                if pivotRow < 0 || a[i * width + k].magnitude.bitWidth < a[pivotRow * width + k].magnitude.bitWidth {
                    pivotRow = i
                }
            }
            guard pivotRow >= 0 else { throw .singular(column: k) }
            if pivotRow != k {
                for j in k..<width { a.swapAt(k * width + j, pivotRow * width + j) }
            }
            let pivot = a[k * width + k]
            for i in (k + 1)..<n {
                let factor = a[i * width + k]
                a[i * width + k] = 0
                if factor.isZero {
                    if pivot != previous {
                        for j in (k + 1)..<width where !a[i * width + j].isZero {
                            a[i * width + j] = a[i * width + j] * pivot / previous
                        }
                    }
                    continue
                }
                for j in (k + 1)..<width {
                    let product = a[i * width + j] * pivot - factor * a[k * width + j]
                    a[i * width + j] = previous == 1 ? product : product / previous
                }
            }
            previous = pivot
        }
        // a is now upper triangular with a[n−1][n−1] = ±det(B) =: D; back-substitute for D·x, whose
        // entries are integers, so each division below is exact.
        let denominator = previous
        var numerators: [[BigInt]] = []
        for k in 0..<r {
            var y = [BigInt](repeating: 0, count: n)
            for i in stride(from: n - 1, through: 0, by: -1) {
                var sum = denominator * a[i * width + n + k]
                for j in (i + 1)..<n where !a[i * width + j].isZero { sum -= a[i * width + j] * y[j] }
                y[i] = sum / a[i * width + i]
            }
            numerators.append(y)
        }
        return Solution(numerators: numerators, denominator: denominator)
    }
}
