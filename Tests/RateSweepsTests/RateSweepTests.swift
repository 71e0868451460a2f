import DenseLinearAlgebra
import ExactArithmetic
import Foundation
import Plots
import RateSweeps
import Testing

@Suite("α sweeps and plots")
struct RateSweepTests {
    /// [1, r]: fitted slopes within 1% of 1 − r (D = 2) and 1 (D ≥ 3).
    @Test("fitted slopes match the predictions on [1, r]", arguments: [Rational(1, 4), Rational(1, 2), Rational(3, 4)])
    func oneR(r: Rational) {
        let sweep = RateSweep(
            matrix: Matrix(rows: 1, columns: 2, elements: [1, r]), observations: [1], reference: [1, 0],
            rho: r.doubleValue)
        let alphas = RateSweep.alphaGrid("1e-20:1e-60:8")!
        let points = sweep.run(depths: [2, 3, 4], alphas: alphas)
        #expect(points.count == 24 && points.allSatisfy { $0.error != nil })
        for summary in sweep.summarize(points, depths: [2, 3, 4]) {
            #expect(abs(summary.fittedSlope / summary.predictedSlope - 1) < 0.01, "D = \(summary.depth)")
        }
        // D = 2 constant: err/((1+r)α^(1−r)) → 1.
        let last = points.first { $0.depth == 2 && $0.alpha == alphas.last! }!
        let ratio = last.error! / ((1 + r.doubleValue) * pow(last.alpha, 1 - r.doubleValue))
        #expect(abs(ratio - 1) < 0.01)
    }

    @Test("shards partition the grid")
    func shards() {
        let sweep = RateSweep(
            matrix: Matrix(rows: 1, columns: 2, elements: [1, Rational(1, 2)]), observations: [1],
            reference: [1, 0], rho: 0.5)
        let alphas = RateSweep.alphaGrid("1e-1:1e-5:5")!
        let all = sweep.run(depths: [2, 3], alphas: alphas)
        let parts = (0..<3).flatMap { sweep.run(depths: [2, 3], alphas: alphas, shard: $0, shards: 3) }
        #expect(
            Set(parts.map { "\($0.depth) \($0.alpha) \($0.error!)" })
                == Set(all.map { "\($0.depth) \($0.alpha) \($0.error!)" }))
    }

    @Test("grids reject bad text", arguments: ["1e-1:1e-30", "0:1e-3:4", "1e-1:1e-3:1", "a:b:c"])
    func badGrid(text: String) { #expect(RateSweep.alphaGrid(text) == nil) }

    @Test("the SVG has axes, decade labels, legend and title")
    func svg() {
        var plot = LogLogPlot(title: "T", xLabel: "α", yLabel: "err")
        plot.series = [.init(label: "D = 2", points: [(1e-1, 1e-1), (1e-5, 1e-3)])]
        plot.references = [.init(label: "slope 1/2", slope: 0.5, anchor: (1e-5, 1e-4), seriesIndex: 0)]
        let text = plot.svg()
        #expect(text.hasPrefix("<svg") && text.hasSuffix("</svg>\n"))
        for needle in [
            ">T<", ">α<", ">err<", "D = 2", "slope 1/2", "stroke-dasharray",
            "<tspan dy=\"-6\" font-size=\"10\">-5</tspan>",
        ] {
            #expect(text.contains(needle), "\(needle)")
        }
    }
}

@Suite("tightness constructions (the example programs' claims, small cases)")
struct TightnessTests {
    /// [1, r] at depth D ≥ 3: err/α → (1 + r)·h_D(r) within 1% (here far closer) at α = 1e-40.
    @Test("err/α → (1 + r)·h_D(r)", arguments: [3, 4, 5])
    func deepConstant(depth: Int) {
        for r in [0.25, 0.5, 0.75] {
            let rational = Rational(exactly: r)!
            let sweep = RateSweep(
                matrix: Matrix(rows: 1, columns: 2, elements: [1, rational]), observations: [1],
                reference: [1, 0], rho: r)
            let error = sweep.run(depths: [depth], alphas: [1e-40])[0].error!
            let p = Double(depth) / Double(depth - 2)
            let h = pow(1 - r, -p) - pow(1 + r, -p)
            #expect(abs(error / 1e-40 / ((1 + r) * h) - 1) < 0.01, "D = \(depth), r = \(r)")
        }
    }

    /// [I₂ | B] with ϱ = ‖Bᵀσ‖_∞ = 3/8: fitted slopes within 1% of 1 − ϱ and 1.
    @Test("block family slopes")
    func blockFamily() throws {
        let b: [[Rational]] = [[Rational(1, 4), Rational(-1, 8)], [Rational(-1, 8), Rational(1, 4)]]
        var a = Matrix<Rational>(rows: 2, columns: 4)
        for i in 0..<2 { a[i, i] = 1; for j in 0..<2 { a[i, 2 + j] = b[i][j] } }
        let sweep = try RateSweep.prepare(matrix: a, observations: [1, -1])
        #expect(abs(sweep.rho - 0.375) < 1e-9)
        let points = sweep.run(depths: [2, 3], alphas: RateSweep.alphaGrid("1e-20:1e-100:6")!)
        for summary in sweep.summarize(points, depths: [2, 3]) {
            #expect(abs(summary.fittedSlope / summary.predictedSlope - 1) < 0.01)
        }
    }

    /// m = n with full support: x_∞(α) = x* at every α, so every error is 0 — no slope, and a plot without
    /// non-finite coordinates. Data the network rejects (a zero row) are refused before any point is solved.
    @Test("a square system: errors 0, a clean plot; a zero row: refused up front")
    func square() throws {
        let sweep = try RateSweep.prepare(matrix: try Matrix([[2, 1], [1, 3]]), observations: [3, -1])
        let points = sweep.run(depths: [2, 3], alphas: RateSweep.alphaGrid("1e-2:1e-30:4")!)
        #expect(points.count == 8 && points.allSatisfy { $0.error == 0 })
        let summaries = sweep.summarize(points, depths: [2, 3])
        #expect(summaries.allSatisfy { $0.fittedSlope.isNaN && $0.localSlopes.isEmpty })
        let svg = RateSweep.plot(points, summaries, title: "square").svg()
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        #expect(throws: RateSweepError.self) {
            try RateSweep.prepare(matrix: try Matrix([[1, 2], [0, 0]]), observations: [1, 0])
        }
    }
}
