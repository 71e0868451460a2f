import BigInt
import ExactArithmetic
import Testing

@Suite("Lehmer's gcd against BigInt's binary gcd")
struct GreatestCommonDivisorTests {
    /// A pseudo-random integer of `words` 64-bit words (SplitMix64, fixed seed).
    static func integer(words: Int, state: inout UInt64) -> BigUInt {
        BigUInt(
            words: (0..<words).map { _ in
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return UInt(z ^ (z >> 31))
            })
    }

    @Test(
        "random operands with a planted common factor",
        arguments: [(1, 1, 1), (2, 1, 1), (3, 5, 2), (40, 40, 7), (120, 3, 60), (250, 249, 1), (0, 9, 4)])
    func planted(words: (Int, Int, Int)) {
        var state: UInt64 = 20_261_203
        for _ in 0..<8 {
            let factor = Self.integer(words: words.2, state: &state)
            let a = Self.integer(words: words.0, state: &state) * factor
            let b = Self.integer(words: words.1, state: &state) * factor
            let gcd = greatestCommonDivisor(a, b)
            #expect(gcd == a.greatestCommonDivisor(with: b))
            #expect(gcd == greatestCommonDivisor(b, a))
        }
    }

    @Test("edge cases: zeros, equal operands, powers of two, consecutive Fibonacci numbers")
    func edgeCases() {
        let big = BigUInt(3).power(500)
        #expect(greatestCommonDivisor(0, 0) == 0)
        #expect(greatestCommonDivisor(big, 0) == big)
        #expect(greatestCommonDivisor(0, big) == big)
        #expect(greatestCommonDivisor(big, big) == big)
        #expect(greatestCommonDivisor(BigUInt(1) << 700, BigUInt(1) << 300 * 3) == BigUInt(1) << 300)
        var (f, g) = (BigUInt(1), BigUInt(1))
        for _ in 0..<3000 { (f, g) = (g, f + g) }
        #expect(greatestCommonDivisor(g, f) == 1)
        #expect(greatestCommonDivisor(g * big, f * big) == big)
        #expect(greatestCommonDivisor(big * 2 + 1, big) == 1)
    }
}
