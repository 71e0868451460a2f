import LinearProgramming
import ScaleOut
import SparseRecovery

/// Why a null space property computation could not be carried out. Every case says what to fix.
public enum NullSpacePropertyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The matrix has no rows or no columns.
    case emptyMatrix(rows: Int, columns: Int)
    /// An entry is NaN or infinite.
    case unusableEntry(row: Int, column: Int, value: Double)
    /// A has fewer than m linearly independent rows: its rank (`nil` when m > n), and whether that rank is
    /// proven exactly (otherwise it was found modulo three large primes).
    case rankDeficient(rows: Int, columns: Int, rank: Int?, proven: Bool)
    /// Floating point cannot decide a value, and the exact checks show that its LP answer is wrong.
    case undecided(String)
    /// The order s is outside 1 … min(n, m).
    case invalidOrder(order: Int, rows: Int, columns: Int)
    /// A support or sign pattern is invalid.
    case invalidSupport(String)
    /// A shard specification or a checkpoint file cannot be used.
    case scaleOut(ScaleOutError)
    /// Shard results cannot be merged.
    case unmergeableShards(String)
    /// A parameter is out of range.
    case invalidParameter(String)
    /// The ϱ-LP failed.
    case sparseRecovery(SparseRecoveryError)
    /// The LP layer rejected a program or GLPK failed internally.
    case linearProgram(LPError)

    /// What went wrong and what to fix, for a user.
    public var description: String {
        switch self {
        case let .emptyMatrix(rows, columns):
            "the matrix is \(rows)×\(columns); it needs at least one row and one column"
        case let .unusableEntry(row, column, value):
            "A[\(row), \(column)] (row \(row), column \(column), 0-based) is \(value); every entry must be finite"
        case let .rankDeficient(rows, columns, rank, proven):
            if let rank {
                "the \(rows)×\(columns) matrix does not have full row rank \(rows): its rank is \(rank) "
                    + (proven
                        ? "(exact elimination over the rationals)"
                        : "(exact elimination modulo three 62-bit primes; a full-rank matrix passes that test "
                            + "unless its entries are chosen adversarially)")
                    + ": some row is a combination of the others; remove the redundant rows (ker A is unchanged)"
            } else {
                "the \(rows)×\(columns) matrix does not have full row rank \(rows): it has more rows than columns; "
                    + "keep \(columns) independent rows (ker A is unchanged) or use a wide matrix"
            }
        case let .undecided(why):
            "undecided: \(why)"
        case let .invalidOrder(order, rows, columns):
            if order < 1 {
                "the order s = \(order) must be at least 1"
            } else if order > columns {
                "the order s = \(order) exceeds the number of columns n = \(columns)"
            } else {
                "the order s = \(order) is at least m + 1 = \(rows + 1): every \(order) columns of a \(rows)-row "
                    + "matrix are linearly dependent, so ρ_s = ∞ and the NSP fails trivially; use s ≤ \(rows)"
            }
        case let .invalidSupport(why):
            "invalid support: \(why)"
        case let .scaleOut(error):
            error.description
        case let .unmergeableShards(why):
            "cannot merge the shard results: \(why)"
        case let .invalidParameter(why):
            "invalid parameter: \(why)"
        case let .sparseRecovery(error):
            "the ϱ linear program failed: \(error)"
        case let .linearProgram(error):
            "the linear program failed: \(error)"
        }
    }
}
