import DenseLinearAlgebra
import DiagonalNetworks
import Foundation
import Testing

/// The 1×2 family A = [1, r], y = 1, x* = (1, 0), ϱ = r (DESIGN.md §1.3): the flow limit against the
/// asymptotic error formulas (1+r)·α^(1−r) for D = 2 and (1+r)·h_D(r)·α for D ≥ 3.
@Suite("[1, r] family")
struct FamilyAsymptoticsTests {
    static func limit(r: Double, depth: Int, alpha: Double) throws -> FlowLimit {
        let network = try DiagonalNetwork(matrix: Matrix([[1, r]]), observations: [1], depth: depth, alpha: alpha)
        return try FlowLimitSolver(network: network, reference: [1, 0]).solve()
    }

    @Test("D = 2: err ≈ (1+r)·α^(1−r)", arguments: [0.1, 0.3, 0.7], [1e-30, 1e-100, 1e-300])
    func depthTwo(r: Double, alpha: Double) throws {
        let limit = try Self.limit(r: r, depth: 2, alpha: alpha)
        let predicted = (1 + r) * pow(alpha, 1 - r)
        let error = try #require(limit.errorL1)
        #expect(abs(error / predicted - 1) < 1e-6, "r = \(r), α = \(alpha): \(error) vs \(predicted)")
        #expect(limit.parametrization == .supportAware)
    }

    @Test("D ≥ 3: err ≈ (1+r)·h_D(r)·α", arguments: [3, 4, 6], [1e-30, 1e-100, 1e-200])
    func deeper(depth: Int, alpha: Double) throws {
        for r in [0.0, 0.5, 0.9] {
            let limit = try Self.limit(r: r, depth: depth, alpha: alpha)
            let predicted = (1 + r) * DepthPotential(depth: depth).link(r) * alpha
            let error = try #require(limit.errorL1)
            if r == 0 {
                #expect(error == 0)
            } else {
                #expect(
                    abs(error / predicted - 1) < 1e-6, "D = \(depth), r = \(r), α = \(alpha): \(error) vs \(predicted)")
            }
        }
    }
}
