import Foundation
import NullSpaceProperty
import ProblemData

/// nsp-benchmark: exact ρ_s by branch-and-bound vs the MILP on Gaussian matrices: entries N(0, 1/m) on the
/// 2⁻¹⁶ grid from ProblemData's SplitMix64 stream (the matrices `sparsecert generate gaussian` writes).
///
/// Usage: nsp-benchmark [--threads N] [--milp-limit SEC] [--only MxNsS] [--scale]
/// Prints one Markdown table row per instance. `--scale` prints instead the research-scale table of issue 12
/// (seed 3): 30×60 s = 4 to the end, 40×80 s = 5 stopped after 40 s, 50×100 s = 5 stopped after 300 s.
let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let threads = option("--threads").flatMap(Int.init) ?? ProcessInfo.processInfo.activeProcessorCount
let milpLimit = option("--milp-limit").flatMap(Double.init) ?? 120
let only = option("--only")
let cases: [(m: Int, n: Int, s: Int, seed: UInt64)] = [(20, 40, 3, 1), (20, 40, 4, 1), (30, 60, 3, 1), (20, 40, 4, 2)]

func gaussian(_ m: Int, _ n: Int, seed: UInt64) throws -> NullSpaceMatrix {
    var generator = SplitMix64(seed: seed)
    let exact = MeasurementEnsemble.gaussian.matrix(
        rows: m, columns: n, grid: DyadicGrid(exponent: 16),
        generator: &generator)
    return try NullSpaceMatrix(exact: exact)
}

if arguments.contains("--scale") {
    let scaleCases: [(m: Int, n: Int, s: Int, limit: Int?)] = [(30, 60, 4, nil), (40, 80, 5, 40), (50, 100, 5, 300)]
    print(
        "| A | s | stopped after | ρ_s or [lower, upper] | upper/lower | LPs solved | naive LPs | time (s) "
            + "| upper bound |")
    print("|---|---|---|---|---|---|---|---|---|")
    for c in scaleCases {
        var options = OrderSearchOptions()
        options.threads = threads
        options.timeLimit = c.limit.map { .seconds($0) }
        let r = try gaussian(c.m, c.n, seed: 3).orderConstant(order: c.s, options: options)
        let value = r.isExact ? String(format: "%.6f", r.lower) : String(format: "[%.4f, %.4f]", r.lower, r.upper)
        print(
            "| \(c.m)×\(c.n) | \(c.s) | \(c.limit.map { "\($0) s" } ?? "– (complete)") | \(value) | "
                + String(format: "%.3f", r.upper / r.lower) + " | \(r.lpsSolved) | "
                + String(format: "%.3g", r.naiveLPs)
                + " | " + String(format: "%.1f", r.seconds) + " | \(r.isExact ? "exact" : r.upperBoundSource) |")
    }
    exit(0)
}

print("| A (seed) | s | ρ_s | α_s | NSP | B&B time (s) | LPs solved | naive LPs | ratio | MILP time (s) | MILP ρ_s |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for c in cases where only == nil || only == "\(c.m)x\(c.n)s\(c.s)" {
    let a = try gaussian(c.m, c.n, seed: c.seed)
    var options = OrderSearchOptions()
    options.threads = threads
    let result = try a.orderConstant(order: c.s, options: options)
    var milpText = ("–", "–")
    if milpLimit > 0 {
        let milp = try a.mixedIntegerOrderConstant(order: c.s, timeLimit: .seconds(milpLimit))
        milpText = (
            milp.complete ? String(format: "%.1f", milp.seconds) : String(format: "> %.0f (stopped)", milpLimit),
            milp.complete ? String(format: "%.6f", milp.lower) : String(format: "[%.4f, %.4f]", milp.lower, milp.upper)
        )
    }
    let f = { (x: Double, digits: Int) in String(format: "%.\(digits)f", x) }
    print(
        "| \(c.m)×\(c.n) (\(c.seed)) | \(c.s) | \(f(result.lower, 6)) | \(f(result.lowerAlpha, 6)) | "
            + "\(result.nspHolds == true ? "holds" : "fails") | \(f(result.seconds, 2)) | \(result.lpsSolved) | "
            + "\(f(result.naiveLPs, 0)) | \(f(result.naiveLPs / Double(result.lpsSolved), 1))× | \(milpText.0) | \(milpText.1) |"
    )
}
