import DenseLinearAlgebra
import ExactArithmetic
import LinearProgramming

/// Basis pursuit and its variants (``BasisPursuitProblem``) solved by GLPK, with every answer certified:
/// an optimality certificate μ (or a Farkas certificate when infeasible), and a uniqueness decision through
/// the exponent ϱ(S, σ) (``SignedNullSpaceLP``).
public enum BasisPursuit {
    /// Solves in floating point.
    ///
    /// - Parameters:
    ///   - problem: A, y and the variant (weights, x ≥ 0, noise ball); finite numbers.
    ///   - options: solver, support rule, tolerances, whether to decide uniqueness.
    /// - Returns: x*, objective, support and signs, μ, the residual, the certificate checks (recomputed from
    ///   the data; see ``OptimalityCheck/holds(tolerance:)``), uniqueness and LP statistics — or, when no x is
    ///   feasible, status ``BasisPursuitStatus/infeasible`` with a ``FarkasCertificate``.
    /// - Throws: ``SparseRecoveryError`` for invalid input (naming the entry), or `.numericalFailure` when GLPK
    ///   ends without an answer or an infeasibility proof cannot be found.
    /// - Complexity: one dual-simplex solve of an m×2n LP (m×n with x ≥ 0), plus one ϱ-LP for uniqueness.
    public static func solve(_ problem: BasisPursuitProblem<Double>,
                             options: BasisPursuitOptions = BasisPursuitOptions()) throws(SparseRecoveryError)
        -> BasisPursuitSolution<Double>
    {
        try problem.validate(\.isFinite)
        let layout = BasisPursuitLP(problem)
        let clock = ContinuousClock()
        let start = clock.now
        let lp = try SignedNullSpaceLP.run(options.solver, layout.program)
        var statistics = LPStatistics(rows: layout.program.constraints.count, columns: layout.program.variables.count,
                                      iterations: lp.iterations, solveSeconds: (clock.now - start).seconds,
                                      auxiliarySolves: 0, auxiliarySeconds: 0)
        let auxiliaryStart = clock.now
        switch lp.status {
        case .optimal:
            let x = layout.x(lp.x), mu = layout.dual(lp.rowDuals)
            let threshold = options.supportTolerance * max(1, x.map(\.magnitude).max() ?? 0)
            let support = x.indices.filter { x[$0].magnitude > threshold }
            let signs = support.map { x[$0] > 0 ? 1 : -1 }
            let check = OptimalityCheck(problem: problem, x: x, dual: mu, support: support, signs: signs)
            var uniqueness: UniquenessAnalysis<Double>?
            if options.analyzeUniqueness {
                uniqueness = try analyze(problem, support: support, signs: signs, options: options,
                                         nondegenerate: isDualNondegenerate(lp, tolerance: options.certificateTolerance))
                statistics.auxiliarySolves = 1
                statistics.auxiliarySeconds = (clock.now - auxiliaryStart).seconds
            }
            return BasisPursuitSolution(
                status: .optimal, x: x, objective: lp.objective, support: support, signs: signs,
                supportTolerance: threshold, dual: mu, residual: zip(problem.matrix.multiply(x), problem.observations).map { $0 - $1 },
                optimality: check, uniqueness: uniqueness, farkas: nil, statistics: statistics)
        case .infeasible, .infeasibleOrUnbounded:
            let farkasLP = try SignedNullSpaceLP.run(options.solver.withoutWarmStart, FarkasCertificate.program(problem))
            statistics.auxiliarySolves = 1
            statistics.auxiliarySeconds = (clock.now - auxiliaryStart).seconds
            let certificate = FarkasCertificate(problem: problem,
                                                z: FarkasCertificate<Double>.vector(farkasLP.x, rows: problem.matrix.rows))
            guard farkasLP.status == .optimal, certificate.holds(matrix: problem.matrix, tolerance: options.certificateTolerance) else {
                throw .numericalFailure("GLPK reports the basis pursuit LP infeasible, but no Farkas certificate was found "
                    + "(status \(farkasLP.status.rawValue)); the data are probably nearly consistent — try the exact mode")
            }
            return infeasible(certificate, statistics: statistics)
        default:
            throw .numericalFailure("GLPK ended the basis pursuit LP with status \(lp.status.rawValue) \(lp.message)")
        }
    }

    /// Solves exactly on rational data: GLPK's final basis is re-verified (and if needed repaired) in rational
    /// arithmetic, x*, μ and ϱ are exact fractions, and the support is read from the exact x*.
    ///
    /// - Parameters:
    ///   - problem: exact data.
    ///   - options: GLPK configuration for the floating-point solves; `supportTolerance` is used only to report
    ///     the floating-point support for comparison.
    /// - Returns: the exact solution, `verified`, and the floating-point support for comparison.
    /// - Throws: ``SparseRecoveryError`` for invalid input or when no basis or Farkas certificate can be found.
    /// - Complexity: the floating-point solves plus O(m³ + m·n) rational operations per exact verification.
    public static func solveExactly(_ problem: BasisPursuitProblem<Rational>,
                                    options: BasisPursuitOptions = BasisPursuitOptions()) throws(SparseRecoveryError)
        -> ExactBasisPursuitSolution
    {
        try problem.validate { _ in true }
        let layout = BasisPursuitLP(problem)
        let clock = ContinuousClock()
        let start = clock.now
        let result = try SignedNullSpaceLP.certify(options.solver, layout.program)
        var statistics = LPStatistics(rows: layout.program.constraints.count, columns: layout.program.variables.count,
                                      iterations: result.solution.iterations, solveSeconds: (clock.now - start).seconds,
                                      auxiliarySolves: 0, auxiliarySeconds: 0)
        let auxiliaryStart = clock.now
        let floatingX = result.solution.status == .optimal ? layout.x(result.solution.x) : []
        let threshold = options.supportTolerance * max(1, floatingX.map(\.magnitude).max() ?? 0)
        let floatingSupport = floatingX.indices.filter { floatingX[$0].magnitude > threshold }

        if let certificate = result.certificate, result.solution.status == .optimal {
            let x = layout.x(certificate.x), mu = layout.dual(certificate.rowDuals)
            let support = x.indices.filter { x[$0] != .zero }
            let signs = support.map { x[$0].signum }
            let check = OptimalityCheck(problem: problem, x: x, dual: mu, support: support, signs: signs)
            var steps = result.steps
            steps.append("exact optimality certificate (zero duality gap, μ dual feasible, x* feasible): "
                + (check.holdsExactly ? "holds" : "FAILED"))
            var uniqueness: UniquenessAnalysis<Rational>?
            var uniquenessProven = true
            if options.analyzeUniqueness {
                let analysis = try analyzeExactly(problem, support: support, signs: signs, options: options,
                                                  nondegenerate: isDualNondegenerate(certificate))
                uniqueness = analysis.analysis
                uniquenessProven = analysis.proven
                steps += analysis.steps
                statistics.auxiliarySolves = 1
                statistics.auxiliarySeconds = (clock.now - auxiliaryStart).seconds
            }
            let solution = BasisPursuitSolution(
                status: .optimal, x: x, objective: certificate.objective, support: support, signs: signs,
                supportTolerance: 0, dual: mu, residual: zip(problem.matrix.multiply(x), problem.observations).map { $0 - $1 },
                optimality: check, uniqueness: uniqueness, farkas: nil, statistics: statistics)
            return ExactBasisPursuitSolution(solution: solution,
                                             verified: result.isCertified && check.holdsExactly && uniquenessProven,
                                             floatingSupport: floatingSupport, steps: steps)
        }
        guard [.infeasible, .infeasibleOrUnbounded].contains(result.solution.status) else {
            throw .numericalFailure("GLPK ended the basis pursuit LP with status \(result.solution.status.rawValue) "
                + result.solution.message)
        }
        let farkasLP = try SignedNullSpaceLP.certify(options.solver.withoutWarmStart, FarkasCertificate.program(problem))
        statistics.auxiliarySolves = 1
        statistics.auxiliarySeconds = (clock.now - auxiliaryStart).seconds
        guard let farkas = farkasLP.certificate, farkasLP.solution.status == .optimal else {
            throw .numericalFailure("GLPK reports the basis pursuit LP infeasible, but no Farkas certificate exists in "
                + "the rounded data (status \(farkasLP.solution.status.rawValue))")
        }
        let certificate = FarkasCertificate(problem: problem, z: FarkasCertificate<Rational>.vector(farkas.x, rows: problem.matrix.rows))
        let steps = result.steps + farkasLP.steps
            + ["exact Farkas certificate (Aᵀz = 0 or ≤ 0, ⟨y, z⟩ − η‖z‖_* > 0): \(certificate.holdsExactly ? "holds" : "FAILED")"]
        return ExactBasisPursuitSolution(solution: infeasible(certificate, statistics: statistics),
                                         verified: certificate.holdsExactly, floatingSupport: [], steps: steps)
    }

    static func infeasible<Scalar>(_ certificate: FarkasCertificate<Scalar>, statistics: LPStatistics) -> BasisPursuitSolution<Scalar> {
        BasisPursuitSolution(status: .infeasible, x: [], objective: nil, support: [], signs: [], supportTolerance: 0, dual: [],
                             residual: [], optimality: nil, uniqueness: nil, farkas: certificate, statistics: statistics)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
