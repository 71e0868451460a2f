import DenseLinearAlgebra
import DiagonalNetworks
import Foundation
import Testing

/// A = [[1, 1, 1], [1, 0, −1]], y = (1, 0.2): the BP minimizers are (0.2+t, 0.8−2t, t), t ∈ [0, 0.4], and
/// the flow selects t ≈ 0.23837 (D = 2), 0.23999 (D = 3), 0.24078 (D = 4).
@Suite("Non-unique basis pursuit: depth-dependent selection")
struct NonUniqueSelectionTests {
    static let matrix = try! Matrix<Double>([[1, 1, 1], [1, 0, -1]])

    @Test("the selected minimizer", arguments: [(2, 0.23837), (3, 0.23999), (4, 0.24078)])
    func selected(depth: Int, expected: Double) throws {
        let selected = try SelectedMinimizer(matrix: Self.matrix, depth: depth, interiorPoint: [0.4, 0.4, 0.2])
        #expect(abs(selected.x[2] - expected) < 5e-6)
        #expect(abs(selected.x[0] - 0.2 - selected.x[2]) < 1e-12)
        #expect(abs(selected.x[1] - 0.8 + 2 * selected.x[2]) < 1e-12)
    }

    @Test("D = 2: closed form of the entropy selection, 3t² − 3.4t + 0.64 = 0")
    func closedForm() throws {
        let selected = try SelectedMinimizer(matrix: Self.matrix, depth: 2, interiorPoint: [0.3, 0.6, 0.1])
        #expect(abs(selected.x[2] - (3.4 - (3.4 * 3.4 - 12 * 0.64).squareRoot()) / 6) < 1e-12)
    }

    @Test("x_∞(α) tends to the selected minimizer as α → 0", arguments: [2, 3, 4])
    func flowLimit(depth: Int) throws {
        let selected = try SelectedMinimizer(matrix: Self.matrix, depth: depth, interiorPoint: [0.4, 0.4, 0.2])
        var previous = Double.infinity
        for alpha in [1e-3, 1e-6, 1e-12] {
            let network = try DiagonalNetwork(matrix: Self.matrix, observations: [1, 0.2], depth: depth, alpha: alpha)
            let limit = try FlowLimitSolver(network: network).solve()
            let distance = TestInstances.maxDifference(limit.x, selected.x)
            #expect(distance < previous, "D = \(depth), α = \(alpha)")
            previous = distance
        }
        #expect(previous < (depth == 2 ? 2e-2 : 1e-3), "D = \(depth): distance \(previous) at α = 1e-12")
    }

    @Test("a reference on the face falls back to plain coordinates (A_S not injective)")
    func fallback() throws {
        let network = try DiagonalNetwork(matrix: Self.matrix, observations: [1, 0.2], depth: 2, alpha: 1e-4)
        let limit = try FlowLimitSolver(network: network, reference: [0.4, 0.4, 0.2]).solve()
        #expect(limit.parametrization == .dual)
        #expect(try #require(limit.errorL1) > 0)
    }
}
