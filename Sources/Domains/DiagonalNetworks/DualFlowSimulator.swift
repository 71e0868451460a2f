import DenseLinearAlgebra
import Foundation

/// Gradient flow integrated in the m-dimensional dual coordinates, with an adaptive stiff integrator.
///
/// By the closed form (DESIGN.md §1.3), x(t) = α·h_D(κ·Aᵀν(t)) where s(t) = Aᵀν(t) = −∫₀ᵗ g and
/// κ = 4 (D = 2) or D(D−2)α^((D−2)/D) (D ≥ 3), so the 2n-dimensional flow on (u, v) reduces to
/// ν̇ = y − A·x(ν), ν(0) = 0, with Jacobian −κ·A·diag(α h_D'(z))·Aᵀ. Near convergence this system is stiff
/// (the Jacobian's eigenvalues spread over many orders), so it is integrated with the linearly implicit
/// Rosenbrock 2(3) pair of Shampine & Reichelt (MATLAB's ode23s): L-stable, one LU per step, embedded
/// third-order error estimate, step size control on max |errᵢ|/(atol + rtol·|νᵢ|).
public struct DualFlowSimulator: Sendable {
    /// The network.
    public let network: DiagonalNetwork
    /// Relative local error tolerance (default 1e-9).
    public var relativeTolerance: Double = 1e-9
    /// Absolute local error tolerance (default 1e-12).
    public var absoluteTolerance: Double = 1e-12

    /// A simulator for a network.
    public init(network: DiagonalNetwork) { self.network = network }

    /// Integrates from t = 0 until the residual tolerance or the step cap of `options`.
    /// - Throws: ``DiagonalNetworkError/notConverged(_:)`` if the step size underflows; the errors of an
    ///   invalid `options.reference` (wrong length, not finite).
    /// - Complexity: O(m²n + m³) per step.
    public func run(options: SimulationOptions = SimulationOptions()) throws(DiagonalNetworkError) -> SimulationResult {
        try options.validate(columns: network.matrix.columns)
        let a = network.matrix, y = network.observations
        let potential = DepthPotential(depth: network.depth)
        let logAlpha = network.logProductScale
        let kappa = potential.flowTimeScale(logAlpha: logAlpha)
        let m = a.rows
        let yNorm = scaledNorm2(y)

        /// x(ν), α h'(z) and the right-hand side y − A x, or nil outside the domain.
        func evaluate(_ nu: [Double]) -> (x: [Double], slope: [Double], rhs: [Double])? {
            let z = a.multiplyTransposed(nu)
            var x = [Double](repeating: 0, count: z.count), slope = x
            for i in z.indices {
                let zi = kappa * z[i]
                guard potential.contains(zi) else { return nil }
                (x[i], slope[i]) = potential.scaledLink(zi, logAlpha: logAlpha)
            }
            let ax = a.multiply(x)
            return (x, slope, y.indices.map { y[$0] - ax[$0] })
        }

        let d = 1 / (2 + 2.0.squareRoot()), e32 = 6 + 2.0.squareRoot()
        var nu = [Double](repeating: 0, count: m)
        guard var current = evaluate(nu) else { throw .notConverged("the flow's starting point is outside the domain") }
        var time = 0.0, h = 1e-6, steps = 0, rejected = 0
        var samples: [TrajectorySample] = []
        if options.sampleInterval > 0 {
            samples.append(options.sample(time: 0, step: 0, x: current.x, residual: current.rhs.map { -$0 }))
        }
        var converged = scaledNorm2(current.rhs) <= options.residualTolerance * yNorm
        while !converged && steps < options.maxSteps {
            // W = I + h·d·κ·A diag(slope) Aᵀ is symmetric positive definite.
            var w = [Double](repeating: 0, count: m * m)
            let entries = a.elements, n = a.columns
            for i in 0..<m {
                for j in 0...i {
                    var sum = 0.0
                    for k in 0..<n { sum += entries[i * n + k] * current.slope[k] * entries[j * n + k] }
                    w[i * m + j] = h * d * kappa * sum + (i == j ? 1 : 0)
                }
            }
            guard let ldl = try? LDLDecomposition(symmetric: w, dimension: m) else {
                throw .notConverged("the Rosenbrock matrix is not positive definite at t = \(time)")
            }
            let solve: ([Double]) -> [Double] = { (try? ldl.solve($0)) ?? $0 }
            let f0 = current.rhs
            let k1 = solve(f0)
            var attempt: (nu: [Double], state: (x: [Double], slope: [Double], rhs: [Double]), error: Double)?
            if let stage = evaluate(nu.indices.map { nu[$0] + 0.5 * h * k1[$0] }) {
                let f1 = stage.rhs
                let k2 = zip(solve(zip(f1, k1).map { $0 - $1 }), k1).map { $0 + $1 }
                let next = nu.indices.map { nu[$0] + h * k2[$0] }
                if let end = evaluate(next) {
                    let f2 = end.rhs
                    let k3 = solve(f2.indices.map { f2[$0] - e32 * (k2[$0] - f1[$0]) - 2 * (k1[$0] - f0[$0]) })
                    var error = 0.0
                    for i in 0..<m {
                        let local = h / 6 * abs(k1[i] - 2 * k2[i] + k3[i])
                        let scale = absoluteTolerance + relativeTolerance * max(abs(nu[i]), abs(next[i]))
                        error = max(error, local / scale)
                    }
                    attempt = (next, end, error)
                }
            }
            guard let accepted = attempt, accepted.error <= 1 else {
                rejected += 1
                let error = attempt?.error ?? .infinity
                h *= error.isFinite ? max(0.1, 0.8 * pow(error, -1.0 / 3)) : 0.25
                guard h > 1e-300 else { throw .notConverged("the step size underflowed at t = \(time)") }
                continue
            }
            time += h
            steps += 1
            nu = accepted.nu
            current = accepted.state
            h *= min(5, max(0.2, 0.8 * pow(max(accepted.error, 1e-12), -1.0 / 3)))
            converged = scaledNorm2(current.rhs) <= options.residualTolerance * yNorm
            if options.sampleInterval > 0, steps % options.sampleInterval == 0 || converged {
                samples.append(options.sample(time: time, step: steps, x: current.x, residual: current.rhs.map { -$0 }))
            }
        }
        return SimulationResult(
            x: current.x, time: time, steps: steps, rejectedSteps: rejected,
            residual: scaledNorm2(current.rhs), converged: converged, samples: samples,
            reference: options.reference)
    }
}
