// phase-benchmark: the phase-diagram measurements of docs/benchmarks.md.
//
//   swift run -c release phase-benchmark theory   empirical ρ_50 against ψ at n = 200 (30 trials per cell)
//   swift run -c release phase-benchmark speed    the 9 × 19 grid at n = 100, 20 trials: BP, then D = 2, 3 at α = 1e-3
//
// Speed is measured here, never asserted in tests.
import Foundation
import PhaseTransitions

func options() -> PhaseRunOptions {
    var options = PhaseRunOptions()
    options.threads = ProcessInfo.processInfo.activeProcessorCount
    return options
}

/// For each δ, a column of ρ from ρ_theory − 0.2 to ρ_theory + 0.2 in steps of 0.02 (clipped to (0, 1]).
func theory() throws {
    print(
        "n = 200, gaussian, 30 trials per cell, seed 1; ρ in steps of 0.02 around the theory; "
            + "\(options().threads) threads"
    )
    print("    δ    m   ρ_50     ρ_theory  ρ_50 − ρ_theory  cells  seconds")
    var worst = 0.0
    for delta in [0.1, 0.25, 0.5, 0.75, 0.9] {
        let center = StatisticalDimension.transition(delta: delta)
        var rhos: [Double] = []
        for k in -10...10 {
            let rho = ((center + 0.02 * Double(k)) * 1e6).rounded() / 1e6
            if rho > 0 && rho <= 1 { rhos.append(rho) }
        }
        let grid = PhaseGrid(columns: 200, deltas: [delta], rhos: rhos, trials: 30, seed: 1)
        let result = try PhaseDiagram.run(grid, options: options())
        let point = result.transition[0]
        let difference = point.rho50.map { $0 - point.rhoTheory }
        worst = max(worst, abs(difference ?? .infinity))
        let empirical = point.rho50.map { String(format: "%.4f", $0) } ?? point.status.rawValue
        let gap = difference.map { String(format: "%+.4f", $0) } ?? "-"
        let head = String(format: "%5.2f  %3d  ", delta, grid.rows(delta: delta))
        let tail = String(format: "          %3d  %7.1f", result.cells.count, result.seconds)
        print(head + empirical + String(format: "   %.4f    ", point.rhoTheory) + gap + tail)
    }
    print(
        String(format: "largest |ρ_50 − ρ_theory| = %.4f (target ≤ 0.05): %@", worst, worst <= 0.05 ? "met" : "NOT met")
    )
}

func speed() throws {
    let deltas = (1...9).map { Double($0) / 10 }
    let rhos = (1...19).map { Double($0) / 20 }
    let bp = PhaseGrid(columns: 100, deltas: deltas, rhos: rhos, trials: 20, seed: 1)
    let flow = PhaseGrid(columns: 100, deltas: deltas, rhos: rhos, trials: 20, seed: 1, depths: [2, 3], alphas: [1e-3])
    for (name, grid, target) in [("BP only", bp, 30.0), ("BP + D = 2, 3 at α = 1e-3", flow, 120.0)] {
        let result = try PhaseDiagram.run(grid, options: options())
        let failures = result.cells.reduce(0) { $0 + $1.failures + $1.flow.reduce(0) { $0 + $1.failures } }
        print(
            String(
                format: "%@: 9 × 19 cells × 20 trials at n = 100: %.1f s on %d threads (target ≤ %.0f s: %@), "
                    + "%d failed solves", name, result.seconds, options().threads, target,
                result.seconds <= target ? "met" : "NOT met",
                failures))
    }
}

let mode = CommandLine.arguments.dropFirst().first ?? "all"
if mode == "theory" || mode == "all" { try theory() }
if mode == "speed" || mode == "all" { try speed() }
