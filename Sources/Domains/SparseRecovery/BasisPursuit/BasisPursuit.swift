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
    ///   the data; see `OptimalityCheck/holds(tolerance:)`), uniqueness and LP statistics — or, when no x is
    ///   feasible, status ``BasisPursuitStatus/infeasible`` with a ``FarkasCertificate``.
    /// - Throws: ``SparseRecoveryError`` for invalid input (naming the entry), or `.numericalFailure` when GLPK
    ///   ends without an answer or an infeasibility proof cannot be found.
    /// - Complexity: one dual-simplex solve of an m×2n LP (m×n with x ≥ 0), plus one ϱ-LP for uniqueness.
    public static func solve(
        _ problem: BasisPursuitProblem<Double>,
        options: BasisPursuitOptions = BasisPursuitOptions()
    ) throws(SparseRecoveryError)
        -> BasisPursuitSolution<Double>
    {
        try problem.validate(\.isFinite)
        let clock = ContinuousClock()
        let start = clock.now
        defer { options.report(.finished, since: start) }
        if problem.matrix.rows >= problem.matrix.columns {
            options.report(.directSolve, since: start)
            if let direct = solveWithFullColumnRank(problem, options: options) { return direct }
        }
        options.report(.floatingSolve, since: start)
        let layout = BasisPursuitLP(problem)
        let lp = try bestAttempt(layout, options: options)
        var statistics = LPStatistics(
            rows: layout.program.constraints.count, columns: layout.program.variables.count,
            iterations: lp.iterations, solveSeconds: (clock.now - start).seconds,
            auxiliarySolves: 0, auxiliarySeconds: 0)
        let auxiliaryStart = clock.now
        switch lp.status {
        case .optimal:
            let (x, mu, check) = optimality(of: lp, layout: layout, options: options)
            let (support, threshold) = floatingSupport(x, matrix: problem.matrix, tolerance: options.supportTolerance)
            let signs = support.map { x[$0] > 0 ? 1 : -1 }
            let proven = check.holds(
                tolerance: options.certificateTolerance,
                residualTolerance: options.residualTolerance)
            var uniqueness: UniquenessAnalysis<Double>?
            if options.analyzeUniqueness {
                options.report(.uniqueness, since: start)
                uniqueness = try analyze(
                    problem, support: support, signs: signs, options: options,
                    nondegenerate: isDualNondegenerate(lp, tolerance: options.certificateTolerance))
                statistics.auxiliarySolves = 1
                statistics.auxiliarySeconds = (clock.now - auxiliaryStart).seconds
            }
            return BasisPursuitSolution(
                status: .optimal, claim: proven ? .optimal : .undecided, x: x, objective: lp.objective,
                support: support, signs: signs, supportTolerance: threshold, dual: mu,
                residual: zip(problem.matrix.multiply(x), problem.observations).map { $0 - $1 },
                optimality: check, uniqueness: proven ? uniqueness : uniqueness.map(\.undecidedForUnprovenAnswer),
                farkas: nil, statistics: statistics)
        case .infeasible, .infeasibleOrUnbounded:
            options.report(.infeasibilityProof, since: start)
            let farkasLP = try SignedNullSpaceLP.run(
                options.solver.withoutWarmStart, FarkasCertificate.program(problem))
            statistics.auxiliarySolves = 1
            statistics.auxiliarySeconds = (clock.now - auxiliaryStart).seconds
            let certificate = FarkasCertificate(
                problem: problem,
                z: FarkasCertificate<Double>.vector(farkasLP.x, rows: problem.matrix.rows)
            )
            .normalized(problem)
            guard farkasLP.status == .optimal,
                certificate.holds(matrix: problem.matrix, tolerance: options.certificateTolerance)
            else {
                throw .numericalFailure(
                    "GLPK reports the basis pursuit LP infeasible, but no Farkas certificate was found "
                        + "(status \(farkasLP.status.rawValue)); the data are probably nearly consistent — try the exact mode"
                )
            }
            return infeasible(certificate, claim: .infeasible, statistics: statistics)
        default:
            throw .numericalFailure("GLPK ended the basis pursuit LP with status \(lp.status.rawValue) \(lp.message)")
        }
    }

    /// GLPK's answer whose certificate passes: the configured solve, then (if its optimality check fails or it
    /// ends infeasible) columns scaled by cost, then tolerances a thousand times tighter, both warm-started
    /// from the first basis. An infeasible answer is kept for its Farkas check; otherwise the first answer.
    private static func bestAttempt(
        _ layout: BasisPursuitLP<Double>, options: BasisPursuitOptions
    )
        throws(SparseRecoveryError) -> LPSolution
    {
        let first = try SignedNullSpaceLP.run(options.solver, layout.program)
        func passes(_ lp: LPSolution) -> Bool {
            lp.status == .optimal
                && optimality(of: lp, layout: layout, options: options).check.holds(
                    tolerance: options.certificateTolerance, residualTolerance: options.residualTolerance)
        }
        guard !passes(first) else { return first }
        var byCost = options.solver, tighter = options.solver
        byCost.options.scaleColumnsByCost = true
        byCost.options.warmStart = first.basis ?? options.solver.options.warmStart
        tighter.options.primalTolerance /= 1000
        tighter.options.dualTolerance /= 1000
        tighter.options.warmStart = byCost.options.warmStart
        var spent = first.iterations
        for solver in [byCost, tighter] {
            var again = try SignedNullSpaceLP.run(solver, layout.program)
            spent += again.iterations
            again.iterations = spent
            if passes(again) { return again }
        }
        return first
    }

    /// x, μ and the optimality check of an optimal floating-point LP solution.
    private static func optimality(
        of lp: LPSolution, layout: BasisPursuitLP<Double>, options: BasisPursuitOptions
    )
        -> (x: [Double], mu: [Double], check: OptimalityCheck<Double>)
    {
        let x = layout.x(lp.x), mu = layout.dual(lp.rowDuals)
        let support = x.indices.filter { x[$0] != 0 }
        return (
            x, mu,
            OptimalityCheck(
                problem: layout.problem, x: x, dual: mu, support: support,
                signs: support.map { x[$0] > 0 ? 1 : -1 })
        )
    }

    /// The floating-point support rule: j ∈ S iff |xⱼ|·‖Aⱼ‖_∞ > τ·maxₖ |xₖ|·‖Aₖ‖_∞ — the size of column j's
    /// contribution to A x, so that scaling rows, columns or y leaves S unchanged.
    ///
    /// - Returns: S and the threshold on |xⱼ|·‖Aⱼ‖_∞.
    /// - Complexity: O(m·n).
    static func floatingSupport(
        _ x: [Double], matrix: Matrix<Double>, tolerance: Double
    )
        -> (support: [Int], threshold: Double)
    {
        guard x.count == matrix.columns else { return ([], 0) }
        var columnSize = [Double](repeating: 0, count: matrix.columns)
        for i in 0..<matrix.rows {
            for j in 0..<matrix.columns { columnSize[j] = max(columnSize[j], matrix[i, j].magnitude) }
        }
        let contribution = x.indices.map { x[$0].magnitude * columnSize[$0] }
        let threshold = tolerance * (contribution.max() ?? 0)
        return (x.indices.filter { contribution[$0] > threshold }, threshold)
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
    public static func solveExactly(
        _ problem: BasisPursuitProblem<Rational>,
        options: BasisPursuitOptions = BasisPursuitOptions()
    ) throws(SparseRecoveryError)
        -> ExactBasisPursuitSolution
    {
        try problem.validate { _ in true }
        let clock = ContinuousClock()
        let start = clock.now
        defer { options.report(.finished, since: start) }
        if problem.matrix.rows == problem.matrix.columns {
            options.report(.directSolve, since: start)
            if let direct = solveSquareExactly(problem, options: options) { return direct }
        }
        options.report(.exactVerification, since: start)
        let layout = BasisPursuitLP(problem)
        let result = try SignedNullSpaceLP.certify(options.solver, layout.program)
        var statistics = LPStatistics(
            rows: layout.program.constraints.count, columns: layout.program.variables.count,
            iterations: result.solution.iterations, solveSeconds: (clock.now - start).seconds,
            auxiliarySolves: 0, auxiliarySeconds: 0)
        let auxiliaryStart = clock.now
        let floatingX = result.solution.status == .optimal ? layout.x(result.solution.x) : []
        let floatingSupport = floatingSupport(
            floatingX, matrix: problem.matrix.map(\.doubleValue),
            tolerance: options.supportTolerance
        ).support

        let verdict = result.certificate?.verdict
        let glpkInfeasible = [.infeasible, .infeasibleOrUnbounded].contains(result.solution.status)
        if let certificate = result.certificate, !isInfeasible(verdict), !certificate.x.isEmpty {
            let x = layout.x(certificate.x), mu = layout.dual(certificate.rowDuals)
            let support = x.indices.filter { x[$0] != .zero }
            let signs = support.map { x[$0].signum }
            let check = OptimalityCheck(problem: problem, x: x, dual: mu, support: support, signs: signs)
            let proven = result.isCertified && check.holdsExactly
            var steps = result.steps
            steps.append(
                "exact optimality certificate (zero duality gap, μ dual feasible, x* feasible): "
                    + (check.holdsExactly ? "holds" : "FAILED"))
            var uniqueness: UniquenessAnalysis<Rational>?
            var uniquenessProven = true
            if options.analyzeUniqueness, proven {
                options.report(.uniqueness, since: start)
                let analysis = try analyzeExactly(
                    problem, support: support, signs: signs, options: options,
                    nondegenerate: isDualNondegenerate(certificate))
                uniqueness = analysis.analysis
                uniquenessProven = analysis.proven
                steps += analysis.steps
                statistics.auxiliarySolves = 1
                statistics.auxiliarySeconds = (clock.now - auxiliaryStart).seconds
            } else if options.analyzeUniqueness {
                uniquenessProven = false
                steps.append("uniqueness not analyzed: x* is not proven optimal")
            }
            let solution = BasisPursuitSolution(
                status: .optimal, claim: proven ? .optimal : .undecided, x: x, objective: certificate.objective,
                support: support, signs: signs, supportTolerance: 0, dual: mu,
                residual: zip(problem.matrix.multiply(x), problem.observations).map { $0 - $1 },
                optimality: check, uniqueness: uniqueness, farkas: nil, statistics: statistics)
            return ExactBasisPursuitSolution(
                solution: solution, verified: proven && uniquenessProven,
                floatingSupport: floatingSupport, steps: steps)
        }
        guard glpkInfeasible || isInfeasible(verdict) else {
            throw .numericalFailure(
                "GLPK ended the basis pursuit LP with status \(result.solution.status.rawValue) "
                    + result.solution.message)
        }
        options.report(.infeasibilityProof, since: start)
        let farkasLP = try SignedNullSpaceLP.certify(
            options.solver.withoutWarmStart, FarkasCertificate.program(problem))
        statistics.auxiliarySolves = 1
        statistics.auxiliarySeconds = (clock.now - auxiliaryStart).seconds
        guard let farkas = farkasLP.certificate, !farkas.x.isEmpty else {
            throw .numericalFailure(
                "the basis pursuit LP looks infeasible in floating point, but no Farkas "
                    + "certificate was found (status \(farkasLP.solution.status.rawValue))")
        }
        let certificate = FarkasCertificate(
            problem: problem,
            z: FarkasCertificate<Rational>.vector(farkas.x, rows: problem.matrix.rows)
        )
        .normalized(problem)
        let steps =
            result.steps + farkasLP.steps
            + [
                "exact Farkas certificate (Aᵀz = 0 or ≤ 0, ⟨y, z⟩ − η‖z‖_* > 0): \(certificate.holdsExactly ? "holds" : "FAILED")"
            ]
        return ExactBasisPursuitSolution(
            solution: infeasible(
                certificate, claim: certificate.holdsExactly ? .infeasible : .undecided,
                statistics: statistics),
            verified: certificate.holdsExactly, floatingSupport: [], steps: steps)
    }

    /// Whether an exact verdict proves the LP infeasible.
    private static func isInfeasible(_ verdict: ExactVerification.Verdict?) -> Bool {
        if case .infeasible? = verdict { return true }
        return false
    }

    static func infeasible<Scalar>(
        _ certificate: FarkasCertificate<Scalar>, claim: BasisPursuitClaim,
        statistics: LPStatistics
    ) -> BasisPursuitSolution<Scalar> {
        BasisPursuitSolution(
            status: .infeasible, claim: claim, x: [], objective: nil, support: [], signs: [],
            supportTolerance: 0, dual: [], residual: [], optimality: nil, uniqueness: nil, farkas: certificate,
            statistics: statistics)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
