import Plots

extension RateSweep {
    /// The log–log plot of a sweep: one series per depth, and its predicted slope as a dashed reference
    /// line drawn a factor 30 below the smallest-α point (parallel to the data, so it stays visible).
    public static func plot(_ points: [Point], _ summaries: [DepthSummary], title: String) -> LogLogPlot {
        var plot = LogLogPlot(title: title, xLabel: "initialization scale α", yLabel: "‖x∞(α) − x*‖₁")
        for (index, summary) in summaries.enumerated() {
            // A log–log plot shows positive errors only (x_∞ = x* exactly gives 0, e.g. for m = n).
            let series = points.filter { $0.depth == summary.depth }.compactMap { p in
                p.error.map { (x: p.alpha, y: $0) }
            }
            .filter { $0.y > 0 }.sorted { $0.x > $1.x }
            plot.series.append(.init(label: "D = \(summary.depth)", points: series))
            if let anchor = series.last {
                let label = summary.depth == 2 ? "slope 1 − ϱ = \(rounded(summary.predictedSlope))" : "slope 1"
                plot.references.append(
                    .init(
                        label: label, slope: summary.predictedSlope, anchor: (anchor.x, anchor.y / 30),
                        seriesIndex: index))
            }
        }
        return plot
    }

    private static func rounded(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 1000
        return "\(scaled)"
    }
}
