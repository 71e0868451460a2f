// The [1, r] tightness family: A = [1, r], y = 1, x* = (1, 0), ϱ = r (DESIGN.md §1.3).
// Depth 2: err / ((1 + r)·α^(1−r)) → 1, so every exponent 1 − r ∈ (0, 1] is attained.
// Depth D ≥ 3: err / α → (1 + r)·h_D(r).
// Usage: one-r-family [PLOT.svg]
import DiagonalNetworks
import ExactArithmetic
import Foundation
import ProblemData
import RateSweeps

let plotPath = CommandLine.arguments.dropFirst().first ?? "one-r-family.svg"
let alphas = [1e-2, 1e-4, 1e-8, 1e-16, 1e-32, 1e-64]
func padded(_ text: String, _ width: Int) -> String {
    text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0)
}
print(
    padded("r", 6) + padded("D", 3) + padded("law", 16)
        + alphas.map { padded("α = " + String(format: "%.0e", $0), 12) }.joined())
for r in [Rational(1, 4), Rational(1, 2), Rational(3, 4)] {
    let instance = try TightnessFamily.oneR(r)
    let sweep = RateSweep(
        matrix: instance.problem.matrix, observations: instance.problem.observations,
        reference: [1, 0], rho: r.doubleValue)
    let points = sweep.run(depths: [2, 3, 4, 5], alphas: alphas)
    let rr = r.doubleValue
    for depth in [2, 3, 4, 5] {
        let constant = depth == 2 ? 1 + rr : (1 + rr) * DepthPotential(depth: depth).link(rr)
        let exponent = depth == 2 ? 1 - rr : 1
        let ratios = alphas.map { alpha -> String in
            guard let error = points.first(where: { $0.depth == depth && $0.alpha == alpha })?.error else {
                return padded("failed", 12)
            }
            return padded(String(format: "%.8f", error / (constant * pow(alpha, exponent))), 12)
        }
        let law = depth == 2 ? String(format: "%.3f·α^%.2f", constant, exponent) : String(format: "%.4f·α", constant)
        print(padded("\(r)", 6) + padded("\(depth)", 3) + padded(law, 16) + ratios.joined())
    }
    if r == Rational(1, 2) {
        let plot = RateSweep.plot(
            points, sweep.summarize(points, depths: [2, 3, 4, 5]), title: "[1, r] family, r = 1/2")
        try plot.svg().write(toFile: plotPath, atomically: true, encoding: .utf8)
    }
}
print("(each entry is err / law; it tends to 1 as α → 0)")
print("plot (r = 1/2, D = 2…5) written to \(plotPath)")
