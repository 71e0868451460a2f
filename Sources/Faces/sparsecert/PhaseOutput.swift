import ArgumentParser
import Foundation
import PhaseTransitions

/// Prints a phase diagram (JSON or text), writes its CSV and SVG, and sets the exit status: 3 when --exact
/// was asked for and some exact check did not pass.
func writePhaseOutputs(_ result: PhaseDiagramResult, json: Bool, csv: String?, plot: String?) throws {
    if let csv { try OutputFile.write(Array(result.csv().utf8), to: csv) }
    if let plot { try OutputFile.write(Array(result.heatmap().svg().utf8), to: plot) }
    if json { try printJSON(result) } else { print(phaseText(result)) }
    let unverified = result.cells.reduce(0) { $0 + $1.unverified }
    if result.grid.exact && unverified > 0 {
        FileHandle.standardError.write(
            Data(
                ("not proven: \(unverified) exact basis pursuit checks did not pass; those "
                    + "trials count as not recovered\n").utf8))
        throw ExitStatus.notProven
    }
}

/// The human-readable account: the BP recovery table (ρ down, δ across), each flow setting's table, and
/// the transition per δ against the theory.
func phaseText(_ result: PhaseDiagramResult) -> String {
    let grid = result.grid
    let deltas = grid.deltas.sorted()
    let rhos = grid.rhos.sorted(by: >)
    func cell(_ d: Double, _ r: Double) -> CellResult? { result.cells.first { $0.cell.delta == d && $0.cell.rho == r } }
    func table(_ title: String, _ fraction: (CellResult) -> Double) -> [String] {
        var lines = [title, "  ρ \\ δ " + deltas.map { pad(String(format: "%.3g", $0)) }.joined()]
        for r in rhos {
            lines.append(
                pad(String(format: "%.3g", r), 8)
                    + deltas.map { d in
                        pad(cell(d, r).map { String(format: "%.2f", fraction($0)) } ?? "-")
                    }.joined())
        }
        return lines
    }
    var lines = [
        "n = \(grid.columns), \(grid.ensemble.rawValue) ensemble, \(grid.trials) trials per cell, seed \(grid.seed)"
            + (grid.noise > 0 ? ", noise η = \(grid.noise)" : "") + "; \(result.cells.count) cells"
    ]
    if result.shard.count > 1 {
        lines.append("shard \(result.shard): only its cells; combine all shards with 'phase merge'")
    }
    lines += table(
        grid.exact
            ? "basis pursuit, fraction recovered (x̂ = x₀ proven exactly):"
            : "basis pursuit, fraction recovered (‖x̂ − x₀‖₂ ≤ \(short(grid.threshold))·‖x₀‖₂):", \.fraction)
    for (k, setting) in grid.flowSettings.enumerated() {
        lines += table(
            "gradient flow D = \(setting.depth), α = \(short(setting.alpha)), fraction recovered "
                + "(‖x_∞ − x₀‖₂ ≤ \(short(grid.threshold))·‖x₀‖₂):"
        ) {
            Double($0.flow[k].recovered) / Double($0.trials)
        }
        lines += table("gradient flow D = \(setting.depth), α = \(short(setting.alpha)), mean ‖x_∞ − x₀‖₂/‖x₀‖₂:") {
            $0.flow[k].meanRelativeError ?? .nan
        }
    }
    let failures = result.cells.reduce(0) { $0 + $1.failures }
    let flowFailures = result.cells.reduce(0) { $0 + $1.flow.reduce(0) { $0 + $1.failures } }
    if failures + flowFailures > 0 {
        lines.append("failed solves (counted as not recovered): \(failures) basis pursuit, \(flowFailures) flow limits")
    }
    if !result.transition.isEmpty {
        lines.append("transition (50 % basis pursuit recovery) against the theory m = n·ψ(s/n):")
        lines.append("       δ     ρ_50   ρ_theory  difference")
        for point in result.transition {
            let empirical = point.rho50.map { String(format: "%8.4f", $0) } ?? pad(point.status.rawValue, 9)
            let difference = point.rho50.map { String(format: "  %+9.4f", $0 - point.rhoTheory) } ?? ""
            lines.append(
                String(format: "%8.3f ", point.delta) + empirical + String(format: "  %8.4f", point.rhoTheory)
                    + difference)
        }
    }
    lines.append(String(format: "%.2f s", result.seconds))
    return lines.joined(separator: "\n")
}

/// 1e-6 for powers of ten, %g otherwise.
private func short(_ value: Double) -> String {
    let exponent = log10(value).rounded()
    return value == pow(10, exponent) && abs(exponent) >= 3 ? "1e\(Int(exponent))" : String(format: "%g", value)
}

private func pad(_ text: String, _ width: Int = 7) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
}
