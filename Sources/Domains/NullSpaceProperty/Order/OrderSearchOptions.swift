import LinearProgramming
import ScaleOut

/// A snapshot of a running computation, for progress displays.
public struct SearchProgress: Sendable {
    /// What is being done ("singletons", "pairs", "supports").
    public let phase: String
    /// Work units done in this phase (chunks of supports, or batches of LPs).
    public let done: Int
    /// Work units of this phase in total.
    public let total: Int
    /// ϱ-LPs solved so far.
    public let lpsSolved: Int
    /// The current lower bound on α_s.
    public let lowerAlpha: Double
    /// Seconds since the start.
    public let seconds: Double
}

/// How an order-s search runs: threads, slice, budget, checkpoint, progress.
public struct OrderSearchOptions: Sendable {
    /// Worker threads, each solving its own LPs (GLPK state is per thread).
    public var threads = 1
    /// The slice of the supports to enumerate.
    public var shard = ShardSpec.whole
    /// Stop after this long and return an interval.
    public var timeLimit: Duration?
    /// Process at most this many chunks of supports in this run, then stop as if the time limit had been
    /// reached (an interval; resume with the same ``checkpointPath``). For fixed-size work slices on batch
    /// schedulers; `nil`: no limit.
    public var chunkBudget: Int?
    /// Polled by the search: once requested, the search stops as at a time limit (saves its checkpoint and
    /// returns an interval). For SIGINT/SIGTERM handlers.
    public var stop: StopRequest?
    /// Where to save progress and resume from (`nil`: no checkpoint).
    public var checkpointPath: String?
    /// Called from worker threads now and then.
    public var progress: (@Sendable (SearchProgress) -> Void)?
    /// The GLPK configuration of every LP.
    public var solver = LPSolver()
    /// A support is pruned when its bound is ≤ incumbent − tolerance (α units); a safety margin against
    /// LP round-off.
    public var pruningTolerance = 1e-9
    /// Also prove every bound the search uses: each LP's dual certificate is re-checked in exact rational
    /// arithmetic (see `CertifiedBound`), and the largest proven bound over all supports other than the
    /// winner is returned as ``OrderConstant/certifiedUpperAlpha`` (for ``NullSpaceMatrix/certifyExactly(_:solver:)``).
    /// Costs O(m·n) rational operations per LP, and every sign pattern of a surviving support is solved.
    public var certifyBounds = false
    /// Whether branch-and-bound works best-first: rounds on the open supports with the largest frontier
    /// bounds (the search is complete when the frontier closes), before the enumeration of the remaining
    /// chunks. On by default: a stopped search's upper bound is then set by supports it could not reach
    /// yet, not by the order of the enumeration (Gaussian 40×80, s = 5, after 40 s: ρ ≤ 1.94 against 2.31
    /// chunk by chunk; 30×60, s = 4, complete: 7,711 LPs against 8,205). A run with a ``chunkBudget`` skips
    /// it: the budget counts chunks.
    public var bestFirst = true
    /// Supports per chunk (chunks are the unit of sharding, checkpoints and progress).
    public var chunkSize = 512

    /// The defaults: one thread, the whole enumeration, no limit, no checkpoint, no progress.
    public init() {}
}
