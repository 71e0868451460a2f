/// The anytime upper bound of a stopped search: the largest bound still open on the frontier of the
/// subset tree.
///
/// The supports of size s are the leaves of the tree of increasing index lists. For a node T and any
/// leaf S ⊇ T below it, with v ∈ ker A, ‖v‖₁ ≤ 1:
///
///     ‖v_S‖₁ = ‖v_T‖₁ + Σ_{j ∈ S∖T} |v_j| ≤ α_T + Σ_{j ∈ S∖T} α_{j},
///
/// so B(T) = ū(T) + (the s − |T| largest α_{j} with j > max T) bounds every leaf of the subtree
/// (ū(T) = max_τ u(T, τ) ≥ α_T from the level tables; for |T| above the tables, the bound of T's first
/// indices plus α_{j} of the rest — a Cho–Xu pick-l style argument). Leaves in finished chunks are
/// bounded by the incumbent already; other leaves get max_τ of their subset-average bound.
extension OrderSearch {
    /// The frontier bound (α units): a depth-first walk pruning every subtree whose B(T) ≤ the largest
    /// bound found so far; after `nodeBudget` expansions the unexpanded subtrees count with their B(T).
    /// `nil` when level 1 is not solved (there are no tables to bound with).
    /// - Complexity: at most `nodeBudget` nodes, each O(s·2^(s−1)) table reads.
    func frontierBound(lower: Double, completed: Set<Int>, nodeBudget: Int = 1_000_000) -> Double? {
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
        let top = levels.top, leafByAverage = top == s - 1
        var prefix: [Int] = []
        prefix.reserveCapacity(s)
        func leaf(_ inner: Double) {
            let chunk = coder.rank(prefix) / chunkSize
            guard options.shard.contains(chunk: chunk), !completed.contains(chunk) else { return }
            let bound = leafByAverage ? levels.averaged(prefix).max() ?? 1 : nodeValue(prefix, inner: inner)
            best = max(best, min(1, bound))
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
                if remaining == 1 { leaf(inner); continue }
                let own = nodeValue(prefix, inner: inner)
                let bound = own + suffix[c + 1][remaining - 1]
                guard bound > best else { continue }
                if budget <= 0 { best = max(best, min(1, bound)); continue }
                budget -= 1
                walk(own)
            }
        }
        walk(0)
        return best
    }
}
