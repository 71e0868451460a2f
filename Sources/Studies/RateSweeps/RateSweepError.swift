/// Why a sweep cannot be set up.
public enum RateSweepError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data have no unique basis pursuit solution (infeasible, or ϱ ≥ 1): the error has no reference.
    case noUniqueReference(String)
    /// The data were rejected by the basis pursuit layer.
    case invalidData(String)

    /// What went wrong and what to change.
    public var description: String {
        switch self {
        case let .noUniqueReference(message):
            "\(message): the error ‖x_∞(α) − x*‖₁ needs a unique basis pursuit solution x*"
        case let .invalidData(message): message
        }
    }
}
