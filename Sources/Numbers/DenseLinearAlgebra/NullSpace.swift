extension Matrix {
    /// A basis of the null space {x : A·x = 0}, as the columns of an n×k matrix (k = n − rank A).
    ///
    /// Computed from the reduced row echelon form by Gauss–Jordan elimination with partial pivoting:
    /// each free column f gives the basis vector with 1 in position f, −R[r, f] in the position of the
    /// r-th pivot column and 0 elsewhere. With an exact scalar (``ExactArithmetic/Rational``) the basis is
    /// exact; with `Double` a pivot below `max(m, n)·u·max|aᵢⱼ|` counts as zero.
    ///
    /// For an m×0 or 0×n matrix the result is the n×n identity (nothing constrains x).
    /// - Complexity: O(m·n·min(m, n)) scalar operations.
    public var nullSpaceBasis: Matrix {
        var r = self
        let threshold = Scalar.isExact ? 0
            : Double(Swift.max(rows, columns)) * Scalar.unitRoundoff
                * (elements.lazy.map(\.magnitude).max() ?? .zero).doubleValue
        var pivotColumns: [Int] = []
        var pivotRow = 0
        for column in 0..<columns where pivotRow < rows {
            var best = pivotRow
            for i in pivotRow..<rows where r[i, column].magnitude > r[best, column].magnitude { best = i }
            guard r[best, column] != .zero, r[best, column].magnitude.doubleValue > threshold else { continue }
            if best != pivotRow {
                for j in 0..<columns { let t = r[best, j]; r[best, j] = r[pivotRow, j]; r[pivotRow, j] = t }
            }
            let pivot = r[pivotRow, column]
            for j in 0..<columns { r[pivotRow, j] = r[pivotRow, j] / pivot }
            for i in 0..<rows where i != pivotRow && r[i, column] != .zero {
                let factor = r[i, column]
                for j in 0..<columns { r[i, j] -= factor * r[pivotRow, j] }
            }
            pivotColumns.append(column)
            pivotRow += 1
        }
        let isPivot = Set(pivotColumns)
        let freeColumns = (0..<columns).filter { !isPivot.contains($0) }
        var basis = Matrix(rows: columns, columns: freeColumns.count)
        for (k, free) in freeColumns.enumerated() {
            basis[free, k] = 1
            for (row, pivotColumn) in pivotColumns.enumerated() { basis[pivotColumn, k] = -r[row, free] }
        }
        return basis
    }
}
