import Foundation

/// Heatmaps of values in [0, 1] over a grid, written as SVG: one or more panels side by side (wrapping
/// after ``panelsPerRow``), each with its own title, axes with ticks, cells coloured by value, overlaid
/// curves, then one colour bar and a legend for the curves.
///
/// Cell (i, j) is drawn as the rectangle between the midpoints to its neighbours (half a step beyond the
/// first and last value), clipped to the axis ranges.
public struct Heatmap: Sendable {
    /// A curve drawn over every panel that lists it.
    public struct Curve: Sendable {
        /// The legend entry.
        public var label: String
        /// The points in data coordinates (non-finite points split the line).
        public var points: [(x: Double, y: Double)]
        /// An SVG colour.
        public var color: String
        /// Whether the line is dashed.
        public var dashed: Bool
        /// A curve.
        public init(label: String, points: [(x: Double, y: Double)], color: String, dashed: Bool) {
            self.label = label
            self.points = points
            self.color = color
            self.dashed = dashed
        }
    }

    /// One panel: a grid of values and the curves over it.
    public struct Panel: Sendable {
        /// The panel's title.
        public var title: String
        /// The x values of the columns, increasing.
        public var xValues: [Double]
        /// The y values of the rows, increasing.
        public var yValues: [Double]
        /// `values[i][j]` is the value at (xValues[i], yValues[j]), in [0, 1] (clamped; NaN is drawn grey).
        public var values: [[Double]]
        /// Curves drawn over the cells.
        public var curves: [Curve]
        /// A panel.
        public init(title: String, xValues: [Double], yValues: [Double], values: [[Double]], curves: [Curve]) {
            self.title = title
            self.xValues = xValues
            self.yValues = yValues
            self.values = values
            self.curves = curves
        }
    }

    /// The title above all panels.
    public var title: String
    /// The x-axis label (under every panel).
    public var xLabel: String
    /// The y-axis label (left of every panel).
    public var yLabel: String
    /// The colour bar's label.
    public var colorLabel: String
    /// The panels, in reading order.
    public var panels: [Panel] = []
    /// The x range of every panel's axes.
    public var xRange: ClosedRange<Double> = 0...1
    /// The y range of every panel's axes.
    public var yRange: ClosedRange<Double> = 0...1
    /// Panels per row before wrapping.
    public var panelsPerRow = 3
    /// The size of one panel's plotting area in pixels.
    public var panelSize = 300.0

    /// An empty heatmap with a title and labels.
    public init(title: String, xLabel: String, yLabel: String, colorLabel: String) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.colorLabel = colorLabel
    }

    /// The colour of a value in [0, 1]: a perceptually ordered map from dark blue (0) through teal to
    /// yellow (1), as viridis; grey for NaN.
    public static func color(_ value: Double) -> String {
        guard !value.isNaN else { return "#bdbdbd" }
        let anchors: [(Double, Double, Double)] = [
            (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37),
        ]
        let t = min(1, max(0, value)) * Double(anchors.count - 1)
        let k = min(anchors.count - 2, Int(t))
        let f = t - Double(k)
        let (a, b) = (anchors[k], anchors[k + 1])
        let channel = { (u: Double, v: Double) in Int((u + (v - u) * f).rounded()) }
        return String(format: "#%02x%02x%02x", channel(a.0, b.0), channel(a.1, b.1), channel(a.2, b.2))
    }

    /// The SVG document.
    /// - Complexity: O(total cells + curve points).
    public func svg() -> String {
        let left = 70.0
        let gapX = 60.0
        let top = 60.0
        let gapY = 80.0
        let columns = max(1, min(panelsPerRow, panels.count))
        let rows = max(1, (panels.count + columns - 1) / columns)
        let panelsRight = left + Double(columns) * (panelSize + gapX) - gapX
        // Wide enough for the panels and colour bar, the title (≈ 0.6 em per character) and the legend.
        let longestLabel = Double(legendEntries.map(\.label.count).max() ?? 0)
        let width = max(panelsRight + 110, 10.8 * Double(title.count) + 40, left + 64 + 7.2 * longestLabel)
        let legendY = top + Double(rows) * (panelSize + gapY)
        let height = legendY + 24.0 * Double(legendEntries.count) + 20
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
            + "font-family=\"Helvetica, Arial, sans-serif\">\n"
            + Self.tag("rect", ["width": "100%", "height": "100%", "fill": "white"])
            + Self.text(title, x: width / 2, y: 26, size: 18, extra: ["font-weight": "bold"])
        for (index, panel) in panels.enumerated() {
            let x0 = left + Double(index % columns) * (panelSize + gapX)
            let y0 = top + Double(index / columns) * (panelSize + gapY)
            out += draw(panel, number: index, x0: x0, y0: y0)
        }
        out += colorBar(x: panelsRight + 30, y: top, width: 18, height: panelSize)
        for (k, entry) in legendEntries.enumerated() {
            let y = legendY + Double(k) * 24
            out +=
                Self.curve(entry, points: "\(left),\(y) \(left + 36),\(y)")
                + Self.text(entry.label, x: left + 44, y: y + 5, size: 13, anchor: "start")
        }
        return out + "</svg>\n"
    }

    /// A dark outline drawn under every solid curve, so that light curves show on light cells and on the page.
    static let halo = ["stroke": "black", "stroke-opacity": "0.55", "stroke-width": "4.5"]

    /// The distinct curves (by label) over all panels, for the legend.
    private var legendEntries: [Curve] {
        var seen = Set<String>()
        return panels.flatMap(\.curves).filter { seen.insert($0.label).inserted }
    }

    private func draw(_ panel: Panel, number: Int, x0: Double, y0: Double) -> String {
        let size = panelSize
        let xSpan = xRange.upperBound - xRange.lowerBound
        let ySpan = yRange.upperBound - yRange.lowerBound
        func px(_ x: Double) -> Double { x0 + (x - xRange.lowerBound) / xSpan * size }
        func py(_ y: Double) -> Double { y0 + size - (y - yRange.lowerBound) / ySpan * size }
        let frame = ["x": "\(x0)", "y": "\(y0)", "width": "\(size)", "height": "\(size)"]
        var out =
            "<defs><clipPath id=\"panel\(number)\">" + Self.tag("rect", frame) + "</clipPath></defs>\n"
            + Self.tag("rect", frame.merging(["fill": "#f0f0f0"]) { $1 }) + "<g clip-path=\"url(#panel\(number))\">\n"
        let xEdges = Self.edges(panel.xValues)
        let yEdges = Self.edges(panel.yValues)
        for i in panel.xValues.indices {
            for j in panel.yValues.indices where i < panel.values.count && j < panel.values[i].count {
                let (a, b) = (px(xEdges[i]), px(xEdges[i + 1]))
                let (c, d) = (py(yEdges[j + 1]), py(yEdges[j]))
                out += Self.tag(
                    "rect",
                    [
                        "x": "\(a)", "y": "\(c)", "width": "\(b - a + 0.4)", "height": "\(d - c + 0.4)",
                        "fill": Self.color(panel.values[i][j]),
                    ])
            }
        }
        for curve in panel.curves {
            for piece in Self.finitePieces(curve.points) where piece.count > 1 {
                out += Self.curve(curve, points: piece.map { "\(px($0.x)),\(py($0.y))" }.joined(separator: " "))
            }
        }
        out += "</g>\n" + Self.tag("rect", frame.merging(["fill": "none", "stroke": "black"]) { $1 })
        for k in 0...5 {
            let fx = xRange.lowerBound + Double(k) / 5 * xSpan
            let fy = yRange.lowerBound + Double(k) / 5 * ySpan
            out +=
                Self.line(px(fx), y0 + size, px(fx), y0 + size + 5) + Self.line(x0 - 5, py(fy), x0, py(fy))
                + Self.text(Self.tick(fx), x: px(fx), y: y0 + size + 19, size: 12)
                + Self.text(Self.tick(fy), x: x0 - 8, y: py(fy) + 4, size: 12, anchor: "end")
        }
        return out + Self.text(panel.title, x: x0 + size / 2, y: y0 - 8, size: 14)
            + Self.text(xLabel, x: x0 + size / 2, y: y0 + size + 38, size: 14)
            + Self.text(
                yLabel, x: x0 - 40, y: y0 + size / 2, size: 14,
                extra: ["transform": "rotate(-90 \(x0 - 40) \(y0 + size / 2))"])
    }

    private func colorBar(x: Double, y: Double, width: Double, height: Double) -> String {
        var out = ""
        let steps = 50
        for k in 0..<steps {
            let top = y + height * (1 - Double(k + 1) / Double(steps))
            out += Self.tag(
                "rect",
                [
                    "x": "\(x)", "y": "\(top)", "width": "\(width)",
                    "height": "\(height / Double(steps) + 0.4)",
                    "fill": Self.color((Double(k) + 0.5) / Double(steps)),
                ])
        }
        out += Self.tag(
            "rect",
            [
                "x": "\(x)", "y": "\(y)", "width": "\(width)", "height": "\(height)", "fill": "none",
                "stroke": "black",
            ])
        for k in 0...4 {
            let value = Double(k) / 4
            let ty = y + height * (1 - value)
            out +=
                Self.line(x + width, ty, x + width + 4, ty)
                + Self.text(Self.tick(value), x: x + width + 7, y: ty + 4, size: 11, anchor: "start")
        }
        return out + Self.text(colorLabel, x: x + width / 2, y: y - 10, size: 12)
    }

    /// `<name a="v" …/>` with the attributes in name order.
    static func tag(_ name: String, _ attributes: [String: String]) -> String {
        "<\(name) " + attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: " ")
            + "/>\n"
    }

    /// A black line segment.
    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> String {
        tag("line", ["x1": "\(x1)", "y1": "\(y1)", "x2": "\(x2)", "y2": "\(y2)", "stroke": "black"])
    }

    /// A text element (escaped), centred unless `anchor` says otherwise.
    static func text(
        _ content: String, x: Double, y: Double, size: Double, anchor: String = "middle",
        extra: [String: String] = [:]
    ) -> String {
        let attributes = ["x": "\(x)", "y": "\(y)", "font-size": "\(size)", "text-anchor": anchor].merging(extra) { $1 }
        let opening = String(tag("text", attributes).dropLast(3))
        return opening + ">" + escape(content) + "</text>\n"
    }

    /// A curve through SVG `points`, with the outline under solid curves.
    static func curve(_ curve: Curve, points: String) -> String {
        let stroke = ["fill": "none", "points": points, "stroke": curve.color, "stroke-width": "2.5"]
        return (curve.dashed ? "" : tag("polyline", halo.merging(["fill": "none", "points": points]) { $1 }))
            + tag("polyline", curve.dashed ? stroke.merging(["stroke-dasharray": "7 4"]) { $1 } : stroke)
    }

    /// Cell boundaries: midpoints between neighbours, half a step beyond the ends (a unit step for one value).
    static func edges(_ values: [Double]) -> [Double] {
        guard values.count > 1 else { return values.first.map { [$0 - 0.05, $0 + 0.05] } ?? [] }
        var edges = [values[0] - (values[1] - values[0]) / 2]
        for k in 1..<values.count { edges.append((values[k - 1] + values[k]) / 2) }
        edges.append(values[values.count - 1] + (values[values.count - 1] - values[values.count - 2]) / 2)
        return edges
    }

    /// The runs of finite points.
    static func finitePieces(_ points: [(x: Double, y: Double)]) -> [[(x: Double, y: Double)]] {
        var pieces: [[(x: Double, y: Double)]] = [[]]
        for p in points {
            if p.x.isFinite && p.y.isFinite {
                pieces[pieces.count - 1].append(p)
            } else if !pieces[pieces.count - 1].isEmpty {
                pieces.append([])
            }
        }
        return pieces
    }

    /// A tick label: at most three decimals, trailing zeros dropped.
    static func tick(_ value: Double) -> String {
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
