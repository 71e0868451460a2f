import BigInt
import DenseLinearAlgebra

/// Exact solutions of B·xₖ = bₖ for many right-hand sides (r ≫ n) through the integer adjugate.
///
/// One Bareiss elimination with the n unit vectors gives W = D·B⁻¹ (D = ±det B, W integer); then
/// D·xₖ = W·bₖ is one integer matrix-vector product per right-hand side. The result is the same
/// numerators over the same D as Bareiss on all r sides at once (``FractionFreeSolver``), but the r sides
/// cost small-by-large integer products instead of elimination steps on numbers of n·b bits.
enum ManyRightHandSides {
    /// Solves B·xₖ = bₖ (or Bᵀ·xₖ = bₖ with `transposed`) for every right-hand side: D·xₖ over one D ≠ 0.
    /// - Parameters:
    ///   - matrix: B, n×n, row-major.
    ///   - n: the dimension (argument label `dimension`).
    ///   - rightHandSides: the vectors bₖ, n entries each.
    ///   - transposed: solve with Bᵀ.
    /// - Throws: ``LinearAlgebraError`` when B is singular or the sizes do not fit.
    /// - Complexity: O(n³) big-integer operations for W, and n² products of an entry of bₖ with an entry of W
    ///   (about n·b bits) per right-hand side — against O(n²·r) operations on such numbers for Bareiss.
    static func solve(
        _ matrix: [BigInt], dimension n: Int, rightHandSides: [[BigInt]], transposed: Bool = false
    ) throws(LinearAlgebraError) -> (numerators: [[BigInt]], denominator: BigInt) {
        guard rightHandSides.count > n else {
            let solved = try FractionFreeSolver.solve(
                matrix, dimension: n, rightHandSides: rightHandSides, transposed: transposed)
            return (solved.numerators, solved.denominator)
        }
        for b in rightHandSides where b.count != n {
            throw .dimensionMismatch("a right-hand side has \(b.count) entries, expected \(n)")
        }
        let units = (0..<n).map { k in (0..<n).map { BigInt($0 == k ? 1 : 0) } }
        let inverse = try FractionFreeSolver.solve(matrix, dimension: n, rightHandSides: units, transposed: transposed)
        // inverse.numerators[l] = W·e_l, the l-th column of W.
        let columns = inverse.numerators
        let numerators = rightHandSides.map { b in
            var result = [BigInt](repeating: 0, count: n)
            for l in 0..<n where !b[l].isZero {
                let column = columns[l], factor = b[l]
                for k in 0..<n where !column[k].isZero { result[k] += column[k] * factor }
            }
            return result
        }
        return (numerators, inverse.denominator)
    }
}
