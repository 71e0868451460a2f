import DenseLinearAlgebra
import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): a small, fast, reproducible 64-bit generator — the fixed-seed
/// source of every random instance in tests, cross-checks and benchmarks.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A standard normal sample (Box–Muller on two 53-bit uniforms).
    public mutating func nextGaussian() -> Double {
        let u1 = (Double(next() >> 11) + 1) / 9_007_199_254_740_993.0
        let u2 = Double(next() >> 11) / 9_007_199_254_740_992.0
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}

extension NullSpaceMatrix {
    /// The compressed-sensing test matrix: entries N(0, 1/m) from ``SplitMix64`` with the given seed,
    /// rounded to multiples of 2⁻¹⁶ so that the exact data has small denominators.
    ///
    /// - Throws: ``NullSpacePropertyError`` if the draw happens to be rank-deficient (probability 0).
    /// - Complexity: O(m·n) for the draw, O(m²·n) for the rank check.
    public static func gaussian(rows m: Int, columns n: Int, seed: UInt64) throws(NullSpacePropertyError) -> NullSpaceMatrix {
        var generator = SplitMix64(seed: seed)
        let scale = 1 / Double(max(m, 1)).squareRoot()
        let grid = 65_536.0
        let entries = (0..<(m * n)).map { _ in (generator.nextGaussian() * scale * grid).rounded() / grid }
        return try NullSpaceMatrix(Matrix(rows: m, columns: n, elements: entries))
    }
}
