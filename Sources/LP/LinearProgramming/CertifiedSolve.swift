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

extension LPSolver {
    /// Solves an LP with exact data and proves the answer.
    ///
    /// 1. Solves the LP rounded to doubles with the configured simplex method (the interior-point method
    ///    is replaced by the dual simplex: a basis is needed).
    /// 2. Judges the returned basis against the exact data (``ExactVerifier/verify(_:basis:)``); for exactly
    ///    consistent data it is usually optimal there, and the proof is done.
    /// 3. Otherwise refines that solve (iterative refinement): the exact residual of the current point,
    ///    magnified by a power of two, is the data of a correction LP solved in double precision from the last
    ///    basis, until the basis stops changing — for data such as y = fl(A x₀) the basis that is optimal for
    ///    the exact data, found without exact pivots — and judges the refined basis exactly, once.
    /// 4. If it is still not optimal, pivots exactly from it (``ExactVerifier/repair(_:from:pivotLimit:)``):
    ///    the dual simplex when its reduced costs are right but a basic value misses a bound, the primal
    ///    simplex in the opposite case.
    /// 5. If that basis was neither, solves again with tolerances a hundred times tighter and repeats.
    ///
    /// The result says honestly whether a certificate was obtained; it is never claimed without proof.
    /// (GLPK's `glp_exact` is not used: it solves a rationalisation of the doubles, not your data, and is
    /// slow.)
    ///
    /// - Throws: ``LPError`` for invalid programs (integer variables included: certification is for LPs),
    ///   or when GLPK fails internally.
    /// - Complexity: a few GLPK solves, O(m·n) big-integer operations per refinement round, and at most two
    ///   exact basis solves (Dixon's p-adic lifting, `ExactIntegerSolver` in DenseLinearAlgebra), plus one more
    ///   per exact pivot when refinement falls short.
    public func solveCertified(_ program: LinearProgram<Rational>) throws(LPError) -> CertifiedSolution {
        guard !program.isMixedInteger else {
            throw .invalidOption("exact certification is for LPs; this program has integer variables")
        }
        try program.validate()
        let form = try ExactStandardForm(program)
        let rounded = program.map(\.doubleValue)
        var solver = self
        if solver.options.method == .interiorPoint { solver.options.method = .dualSimplex }
        var steps: [String] = []
        var solution = try solver.solve(rounded)
        for attempt in 0..<2 {
            steps.append(
                "GLPK \(solver.options.method.rawValue) on the data rounded to doubles"
                    + (attempt > 0 ? " with tolerances ×0.01" : "") + ": \(solution.status.rawValue)")
            guard solution.status == .optimal, let found = solution.basis else { break }
            var basis = found
            var current = try BasicSolution(form, basis: found)
            steps.append("exact verification of its basis: \(ExactVerification.summary(of: current.verdict))")
            if current.verdict == .optimal {
                return CertifiedSolution(solution: solution, certificate: current.verification, steps: steps)
            }
            let refinement = try IterativeRefinement(
                form, rounded: rounded, solution: solution, basis: found, solver: solver)
            steps += refinement.steps
            if refinement.basis != found {
                basis = refinement.basis
                current = try BasicSolution(form, basis: basis)
                steps.append(
                    "exact verification of the refined basis: \(ExactVerification.summary(of: current.verdict))")
                if current.verdict == .optimal {
                    return CertifiedSolution(solution: solution, certificate: current.verification, steps: steps)
                }
            }
            let repaired = try ExactVerifier.repair(form, from: basis)
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
    public var summary: String { Self.summary(of: verdict) }

    static func summary(of verdict: Verdict) -> String {
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
