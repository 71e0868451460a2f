import ArgumentParser
import DenseLinearAlgebra
import ExactArithmetic
import Foundation
import ProblemData
import RateSweeps

/// `sparsecert sweep`: ‖x_∞(α) − x*‖₁ over a grid of depths and scales, slopes, CSV and an SVG plot.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract:
            "Sweep α for several depths: errors, local log–log slopes, fitted vs predicted slopes, CSV, SVG plot.",
        discussion: """
            x* is the exact basis pursuit solution and ϱ = ϱ(S, σ) its exponent; the predicted slope of \
            log ‖x_∞(α) − x*‖₁ against log α is 1 − ϱ for D = 2 and 1 for D ≥ 3. The fitted slope is the \
            least-squares slope over the smallest-α quarter of the grid. Points run in parallel on all cores; \
            --shard k/K (1-based, as for 'nsp') computes the grid points i with i mod K = k − 1; concatenate the CSV \
            rows of all K shards for the full sweep.
            """)

    @OptionGroup var input: ProblemArgument

    @Option(help: "Comma-separated depths D ≥ 2.")
    var depths = "2,3,4"

    @Option(help: ArgumentHelp("Scales from:to:count, logarithmically spaced.", valueName: "FROM:TO:COUNT"))
    var alphas = "1e-1:1e-30:40"

    @Option(help: ArgumentHelp("Write the points as CSV here.", valueName: "FILE"))
    var csv: String?

    @Option(help: ArgumentHelp("Write a log–log SVG plot here.", valueName: "FILE"))
    var plot: String?

    @Option(help: ArgumentHelp("Compute only shard k of K (1 ≤ k ≤ K), e.g. 2/4.", valueName: "k/K"))
    var shard = "1/1"

    @OptionGroup var output: OutputOptions

    struct Report: Encodable {
        struct Depth: Encodable {
            let depth: Int; let predictedSlope: Double; let fittedSlope: Double; let localSlopes: [Double]
        }
        struct Point: Encodable { let depth: Int; let alpha: Double; let errorL1: Double?; let failure: String? }
        let rho: Double
        let support: [Int]
        let depths: [Depth]
        let points: [Point]
    }

    func run() throws {
        let depthList = depths.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !depthList.isEmpty, depthList.allSatisfy({ ($0 ?? 0) >= 2 }) else {
            throw CommandFailure("--depths '\(depths)': give comma-separated integers ≥ 2, e.g. 2,3,4")
        }
        guard let grid = RateSweep.alphaGrid(alphas) else {
            throw CommandFailure(
                "--alphas '\(alphas)': give FROM:TO:COUNT with positive numbers and COUNT ≥ 2, e.g. 1e-1:1e-30:40")
        }
        let shardParts = shard.split(separator: "/").map { Int($0) }
        guard shardParts.count == 2, let k = shardParts[0], let total = shardParts[1], total >= 1,
            (1...total).contains(k)
        else {
            throw CommandFailure("--shard '\(shard)': give k/K with 1 ≤ k ≤ K, e.g. 2/4")
        }
        let loaded = try input.load()
        let sweep = try RateSweep.prepare(matrix: loaded.matrix, observations: loaded.observations)
        let depthValues = depthList.compactMap { $0 }
        let progress = ProgressBar(enabled: !output.json)
        let points = sweep.run(depths: depthValues, alphas: grid, shard: k - 1, shards: total) { done, count in
            progress.update(phase: "sweep", done: done, total: count) { "\(done)/\(count) points" }
        }
        progress.finish()
        let summaries = sweep.summarize(points, depths: depthValues)
        if let csv {
            try OutputFile.write(RateSweep.csv(points), to: csv)
        }
        if let plot {
            try Self.writePlot(
                points, summaries, to: plot,
                title: "‖x∞(α) − x*‖₁ for \(URL(fileURLWithPath: input.problem).lastPathComponent)")
        }
        if output.json {
            try printJSON(
                Report(
                    rho: sweep.rho, support: sweep.reference.indices.filter { sweep.reference[$0] != .zero },
                    depths: summaries.map {
                        .init(
                            depth: $0.depth, predictedSlope: $0.predictedSlope, fittedSlope: $0.fittedSlope,
                            localSlopes: $0.localSlopes)
                    },
                    points: points.map {
                        .init(depth: $0.depth, alpha: $0.alpha, errorL1: $0.error, failure: $0.failure)
                    }))
            try Self.checkFailures(points)
            return
        }
        Self.printTable(points, summaries, alphas: grid, rho: sweep.rho)
        if let csv { print("CSV written to \(csv)") }
        if let plot { print("plot written to \(plot)") }
        try Self.checkFailures(points)
    }

    /// Exit 1 when no point could be solved, 3 when some could not (the table shows which), 0 otherwise.
    static func checkFailures(_ points: [RateSweep.Point]) throws {
        let failed = points.filter { $0.error == nil }
        guard let first = failed.first else { return }
        let message =
            "\(failed.count) of \(points.count) points failed; the first (D = \(first.depth), α = \(first.alpha)): "
            + (first.failure ?? "no error value")
        if failed.count == points.count { throw CommandFailure(message) }
        FileHandle.standardError.write(Data("sparsecert sweep: \(message)\n".utf8))
        throw ExitStatus.notProven
    }

    static func printTable(
        _ points: [RateSweep.Point], _ summaries: [RateSweep.DepthSummary], alphas: [Double], rho: Double
    ) {
        let depths = summaries.map(\.depth)
        print("ϱ(S, σ) = \(String(format: "%.6f", rho))")
        func trimmed(_ line: String) -> String { String(line.reversed().drop { $0 == " " }.reversed()) }
        print(
            trimmed(
                "α".padding(toLength: 11, withPad: " ", startingAt: 0)
                    + depths.map { "err (D=\($0))".padding(toLength: 15, withPad: " ", startingAt: 0) }.joined()))
        for alpha in alphas {
            let row = depths.map { d -> String in
                guard let p = points.first(where: { $0.depth == d && $0.alpha == alpha }) else {
                    return "".padding(toLength: 15, withPad: " ", startingAt: 0)
                }
                return (p.error.map { String(format: "%.6e", $0) } ?? "failed").padding(
                    toLength: 15, withPad: " ", startingAt: 0)
            }
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            print(trimmed(String(format: "%.3e  ", alpha) + row.joined()))
        }
        print("depth  predicted slope  fitted slope  difference")
        for s in summaries {
            let errors = points.filter { $0.depth == s.depth }.compactMap(\.error)
            if !errors.isEmpty, errors.allSatisfy({ $0 == 0 }) {
                print(
                    String(format: "%5d  %15.6f  ", s.depth, s.predictedSlope)
                        + "none: x_∞(α) = x* exactly at every α")
            } else {
                print(
                    String(
                        format: "%5d  %15.6f  %12.6f  %10.2e", s.depth, s.predictedSlope, s.fittedSlope,
                        s.fittedSlope - s.predictedSlope))
            }
        }
    }

    static func writePlot(
        _ points: [RateSweep.Point], _ summaries: [RateSweep.DepthSummary], to path: String, title: String
    ) throws {
        try OutputFile.write(RateSweep.plot(points, summaries, title: title).svg(), to: path)
    }
}
