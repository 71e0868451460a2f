/// Everything that can go wrong when building or checking an error-bound certificate.
///
/// ``description`` says what to fix, naming the offending value or field.
public enum ErrorCertificatesError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data, depth or scale cannot be used (message from the layer that rejected it).
    case invalidInput(String)
    /// Basis pursuit has no certified unique solution, so there is no x* to measure against.
    case noUniqueSolution(String)
    /// The enclosure of x_∞(α) could not be proven (the verified box did not contract).
    case enclosureFailed(String)
    /// x* was computed but its optimality could not be proven, so no certificate is written.
    case notProven(String)
    /// A certificate file that cannot be read or is malformed.
    case unreadable(String)
    /// A certificate whose claims do not hold (tampered or wrong); lists every failed check.
    case rejected([String])

    /// What went wrong and what to change.
    public var description: String {
        switch self {
        case let .invalidInput(message): "invalid input: \(message)"
        case let .noUniqueSolution(message):
            "no certificate: \(message); the error ‖x_∞(α) − x*‖ needs a unique basis pursuit solution x*"
        case let .enclosureFailed(message):
            "the enclosure of x_∞(α) could not be proven: \(message); try a larger α or better-conditioned data"
        case let .notProven(message): "not proven: \(message)"
        case let .unreadable(message): "cannot read the certificate: \(message)"
        case let .rejected(failures):
            "certificate REJECTED — \(failures.count) check(s) failed:\n"
                + failures.map { "  ✗ \($0)" }.joined(separator: "\n")
        }
    }
}
