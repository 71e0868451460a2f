import ScaleOut
import Synchronization

/// The order in which the chunks of supports are processed: largest bound first.
///
/// Which supports are solved or pruned does not depend on the order — except through the incumbent, which
/// only rises. Processing the chunks whose supports have the largest bounds first raises it to (near) α_s
/// early, so that later supports are pruned by their cheap bounds instead of by solving their subsets.
extension OrderSearch {
    /// The most supports the ordering pass bounds (one `LevelBounds.averaged` per support); above it the
    /// chunks keep their colex order.
    static let orderingLimit = 2e7

    /// `chunks` sorted by the largest bound max_τ u(S, τ) of their supports, largest first (ties: lower chunk
    /// first); unchanged without level tables, for naive enumeration, above ``orderingLimit`` supports, or
    /// when the time runs out during the pass.
    /// - Complexity: one bound per support of the chunks, on all threads.
    func orderedByBound(_ chunks: [Int]) throws(NullSpacePropertyError) -> [Int] {
        guard let levels, mode == .branchAndBound, Double(chunks.count) * Double(chunkSize) <= Self.orderingLimit
        else { return chunks }
        let maxima = Mutex([Double](repeating: 0, count: chunks.count))
        let interrupted = Mutex(false)
        ParallelWork.forEach(threads: options.threads, count: chunks.count) { (item: Int) -> Bool in
            if self.timeIsUp { interrupted.withLock { $0 = true }; return false }
            let first = chunks[item] * self.chunkSize, last = min(self.coder.count, first + self.chunkSize)
            var support = self.coder.subset(rank: first), largest = 0.0
            for rank in first..<last {
                largest = max(largest, levels.averaged(support).max() ?? 1)
                if rank + 1 < last { _ = self.coder.advance(&support) }
            }
            maxima.withLock { $0[item] = largest }
            return true
        }
        if interrupted.withLock({ $0 }) { return chunks }
        let bounds = maxima.withLock { $0 }
        return chunks.indices.sorted { (bounds[$0], -$0) > (bounds[$1], -$1) }.map { chunks[$0] }
    }
}
