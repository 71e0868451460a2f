import DenseLinearAlgebra
import ExactArithmetic

/// A floating-point solve together with its exact certificate.
public struct CertifiedSolution: Sendable, Hashable {
    /// The last floating-point solve (it supplied the basis that was certified).
    public let solution: LPSolution
    /// The exact judgement of the final basis; `nil` when no solve ended optimal, so there was
    /// no basis to certify (the status in ``solution`` says why).
    public let certificate: ExactVerification?
    /// What was done, in order, for the record: every solve, verification and repair.
    public let steps: [String]

    /// Whether optimality is proven in exact arithmetic on the given rational data. (A proof of
    /// infeasibility is a certificate too, but not of optimality: see ``certificate``.)
    public var isCertified: Bool { certificate?.isOptimal ?? false }
}

extension GLPKSolver {
    /// Solves an LP with exact data and proves the answer.
    ///
    /// 1. Solves the LP rounded to doubles with the configured simplex method (the interior-point method
    ///    is replaced by the dual simplex: a basis is needed).
    /// 2. Re-verifies the returned basis against the exact data (``ExactVerifier/verify(_:basis:)``).
    /// 3. If it is not optimal there, pivots exactly from it (``ExactVerifier/repair(_:from:pivotLimit:)``):
    ///    the dual simplex when its reduced costs are right but a basic value misses a bound by a rounding
    ///    error, the primal simplex in the opposite case.
    /// 4. If that basis was neither, solves again with tolerances a hundred times tighter and repairs from
    ///    the new basis.
    ///
    /// The result says honestly whether a certificate was obtained; it is never claimed without proof.
    /// (GLPK's `glp_exact` is not used: it solves a rationalisation of the doubles, not your data, and is
    /// slow.)
    ///
    /// - Throws: ``LPError`` for invalid programs (integer variables included: certification is for LPs),
    ///   or when GLPK fails internally.
    /// - Complexity: one or two GLPK solves plus O(m³) big-integer operations per verification or pivot.
    public func solveCertified(_ program: LinearProgram<Rational>) throws(LPError) -> CertifiedSolution {
        guard !program.isMixedInteger else {
            throw .invalidOption("exact certification is for LPs; this program has integer variables")
        }
        try program.validate()
        let rounded = program.map(\.doubleValue)
        var solver = self
        if solver.options.method == .interiorPoint { solver.options.method = .dualSimplex }
        var steps: [String] = []
        var solution = try solver.solve(rounded)
        for attempt in 0..<2 {
            steps.append(
                "GLPK \(solver.options.method.rawValue) on the data rounded to doubles"
                    + (attempt > 0 ? " with tolerances ×0.01" : "") + ": \(solution.status.rawValue)")
            guard solution.status == .optimal, let basis = solution.basis else { break }
            let verified = try ExactVerifier.verify(program, basis: basis)
            steps.append("exact verification of its basis: \(verified.summary)")
            if verified.isOptimal { return CertifiedSolution(solution: solution, certificate: verified, steps: steps) }
            let repaired = try ExactVerifier.repair(program, from: basis)
            steps.append("exact simplex pivots from that basis: \(repaired.summary)")
            switch repaired.verdict {
            case .optimal, .infeasible:
                return CertifiedSolution(solution: solution, certificate: repaired, steps: steps)
            case .notOptimal, .singularBasis:
                guard attempt == 0 else {
                    return CertifiedSolution(solution: solution, certificate: repaired, steps: steps)
                }
            }
            solver.options.primalTolerance /= 100
            solver.options.dualTolerance /= 100
            solver.options.warmStart = basis
            solution = try solver.solve(rounded)
        }
        return CertifiedSolution(solution: solution, certificate: nil, steps: steps)
    }
}

extension ExactVerification {
    /// A one-line account of the verdict.
    public var summary: String {
        switch verdict {
        case .optimal: "optimal, proven exactly"
        case .singularBasis: "the basis matrix is singular"
        case let .infeasible(variable): "the LP is infeasible, proven exactly (\(variable) cannot reach its bounds)"
        case let .notOptimal(violations):
            "not optimal in exact arithmetic (\(violations.count) violation\(violations.count == 1 ? "" : "s"); "
                + "first: \(violations[0]))"
        }
    }
}
