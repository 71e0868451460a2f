import DenseLinearAlgebra
import DiagonalNetworks
import ExactArithmetic
import Foundation
import LinearProgramming
import SparseRecovery

/// Builds an ``ErrorCertificate`` for (A, y, D, α).
///
/// 1. Basis pursuit by the one reference (`BasisPursuitReference` with an exact dual): GLPK in floating point,
///    A_S x*_S = y solved exactly and GLPK's dual corrected exactly on S; the exact mode (GLPK's basis
///    re-verified in rational arithmetic) only when that does not prove x* optimal.
/// 2. ϱ(S, σ): exactly (`exact`) or by the floating-point LP; either way its μ_ϱ is made exact
///    ((Aᵀμ_ϱ)_S = σ with no rounding, by an exact correction on the support, `SupportDual`), so
///    max_{Sᶜ}|Aᵀμ_ϱ| < 1 proves uniqueness. ρ_S (2^(s−1) ϱ-LPs, exact with `exact`) only with `supportConstant`.
/// 3. x_∞(α) by the support-aware limit solver (`FlowLimitSolver`), then a Krawczyk proof in the exact
///    `SupportFrame` (``LimitEnclosure``) — the enclosure of ‖x_∞(α) − x*‖₁.
/// 4. The rate law and, for 1×2 data, the closed-form bound; then every claim is checked by
///    `CertificateClaims` — the verifier's code — and the verdict is the outcome.
public struct CertificateBuilder: Sendable {
    /// D ≥ 2.
    public var depth: Int
    /// α > 0 (product convention).
    public var alpha: Double
    /// Prove ϱ (and ρ_S) exactly (certified LPs) instead of solving them in floating point.
    public var exact: Bool
    /// Compute ρ_S = max_τ ϱ(S, τ): 2^(s−1) LPs, exponential in s, so off by default.
    public var supportConstant: Bool
    /// The GLPK configuration of every LP solve.
    public var solver: LPSolver

    /// A builder for depth D and scale α; `exact` proves ϱ (and ρ_S) in rational arithmetic; `supportConstant`
    /// adds ρ_S.
    public init(
        depth: Int, alpha: Double, exact: Bool = false, supportConstant: Bool = false,
        solver: LPSolver = LPSolver()
    ) {
        self.depth = depth
        self.alpha = alpha
        self.exact = exact
        self.supportConstant = supportConstant
        self.solver = solver
    }

    /// The certificate for exact data A (m×n), y; its verdict says whether every claim checked.
    /// - Throws: ``ErrorCertificatesError`` when the data are unusable, BP has no unique certified solution,
    ///   x* cannot be proven optimal (`notProven`), or the enclosure cannot be proven.
    /// - Complexity: one BP solve and one ϱ-LP with O(m·n) exact checks (an exact BP solve only when they fail;
    ///   2^(s−1) more LPs with `supportConstant`), the exact frame
    ///   O(m²n), the limit solve (O(m²n) per Newton step) and O((n − s)·m²) interval operations per Krawczyk test.
    public func certify(
        matrix: Matrix<Rational>, observations: [Rational]
    ) throws(ErrorCertificatesError) -> ErrorCertificate {
        guard depth >= 2 else { throw .invalidInput("depth D = \(depth): a diagonal network needs D ≥ 2") }
        guard alpha.isFinite, alpha > 0, alpha <= 1e3 else {
            throw .invalidInput("α = \(alpha): give a finite number in (0, 1000]")
        }
        guard matrix.rows == observations.count else {
            throw .invalidInput("A has \(matrix.rows) rows but y has \(observations.count) entries")
        }
        // 1. Basis pursuit: the one reference, with an exact dual certificate.
        let reference: BasisPursuitReference
        do {
            reference = try BasisPursuitReference.compute(
                matrix: matrix, observations: observations, exactDual: true, solver: solver)
        } catch {
            switch error {
            case let .noReference(message): throw .noUniqueSolution(message)
            case .referenceNotProven: throw .notProven(error.description)
            default: throw .invalidInput(error.description)
            }
        }
        guard let dual = reference.dual, reference.proof != .floatingCertificate else {
            throw .notProven("basis pursuit: no exact dual certificate of x* was found")
        }
        let xStar = reference.x, support = reference.support, signs = reference.signs
        let objective = xStar.reduce(Rational.zero) { $0 + $1.magnitude }
        var context = CertificateClaims.Context(matrix: matrix, observations: observations, solver: solver)
        context.frame = try SupportFrame(matrix: matrix, observations: observations, reference: xStar)

        // 2. ϱ with an exact strict certificate, and ρ_S when asked for.
        let rho = try exponent(&context, reference: reference)
        guard rho.upperBound < 1 else {
            if let exactRho = rho.exactValue, exactRho >= 1 {
                throw .noUniqueSolution("ϱ(S, σ) = \(exactRho) ≥ 1, proven exactly: x* is not the unique minimizer")
            }
            throw .notProven(
                "the uniqueness of x*: its certificate bounds ϱ(S, σ) only by \(rho.upperBound.doubleValue) ≥ 1, "
                    + "so x* may not be the unique minimizer (--exact decides)")
        }
        if supportConstant {
            context.supportConstant = try CertificateClaims.computeSupportConstant(
                matrix: matrix, support: support, exact: exact, solver: solver)
        }

        // 3. x_∞(α) by the limit solver, and its enclosure, started from the solver's own support coordinates.
        // With full support there is no off-support balance: the support equations alone fix x_∞ (= x*), and A
        // may have dependent rows, which a network rejects; the link is inverted at x* instead — as at the
        // solver's x_S when it had to fall back to plain dual coordinates (A_S dependent in double precision).
        let frame = context.frame!
        let potential = DepthPotential(depth: depth)
        func inverted(_ x: [Double]) -> [Double] {
            support.map { potential.supportCoordinate(ofValue: x[$0], logAlpha: log(alpha)) }
        }
        let coordinates: [Double], z: [Double]
        if frame.offCount == 0 {
            (coordinates, z) = (inverted(xStar.map(\.doubleValue)), [])
        } else {
            do {
                let network = try DiagonalNetwork(
                    exactMatrix: matrix, observations: observations, depth: depth, alpha: alpha)
                let limit = try FlowLimitSolver(network: network, exactReference: xStar).solve()
                coordinates = limit.supportCoordinates.count == frame.s ? limit.supportCoordinates : inverted(limit.x)
                z = network.matrix.multiplyTransposed(limit.lambda)
            } catch { throw .invalidInput("\(error)") }
        }
        let start = startingPoint(frame: frame, supportCoordinates: coordinates, dual: z)
        let system = EnclosureSystem(frame: frame, depth: depth, alpha: alpha)
        let enclosure = try LimitEnclosure.prove(system: system, start: start)

        // 4. The document, its derived sections, and the checks.
        let lower = enclosure.errorL1.lo, upper = enclosure.errorL1.hi
        let flow = ErrorCertificate.FlowSection(
            x: enclosure.x.map { CertificateClaims.midpoint($0.lo, $0.hi) }, xLower: enclosure.x.map(\.lo),
            xUpper: enclosure.x.map(\.hi), boxCenter: enclosure.center, boxRadius: enclosure.radius,
            boxBasis: enclosure.basis, errorL1Lower: lower, errorL1Upper: upper,
            relativeWidth: CertificateClaims.relativeWidth(lower: lower, upper: upper))
        let section = ErrorCertificate.BasisPursuitSection(
            xStar: xStar, support: support, signs: signs, objective: objective, dualCertificate: dual,
            exact: exact, rho: rho.exactValue, rhoValue: rho.value, rhoCertificate: rho.certificate,
            rhoUpperBound: rho.upperBound, rhoWitness: rho.witness, supportConstant: context.supportConstant?.value,
            supportConstantExact: context.supportConstant?.exact, proofSteps: [])
        var certificate = ErrorCertificate(
            format: ErrorCertificate.formatTag, problem: .init(matrix: matrix.rowArrays, observations: observations),
            depth: depth, alpha: alpha, initConvention: "product", basisPursuit: section, flow: flow,
            rate: .init(law: "", exponent: 0, constant: nil, scaledError: 0, ratio: nil), closedForm: nil,
            verdict: .init(certified: false, reasons: []))
        certificate.basisPursuit.proofSteps = CertificateClaims.proofSteps(certificate, origin: reference.proof)
        context.rateConstant = .some(CertificateClaims.rateConstant(certificate, context))
        certificate.rate = CertificateClaims.rateSection(certificate, constant: context.rateConstant ?? nil)
        certificate.closedForm = CertificateClaims.closedForm(certificate, context)
        certificate.verdict.reasons = CertificateClaims.reasons(certificate)
        certificate.verdict.certified = CertificateClaims.claims(certificate, context: &context).holds
        return certificate
    }

    struct Exponent {
        var value: Double
        var exactValue: Rational?
        var certificate: [Rational]
        var upperBound: Rational
        var witness: [Rational]
    }

    private func exponent(
        _ context: inout CertificateClaims.Context, reference: BasisPursuitReference
    ) throws(ErrorCertificatesError) -> Exponent {
        let support = reference.support, signs = reference.signs
        if exact {
            let analysis: ExactSignedNullSpaceConstant
            do {
                analysis = try SignedNullSpaceLP.solveExactly(
                    matrix: context.matrix, support: support, signs: signs, solver: solver)
            } catch { throw .invalidInput(error.description) }
            guard analysis.verified, let rho = analysis.value else {
                throw .noUniqueSolution(
                    "ϱ(S, σ) could not be proven exactly: \(analysis.steps.joined(separator: "; "))")
            }
            let corrected = try Self.strictCertificate(
                matrix: context.matrix, support: support, signs: signs, from: analysis.certificate)
            return Exponent(
                value: rho.doubleValue, exactValue: rho, certificate: corrected.mu, upperBound: corrected.bound,
                witness: analysis.witness)
        }
        // The reference's dual is the ϱ-LP's multiplier made exact: it is the strict certificate too.
        if let floating = reference.exponent, let mu = reference.dual, let bound = reference.dualBound {
            context.floatingRho = floating
            return Exponent(
                value: floating.value, exactValue: nil, certificate: mu, upperBound: bound,
                witness: floating.witness.map { Rational(exactly: $0) ?? .zero })
        }
        guard let floating = CertificateClaims.floatingRho(context, support: support, signs: signs) else {
            throw .invalidInput("the floating-point ϱ-LP could not be solved")
        }
        guard floating.value.isFinite else { throw .noUniqueSolution("ϱ(S, σ) = +∞") }
        context.floatingRho = floating
        guard
            let corrected = SupportDual(
                matrix: context.matrix, support: support, signs: signs, dual: floating.certificate)
        else { throw .noUniqueSolution("the columns of A on the support are linearly dependent") }
        return Exponent(
            value: floating.value, exactValue: nil, certificate: corrected.multiplier,
            upperBound: corrected.offSupportMaximum, witness: floating.witness.map { Rational(exactly: $0) ?? .zero })
    }

    /// μ' = μ + A_S(A_SᵀA_S)⁻¹(σ − A_Sᵀμ), so (Aᵀμ')_S = σ exactly, and max_{Sᶜ}|Aᵀμ'| (an exact upper
    /// bound of ϱ(S, σ)), for an exact μ (the exact ϱ-LP's; the floating one is corrected by `SupportDual`).
    static func strictCertificate(
        matrix: Matrix<Rational>, support: [Int], signs: [Int], from mu: [Rational]
    )
        throws(ErrorCertificatesError) -> (mu: [Rational], bound: Rational)
    {
        let aS = matrix.columns(support)
        let onSupport = aS.multiplyTransposed(mu)
        let defect = signs.indices.map { Rational(signs[$0], 1) - onSupport[$0] }
        var corrected = mu
        if defect.contains(where: { $0 != .zero }) {
            guard let lu = try? LUDecomposition(aS.transposed.multiply(aS)), let g = try? lu.solve(defect) else {
                throw .noUniqueSolution("the columns of A on the support are linearly dependent")
            }
            let shift = aS.multiply(g)
            corrected = mu.indices.map { mu[$0] + shift[$0] }
        }
        let z = matrix.multiplyTransposed(corrected)
        let inSupport = Set(support)
        let bound = z.indices.filter { !inSupport.contains($0) }.map { z[$0].magnitude }.max() ?? .zero
        return (corrected, bound)
    }

    /// The frame's unknowns (v, b) from the limit solver's: v = z_S for D = 2 and v = t = e^(ln t) for D ≥ 3
    /// (the solver carries ln t), and b, the coordinates of z_{Sᶜ} in the frame's kernel basis, by least
    /// squares from z = Aᵀλ (the solver's basis of ker A_Sᵀ is another one; with full support there is no b).
    func startingPoint(frame: SupportFrame, supportCoordinates: [Double], dual z: [Double]) -> [Double] {
        let s = frame.s, q = frame.nColumns
        let v = depth == 2 ? supportCoordinates : supportCoordinates.map(exp)
        guard q > 0 else { return v }
        // Right-hand side z_{Sᶜ} − base − M̃v, then NᵀN b = Nᵀ(rhs).
        var rhs = [Double](repeating: 0, count: frame.offCount)
        for (i, j) in frame.offSupport.enumerated() {
            var value = z[j] - (depth == 2 ? 0 : frame.mSigma[i].mid)
            for k in 0..<s {
                value -= frame.mMid.elements[i * s + k] * (depth == 2 ? v[k] : -Double(frame.signs[k]) * v[k])
            }
            rhs[i] = value
        }
        let normal = frame.nMid.multiplied(by: frame.nMid, transposingSelf: true)
        guard let inverse = normal.approximateInverse() else { return v + Array(repeating: 0, count: q) }
        let projected = frame.nMid.multiplyTransposed(rhs)
        return v + inverse.multiply(projected)
    }
}
