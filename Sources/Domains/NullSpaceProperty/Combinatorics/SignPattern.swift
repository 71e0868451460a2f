/// Sign patterns τ ∈ {−1, +1}^k up to a global sign, as bit masks.
///
/// Bit i of a mask set means τᵢ = −1. Because ϱ(S, −τ) = ϱ(S, τ) (replace v by −v), only the
/// 2^(k−1) masks with τ₀ = +1 are enumerated; pattern number p has mask `p << 1`.
enum SignPattern {
    /// The number of patterns up to global sign, 2^(k−1) (1 for k = 0).
    static func count(_ k: Int) -> Int { k == 0 ? 1 : 1 << (k - 1) }

    /// The mask of pattern number `p`.
    static func mask(_ p: Int) -> Int { p << 1 }

    /// τ as ±1 integers.
    static func signs(mask: Int, length k: Int) -> [Int] {
        (0..<k).map { (mask >> $0) & 1 == 1 ? -1 : 1 }
    }

    /// The mask of a ±1 list.
    static func mask(of signs: [Int]) -> Int {
        signs.enumerated().reduce(0) { $0 | ($1.element < 0 ? 1 << $1.offset : 0) }
    }

    /// The pattern number of τ (or of −τ if τ₀ = −1).
    static func number(mask: Int, length k: Int) -> Int {
        guard k > 0 else { return 0 }
        let normalized = mask & 1 == 1 ? ~mask & ((1 << k) - 1) : mask
        return normalized >> 1
    }

    /// The pattern number of τ with position j removed (τ restricted to S ∖ {S[j]}).
    static func number(removing j: Int, fromMask mask: Int, length k: Int) -> Int {
        let low = mask & ((1 << j) - 1)
        let high = (mask >> (j + 1)) << j
        return number(mask: low | high, length: k - 1)
    }
}
