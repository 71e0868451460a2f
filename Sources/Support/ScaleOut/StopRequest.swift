import Synchronization

/// A request to stop long work early, set from another thread or a signal handler and polled by the work
/// (which then ends cleanly: saves its checkpoint and reports what it has).
public final class StopRequest: Sendable {
    private let code = Atomic<Int32>(0)

    /// No stop requested yet.
    public init() {}

    /// Asks the work to stop; `reason` (for example a signal number, non-zero) is kept from the first call.
    public func request(reason: Int32 = 1) {
        _ = code.compareExchange(expected: 0, desired: reason == 0 ? 1 : reason, ordering: .sequentiallyConsistent)
    }

    /// Whether a stop was requested.
    public var isRequested: Bool { code.load(ordering: .sequentiallyConsistent) != 0 }

    /// The reason given to the first ``request(reason:)``, `nil` while none was made.
    public var reason: Int32? {
        let value = code.load(ordering: .sequentiallyConsistent)
        return value == 0 ? nil : value
    }
}
