import DenseLinearAlgebra
import DiagonalNetworks
import ExactArithmetic
import Foundation
import LinearProgramming
import NullSpaceProperty
import SparseRecovery

/// Every claim of an ``ErrorCertificate``, defined once: one checker per claim, run by ``CertificateBuilder``
/// on the document it writes (the verdict is their outcome) and by ``CertificateVerifier`` on a document it
/// reads. A value that follows from others (a midpoint, a width, a ratio, a law, a reason) is recomputed by the
/// one function that defines it and must be equal; a claim that needs a fresh computation (the ϱ-LP, ρ_S, the
/// barrier constant) recomputes it with the same code unless the builder hands over the value it just computed.
enum CertificateClaims {
    /// The exact data and what the checks compute from them; the builder pre-fills what it already has.
    struct Context {
        var matrix: Matrix<Rational>
        var observations: [Rational]
        var solver: LPSolver
        /// The support frame of x* (rebuilt from the data when `nil`).
        var frame: SupportFrame?
        /// The floating ϱ-LP (re-solved when `nil`).
        var floatingRho: SignedNullSpaceConstant?
        /// ρ_S as computed (recomputed when `nil` and the certificate states one).
        var supportConstant: (value: Double, exact: Rational?)?
        /// The rate constant as computed (recomputed when `nil`).
        var rateConstant: Double??
        /// The largest |S| for which a stated ρ_S is recomputed (2^(|S|−1) LPs); beyond it the check fails and
        /// says how to run it.
        var supportConstantSparsityLimit = Int.max
    }

    /// Runs every checker of a claim in order; a failure of the shapes or of the frame stops the later ones.
    /// Returns the report and whether the verdict may say `certified` (every claim holds and the closed form,
    /// if any, contains the enclosure).
    /// - Complexity: exact products O(m·n) per vector; the frame O(m²n); one ϱ-LP; ρ_S only when stated
    ///   (2^(s−1) LPs); one Krawczyk test O((n − s)·m²).
    static func claims(
        _ c: ErrorCertificate, context: inout Context
    )
        -> (report: CertificateVerifier.Report, holds: Bool)
    {
        var report = CertificateVerifier.Report()
        guard header(c, context, &report) else { return (report, false) }
        basisPursuit(c, context, &report)
        guard uniqueness(c, &context, &report) else { return (report, false) }
        exponent(c, &context, &report)
        supportConstant(c, &context, &report)
        let proven = flow(c, context, &report)
        rate(c, &context, &report)
        report.check(
            c.closedForm == closedForm(c, context),
            "closed_form is the closed-form bound of the data (or absent)")
        return (report, report.isValid && proven && (c.closedForm?.consistent ?? true))
    }

    /// ``claims(_:context:)`` and the verdict: its reasons and its `certified` flag must be what the claims give.
    static func check(_ c: ErrorCertificate, context: inout Context) -> CertificateVerifier.Report {
        var (report, holds) = claims(c, context: &context)
        report.check(c.verdict.reasons == reasons(c), "verdict.reasons state exactly the claims of the certificate")
        report.check(c.verdict.certified == holds, "verdict.certified agrees with the checks")
        return report
    }

    /// Format, convention, depth, α and every length.
    static func header(_ c: ErrorCertificate, _ context: Context, _ report: inout CertificateVerifier.Report) -> Bool {
        report.check(c.format == ErrorCertificate.formatTag, "format is \(ErrorCertificate.formatTag)")
        report.check(c.initConvention == "product", "initialization convention is 'product'")
        let m = context.matrix.rows, n = context.matrix.columns, bp = c.basisPursuit
        let shapes =
            c.depth >= 2 && c.alpha.isFinite && c.alpha > 0 && c.alpha <= 1e3
            && context.observations.count == m
            && bp.xStar.count == n && bp.dualCertificate.count == m && bp.rhoCertificate.count == m
            && bp.rhoWitness.count == n && c.flow.x.count == n && c.flow.xLower.count == n && c.flow.xUpper.count == n
        report.check(shapes, "A is \(m)×\(n); y, x*, μ, μ_ϱ, v and x_∞ have matching lengths; D ≥ 2, 0 < α ≤ 1000")
        return shapes
    }

    /// S = supp(x*) and σ = sign(x*_S), read from x* (never from the stated lists).
    static func signedSupport(_ c: ErrorCertificate) -> (support: [Int], signs: [Int]) {
        let xStar = c.basisPursuit.xStar
        let support = xStar.indices.filter { xStar[$0] != .zero }
        return (support, support.map { xStar[$0].signum })
    }

    /// How x* and μ were found, the first of the `proof_steps`: the proof itself is the exact checks that follow.
    static func origin(_ proof: BasisPursuitReference.Proof) -> String {
        switch proof {
        case .exactDual:
            "x* from GLPK's floating-point solution, A_S x*_S = y solved exactly; μ is the floating ϱ-LP's "
                + "multiplier corrected exactly on S"
        case .exact: "x* and μ from GLPK's final basis, re-verified in exact rational arithmetic"
        case .floatingCertificate: "x* with a floating-point certificate only (not accepted)"
        }
    }

    /// The statements stored as `proof_steps`: how x* was found, then what ``basisPursuit(_:_:_:)`` proves.
    static func proofSteps(_ c: ErrorCertificate, origin proof: BasisPursuitReference.Proof) -> [String] {
        [
            origin(proof),
            "A x* = y exactly",
            "(Aᵀμ)_S = σ exactly",
            "‖Aᵀμ‖_∞ ≤ 1 exactly",
            "⟨y, μ⟩ = ‖x*‖₁ = \(c.basisPursuit.objective) exactly (zero duality gap: x* is optimal)",
        ]
    }

    /// x* solves BP: support and signs read from x*, feasibility, dual feasibility, zero gap; the stated origin
    /// of x* is one whose certificate is exact (the checks below re-prove it whichever it is).
    static func basisPursuit(_ c: ErrorCertificate, _ context: Context, _ report: inout CertificateVerifier.Report) {
        let a = context.matrix, bp = c.basisPursuit, xStar = bp.xStar
        let (support, signs) = signedSupport(c)
        report.check(support == bp.support && signs == bp.signs, "support and signs are those of x*")
        let steps = Array(proofSteps(c, origin: .exact).dropFirst())
        let origins: [BasisPursuitReference.Proof] = [.exactDual, .exact]
        report.check(
            origins.contains { proofSteps(c, origin: $0) == bp.proofSteps },
            "proof_steps state how x* was found (\(bp.proofSteps.first ?? "—")) and the statements checked below")
        report.check(a.multiply(xStar) == context.observations, steps[0])
        let z = a.multiplyTransposed(bp.dualCertificate)
        report.check(zip(support, signs).allSatisfy { z[$0.0] == Rational($0.1, 1) }, steps[1])
        report.check(z.allSatisfy { $0.magnitude <= 1 }, steps[2])
        let l1 = xStar.reduce(Rational.zero) { $0 + $1.magnitude }
        let dual = zip(context.observations, bp.dualCertificate).reduce(Rational.zero) { $0 + $1.0 * $1.1 }
        report.check(l1 == bp.objective && dual == bp.objective, steps[3])
    }

    /// x* is the unique minimizer: A_S injective (the frame) and the exact strict certificate μ_ϱ.
    static func uniqueness(
        _ c: ErrorCertificate, _ context: inout Context,
        _ report: inout CertificateVerifier.Report
    ) -> Bool {
        let bp = c.basisPursuit, (support, signs) = signedSupport(c)
        let z = context.matrix.multiplyTransposed(bp.rhoCertificate)
        report.check(zip(support, signs).allSatisfy { z[$0.0] == Rational($0.1, 1) }, "(Aᵀμ_ϱ)_S = σ exactly")
        let inSupport = Set(support)
        let offMax = z.indices.filter { !inSupport.contains($0) }.map { z[$0].magnitude }.max() ?? .zero
        report.check(offMax == bp.rhoUpperBound, "max_{Sᶜ}|Aᵀμ_ϱ| equals the stated bound \(bp.rhoUpperBound)")
        report.check(bp.rhoUpperBound < 1, "ϱ ≤ bound < 1 (strict certificate)")
        if context.frame == nil {
            do {
                context.frame = try SupportFrame(
                    matrix: context.matrix, observations: context.observations,
                    reference: bp.xStar)
            } catch {
                report.failed.append("support frame: \(error)")
                return false
            }
        }
        report.passed.append("A_S has full column rank \(support.count) (exact)")
        return true
    }

    /// The floating-point ϱ-LP on the rounded data.
    static func floatingRho(_ context: Context, support: [Int], signs: [Int]) -> SignedNullSpaceConstant? {
        try? SignedNullSpaceLP.solve(
            matrix: context.matrix.map(\.doubleValue), support: support, signs: signs,
            solver: context.solver)
    }

    /// ϱ: exact — the witness v closes the gap (A v = 0, ‖v_{Sᶜ}‖₁ ≤ 1, ⟨σ, v_S⟩ = ϱ = bound); floating — the
    /// stated value and witness are those of the ϱ-LP on the data, below the proven bound.
    static func exponent(_ c: ErrorCertificate, _ context: inout Context, _ report: inout CertificateVerifier.Report) {
        let bp = c.basisPursuit, a = context.matrix, (support, signs) = signedSupport(c)
        let inSupport = Set(support), v = bp.rhoWitness
        if bp.exact {
            guard let rho = bp.rho else { return report.failed.append("basis_pursuit.rho is missing although exact") }
            let offMass = v.indices.filter { !inSupport.contains($0) }.reduce(Rational.zero) { $0 + v[$1].magnitude }
            let pairing = zip(support, signs).reduce(Rational.zero) { $0 + Rational($1.1, 1) * v[$1.0] }
            let closes = a.multiply(v).allSatisfy { $0 == .zero } && offMass <= 1 && pairing == rho
            report.check(
                closes && rho == bp.rhoUpperBound,
                "ϱ = \(rho) proven: A v = 0, ‖v_{Sᶜ}‖₁ ≤ 1, ⟨σ, v_S⟩ = ϱ = bound")
            report.check(bp.rhoValue == rho.doubleValue, "rho_value is the nearest double of ϱ")
            return
        }
        report.check(bp.rho == nil, "no exact ϱ is stated without an exact proof")
        if context.floatingRho == nil { context.floatingRho = floatingRho(context, support: support, signs: signs) }
        guard let fresh = context.floatingRho else { return report.failed.append("the ϱ-LP could not be solved") }
        report.check(
            bp.rhoValue == fresh.value && v == fresh.witness.map { Rational(exactly: $0) ?? .zero },
            "ϱ ≈ \(bp.rhoValue) and its witness are those of the floating-point ϱ-LP on the data")
        let bound = bp.rhoUpperBound.doubleValue
        report.check(bp.rhoValue <= bound + 1e-9 * max(1, bound), "ϱ ≈ \(bp.rhoValue) lies below the proven bound")
    }

    /// ρ_S over all 2^(s−1) sign patterns (exact with `exact`).
    static func computeSupportConstant(
        matrix: Matrix<Rational>, support: [Int], exact: Bool, solver: LPSolver
    )
        throws(ErrorCertificatesError) -> (value: Double, exact: Rational?)
    {
        do {
            let null = try NullSpaceMatrix(exact: matrix)
            if exact {
                let constant = try null.exactSupportConstant(support, solver: solver)
                return (constant.value?.doubleValue ?? .infinity, constant.value)
            }
            return (try null.supportConstant(support, solver: solver).value, nil)
        } catch { throw .invalidInput("\(error)") }
    }

    /// ρ_S, when the certificate states it: recomputed by the same LPs, and ρ_S ≥ ϱ.
    static func supportConstant(
        _ c: ErrorCertificate, _ context: inout Context,
        _ report: inout CertificateVerifier.Report
    ) {
        let bp = c.basisPursuit
        guard let stated = bp.supportConstant else {
            return report.check(bp.supportConstantExact == nil, "no ρ_S is claimed (it was not asked for)")
        }
        let support = signedSupport(c).support
        guard context.supportConstant != nil || support.count <= context.supportConstantSparsityLimit else {
            return report.failed.append(
                "ρ_S is stated for |S| = \(support.count): checking it takes "
                    + "2^\(support.count - 1) "
                    + "LPs, more than the limit of |S| ≤ \(context.supportConstantSparsityLimit); allow them to check it"
            )
        }
        if context.supportConstant == nil {
            context.supportConstant = try? computeSupportConstant(
                matrix: context.matrix, support: support,
                exact: bp.exact, solver: context.solver)
        }
        guard let fresh = context.supportConstant else { return report.failed.append("ρ_S could not be recomputed") }
        report.check(
            stated == fresh.value && bp.supportConstantExact == fresh.exact,
            "ρ_S = \(bp.supportConstantExact?.description ?? "\(stated)") is recomputed "
                + (bp.exact ? "exactly" : "by the same floating-point LPs"))
        report.check(stated >= bp.rhoValue - 1e-9, "ρ_S ≥ ϱ")
    }
}
