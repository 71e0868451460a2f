import BigInt
import ExactArithmetic
import Testing

@Suite("ProductSum against big-integer products")
struct ProductSumTests {
    @Test("Σ aₜ·kₜ with signed big aₜ and machine-word kₜ, Int.min and Int.max included", arguments: [0, 1, 3, 40])
    func sums(words: Int) {
        var state: UInt64 = 20_261_203 &+ UInt64(words)
        let factors = [0, 1, -1, 7, -123_456_789, Int.max, Int.min, Int.min + 1, 1 << 40]
        for round in 0..<6 {
            var sum = ProductSum(), expected = BigInt(0)
            for (t, k) in factors.enumerated() {
                let magnitude = GreatestCommonDivisorTests.integer(words: words, state: &state)
                let a = (t + round).isMultiple(of: 2) ? BigInt(magnitude) : -BigInt(magnitude)
                sum.add(a, times: k)
                expected += a * BigInt(k)
            }
            #expect(sum.value == expected, "\(words) words, round \(round)")
        }
        #expect(ProductSum().value == 0)
    }
}
