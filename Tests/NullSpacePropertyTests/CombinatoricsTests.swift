import Testing

@testable import NullSpaceProperty

@Suite("Supports and sign patterns")
struct CombinatoricsTests {
    @Test("colex ranks and subsets are inverse and enumerate every k-subset once", arguments: [(7, 1), (7, 3), (9, 4)])
    func ranks(n: Int, k: Int) {
        let coder = CombinationCoder(n: n, k: k)
        var subset = coder.subset(rank: 0)
        var seen: Set<[Int]> = []
        for rank in 0..<coder.count {
            #expect(coder.subset(rank: rank) == subset)
            #expect(coder.rank(subset) == rank)
            seen.insert(subset)
            _ = coder.advance(&subset)
        }
        #expect(seen.count == coder.count)
        #expect(coder.count == Int(binomialDouble(n, k)))
    }

    @Test("restricting a sign pattern drops one sign and normalises the global sign")
    func restriction() {
        // τ = (+, −, +, −): mask 0b1010. Drop position 0 → (−, +, −) ~ (+, −, +): mask 0b010, number 1.
        #expect(SignPattern.number(removing: 0, fromMask: 0b1010, length: 4) == 1)
        // Drop position 1 → (+, +, −): mask 0b100, number 2.
        #expect(SignPattern.number(removing: 1, fromMask: 0b1010, length: 4) == 2)
        #expect(SignPattern.signs(mask: SignPattern.mask(3), length: 3) == [1, -1, -1])
        #expect(SignPattern.count(1) == 1 && SignPattern.count(4) == 8)
    }
}
