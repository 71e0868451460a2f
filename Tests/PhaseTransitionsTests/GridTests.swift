import ExactArithmetic
import ProblemData
import Testing

@testable import PhaseTransitions

@Suite("Grid, value lists and the instance stream")
struct GridTests {
    @Test func cellRule() {
        let grid = PhaseGrid(columns: 100, deltas: [0.25, 0.005], rhos: [0.1, 1], trials: 1, seed: 1)
        #expect(grid.rows(delta: 0.25) == 25)
        #expect(grid.sparsity(delta: 0.25, rho: 0.1) == 3)  // round(2.5) = 3, halves away from zero
        #expect(grid.rows(delta: 0.005) == 1)  // round(0.5) = 1
        #expect(grid.sparsity(delta: 0.005, rho: 0.1) == 1)  // max(1, round(0.1))
        #expect(grid.sparsity(delta: 0.25, rho: 1) == 25)
        #expect(grid.cells.map(\.index) == [0, 1, 2, 3])
        #expect(grid.cells[1] == PhaseCell(index: 1, delta: 0.25, rho: 1, rows: 25, sparsity: 25))
    }

    @Test func valueLists() throws {
        #expect(try ValueList.parse("0.25, 0.5,0.75", name: "--deltas", spacing: .linear) == [0.25, 0.5, 0.75])
        #expect(
            try ValueList.parse("0.1:0.9:9", name: "--deltas", spacing: .linear)
                == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
        let alphas = try ValueList.parse("1e-1:1e-3:3", name: "--alphas", spacing: .logarithmic)
        #expect(alphas.count == 3 && abs(alphas[1] - 1e-2) < 1e-15)
        #expect(try ValueList.integers("2,3,4", name: "--depths") == [2, 3, 4])
    }

    @Test(arguments: ["", "0.1,,0.2", "a", "0.1:0.9", "0.1:0.9:0", "0:1:x"])
    func badValueLists(text: String) {
        #expect(throws: PhaseTransitionError.self) { try ValueList.parse(text, name: "--rhos", spacing: .linear) }
    }

    static let bad: [(PhaseGrid, String)] = [
        (PhaseGrid(columns: 50, deltas: [], rhos: [0.5], trials: 1, seed: 1), "--deltas is empty"),
        (PhaseGrid(columns: 50, deltas: [0.5], rhos: [], trials: 1, seed: 1), "--rhos is empty"),
        (PhaseGrid(columns: 50, deltas: [0, 0.5], rhos: [0.5], trials: 1, seed: 1), "outside (0, 1]"),
        (PhaseGrid(columns: 50, deltas: [1.5], rhos: [0.5], trials: 1, seed: 1), "outside (0, 1]"),
        (PhaseGrid(columns: 50, deltas: [0.5], rhos: [-0.1], trials: 1, seed: 1), "outside (0, 1]"),
        (PhaseGrid(columns: 50, deltas: [0.5], rhos: [1.01], trials: 1, seed: 1), "outside (0, 1]"),
        (PhaseGrid(columns: 50, deltas: [0.5], rhos: [0.5], trials: 0, seed: 1), "--trials must be at least 1"),
        (PhaseGrid(columns: 50, deltas: [0.005], rhos: [0.5], trials: 1, seed: 1), "fewer than the s = 1"),
        (
            PhaseGrid(columns: 50, deltas: [0.5], rhos: [0.5], trials: 1, seed: 1, depths: [1], alphas: [1e-2]),
            "between 2 and 64"
        ),
        (
            PhaseGrid(columns: 50, deltas: [0.5], rhos: [0.5], trials: 1, seed: 1, depths: [2]),
            "--depths needs --alphas"
        ),
        (
            PhaseGrid(columns: 50, deltas: [0.5], rhos: [0.5], trials: 1, seed: 1, noise: 0.1, exact: true),
            "drop one of them"
        ),
    ]

    @Test(arguments: bad)
    func badGrids(grid: PhaseGrid, message: String) {
        #expect { try grid.validate() } throws: { ($0 as? PhaseTransitionError)?.description.contains(message) == true }
    }

    @Test func reproducibleInstances() throws {
        let grid = PhaseGrid(columns: 30, deltas: [0.5], rhos: [0.2], trials: 2, seed: 7)
        let stream = InstanceStream(grid: grid)
        let first = try stream.instance(rows: 15, sparsity: 3, trial: 0)
        #expect(try stream.instance(rows: 15, sparsity: 3, trial: 0) == first)
        #expect(try stream.instance(rows: 15, sparsity: 3, trial: 1) != first)
        #expect(first.groundTruth?.filter { $0 != .zero }.count == 3)
        // The instance does not depend on the rest of the grid.
        let other = PhaseGrid(columns: 30, deltas: [0.2, 0.5, 0.9], rhos: [0.2, 0.7], trials: 9, seed: 7)
        #expect(try InstanceStream(grid: other).instance(rows: 15, sparsity: 3, trial: 0) == first)
        #expect(
            InstanceStream(grid: PhaseGrid(columns: 30, deltas: [0.5], rhos: [0.2], trials: 2, seed: 8))
                .instanceSeed(rows: 15, sparsity: 3, trial: 0) != stream.instanceSeed(rows: 15, sparsity: 3, trial: 0))
    }

    @Test func crossing() {
        #expect(Crossing.find([(0.1, 1), (0.2, 1), (0.3, 0), (0.4, 0)]).rho == 0.25)
        // pooled to 0.5, 0.5: the crossing is at 0.3
        let wiggly = Crossing.find([(0.1, 1), (0.2, 0.4), (0.3, 0.6), (0.4, 0)])
        #expect(wiggly.status == .interpolated && abs((wiggly.rho ?? 0) - 0.3) < 1e-12)
        #expect(Crossing.find([(0.1, 1), (0.2, 0.9)]).status == .aboveGrid)
        #expect(Crossing.find([(0.1, 0.2), (0.2, 0)]).status == .belowGrid)
        #expect(Crossing.nonIncreasingFit([1, 0.4, 0.6, 0]) == [1, 0.5, 0.5, 0])
    }
}

@Suite("Conversions")
struct ConversionTests {
    @Test(arguments: [
        Rational(3, 1024), Rational(-7, 3), Rational(1, 1 << 40), Rational(0, 1),
        Rational(Int.max, 3), Rational(-(1 << 53) - 1, 5),
    ])
    func nearestDoubleIsDoubleValue(value: Rational) {
        #expect(nearestDouble(value) == value.doubleValue)
    }
}
