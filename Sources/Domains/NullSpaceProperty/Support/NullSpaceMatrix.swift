import DenseLinearAlgebra
import ExactArithmetic

/// A matrix A ∈ ℝ^{m×n} checked for null space property computations: non-empty, finite entries,
/// full row rank m (so that dim ker A = n − m and no row is redundant).
///
/// Every constant here depends on A only through ker A, which row operations leave unchanged. So each row
/// is first scaled by a power of two (which changes no digit) to bring its largest entry into [1, 2):
/// rows given at scales 10⁻³⁰⁰ … 10³⁰⁰ apart become comparable before any LP sees them. Columns are not
/// scaled: a column scaling changes ker A and the constants with it. The rank is decided without
/// tolerance (see `ExactRank`).
///
/// Keeps the exact rational data when it was given (for `--exact` re-verification); otherwise the
/// doubles themselves are the exact data (every double is a rational). Both are stored row-equilibrated.
public struct NullSpaceMatrix: Sendable, Hashable {
    /// D·A in floating point, the data every LP sees (D = diag(2^kᵢ), the row equilibration).
    public let matrix: Matrix<Double>
    /// D·A exactly: the given rationals, or the doubles converted exactly, rows scaled by D.
    public let exact: Matrix<Rational>
    /// kᵢ: row i was multiplied by 2^kᵢ.
    public let rowScaleExponents: [Int]
    /// A 64-bit FNV-1a digest of the shape and the given entries' bit patterns (before equilibration), in
    /// hexadecimal: shard results and checkpoints record it so that results of different matrices are
    /// never mixed.
    public let digest: String

    /// m.
    public var rows: Int { matrix.rows }
    /// n.
    public var columns: Int { matrix.columns }

    /// Checks a floating-point matrix.
    /// - Throws: ``NullSpacePropertyError/emptyMatrix(rows:columns:)``,
    ///   ``NullSpacePropertyError/unusableEntry(row:column:value:)`` naming the first bad entry, or
    ///   ``NullSpacePropertyError/rankDeficient(rows:columns:rank:proven:)``.
    /// - Complexity: O(m²·n) word operations for the rank test (elimination modulo primes).
    public init(_ matrix: Matrix<Double>) throws(NullSpacePropertyError) {
        try Self.validateEntries(matrix)
        var exactEntries: [Rational] = []
        exactEntries.reserveCapacity(matrix.elements.count)
        for value in matrix.elements {
            guard let exact = Rational(exactly: value) else {
                throw .unusableEntry(
                    row: exactEntries.count / matrix.columns,
                    column: exactEntries.count % matrix.columns, value: value)
            }
            exactEntries.append(exact)
        }
        try self.init(
            rounded: matrix,
            exact: Matrix(rows: matrix.rows, columns: matrix.columns, elements: exactEntries))
    }

    /// Checks an exact matrix; the LPs see its entries rounded to the nearest doubles.
    /// - Throws: as ``init(_:)-(Matrix<Double>)``, also when an entry is too large for a double.
    public init(exact: Matrix<Rational>) throws(NullSpacePropertyError) {
        let rounded = exact.map(\.doubleValue)
        try Self.validateEntries(rounded)
        try self.init(rounded: rounded, exact: exact)
    }

    private init(rounded: Matrix<Double>, exact: Matrix<Rational>) throws(NullSpacePropertyError) {
        digest = Self.digest(of: rounded)
        let exponents = (0..<rounded.rows).map { i in
            let largest = rounded.row(i).map(abs).max() ?? 0
            return largest > 0 ? -Int(largest.exponent) : 0
        }
        var scaled = rounded.elements, scaledExact = exact.elements
        for i in 0..<rounded.rows where exponents[i] != 0 {
            let factor = Rational(2).power(exponents[i])
            for j in 0..<rounded.columns {
                let index = i * rounded.columns + j
                // A row's largest entry is a normal double; a scaled subnormal entry may round, so the
                // doubles are re-rounded from the scaled exact data.
                scaledExact[index] = scaledExact[index] * factor
                scaled[index] = scaledExact[index].doubleValue
            }
        }
        matrix = Matrix(rows: rounded.rows, columns: rounded.columns, elements: scaled)
        self.exact = Matrix(rows: rounded.rows, columns: rounded.columns, elements: scaledExact)
        rowScaleExponents = exponents
        guard rows <= columns else { throw .rankDeficient(rows: rows, columns: columns, rank: nil, proven: true) }
        let (rank, proven) = ExactRank.rank(matrix)
        guard rank == rows else { throw .rankDeficient(rows: rows, columns: columns, rank: rank, proven: proven) }
    }

    private static func validateEntries(_ matrix: Matrix<Double>) throws(NullSpacePropertyError) {
        guard matrix.rows > 0, matrix.columns > 0 else {
            throw .emptyMatrix(rows: matrix.rows, columns: matrix.columns)
        }
        for i in 0..<matrix.rows {
            for j in 0..<matrix.columns where !matrix[i, j].isFinite {
                throw .unusableEntry(row: i, column: j, value: matrix[i, j])
            }
        }
    }

    private static func digest(of matrix: Matrix<Double>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ word: UInt64) {
            for byte in 0..<8 {
                hash ^= (word >> (8 * UInt64(byte))) & 0xff
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        mix(UInt64(matrix.rows))
        mix(UInt64(matrix.columns))
        for value in matrix.elements { mix(value.bitPattern) }
        let text = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }

    /// Validates an order s for ρ_s: 1 ≤ s ≤ n and s ≤ m (for s ≥ m + 1, ρ_s = ∞ always).
    public func validate(order s: Int) throws(NullSpacePropertyError) {
        guard s >= 1, s <= columns, s <= rows else { throw .invalidOrder(order: s, rows: rows, columns: columns) }
    }

    /// Aᵀμ in floating point (empty for an empty μ).
    /// - Complexity: O(m·n).
    func rowCombination(_ mu: [Double]) -> [Double] {
        guard mu.count == rows else { return [] }
        let a = matrix.elements, n = columns
        var w = Array(repeating: 0.0, count: n)
        for i in 0..<rows where mu[i] != 0 { for j in 0..<n { w[j] += a[i * n + j] * mu[i] } }
        return w
    }

    /// The exact kernel of A_S (the columns S of the exact data): its dimension and a basis, as vectors
    /// indexed like S. ρ_S = ∞ exactly when the dimension is positive.
    /// - Complexity: O(m·|S|²) rational operations.
    func exactKernel(of support: [Int]) -> (dimension: Int, basis: [[Rational]]) {
        let (rank, basis) = ExactRank.kernel(exact.columns(support))
        return (support.count - rank, basis)
    }
}
