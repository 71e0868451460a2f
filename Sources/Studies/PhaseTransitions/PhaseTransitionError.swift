/// What went wrong in a phase-diagram computation, worded so that the user can fix it.
public struct PhaseTransitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message: what is wrong and what to do instead.
    public let description: String

    /// An error with this message.
    public init(_ description: String) { self.description = description }
}
