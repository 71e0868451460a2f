// phase-diagrams: does depth help at realistic α? Donoho–Tanner diagrams of gradient flow on diagonal networks
// of depth D = 2, 3, 4 at α = 1e-2 and 1e-3, with noise η ∈ {0, 0.03, 0.1}, against basis pursuit.
//
//   swift run -c release phase-diagrams [FOLDER]      writes FOLDER/phase-eta-<η>.svg (default: the current folder)
//
// n = 50, δ = 0.1 … 0.9, ρ = 0.05 … 0.95 (10 values), 10 Gaussian instances per cell, seed 1. Without noise a trial
// counts as recovered when ‖x − x₀‖₂ ≤ 0.01·‖x₀‖₂ (at 1e-6 no network recovers anything at these α); with noise,
// when ‖x − x₀‖₂ ≤ 0.1·‖x₀‖₂ (stable recovery). The table gives, per method, the mean of ‖x − x₀‖₂/‖x₀‖₂ over the
// cells below the theoretical BP transition (where BP recovers without noise) and the fraction recovered there.
import Foundation
import PhaseTransitions

let folder = CommandLine.arguments.dropFirst().first ?? "."
let deltas = (1...9).map { Double($0) / 10 }
let rhos = (0..<10).map { 0.05 + 0.1 * Double($0) }
for eta in [0, 0.03, 0.1] {
    let grid = PhaseGrid(
        columns: 50, deltas: deltas, rhos: rhos, trials: 10, seed: 1, noise: eta, depths: [2, 3, 4],
        alphas: [1e-2, 1e-3], threshold: eta > 0 ? 0.1 : 0.01)
    let result = try PhaseDiagram.run(grid)
    let easy = result.cells.filter { $0.cell.rho < StatisticalDimension.transition(delta: $0.cell.delta) }
    func summary(_ errors: [Double?], _ recovered: [Int]) -> String {
        let known = errors.compactMap { $0 }
        let meanError = known.isEmpty ? Double.nan : known.reduce(0, +) / Double(known.count)
        let fraction = Double(recovered.reduce(0, +)) / Double(easy.count * grid.trials)
        return String(format: "%12.3e  %9.2f", meanError, fraction)
    }
    print(
        "η = \(eta): \(easy.count) cells below the theoretical transition, threshold \(grid.threshold), "
            + String(format: "%.1f s", result.seconds))
    print("  method                 mean rel. error  recovered")
    print("  basis pursuit         " + summary(easy.map(\.meanRelativeError), easy.map(\.recovered)))
    for (k, setting) in grid.flowSettings.enumerated() {
        print(
            "  D = \(setting.depth), α = \(String(format: "%.0e", setting.alpha))    "
                + summary(easy.map { $0.flow[k].meanRelativeError }, easy.map { $0.flow[k].recovered }))
    }
    let criterion = "‖x − x₀‖ ≤ \(grid.threshold)‖x₀‖"
    var plot = result.heatmap(title: "Recovery (\(criterion)), Gaussian A, n = 50, 10 trials, η = \(eta)")
    plot.panelsPerRow = 4
    let path = "\(folder)/phase-eta-\(eta).svg"
    try plot.svg().write(toFile: path, atomically: true, encoding: .utf8)
    print("  wrote \(path)\n")
}
