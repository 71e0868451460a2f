import Dispatch
import Synchronization

/// Runs work items 0 ..< count on `threads` threads (`DispatchQueue.concurrentPerform`), each thread taking
/// the next unclaimed item. GLPK calls inside `body` are synchronous, so every LP is created, solved and
/// deleted on one thread.
///
/// The first error stops the hand-out of further items and is rethrown; `body` returning `false` also
/// stops it (a time limit), without an error.
/// - Complexity: O(count) hand-outs, each one lock acquisition.
func runParallel(threads: Int, count: Int,
                 _ body: @Sendable (Int) throws(NullSpacePropertyError) -> Bool) throws(NullSpacePropertyError) {
    struct State {
        var next = 0
        var stopped = false
        var error: NullSpacePropertyError?
    }
    let state = Mutex(State())
    let workers = max(1, min(threads, count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
            let item: Int? = state.withLock { state in
                guard !state.stopped, state.next < count else { return nil }
                defer { state.next += 1 }
                return state.next
            }
            guard let item else { return }
            do throws(NullSpacePropertyError) {
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
