import Testing

@testable import PhaseTransitions
@testable import Plots

@Suite("The heatmap SVG")
struct HeatmapTests {
    @Test func colourMapEnds() {
        #expect(Heatmap.color(0) == "#440154")
        #expect(Heatmap.color(1) == "#fde725")
        #expect(Heatmap.color(.nan) == "#bdbdbd")
        let edges = Heatmap.edges([0.1, 0.2, 0.4])
        #expect(edges.count == 4 && zip(edges, [0.05, 0.15, 0.3, 0.5]).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func panelsCurvesAndColourBar() throws {
        let grid = PhaseGrid(
            columns: 12, deltas: [0.5, 1], rhos: [0.2, 0.6], trials: 1, seed: 2, depths: [2],
            alphas: [1e-2])
        var options = PhaseRunOptions()
        options.threads = 2
        let svg = try PhaseDiagram.run(grid, options: options).heatmap().svg()
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
        #expect(svg.contains("basis pursuit") && svg.contains("gradient flow D = 2, α = 1e-2"))
        #expect(svg.contains("recovered") && svg.contains("theory: m = n·ψ(s/n)"))
        #expect(svg.components(separatedBy: "<clipPath").count == 3)  // two panels
    }
}
