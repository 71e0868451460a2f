import ScaleOut
import Synchronization

/// Levels 1 and 2 (every singleton and pair solved exactly) and the incumbents.
extension OrderSearch {
    /// Solves every support of size k exactly; `false` when the time limit interrupted it.
    func solveLevel(_ k: Int, of levels: LevelBounds) throws(NullSpacePropertyError) -> Bool {
        let count = levels.coders[k].count, batch = 32
        let batches = (count + batch - 1) / batch
        let interrupted = Mutex(false)
        try ParallelWork.forEach(threads: options.threads, count: batches) {
            (b: Int) throws(NullSpacePropertyError) -> Bool in
            for rank in (b * batch)..<min(count, (b + 1) * batch) {
                if self.timeIsUp { interrupted.withLock { $0 = true }; return false }
                let subset = levels.coders[k].subset(rank: rank)
                if levels.isExact(subset) { continue }
                let constant = try self.matrix.supportConstant(subset, solver: self.options.solver)
                try self.store(constant, in: levels)
                if k == 1 { self.shared.withLock { $0.singletonWitnesses.append(constant.witness) } }
            }
            self.report(k == 1 ? "singletons" : "pairs", done: min(count, (b + 1) * batch), total: count)
            try self.saveCheckpoint(force: false)
            return true
        }
        return !interrupted.withLock { $0 }
    }

    // MARK: Incumbents

    /// Counts an LP result and offers its witness (and, at the order level, its value) as an incumbent.
    /// When the witness's top entries beat the incumbent, the search climbs from there at once
    /// (``climb(from:)``), so that the support they point to is solved before the supports that its
    /// value would prune.
    func record(_ constant: SupportConstant, atOrderLevel: Bool, climbing: Bool = true) throws(NullSpacePropertyError) {
        var candidates: [(incumbent: Incumbent, fromWitness: Bool)] = []
        if atOrderLevel {
            candidates.append(
                (
                    Incumbent(
                        alpha: constant.alpha, support: constant.support, signs: constant.signs,
                        witness: constant.witness), false
                ))
        }
        if let fromWitness = Incumbent.fromWitness(constant.witness, order: s) {
            candidates.append((fromWitness, true))
        }
        let improvedWitness: [Double]? = shared.withLock {
            $0.lps += constant.lpsSolved
            if atOrderLevel { $0.supportsSolved += 1 }
            var improved: [Double]?
            // A witness must beat an LP value by more than round-off to replace it.
            for candidate in candidates
            where candidate.incumbent.alpha > $0.incumbent.alpha + (candidate.fromWitness ? 1e-12 : 0) {
                $0.incumbent = candidate.incumbent
                $0.incumbentFromWitness = candidate.fromWitness
                if candidate.fromWitness { improved = constant.witness }
            }
            return improved
        }
        if climbing, levels != nil, let improvedWitness { try climb(from: improvedWitness) }
    }

    /// Local search from one null-space vector: take the support of its s largest entries, solve ϱ for
    /// their signs, and repeat with the new witness while the support changes (at most 8 rounds).
    func climb(from seed: [Double]) throws(NullSpacePropertyError) {
        var witness = seed
        var visited: Set<[Int]> = []
        for _ in 0..<8 {
            if timeIsUp { return }
            guard let start = Incumbent.fromWitness(witness, order: s), visited.insert(start.support).inserted
            else { break }
            let result = try matrix.signedConstant(support: start.support, signs: start.signs, solver: options.solver)
            try record(
                SupportConstant(
                    support: start.support, value: result.value, signs: start.signs,
                    witness: result.witness, patternValues: [], lpsSolved: 1, certificates: []),
                atOrderLevel: false, climbing: false)
            witness = result.witness
        }
    }

    /// ``climb(from:)`` from each column's witness.
    func localSearch() throws(NullSpacePropertyError) {
        let seeds = shared.withLock { $0.singletonWitnesses }
        try ParallelWork.forEach(threads: options.threads, count: seeds.count) {
            (item: Int) throws(NullSpacePropertyError) -> Bool in
            try self.climb(from: seeds[item])
            return !self.timeIsUp
        }
    }
}
