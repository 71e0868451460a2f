/// A = L·D·Lᵀ for a symmetric positive definite matrix (square-root-free Cholesky).
///
/// L is unit lower triangular and D diagonal with positive entries. No square roots are taken, so the
/// factorization is exact for ``ExactArithmetic/Rational``; with `Double` it is backward stable without
/// pivoting, and after a symmetric diagonal scaling to unit diagonal (A ↦ S·A·S, S = diag(aᵢᵢ^(−1/2)))
/// its accuracy depends on the scaled condition number only — the right tool for the graded Newton and
/// Rosenbrock systems A·diag(w)·Aᵀ whose weights w span hundreds of orders of magnitude.
///
/// The code is `@inlinable` so that callers in other modules get it specialized for their scalar.
public struct LDLDecomposition<Scalar: LinearAlgebraScalar>: Sendable {
    /// Dimension n.
    public let dimension: Int
    /// L strictly below the diagonal, D on it, row-major.
    @usableFromInline let factors: [Scalar]

    /// Factors a symmetric positive definite matrix (only the lower triangle is read).
    /// - Throws: ``LinearAlgebraError/notSquare(rows:columns:)``, or ``LinearAlgebraError/singular(column:)``
    ///   for the first column whose pivot is not positive (exact) or below n·u·aⱼⱼ (floating point): the
    ///   matrix is then not (numerically) positive definite.
    /// - Complexity: O(n³/3).
    @inlinable
    public init(_ matrix: Matrix<Scalar>) throws(LinearAlgebraError) {
        guard matrix.rows == matrix.columns else { throw .notSquare(rows: matrix.rows, columns: matrix.columns) }
        try self.init(symmetric: matrix.elements, dimension: matrix.rows)
    }

    /// Factors a symmetric positive definite matrix given by its row-major entries.
    /// - Throws: as ``init(_:)``; ``LinearAlgebraError/dimensionMismatch(_:)`` when the entry count is not n².
    /// - Complexity: O(n³/3).
    @inlinable
    public init(symmetric elements: [Scalar], dimension n: Int) throws(LinearAlgebraError) {
        guard elements.count == n * n else {
            throw .dimensionMismatch("\(elements.count) entries for a \(n)×\(n) matrix")
        }
        var a = elements
        let relative = Scalar.isExact ? 0 : Double(n) * Scalar.unitRoundoff
        for j in 0..<n {
            var pivot = a[j * n + j]
            for k in 0..<j { pivot -= a[j * n + k] * a[j * n + k] * a[k * n + k] }
            guard pivot > .zero, pivot.doubleValue > relative * elements[j * n + j].doubleValue else {
                throw .singular(column: j)
            }
            a[j * n + j] = pivot
            for i in (j + 1)..<n {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= a[i * n + k] * a[j * n + k] * a[k * n + k] }
                a[i * n + j] = sum / pivot
            }
        }
        self.dimension = n
        self.factors = a
    }

    /// The solution x of A·x = b.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when `b.count ≠ n`.
    /// - Complexity: O(n²).
    @inlinable
    public func solve(_ b: [Scalar]) throws(LinearAlgebraError) -> [Scalar] {
        let n = dimension
        guard b.count == n else { throw .dimensionMismatch("right-hand side has \(b.count) entries, expected \(n)") }
        var x = b
        for i in 0..<n { for k in 0..<i { x[i] -= factors[i * n + k] * x[k] } }
        for i in 0..<n { x[i] = x[i] / factors[i * n + i] }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { x[i] -= factors[k * n + i] * x[k] }
        }
        return x
    }
}
