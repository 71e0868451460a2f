import LinearProgramming
import Synchronization

extension NullSpaceMatrix {
    /// ρ_s and α_s = ρ_s/(1 + ρ_s) exactly by branch-and-bound over supports, or an interval when the time
    /// limit ends the search first.
    ///
    /// 1. α_{j} for every column (n LPs) and, for s ≥ 3, the exact sign-specific values of every pair
    ///    (C(n,2)·2 LPs);
    /// 2. an incumbent from a local search: from each LP witness v, the support of its s largest entries,
    ///    re-solved, repeated while it improves;
    /// 3. every support S of size s (in the shard's chunks) gets, per sign pattern τ, the bound
    ///    u(S, τ) = (1/(s−1)) Σ_{j∈S} u(S∖j, τ|) (see `LevelBounds`); S is pruned when max_τ u ≤ incumbent;
    ///    otherwise its subsets of size s − 1 are solved exactly one by one (shared by many supports) until
    ///    the bound prunes it, and if it survives, ϱ(S, τ) is solved for the patterns whose bound exceeds the
    ///    incumbent — the largest of these equals α_S whenever α_S exceeds the incumbent.
    ///
    /// - Parameters:
    ///   - s: the order, 1 ≤ s ≤ min(m, n).
    ///   - options: threads, shard, time limit, checkpoint, progress callback, GLPK configuration.
    /// - Throws: ``NullSpacePropertyError`` for an invalid order, an unusable checkpoint, or a failed LP.
    /// - Complexity: between n + C(n,2)·2 and C(n, s)·2^(s−1) LPs; O(C(n,s)·s·2^(s−1)) arithmetic for the
    ///   bounds; memory O(C(n, s−1)·2^(s−2)).
    public func orderConstant(order s: Int, options: OrderSearchOptions = OrderSearchOptions())
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
    public func naiveOrderConstant(order s: Int, options: OrderSearchOptions = OrderSearchOptions())
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
    public func orderBounds(order s: Int, options: OrderSearchOptions = OrderSearchOptions())
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
        var lastSave = ContinuousClock.now
        var singletonWitnesses: [[Double]] = []
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
        self.levels = switch mode {
        case .branchAndBound where s >= 2: LevelBounds(columns: matrix.columns, top: s - 1)
        case .cheapBounds where s >= 2:
            LevelBounds(columns: matrix.columns, top: binomialDouble(matrix.columns, 2) <= 1e5 ? min(2, s - 1) : 1)
        default: nil
        }
        self.certified = options.certifyBounds && levels != nil
            ? LevelBounds(columns: matrix.columns, top: levels?.top ?? 1, outward: true) : nil
        self.deadline = options.timeLimit.map { ContinuousClock.now + $0 }
    }

    var chunkSize: Int { max(1, options.chunkSize) }
    var seconds: Double {
        let elapsed = (ContinuousClock.now - start).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    }
    var timeIsUp: Bool { deadline.map { ContinuousClock.now >= $0 } ?? false }

    func run() throws(NullSpacePropertyError) -> OrderConstant {
        try restoreCheckpoint()
        var levelsDone = 0
        if let levels {
            guard try solveLevel(1, of: levels) else { return try finish(levelsDone: 0) }
            levelsDone = 1
            if s >= 3 && levels.top >= 2 {
                guard try solveLevel(2, of: levels) else { return try finish(levelsDone: 1) }
                levelsDone = 2
            }
            try localSearch()
        }
        if mode == .cheapBounds { return try finish(levelsDone: levelsDone) }
        let completed = shared.withLock { $0.completed }
        let pending = Array((0..<chunkCount).filter { options.shard.contains(chunk: $0) && !completed.contains($0) }
            .prefix(max(0, options.chunkBudget ?? Int.max)))
        let total = (0..<chunkCount).filter(options.shard.contains(chunk:)).count
        try runParallel(threads: options.threads, count: pending.count) { item throws(NullSpacePropertyError) in
            guard try self.processChunk(pending[item]) else { return false }
            let done = self.shared.withLock { $0.completed.count }
            self.report("supports", done: done, total: total)
            try self.saveCheckpoint(force: false)
            return true
        }
        try saveCheckpoint(force: true)
        return try finish(levelsDone: levelsDone)
    }

    // MARK: Levels 1 and 2

    /// Solves every support of size k exactly; `false` when the time limit interrupted it.
    private func solveLevel(_ k: Int, of levels: LevelBounds) throws(NullSpacePropertyError) -> Bool {
        let count = levels.coders[k].count, batch = 32
        let batches = (count + batch - 1) / batch
        let interrupted = Mutex(false)
        try runParallel(threads: options.threads, count: batches) { b throws(NullSpacePropertyError) in
            for rank in (b * batch)..<min(count, (b + 1) * batch) {
                if self.timeIsUp { interrupted.withLock { $0 = true }; return false }
                let subset = levels.coders[k].subset(rank: rank)
                let constant = try self.matrix.supportConstant(subset, solver: self.options.solver)
                self.store(constant, in: levels)
                if k == 1 { self.shared.withLock { $0.singletonWitnesses.append(constant.witness) } }
            }
            self.report(k == 1 ? "singletons" : "pairs", done: min(count, (b + 1) * batch), total: count)
            return true
        }
        return !interrupted.withLock { $0 }
    }

    // MARK: Incumbents

    /// Counts an LP result and offers its witness (and, at the order level, its value) as an incumbent.
    private func record(_ constant: SupportConstant, atOrderLevel: Bool) {
        var candidates: [(incumbent: Incumbent, fromWitness: Bool)] = []
        if atOrderLevel {
            candidates.append((Incumbent(alpha: constant.alpha, support: constant.support, signs: constant.signs,
                                         witness: constant.witness), false))
        }
        if let fromWitness = Incumbent.fromWitness(constant.witness, order: s) { candidates.append((fromWitness, true)) }
        shared.withLock {
            $0.lps += constant.lpsSolved
            if atOrderLevel { $0.supportsSolved += 1 }
            // A witness must beat an LP value by more than round-off to replace it.
            for candidate in candidates where candidate.incumbent.alpha > $0.incumbent.alpha + (candidate.fromWitness ? 1e-12 : 0) {
                $0.incumbent = candidate.incumbent
                $0.incumbentFromWitness = candidate.fromWitness
            }
        }
    }

    /// From each column's witness: take the support of the s largest entries, solve ϱ for their signs, and
    /// repeat with the new witness while the support changes (at most 8 rounds).
    private func localSearch() throws(NullSpacePropertyError) {
        let seeds = shared.withLock { $0.singletonWitnesses }
        try runParallel(threads: options.threads, count: seeds.count) { item throws(NullSpacePropertyError) in
            var witness = seeds[item]
            var visited: Set<[Int]> = []
            for _ in 0..<8 {
                if self.timeIsUp { return false }
                guard let start = Incumbent.fromWitness(witness, order: self.s), visited.insert(start.support).inserted
                else { break }
                let result = try self.matrix.signedConstant(support: start.support, signs: start.signs,
                                                            solver: self.options.solver)
                self.record(SupportConstant(support: start.support, value: result.value, signs: start.signs,
                                            witness: result.witness, patternValues: [], lpsSolved: 1, certificates: []),
                            atOrderLevel: false)
                witness = result.witness
            }
            return true
        }
    }

    // MARK: The order level

    /// Processes one chunk of supports of size s; `false` when the time limit interrupted it.
    private func processChunk(_ chunk: Int) throws(NullSpacePropertyError) -> Bool {
        let first = chunk * chunkSize, last = min(coder.count, first + chunkSize)
        var support = coder.subset(rank: first)
        for rank in first..<last {
            if timeIsUp { return false }
            if shared.withLock({ $0.incumbent.alpha }) >= 1 { break }
            try process(support)
            if rank + 1 < last { _ = coder.advance(&support) }
        }
        shared.withLock { _ = $0.completed.insert(chunk) }
        return true
    }

    /// The patterns of S whose bound exceeds the incumbent (all of them without pruning).
    private func livePatterns(_ support: [Int]) -> [Int] {
        let all = Array(0..<SignPattern.count(s))
        guard let levels else { return all }
        let bounds = levels.averaged(support)
        let threshold = shared.withLock { $0.incumbent.alpha } - options.pruningTolerance
        return all.filter { bounds[$0] > threshold }
    }

    private func process(_ support: [Int]) throws(NullSpacePropertyError) {
        var live = livePatterns(support)
        if live.isEmpty { return certifyPruned(support) }
        if let levels, s >= 4 {
            let subsets = (0..<s).map { j in var t = support; t.remove(at: j); return t }
                .filter { !levels.isExact($0) }
                .sorted { levels.bounds($0).max() ?? 0 > levels.bounds($1).max() ?? 0 }
            for subset in subsets {
                store(try matrix.supportConstant(subset, solver: options.solver), in: levels)
                live = livePatterns(support)
                if live.isEmpty { return certifyPruned(support) }
            }
        }
        if options.certifyBounds { live = Array(0..<SignPattern.count(s)) }
        let order = live.sorted { ($0 ^ ($0 >> 1)) < ($1 ^ ($1 >> 1)) }
        let constant = try matrix.supportConstant(support, patterns: order, solver: options.solver)
        record(constant, atOrderLevel: true)
        if options.certifyBounds {
            let proven = CertifiedBound.alphas(exact: matrix.exact, support: support, certificates: constant.certificates)
            offerCertified(support, alpha: proven.max() ?? 1)
        }
    }

    /// Records an exactly solved subset in the tables (and its proven bounds in certify mode).
    ///
    /// The proven table is written first: a thread that prunes with the new floating-point value then
    /// always finds the matching proven value.
    private func store(_ constant: SupportConstant, in levels: LevelBounds) {
        certified?.setExact(constant.support, alphas: CertifiedBound.alphas(exact: matrix.exact, support: constant.support,
                                                                             certificates: constant.certificates))
        levels.setExact(constant.support, alphas: constant.patternValues.map(alphaOf))
        record(constant, atOrderLevel: false)
    }

    /// Certify mode: the proven bound of a pruned support.
    private func certifyPruned(_ support: [Int]) {
        guard let certified else { return }
        offerCertified(support, alpha: certified.averaged(support).max() ?? 1)
    }

    private func offerCertified(_ support: [Int], alpha: Double) {
        shared.withLock {
            var top = $0.certifiedTop.filter { $0.support != support } + [(support, alpha)]
            top.sort { $0.alpha > $1.alpha }
            $0.certifiedTop = Array(top.prefix(2))
        }
    }

    // MARK: Result

    private func finish(levelsDone: Int) throws(NullSpacePropertyError) -> OrderConstant {
        let state = shared.withLock { $0 }
        // Cheap bounds on a huge enumeration never list its chunks.
        let listable = mode != .cheapBounds || Double(chunkCount) * Double(chunkSize) <= 2e6
        let unfinished = listable
            ? (0..<chunkCount).filter { options.shard.contains(chunk: $0) && !state.completed.contains($0) } : []
        var incumbent = state.incumbent
        var lps = state.lps
        if !incumbent.support.isEmpty && state.incumbentFromWitness && mode != .naiveEnumeration {
            let check = try matrix.supportConstant(incumbent.support, solver: options.solver)
            lps += check.lpsSolved
            if check.alpha >= incumbent.alpha - 1e-9 {
                incumbent = Incumbent(alpha: max(check.alpha, incumbent.alpha), support: check.support,
                                      signs: check.signs, witness: check.witness)
            }
        }
        let levelsNeeded = mode == .branchAndBound ? min(2, s - 1) : 0
        let complete = mode != .cheapBounds && unfinished.isEmpty && levelsDone >= levelsNeeded || incumbent.alpha >= 1
        var upper = incumbent.alpha, source = "the search is complete: every support was solved or pruned"
        if incumbent.alpha >= 1 {
            source = "α = 1 is attained (ρ = ∞)"
        } else if !complete {
            (upper, source) = interruptedUpperBound(unfinished: listable ? unfinished : nil, levelsDone: levelsDone,
                                                    lower: incumbent.alpha)
        }
        var result = OrderConstant(
            order: s, method: mode, lowerAlpha: incumbent.alpha,
            upperAlpha: max(upper, incumbent.alpha), incumbent: incumbent, complete: complete,
            upperBoundSource: source, lpsSolved: lps,
            naiveLPs: binomialDouble(matrix.columns, s) * Double(SignPattern.count(s)),
            supportsSolved: state.supportsSolved, shard: options.shard, matrixDigest: matrix.digest,
            seconds: state.previousSeconds + seconds)
        if options.certifyBounds {
            let latest = shared.withLock { $0.certifiedTop }
            result.certifiedUpperAlpha = latest.first { $0.support != incumbent.support }?.alpha ?? 0
        }
        return result
    }

    /// An upper bound on α_s after an interrupted search: the pick-l bounds α_s ≤ (s/l)·α_l of the finished
    /// levels, and, when there are few enough, the largest bound of the supports not yet finished
    /// (`unfinished`: their chunks; `nil` when they were too many to list).
    private func interruptedUpperBound(unfinished: [Int]?, levelsDone: Int, lower: Double) -> (Double, String) {
        guard let levels, levelsDone >= 1 else { return (1, "no bound finished before the time limit (α ≤ 1)") }
        var best = 1.0, source = "α ≤ 1"
        for l in 1...min(levelsDone, s - 1) {
            let pick = Double(s) / Double(l) * levels.maximum(level: l)
            if pick < best { (best, source) = (pick, "pick-\(l) bound α_s ≤ (s/\(l))·α_\(l)") }
        }
        if let unfinished, levels.top == s - 1, levelsDone >= min(2, s - 1), unfinished.count * chunkSize <= 2_000_000 {
            var largest = lower
            for chunk in unfinished {
                let first = chunk * chunkSize, last = min(coder.count, first + chunkSize)
                var support = coder.subset(rank: first)
                for rank in first..<last {
                    largest = max(largest, levels.averaged(support).max() ?? 1)
                    if rank + 1 < last { _ = coder.advance(&support) }
                }
            }
            if largest < best {
                (best, source) = (largest, "largest subset-average bound over the \(unfinished.count) unfinished chunks")
            }
        }
        return (best, source + (mode == .cheapBounds ? "" : " (the search stopped early: time limit or chunk budget)"))
    }

    // MARK: Progress and checkpoints

    private func report(_ phase: String, done: Int, total: Int) {
        guard let progress = options.progress else { return }
        let (lps, alpha) = shared.withLock { ($0.lps, $0.incumbent.alpha) }
        progress(SearchProgress(phase: phase, done: done, total: total, lpsSolved: lps, lowerAlpha: alpha, seconds: seconds))
    }

    private func template(_ state: Shared) -> Checkpoint {
        Checkpoint(matrixDigest: matrix.digest, rows: matrix.rows, columns: matrix.columns, order: s,
                   shard: options.shard, chunkSize: chunkSize, chunkCount: chunkCount,
                   completedChunks: state.completed.sorted(), incumbent: state.incumbent, lpsSolved: state.lps,
                   supportsSolved: state.supportsSolved, seconds: state.previousSeconds + seconds)
    }

    private func restoreCheckpoint() throws(NullSpacePropertyError) {
        guard let path = options.checkpointPath, let saved = try Checkpoint.load(path: path) else { return }
        try saved.validate(against: template(Shared()), path: path)
        guard !options.certifyBounds || saved.completedChunks.isEmpty else {
            throw .invalidParameter("certified bounds cover one uninterrupted run; chunks finished in an earlier run "
                + "(checkpoint \(path)) have no proven bounds — run without the checkpoint")
        }
        shared.withLock {
            $0.completed = Set(saved.completedChunks)
            $0.incumbent = saved.incumbent
            $0.incumbentFromWitness = true
            $0.lps = saved.lpsSolved
            $0.supportsSolved = saved.supportsSolved
            $0.previousSeconds = saved.seconds
        }
    }

    private func saveCheckpoint(force: Bool) throws(NullSpacePropertyError) {
        guard let path = options.checkpointPath else { return }
        let checkpoint: Checkpoint? = shared.withLock {
            guard force || ContinuousClock.now - $0.lastSave >= .seconds(1) else { return nil }
            $0.lastSave = ContinuousClock.now
            return template($0)
        }
        try checkpoint?.save(path: path)
    }
}
