import DenseLinearAlgebra
import DiagonalNetworks
import ExactArithmetic
import Foundation

extension CertificateClaims {
    /// upper/lower − 1, rounded up; `nil` when the lower end is 0.
    static func relativeWidth(lower: Double, upper: Double) -> Double? {
        lower > 0 ? (upper / lower - 1).nextUp : nil
    }

    /// The midpoint of [lower, upper] as the certificate states it.
    static func midpoint(_ lower: Double, _ upper: Double) -> Double { lower == upper ? lower : lower / 2 + upper / 2 }

    /// The rate law's name for depth D.
    static func law(depth: Int) -> String { depth == 2 ? "c·α^(1−ϱ)" : "C_D·α" }

    /// x_∞(α) enclosed: Krawczyk's test on the stated box, in the frame built from the data; the stated
    /// enclosures must contain the recomputed ones. Returns whether the test held.
    static func flow(_ c: ErrorCertificate, _ context: Context, _ report: inout CertificateVerifier.Report) -> Bool {
        guard let frame = context.frame else { return false }
        let flow = c.flow, n = context.matrix.columns
        var basis: Matrix<Double>?
        if let rows = flow.boxBasis {
            guard rows.count == frame.nColumns,
                rows.allSatisfy({ $0.count == frame.nColumns && $0.allSatisfy(\.isFinite) }),
                let matrix = try? Matrix(rows)
            else {
                report.failed.append("flow.box_basis must be a finite \(frame.nColumns)×\(frame.nColumns) matrix")
                return false
            }
            basis = matrix
        }
        let system = EnclosureSystem(frame: frame, depth: c.depth, alpha: c.alpha, basis: basis)
        let checked = LimitEnclosure.check(system: system, center: flow.boxCenter, radius: flow.boxRadius)
        guard let enclosure = checked else {
            report.failed.append("Krawczyk's test fails on the stated box: it does not prove where x_∞(α) is")
            return false
        }
        report.passed.append("Krawczyk's test holds on the stated box (a unique zero of the limit equations inside)")
        report.check(
            flow.errorL1Lower <= enclosure.errorL1.lo && enclosure.errorL1.hi <= flow.errorL1Upper
                && flow.errorL1Lower >= 0,
            "stated error enclosure [\(flow.errorL1Lower), \(flow.errorL1Upper)] contains the recomputed "
                + "\(enclosure.errorL1)")
        let contains = (0..<n).allSatisfy {
            flow.xLower[$0] <= enclosure.x[$0].lo && enclosure.x[$0].hi <= flow.xUpper[$0]
        }
        report.check(
            contains,
            "stated enclosures of x_∞(α) contain the recomputed ones")
        report.check(
            (0..<n).allSatisfy { flow.x[$0] == midpoint(flow.xLower[$0], flow.xUpper[$0]) },
            "flow.x are the midpoints of the enclosures")
        report.check(
            flow.relativeWidth == relativeWidth(lower: flow.errorL1Lower, upper: flow.errorL1Upper),
            "relative width = upper/lower − 1 (rounded up)")
        return true
    }

    /// The leading constant of the rate, `nil` when it is not known: C_D from the barrier certificate for D ≥ 3;
    /// for D = 2 only the 1×2 family [a₁, a₂], |a₂| < |a₁|, y ≠ 0, where err ~ (1 + r)·|y/a₁|^r·α^(1−r)
    /// (r = |a₂/a₁|; ClosedFormBound). For other D = 2 data the constant is not derived, so none is claimed;
    /// nor with full support, where x_∞(α) = x*.
    static func rateConstant(_ c: ErrorCertificate, _ context: Context) -> Double? {
        let a = context.matrix, y = context.observations
        guard c.basisPursuit.xStar.contains(.zero) else { return nil }  // full support: the error is 0
        if c.depth >= 3 {
            guard let network = try? DiagonalNetwork(exactMatrix: a, observations: y, depth: c.depth, alpha: c.alpha),
                let barrier = try? BarrierCertificate(
                    network: network,
                    reference: c.basisPursuit.xStar.map(\.doubleValue))
            else { return nil }
            return barrier.limitConstant.isFinite ? barrier.limitConstant : nil
        }
        guard a.rows == 1, a.columns == 2, a[0, 0] != .zero, y[0] != .zero, (a[0, 1] / a[0, 0]).magnitude < 1 else {
            return nil
        }
        let r = (a[0, 1] / a[0, 0]).magnitude.doubleValue, target = (y[0] / a[0, 0]).magnitude.doubleValue
        return (1 + r) * pow(target, r)
    }

    /// The rate section a certificate states, computed from its (checked) enclosure.
    static func rateSection(_ c: ErrorCertificate, constant: Double?) -> ErrorCertificate.RateSection {
        let exponent = Asymptotics.exponent(depth: c.depth, rho: c.basisPursuit.rhoValue)
        let error = midpoint(c.flow.errorL1Lower, c.flow.errorL1Upper)
        let scaled = exp(log(error) - exponent * log(c.alpha))
        return .init(
            law: law(depth: c.depth), exponent: exponent, constant: constant, scaledError: scaled,
            ratio: constant.flatMap { $0 > 0 && scaled.isFinite ? scaled / $0 : nil })
    }

    /// The rate section is the one the data, ϱ and the enclosure give.
    static func rate(_ c: ErrorCertificate, _ context: inout Context, _ report: inout CertificateVerifier.Report) {
        if context.rateConstant == nil { context.rateConstant = .some(rateConstant(c, context)) }
        let expected = rateSection(c, constant: context.rateConstant ?? nil)
        report.check(
            c.rate == expected,
            "rate: law \(expected.law), exponent \(expected.exponent), constant "
                + "\(expected.constant.map { "\($0)" } ?? "not known"), err/α^exponent and ratio recomputed")
    }

    /// The closed-form bound of 1×2 data (`nil` for other shapes), compared with the stated error enclosure.
    static func closedForm(_ c: ErrorCertificate, _ context: Context) -> ErrorCertificate.ClosedFormSection? {
        let a = context.matrix, y = context.observations
        guard a.rows == 1, a.columns == 2, y.count == 1,
            let bound = ClosedFormBound(
                a1: a[0, 0].doubleValue, a2: a[0, 1].doubleValue, y: y[0].doubleValue,
                depth: c.depth, alpha: c.alpha)
        else { return nil }
        let slack = 1e-12
        let consistent =
            bound.lower * (1 - slack) <= c.flow.errorL1Upper
            && c.flow.errorL1Lower <= bound.upper * (1 + slack)
        return .init(
            family: "1×2 [a₁, a₂] with r = |a₂/a₁| = \(bound.r)", lower: bound.lower, upper: bound.upper,
            consistent: consistent)
    }

    /// One sentence per claim, from the document alone.
    static func reasons(_ c: ErrorCertificate) -> [String] {
        let bp = c.basisPursuit, flow = c.flow
        var reasons = [
            "x* is optimal: exact dual certificate μ with (Aᵀμ)_S = σ, ‖Aᵀμ‖_∞ ≤ 1 and ⟨y, μ⟩ = ‖x*‖₁ = \(bp.objective)",
            "x* is the unique minimizer: A_S (S = \(bp.support)) is injective and the exact strict certificate μ_ϱ gives "
                + "ϱ ≤ \(bp.rhoUpperBound) < 1",
            bp.rho.map { "ϱ(S, σ) = \($0) proven exactly (μ_ϱ and the witness v agree)" }
                ?? "ϱ(S, σ) ≈ \(bp.rhoValue) (floating-point LP; only the upper bound is proven)",
        ]
        if let value = bp.supportConstant {
            let stated = bp.supportConstantExact.map { "\($0) (exact)" } ?? "\(value) (floating-point LPs)"
            reasons.append("ρ_S = " + stated)
        }
        let width = flow.relativeWidth.map { String(format: "%.2e", $0) } ?? "undefined (lower end 0)"
        reasons.append(
            "x_∞(α) enclosed by Krawczyk's test on the exact limit equations; ‖x_∞(α) − x*‖₁ ∈ "
                + "[\(flow.errorL1Lower), \(flow.errorL1Upper)] (upper/lower − 1 = \(width))")
        if let ratio = c.rate.ratio, let constant = c.rate.constant {
            reasons.append("rate: err / (\(c.rate.law)) = \(ratio) with constant \(constant) (predicted, not a bound)")
        } else if c.rate.constant == 0 {
            reasons.append(
                "rate: the predicted constant is 0 (err = o(α^\(c.rate.exponent))); err / α^(\(c.rate.exponent)) = "
                    + "\(c.rate.scaledError)")
        } else {
            reasons.append(
                "rate: err / α^(\(c.rate.exponent)) = \(c.rate.scaledError) "
                    + "(constant not known for this instance)")
        }
        if let closed = c.closedForm {
            reasons.append(
                "closed-form bound [\(closed.lower), \(closed.upper)] "
                    + (closed.consistent ? "contains" : "does NOT contain") + " the enclosure")
        }
        return reasons
    }
}
