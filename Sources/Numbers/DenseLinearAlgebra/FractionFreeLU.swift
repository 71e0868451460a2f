import BigInt
import ExactArithmetic

/// Exact solves with a square rational matrix by fraction-free (Bareiss) elimination on integers.
///
/// Each row of A is scaled by the lcm of its denominators to an integer row (Â = D·A); Bareiss elimination
/// then keeps every intermediate entry an integer (a minor of Â, so of bounded size) and divides exactly,
/// with no gcd at all until the n results are formed. This is much faster than elimination in
/// ``ExactArithmetic/Rational`` (one gcd per operation on growing numbers): for a 50×50 LP basis with
/// dyadic data, about 20× in a release build. Same interface as ``LUDecomposition`` for `Rational`.
///
/// The factorization of Â is kept: the multipliers of each step (below the diagonal) and the eliminated
/// rows (on and above it), so that a solve with A costs O(n²) integer operations. Solves with Aᵀ factor
/// Âᵀ on first use.
public struct FractionFreeLU: Sendable {
    /// Dimension n.
    public let dimension: Int
    /// Â = D·A, integers.
    private let integerMatrix: [[BigInt]]
    /// The row scales D (lcm of each row's denominators).
    private let rowScales: [BigInt]
    /// Bareiss factors of Â (see ``Factors``).
    private let factors: Factors

    /// The packed Bareiss elimination of an integer matrix with row pivoting.
    struct Factors: Sendable {
        /// Row k of the eliminated matrix is row `permutation[k]` of the input.
        var permutation: [Int]
        /// Entry (i, k), i > k: the multiplier a⁽ᵏ⁾ᵢₖ of step k; (k, j), j ≥ k: the final row k.
        var packed: [[BigInt]]

        init(_ matrix: [[BigInt]]) throws(LinearAlgebraError) {
            let n = matrix.count
            var a = matrix
            var permutation = Array(0..<n)
            var previous = BigInt(1)
            for k in 0..<n {
                guard let pivotRow = (k..<n).first(where: { !a[$0][k].isZero }) else { throw .singular(column: k) }
                if pivotRow != k {
                    a.swapAt(k, pivotRow)
                    permutation.swapAt(k, pivotRow)
                }
                let pivot = a[k][k]
                for i in (k + 1)..<n {
                    let multiplier = a[i][k]
                    for j in (k + 1)..<n {
                        a[i][j] = (pivot * a[i][j] - multiplier * a[k][j]) / previous
                    }
                }
                previous = pivot
            }
            self.permutation = permutation
            self.packed = a
        }

        /// The integer solution numerators x̃ and the determinant-like denominator d with Â·(x̃/d) = b.
        func solve(_ b: [BigInt]) -> (numerators: [BigInt], denominator: BigInt) {
            let n = packed.count
            guard n > 0 else { return ([], 1) }
            var y = permutation.map { b[$0] }
            var previous = BigInt(1)
            for k in 0..<n {
                let pivot = packed[k][k]
                for i in (k + 1)..<n { y[i] = (pivot * y[i] - packed[i][k] * y[k]) / previous }
                previous = pivot
            }
            // Now U·x = y with U upper (row k scaled by the product of earlier pivots); the last pivot is
            // ±det(Â), and det·x is integral (Cramer), so back substitution divides exactly.
            let determinant = packed[n - 1][n - 1]
            var numerators = Array(repeating: BigInt(0), count: n)
            for i in stride(from: n - 1, through: 0, by: -1) {
                var sum = determinant * y[i]
                for j in (i + 1)..<n where !packed[i][j].isZero { sum -= packed[i][j] * numerators[j] }
                numerators[i] = sum / packed[i][i]
            }
            return (numerators, determinant)
        }
    }

    /// Factors a square rational matrix.
    /// - Throws: ``LinearAlgebraError/notSquare(rows:columns:)``, or ``LinearAlgebraError/singular(column:)``.
    /// - Complexity: O(n³) integer operations on numbers of the size of minors of Â.
    public init(_ matrix: Matrix<Rational>) throws(LinearAlgebraError) {
        guard matrix.rows == matrix.columns else { throw .notSquare(rows: matrix.rows, columns: matrix.columns) }
        let n = matrix.rows
        var rows: [[BigInt]] = []
        var scales: [BigInt] = []
        for i in 0..<n {
            let row = matrix.row(i)
            let scale = Self.commonDenominator(row)
            scales.append(scale)
            rows.append(row.map { $0.numerator * (scale / $0.denominator) })
        }
        self.dimension = n
        self.integerMatrix = rows
        self.rowScales = scales
        self.factors = try Factors(rows)
    }

    /// The solution x of A·x = b.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when `b.count ≠ n`.
    /// - Complexity: O(n²) integer operations.
    public func solve(_ b: [Rational]) throws(LinearAlgebraError) -> [Rational] {
        guard b.count == dimension else { throw .dimensionMismatch("right-hand side has \(b.count) entries, expected \(dimension)") }
        // Â x = D b; scale D b to integers by the lcm L of its denominators: Â (L x) = L D b.
        let scaled = zip(b, rowScales).map { Rational($0.numerator * $1, $0.denominator) }
        let common = Self.commonDenominator(scaled)
        let (numerators, denominator) = factors.solve(scaled.map { $0.numerator * (common / $0.denominator) })
        return numerators.map { Rational($0, denominator * common) }
    }

    /// The solution y of Aᵀ·y = c.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when `c.count ≠ n`; cannot be singular here.
    /// - Complexity: O(n³) integer operations (Âᵀ is factored on each call).
    public func solveTransposed(_ c: [Rational]) throws(LinearAlgebraError) -> [Rational] {
        guard c.count == dimension else { throw .dimensionMismatch("right-hand side has \(c.count) entries, expected \(dimension)") }
        // Aᵀ y = c ⇔ Âᵀ (D⁻¹ y) = c: solve for v = D⁻¹ y, then y = D v.
        let transposed = (0..<dimension).map { j in integerMatrix.map { $0[j] } }
        let transposedFactors = try Factors(transposed)
        let common = Self.commonDenominator(c)
        let (numerators, denominator) = transposedFactors.solve(c.map { $0.numerator * (common / $0.denominator) })
        return zip(numerators, rowScales).map { Rational($0 * $1, denominator * common) }
    }

    /// The lcm of the denominators.
    static func commonDenominator(_ values: [Rational]) -> BigInt {
        values.reduce(BigInt(1)) { lcm, value in
            value.denominator == 1 || lcm % value.denominator == 0
                ? lcm : lcm / BigInt(lcm.magnitude.greatestCommonDivisor(with: value.denominator.magnitude)) * value.denominator
        }
    }
}
