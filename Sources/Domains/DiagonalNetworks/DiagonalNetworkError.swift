/// Everything that can go wrong when setting up, solving or simulating a diagonal linear network.
///
/// Each case's ``description`` says what to change: which value, row or column is at fault.
public enum DiagonalNetworkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The depth D is below 2.
    case invalidDepth(Int)
    /// The initialization scale α is zero, negative, infinite or NaN.
    case invalidScale(Double)
    /// The per-factor scale α converts to a product scale α^D that underflows a double.
    case scaleUnderflow(alpha: Double, depth: Int)
    /// The matrix has no rows or no columns.
    case emptyMatrix
    /// The number of observations differs from the number of rows.
    case shapeMismatch(rows: Int, observations: Int)
    /// An entry of A is not finite.
    case nonFiniteEntry(row: Int, column: Int)
    /// An observation is not finite.
    case nonFiniteObservation(index: Int)
    /// y is not in the range of A, so no network interpolates the data.
    case notInterpolable(residual: Double)
    /// A row of A is zero or a linear combination of the others (the dual is then not strictly convex).
    case dependentRow(Int)
    /// The reference solution x* has the wrong length.
    case referenceLength(expected: Int, found: Int)
    /// An entry of the reference x* is not finite.
    case nonFiniteReference(index: Int)
    /// The reference x* does not reproduce y on its support: A_S x*_S ≠ y.
    case inconsistentReference(row: Int, residual: Double)
    /// A step size η that is not a positive finite number.
    case invalidStep(Double)
    /// A face description for the selected minimizer that does not fit the data.
    case invalidFace(String)
    /// An iteration did not reach its tolerance.
    case notConverged(String)

    /// What went wrong and what to fix, for the user.
    public var description: String {
        switch self {
        case let .invalidDepth(depth):
            "depth D = \(depth) is not allowed: a diagonal network needs D ≥ 2 factors (x = u^D − v^D)"
        case let .invalidScale(alpha):
            "initialization scale α = \(alpha) is not allowed: α must be a finite number > 0"
        case let .scaleUnderflow(alpha, depth):
            "per-factor scale α = \(alpha) gives the product scale α^\(depth), which underflows a double; "
                + "use a larger α or the product convention"
        case .emptyMatrix:
            "the matrix A is empty: it needs at least one row and one column"
        case let .shapeMismatch(rows, observations):
            "A has \(rows) rows but y has \(observations) entries: they must match"
        case let .nonFiniteEntry(row, column):
            "A[\(row), \(column)] is not a finite number"
        case let .nonFiniteObservation(index):
            "y[\(index)] is not a finite number"
        case let .notInterpolable(residual):
            "y is not in the range of A (a component of size ≈ \(residual) lies outside it): the data are not interpolable, "
                + "so gradient flow has no interpolating limit; check y or add columns to A"
        case let .dependentRow(row):
            "row \(row) of A is zero or a linear combination of the rows before it; remove it (with its entry of y)"
        case let .referenceLength(expected, found):
            "the reference solution x* has \(found) entries but A has \(expected) columns"
        case let .nonFiniteReference(index):
            "x*[\(index)] of the reference solution is not a finite number"
        case let .inconsistentReference(row, residual):
            "the reference x* does not solve A x = y: row \(row) is off by \(residual); "
                + "pass the exact basis pursuit solution of these data"
        case let .invalidStep(step):
            "step size η = \(step) is not allowed: η must be a finite number > 0"
        case let .invalidFace(what):
            "invalid face of basis pursuit minimizers: \(what)"
        case let .notConverged(what):
            "did not converge: \(what)"
        }
    }
}
