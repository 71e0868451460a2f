import DenseLinearAlgebra
import ExactArithmetic

/// A matrix A ∈ ℝ^{m×n} checked for null space property computations: non-empty, finite entries,
/// full row rank m (so that dim ker A = n − m and no row is redundant).
///
/// Keeps the exact rational data when it was given (for `--exact` re-verification); otherwise the
/// doubles themselves are the exact data (every double is a rational).
public struct NullSpaceMatrix: Sendable, Hashable {
    /// A in floating point, the data every LP sees.
    public let matrix: Matrix<Double>
    /// A exactly: the given rationals, or the doubles converted exactly.
    public let exact: Matrix<Rational>

    /// m.
    public var rows: Int { matrix.rows }
    /// n.
    public var columns: Int { matrix.columns }

    /// Checks a floating-point matrix.
    /// - Throws: ``NullSpacePropertyError/emptyMatrix(rows:columns:)``,
    ///   ``NullSpacePropertyError/unusableEntry(row:column:value:)`` naming the first bad entry, or
    ///   ``NullSpacePropertyError/rankDeficient(rows:columns:)``.
    /// - Complexity: O(m²·n) for the rank test (an LU factorization of A·Aᵀ).
    public init(_ matrix: Matrix<Double>) throws(NullSpacePropertyError) {
        try Self.validate(matrix)
        var exactEntries: [Rational] = []
        exactEntries.reserveCapacity(matrix.elements.count)
        for value in matrix.elements {
            guard let exact = Rational(exactly: value) else {
                throw .unusableEntry(row: exactEntries.count / matrix.columns, column: exactEntries.count % matrix.columns,
                                     value: value)
            }
            exactEntries.append(exact)
        }
        self.matrix = matrix
        self.exact = Matrix(rows: matrix.rows, columns: matrix.columns, elements: exactEntries)
    }

    /// Checks an exact matrix; the LPs see its entries rounded to the nearest doubles.
    /// - Throws: as ``init(_:)-(Matrix<Double>)``, also when an entry is too large for a double.
    public init(exact: Matrix<Rational>) throws(NullSpacePropertyError) {
        let rounded = exact.map(\.doubleValue)
        try Self.validate(rounded)
        self.matrix = rounded
        self.exact = exact
    }

    private static func validate(_ matrix: Matrix<Double>) throws(NullSpacePropertyError) {
        guard matrix.rows > 0, matrix.columns > 0 else {
            throw .emptyMatrix(rows: matrix.rows, columns: matrix.columns)
        }
        for i in 0..<matrix.rows {
            for j in 0..<matrix.columns where !matrix[i, j].isFinite {
                throw .unusableEntry(row: i, column: j, value: matrix[i, j])
            }
        }
        guard matrix.rows <= matrix.columns, (try? LUDecomposition(matrix.multiply(matrix.transposed))) != nil else {
            throw .rankDeficient(rows: matrix.rows, columns: matrix.columns)
        }
    }

    /// A 64-bit FNV-1a digest of the shape and the entries' bit patterns, in hexadecimal: shard results and
    /// checkpoints record it so that results of different matrices are never mixed.
    public var digest: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ word: UInt64) {
            for byte in 0..<8 {
                hash ^= (word >> (8 * UInt64(byte))) & 0xff
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        mix(UInt64(rows))
        mix(UInt64(columns))
        for value in matrix.elements { mix(value.bitPattern) }
        let text = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }

    /// Validates an order s for ρ_s: 1 ≤ s ≤ n and s ≤ m (for s ≥ m + 1, ρ_s = ∞ always).
    public func validate(order s: Int) throws(NullSpacePropertyError) {
        guard s >= 1, s <= columns, s <= rows else { throw .invalidOrder(order: s, rows: rows, columns: columns) }
    }
}
