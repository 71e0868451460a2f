import Synchronization

/// Upper bounds u(T, τ) ≥ b(T, τ) = max { ⟨τ, v_T⟩ : A v = 0, ‖v‖₁ ≤ 1 } for the supports T of sizes
/// 1 … s − 1 and their sign patterns, shared by all worker threads.
///
/// Two sources:
/// - an exact LP: b(T, τ) ≤ ϱ(T, τ)/(1 + ϱ(T, τ)) (for ‖v‖₁ = 1 with c = ‖v_{T^c}‖₁:
///   ⟨τ, v_T⟩ ≤ ϱ·c ≤ ϱ·(1 − ⟨τ, v_T⟩)), and max_τ of both sides is α_T;
/// - averaging over the subsets one size down: ⟨τ, v_T⟩ = (1/(k−1)) Σ_{j ∈ T} ⟨τ, v_{T∖j}⟩, hence
///   u(T, τ) = (1/(k−1)) Σ_j u(T ∖ j, τ|_{T∖j}) (for k = |T| ≥ 2), or splitting off one index,
///   u(T, τ) = min_j u(T ∖ j, τ|) + u({j}), whichever is smaller.
///
/// Level 1 must be filled exactly first; higher levels are derived on demand and memoized, and replaced
/// by exact values when a search solves them.
final class LevelBounds: Sendable {
    let coders: [CombinationCoder]
    private struct Storage {
        /// values[k][rank·2^(k−1) + p]; NaN = not derived yet.
        var values: [[Double]]
        var exact: [[Bool]]
    }
    private let storage: Mutex<Storage>

    /// The number of stored entries the tables for levels 1 … top need.
    static func entries(columns n: Int, top: Int) -> Double {
        (1...max(top, 1)).reduce(0) { $0 + binomialDouble(n, $1) * Double(SignPattern.count($1)) }
    }

    /// Whether derived bounds are rounded outward (for proven bounds).
    let outward: Bool
    /// The certificates' Aᵀμ of solved subsets, for the ``DualCombination`` bound of the table levels
    /// (`nil`: averaging and splitting only).
    let duals: DualTable?

    /// Tables for levels 1 … top (top ≥ 1); `outward` rounds every derived bound up; `combinesDuals` keeps
    /// the solved subsets' Aᵀμ (``setDuals(_:vectors:)``) for ``DualCombination`` (not with `outward`).
    init(columns n: Int, top: Int, outward: Bool = false, combinesDuals: Bool = false) {
        self.outward = outward
        let coders = (0...top).map { CombinationCoder(n: n, k: $0) }
        self.coders = coders
        duals = combinesDuals && !outward ? DualTable(coders: coders) : nil
        let values = (0...top).map { k in
            k == 0 ? [] : Array(repeating: Double.nan, count: coders[k].count * SignPattern.count(k))
        }
        let exact = (0...top).map { k in k == 0 ? [] : Array(repeating: false, count: coders[k].count) }
        storage = Mutex(Storage(values: values, exact: exact))
    }

    var top: Int { coders.count - 1 }

    /// Records exact values α-normalised (ϱ/(1 + ϱ)) for every pattern of T.
    func setExact(_ subset: [Int], alphas: [Double]) {
        let k = subset.count, rank = coders[k].rank(subset), width = SignPattern.count(k)
        storage.withLock {
            for p in 0..<width { $0.values[k][rank * width + p] = alphas[p] }
            $0.exact[k][rank] = true
        }
    }

    func isExact(_ subset: [Int]) -> Bool {
        let k = subset.count, rank = coders[k].rank(subset)
        return storage.withLock { $0.exact[k][rank] }
    }

    /// u(T, ·) for every pattern number of T (|T| ≤ top), derived and memoized if needed.
    func bounds(_ subset: [Int]) -> [Double] {
        let k = subset.count, rank = coders[k].rank(subset), width = SignPattern.count(k)
        let cached: [Double]? = storage.withLock {
            $0.values[k][rank * width].isNaN ? nil : Array($0.values[k][rank * width..<(rank + 1) * width])
        }
        if let cached { return cached }
        precondition(k >= 2, "level-1 bounds must be solved before they are used")
        let derived = averaged(subset)
        storage.withLock {
            if $0.values[k][rank * width].isNaN {
                for p in 0..<width { $0.values[k][rank * width + p] = derived[p] }
            }
        }
        return derived
    }

    /// For every pattern of S (|S| = k ≥ 2, subsets at most `top`), the smaller of two bounds, capped at 1:
    /// the average (1/(k−1)) Σ_j u(S ∖ S[j], τ|) and the best split min_j u(S ∖ S[j], τ|) + u({S[j]})
    /// (⟨τ, v_S⟩ = ⟨τ|, v_{S∖j}⟩ + τ_j v_j, each part at most its own maximum).
    func averaged(_ support: [Int]) -> [Double] {
        let k = support.count
        let subsets = (0..<k).map { j in
            var subset = support
            subset.remove(at: j)
            return subset
        }
        let parts = subsets.map(bounds)
        let singles = k == 2 ? [parts[1][0], parts[0][0]] : support.map { bounds([$0])[0] }
        let factor = outward ? 1 + Double(k + 2) * Double.ulpOfOne : 1
        return (0..<SignPattern.count(k)).map { p in
            let mask = SignPattern.mask(p)
            var sum = 0.0, split = Double.infinity
            for j in 0..<k {
                let part = parts[j][SignPattern.number(removing: j, fromMask: mask, length: k)]
                sum += part
                split = min(split, part + singles[j])
            }
            var bound = min(sum / Double(k - 1), split)
            if k <= top, let duals, let parts = Self.parts(duals, subsets, mask: mask, length: k) {
                let signs = SignPattern.signs(mask: mask, length: k)
                bound = min(bound, DualCombination.bound(support: support, signs: signs, parts: parts))
            }
            return min(1, outward ? (bound * factor).nextUp : bound)
        }
    }

    /// Records Aᵀμ of T's solved patterns for ``DualCombination``.
    func setDuals(_ subset: [Int], vectors: [[Double]]) { duals?.set(subset, vectors: vectors) }

    /// Aᵀμ of T ∖ T[j] for τ restricted, for each j (negated where the restriction starts with −1 and was
    /// stored as its negation), or `nil` when one of them is not recorded.
    private static func parts(_ duals: DualTable, _ subsets: [[Int]], mask: Int, length k: Int) -> [[Double]]? {
        var parts: [[Double]] = []
        for (j, subset) in subsets.enumerated() {
            let restricted = (mask & ((1 << j) - 1)) | ((mask >> (j + 1)) << j)
            guard let w = duals.vector(subset, pattern: SignPattern.number(mask: restricted, length: k - 1))
            else { return nil }
            parts.append(restricted & 1 == 1 ? w.map { -$0 } : w)
        }
        return parts
    }

    /// Every exactly solved subset with its α-values (NaN, for patterns never solved, written as the
    /// trivial bound 1), for checkpoints.
    /// - Complexity: O(Σ_k C(n, k)) flag reads.
    func exactEntries() -> [SolvedSubset] {
        storage.withLock { storage in
            var entries: [SolvedSubset] = []
            for k in 1...top {
                let width = SignPattern.count(k)
                for rank in storage.exact[k].indices where storage.exact[k][rank] {
                    let alphas = storage.values[k][rank * width..<(rank + 1) * width].map { $0.isNaN ? 1 : $0 }
                    entries.append(SolvedSubset(support: coders[k].subset(rank: rank), alphas: Array(alphas)))
                }
            }
            return entries
        }
    }

    /// Whether a checkpoint's subset fits these tables: size 1 … top, increasing indices below n, one
    /// α ∈ [0, 1] per sign pattern.
    func accepts(_ entry: SolvedSubset) -> Bool {
        let k = entry.support.count
        return (1...top).contains(k) && entry.alphas.count == SignPattern.count(k)
            && entry.alphas.allSatisfy({ $0 >= 0 && $0 <= 1 }) && coders[k].contains(entry.support)
    }

    /// The largest level-k value (meaningful once level k is exact everywhere): α_k.
    func maximum(level k: Int) -> Double {
        storage.withLock { $0.values[k].max() ?? .nan }
    }
}
