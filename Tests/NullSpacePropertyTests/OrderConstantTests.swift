import DenseLinearAlgebra
import NullSpaceProperty
import Testing

@Suite("ρ_s by branch-and-bound, naive enumeration and MILP")
struct OrderConstantTests {
    @Test("A = [1, r]: ρ_1 = max(r, 1/r), attained at the larger column", arguments: [0.25, 0.5, 0.9])
    func oneByTwo(r: Double) throws {
        let a = try Fixtures.oneByTwo(r)
        let result = try a.orderConstant(order: 1)
        #expect(abs(result.lower - 1 / r) < 1e-9)
        #expect(result.isExact)
        #expect(result.incumbent.support == [1])
        #expect(result.nspHolds == false)
        let support0 = try a.supportConstant([0])
        #expect(abs(support0.value - r) < 1e-9)
    }

    @Test("branch-and-bound equals naive enumeration on random matrices",
          arguments: [(6, 12, 2, 1), (6, 12, 3, 2), (8, 16, 4, 3), (5, 10, 5, 4), (7, 14, 3, 5)])
    func agreesWithNaive(m: Int, n: Int, s: Int, seed: UInt64) throws {
        let a = try Fixtures.gaussian(m, n, seed: seed)
        let fast = try a.orderConstant(order: s)
        let naive = try a.naiveOrderConstant(order: s)
        #expect(fast.isExact && naive.isExact)
        #expect(abs(fast.lowerAlpha - naive.lowerAlpha) < 1e-8, "b&b \(fast.lowerAlpha) vs naive \(naive.lowerAlpha)")
        #expect(Double(naive.lpsSolved) >= naive.naiveLPs)
        #expect(fast.incumbent.support.count == s)
    }
}
