/// One sampled point of a training run, for plots.
public struct TrajectorySample: Sendable, Codable, Equatable {
    /// Flow time t (for gradient descent: iteration × η).
    public let time: Double
    /// Gradient-descent iteration or integrator step.
    public let step: Int
    /// ½‖A x(t) − y‖².
    public let loss: Double
    /// ‖x(t) − x*‖₁ when a reference was given.
    public let errorL1: Double?
    /// Number of coordinates with |xᵢ(t)| ≥ the activity threshold.
    public let activeCount: Int
}

/// The end of a simulated training run and, if requested, its sampled trajectory.
public struct SimulationResult: Sendable {
    /// x at the end of the run.
    public let x: [Double]
    /// Flow time reached (gradient descent: iterations × η).
    public let time: Double
    /// Accepted integrator steps or gradient-descent iterations.
    public let steps: Int
    /// Rejected integrator steps (0 for gradient descent).
    public let rejectedSteps: Int
    /// ‖A x − y‖₂ at the end.
    public let residual: Double
    /// Whether the stopping tolerance on the residual was reached (otherwise a step or time cap stopped it).
    public let converged: Bool
    /// Samples along the way (empty unless requested).
    public let samples: [TrajectorySample]
    /// ‖x − x*‖₁ at the end, when `SimulationOptions.reference` was given.
    public let errorL1: Double?
    /// ‖x − x*‖₂ at the end (scaled against underflow), when a reference was given.
    public let errorL2: Double?

    init(
        x: [Double], time: Double, steps: Int, rejectedSteps: Int, residual: Double, converged: Bool,
        samples: [TrajectorySample], reference: [Double]?
    ) {
        self.x = x
        self.time = time
        self.steps = steps
        self.rejectedSteps = rejectedSteps
        self.residual = residual
        self.converged = converged
        self.samples = samples
        let difference = reference.map { r in x.indices.map { x[$0] - r[$0] } }
        self.errorL1 = difference.map { $0.reduce(0) { $0 + abs($1) } }
        self.errorL2 = difference.map(scaledNorm2)
    }
}

/// What to record along a simulated run and when to stop it.
public struct SimulationOptions: Sendable {
    /// Stop when ‖A x − y‖₂ ≤ residualTolerance·‖y‖₂.
    public var residualTolerance: Double = 1e-10
    /// Stop after this many accepted steps or iterations.
    public var maxSteps: Int = 1_000_000
    /// The reference x* for the error samples, if any.
    public var reference: [Double]?
    /// |xᵢ| at or above this counts as active.
    public var activityThreshold: Double = 1e-6
    /// Record a sample every this many steps (0: record nothing).
    public var sampleInterval: Int = 0

    /// Options with the defaults above.
    public init() {}
}

extension SimulationOptions {
    /// Checks the options against a network with n columns.
    /// - Throws: ``DiagonalNetworkError/referenceLength(expected:found:)`` or
    ///   ``DiagonalNetworkError/nonFiniteReference(index:)``.
    func validate(columns: Int) throws(DiagonalNetworkError) {
        guard let reference else { return }
        guard reference.count == columns else { throw .referenceLength(expected: columns, found: reference.count) }
        if let bad = reference.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteReference(index: bad) }
    }

    /// The sample at one point of a run.
    func sample(time: Double, step: Int, x: [Double], residual: [Double]) -> TrajectorySample {
        let loss = residual.reduce(0) { $0 + $1 * $1 } / 2
        let error = reference.map { r in x.indices.reduce(0.0) { $0 + abs(x[$1] - r[$1]) } }
        return TrajectorySample(
            time: time, step: step, loss: loss, errorL1: error,
            activeCount: x.filter { abs($0) >= activityThreshold }.count)
    }
}
