// Compressed sensing: Gaussian A (20×60, entries N(0, 1/m) on multiples of 2⁻¹⁰), 3-sparse x₀, y = A x₀
// exactly. BP recovers x₀; the local log–log slopes approach 1 − ϱ (depth 2, at rate O(1/log(1/α)); from
// above for this instance: 0.520, 0.5167, …, 0.516078 against 1 − ϱ = 0.516077) and 1 (depth ≥ 3).
// Usage: compressed-sensing [PLOT.svg]
import Foundation
import ProblemData
import RateSweeps

let plotPath = CommandLine.arguments.dropFirst().first ?? "compressed-sensing.svg"
let problem = try RandomProblemRecipe(ensemble: .gaussian, rows: 20, columns: 60, sparsity: 3, seed: 1).generate()
let sweep = try RateSweep.prepare(matrix: problem.matrix, observations: problem.observations)
print(
    "20×60 Gaussian, s = 3: BP recovers x₀: \(sweep.reference == problem.groundTruth!)   ϱ(S, σ) = \(String(format: "%.6f", sweep.rho))"
)
let alphas = RateSweep.alphaGrid("1e-2:1e-300:9")!
let points = sweep.run(depths: [2, 3, 4], alphas: alphas)
let summaries = sweep.summarize(points, depths: [2, 3, 4])
print(
    "α          "
        + [2, 3, 4].map { "err (D=\($0))".padding(toLength: 15, withPad: " ", startingAt: 0) + "local slope   " }
        .joined())
for (index, alpha) in alphas.enumerated() {
    let cells = summaries.map { summary -> String in
        let error = points.first { $0.depth == summary.depth && $0.alpha == alpha }?.error ?? .nan
        let slope = index == 0 ? "" : String(format: "%.6f", summary.localSlopes[index - 1])
        return String(format: "%-15.6e", error) + slope.padding(toLength: 14, withPad: " ", startingAt: 0)
    }
    print(String(format: "%.3e  ", alpha) + cells.joined())
}
print("depth  predicted slope  fitted slope (smallest-α quarter)")
for summary in summaries {
    print(String(format: "%5d  %15.6f  %12.6f", summary.depth, summary.predictedSlope, summary.fittedSlope))
}
try RateSweep.plot(points, summaries, title: "Gaussian 20×60, s = 3").svg().write(
    toFile: plotPath, atomically: true, encoding: .utf8)
print("plot written to \(plotPath)")
