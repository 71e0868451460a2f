import DenseLinearAlgebra
import DiagonalNetworks
import Foundation
import Testing

/// The closed-form trajectory x(t) = α·h_D(κ·s(t)), s(t) = −∫₀ᵗ g, against direct integration of the
/// 2n-dimensional flow on (u, v) (classical RK4 on (u, v, s) with a small fixed step), and the flow's end
/// against the limit solver.
@Suite("Closed forms vs the (u, v) flow")
struct ClosedFormTests {
    /// Integrates u̇ = −D u^(D−1) g, v̇ = D v^(D−1) g, ṡ = −g by RK4 up to time T.
    static func integrate(
        _ network: DiagonalNetwork, until end: Double, step: Double
    ) -> (u: [Double], v: [Double], s: [Double]) {
        let a = network.matrix, y = network.observations, d = Double(network.depth), n = a.columns
        func rate(_ state: [Double]) -> [Double] {
            let x = (0..<n).map { pow(state[$0], d) - pow(state[n + $0], d) }
            let ax = a.multiply(x)
            let g = a.multiplyTransposed(ax.indices.map { ax[$0] - y[$0] })
            return (0..<n).map { -d * pow(state[$0], d - 1) * g[$0] }
                + (0..<n).map { d * pow(state[n + $0], d - 1) * g[$0] }
                + g.map { -$0 }
        }
        var state = Array(repeating: network.factorScale, count: 2 * n) + Array(repeating: 0, count: n)
        var time = 0.0
        while time < end - 1e-12 {
            let h = min(step, end - time)
            let k1 = rate(state)
            let k2 = rate(state.indices.map { state[$0] + h / 2 * k1[$0] })
            let k3 = rate(state.indices.map { state[$0] + h / 2 * k2[$0] })
            let k4 = rate(state.indices.map { state[$0] + h * k3[$0] })
            for i in state.indices { state[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) }
            time += h
        }
        return (Array(state[0..<n]), Array(state[n..<(2 * n)]), Array(state[(2 * n)...]))
    }

    @Test("x(t) = α·h_D(κ s(t)) along the trajectory", arguments: [2, 3, 4, 5])
    func closedForm(depth: Int) throws {
        let instance = TestInstances.recoverable(rows: 3, columns: 7, sparsity: 1, seed: 11)
        let network = try TestInstances.network(instance, depth: depth, alpha: 0.3)
        let potential = DepthPotential(depth: depth)
        let kappa = potential.flowTimeScale(logAlpha: network.logProductScale)
        for end in [0.05, 0.4] {
            let (u, v, s) = Self.integrate(network, until: end, step: 1e-4)
            for i in u.indices {
                let direct = pow(u[i], Double(depth)) - pow(v[i], Double(depth))
                let closed = network.productScale * potential.link(kappa * s[i])
                #expect(abs(direct - closed) <= 1e-9 * max(1, abs(direct)), "D = \(depth), t = \(end), i = \(i)")
            }
        }
    }

    @Test("the (u, v) flow ends at the limit solver's x_∞", arguments: [2, 3])
    func limit(depth: Int) throws {
        let instance = TestInstances.recoverable(rows: 2, columns: 4, sparsity: 1, seed: 5)
        let network = try TestInstances.network(instance, depth: depth, alpha: 0.5)
        let newton = try FlowLimitSolver(network: network).solve()
        let (u, v, _) = Self.integrate(network, until: 60, step: 1e-3)
        let direct = u.indices.map { pow(u[$0], Double(depth)) - pow(v[$0], Double(depth)) }
        #expect(TestInstances.maxDifference(direct, newton.x) < 1e-7)
    }
}
