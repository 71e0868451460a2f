import Dispatch
import Synchronization

/// Work over item numbers 0 ..< count on several threads (`DispatchQueue.concurrentPerform`), each
/// thread taking the next unclaimed item. Calls inside `body` run synchronously on one thread, so
/// thread-confined state (for example a C solver object) is created, used and freed on the same thread.
public enum ParallelWork {
    /// Runs `body(i)` for i = 0, 1, … on `threads` threads until every item ran, `body` returned `false`
    /// (a stop request, for example a time limit: no error), or `body` threw.
    ///
    /// The first error stops the hand-out of further items and is rethrown once the running items end.
    /// Items are handed out in increasing order; with `threads` = 1 they run in that order.
    /// - Parameters:
    ///   - threads: worker threads (values below 1 count as 1; never more than `count`).
    ///   - count: the number of items.
    ///   - body: the work of one item; `false` asks to stop.
    /// - Throws: the first error `body` threw.
    /// - Complexity: O(count) hand-outs, one lock acquisition each.
    public static func forEach<E: Error>(
        threads: Int, count: Int,
        _ body: @Sendable (Int) throws(E) -> Bool
    ) throws(E) {
        let state = Mutex(HandOut<E>())
        let workers = max(1, min(threads, count))
        guard count > 0 else { return }
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let item: Int? = state.withLock { state in
                    guard !state.stopped, state.next < count else { return nil }
                    defer { state.next += 1 }
                    return state.next
                }
                guard let item else { return }
                do throws(E) {
                    if try !body(item) { state.withLock { $0.stopped = true } }
                } catch {
                    state.withLock { state in
                        state.stopped = true
                        if state.error == nil { state.error = error }
                    }
                }
            }
        }
        if let error = state.withLock({ $0.error }) { throw error }
    }

    /// The parallel map of `body` over 0 ..< count: entry i is `body(i)`, or `nil` for items not run
    /// because `body` returned `nil` for some item (a stop request) before they were handed out.
    ///
    /// - Parameters: as ``forEach(threads:count:_:)``; `body` returns `nil` to ask to stop.
    /// - Throws: the first error `body` threw.
    /// - Complexity: O(count) hand-outs.
    public static func map<T: Sendable, E: Error>(
        threads: Int, count: Int,
        _ body: @Sendable (Int) throws(E) -> T?
    ) throws(E) -> [T?] {
        let results = Mutex([T?](repeating: nil, count: max(0, count)))
        try forEach(threads: threads, count: count) { (item: Int) throws(E) -> Bool in
            guard let value = try body(item) else { return false }
            results.withLock { $0[item] = value }
            return true
        }
        return results.withLock { $0 }
    }
}

/// The shared state of one ``ParallelWork/forEach(threads:count:_:)``.
private struct HandOut<E: Error> {
    var next = 0
    var stopped = false
    var error: E?
}
