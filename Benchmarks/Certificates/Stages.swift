// The stages of `certify` before the support frame, timed one by one on one Gaussian instance, with the GLPK
// options side by side: the BP LP (dual simplex, primal simplex, dual simplex with presolve) and the ϱ-LP
// (SignedNullSpaceLP.solve, which runs the primal simplex on its reciprocal form; with and without presolve),
// then SupportDual (the ϱ-LP's μ made exact on S) and the whole BasisPursuitReference with its exact dual
// (its exact A_S x_S = y solve is the remainder). Every LP is solved as certify solves it: rows equilibrated by
// powers of two, y scaled to max|yᵢ| ∈ [1, 2).
// Usage: swift run -c release certify-benchmark --stages ROWS COLUMNS SPARSITY [SEED] [--defaults-only]
// (--defaults-only: only certify's own GLPK options, dual simplex for BP and no presolve).
import DenseLinearAlgebra
import ExactArithmetic
import Foundation
import LinearProgramming
import ProblemData
import SparseRecovery

/// Runs the stage timings for the instance given after `--stages`.
func runStages(_ arguments: [String]) throws {
    let numbers = arguments.compactMap { Int($0) }
    guard numbers.count >= 3 else {
        print("usage: certify-benchmark --stages ROWS COLUMNS SPARSITY [SEED]")
        return
    }
    func timed<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
        let start = clock.now
        let result = try work()
        defer { fflush(nil) }
        print(
            name.padding(toLength: 52, withPad: " ", startingAt: 0)
                + String(format: "%8.2f s", seconds(clock.now - start)))
        return result
    }
    let recipe = RandomProblemRecipe(
        ensemble: .gaussian, rows: numbers[0], columns: numbers[1], sparsity: numbers[2],
        seed: UInt64(numbers.count > 3 ? numbers[3] : 1))
    let problem = try timed("generate") { try recipe.generate() }
    let matrix = timed("A as rationals") { problem.matrix }
    let observations = problem.observations
    let a = timed("A rounded to doubles") { matrix.map(\.doubleValue) }
    let rows = RowEquilibration(a)
    var y = rows.apply(observations.map(\.doubleValue))
    let largest = y.map(abs).max() ?? 0
    y = y.map { scalbn($0, largest > 0 ? -Int(largest.exponent) : 0) }
    let scaled = BasisPursuitProblem(matrix: rows.apply(a), observations: y)
    var found: BasisPursuitSolution<Double>?
    let defaultsOnly = arguments.contains("--defaults-only")
    let variants: [(String, LPSolver.Method, Bool)] = [
        ("dual simplex", .dualSimplex, false), ("primal simplex", .primalSimplex, false),
        ("dual simplex + presolve", .dualSimplex, true),
    ]
    for (name, method, presolve) in variants.prefix(defaultsOnly ? 1 : 3) {
        var options = BasisPursuitOptions()
        options.analyzeUniqueness = false
        options.solver.options.method = method
        options.solver.options.presolve = presolve
        let solution = try timed("BP LP, \(name)") { try BasisPursuit.solve(scaled, options: options) }
        print("    status \(solution.status), iterations \(solution.statistics.iterations)")
        if found == nil { found = solution }
    }
    guard let bp = found, bp.status == .optimal else { return print("BP not optimal: stop") }
    let top = bp.x.map(abs).max() ?? 0
    let support = bp.x.indices.filter { abs(bp.x[$0]) > 1e-9 * top }
    let signs = support.map { bp.x[$0] > 0 ? 1 : -1 }
    print("    |S| = \(support.count)")
    var exponent: SignedNullSpaceConstant?
    for presolve in defaultsOnly ? [false] : [false, true] {
        var solver = LPSolver()
        solver.options.presolve = presolve
        let value = try timed("ϱ-LP, primal simplex" + (presolve ? " + presolve" : "")) {
            try SignedNullSpaceLP.solve(matrix: a, support: support, signs: signs, solver: solver)
        }
        print("    ϱ ≈ \(value.value)")
        if exponent == nil { exponent = value }
    }
    guard let rho = exponent else { return }
    let dual = timed("SupportDual (μ_ϱ exact on S, max_{Sᶜ}|Aᵀμ|)") {
        SupportDual(matrix: matrix, support: support, signs: signs, dual: rho.certificate)
    }
    print("    max_{Sᶜ}|Aᵀμ| ≈ \(dual?.offSupportMaximum.doubleValue ?? .nan)")
    let reference = try timed("BasisPursuitReference.compute (exactDual)") {
        try BasisPursuitReference.compute(
            matrix: matrix, observations: observations, roundedMatrix: a, exactDual: true)
    }
    print("    proof \(reference.proof.rawValue), |S| = \(reference.support.count)")
}
