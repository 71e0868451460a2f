import Foundation

/// The SplitMix64 pseudo-random generator (Steele, Lea & Flood 2014; Vigna's reference constants),
/// with Box–Muller Gaussians: the one documented source of randomness in SparseCert's generators.
///
/// State update `s ← s + 0x9E3779B97F4A7C15`; output `z = s`, `z ← (z ⊕ z≫30)·0xBF58476D1CE4E5B9`,
/// `z ← (z ⊕ z≫27)·0x94D049BB133111EB`, `z ⊕ z≫31`. The same seed gives the same stream on every platform
/// (Gaussians go through `log`, `sqrt` and `cos` of the C library, which may differ in the last bit
/// between platforms; after rounding to a dyadic grid such a difference practically never shows).
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The internal state.
    public private(set) var state: UInt64

    /// A generator started from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1): the top 53 bits of ``next()`` times 2⁻⁵³.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A standard normal N(0, 1) sample by Box–Muller from two uniforms u₁, u₂:
    /// `√(−2 ln(1 − u₁)) · cos(2π u₂)` (the sine partner is not kept, so every call uses two draws).
    public mutating func nextGaussian() -> Double {
        let u1 = nextUniform(), u2 = nextUniform()
        return (-2 * Foundation.log(1 - u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }

    /// A uniform integer in 0..<`bound` without modulo bias (Lemire's multiply-and-reject).
    /// - Precondition: `bound > 0`.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "nextInt(below:) needs a positive bound")
        let range = UInt64(bound)
        let threshold = (0 &- range) % range
        while true {
            let product = next().multipliedFullWidth(by: range)
            if product.low >= threshold { return Int(product.high) }
        }
    }

    /// `count` distinct indices from 0..<`n`, sorted, each subset equally likely (partial Fisher–Yates).
    /// - Precondition: `0 ≤ count ≤ n`.
    public mutating func nextSubset(of n: Int, count: Int) -> [Int] {
        precondition(count >= 0 && count <= n, "nextSubset: count must lie in 0…n")
        var pool = Array(0..<n)
        for k in 0..<count { pool.swapAt(k, k + nextInt(below: n - k)) }
        return pool[0..<count].sorted()
    }
}
