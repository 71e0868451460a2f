import DenseLinearAlgebra
import DiagonalNetworks
import Foundation
import Testing

/// Gradient descent with step η ends O(η) away from the flow limit; trajectories are sampled.
@Suite("Simulation")
struct SimulationTests {
    @Test("gradient descent's limit is O(η) from the flow limit", arguments: [2, 3])
    func stepBias(depth: Int) throws {
        let instance = TestInstances.recoverable(rows: 2, columns: 5, sparsity: 1, seed: 3)
        let network = try TestInstances.network(instance, depth: depth, alpha: 0.1)
        let flow = try FlowLimitSolver(network: network).solve()
        var options = SimulationOptions()
        options.residualTolerance = 1e-13
        var gaps: [Double] = []
        for eta in [0.02, 0.01] {
            let run = try GradientDescentSimulator(network: network, step: eta).run(options: options)
            #expect(run.converged)
            gaps.append(TestInstances.maxDifference(run.x, flow.x))
        }
        #expect(gaps[0] > 1e-6)
        #expect(abs(gaps[0] / gaps[1] - 2) < 0.2, "gaps \(gaps) should halve with η")
    }

    @Test("the dual flow's trajectory: loss decreases, the error tends to the limit's")
    func trajectory() throws {
        let instance = TestInstances.recoverable(rows: 4, columns: 10, sparsity: 2, seed: 21)
        let network = try TestInstances.network(instance, depth: 2, alpha: 1e-3)
        var options = SimulationOptions()
        options.reference = instance.sparseSolution
        options.sampleInterval = 1
        options.activityThreshold = 0.5
        let run = try DualFlowSimulator(network: network).run(options: options)
        let limit = try FlowLimitSolver(network: network, reference: instance.sparseSolution).solve()
        #expect(run.samples.count == run.steps + 1)
        #expect(run.samples.first?.activeCount == 0)
        #expect(run.samples.last?.activeCount == 2)
        #expect(run.samples.last!.loss < 1e-18)
        let finalError = try #require(run.samples.last?.errorL1)
        #expect(abs(finalError - limit.errorL1!) < 1e-8)
    }
}
