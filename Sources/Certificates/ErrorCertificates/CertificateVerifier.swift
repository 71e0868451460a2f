import DenseLinearAlgebra
import DiagonalNetworks
import ExactArithmetic
import Foundation
import NullSpaceProperty
import SparseRecovery

/// Re-checks every claim of an ``ErrorCertificate`` from its data alone, trusting nothing the producer
/// computed:
/// - BP: A x* = y, (Aᵀμ)_S = σ, ‖Aᵀμ‖_∞ ≤ 1, ⟨y, μ⟩ = ‖x*‖₁ (exact); support and signs read from x*;
/// - uniqueness: A_S injective and (Aᵀμ_ϱ)_S = σ exactly with max_{Sᶜ}|Aᵀμ_ϱ| = the stated bound < 1;
/// - ϱ: exact mode — the witness v has A v = 0, ‖v_{Sᶜ}‖₁ ≤ 1, ⟨σ, v_S⟩ = ϱ = the bound (weak duality);
///   floating mode — a fresh LP solve agrees to 1e-7 and ϱ ≤ the proven bound;
/// - ρ_S: recomputed by fresh LPs (agreement to 1e-6), and ρ_S ≥ ϱ;
/// - flow: Krawczyk's test re-run on the stated box in the frame rebuilt from the data; the recomputed
///   enclosures of x_∞ and of the error must lie inside the stated ones;
/// - rate and closed form recomputed; the verdict must be `certified`.
public enum CertificateVerifier {
    /// The checks performed, each with its outcome.
    public struct Report: Sendable {
        /// The checks that hold.
        public var passed: [String] = []
        /// The checks that fail (empty for a valid certificate).
        public var failed: [String] = []
        /// Whether every check holds.
        public var isValid: Bool { failed.isEmpty }
        mutating func check(_ condition: Bool, _ what: String) {
            if condition { passed.append(what) } else { failed.append(what) }
        }
    }

    /// Verifies; never throws for a wrong certificate — the failures are in the report.
    /// - Throws: ``ErrorCertificatesError/unreadable(_:)`` only when a field cannot be parsed at all.
    public static func verify(_ c: ErrorCertificate) throws(ErrorCertificatesError) -> Report {
        var report = Report()
        report.check(c.format == ErrorCertificate.formatTag, "format is \(ErrorCertificate.formatTag)")
        report.check(c.initConvention == "product", "initialization convention is 'product'")
        let a = try parseMatrix(c.problem.matrix)
        let y = try parse(c.problem.observations, "problem.observations")
        let xStar = try parse(c.basisPursuit.xStar, "basis_pursuit.x_star")
        let mu = try parse(c.basisPursuit.dualCertificate, "basis_pursuit.dual_certificate")
        let muRho = try parse(c.basisPursuit.rhoCertificate, "basis_pursuit.rho_certificate")
        let witness = try parse(c.basisPursuit.rhoWitness, "basis_pursuit.rho_witness")
        let objective = try parseOne(c.basisPursuit.objective, "basis_pursuit.objective")
        let bound = try parseOne(c.basisPursuit.rhoUpperBound, "basis_pursuit.rho_upper_bound")
        let m = a.rows, n = a.columns
        guard y.count == m, xStar.count == n, mu.count == m, muRho.count == m, c.depth >= 2, c.alpha > 0, c.alpha.isFinite else {
            report.failed.append("shapes: A is \(m)×\(n), y has \(y.count), x* \(xStar.count), μ \(mu.count), μ_ϱ \(muRho.count) "
                + "entries; depth \(c.depth), α \(c.alpha)")
            return report
        }
        // Basis pursuit.
        let support = xStar.indices.filter { xStar[$0] != .zero }
        let signs = support.map { xStar[$0].signum }
        report.check(support == c.basisPursuit.support && signs == c.basisPursuit.signs, "support and signs are those of x*")
        report.check(a.multiply(xStar) == y, "A x* = y exactly")
        let z = a.multiplyTransposed(mu)
        report.check(zip(support, signs).allSatisfy { z[$0.0] == Rational($0.1, 1) }, "(Aᵀμ)_S = σ exactly")
        report.check(z.allSatisfy { $0.magnitude <= 1 }, "‖Aᵀμ‖_∞ ≤ 1 exactly")
        let l1 = xStar.reduce(Rational.zero) { $0 + $1.magnitude }
        let dualValue = zip(y, mu).reduce(Rational.zero) { $0 + $1.0 * $1.1 }
        report.check(l1 == objective && dualValue == objective, "⟨y, μ⟩ = ‖x*‖₁ = objective exactly (zero duality gap)")
        // Uniqueness and ϱ.
        let zRho = a.multiplyTransposed(muRho)
        let inSupport = Set(support)
        report.check(zip(support, signs).allSatisfy { zRho[$0.0] == Rational($0.1, 1) }, "(Aᵀμ_ϱ)_S = σ exactly")
        let offMax = zRho.indices.filter { !inSupport.contains($0) }.map { zRho[$0].magnitude }.max() ?? .zero
        report.check(offMax == bound, "max_{Sᶜ}|Aᵀμ_ϱ| equals the stated bound \(c.basisPursuit.rhoUpperBound)")
        report.check(bound < 1, "ϱ ≤ bound < 1 (strict certificate)")
        let frame: SupportFrame
        do { frame = try SupportFrame(matrix: a, observations: y, reference: xStar) } catch {
            report.failed.append("support frame: \(error)")
            return report
        }
        report.passed.append("A_S has full column rank \(support.count) (exact)")
        if c.basisPursuit.exact {
            let rho = try parseOne(c.basisPursuit.rho, "basis_pursuit.rho")
            let av = witness.count == n ? a.multiply(witness) : []
            let offMass = witness.count == n ? witness.indices.filter { !inSupport.contains($0) }.reduce(Rational.zero) { $0 + witness[$1].magnitude } : 2
            let pairing = witness.count == n ? zip(support, signs).reduce(Rational.zero) { $0 + Rational($1.1, 1) * witness[$1.0] } : -1
            report.check(av.count == m && av.allSatisfy { $0 == .zero } && offMass <= 1 && pairing == rho && rho == bound,
                         "ϱ = \(c.basisPursuit.rho) proven: A v = 0, ‖v_{Sᶜ}‖₁ ≤ 1, ⟨σ, v_S⟩ = ϱ = bound")
        }
        let floatingA = a.map(\.doubleValue)
        if let fresh = try? SignedNullSpaceLP.solve(matrix: floatingA, support: support, signs: signs) {
            report.check(abs(fresh.value - c.basisPursuit.rhoValue) <= 1e-7 && c.basisPursuit.rhoValue <= bound.doubleValue + 1e-9,
                         "ϱ = \(c.basisPursuit.rhoValue) agrees with a fresh LP solve (\(fresh.value)) and with the bound")
        } else {
            report.failed.append("fresh ϱ-LP solve failed")
        }
        if let null = try? NullSpaceMatrix(exact: a), let fresh = try? null.supportConstant(support) {
            report.check(abs(fresh.value - c.basisPursuit.supportConstant) <= 1e-6 * max(1, fresh.value)
                         && c.basisPursuit.supportConstant >= c.basisPursuit.rhoValue - 1e-9,
                         "ρ_S = \(c.basisPursuit.supportConstant) agrees with fresh LPs (\(fresh.value)) and ρ_S ≥ ϱ")
        } else {
            report.failed.append("fresh ρ_S solve failed")
        }
        // Flow enclosure.
        var basis: Matrix<Double>?
        if let rows = c.flow.boxBasis {
            guard rows.count == frame.nColumns, rows.allSatisfy({ $0.count == frame.nColumns && $0.allSatisfy(\.isFinite) }),
                  let matrix = try? Matrix(rows) else {
                report.failed.append("flow.box_basis must be a finite \(frame.nColumns)×\(frame.nColumns) matrix")
                return report
            }
            basis = matrix
        }
        let system = EnclosureSystem(frame: frame, depth: c.depth, alpha: c.alpha, basis: basis)
        guard let enclosure = LimitEnclosure.check(system: system, center: c.flow.boxCenter, radius: c.flow.boxRadius) else {
            report.failed.append("Krawczyk's test fails on the stated box: it does not prove where x_∞(α) is")
            return report
        }
        report.passed.append("Krawczyk's test holds on the stated box (a unique zero of the limit equations inside)")
        report.check(c.flow.errorL1Lower <= enclosure.errorL1.lo && enclosure.errorL1.hi <= c.flow.errorL1Upper
                     && c.flow.errorL1Lower > 0,
                     "stated error enclosure [\(c.flow.errorL1Lower), \(c.flow.errorL1Upper)] contains the recomputed "
                     + "\(enclosure.errorL1)")
        report.check(c.flow.xLower.count == n && c.flow.xUpper.count == n && c.flow.x.count == n
                     && (0..<n).allSatisfy { c.flow.xLower[$0] <= enclosure.x[$0].lo && enclosure.x[$0].hi <= c.flow.xUpper[$0]
                         && c.flow.xLower[$0] <= c.flow.x[$0] && c.flow.x[$0] <= c.flow.xUpper[$0] },
                     "stated enclosures of x_∞(α) contain the recomputed ones")
        report.check(abs(c.flow.relativeWidth - (c.flow.errorL1Upper / c.flow.errorL1Lower - 1)) <= 1e-9 * max(1, c.flow.relativeWidth),
                     "relative width = upper/lower − 1")
        // Rate.
        let exponent = Asymptotics.exponent(depth: c.depth, rho: c.basisPursuit.rhoValue)
        let scaled = exp(log(enclosure.errorL1.mid) - exponent * log(c.alpha))
        report.check(c.rate.exponent == exponent && abs(c.rate.scaledError / scaled - 1) <= 1e-6,
                     "rate exponent \(exponent) and err/α^exponent = \(scaled)")
        if c.depth >= 3, let constant = c.rate.constant {
            if let network = try? DiagonalNetwork(exactMatrix: a, observations: y, depth: c.depth, alpha: c.alpha),
               let barrier = try? BarrierCertificate(network: network, reference: xStar.map(\.doubleValue)) {
                report.check(abs(barrier.limitConstant / constant - 1) <= 1e-6, "C_D = \(constant) agrees with a fresh barrier certificate (\(barrier.limitConstant))")
            } else { report.failed.append("barrier certificate could not be recomputed") }
        }
        if let constant = c.rate.constant, let ratio = c.rate.ratio {
            report.check(abs(ratio - c.rate.scaledError / constant) <= 1e-9 * max(1, abs(ratio)), "ratio = scaled error / constant")
        }
        // Closed form.
        if m == 1, n == 2, let closed = ClosedFormBound(a1: a[0, 0].doubleValue, a2: a[0, 1].doubleValue, y: y[0].doubleValue,
                                                       depth: c.depth, alpha: c.alpha) {
            let stated = c.closedForm
            report.check(stated.map { abs($0.lower / closed.lower - 1) <= 1e-9 && abs($0.upper / closed.upper - 1) <= 1e-9 } ?? false,
                         "closed-form bound recomputed [\(closed.lower), \(closed.upper)]")
            report.check(closed.lower * (1 - 1e-12) <= enclosure.errorL1.hi && enclosure.errorL1.lo <= closed.upper * (1 + 1e-12),
                         "the closed-form bound and the enclosure intersect")
        }
        report.check(c.verdict.certified, "verdict is 'certified'")
        return report
    }

    private static func parse(_ values: [String], _ field: String) throws(ErrorCertificatesError) -> [Rational] {
        var result: [Rational] = []
        for (index, text) in values.enumerated() {
            guard let value = try? Rational(parsing: text) else { throw .unreadable("\(field)[\(index)] = '\(text)' is not a rational") }
            result.append(value)
        }
        return result
    }

    private static func parseOne(_ text: String, _ field: String) throws(ErrorCertificatesError) -> Rational {
        guard let value = try? Rational(parsing: text) else { throw .unreadable("\(field) = '\(text)' is not a rational") }
        return value
    }

    private static func parseMatrix(_ rows: [[String]]) throws(ErrorCertificatesError) -> Matrix<Rational> {
        var parsed: [[Rational]] = []
        for (i, row) in rows.enumerated() { parsed.append(try parse(row, "problem.matrix[\(i)]")) }
        guard !parsed.isEmpty, !parsed[0].isEmpty, let matrix = try? Matrix(parsed) else {
            throw .unreadable("problem.matrix is empty or its rows have different lengths")
        }
        return matrix
    }
}
