import Foundation

/// Plain gradient descent on the factors (u, v), as practitioners train a diagonal network.
///
/// u ← u − η·D·u^(D−1) ⊙ g, v ← v + η·D·v^(D−1) ⊙ g, g = Aᵀ(A x − y), x = u^D − v^D, from
/// u = v = α_prod^(1/D)·𝟙. Its limit differs from the gradient-flow limit by O(η); the flow is the η → 0
/// limit. Reaching the limit takes ~log(1/α)/η iterations for D = 2 and ~α^(−(D−2)/D)/η for D ≥ 3.
public struct GradientDescentSimulator: Sendable {
    /// The network.
    public let network: DiagonalNetwork
    /// The step size η.
    public let step: Double

    /// A simulator with step size η.
    /// - Throws: ``DiagonalNetworkError/invalidStep(_:)`` unless 0 < η < ∞.
    public init(network: DiagonalNetwork, step: Double) throws(DiagonalNetworkError) {
        guard step.isFinite, step > 0 else { throw .invalidStep(step) }
        self.network = network
        self.step = step
    }

    /// Runs until the residual tolerance or the iteration cap of `options`.
    /// - Throws: ``DiagonalNetworkError/notConverged(_:)`` when the iterates blow up (η too large); the errors
    ///   of an invalid `options.reference` (wrong length, not finite).
    /// - Complexity: O(m·n) per iteration.
    public func run(options: SimulationOptions = SimulationOptions()) throws(DiagonalNetworkError) -> SimulationResult {
        try options.validate(columns: network.matrix.columns)
        let a = network.matrix, y = network.observations
        let depth = network.depth, n = a.columns
        let start = network.factorScale
        var u = [Double](repeating: start, count: n), v = u
        let yNorm = scaledNorm2(y)
        func output() -> [Double] { (0..<n).map { pow(u[$0], Double(depth)) - pow(v[$0], Double(depth)) } }
        var x = output()
        var residual = [Double](repeating: 0, count: a.rows)
        var samples: [TrajectorySample] = []
        var iteration = 0
        var converged = false
        while true {
            let ax = a.multiply(x)
            residual = ax.indices.map { ax[$0] - y[$0] }
            let norm = scaledNorm2(residual)
            guard norm.isFinite else {
                throw .notConverged("gradient descent diverged at iteration \(iteration); use a smaller η")
            }
            converged = norm <= options.residualTolerance * yNorm
            let record = options.sampleInterval > 0 && (iteration % options.sampleInterval == 0 || converged)
            if record {
                samples.append(
                    options.sample(time: Double(iteration) * step, step: iteration, x: x, residual: residual))
            }
            if converged || iteration >= options.maxSteps { break }
            let g = a.multiplyTransposed(residual)
            let factor = step * Double(depth)
            for i in 0..<n {
                u[i] -= factor * pow(u[i], Double(depth - 1)) * g[i]
                v[i] += factor * pow(v[i], Double(depth - 1)) * g[i]
            }
            x = output()
            iteration += 1
        }
        return SimulationResult(
            x: x, time: Double(iteration) * step, steps: iteration, rejectedSteps: 0,
            residual: scaledNorm2(residual), converged: converged, samples: samples,
            reference: options.reference)
    }
}
