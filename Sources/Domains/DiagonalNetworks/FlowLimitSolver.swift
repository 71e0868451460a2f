import DenseLinearAlgebra
import ExactArithmetic
import Foundation

/// Computes the gradient-flow limit x_∞(α) = α·h_D(Aᵀλ*) without simulating the flow.
///
/// λ* minimizes the strictly convex dual Φ_α(λ) = α Σᵢ H_D((Aᵀλ)ᵢ) − ⟨λ, y⟩ (DESIGN.md §1.3); its
/// optimality condition is A x(λ) = y. The solver
/// 1. changes coordinates around the support of a reference basis pursuit solution x* when one is given
///    (`SupportCoordinates`), so that the off-support balance is solved on its own scale and, for D ≥ 3,
///    the distance t = 1 − σz of z_S to the boundary of the box is carried directly;
/// 2. follows λ*(α) by continuation in ln α from α = 1 (where λ = 0 is an interior starting point) down to
///    the target, with a tangent predictor dX/d ln α = −H⁻¹ ∂E/∂ln α and a damped Newton corrector (Armijo
///    backtracking on the scaled residual that also keeps |z| < 1); steps double after easy corrections and
///    shrink after failed ones. The Newton systems are symmetric positive definite: they are scaled to unit
///    diagonal and factored by `LDLDecomposition`.
///
/// With the support-aware coordinates, D = 2 works down to α = 1e-300 and D ≥ 3 far below 1e-100 in
/// double precision. Without a reference (or if A_S is not injective) the plain dual coordinates are used;
/// they are exact for moderate α but for D ≥ 3 lose the support once 1 − |z| nears 1e-16
/// (α^((D−2)/D) ≈ 1e-16), and then the continuation stops with ``DiagonalNetworkError/notConverged(_:)``.
public struct FlowLimitSolver: Sendable {
    /// The network (data, depth, scale).
    public let network: DiagonalNetwork
    /// The reference x* (the basis pursuit solution), if given.
    public let reference: [Double]?
    /// Newton stops when every scaled residual |Eᵢ|/(Hᵢᵢ·|dzᵢ/dXᵢ|) — about the distance to the root in
    /// coordinate i — is below this (default 1e-11).
    public var tolerance: Double = 1e-11
    let system: LimitSystem
    /// The power-of-two row scaling R the coordinates are built on (A' = R A, y' = R y, λ = R λ').
    let rows: RowEquilibration

    /// A solver in plain dual coordinates (no reference: no error is reported).
    public init(network: DiagonalNetwork) {
        let data = Self.equilibrated(network)
        self.init(
            network: network, reference: nil, rows: data.rows,
            coordinates: .plain(matrix: data.matrix, observations: data.observations))
    }

    /// The network's data with rows equilibrated by powers of two (x_∞ does not change; see
    /// `RowEquilibration` (DenseLinearAlgebra)).
    private static func equilibrated(
        _ network: DiagonalNetwork
    )
        -> (rows: RowEquilibration, matrix: Matrix<Double>, observations: [Double])
    {
        let rows = RowEquilibration(network.matrix)
        return (rows, rows.apply(network.matrix), rows.apply(network.observations))
    }

    /// A solver around a floating-point reference x*.
    ///
    /// With exact network data, x* is taken to be the exact solution rounded to doubles: A_S x*_S = y is
    /// checked in exact arithmetic, allowing only the residual that rounding x* can cause (so x* = 1/3 is
    /// accepted as fl(1/3), and an x* off by more than its rounding is not).
    /// - Parameters:
    ///   - network: the network (data, depth, α and convention) whose flow limit is sought.
    ///   - reference: the basis pursuit solution of the network's data (n entries).
    /// - Throws: ``DiagonalNetworkError/referenceLength(expected:found:)``,
    ///   ``DiagonalNetworkError/inconsistentReference(row:residual:)``.
    /// - Complexity: O(m²n) (exact rational operations when the network holds exact data).
    public init(network: DiagonalNetwork, reference: [Double]) throws(DiagonalNetworkError) {
        guard reference.count == network.matrix.columns else {
            throw .referenceLength(expected: network.matrix.columns, found: reference.count)
        }
        if let bad = reference.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteReference(index: bad) }
        let data = Self.equilibrated(network)
        let coordinates: SupportCoordinates? =
            if let exact = network.exactData {
                // A double x* is the exact solution rounded: judge A_S x*_S = y exactly, up to that rounding.
                try SupportCoordinates.supportAware(
                    matrix: exact.matrix, observations: exact.observations,
                    reference: reference.map { Rational(exactly: $0) ?? .zero }, accuracy: .roundedToDouble,
                    rounded: data.matrix)
            } else {
                try SupportCoordinates.supportAware(
                    matrix: network.matrix, observations: network.observations,
                    reference: reference, rounded: data.matrix)
            }
        self.init(
            network: network, reference: reference, rows: data.rows,
            coordinates: coordinates ?? .plain(matrix: data.matrix, observations: data.observations))
    }

    /// A solver around an exact reference x* (with exact network data the consistency A_S x*_S = y is
    /// checked exactly and the coordinates are formed exactly).
    /// - Throws: as ``init(network:reference:)``.
    public init(network: DiagonalNetwork, exactReference: [Rational]) throws(DiagonalNetworkError) {
        guard exactReference.count == network.matrix.columns else {
            throw .referenceLength(expected: network.matrix.columns, found: exactReference.count)
        }
        let exact =
            network.exactData
            ?? (
                network.matrix.map { Rational(exactly: $0) ?? .zero },
                network.observations.map { Rational(exactly: $0) ?? .zero }
            )
        let data = Self.equilibrated(network)
        let coordinates =
            try SupportCoordinates.supportAware(
                matrix: exact.matrix, observations: exact.observations, reference: exactReference, rounded: data.matrix)
            ?? .plain(matrix: data.matrix, observations: data.observations)
        self.init(
            network: network, reference: exactReference.map(\.doubleValue), rows: data.rows,
            coordinates: coordinates)
    }

    private init(
        network: DiagonalNetwork, reference: [Double]?, rows: RowEquilibration,
        coordinates: SupportCoordinates
    ) {
        self.network = network
        self.reference = reference
        self.rows = rows
        self.system = LimitSystem(coordinates: coordinates, potential: DepthPotential(depth: network.depth))
    }

    /// x_∞ at the network's own α.
    /// - Throws: ``DiagonalNetworkError/notConverged(_:)`` when the continuation cannot reach α.
    /// - Complexity: O(m²n) per Newton iteration; typically 5–20 continuation steps of 1–4 iterations.
    public func solve() throws(DiagonalNetworkError) -> FlowLimit {
        let (state, statistics) = try solveState()
        return result(state, statistics: statistics)
    }

    /// The converged state of the interpolation equations at the network's α, with iteration counts.
    func solveState() throws(DiagonalNetworkError) -> (LimitSystem.State, (iterations: Int, steps: Int)) {
        let target = network.logProductScale
        var logAlpha = max(0, target)
        var statistics = (iterations: 0, steps: 0)
        let start = Array(repeating: 0.0, count: system.dimension)
        guard case let .converged(initial, used) = corrector(from: start, logAlpha: logAlpha, maxIterations: 100) else {
            throw .notConverged("Newton at α = \(exp(logAlpha)) from λ = 0")
        }
        var state = initial
        statistics.iterations += used
        var step = -log(10.0)
        while logAlpha > target {
            let next = max(target, logAlpha + step)
            let delta = next - logAlpha
            var predicted = state.point
            if let tangent = newtonStep(state, rightHandSide: system.scaleDerivative(state)) {
                for k in predicted.indices { predicted[k] += delta * tangent.direction[k] }
            }
            if system.evaluate(predicted, logAlpha: next) == nil { predicted = state.point }
            switch corrector(from: predicted, logAlpha: next, maxIterations: 12) {
            case let .converged(newState, used):
                state = newState
                logAlpha = next
                statistics.iterations += used
                statistics.steps += 1
                if used <= 4 { step = max(2 * step, -200 * log(10.0)) }
            case let .failed(used):
                statistics.iterations += used
                step /= 4
                guard step < -1e-6 else {
                    throw .notConverged(failureHint(at: next))
                }
            }
        }
        // Polish at the target: a few more Newton steps well below the tolerance, kept if they help.
        if case let .converged(polished, used) = corrector(
            from: state.point, logAlpha: target,
            maxIterations: 3, tolerance: tolerance * 1e-3)
        {
            state = polished
            statistics.iterations += used
        }
        return (state, statistics)
    }

    private func failureHint(at logAlpha: Double) -> String {
        let alpha = exp(logAlpha)
        if system.coordinates.isPlain {
            return "the continuation in α stalled at α ≈ \(alpha) in plain dual coordinates; for small α pass the "
                + "basis pursuit solution x* as reference to use support-aware coordinates"
        }
        return "the continuation in α stalled at α ≈ \(alpha); check that the reference x* is the unique basis "
            + "pursuit solution (strict dual certificate), otherwise the off-support balance has no solution as α → 0"
    }

    enum Correction { case converged(LimitSystem.State, Int), failed(Int) }

    /// A Newton step and the residual scales at a state.
    struct Step {
        /// Δ(v, b).
        var direction: [Double]
        /// Hᵢᵢ·|dzᵢ/dXᵢ|: |Eᵢ|/scaleᵢ approximates the distance to the root in coordinate i.
        var scales: [Double]
    }

    /// Solves H·Δz = −rhs by LDLᵀ after the symmetric scaling to unit diagonal, then Δv = Δz_S/φ'(v).
    private func newtonStep(_ state: LimitSystem.State, rightHandSide: [Double]) -> Step? {
        let dim = system.dimension
        var h = system.hessian(state)
        let slopes = system.coordinateSlopes(state)
        var scaling = [Double](repeating: 0, count: dim), scales = scaling
        for i in 0..<dim {
            let diagonal = h[i * dim + i]
            guard diagonal > 0, diagonal.isFinite else { return nil }
            scaling[i] = 1 / diagonal.squareRoot()
            scales[i] = diagonal * abs(slopes[i])
        }
        for r in 0..<dim { for c in 0...r { h[r * dim + c] *= scaling[r] * scaling[c] } }
        guard let ldl = try? LDLDecomposition(symmetric: h, dimension: dim),
            let y = try? ldl.solve((0..<dim).map { -scaling[$0] * rightHandSide[$0] })
        else { return nil }
        return Step(direction: (0..<dim).map { scaling[$0] * y[$0] / slopes[$0] }, scales: scales)
    }

    /// Damped Newton at fixed α; converged when max |Eᵢ|/scaleᵢ ≤ tolerance, or when the residual has
    /// reached rounding level (≤ 1e-8) and no step decreases it any more.
    private func corrector(
        from point: [Double], logAlpha: Double, maxIterations: Int,
        tolerance: Double? = nil
    ) -> Correction {
        let tolerance = tolerance ?? self.tolerance
        guard var state = system.evaluate(point, logAlpha: logAlpha) else { return .failed(0) }
        for iteration in 0..<maxIterations {
            guard let step = newtonStep(state, rightHandSide: state.residual) else { return .failed(iteration) }
            let size = residualSize(state, scales: step.scales)
            if size <= tolerance { return .converged(state, iteration) }
            let merit = meritValue(state, scales: step.scales)
            var fraction = 1.0
            var accepted: LimitSystem.State?
            for _ in 0..<40 {
                let trial = state.point.indices.map { state.point[$0] + fraction * step.direction[$0] }
                if let candidate = system.evaluate(trial, logAlpha: logAlpha),
                    meritValue(candidate, scales: step.scales) <= (1 - 1e-4 * fraction) * merit
                {
                    accepted = candidate
                    break
                }
                fraction /= 2
            }
            guard let next = accepted else {
                return size <= 1e-8 ? .converged(state, iteration) : .failed(iteration)
            }
            state = next
        }
        return scaledResidualSize(state) <= self.tolerance ? .converged(state, maxIterations) : .failed(maxIterations)
    }

    private func residualSize(_ state: LimitSystem.State, scales: [Double]) -> Double {
        state.residual.indices.reduce(0) { max($0, abs(state.residual[$1]) / scales[$1]) }
    }

    private func meritValue(_ state: LimitSystem.State, scales: [Double]) -> Double {
        state.residual.indices.reduce(0) { $0 + (state.residual[$1] / scales[$1]) * (state.residual[$1] / scales[$1]) }
    }

    /// max |Eᵢ|/scaleᵢ at a state (∞ if the Hessian is not positive definite there).
    private func scaledResidualSize(_ state: LimitSystem.State) -> Double {
        guard let step = newtonStep(state, rightHandSide: state.residual) else { return .infinity }
        return residualSize(state, scales: step.scales)
    }

    private func result(_ state: LimitSystem.State, statistics: (iterations: Int, steps: Int)) -> FlowLimit {
        let c = system.coordinates
        let a = network.matrix
        let n = a.columns, s = c.support.count
        var x = [Double](repeating: 0, count: n)
        let e = state.offSupportValue
        for (i, j) in c.offSupport.enumerated() { x[j] = e[i] }
        // A_S⁺A_{Sᶜ}e = Mᵀe.
        let correction = s == 0 ? [] : c.supportCoupling.multiplyTransposed(e)
        for (k, j) in c.support.enumerated() { x[j] = c.referenceOnSupport[k] - correction[k] }
        // λ = P z_S + Q₂ b.
        var zS = [Double](repeating: 0, count: s)
        for k in 0..<s {
            zS[k] =
                system.potential.supportOffset(sign: c.signs[k])
                + system.potential.supportShift(state.point[k], sign: c.signs[k]).shift
        }
        var lambda = s == 0 ? Array(repeating: 0, count: a.rows) : c.supportDual.multiply(zS)
        let b = Array(state.point[s...])
        if !b.isEmpty {
            let q = c.complementDual.multiply(b)
            for i in lambda.indices { lambda[i] += q[i] }
        }
        lambda = rows.apply(lambda)
        let ax = a.multiply(x)
        let residual = scaledNorm2(ax.indices.map { ax[$0] - network.observations[$0] })
        let scaledResidual = scaledResidualSize(state)
        var errorL1: Double?, errorL2: Double?
        if let reference {
            let difference: [Double] =
                c.isPlain
                ? x.indices.map { x[$0] - reference[$0] }
                : e + correction
            errorL1 = difference.reduce(0) { $0 + abs($1) }
            errorL2 = scaledNorm2(difference)
        }
        return FlowLimit(
            x: x, lambda: lambda, residual: residual, scaledResidual: scaledResidual,
            newtonIterations: statistics.iterations, continuationSteps: statistics.steps,
            parametrization: c.isPlain ? .dual : .supportAware, supportCoordinates: Array(state.point[0..<s]),
            errorL1: errorL1, errorL2: errorL2)
    }
}

/// ‖v‖₂ computed as max|vᵢ|·‖v/max|vᵢ|‖₂, so that entries of size 1e-200 do not underflow when squared.
func scaledNorm2(_ v: [Double]) -> Double {
    let largest = v.lazy.map(abs).max() ?? 0
    guard largest > 0, largest.isFinite else { return largest }
    return largest * v.reduce(0) { $0 + ($1 / largest) * ($1 / largest) }.squareRoot()
}
