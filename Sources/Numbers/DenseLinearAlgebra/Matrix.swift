/// A dense m×n matrix stored row by row.
///
/// A value type: copies are cheap until mutated (copy on write through the array).
/// Indices are 0-based; `matrix[i, j]` is the entry in row i and column j.
public struct Matrix<Scalar: LinearAlgebraScalar>: Sendable, Hashable {
    /// Number of rows m.
    public let rows: Int
    /// Number of columns n.
    public let columns: Int
    /// The entries, row after row (`elements[i * columns + j]`).
    @inlinable public var elements: [Scalar] { storage }
    /// The stored entries (inlinable, so that element access is specialized in every client module).
    @usableFromInline var storage: [Scalar]

    /// An m×n matrix with every entry equal to `value`.
    /// - Precondition: `rows ≥ 0`, `columns ≥ 0`.
    public init(rows: Int, columns: Int, repeating value: Scalar = .zero) {
        precondition(rows >= 0 && columns >= 0, "negative matrix dimension")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from its entries listed row after row.
    /// - Precondition: `elements.count == rows * columns`.
    public init(rows: Int, columns: Int, elements: [Scalar]) {
        precondition(
            rows >= 0 && columns >= 0 && elements.count == rows * columns,
            "Matrix(rows:columns:elements:) needs rows·columns elements")
        self.rows = rows
        self.columns = columns
        self.storage = elements
    }

    /// A matrix from its rows.
    /// - Throws: ``LinearAlgebraError/raggedRows(expected:row:found:)`` when the rows differ in length.
    public init(_ rowArrays: [[Scalar]]) throws(LinearAlgebraError) {
        let width = rowArrays.first?.count ?? 0
        for (index, row) in rowArrays.enumerated() where row.count != width {
            throw .raggedRows(expected: width, row: index, found: row.count)
        }
        self.rows = rowArrays.count
        self.columns = width
        self.storage = rowArrays.flatMap { $0 }
    }

    /// The n×n identity.
    public static func identity(_ n: Int) -> Matrix {
        var result = Matrix(rows: n, columns: n)
        for i in 0..<n { result[i, i] = 1 }
        return result
    }

    /// The entry in row `i`, column `j`.
    public subscript(i: Int, j: Int) -> Scalar {
        @inlinable get { storage[i * columns + j] }
        @inlinable set { storage[i * columns + j] = newValue }
    }

    /// Row `i` as an array.
    @inlinable public func row(_ i: Int) -> [Scalar] { Array(storage[i * columns..<(i + 1) * columns]) }

    /// Column `j` as an array.
    @inlinable public func column(_ j: Int) -> [Scalar] { (0..<rows).map { self[$0, j] } }

    /// The rows as arrays.
    public var rowArrays: [[Scalar]] { (0..<rows).map(row) }

    /// The submatrix formed by the given columns, in the given order.
    /// - Complexity: O(m·k) for k columns.
    @inlinable public func columns(_ indices: some Collection<Int>) -> Matrix {
        var result = Matrix(rows: rows, columns: indices.count)
        for i in 0..<rows {
            for (k, j) in indices.enumerated() { result[i, k] = self[i, j] }
        }
        return result
    }

    /// Aᵀ.
    @inlinable public var transposed: Matrix {
        var result = [Scalar](repeating: .zero, count: storage.count)
        storage.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                for i in 0..<rows { for j in 0..<columns { target[j * rows + i] = source[i * columns + j] } }
            }
        }
        return Matrix(rows: columns, columns: rows, elements: result)
    }

    /// The matrix with every entry converted by `transform` (for example `Double` → `Rational`).
    @inlinable public func map<Other>(_ transform: (Scalar) throws -> Other) rethrows -> Matrix<Other> {
        Matrix<Other>(rows: rows, columns: columns, elements: try storage.map(transform))
    }

    /// A·x (``LinearAlgebraScalar/product(_:_:)``: row by row, for rationals over x's common denominator).
    /// - Precondition: `x.count == columns`.
    /// - Complexity: O(m·n).
    @inlinable public func multiply(_ x: [Scalar]) -> [Scalar] {
        precondition(x.count == columns, "Matrix.multiply: vector length \(x.count) ≠ \(columns) columns")
        return Scalar.product(self, x)
    }

    /// Aᵀ·y (``LinearAlgebraScalar/transposedProduct(_:_:)``: for doubles without a transposed copy).
    /// - Precondition: `y.count == rows`.
    /// - Complexity: O(m·n).
    @inlinable public func multiplyTransposed(_ y: [Scalar]) -> [Scalar] {
        precondition(y.count == rows, "Matrix.multiplyTransposed: vector length \(y.count) ≠ \(rows) rows")
        return Scalar.transposedProduct(self, y)
    }

    /// The product A·B.
    /// - Precondition: `columns == other.rows`.
    /// - Complexity: O(m·n·p).
    public func multiply(_ other: Matrix) -> Matrix {
        precondition(columns == other.rows, "Matrix.multiply: inner dimensions \(columns) ≠ \(other.rows)")
        var result = Matrix(rows: rows, columns: other.columns)
        for i in 0..<rows {
            for k in 0..<columns where self[i, k] != .zero {
                let a = self[i, k]
                for j in 0..<other.columns { result[i, j] += a * other[k, j] }
            }
        }
        return result
    }
}

/// What went wrong in a linear-algebra operation.
public enum LinearAlgebraError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Rows of a matrix given as nested arrays differ in length.
    case raggedRows(expected: Int, row: Int, found: Int)
    /// A square matrix was required.
    case notSquare(rows: Int, columns: Int)
    /// The matrix is singular (to working precision for floating-point scalars).
    case singular(column: Int)
    /// Two operands do not fit together.
    case dimensionMismatch(String)

    /// The rows, one per line.
    public var description: String {
        switch self {
        case let .raggedRows(expected, row, found):
            "row \(row) has \(found) entries but row 0 has \(expected): every row needs the same length"
        case let .notSquare(rows, columns):
            "the matrix is \(rows)×\(columns) but must be square"
        case let .singular(column):
            "the matrix is singular: no usable pivot in column \(column)"
        case let .dimensionMismatch(what):
            "dimension mismatch: \(what)"
        }
    }
}
