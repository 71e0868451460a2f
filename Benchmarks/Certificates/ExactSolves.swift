// The exact s×s solves of `certify` on one Gaussian instance, Bareiss (FractionFreeSolver) against Dixon's
// p-adic lifting (ExactIntegerSolver), on the support S of the generated x₀: the reference's A_{P,S} x_S = y_P
// (one right-hand side; rows 0..<s of Â_S stand in for the pivot rows) and the support frame's inverse of the
// Gram matrix Ĝ = Â_SᵀÂ_S (s unit right-hand sides, what the frame solves before its integer products).
// Usage: swift run -c release certify-benchmark --exact-solves ROWS COLUMNS SPARSITY [SEED]
import BigInt
import DenseLinearAlgebra
import ExactArithmetic
import Foundation
import ProblemData

/// Times both exact solvers on the instance given after `--exact-solves`.
func runExactSolves(_ arguments: [String]) throws {
    let numbers = arguments.compactMap { Int($0) }
    guard numbers.count >= 3 else { return print("usage: certify-benchmark --exact-solves ROWS COLUMNS SPARSITY") }
    let problem = try RandomProblemRecipe(
        ensemble: .gaussian, rows: numbers[0], columns: numbers[1], sparsity: numbers[2],
        seed: UInt64(numbers.count > 3 ? numbers[3] : 1)
    ).generate()
    guard let truth = problem.groundTruth else { return print("no x₀") }
    let support = truth.indices.filter { truth[$0] != .zero }
    let s = support.count, matrix = problem.matrix
    let columns = support.map { Rational.overCommonDenominator(matrix.column($0)).numerators }
    let block = (0..<(s * s)).map { columns[$0 % s][$0 / s] }
    let side = (0..<s).map { i in columns.reduce(BigInt(0)) { $0 + $1[i] } }
    var gram = [BigInt](repeating: 0, count: s * s)
    for k in 0..<s {
        for l in k..<s {
            gram[k * s + l] = zip(columns[k], columns[l]).reduce(BigInt(0)) { $0 + $1.0 * $1.1 }
            gram[l * s + k] = gram[k * s + l]
        }
    }
    let units = (0..<s).map { k in (0..<s).map { BigInt($0 == k ? 1 : 0) } }
    func timed(_ name: String, _ work: () throws -> FractionFreeSolver.Solution) rethrows {
        let start = clock.now
        let solution = try work()
        print(
            name.padding(toLength: 56, withPad: " ", startingAt: 0)
                + String(
                    format: "%8.2f s  (D: %d bits)", seconds(clock.now - start), solution.denominator.bitWidth))
    }
    print("s = \(s)")
    try timed("A_{P,S} x = b, Bareiss") { try FractionFreeSolver.solve(block, dimension: s, rightHandSides: [side]) }
    try timed("A_{P,S} x = b, Dixon") { try ExactIntegerSolver.solve(block, dimension: s, rightHandSides: [side]) }
    try timed("Ĝ⁻¹ (s unit sides), Bareiss") { try FractionFreeSolver.solve(gram, dimension: s, rightHandSides: units) }
    try timed("Ĝ⁻¹ (s unit sides), Dixon") { try ExactIntegerSolver.solve(gram, dimension: s, rightHandSides: units) }
}
