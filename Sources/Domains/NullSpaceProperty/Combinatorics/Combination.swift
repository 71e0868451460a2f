/// k-subsets of {0, …, n−1} in colexicographic order, ranked by the combinatorial number system:
///
///     rank(c₀ < c₁ < … < c_{k−1}) = Σᵢ C(cᵢ, i + 1)
///
/// Ranks are 0 ..< C(n, k); consecutive ranks are consecutive subsets, so a range of ranks is a
/// deterministic slice of the enumeration (used for chunks, shards and checkpoints).
struct CombinationCoder: Sendable {
    let n: Int
    let k: Int
    let binomial: BinomialTable

    init(n: Int, k: Int) {
        self.n = n
        self.k = k
        self.binomial = BinomialTable(upTo: n, choose: max(k, 1))
    }

    /// C(n, k), saturating.
    var count: Int { binomial(n, k) }

    /// Whether `subset` is one of these subsets: k increasing indices in 0 ..< n (for data read from files).
    func contains(_ subset: [Int]) -> Bool {
        subset.count == k && subset.allSatisfy { (0..<n).contains($0) }
            && zip(subset, subset.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// The rank of an increasing index list.
    /// - Complexity: O(k).
    func rank(_ subset: [Int]) -> Int {
        var result = 0
        for (i, c) in subset.enumerated() { result += binomial(c, i + 1) }
        return result
    }

    /// The subset with the given rank, increasing.
    /// - Precondition: `0 ≤ rank < count`.
    /// - Complexity: O(n).
    func subset(rank: Int) -> [Int] {
        precondition(rank >= 0 && rank < count, "combination rank out of range")
        var subset = Array(repeating: 0, count: k)
        var remaining = rank, c = n - 1
        for i in stride(from: k - 1, through: 0, by: -1) {
            while binomial(c, i + 1) > remaining { c -= 1 }
            subset[i] = c
            remaining -= binomial(c, i + 1)
            c -= 1
        }
        return subset
    }

    /// Advances `subset` to its colex successor; returns `false` after the last one.
    /// - Complexity: amortized O(1).
    func advance(_ subset: inout [Int]) -> Bool {
        for i in 0..<k {
            let limit = i + 1 < k ? subset[i + 1] : n
            if subset[i] + 1 < limit {
                subset[i] += 1
                for j in 0..<i { subset[j] = j }
                return true
            }
        }
        return false
    }
}
