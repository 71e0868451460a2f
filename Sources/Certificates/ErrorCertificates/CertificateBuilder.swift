import DenseLinearAlgebra
import DiagonalNetworks
import ExactArithmetic
import Foundation
import LinearProgramming
import NullSpaceProperty
import SparseRecovery

/// Builds an ``ErrorCertificate`` for (A, y, D, α).
///
/// 1. Basis pursuit exactly (GLPK + exact rational re-verification): x*, μ.
/// 2. ϱ(S, σ): exactly (`exact`) or by the floating-point LP; either way its μ_ϱ is made exact
///    ((Aᵀμ_ϱ)_S = σ with no rounding, by an exact correction on the support), so max_{Sᶜ}|Aᵀμ_ϱ| < 1
///    proves uniqueness. ρ_S by 2^(s−1) ϱ-LPs (exact with `exact`).
/// 3. x_∞(α) by the support-aware limit solver (`FlowLimitSolver`), then a Krawczyk proof in the exact
///    ``SupportFrame`` (``LimitEnclosure``) — the enclosure of ‖x_∞(α) − x*‖₁.
/// 4. The rate law (C_D from the barrier certificate for D ≥ 3) and, for 1×2 data, the closed-form bound.
public struct CertificateBuilder: Sendable {
    /// D ≥ 2.
    public var depth: Int
    /// α > 0 (product convention).
    public var alpha: Double
    /// Prove ϱ and ρ_S exactly (certified LPs) instead of solving them in floating point.
    public var exact: Bool
    /// The GLPK configuration of every LP solve.
    public var solver: GLPKSolver

    /// A builder for depth D and scale α; `exact` proves ϱ and ρ_S in rational arithmetic.
    public init(depth: Int, alpha: Double, exact: Bool = false, solver: GLPKSolver = GLPKSolver()) {
        self.depth = depth
        self.alpha = alpha
        self.exact = exact
        self.solver = solver
    }

    /// The certificate for exact data A (m×n), y.
    /// - Throws: ``ErrorCertificatesError`` when the data are unusable, BP has no unique certified solution,
    ///   or the enclosure cannot be proven.
    /// - Complexity: one exact BP solve, 1 + 2^(s−1) ϱ-LPs, the limit solve (O(m²n) per Newton step) and
    ///   O((n − s)·m²) interval operations per Krawczyk test.
    public func certify(matrix: Matrix<Rational>, observations: [Rational]) throws(ErrorCertificatesError) -> ErrorCertificate {
        guard depth >= 2 else { throw .invalidInput("depth D = \(depth): a diagonal network needs D ≥ 2") }
        guard alpha.isFinite, alpha > 0, alpha <= 1e3 else { throw .invalidInput("α = \(alpha): give a finite number in (0, 1000]") }
        guard matrix.rows == observations.count else {
            throw .invalidInput("A has \(matrix.rows) rows but y has \(observations.count) entries")
        }
        // 1. Basis pursuit, exactly.
        var options = BasisPursuitOptions()
        options.solver = solver
        options.analyzeUniqueness = exact
        let bp: ExactBasisPursuitSolution
        do { bp = try BasisPursuit.solveExactly(BasisPursuitProblem(matrix: matrix, observations: observations), options: options) }
        catch { throw .invalidInput("\(error)") }
        let solution = bp.solution
        guard solution.status == .optimal, let objective = solution.objective, bp.verified else {
            throw .noUniqueSolution("basis pursuit is \(solution.status.rawValue) or its exact verification failed")
        }
        let xStar = solution.x, support = solution.support, signs = solution.signs
        let frame = try SupportFrame(matrix: matrix, observations: observations, reference: xStar)

        // 2. ϱ with an exact strict certificate, and ρ_S.
        let rho = try exponent(matrix: matrix, support: support, signs: signs, exactAnalysis: solution.uniqueness)
        guard rho.upperBound < 1 else {
            throw .noUniqueSolution("ϱ(S, σ) ≥ \(rho.upperBound.doubleValue): x* is not the unique minimizer (or not provably so)")
        }
        let supportConstant = try self.supportConstant(matrix: matrix, support: support)

        // 3. x_∞(α) and its enclosure.
        let network: DiagonalNetwork
        let limit: FlowLimit
        do {
            network = try DiagonalNetwork(exactMatrix: matrix, observations: observations, depth: depth, alpha: alpha)
            limit = try FlowLimitSolver(network: network, exactReference: xStar).solve()
        } catch { throw .invalidInput("\(error)") }
        let system = EnclosureSystem(frame: frame, depth: depth, alpha: alpha)
        let start = startingPoint(frame: frame, matrix: network.matrix, limit: limit)
        let enclosure = try LimitEnclosure.prove(system: system, start: start)

        // 4. Rate and closed form.
        let rate = try rateSection(network: network, reference: xStar.map(\.doubleValue), rho: rho.value,
                                   error: enclosure.errorL1.mid, matrix: matrix)
        let closedForm = closedFormSection(matrix: matrix, observations: observations, enclosure: enclosure)

        let flow = ErrorCertificate.FlowSection(
            x: enclosure.x.map(\.mid), xLower: enclosure.x.map(\.lo), xUpper: enclosure.x.map(\.hi),
            boxCenter: enclosure.center, boxRadius: enclosure.radius, boxBasis: enclosure.basis,
            errorL1Lower: enclosure.errorL1.lo, errorL1Upper: enclosure.errorL1.hi,
            relativeWidth: enclosure.errorL1.lo > 0 ? enclosure.errorL1.hi / enclosure.errorL1.lo - 1 : .infinity,
            errorL1Solver: limit.errorL1 ?? .nan)
        let section = ErrorCertificate.BasisPursuitSection(
            xStar: xStar.map(\.description), support: support, signs: signs, objective: objective.description,
            dualCertificate: solution.dual.map(\.description), exact: exact,
            rho: rho.exactValue?.description ?? "\(rho.value)", rhoValue: rho.value,
            rhoCertificate: rho.certificate.map(\.description), rhoUpperBound: rho.upperBound.description,
            rhoWitness: rho.witness.map(\.description), supportConstant: supportConstant.value,
            supportConstantExact: supportConstant.exact?.description, proofSteps: bp.steps)
        var certificate = ErrorCertificate(
            format: ErrorCertificate.formatTag,
            problem: .init(matrix: matrix.rowArrays.map { $0.map(\.description) }, observations: observations.map(\.description)),
            depth: depth, alpha: alpha, initConvention: "product", basisPursuit: section, flow: flow, rate: rate,
            closedForm: closedForm, verdict: .init(certified: false, reasons: []))
        certificate.verdict = Self.verdict(certificate, rhoProven: rho.exactValue != nil)
        return certificate
    }

    /// The verdict and its reasons for a certificate whose checks all passed.
    static func verdict(_ c: ErrorCertificate, rhoProven: Bool) -> ErrorCertificate.Verdict {
        let bp = c.basisPursuit, flow = c.flow
        var reasons = [
            "x* is optimal: exact dual certificate μ with (Aᵀμ)_S = σ, ‖Aᵀμ‖_∞ ≤ 1 and ⟨y, μ⟩ = ‖x*‖₁ = \(bp.objective)",
            "x* is the unique minimizer: A_S (S = \(bp.support)) is injective and the exact strict certificate μ_ϱ gives "
                + "ϱ ≤ \(bp.rhoUpperBound) < 1",
            rhoProven ? "ϱ(S, σ) = \(bp.rho) proven exactly (μ_ϱ and the witness v agree)"
                : "ϱ(S, σ) ≈ \(bp.rho) (floating-point LP; only the upper bound is proven)",
            "ρ_S = \(bp.supportConstantExact ?? String(bp.supportConstant))" + (bp.supportConstantExact == nil ? " (floating-point LPs)" : " (exact)"),
            "x_∞(α) enclosed by Krawczyk's test on the exact limit equations; ‖x_∞(α) − x*‖₁ ∈ "
                + "[\(flow.errorL1Lower), \(flow.errorL1Upper)] (upper/lower − 1 = \(String(format: "%.2e", flow.relativeWidth)))",
        ]
        if let ratio = c.rate.ratio {
            reasons.append("rate: err / (\(c.rate.law)) = \(ratio) with constant \(c.rate.constant ?? .nan)")
        } else {
            reasons.append("rate: err / α^(\(c.rate.exponent)) = \(c.rate.scaledError) (constant c not known for this instance)")
        }
        if let closed = c.closedForm {
            reasons.append("closed-form bound [\(closed.lower), \(closed.upper)] \(closed.consistent ? "contains" : "does NOT contain") the enclosure")
        }
        return .init(certified: c.closedForm?.consistent ?? true, reasons: reasons)
    }

    struct Exponent {
        var value: Double
        var exactValue: Rational?
        var certificate: [Rational]
        var upperBound: Rational
        var witness: [Rational]
    }

    private func exponent(matrix: Matrix<Rational>, support: [Int], signs: [Int],
                          exactAnalysis: UniquenessAnalysis<Rational>?) throws(ErrorCertificatesError) -> Exponent {
        let mu: [Rational], witness: [Rational], value: Double, exactValue: Rational?
        if exact {
            guard let analysis = exactAnalysis, let rho = analysis.rho, !analysis.rhoCertificate.isEmpty else {
                throw .noUniqueSolution(exactAnalysis?.reason ?? "no exact ϱ computed")
            }
            mu = analysis.rhoCertificate
            witness = analysis.rhoWitness
            value = rho.doubleValue
            exactValue = rho
        } else {
            let floating: SignedNullSpaceConstant
            do {
                floating = try SignedNullSpaceLP.solve(matrix: matrix.map(\.doubleValue), support: support, signs: signs, solver: solver)
            } catch { throw .invalidInput("\(error)") }
            guard floating.value.isFinite else { throw .noUniqueSolution("ϱ(S, σ) = +∞") }
            mu = floating.certificate.map { Rational(exactly: $0) ?? .zero }
            witness = floating.witness.map { Rational(exactly: $0) ?? .zero }
            value = floating.value
            exactValue = nil
        }
        let corrected = try Self.strictCertificate(matrix: matrix, support: support, signs: signs, from: mu)
        return Exponent(value: value, exactValue: exactValue, certificate: corrected.mu, upperBound: corrected.bound, witness: witness)
    }

    /// μ' = μ + A_S(A_SᵀA_S)⁻¹(σ − A_Sᵀμ), so (Aᵀμ')_S = σ exactly, and max_{Sᶜ}|Aᵀμ'| (an exact upper
    /// bound of ϱ(S, σ)).
    static func strictCertificate(matrix: Matrix<Rational>, support: [Int], signs: [Int], from mu: [Rational])
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

    private func supportConstant(matrix: Matrix<Rational>, support: [Int]) throws(ErrorCertificatesError) -> (value: Double, exact: Rational?) {
        do {
            let null = try NullSpaceMatrix(exact: matrix)
            if exact {
                let constant = try null.exactSupportConstant(support, solver: solver)
                return (constant.value?.doubleValue ?? .infinity, constant.value)
            }
            return (try null.supportConstant(support, solver: solver).value, nil)
        } catch { throw .invalidInput("\(error)") }
    }

    /// (v, b) from the solver's x_∞ and λ: v = A_Sᵀλ (D = 2) or t from x_S (D ≥ 3); b by least squares
    /// from z_{Sᶜ} = A_{Sᶜ}ᵀλ.
    func startingPoint(frame: SupportFrame, matrix: Matrix<Double>, limit: FlowLimit) -> [Double] {
        let z = matrix.multiplyTransposed(limit.lambda)
        let s = frame.s, q = frame.nColumns
        var v = [Double](repeating: 0, count: s)
        for (k, j) in frame.support.enumerated() {
            if depth == 2 { v[k] = z[j]; continue }
            let p = Double(depth) / Double(depth - 2), target = abs(limit.x[j])
            var low = -745.0, high = log(2.0) - 1e-12
            for _ in 0..<200 {
                let middle = (low + high) / 2
                let value = alpha * (exp(-p * middle) - exp(-p * log(2 - exp(middle))))
                if value > target { low = middle } else { high = middle }
            }
            v[k] = exp((low + high) / 2)
        }
        guard q > 0 else { return v }
        // Right-hand side z_{Sᶜ} − base − M̃v, then NᵀN b = Nᵀ(rhs).
        var rhs = [Double](repeating: 0, count: frame.offCount)
        for (i, j) in frame.offSupport.enumerated() {
            var value = z[j] - (depth == 2 ? 0 : frame.mSigma[i].mid)
            for k in 0..<s { value -= frame.mMid[i, k] * (depth == 2 ? v[k] : -Double(frame.signs[k]) * v[k]) }
            rhs[i] = value
        }
        let normal = frame.nMid.transposed.multiply(frame.nMid)
        let b = (try? LUDecomposition(normal).solve(frame.nMid.multiplyTransposed(rhs))) ?? Array(repeating: 0, count: q)
        return v + b
    }

    private func rateSection(network: DiagonalNetwork, reference: [Double], rho: Double, error: Double,
                             matrix: Matrix<Rational>) throws(ErrorCertificatesError) -> ErrorCertificate.RateSection {
        let exponent = Asymptotics.exponent(depth: depth, rho: rho)
        let scaled = exp(log(error) - exponent * log(alpha))
        var constant: Double?
        if depth >= 3 {
            do { constant = try BarrierCertificate(network: network, reference: reference).limitConstant }
            catch { throw .invalidInput("barrier certificate: \(error)") }
        } else if matrix.rows == 1, matrix.columns == 2, matrix[0, 0] != .zero,
                  (matrix[0, 1] / matrix[0, 0]).magnitude < 1 {
            constant = 1 + (matrix[0, 1] / matrix[0, 0]).magnitude.doubleValue
        }
        return .init(law: depth == 2 ? "c·α^(1−ϱ)" : "C_D·α", exponent: exponent, constant: constant,
                     scaledError: scaled, ratio: constant.map { scaled / $0 })
    }

    private func closedFormSection(matrix: Matrix<Rational>, observations: [Rational],
                                   enclosure: LimitEnclosure) -> ErrorCertificate.ClosedFormSection? {
        guard matrix.rows == 1, matrix.columns == 2,
              let bound = ClosedFormBound(a1: matrix[0, 0].doubleValue, a2: matrix[0, 1].doubleValue,
                                          y: observations[0].doubleValue, depth: depth, alpha: alpha) else { return nil }
        let slack = 1e-12
        let consistent = bound.lower * (1 - slack) <= enclosure.errorL1.hi && enclosure.errorL1.lo <= bound.upper * (1 + slack)
        return .init(family: "1×2 [a₁, a₂] with r = |a₂/a₁| = \(bound.r)", lower: bound.lower, upper: bound.upper,
                     consistent: consistent)
    }
}
