import LinearProgramming
import Testing

@testable import NullSpaceProperty

/// The certificate-combination bound of `DualCombination` against the LP value it bounds.
@Suite("Combined certificates bound the sign-specific constants")
struct DualCombinationTests {
    @Test(
        "for every triple and sign pattern, the bound from its pairs' certificates is ≥ b(T, τ), solved directly",
        arguments: [(6, 12, UInt64(71)), (8, 14, 72)])
    func boundCoversLPValue(m: Int, n: Int, seed: UInt64) throws {
        let a = try Fixtures.gaussian(m, n, seed: seed)
        var tighter = 0
        for triple in [[0, 1, 2], [1, 5, 9], [2, 7, 11], [3, 4, 10]] {
            for p in 0..<4 {
                let mask = SignPattern.mask(p)
                var combined = Array(repeating: 0.0, count: n)
                var averaged = 0.0
                for j in 0..<3 {
                    var pair = triple
                    pair.remove(at: j)
                    let restricted = (mask & ((1 << j) - 1)) | ((mask >> (j + 1)) << j)
                    let q = SignPattern.number(mask: restricted, length: 2)
                    let part = try a.supportConstant(pair)
                    let w = a.rowCombination(part.certificates[q])
                    let sign = restricted & 1 == 1 ? -1.0 : 1.0
                    for i in 0..<n { combined[i] += sign * w[i] }
                    averaged += alphaOf(part.patternValues[q]) / 2
                }
                let signs = SignPattern.signs(mask: mask, length: 3)
                let bound = DualCombination.bound(support: triple, signs: signs, combined: combined)
                let value = try Self.normalized(a, support: triple, signs: signs)
                #expect(bound >= value - 1e-9, "T = \(triple), τ = \(signs): bound \(bound) < b(T, τ) = \(value)")
                if bound < averaged - 1e-9 { tighter += 1 }
            }
        }
        // The point of the bound: it beats the averaging bound on some pattern.
        #expect(tighter > 0)
    }

    /// b(T, τ) = max { ⟨τ, v_T⟩ : A v = 0, ‖v‖₁ ≤ 1 } as its own LP (v = p − q, p, q ≥ 0).
    static func normalized(_ a: NullSpaceMatrix, support: [Int], signs: [Int]) throws -> Double {
        let n = a.columns
        var lp = LinearProgram<Double>(direction: .maximize)
        var cost = Array(repeating: 0.0, count: n)
        for (j, sign) in zip(support, signs) { cost[j] = Double(sign) }
        for j in 0..<n { lp.addVariable(bounds: .atLeast(0), cost: cost[j]) }
        for j in 0..<n { lp.addVariable(bounds: .atLeast(0), cost: -cost[j]) }
        for i in 0..<a.rows {
            lp.addConstraint((0..<n).flatMap { [($0, a.matrix[i, $0]), (n + $0, -a.matrix[i, $0])] }, .fixed(0))
        }
        lp.addConstraint((0..<(2 * n)).map { ($0, 1.0) }, .atMost(1))
        let solution = try LPSolver().solve(lp)
        #expect(solution.status == .optimal)
        return solution.objective
    }
}
