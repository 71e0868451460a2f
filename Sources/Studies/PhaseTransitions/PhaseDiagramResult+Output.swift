import Foundation
import Plots

extension PhaseDiagramResult {
    /// The diagram as an SVG heatmap of recovery fractions over (δ, ρ): the BP panel, then one panel per
    /// (depth, α), each with its empirical 50 % transition (white: the ρ_50 of every δ, joined) and the
    /// theoretical curve ρ(δ) from ψ (red, dashed), and a colour bar.
    /// - Parameter title: the title above the panels (a default describing the grid when `nil`).
    /// - Complexity: O(cells·(1 + settings)) plus 120 evaluations of ψ's transition.
    public func heatmap(title: String? = nil) -> Heatmap {
        let deltas = grid.deltas.sorted()
        let rhos = grid.rhos.sorted()
        let noise = grid.noise > 0 ? ", η = \(grid.noise)" : ""
        var plot = Heatmap(
            title: title ?? "Recovery of s-sparse x₀, \(grid.ensemble.rawValue) A, n = \(grid.columns), "
                + "\(grid.trials) trials per cell\(noise)",
            xLabel: "δ = m/n", yLabel: "ρ = s/m", colorLabel: "recovered")
        let theory = Heatmap.Curve(
            label: "theory: m = n·ψ(s/n) (statistical dimension of the ℓ1 descent cone)",
            points: (1...120).map { k in
                let d = Double(k) / 120
                return (d, StatisticalDimension.transition(delta: d))
            },
            color: "#e41a1c", dashed: true)
        let points = transition
        func values(_ fraction: (CellResult) -> Double) -> [[Double]] {
            deltas.map { d in
                rhos.map { r in cells.first { $0.cell.delta == d && $0.cell.rho == r }.map(fraction) ?? .nan }
            }
        }
        func empirical(_ crossing: (TransitionPoint) -> Double?) -> Heatmap.Curve {
            let sorted = points.sorted { $0.delta < $1.delta }
            return Heatmap.Curve(
                label: "empirical 50 % recovery (interpolated ρ_50 per δ)",
                points: sorted.map { ($0.delta, crossing($0) ?? .nan) }, color: "white", dashed: false)
        }
        plot.panels.append(
            Heatmap.Panel(
                title: grid.exact ? "basis pursuit (exact proofs)" : "basis pursuit",
                xValues: deltas, yValues: rhos, values: values(\.fraction),
                curves: [empirical(\.rho50), theory]))
        for (k, setting) in grid.flowSettings.enumerated() {
            plot.panels.append(
                Heatmap.Panel(
                    title: "gradient flow D = \(setting.depth), α = \(Self.compact(setting.alpha))",
                    xValues: deltas, yValues: rhos, values: values { Double($0.flow[k].recovered) / Double($0.trials) },
                    curves: [empirical { $0.flow[k].rho50 }, theory]))
        }
        plot.panelsPerRow = min(3, max(1, plot.panels.count))
        return plot
    }

    /// The cells as CSV, one line per cell and method (`bp`, or `flow` with its depth and α):
    /// `method,depth,alpha,delta,rho,rows,sparsity,trials,recovered,fraction,mean_relative_error,`
    /// `mean_distance_to_bp,failures`
    /// (empty fields where a value does not apply or is missing).
    public func csv() -> String {
        var lines = [
            "method,depth,alpha,delta,rho,rows,sparsity,trials,recovered,fraction,mean_relative_error,"
                + "mean_distance_to_bp,failures"
        ]
        func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }
        for result in cells {
            let c = result.cell
            let common = "\(c.delta),\(c.rho),\(c.rows),\(c.sparsity),\(result.trials)"
            lines.append(
                "bp,,,\(common),\(result.recovered),\(result.fraction),\(number(result.meanRelativeError)),,"
                    + "\(result.failures)")
            for flow in result.flow {
                lines.append(
                    "flow,\(flow.depth),\(flow.alpha),\(common),\(flow.recovered),"
                        + "\(Double(flow.recovered) / Double(result.trials)),\(number(flow.meanRelativeError)),"
                        + "\(number(flow.meanDistanceToBasisPursuit)),\(flow.failures)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// 1e-3 rather than 0.001.
    static func compact(_ value: Double) -> String {
        let exponent = log10(value)
        return exponent == exponent.rounded() && abs(exponent) >= 2 ? "1e\(Int(exponent))" : "\(value)"
    }
}
