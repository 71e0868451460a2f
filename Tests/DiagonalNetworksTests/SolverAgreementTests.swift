import DenseLinearAlgebra
import DiagonalNetworks
import ExactArithmetic
import Foundation
import Testing

/// Independent routes to x_∞(α) agree: Newton in plain and in support-aware coordinates, the integrated
/// dual flow, and exact versus floating-point set-up.
@Suite("Limit solver agreement")
struct SolverAgreementTests {
    @Test("Newton vs the integrated dual flow (Rosenbrock)", arguments: [2, 3, 4], [1e-2, 1e-3])
    func newtonVersusFlow(depth: Int, alpha: Double) throws {
        let instance = TestInstances.recoverable(rows: 4, columns: 10, sparsity: 2, seed: 21)
        let network = try TestInstances.network(instance, depth: depth, alpha: alpha)
        let newton = try FlowLimitSolver(network: network, reference: instance.sparseSolution).solve()
        var options = SimulationOptions()
        options.residualTolerance = 1e-13
        let flow = try DualFlowSimulator(network: network).run(options: options)
        #expect(flow.converged)
        #expect(TestInstances.maxDifference(flow.x, newton.x) < 1e-8, "D = \(depth), α = \(alpha)")
    }

    @Test("plain and support-aware coordinates agree where both are accurate", arguments: [2, 3, 4])
    func coordinates(depth: Int) throws {
        let instance = TestInstances.recoverable(rows: 5, columns: 12, sparsity: 2, seed: 33)
        let network = try TestInstances.network(instance, depth: depth, alpha: 1e-3)
        let plain = try FlowLimitSolver(network: network).solve()
        let aware = try FlowLimitSolver(network: network, reference: instance.sparseSolution).solve()
        #expect(plain.parametrization == .dual)
        #expect(aware.parametrization == .supportAware)
        #expect(plain.supportCoordinates.isEmpty)
        #expect(aware.supportCoordinates.count == instance.sparseSolution.filter { $0 != 0 }.count)
        #expect(TestInstances.maxDifference(plain.x, aware.x) < 1e-10)
        #expect(plain.residual < 1e-12 && aware.residual < 1e-12)
    }

    @Test(
        "the support coordinates reproduce x_S and z_S (v = z_S for D = 2, v = ln(1 − σz_S) for D ≥ 3)",
        arguments: [2, 3, 4], [1e-3, 1e-100])
    func supportCoordinates(depth: Int, alpha: Double) throws {
        let instance = TestInstances.recoverable(rows: 5, columns: 12, sparsity: 2, seed: 33)
        let network = try TestInstances.network(instance, depth: depth, alpha: alpha)
        let limit = try FlowLimitSolver(network: network, reference: instance.sparseSolution).solve()
        let support = instance.sparseSolution.indices.filter { instance.sparseSolution[$0] != 0 }
        try #require(limit.supportCoordinates.count == support.count)
        let z = network.matrix.multiplyTransposed(limit.lambda)
        let logAlpha = network.logProductScale
        for (k, j) in support.enumerated() {
            let v = limit.supportCoordinates[k], sign = instance.sparseSolution[j] > 0 ? 1.0 : -1.0
            let x = TestInstances.supportOutput(depth: depth, coordinate: v, sign: sign, logAlpha: logAlpha)
            #expect(abs(x / limit.x[j] - 1) < 1e-9, "D = \(depth), α = \(alpha), j = \(j)")
            let inverse = DepthPotential(depth: depth).supportCoordinate(ofValue: limit.x[j], logAlpha: logAlpha)
            #expect(abs(inverse - v) <= 1e-9 * max(1, abs(v)), "D = \(depth), α = \(alpha), j = \(j)")
            let decoded = depth == 2 ? v : sign * (1 - exp(v))
            #expect(abs(decoded - z[j]) <= 1e-9 * max(1, abs(z[j])), "D = \(depth), α = \(alpha), j = \(j)")
        }
    }

    @Test("exact and floating-point data give the same limit at α = 1e-100", arguments: [2, 3, 5])
    func exactData(depth: Int) throws {
        let instance = TestInstances.recoverable(rows: 4, columns: 9, sparsity: 2, seed: 44)
        let exactNetwork = try DiagonalNetwork(
            exactMatrix: instance.exactMatrix, observations: instance.observations.map { Rational(exactly: $0)! },
            depth: depth, alpha: 1e-100)
        let exact = try FlowLimitSolver(
            network: exactNetwork,
            exactReference: instance.sparseSolution.map { Rational(exactly: $0)! }
        ).solve()
        let floating = try FlowLimitSolver(
            network: TestInstances.network(instance, depth: depth, alpha: 1e-100),
            reference: instance.sparseSolution
        ).solve()
        let e1 = try #require(exact.errorL1), e2 = try #require(floating.errorL1)
        #expect(abs(e1 / e2 - 1) < 1e-9)
        #expect(e1 > 0)
    }

    @Test("errors scale as predicted on a random instance: slope 1 for D ≥ 3")
    func linearRate() throws {
        let instance = TestInstances.recoverable(rows: 5, columns: 12, sparsity: 2, seed: 8)
        for depth in [3, 4, 6] {
            let network = try TestInstances.network(instance, depth: depth, alpha: 1e-30)
            let barrier = try BarrierCertificate(network: network, reference: instance.sparseSolution)
            #expect(barrier.offSupportMaximum < 1)
            for alpha in [1e-30, 1e-100] {
                let limit = try FlowLimitSolver(network: network.with(alpha: alpha), reference: instance.sparseSolution)
                    .solve()
                let error = try #require(limit.errorL1)
                let tolerance = 10 * pow(alpha, Double(depth - 2) / Double(depth))
                #expect(
                    abs(error / (barrier.limitConstant * alpha) - 1) < max(tolerance, 1e-9),
                    "D = \(depth), α = \(alpha)")
            }
        }
    }
}
