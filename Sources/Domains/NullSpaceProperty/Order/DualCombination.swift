import Synchronization

/// A bound on b(T, τ) = max { ⟨τ, v_T⟩ : A v = 0, ‖v‖₁ ≤ 1 } from the LP certificates of T's subsets.
///
/// For any W in the row space of A and v ∈ ker A, ⟨W, v⟩ = 0, so for every λ ≥ 0
///
///     ⟨τ, v_T⟩ = Σ_{j∈T} (τ_j − λW_j) v_j − λ Σ_{j∉T} W_j v_j
///              ≤ f(λ) = max( max_{j∈T} |τ_j − λW_j|,  λ·max_{j∉T} |W_j| )   for ‖v‖₁ ≤ 1.
///
/// With W = Σ_{j∈T} Aᵀμ_j, the certificates of the (k−1)-subsets T ∖ j for τ restricted ((Aᵀμ_j) = τ on
/// T ∖ j), W_i = (k−1)τ_i + (the one part without i) on T; a few reweightings of the parts are tried too.
/// It is taken where it is smaller than the averaging bound (1/(k−1)) Σ_j u(T ∖ j): when the parts' entries
/// off their own supports do not line up. f is convex and piecewise linear; it is evaluated at the two
/// candidate minimizers (every λ gives a valid bound).
enum DualCombination {
    /// The smallest ``bound(support:signs:combined:)`` over W = Σ_j β_j w_j for the weights β = (1, …, 1)
    /// and, for each part j, β_j ∈ {½, 2} with the others 1 (every W in the row space gives a valid bound).
    /// - Complexity: O(k²·n) for k parts.
    static func bound(support: [Int], signs: [Int], parts: [[Double]]) -> Double {
        guard let n = parts.first?.count else { return 1 }
        var sum = Array(repeating: 0.0, count: n)
        for w in parts { for i in 0..<n { sum[i] += w[i] } }
        var best = bound(support: support, signs: signs, combined: sum)
        for w in parts {
            for change in [-0.5, 1.0] {
                var weighted = sum
                for i in 0..<n { weighted[i] += change * w[i] }
                best = min(best, bound(support: support, signs: signs, combined: weighted))
            }
        }
        return best
    }

    /// min over the candidate λ of f(λ) for the combined vector `w` (n entries), T = `support` (increasing),
    /// τ = `signs`; 1 (the trivial bound) when no candidate is positive and finite.
    /// - Complexity: O(n).
    static func bound(support: [Int], signs: [Int], combined w: [Double]) -> Double {
        var smallest = Double.infinity, largest = 0.0, outside = 0.0
        for (j, sign) in zip(support, signs) {
            let a = Double(sign) * w[j]
            smallest = min(smallest, a)
            largest = max(largest, a)
        }
        var position = 0
        for j in w.indices {
            if position < support.count && support[position] == j { position += 1; continue }
            outside = max(outside, w[j].magnitude)
        }
        guard smallest > 0 else { return 1 }
        var best = 1.0
        for lambda in [2 / (smallest + largest), 1 / (smallest + outside)] where lambda.isFinite && lambda > 0 {
            var value = lambda * outside
            for (j, sign) in zip(support, signs) { value = max(value, (Double(sign) - lambda * w[j]).magnitude) }
            best = min(best, value)
        }
        return best
    }
}

/// wᵀ = μᵀA of every solved pattern of the exactly solved subsets (levels 1 … top − 1), for
/// ``DualCombination``; shared by the worker threads.
final class DualTable: Sendable {
    private let storage: Mutex<[[[Double]]]>
    let coders: [CombinationCoder]

    init(coders: [CombinationCoder]) {
        self.coders = coders
        // The top level is never combined from, so only levels 1 … top − 1 are kept.
        storage = Mutex(
            coders.indices.map { k in
                k == 0 || k >= coders.count - 1
                    ? [] : Array(repeating: [], count: coders[k].count * SignPattern.count(k))
            })
    }

    private func kept(_ k: Int) -> Bool { k >= 1 && k < coders.count - 1 }

    /// Records Aᵀμ for every pattern of T (empty where a pattern was not solved or ϱ = ∞).
    func set(_ subset: [Int], vectors: [[Double]]) {
        let k = subset.count
        guard kept(k) else { return }
        let rank = coders[k].rank(subset), width = SignPattern.count(k)
        storage.withLock { for p in 0..<width { $0[k][rank * width + p] = vectors[p] } }
    }

    /// Aᵀμ of pattern number `p` of T, if recorded.
    func vector(_ subset: [Int], pattern p: Int) -> [Double]? {
        let k = subset.count
        guard kept(k) else { return nil }
        let rank = coders[k].rank(subset), width = SignPattern.count(k)
        let vector = storage.withLock { $0[k][rank * width + p] }
        return vector.isEmpty ? nil : vector
    }
}
