import ScaleOut

extension OrderConstant {
    /// Combines the results of shards 1/N … N/N of one computation into the result for the whole matrix.
    ///
    /// Shard k reports max(incumbent_k, max_{S in its slice} α_S) as its lower bound when complete (and an
    /// upper bound on that slice otherwise); every incumbent is attained by some support, so
    /// α_s = max_k lower_k when all shards are complete, and α_s ≤ max_k upper_k always.
    ///
    /// - Throws: ``NullSpacePropertyError/unmergeableShards(_:)`` when the results are of different matrices,
    ///   orders or shard counts, when a shard appears twice, or when one is missing.
    /// - Complexity: O(N).
    public static func merging(_ shards: [OrderConstant]) throws(NullSpacePropertyError) -> OrderConstant {
        guard let first = shards.first else { throw .unmergeableShards("no shard results were given") }
        for shard in shards {
            guard shard.matrixDigest == first.matrixDigest else {
                throw .unmergeableShards(
                    "shard \(shard.shard) is of another matrix (digest \(shard.matrixDigest), "
                        + "shard \(first.shard) has \(first.matrixDigest))")
            }
            guard shard.order == first.order else {
                throw .unmergeableShards(
                    "shard \(shard.shard) has order s = \(shard.order), shard \(first.shard) has \(first.order)")
            }
            guard shard.shard.count == first.shard.count else {
                throw .unmergeableShards(
                    "shard \(shard.shard) is of a \(shard.shard.count)-way split, "
                        + "shard \(first.shard) of a \(first.shard.count)-way split")
            }
        }
        let indices = shards.map(\.shard.index)
        if let repeated = Set(indices).first(where: { index in indices.filter { $0 == index }.count > 1 }) {
            throw .unmergeableShards("shard \(repeated)/\(first.shard.count) is given twice")
        }
        let missing = (1...first.shard.count).filter { !indices.contains($0) }
        guard missing.isEmpty else {
            throw .unmergeableShards(
                "shard\(missing.count == 1 ? "" : "s") "
                    + missing.map { "\($0)/\(first.shard.count)" }.joined(separator: ", ") + " missing")
        }
        let best = shards.max { $0.lowerAlpha < $1.lowerAlpha } ?? first
        let complete = shards.allSatisfy(\.complete)
        let upper = shards.map(\.upperAlpha).max() ?? 1
        return OrderConstant(
            order: first.order, method: first.method, lowerAlpha: best.lowerAlpha,
            upperAlpha: max(upper, best.lowerAlpha), incumbent: best.incumbent, complete: complete,
            upperBoundSource: complete
                ? "all \(first.shard.count) shards are complete"
                : "the largest upper bound of the \(first.shard.count) shards (some did not finish)",
            lpsSolved: shards.reduce(0) { $0 + $1.lpsSolved }, naiveLPs: first.naiveLPs,
            supportsSolved: shards.reduce(0) { $0 + $1.supportsSolved }, shard: .whole,
            matrixDigest: first.matrixDigest, seconds: shards.reduce(0) { $0 + $1.seconds })
    }
}
