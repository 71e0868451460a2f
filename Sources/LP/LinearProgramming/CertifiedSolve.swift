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

    /// Whether optimality is proven in exact arithmetic on the given rational data.
    public var isCertified: Bool { certificate?.isOptimal ?? false }
}

extension GLPKSolver {
    /// Solves an LP with exact data and proves the answer.
    ///
    /// 1. Solves the LP rounded to doubles with the configured simplex method (the interior-point method
    ///    is replaced by the dual simplex: a basis is needed).
    /// 2. Re-verifies the returned basis against the exact data (``ExactVerifier/verify(_:basis:)``).
    /// 3. If it is not optimal there, re-solves with GLPK's rational simplex warm-started from it and
    ///    verifies again; if that fails too, pivots exactly from the last primal feasible basis
    ///    (``ExactVerifier/repair(_:from:pivotLimit:)``).
    ///
    /// The result says honestly whether a certificate was obtained; it is never claimed without proof.
    ///
    /// - Throws: ``LPError`` for invalid programs (integer variables included: certification is for LPs),
    ///   or when GLPK fails internally.
    /// - Complexity: one or two GLPK solves plus O(m³ + m·n) rational operations per verification.
    public func solveCertified(_ program: LinearProgram<Rational>) throws(LPError) -> CertifiedSolution {
        guard !program.isMixedInteger else {
            throw .invalidOption("exact certification is for LPs; this program has integer variables")
        }
        try program.validate()
        let rounded = program.map(\.doubleValue)
        var solver = self
        if solver.options.method == .interiorPoint { solver.options.method = .dualSimplex }
        var steps: [String] = []

        let first = try solver.solve(rounded)
        steps.append("GLPK \(solver.options.method.rawValue) on the data rounded to doubles: \(first.status.rawValue)")
        guard first.status == .optimal, let firstBasis = first.basis else {
            return CertifiedSolution(solution: first, certificate: nil, steps: steps)
        }
        let verified = try ExactVerifier.verify(program, basis: firstBasis)
        steps.append("exact verification of its basis: \(verified.summary)")
        if verified.isOptimal { return CertifiedSolution(solution: first, certificate: verified, steps: steps) }

        var exactSolver = solver
        exactSolver.options.method = .exactSimplex
        exactSolver.options.warmStart = firstBasis
        let second = try exactSolver.solve(rounded)
        steps.append("GLPK exactSimplex warm-started from that basis: \(second.status.rawValue)")
        var last = (solution: first, verification: verified)
        if second.status == .optimal, let secondBasis = second.basis {
            let reverified = try ExactVerifier.verify(program, basis: secondBasis)
            steps.append("exact verification of its basis: \(reverified.summary)")
            if reverified.isOptimal { return CertifiedSolution(solution: second, certificate: reverified, steps: steps) }
            if case .notOptimal(let violations) = reverified.verdict, violations.allSatisfy({ $0.kind == .dual }) {
                last = (second, reverified)
            }
        }
        let repaired = try ExactVerifier.repair(program, from: last.verification.basis)
        steps.append("exact simplex pivots from the last basis: \(repaired.summary)")
        return CertifiedSolution(solution: last.solution, certificate: repaired, steps: steps)
    }
}

extension ExactVerification {
    /// A one-line account of the verdict.
    public var summary: String {
        switch verdict {
        case .optimal: "optimal, proven exactly"
        case .singularBasis: "the basis matrix is singular"
        case let .notOptimal(violations):
            "not optimal in exact arithmetic (\(violations.count) violation\(violations.count == 1 ? "" : "s"); "
                + "first: \(violations[0]))"
        }
    }
}
