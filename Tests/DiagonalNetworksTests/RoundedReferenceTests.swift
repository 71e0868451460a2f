import DenseLinearAlgebra
import DiagonalNetworks
import ExactArithmetic
import ProblemData
import Testing

/// With exact data, a double x* is the exact solution rounded: A_S x*_S = y is judged exactly up to that
/// rounding, so x* = 1/3 works and an x* off by more than its rounding does not (issue 9, item 11).
@Suite("Rounded references on exact data")
struct RoundedReferenceTests {
    @Test("x* = 1/3 rounded: the solver and the barrier certificate accept it", arguments: [2, 3, 4])
    func third(depth: Int) throws {
        let network = try DiagonalNetwork(
            exactMatrix: try Matrix([[3, 1, 1]]), observations: [1], depth: depth,
            alpha: 1e-20)
        let reference = [1.0 / 3, 0, 0]
        let rounded = try FlowLimitSolver(network: network, reference: reference).solve()
        let exact = try FlowLimitSolver(network: network, exactReference: [Rational(1, 3), 0, 0]).solve()
        let error = try #require(rounded.errorL1), exactError = try #require(exact.errorL1)
        #expect(abs(error / exactError - 1) < 1e-12)
        if depth >= 3 {
            let barrier = try BarrierCertificate(network: network, reference: reference)
            #expect(abs(barrier.limitConstant - error / 1e-20) <= 1e-6 * barrier.limitConstant)
        }
    }

    @Test("an x* off by more than its rounding is refused", arguments: [0.3334, (1.0 / 3).nextUp.nextUp.nextUp])
    func offByMore(entry: Double) throws {
        let network = try DiagonalNetwork(
            exactMatrix: try Matrix([[3, 1, 1]]), observations: [1], depth: 3,
            alpha: 1e-3)
        let error = #expect(throws: DiagonalNetworkError.self) {
            try FlowLimitSolver(network: network, reference: [entry, 0, 0])
        }
        guard case .inconsistentReference = error else { Issue.record("got \(String(describing: error))"); return }
    }

    /// Random 10×30 instances with the columns multiplied by 3 exactly: x* = x₀/3 is no double.
    @Test("random 10×30 with x* = x₀/3: barrier certificates for D = 3", arguments: 0..<6)
    func random(seed: UInt64) throws {
        let instance = TestInstances.recoverable(rows: 10, columns: 30, sparsity: 3, seed: 700 + seed)
        let third = Rational(1, 3)
        let scaled = instance.exactMatrix.map { $0 * 3 }
        let xStar = instance.exactSolution.map { $0 * third }
        let network = try DiagonalNetwork(
            exactMatrix: scaled, observations: instance.exactObservations, depth: 3,
            alpha: 1e-12)
        let barrier = try BarrierCertificate(network: network, reference: xStar.map(\.doubleValue))
        let limit = try FlowLimitSolver(network: network, exactReference: xStar).solve()
        let error = try #require(limit.errorL1)
        #expect(barrier.offSupportMaximum < 1)
        #expect(abs(error / 1e-12 / barrier.limitConstant - 1) < 1e-3)
    }
}
