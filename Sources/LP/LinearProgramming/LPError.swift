/// Why an LP could not be solved or verified. Every case names what to fix.
public enum LPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where in the model a number sits.
    public enum Place: Sendable, Equatable, CustomStringConvertible {
        case objective(column: Int)
        case objectiveConstant
        case coefficient(row: Int, column: Int)
        case columnBounds(Int)
        case rowBounds(Int)

        /// The message in words.
        public var description: String {
            switch self {
            case let .objective(column): "the objective coefficient of column \(column)"
            case .objectiveConstant: "the objective constant"
            case let .coefficient(row, column): "the coefficient in row \(row), column \(column)"
            case let .columnBounds(column): "the bounds of column \(column)"
            case let .rowBounds(row): "the bounds of row \(row)"
            }
        }
    }

    /// The LP has no variables or no constraints.
    case emptyProblem(String)
    /// A number is NaN or infinite (use `.free`, `.atLeast` or `.atMost` for a missing bound).
    case unusableNumber(Place, Double)
    /// A lower bound exceeds its upper bound.
    case inconsistentBounds(Place, lower: Double, upper: Double)
    /// A constraint refers to a column that does not exist.
    case indexOutOfRange(row: Int, column: Int, columnCount: Int)
    /// A constraint names the same column twice.
    case duplicateEntry(row: Int, column: Int)
    /// A warm-start basis or a basis to verify does not fit the LP.
    case invalidBasis(String)
    /// A solver option is out of range.
    case invalidOption(String)
    /// GLPK raised an internal error; the guard recovered and freed the thread's GLPK state. The text is
    /// GLPK's own output, kept for diagnosis; ``description`` does not show it, since an assertion from
    /// GLPK's source tells a user nothing they can act on.
    case glpkFailure(String)

    /// What went wrong and what to fix (GLPK's own text stays in the error value, never in this message).
    public var description: String {
        switch self {
        case let .emptyProblem(why):
            "the LP is empty: \(why); add at least one variable and one constraint"
        case let .unusableNumber(place, value):
            "\(place) is \(value); every number must be finite (leave an infinite bound out instead)"
        case let .inconsistentBounds(place, lower, upper):
            "\(place) are inconsistent: lower \(lower) > upper \(upper)"
        case let .indexOutOfRange(row, column, count):
            "row \(row) refers to column \(column), but the LP has \(count) columns (valid: 0..<\(count))"
        case let .duplicateEntry(row, column):
            "row \(row) lists column \(column) twice; add the coefficients into one entry"
        case let .invalidBasis(why):
            "invalid basis: \(why)"
        case let .invalidOption(why):
            "invalid solver option: \(why)"
        case .glpkFailure:
            "GLPK could not solve this LP in double precision (its numbers span more orders of magnitude than "
                + "scaling by powers of two can bring together); nothing was lost"
        }
    }
}
