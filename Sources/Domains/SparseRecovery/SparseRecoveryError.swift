import LinearProgramming

/// Why a sparse-recovery computation could not be carried out. Every case says what to fix.
public enum SparseRecoveryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The matrix has no rows or no columns.
    case emptyMatrix(rows: Int, columns: Int)
    /// Two sizes that must agree do not (e.g. the length of y and the number of rows of A).
    case dimensionMismatch(String)
    /// A number is NaN or infinite; `place` names where it sits.
    case unusableNumber(place: String, value: Double)
    /// A support index is outside `0..<columns`.
    case supportIndexOutOfRange(index: Int, columns: Int)
    /// A support index appears twice.
    case duplicateSupportIndex(Int)
    /// A sign is neither −1 nor +1.
    case invalidSign(position: Int, value: Int)
    /// A parameter is out of range (a weight ≤ 0, a negative noise bound, …).
    case invalidParameter(String)
    /// The LP layer rejected the program or GLPK failed internally.
    case linearProgram(LPError)
    /// The solver ended without an answer that passes the checks (status, tolerance or consistency).
    case numericalFailure(String)
    /// Basis pursuit has no solution x* to measure against (proven infeasible).
    case noReference(String)
    /// Basis pursuit was solved, but neither the cheap path nor the exact mode proved x* (nor infeasibility).
    case referenceNotProven(String)

    /// What went wrong and what to fix.
    public var description: String {
        switch self {
        case let .emptyMatrix(rows, columns):
            "the matrix is \(rows)×\(columns); it needs at least one row and one column"
        case let .dimensionMismatch(what):
            "sizes do not match: \(what)"
        case let .unusableNumber(place, value):
            "\(place) is \(value); every number must be finite"
        case let .supportIndexOutOfRange(index, columns):
            "support index \(index) is out of range: the matrix has \(columns) columns (valid: 0..<\(columns))"
        case let .duplicateSupportIndex(index):
            "support index \(index) is listed twice; list every index once"
        case let .invalidSign(position, value):
            "sign \(value) at position \(position) is not −1 or +1"
        case let .invalidParameter(what):
            "invalid parameter: \(what)"
        case let .linearProgram(error):
            "the linear program failed: \(error)"
        case let .numericalFailure(what):
            "numerical failure: \(what)"
        case let .noReference(what):
            "\(what): the error ‖x_∞(α) − x*‖₁ needs a basis pursuit solution x*"
        case let .referenceNotProven(what):
            "\(what): x* is not proven optimal, so no claim about ‖x_∞(α) − x*‖₁ is made"
        }
    }
}
