import DenseLinearAlgebra
import ExactArithmetic

extension Matrix {
    /// The rank of the columns `indices`, by Gaussian elimination with partial pivoting.
    ///
    /// For exact scalars a pivot counts as zero only when it equals zero; for floating point when its
    /// magnitude is at most `relativeTolerance · max(rows, k) · maxᵢⱼ|aᵢⱼ|` (a numerical rank), after every
    /// column and then every row has been divided by its largest magnitude — so that scaling rows or columns
    /// of A changes no rank.
    ///
    /// Exact columns that are independent modulo a prime (`columnsAreIndependentModuloPrime`) have full rank
    /// at once, without rational elimination.
    ///
    /// - Complexity: O(m·k·min(m, k)) for k = `indices.count` (word operations when the modular test succeeds).
    func columnRank(_ indices: [Int], relativeTolerance: Double = 1e-12) -> Int {
        if let exact = self as? Matrix<Rational>, exact.columnsAreIndependentModuloPrime(indices) {
            return indices.count
        }
        var work = columns(indices)
        let k = indices.count
        if !Scalar.isExact {
            for c in 0..<k {
                let size = (0..<rows).map { work[$0, c].magnitude }.max() ?? .zero
                if size != .zero { for r in 0..<rows { work[r, c] = work[r, c] / size } }
            }
            for r in 0..<rows {
                let size = (0..<k).map { work[r, $0].magnitude }.max() ?? .zero
                if size != .zero { for c in 0..<k { work[r, c] = work[r, c] / size } }
            }
        }
        let largest = work.elements.map { $0.magnitude.doubleValue }.max() ?? 0
        let threshold = relativeTolerance * Double(Swift.max(rows, k)) * largest
        func isZero(_ value: Scalar) -> Bool {
            Scalar.isExact ? value == .zero : value.magnitude.doubleValue <= threshold
        }
        var rank = 0
        for column in 0..<k where rank < rows {
            guard let pivot = (rank..<rows).max(by: { work[$0, column].magnitude < work[$1, column].magnitude }),
                !isZero(work[pivot, column])
            else { continue }
            for c in column..<k {
                let swap = work[rank, c]
                work[rank, c] = work[pivot, c]
                work[pivot, c] = swap
            }
            for r in (rank + 1)..<rows where work[r, column] != .zero {
                let factor = work[r, column] / work[rank, column]
                for c in column..<k { work[r, c] -= factor * work[rank, c] }
            }
            rank += 1
        }
        return rank
    }
}
