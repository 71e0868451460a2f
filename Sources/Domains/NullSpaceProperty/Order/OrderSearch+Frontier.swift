import ScaleOut

/// The frontier of the subset tree: the anytime upper bound of a stopped search, and the best-first
/// phase that works on the supports with the largest bounds first.
///
/// The supports of size s are the leaves of the tree of increasing index lists. For a node T and any
/// leaf S ⊇ T below it, with v ∈ ker A, ‖v‖₁ ≤ 1:
///
///     ‖v_S‖₁ = ‖v_T‖₁ + Σ_{j ∈ S∖T} |v_j| ≤ α_T + Σ_{j ∈ S∖T} α_{j},
///
/// so B(T) = ū(T) + (the s − |T| largest α_{j} with j > max T) bounds every leaf of the subtree
/// (ū(T) = max_τ u(T, τ) ≥ α_T from the level tables; for |T| above the tables, the bound of T's first
/// indices plus α_{j} of the rest — a Cho–Xu pick-l style argument). Leaves that are closed — in a
/// finished chunk, outside the shard, or solved or pruned by the best-first phase — are bounded by the
/// incumbent already; open leaves get max_τ of their subset bound.
extension OrderSearch {
    /// The frontier walk's result: the bound, and the open leaves with the largest bounds.
    struct Frontier {
        /// An upper bound on α_S over every open leaf, and at least `lower` and `floor`.
        var bound: Double
        /// Up to `collect` open leaves with bound above `lower`, largest bound first.
        var leaves: [[Int]]
        /// Whether the walk ended within its budgets, so that no subtree counted with its B(T).
        var isComplete: Bool
    }

    /// The frontier bound (α units): a depth-first walk pruning every subtree whose B(T) is at most
    /// `floor` or the largest leaf bound found so far (when collecting, the `collect`-th largest); after
    /// `nodeBudget` nodes and leaves — or after `timeBudget` — the rest count with their B(T). `nil` when
    /// level 1 is not solved.
    /// - Complexity: at most `nodeBudget` nodes, each O(s·2^(s−1)) table reads.
    func frontier(
        lower: Double, completed: Set<Int>, closed: Set<[Int]> = [], collect: Int = 0, floor: Double = 0,
        nodeBudget: Int = 1_000_000, timeBudget: Duration = .seconds(2)
    ) -> Frontier? {
        guard let levels, mode != .naiveEnumeration else { return nil }
        let n = matrix.columns
        var single: [Double] = []
        for j in 0..<n {
            guard levels.isExact([j]) else { return nil }
            single.append(levels.bounds([j]).max() ?? 1)
        }
        // suffix[p][r]: the sum of the r largest α_{j} over j ≥ p.
        var suffix = Array(repeating: Array(repeating: 0.0, count: s + 1), count: n + 1)
        for p in stride(from: n - 1, through: 0, by: -1) {
            let values = single[p...].sorted(by: >)
            var sum = 0.0
            for r in 1...s {
                if r <= values.count { sum += values[r - 1] }
                suffix[p][r] = r <= values.count ? sum : .infinity
            }
        }
        var best = lower, budget = nodeBudget
        let walkDeadline = ContinuousClock.now + timeBudget
        var found: [(bound: Double, leaf: [Int])] = []
        var threshold: Double {
            max(floor, collect > 0 && found.count < collect ? lower : min(best, found.last?.bound ?? best))
        }
        let top = levels.top, leafByAverage = top == s - 1
        var prefix: [Int] = []
        prefix.reserveCapacity(s)
        func leaf(_ inner: Double) {
            let chunk = coder.rank(prefix) / chunkSize
            guard options.shard.contains(chunk: chunk), !completed.contains(chunk), !closed.contains(prefix) else {
                return
            }
            let bound = min(1, leafByAverage ? levels.averaged(prefix).max() ?? 1 : nodeValue(prefix, inner: inner))
            best = max(best, bound)
            guard collect > 0, bound > lower, found.count < collect || bound > found[found.count - 1].bound else {
                return
            }
            let position = found.firstIndex { $0.bound < bound } ?? found.count
            found.insert((bound, prefix), at: position)
            if found.count > collect { found.removeLast() }
        }
        func nodeValue(_ t: [Int], inner: Double) -> Double {
            t.count <= top ? levels.bounds(t).max() ?? 1 : inner
        }
        func walk(_ value: Double) {
            let start = (prefix.last ?? -1) + 1, remaining = s - prefix.count
            guard remaining > 0, start + remaining <= n else { return }
            for c in start...(n - remaining) {
                prefix.append(c)
                defer { prefix.removeLast() }
                let inner = prefix.count <= top ? 0 : value + single[c]
                if remaining == 1 {
                    // Past the budget a leaf counts with its parent's bound plus α_{c}, without table work.
                    if budget <= 0 { best = max(best, min(1, value + single[c])) } else { budget -= 1; leaf(inner) }
                    continue
                }
                let own = nodeValue(prefix, inner: inner)
                let bound = own + suffix[c + 1][remaining - 1]
                guard bound > threshold else { continue }
                if budget <= 0 { best = max(best, min(1, bound)); continue }
                budget -= 1
                if budget % 4096 == 0, ContinuousClock.now >= walkDeadline { budget = 0 }
                walk(own)
            }
        }
        walk(0)
        return Frontier(bound: max(best, floor), leaves: found.map(\.leaf), isComplete: budget > 0)
    }

    /// The smallest frontier bound found within `timeBudget`: one walk as above, then walks that prune at a
    /// floor θ bisected between `lower` and the best bound so far. A walk that finishes within its node
    /// budget proves max(θ, its largest leaf bound); one that does not still proves its own bound. Pruning
    /// at θ skips the subtrees whose B(T) ≤ θ, which is what lets a walk finish where the plain walk (whose
    /// threshold only rises as leaves are found) spends its budget early and leaves whole top-level
    /// subtrees with their B(T).
    /// - Complexity: each walk at most `nodeBudget` nodes; about log₂((bound − lower)/resolution) walks.
    func frontierBound(
        lower: Double, completed: Set<Int>, closed: Set<[Int]>, timeBudget: Duration,
        nodeBudget: Int = 1_000_000
    ) -> Double? {
        let end = ContinuousClock.now + timeBudget
        guard
            let first = frontier(
                lower: lower, completed: completed, closed: closed, nodeBudget: nodeBudget,
                timeBudget: timeBudget / 4)
        else { return nil }
        var bound = first.bound
        // Walks pruning at floors up to `low` are known not to finish.
        var low = first.isComplete ? bound : lower
        while bound - low > 1e-4 * bound, ContinuousClock.now < end {
            let floor = (low + bound) / 2
            guard
                let walk = frontier(
                    lower: lower, completed: completed, closed: closed, floor: floor, nodeBudget: nodeBudget,
                    timeBudget: end - ContinuousClock.now)
            else { break }
            bound = min(bound, walk.bound)
            if !walk.isComplete {
                low = floor
            } else if walk.bound > floor {
                break  // a leaf bound above the floor: no lower floor can prove less
            }
        }
        return bound
    }

    /// The best-first phase (``OrderSearchOptions/bestFirst``): rounds of "collect the open leaves with the
    /// largest bounds, process them on all threads" until time is up, no open leaf exceeds the incumbent
    /// (then the search is complete without enumerating), or eight rounds in a row find nothing to do (then
    /// the enumeration of the chunks finishes the search). The collecting walks prune at a floor θ: raised
    /// halfway to the best bound when a walk overruns its budget, lowered halfway to the incumbent when no
    /// open leaf is left above it — so that each round's walk finishes and hands over the leaves that set
    /// the upper bound.
    /// - Returns: whether the frontier closed: every support is solved, pruned or bounded by the incumbent.
    func bestFirst() throws(NullSpacePropertyError) -> Bool {
        let batch = max(2048, 8 * options.threads)
        var floor = 0.0, upper = 1.0, idleRounds = 0
        while !timeIsUp, idleRounds < 8 {
            let (lower, completed, closed) = shared.withLock {
                ($0.incumbent.alpha - options.pruningTolerance, $0.completed, $0.closedSupports)
            }
            if floor - lower <= 1e-9 * upper { floor = 0 }
            guard
                let frontier = frontier(
                    lower: lower, completed: completed, closed: closed, collect: batch, floor: floor)
            else { return false }
            upper = min(upper, frontier.bound)
            if frontier.bound <= lower { return true }
            if !frontier.isComplete {
                floor = (max(floor, lower) + upper) / 2
            } else if frontier.leaves.isEmpty {
                if floor == 0 { return false }
                floor = (lower + floor) / 2
            }
            let leaves = frontier.leaves
            if leaves.isEmpty {
                idleRounds += 1
                continue
            }
            idleRounds = 0
            try ParallelWork.forEach(threads: options.threads, count: leaves.count) {
                (item: Int) throws(NullSpacePropertyError) -> Bool in
                if self.timeIsUp { return false }
                try self.process(leaves[item])
                self.shared.withLock { _ = $0.closedSupports.insert(leaves[item]) }
                return true
            }
            report("best-first", done: shared.withLock { $0.closedSupports.count }, total: coder.count)
            try saveCheckpoint(force: false)
        }
        return false
    }
}
