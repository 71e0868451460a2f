import Foundation

/// A log–log line plot written as SVG: decade ticks with 10^k labels on both axes, a light grid, one
/// polyline with markers per series, dashed reference lines (e.g. predicted slopes), a legend and a title.
public struct LogLogPlot: Sendable {
    /// A data series.
    public struct Series: Sendable {
        /// The legend entry.
        public var label: String
        /// The points (non-positive values are skipped).
        public var points: [(x: Double, y: Double)]
        /// A series.
        public init(label: String, points: [(x: Double, y: Double)]) { self.label = label; self.points = points }
    }
    /// A reference line y = c·x^slope, drawn dashed in the colour of the series with the same index.
    public struct Reference: Sendable {
        /// The legend entry.
        public var label: String
        /// The slope on the log–log axes.
        public var slope: Double
        /// The point the line passes through.
        public var anchor: (x: Double, y: Double)
        /// The series whose colour it takes.
        public var seriesIndex: Int
        /// A reference line through `anchor`.
        public init(label: String, slope: Double, anchor: (x: Double, y: Double), seriesIndex: Int) {
            self.label = label; self.slope = slope; self.anchor = anchor; self.seriesIndex = seriesIndex
        }
    }

    /// The title above the plot.
    public var title: String
    /// The x-axis label.
    public var xLabel: String
    /// The y-axis label.
    public var yLabel: String
    /// The data series, drawn in order with the palette colours.
    public var series: [Series] = []
    /// Dashed reference lines.
    public var references: [Reference] = []
    /// The size of the SVG in pixels.
    public var width = 760.0, height = 520.0

    static let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2"]

    /// An empty plot with a title and axis labels.
    public init(title: String, xLabel: String, yLabel: String) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel
    }

    /// The SVG document.
    public func svg() -> String {
        let all = series.flatMap(\.points).filter { $0.x > 0 && $0.y > 0 && $0.x.isFinite && $0.y.isFinite }
        let left = 90.0, right = 200.0, top = 50.0, bottom = 70.0
        let plotW = width - left - right, plotH = height - top - bottom
        let xs = all.map { log10($0.x) }, ys = all.map { log10($0.y) }
        let x0 = floor(xs.min() ?? 0), x1 = max(ceil(xs.max() ?? 1), x0 + 1)
        let y0 = floor(ys.min() ?? 0), y1 = max(ceil(ys.max() ?? 1), y0 + 1)
        func px(_ x: Double) -> Double { left + (log10(x) - x0) / (x1 - x0) * plotW }
        func py(_ y: Double) -> Double { top + (y1 - log10(y)) / (y1 - y0) * plotH }
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" font-family="Helvetica, Arial, sans-serif">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(left + plotW / 2)" y="28" text-anchor="middle" font-size="17" font-weight="bold">\(escape(title))</text>

            """
        for (low, high, horizontal) in [(x0, x1, true), (y0, y1, false)] {
            let step = Self.decadeStep(high - low)
            var k = (low / step).rounded(.up) * step
            while k <= high {
                if horizontal {
                    let x = left + (k - low) / (high - low) * plotW
                    out += "<line x1=\"\(x)\" y1=\"\(top)\" x2=\"\(x)\" y2=\"\(top + plotH)\" stroke=\"#e5e5e5\"/>\n"
                    out +=
                        "<line x1=\"\(x)\" y1=\"\(top + plotH)\" x2=\"\(x)\" y2=\"\(top + plotH + 6)\" stroke=\"black\"/>\n"
                    out +=
                        "<text x=\"\(x)\" y=\"\(top + plotH + 22)\" text-anchor=\"middle\" font-size=\"13\">10<tspan dy=\"-6\" font-size=\"10\">\(Int(k))</tspan></text>\n"
                } else {
                    let y = top + (high - k) / (high - low) * plotH
                    out += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(left + plotW)\" y2=\"\(y)\" stroke=\"#e5e5e5\"/>\n"
                    out += "<line x1=\"\(left - 6)\" y1=\"\(y)\" x2=\"\(left)\" y2=\"\(y)\" stroke=\"black\"/>\n"
                    out +=
                        "<text x=\"\(left - 10)\" y=\"\(y + 4)\" text-anchor=\"end\" font-size=\"13\">10<tspan dy=\"-6\" font-size=\"10\">\(Int(k))</tspan></text>\n"
                }
                k += step
            }
        }
        out +=
            "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(plotW)\" height=\"\(plotH)\" fill=\"none\" stroke=\"black\"/>\n"
        out +=
            "<text x=\"\(left + plotW / 2)\" y=\"\(height - 20)\" text-anchor=\"middle\" font-size=\"14\">\(escape(xLabel))</text>\n"
        out +=
            "<text x=\"22\" y=\"\(top + plotH / 2)\" text-anchor=\"middle\" font-size=\"14\" transform=\"rotate(-90 22 \(top + plotH / 2))\">\(escape(yLabel))</text>\n"
        out +=
            "<defs><clipPath id=\"plot\"><rect x=\"\(left)\" y=\"\(top)\" width=\"\(plotW)\" height=\"\(plotH)\"/></clipPath></defs>\n"
        var legend: [(String, String, Bool)] = []
        for reference in references {
            let color = Self.colors[reference.seriesIndex % Self.colors.count]
            let a = pow(10, x0), b = pow(10, x1)
            func line(_ x: Double) -> Double { reference.anchor.y * pow(x / reference.anchor.x, reference.slope) }
            out +=
                "<line x1=\"\(px(a))\" y1=\"\(py(line(a)))\" x2=\"\(px(b))\" y2=\"\(py(line(b)))\" stroke=\"\(color)\" "
                + "stroke-width=\"1.5\" stroke-dasharray=\"6 4\" opacity=\"0.7\" clip-path=\"url(#plot)\"/>\n"
            legend.append((reference.label, color, true))
        }
        for (index, s) in series.enumerated() {
            let color = Self.colors[index % Self.colors.count]
            let points = s.points.filter { $0.x > 0 && $0.y > 0 && $0.x.isFinite && $0.y.isFinite }
            out +=
                "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" clip-path=\"url(#plot)\" points=\""
                + points.map { "\(px($0.x)),\(py($0.y))" }.joined(separator: " ") + "\"/>\n"
            for p in points { out += "<circle cx=\"\(px(p.x))\" cy=\"\(py(p.y))\" r=\"2.5\" fill=\"\(color)\"/>\n" }
            legend.insert((s.label, color, false), at: min(index, legend.count))
        }
        let legendX = left + plotW + 15
        for (index, entry) in legend.enumerated() {
            let y = top + 12 + Double(index) * 22
            out +=
                "<line x1=\"\(legendX)\" y1=\"\(y)\" x2=\"\(legendX + 28)\" y2=\"\(y)\" stroke=\"\(entry.1)\" stroke-width=\"2\""
                + (entry.2 ? " stroke-dasharray=\"6 4\"" : "") + "/>\n"
            out += "<text x=\"\(legendX + 34)\" y=\"\(y + 4)\" font-size=\"12\">\(escape(entry.0))</text>\n"
        }
        return out + "</svg>\n"
    }

    /// The tick spacing in decades: the smallest of 1, 2, 5, 10, 20, 50, … giving at most 10 ticks.
    static func decadeStep(_ range: Double) -> Double {
        var scale = 1.0
        while true {
            for factor in [1.0, 2, 5] where range / (factor * scale) <= 10 { return factor * scale }
            scale *= 10
        }
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
