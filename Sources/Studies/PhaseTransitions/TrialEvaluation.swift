import DenseLinearAlgebra
import DiagonalNetworks
import ExactArithmetic
import ProblemData
import SparseRecovery

/// What one instance gave: basis pursuit's answer and each flow limit's, judged against x₀.
struct TrialOutcome: Sendable {
    /// BP recovered x₀: ‖x̂ − x₀‖₂ ≤ threshold·‖x₀‖₂, or with `exact` x̂ = x₀ proven exactly and uniquely.
    var recovered = false
    /// ‖x̂ − x₀‖₂/‖x₀‖₂ (`nil` when BP gave no minimizer).
    var relativeError: Double?
    /// With `exact`: the exact verification did not pass (the trial counts as not recovered).
    var unverified = false
    /// BP failed (a numerical failure, an infeasible system or a non-finite x̂); the trial counts as not recovered.
    var failed = false
    /// One entry per ``PhaseGrid/flowSettings``; `nil` where the limit solver failed.
    var flows: [FlowOutcome?] = []
}

/// One flow limit x_∞(α) of one instance (a limit with a non-finite entry counts as a failed solve).
struct FlowOutcome: Sendable {
    /// ‖x_∞ − x₀‖₂ ≤ threshold·‖x₀‖₂.
    var recovered: Bool
    /// ‖x_∞ − x₀‖₂/‖x₀‖₂.
    var relativeError: Double
    /// ‖x_∞ − x̂‖₂/‖x̂‖₂, the distance to the BP solution (`nil` when BP gave none).
    var distanceToBasisPursuit: Double?
}

/// Runs basis pursuit and the flow limits on one instance.
struct TrialEvaluation: Sendable {
    let grid: PhaseGrid
    var threshold: Double { grid.threshold }

    /// The outcome of one trial.
    /// - Throws: ``PhaseTransitionError`` only when the instance cannot be drawn; solver failures are
    ///   recorded in the outcome.
    /// - Complexity: one BP LP (m×2n; plus the exact re-verification with `exact`) and, per flow setting, one
    ///   continuation of O(m²n) Newton steps.
    func run(_ problem: Problem) -> TrialOutcome {
        let truth = (problem.groundTruth ?? []).map(nearestDouble)
        let a = problem.matrix.map(nearestDouble)
        let y = problem.observations.map(nearestDouble)
        var outcome = TrialOutcome()
        var reference: [Double]?
        if grid.exact {
            let options = BasisPursuitOptions()
            let bp = BasisPursuitProblem(matrix: problem.matrix, observations: problem.observations)
            if let solution = try? BasisPursuit.solveExactly(bp, options: options), solution.solution.status == .optimal
            {
                let x = solution.solution.x
                reference = x.map(\.doubleValue)
                outcome.unverified = !solution.verified
                outcome.recovered =
                    solution.verified && x == problem.groundTruth
                    && solution.solution.uniqueness?.isUnique == true
            } else {
                outcome.failed = true
            }
        } else {
            var options = BasisPursuitOptions()
            options.analyzeUniqueness = false
            if let solution = try? BasisPursuit.solve(
                BasisPursuitProblem(matrix: a, observations: y), options: options),
                solution.status == .optimal, solution.x.allSatisfy(\.isFinite)
            {
                reference = solution.x
            } else {
                outcome.failed = true
            }
        }
        if let reference {
            let error = relativeDistance(reference, truth)
            outcome.relativeError = error
            if !grid.exact { outcome.recovered = error <= threshold }
        }
        outcome.flows = flows(a, y, reference: reference, truth: truth)
        return outcome
    }

    private func flows(_ a: Matrix<Double>, _ y: [Double], reference: [Double]?, truth: [Double]) -> [FlowOutcome?] {
        let settings = grid.flowSettings
        guard let first = settings.first,
            let base = try? DiagonalNetwork(matrix: a, observations: y, depth: first.depth, alpha: first.alpha)
        else {
            return settings.map { _ in nil }
        }
        return settings.map { setting in
            guard let network = try? base.with(depth: setting.depth).with(alpha: setting.alpha) else { return nil }
            let solver: FlowLimitSolver
            if let reference, let aware = try? FlowLimitSolver(network: network, reference: reference) {
                solver = aware
            } else {
                solver = FlowLimitSolver(network: network)
            }
            guard let limit = try? solver.solve(), limit.x.allSatisfy(\.isFinite) else { return nil }
            let error = relativeDistance(limit.x, truth)
            return FlowOutcome(
                recovered: error <= threshold, relativeError: error,
                distanceToBasisPursuit: reference.map { relativeDistance(limit.x, $0) })
        }
    }
}

/// The double nearest to r: for the short fractions the generators make (numerator and denominator of at
/// most 53 bits) one IEEE division of the two exact doubles, which is correctly rounded; otherwise
/// `Rational.doubleValue`. The same value either way, about 20 times faster on generated data.
func nearestDouble(_ r: Rational) -> Double {
    let limit: Int64 = 1 << 53
    if let p = Int64(exactly: r.numerator), let q = Int64(exactly: r.denominator), p.magnitude <= limit, q <= limit {
        return Double(p) / Double(q)
    }
    return r.doubleValue
}

/// ‖u − v‖₂/‖v‖₂ (‖u − v‖₂ when v = 0), scaled against overflow and underflow.
func relativeDistance(_ u: [Double], _ v: [Double]) -> Double {
    let difference = norm2(zip(u, v).map { $0 - $1 })
    let size = norm2(v)
    return size > 0 ? difference / size : difference
}

/// ‖v‖₂ as max|vᵢ|·‖v/max|vᵢ|‖₂.
func norm2(_ v: [Double]) -> Double {
    let largest = v.lazy.map(abs).max() ?? 0
    guard largest > 0, largest.isFinite else { return largest }
    return largest * v.reduce(0) { $0 + ($1 / largest) * ($1 / largest) }.squareRoot()
}
