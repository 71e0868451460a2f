import DenseLinearAlgebra
import ExactArithmetic
import LinearProgramming

extension BasisPursuit {
    /// Whether the problem has no residual ball (or η = 0), so that the exponent tests are exact criteria.
    static func isNoiseFree<Scalar>(_ problem: BasisPursuitProblem<Scalar>) -> Bool {
        problem.noise.map { $0.bound == .zero } ?? true
    }

    /// Uniqueness in floating point (see ``UniquenessAnalysis``).
    static func analyze(
        _ problem: BasisPursuitProblem<Double>, support: [Int], signs: [Int], options: BasisPursuitOptions,
        nondegenerate: Bool
    ) throws(SparseRecoveryError) -> UniquenessAnalysis<Double> {
        let rank = problem.matrix.columnRank(support)
        let rows = RowEquilibration(problem.scaledMatrix)
        let scaled = rows.apply(problem.scaledMatrix)
        let solver = options.solver.withoutWarmStart
        func belowOne(_ value: Double) -> Bool? {
            value < 1 - options.certificateTolerance ? true : (value > 1 + options.certificateTolerance ? false : nil)
        }
        if problem.nonnegative && isNoiseFree(problem) {
            let pattern = try SignedSupport(support: support, signs: signs, rows: scaled.rows, columns: scaled.columns)
            let lp = try SignedNullSpaceLP.run(solver, OneSidedExponent.program(scaled, pattern))
            let value: Double? = lp.status == .optimal ? lp.objective : nil
            return .decide(
                supportSize: support.count, columnRank: rank, method: .oneSidedExponent, rho: value,
                rhoCertificate: value == nil ? [] : rows.apply(Array(lp.x[0..<scaled.rows])),
                rhoWitness: [], rhoBelowOne: value.flatMap(belowOne), nondegenerate: nondegenerate)
        }
        let method: UniquenessAnalysis<Double>.Method = isNoiseFree(problem) ? .exponent : .dualNondegeneracy
        let rho: SignedNullSpaceConstant
        do {
            rho = try SignedNullSpaceLP.solve(matrix: scaled, support: support, signs: signs, solver: solver)
        } catch .numericalFailure(let why) {
            return UniquenessAnalysis(
                supportSize: support.count, columnRank: rank, method: method, rho: nil,
                isUnique: rank < support.count ? false : nil,
                reason: "ϱ(S, σ) could not be computed in floating point (\(why)); "
                    + "--exact may decide")
        }
        let finite = rho.value.isFinite ? rho.value : nil
        let checked = FloatingExponentDecision.isBelowOne(rho, matrix: scaled, tolerance: options.certificateTolerance)
        let decided = finite.flatMap(belowOne) == checked ? checked : nil
        return .decide(
            supportSize: support.count, columnRank: rank, method: method, rho: finite,
            rhoCertificate: rows.apply(rho.certificate), rhoWitness: rho.witness,
            rhoBelowOne: decided, nondegenerate: nondegenerate)
    }

    /// Uniqueness in exact arithmetic; `proven` is whether every LP value used was verified exactly.
    static func analyzeExactly(
        _ problem: BasisPursuitProblem<Rational>, support: [Int], signs: [Int],
        options: BasisPursuitOptions, nondegenerate: Bool
    ) throws(SparseRecoveryError)
        -> (analysis: UniquenessAnalysis<Rational>, proven: Bool, steps: [String])
    {
        let rank = problem.matrix.columnRank(support)
        let scaled = problem.scaledMatrix
        let solver = options.solver.withoutWarmStart
        if problem.nonnegative && isNoiseFree(problem) {
            let pattern = try SignedSupport(support: support, signs: signs, rows: scaled.rows, columns: scaled.columns)
            let result = try SignedNullSpaceLP.certify(solver, OneSidedExponent.program(scaled, pattern))
            let value = result.isCertified ? result.certificate?.objective : nil
            let analysis = UniquenessAnalysis<Rational>.decide(
                supportSize: support.count, columnRank: rank, method: .oneSidedExponent, rho: value,
                rhoCertificate: value == nil ? [] : Array((result.certificate?.x ?? [])[0..<scaled.rows]),
                rhoWitness: [],
                rhoBelowOne: value.map { $0 < 1 }, nondegenerate: nondegenerate)
            return (analysis, value != nil, result.steps.map { "ϱ⁺: \($0)" })
        }
        let rho = try SignedNullSpaceLP.solveExactly(matrix: scaled, support: support, signs: signs, solver: solver)
        let analysis = UniquenessAnalysis<Rational>.decide(
            supportSize: support.count, columnRank: rank, method: isNoiseFree(problem) ? .exponent : .dualNondegeneracy,
            rho: rho.value, rhoCertificate: rho.certificate, rhoWitness: rho.witness,
            rhoBelowOne: rho.verified ? (rho.value.map { $0 < 1 } ?? false) : nil, nondegenerate: nondegenerate)
        return (analysis, rho.verified, rho.steps.map { "ϱ: \($0)" })
    }

    /// Whether every nonbasic, non-fixed variable (row or column) of the final basis has a reduced cost of
    /// magnitude > `tolerance` — then the LP optimum is unique.
    static func isDualNondegenerate(_ solution: LPSolution, tolerance: Double) -> Bool {
        guard let basis = solution.basis else { return false }
        return isNondegenerate(basis, rowDuals: solution.rowDuals, reducedCosts: solution.reducedCosts) {
            $0.magnitude > tolerance
        }
    }

    /// The exact version of ``isDualNondegenerate(_:tolerance:)``.
    static func isDualNondegenerate(_ verification: ExactVerification) -> Bool {
        isNondegenerate(verification.basis, rowDuals: verification.rowDuals, reducedCosts: verification.reducedCosts) {
            $0 != .zero
        }
    }

    private static func isNondegenerate<Scalar>(
        _ basis: Basis, rowDuals: [Scalar], reducedCosts: [Scalar],
        isNonzero: (Scalar) -> Bool
    ) -> Bool {
        let movable: (BasisStatus) -> Bool = { $0 != .basic && $0 != .fixed }
        return zip(basis.rows, rowDuals).allSatisfy { !movable($0.0) || isNonzero($0.1) }
            && zip(basis.columns, reducedCosts).allSatisfy { !movable($0.0) || isNonzero($0.1) }
    }
}
