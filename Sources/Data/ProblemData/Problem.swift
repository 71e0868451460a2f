import DenseLinearAlgebra
import ExactArithmetic

/// A sparse-recovery instance: the linear system `A x = y`, stored exactly.
///
/// A is m×n (usually m < n), y has m entries, and the optional ground truth x₀ (n entries) is the signal
/// the instance was generated from. All entries are exact rationals, so that a generated y lies exactly in
/// range(A_S) (DESIGN.md §1.3) and exact proofs refer to the very data that were given.
public struct Problem: Sendable, Hashable {
    /// The m×n matrix A.
    public var matrix: Matrix<Rational>
    /// The observations y (m entries).
    public var observations: [Rational]
    /// The signal x₀ (n entries) the problem was generated from, when known.
    public var groundTruth: [Rational]?
    /// A short name for reports and file metadata.
    public var name: String?

    /// A problem from its parts, after checking that they fit together.
    ///
    /// - Parameters:
    ///   - matrix: A, with at least one row and one column.
    ///   - observations: y, one entry per row of A.
    ///   - groundTruth: x₀, one entry per column of A, or `nil`.
    ///   - name: an optional name.
    /// - Throws: ``ProblemDataError`` when A is empty or y or x₀ has the wrong length.
    public init(matrix: Matrix<Rational>, observations: [Rational], groundTruth: [Rational]? = nil,
                name: String? = nil) throws(ProblemDataError) {
        guard matrix.rows > 0, matrix.columns > 0 else {
            throw ProblemDataError("the matrix A is \(matrix.rows)×\(matrix.columns): it needs at least one row and one column")
        }
        guard observations.count == matrix.rows else {
            throw ProblemDataError("y has \(observations.count) entries but A has \(matrix.rows) rows: y needs one entry per row of A")
        }
        if let groundTruth, groundTruth.count != matrix.columns {
            throw ProblemDataError("x0 has \(groundTruth.count) entries but A has \(matrix.columns) columns: x0 needs one entry per column of A")
        }
        self.matrix = matrix
        self.observations = observations
        self.groundTruth = groundTruth
        self.name = name
    }

    /// A with every entry rounded to the nearest double.
    /// - Complexity: O(m·n) conversions.
    public var doubleMatrix: Matrix<Double> { matrix.map(\.doubleValue) }

    /// y with every entry rounded to the nearest double.
    public var doubleObservations: [Double] { observations.map(\.doubleValue) }
}
