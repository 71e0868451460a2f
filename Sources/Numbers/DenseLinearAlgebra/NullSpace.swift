extension Matrix {
    /// A basis of the null space {x : A·x = 0}, as the columns of an n×k matrix (k = n − rank A).
    ///
    /// Computed from the reduced row echelon form by Gauss–Jordan elimination with partial pivoting:
    /// each free column f gives the basis vector with 1 in position f, −R[r, f] in the position of the
    /// r-th pivot column and 0 elsewhere. With an exact scalar (``ExactArithmetic/Rational``) the basis is
    /// exact; with `Double` a pivot below `max(m, n)·u·max|aᵢⱼ|` counts as zero.
    ///
    /// For an m×0 or 0×n matrix the result is the n×n identity (nothing constrains x).
    /// `@inlinable`, so that callers get it specialized for their scalar.
    /// - Complexity: O(m·n·min(m, n)) scalar operations.
    @inlinable
    public var nullSpaceBasis: Matrix {
        let m = rows, n = columns
        var r = elements
        var largest = Scalar.zero
        for value in r where value.magnitude > largest { largest = value.magnitude }
        let threshold = Scalar.isExact ? 0 : Double(Swift.max(m, n)) * Scalar.unitRoundoff * largest.doubleValue
        var pivotColumns: [Int] = []
        var pivotRow = 0
        for column in 0..<n where pivotRow < m {
            var best = pivotRow
            for i in pivotRow..<m where r[i * n + column].magnitude > r[best * n + column].magnitude { best = i }
            let pivot = r[best * n + column]
            guard pivot != .zero, pivot.magnitude.doubleValue > threshold else { continue }
            if best != pivotRow {
                for j in 0..<n { r.swapAt(best * n + j, pivotRow * n + j) }
            }
            for j in 0..<n { r[pivotRow * n + j] = r[pivotRow * n + j] / pivot }
            for i in 0..<m where i != pivotRow && r[i * n + column] != .zero {
                let factor = r[i * n + column]
                for j in 0..<n { r[i * n + j] -= factor * r[pivotRow * n + j] }
            }
            pivotColumns.append(column)
            pivotRow += 1
        }
        var isPivot = [Bool](repeating: false, count: n)
        for column in pivotColumns { isPivot[column] = true }
        let freeColumns = (0..<n).filter { !isPivot[$0] }
        var basis = Matrix(rows: n, columns: freeColumns.count)
        for (k, free) in freeColumns.enumerated() {
            basis[free, k] = 1
            for (row, pivotColumn) in pivotColumns.enumerated() { basis[pivotColumn, k] = -r[row * n + free] }
        }
        return basis
    }
}
