import DenseLinearAlgebra
import NullSpaceProperty
import Testing

@Suite("ρ_s: hand-computable cases and agreement of branch-and-bound, naive enumeration and MILP")
struct OrderConstantTests {
    @Test("A = [1, r]: ρ_{0} = r, ρ_{1} = 1/r, ρ_1 = 1/r attained at column 1", arguments: [0.25, 0.5, 0.9])
    func oneByTwo(r: Double) throws {
        let a = try Fixtures.oneByTwo(r)
        let result = try a.orderConstant(order: 1, options: Fixtures.options())
        #expect(abs(result.lower - 1 / r) < 1e-9)
        #expect(result.isExact)
        #expect(result.incumbent.support == [1])
        #expect(result.nspHolds == false)
        #expect(abs(try a.supportConstant([0]).value - r) < 1e-9)
    }

    @Test(
        "[I | b] has a one-dimensional kernel: ρ_s is a ratio of its entries",
        arguments: [1, 2, 3, 4])
    func oneDimensionalKernel(s: Int) throws {
        let (a, u) = try Fixtures.identityAndColumn([0.5, -0.25, 0.125, 1.5, -0.75])
        let result = try a.orderConstant(order: s, options: Fixtures.options())
        let expected = Fixtures.orderConstant(kernel: u, order: s)
        #expect(result.isExact)
        #expect(abs(result.lower - expected) < 1e-9 * max(1, expected))
        #expect(result.nspHolds == (expected < 1))
    }

    @Test(
        "orthogonal blocks diag([1, r₁], [1, r₂]): ρ_1 = max(1/r₁, 1/r₂), and ρ_2 = ∞ (a whole block's kernel vector)")
    func orthogonalBlocks() throws {
        let a = try NullSpaceMatrix(Matrix([[1, 0.5, 0, 0], [0, 0, 1, 0.25]]))
        let one = try a.orderConstant(order: 1, options: Fixtures.options())
        #expect(abs(one.lower - 4) < 1e-9)
        #expect(one.incumbent.support == [3])
        #expect(abs(try a.supportConstant([1, 3]).value - 4) < 1e-9)
        let two = try a.orderConstant(order: 2, options: Fixtures.options())
        #expect(two.isExact && two.lower == .infinity && two.nspHolds == false)
    }

    @Test("ρ_S = max over sign patterns of ϱ(S, τ); its witness lies in ker A and attains it")
    func supportConstantAndWitness() throws {
        let a = try Fixtures.gaussian(6, 12, seed: 7)
        let support = [1, 4, 9]
        let constant = try a.supportConstant(support)
        let patterns = [[1, 1, 1], [1, 1, -1], [1, -1, 1], [1, -1, -1]]
        let values = try patterns.map { try a.signedConstant(support: support, signs: $0).value }
        #expect(abs(constant.value - (values.max() ?? 0)) < 1e-9)
        #expect(constant.lpsSolved == 4)
        let v = constant.witness
        #expect(a.matrix.multiply(v).allSatisfy { abs($0) < 1e-9 })
        let inside = support.reduce(0.0) { $0 + abs(v[$1]) }
        let outside = (0..<12).filter { !support.contains($0) }.reduce(0.0) { $0 + abs(v[$1]) }
        #expect(abs(inside / outside - constant.value) < 1e-8)
    }

    @Test(
        "branch-and-bound, naive enumeration and the MILP agree on random matrices",
        arguments: [(6, 12, 2, 1), (6, 12, 3, 2), (7, 11, 4, 3), (5, 9, 5, 4), (7, 12, 3, 5)]
            as [(Int, Int, Int, UInt64)])
    func threeMethodsAgree(m: Int, n: Int, s: Int, seed: UInt64) throws {
        let a = try Fixtures.gaussian(m, n, seed: seed)
        let fast = try a.orderConstant(order: s, options: Fixtures.options(chunkSize: 64))
        let naive = try a.naiveOrderConstant(order: s, options: Fixtures.options())
        let milp = try a.mixedIntegerOrderConstant(order: s)
        #expect(fast.isExact && naive.isExact && milp.isExact)
        #expect(abs(fast.lowerAlpha - naive.lowerAlpha) < 1e-8, "b&b \(fast.lowerAlpha) vs naive \(naive.lowerAlpha)")
        #expect(abs(milp.lowerAlpha - naive.lowerAlpha) < 1e-6, "milp \(milp.lowerAlpha) vs naive \(naive.lowerAlpha)")
        #expect(Double(naive.lpsSolved) == naive.naiveLPs)
        #expect(fast.lpsSolved < naive.lpsSolved || s == 1)
        #expect(fast.incumbent.support.count == s)
    }

    @Test("threads do not change the constant")
    func threadsAgree() throws {
        let a = try Fixtures.gaussian(8, 16, seed: 11)
        var parallel = Fixtures.options(chunkSize: 32)
        parallel.threads = 4
        let one = try a.orderConstant(order: 3, options: Fixtures.options(chunkSize: 32))
        let four = try a.orderConstant(order: 3, options: parallel)
        #expect(abs(one.lowerAlpha - four.lowerAlpha) < 1e-10)
    }
}
