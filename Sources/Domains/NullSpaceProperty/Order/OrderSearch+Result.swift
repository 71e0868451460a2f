import Synchronization

/// The result: exact when the search finished, otherwise an interval with its source.
extension OrderSearch {
    func finish(levelsDone: Int) throws(NullSpacePropertyError) -> OrderConstant {
        let state = shared.withLock { $0 }
        // Cheap bounds on a huge enumeration never list its chunks.
        let listable = mode != .cheapBounds || Double(chunkCount) * Double(chunkSize) <= 2e6
        let unfinished =
            listable
            ? (0..<chunkCount).filter { options.shard.contains(chunk: $0) && !state.completed.contains($0) } : []
        var incumbent = state.incumbent
        var lps = state.lps
        if !incumbent.support.isEmpty && state.incumbentFromWitness && mode != .naiveEnumeration {
            let check = try matrix.supportConstant(incumbent.support, solver: options.solver)
            lps += check.lpsSolved
            if check.alpha >= incumbent.alpha - 1e-9 {
                incumbent = Incumbent(
                    alpha: max(check.alpha, incumbent.alpha), support: check.support,
                    signs: check.signs, witness: check.witness)
            }
        }
        let levelsNeeded = mode == .branchAndBound ? min(2, s - 1) : 0
        let complete =
            mode != .cheapBounds && (unfinished.isEmpty || state.frontierClosed) && levelsDone >= levelsNeeded
            || incumbent.alpha >= 1
        var upper = incumbent.alpha, source = "the search is complete: every support was solved or pruned"
        if incumbent.alpha >= 1 {
            source =
                incumbent.rho?.isInfinite ?? true
                ? "α = 1 is attained (ρ = ∞)"
                : "α rounds to 1 in floating point; the witness gives ρ ≥ \(incumbent.rho ?? 0), and ρ ≤ ∞ is all it proves"
        } else if !complete {
            (upper, source) = interruptedUpperBound(
                levelsDone: levelsDone, lower: incumbent.alpha,
                completed: state.completed)
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

    /// (s/3)·max_T max_τ u(T, τ) over all triples — α_3 ≤ that maximum, and α_s ≤ (s/3)·α_3 — where the
    /// tables hold triples (s ≥ 4) and there are at most ``pickThreeLimit`` of them; `nil` otherwise.
    /// - Complexity: C(n, 3) table reads or derivations, O(n) each.
    func derivedPickThree(_ levels: LevelBounds) -> Double? {
        guard s >= 4, levels.top >= 3, binomialDouble(matrix.columns, 3) <= Self.pickThreeLimit else { return nil }
        let coder = levels.coders[3]
        var triple = coder.subset(rank: 0), largest = 0.0
        for rank in 0..<coder.count {
            largest = max(largest, levels.bounds(triple).max() ?? 1)
            if rank + 1 < coder.count { _ = coder.advance(&triple) }
        }
        return min(1, Double(s) / 3 * largest)
    }

    /// The most triples ``derivedPickThree(_:)`` bounds (n = 100 has 161,700).
    static let pickThreeLimit = 3e5

    /// An upper bound on α_s after an interrupted search: the smaller of the pick-l bounds α_s ≤ (s/l)·α_l of
    /// the finished levels and the frontier bound
    /// (``frontierBound(lower:completed:closed:timeBudget:nodeBudget:)``: the largest bound open in the
    /// subset tree, leaves of finished chunks excluded).
    func interruptedUpperBound(levelsDone: Int, lower: Double, completed: Set<Int>) -> (Double, String) {
        guard let levels, levelsDone >= 1 else { return (1, "no bound finished before the time limit (α ≤ 1)") }
        var best = 1.0, source = "α ≤ 1"
        // Juditsky–Nemirovski: for v ∈ ker A, |v_j| ≤ α_{j}‖v‖₁ (their verifiable condition with the
        // optimal H is exactly the singleton LP), so ‖v_S‖₁ ≤ the sum of the s largest α_{j}.
        let singles = (0..<matrix.columns).map { levels.bounds([$0]).max() ?? 1 }.sorted(by: >)
        let topSum = singles.prefix(s).reduce(0, +)
        if topSum < best {
            (best, source) = (topSum, "Juditsky–Nemirovski bound α_s ≤ Σ of the s largest α_{j}")
        }
        for l in 1...min(levelsDone, s - 1) {
            let pick = Double(s) / Double(l) * levels.maximum(level: l)
            if pick < best { (best, source) = (pick, "pick-\(l) bound α_s ≤ (s/\(l))·α_\(l)") }
        }
        if levelsDone >= 2, let pickThree = derivedPickThree(levels), pickThree < best {
            (best, source) = (
                pickThree,
                "pick-3 bound α_s ≤ (s/3)·max_T ū(T) over every triple T (ū: its LP values, or bounds derived "
                    + "from the pairs' values and certificates)"
            )
        }
        let closed = shared.withLock { $0.closedSupports }
        let walk =
            options.timeLimit.map { max(.milliseconds(500), $0 * 0.2) }
            ?? .seconds(options.stop?.isRequested == true ? 2 : 10)
        if let frontier = frontierBound(lower: lower, completed: completed, closed: closed, timeBudget: walk),
            frontier < best
        {
            (best, source) = (
                frontier,
                "largest bound open on the frontier of the subset tree (α_T plus the best "
                    + "single-coordinate α of the indices still to add)"
            )
        }
        return (best, source + (mode == .cheapBounds ? "" : " (the search stopped early: time limit or chunk budget)"))
    }
}
