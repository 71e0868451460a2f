import LinearProgramming
import ScaleOut
import Synchronization

extension NullSpaceMatrix {
    /// ρ_s and α_s = ρ_s/(1 + ρ_s) exactly by branch-and-bound over supports, or an interval when the time
    /// limit ends the search first.
    ///
    /// 1. α_{j} for every column (n LPs) and, for s ≥ 3, the exact sign-specific values of every pair
    ///    (C(n,2)·2 LPs);
    /// 2. an incumbent from a local search: from each LP witness v, the support of its s largest entries,
    ///    re-solved, repeated while it improves — from every column's witness, and at once from any later
    ///    witness that beats the incumbent;
    /// 3. every support S of size s (in the shard's chunks) gets, per sign pattern τ, the bound
    ///    u(S, τ) = (1/(s−1)) Σ_{j∈S} u(S∖j, τ|) (see `LevelBounds`); S is pruned when max_τ u ≤ incumbent;
    ///    otherwise its subsets of size s − 1 are solved exactly one by one (shared by many supports) until
    ///    the bound prunes it, and if it survives, ϱ(S, τ) is solved for the patterns whose bound exceeds the
    ///    incumbent — the largest of these equals α_S whenever α_S exceeds the incumbent. Chunks are taken
    ///    largest bound first.
    ///
    /// - Parameters:
    ///   - s: the order, 1 ≤ s ≤ min(m, n).
    ///   - options: threads, shard, time limit, checkpoint, progress callback, GLPK configuration.
    /// - Throws: ``NullSpacePropertyError`` for an invalid order, an unusable checkpoint, or a failed LP.
    /// - Complexity: between n + C(n,2)·2 and C(n, s)·2^(s−1) LPs; O(C(n,s)·s·2^(s−1)) arithmetic for the
    ///   bounds; memory O(C(n, s−1)·2^(s−2)).
    public func orderConstant(
        order s: Int, options: OrderSearchOptions = OrderSearchOptions()
    )
        throws(NullSpacePropertyError) -> OrderConstant
    {
        try validate(order: s)
        guard LevelBounds.entries(columns: columns, top: s - 1) <= OrderSearch.tableLimit else {
            return try orderBounds(order: s, options: options)
        }
        return try OrderSearch(matrix: self, order: s, options: options, mode: .branchAndBound).run()
    }

    /// ρ_s by naive enumeration: ϱ(S, τ) for every support of size s and every sign pattern,
    /// C(n, s)·2^(s−1) LPs, on all threads. For cross-checks on small matrices.
    ///
    /// - Throws: as ``orderConstant(order:options:)``.
    public func naiveOrderConstant(
        order s: Int, options: OrderSearchOptions = OrderSearchOptions()
    )
        throws(NullSpacePropertyError) -> OrderConstant
    {
        try validate(order: s)
        return try OrderSearch(matrix: self, order: s, options: options, mode: .naiveEnumeration).run()
    }

    /// Cheap bounds on α_s for matrices too large to search (for s = 1, the exact α₁ — n LPs): α₁ exactly
    /// (n LPs), for s ≥ 3 the pair
    /// constants when there are at most 10⁵ pairs, the pick-l upper bounds α_s ≤ (s/l)·α_l, and the
    /// local-search incumbent as the lower bound. Returned as an interval (exact only if it closes).
    ///
    /// - Throws: as ``orderConstant(order:options:)``.
    /// - Complexity: n (+ C(n,2)·2) LPs plus the local search (≤ 8n LPs).
    public func orderBounds(
        order s: Int, options: OrderSearchOptions = OrderSearchOptions()
    )
        throws(NullSpacePropertyError) -> OrderConstant
    {
        try validate(order: s)
        if s == 1 { return try orderConstant(order: 1, options: options) }
        return try OrderSearch(matrix: self, order: s, options: options, mode: .cheapBounds).run()
    }
}

/// One order-s computation (see ``NullSpaceMatrix/orderConstant(order:options:)``).
final class OrderSearch: Sendable {
    let matrix: NullSpaceMatrix
    let s: Int
    let options: OrderSearchOptions
    let mode: OrderConstant.Method
    let coder: CombinationCoder
    let chunkCount: Int
    let levels: LevelBounds?
    /// Proven bounds (only with `options.certifyBounds`).
    let certified: LevelBounds?
    let start = ContinuousClock.now
    let deadline: ContinuousClock.Instant?

    struct Shared {
        var incumbent = Incumbent.none
        /// Whether the incumbent came from a witness's top entries rather than from its support's own LPs,
        /// so that its support's ρ_S is still to be solved at the end.
        var incumbentFromWitness = false
        var lps = 0
        var supportsSolved = 0
        var completed: Set<Int> = []
        var previousSeconds = 0.0
        /// The first save comes with the first LPs.
        var lastSave = ContinuousClock.now - .seconds(3600)
        var lastSaveCost = Duration.zero
        var singletonWitnesses: [[Double]] = []
        var localSearchDone = false
        /// Supports solved or pruned by the best-first phase (α_S ≤ incumbent).
        var closedSupports: Set<[Int]> = []
        /// Whether the best-first phase closed the whole frontier.
        var frontierClosed = false
        /// The two supports with the largest proven bounds (certify mode).
        var certifiedTop: [(support: [Int], alpha: Double)] = []
    }
    let shared = Mutex(Shared())

    /// The most table entries (levels 1 … s − 1) a branch-and-bound may allocate.
    static let tableLimit = 5e7

    init(matrix: NullSpaceMatrix, order s: Int, options: OrderSearchOptions, mode: OrderConstant.Method) {
        self.matrix = matrix
        self.s = s
        self.options = options
        self.mode = mode
        self.coder = CombinationCoder(n: matrix.columns, k: s)
        let size = max(1, options.chunkSize)
        self.chunkCount = (coder.count - 1) / size + 1
        self.levels =
            switch mode {
            case .branchAndBound where s >= 2:
                LevelBounds(columns: matrix.columns, top: s - 1, combinesDuals: !options.certifyBounds)
            case .cheapBounds where s >= 2:
                LevelBounds(columns: matrix.columns, top: binomialDouble(matrix.columns, 2) <= 1e5 ? min(2, s - 1) : 1)
            default: nil
            }
        self.certified =
            options.certifyBounds && levels != nil
            ? LevelBounds(columns: matrix.columns, top: levels?.top ?? 1, outward: true) : nil
        // The last fifth of a time limit is kept for the frontier walk of the final bound.
        self.deadline = options.timeLimit.map { ContinuousClock.now + $0 * 0.8 }
    }

    var chunkSize: Int { max(1, options.chunkSize) }
    var seconds: Double {
        let elapsed = (ContinuousClock.now - start).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    }
    /// Whether the time limit passed or a stop was requested.
    var timeIsUp: Bool {
        options.stop?.isRequested == true || deadline.map { ContinuousClock.now >= $0 } ?? false
    }

    func run() throws(NullSpacePropertyError) -> OrderConstant {
        try restoreCheckpoint()
        var levelsDone = 0
        if let levels {
            guard try solveLevel(1, of: levels) else {
                try saveCheckpoint(force: true)
                return try finish(levelsDone: 0)
            }
            levelsDone = 1
            if s >= 3 && levels.top >= 2 {
                guard try solveLevel(2, of: levels) else {
                    try saveCheckpoint(force: true)
                    return try finish(levelsDone: 1)
                }
                levelsDone = 2
            }
            if !shared.withLock({ $0.localSearchDone }) {
                try localSearch()
                guard !timeIsUp else { try saveCheckpoint(force: true); return try finish(levelsDone: levelsDone) }
                shared.withLock { $0.localSearchDone = true }
                try saveCheckpoint(force: true)
            }
        }
        if mode == .cheapBounds { return try finish(levelsDone: levelsDone) }
        if mode == .branchAndBound, levels != nil, options.bestFirst, options.chunkBudget == nil {
            let closed = try bestFirst()
            shared.withLock { $0.frontierClosed = closed }
            if closed || timeIsUp {
                try saveCheckpoint(force: true)
                return try finish(levelsDone: levelsDone)
            }
        }
        let completed = shared.withLock { $0.completed }
        let pending = Array(
            try orderedByBound((0..<chunkCount).filter { options.shard.contains(chunk: $0) && !completed.contains($0) })
                .prefix(max(0, options.chunkBudget ?? Int.max)))
        let total = (0..<chunkCount).filter(options.shard.contains(chunk:)).count
        try ParallelWork.forEach(threads: options.threads, count: pending.count) {
            (item: Int) throws(NullSpacePropertyError) -> Bool in
            guard try self.processChunk(pending[item]) else { return false }
            let done = self.shared.withLock { $0.completed.count }
            self.report("supports", done: done, total: total)
            try self.saveCheckpoint(force: false)
            return true
        }
        try saveCheckpoint(force: true)
        return try finish(levelsDone: levelsDone)
    }
}
