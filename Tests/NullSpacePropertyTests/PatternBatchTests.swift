import LinearProgramming
import NullSpaceProperty
import SparseRecovery
import Testing

/// The warm-started pattern batch (one GLPK problem, one objective per sign pattern) and GLPK's best bound
/// of a stopped MILP, against independent solves.
@Suite("Pattern batches and MILP bounds")
struct PatternBatchTests {
    @Test(
        "ρ_S from one warm-started problem equals SparseRecovery's cold solve of every pattern",
        arguments: [(8, 16, [0, 3, 7], UInt64(61)), (10, 20, [2, 5, 11, 17], 62), (6, 12, [1, 4], 63)])
    func batchMatchesColdSolves(m: Int, n: Int, support: [Int], seed: UInt64) throws {
        let a = try Fixtures.gaussian(m, n, seed: seed)
        let batch = try a.supportConstant(support)
        #expect(batch.lpsSolved == 1 << (support.count - 1))
        var largest = 0.0
        for p in 0..<(1 << (support.count - 1)) {
            // Pattern number p: τ₀ = +1, τᵢ = −1 iff bit i − 1 of p is set.
            let signs = [1] + (1..<support.count).map { p >> ($0 - 1) & 1 == 1 ? -1 : 1 }
            let cold = try SignedNullSpaceLP.solve(matrix: a.matrix, support: support, signs: signs)
            let value = batch.patternValues[p]
            #expect(abs(value - cold.value) <= 1e-7 * (1 + cold.value), "τ = \(signs): \(value) vs \(cold.value)")
            largest = max(largest, cold.value)
        }
        #expect(abs(batch.value - largest) <= 1e-7 * (1 + largest))
    }

    @Test("solving several objectives on one problem gives the solutions of separate solves")
    func objectivesMatchSeparateSolves() throws {
        let a = try Fixtures.gaussian(6, 12, seed: 64)
        let lp = try SignedNullSpaceLP.dualProgram(matrix: a.matrix, support: [0, 1, 2], signs: [1, 1, 1])
        let width = lp.variables.count
        // Costs ±1 on the support (τ), then a cost vector of other magnitudes (its own scaling).
        let objectives: [[Double]] =
            [[1, 1, 1], [1, -1, 1], [1, -1, -1], [1, 1, -1]].map { $0 + Array(repeating: 0, count: width - 3) }
            + [[1e-3, 2, -5e4] + Array(repeating: 0, count: width - 3)]
        var solver = LPSolver()
        solver.options.method = .primalSimplex
        let together = try solver.solve(lp, objectives: objectives)
        #expect(together.count == objectives.count)
        for (objective, solution) in zip(objectives, together) {
            var single = lp
            for j in single.variables.indices { single.variables[j].cost = objective[j] }
            let alone = try solver.solve(single)
            #expect(solution.status == alone.status)
            #expect(abs(solution.objective - alone.objective) <= 1e-9 * (1 + abs(alone.objective)))
        }
        #expect(throws: LPError.self) { try solver.solve(lp, objectives: [[1, 2]]) }
        #expect(throws: LPError.self) {
            try solver.solve(lp, objectives: [[.nan] + Array(repeating: 0, count: width - 1)])
        }
        #expect(try solver.solve(lp, objectives: []).isEmpty)
    }

    @Test(
        "a MILP stopped early reports a bound that contains the brute-force constant and beats no proof",
        arguments: [(10, 20, 3, UInt64(65)), (12, 24, 3, 66)])
    func stoppedMilpBound(m: Int, n: Int, s: Int, seed: UInt64) throws {
        let a = try Fixtures.gaussian(m, n, seed: seed)
        let truth = try a.orderConstant(order: s, options: Fixtures.options()).lowerAlpha
        var singles: [Double] = []
        for j in 0..<n { singles.append(try a.supportConstant([j]).alpha) }
        let pickOne = min(1, singles.sorted(by: >).prefix(s).reduce(0, +))
        for milliseconds in [5, 40, 200] {
            let milp = try a.mixedIntegerOrderConstant(order: s, timeLimit: .milliseconds(milliseconds))
            #expect(
                milp.lowerAlpha <= truth + 1e-9 && truth <= milp.upperAlpha + 1e-7,
                "[\(milp.lowerAlpha), \(milp.upperAlpha)] (\(milp.upperBoundSource)) excludes \(truth)")
            #expect(milp.upperAlpha <= pickOne + 1e-12)
            if milp.complete { #expect(abs(milp.lowerAlpha - truth) < 1e-6) }
        }
    }
}
