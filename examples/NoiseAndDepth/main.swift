// Noise and depth: y = A x₀ + η·g (20×60 Gaussian, 3-sparse x₀, η ∈ {0, 0.03, 0.1, 0.4}, 5 instances each).
// With noise the BP solution has full support |S| = m and ϱ close to 1: depth 2 barely converges to it as
// α → 0 (slope 1 − ϱ), depth ≥ 3 stays linear. At realistic α (1e-3, 1e-2) the table shows the mean relative
// distance ‖x_∞(α) − x₀‖₂ / ‖x₀‖₂ to the ground truth for D = 2, 3, 4.
// Usage: noise-and-depth [PLOT.svg] [SEEDS]   (SEEDS: instances per η, 1…5, default 5)
import DiagonalNetworks
import Foundation
import Plots
import ProblemData
import RateSweeps

let plotPath = CommandLine.arguments.dropFirst().first ?? "noise-and-depth.svg"
let seedCount = CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) }.map { min(5, max(1, $0)) } ?? 5
let levels = [0, 0.03, 0.1, 0.4], seeds = Array(1...UInt64(seedCount)), depths = [2, 3, 4]
let sweepAlphas = RateSweep.alphaGrid("1e-4:1e-12:5")!, realistic = [1e-3, 1e-2]
var plotSeries: [(label: String, points: [(x: Double, y: Double)])] = []
print(
    "η      mean ϱ    mean |S|  slope D=2 (1−ϱ)   slope D=3   "
        + realistic.flatMap { a in depths.map { "‖x−x₀‖/‖x₀‖ D=\($0) α=\(a)" } }.joined(separator: "  "))
for eta in levels {
    var rhos: [Double] = [], supports: [Double] = [], slopes2: [Double] = [], slopes3: [Double] = [],
        predicted: [Double] = []
    var distance = [Double](repeating: 0, count: realistic.count * depths.count), counted = 0
    for seed in seeds {
        let problem = try RandomProblemRecipe(
            ensemble: .gaussian, rows: 20, columns: 60, sparsity: 3, seed: seed, noiseLevel: eta
        ).generate()
        guard let sweep = try? RateSweep.prepare(matrix: problem.matrix, observations: problem.observations) else {
            continue
        }
        let points = sweep.run(depths: [2, 3], alphas: sweepAlphas)
        let summaries = sweep.summarize(points, depths: [2, 3])
        rhos.append(sweep.rho)
        supports.append(Double(sweep.reference.filter { $0 != 0 }.count))
        slopes2.append(summaries[0].fittedSlope); slopes3.append(summaries[1].fittedSlope)
        predicted.append(summaries[0].predictedSlope)
        if seed == 1 {
            plotSeries.append(
                ("η = \(eta), D = 2", points.filter { $0.depth == 2 }.compactMap { p in p.error.map { (p.alpha, $0) } })
            )
        }
        let x0 = problem.groundTruth!.map(\.doubleValue)
        let norm = x0.reduce(0) { $0 + $1 * $1 }.squareRoot()
        for (i, alpha) in realistic.enumerated() {
            for (k, depth) in depths.enumerated() {
                let network = try DiagonalNetwork(
                    exactMatrix: problem.matrix, observations: problem.observations, depth: depth, alpha: alpha)
                let x = try FlowLimitSolver(network: network, exactReference: sweep.reference).solve().x
                distance[i * depths.count + k] +=
                    zip(x, x0).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot() / norm
            }
        }
        counted += 1
    }
    func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(max(1, v.count)) }
    print(
        String(
            format: "%-5.2f  %-8.4f  %-8.1f  %6.3f (%5.3f)    %-10.4f  ", eta, mean(rhos), mean(supports),
            mean(slopes2), mean(predicted), mean(slopes3))
            + distance.map { String(format: "%-22.4f", $0 / Double(max(1, counted))) }.joined(separator: "  "))
}
var plot = LogLogPlot(
    title: "Noise: depth-2 error to the BP solution", xLabel: "initialization scale α", yLabel: "‖x∞(α) − x*‖₁")
plot.series = plotSeries.map { LogLogPlot.Series(label: $0.label, points: $0.points) }
try plot.svg().write(toFile: plotPath, atomically: true, encoding: .utf8)
print("plot (seed 1, depth 2, error to the BP solution per η) written to \(plotPath)")
