/// P·A = L·U for a square matrix, by Gaussian elimination with partial pivoting.
///
/// The pivot in each column is the entry of largest magnitude. With an exact scalar
/// (``ExactArithmetic/Rational``) every step is exact and the matrix is singular exactly when some
/// column has no non-zero pivot; with `Double` a pivot below `n·u·max|aᵢⱼ|` counts as zero.
///
/// One factorization solves systems with A and with Aᵀ, which is what an LP basis needs: the primal
/// values from B·x = b and the duals from Bᵀ·λ = c.
public struct LUDecomposition<Scalar: LinearAlgebraScalar>: Sendable {
    /// Dimension n.
    public let dimension: Int
    /// L (unit lower, below the diagonal) and U (on and above it), packed.
    private var factors: Matrix<Scalar>
    /// Row `k` of P·A is row `permutation[k]` of A.
    private var permutation: [Int]

    /// Factors a square matrix.
    /// - Throws: ``LinearAlgebraError/notSquare(rows:columns:)``, or
    ///   ``LinearAlgebraError/singular(column:)`` naming the first column without a pivot.
    /// - Complexity: O(n³) scalar operations.
    public init(_ matrix: Matrix<Scalar>) throws(LinearAlgebraError) {
        guard matrix.rows == matrix.columns else { throw .notSquare(rows: matrix.rows, columns: matrix.columns) }
        let n = matrix.rows
        var a = matrix
        var permutation = Array(0..<n)
        let scale = matrix.elements.lazy.map(\.magnitude).max() ?? .zero
        let threshold = Scalar.isExact ? 0 : Double(n) * Scalar.unitRoundoff * scale.doubleValue
        for k in 0..<n {
            var pivotRow = k
            for i in k..<n where a[i, k].magnitude > a[pivotRow, k].magnitude { pivotRow = i }
            guard a[pivotRow, k] != .zero, a[pivotRow, k].magnitude.doubleValue > threshold else {
                throw .singular(column: k)
            }
            if pivotRow != k {
                for j in 0..<n { let t = a[k, j]; a[k, j] = a[pivotRow, j]; a[pivotRow, j] = t }
                permutation.swapAt(k, pivotRow)
            }
            let pivot = a[k, k]
            for i in (k + 1)..<n where a[i, k] != .zero {
                let multiplier = a[i, k] / pivot
                a[i, k] = multiplier
                for j in (k + 1)..<n where a[k, j] != .zero { a[i, j] -= multiplier * a[k, j] }
            }
        }
        self.dimension = n
        self.factors = a
        self.permutation = permutation
    }

    /// The solution x of A·x = b.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when `b.count ≠ n`.
    /// - Complexity: O(n²).
    public func solve(_ b: [Scalar]) throws(LinearAlgebraError) -> [Scalar] {
        guard b.count == dimension else {
            throw .dimensionMismatch("right-hand side has \(b.count) entries, expected \(dimension)")
        }
        let n = dimension
        var x = permutation.map { b[$0] }
        for i in 0..<n { for j in 0..<i where factors[i, j] != .zero { x[i] -= factors[i, j] * x[j] } }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in (i + 1)..<n where factors[i, j] != .zero { x[i] -= factors[i, j] * x[j] }
            x[i] = x[i] / factors[i, i]
        }
        return x
    }

    /// The solution y of Aᵀ·y = c.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when `c.count ≠ n`.
    /// - Complexity: O(n²).
    public func solveTransposed(_ c: [Scalar]) throws(LinearAlgebraError) -> [Scalar] {
        guard c.count == dimension else {
            throw .dimensionMismatch("right-hand side has \(c.count) entries, expected \(dimension)")
        }
        let n = dimension
        // Aᵀ = Uᵀ Lᵀ P, so solve Uᵀ w = c, then Lᵀ z = w, then y = Pᵀ z.
        var w = c
        for i in 0..<n {
            for j in 0..<i where factors[j, i] != .zero { w[i] -= factors[j, i] * w[j] }
            w[i] = w[i] / factors[i, i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in (i + 1)..<n where factors[j, i] != .zero { w[i] -= factors[j, i] * w[j] }
        }
        var y = Array(repeating: Scalar.zero, count: n)
        for k in 0..<n { y[permutation[k]] = w[k] }
        return y
    }
}
