// The block family A = [I_s | B], y = x*_S: ϱ = ‖Bᵀσ‖_∞ (DESIGN.md §1.3). B is random Gaussian, scaled so
// that ϱ = 1/2 exactly; the columns of B attaining ϱ set the depth-2 rate 1 − ϱ, depth ≥ 3 is linear.
// Usage: block-family [PLOT.svg]
import ExactArithmetic
import Foundation
import ProblemData
import RateSweeps

let plotPath = CommandLine.arguments.dropFirst().first ?? "block-family.svg"
let instance = try TightnessFamily.randomBlock(size: 3, columns: 12, seed: 7, rho: Rational(1, 2))
let a = instance.problem.matrix, s = instance.support.count
let bTransposeSigma = (s..<a.columns).map { j in
    (0..<s).reduce(Rational.zero) { $0 + a[$1, j] * Rational(instance.signs[$1], 1) }
}
let attaining = bTransposeSigma.indices.filter { bTransposeSigma[$0].magnitude == instance.rho }.map { $0 + s }
print(
    "A = [I_\(s) | B], n = \(a.columns), σ = \(instance.signs), ϱ = ‖Bᵀσ‖_∞ = \(instance.rho) (exact), attained by column(s) \(attaining)"
)
let sweep = try RateSweep.prepare(matrix: a, observations: instance.problem.observations)
let alphas = RateSweep.alphaGrid("1e-10:1e-200:8")!
let points = sweep.run(depths: [2, 3, 4], alphas: alphas)
let summaries = sweep.summarize(points, depths: [2, 3, 4])
print("α          " + [2, 3, 4].map { "err (D=\($0))".padding(toLength: 15, withPad: " ", startingAt: 0) }.joined())
for alpha in alphas {
    print(
        String(format: "%.3e  ", alpha)
            + [2, 3, 4].map { d in
                String(format: "%-15.6e", points.first { $0.depth == d && $0.alpha == alpha }?.error ?? .nan)
            }.joined())
}
print("depth  predicted slope  fitted slope")
for summary in summaries {
    print(String(format: "%5d  %15.6f  %12.6f", summary.depth, summary.predictedSlope, summary.fittedSlope))
}
try RateSweep.plot(points, summaries, title: "Block family [I₃ | B], ϱ = 1/2").svg().write(
    toFile: plotPath, atomically: true, encoding: .utf8)
print("plot written to \(plotPath)")
