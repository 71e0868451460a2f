import DenseLinearAlgebra
import ErrorCertificates
import ExactArithmetic
import Foundation
import Testing

/// The 1×2 family A = [a₁, a₂], y (x* = (y/a₁, 0), ϱ = |a₂/a₁|), where err has the closed form checked here.
func oneByTwo(_ a1: Rational, _ a2: Rational, y: Rational = 1) -> (Matrix<Rational>, [Rational]) {
    (Matrix(rows: 1, columns: 2, elements: [a1, a2]), [y])
}

@Suite("error-bound certificates")
struct ErrorCertificateTests {
    @Test(
        "enclosures are tight, contain the closed form's limit, and verify", arguments: [2, 3, 4], [1e-2, 1e-12, 1e-30])
    func oneRFamily(depth: Int, alpha: Double) throws {
        let (a, y) = oneByTwo(1, Rational(1, 2))
        let c = try CertificateBuilder(depth: depth, alpha: alpha).certify(matrix: a, observations: y)
        #expect(c.verdict.certified)
        #expect(c.flow.errorL1Lower > 0 && (c.flow.relativeWidth ?? 1) < 1e-6)
        let closed = try #require(c.closedForm)
        #expect(closed.consistent && closed.lower <= closed.upper)
        #expect(try CertificateVerifier.verify(c).isValid)
        // As α → 0 the ratio to (1 + r)α^(1−r) (D = 2) or C_D·α tends to 1.
        if alpha == 1e-30 { #expect(abs((c.rate.ratio ?? 0) - 1) < 1e-3) }
    }

    /// Issue 9, item 14: the D = 2 constant of [a₁, a₂], y is (1 + r)·|y/a₁|^r, so err/law → 1 for every y and a₁.
    @Test(
        "the D = 2 constant of [a₁, a₂], y is (1 + r)·|y/a₁|^r",
        arguments: [
            (Rational(2), Rational(1), Rational(1)), (Rational(1), Rational(1, 2), Rational(1)),
            (Rational(-3), Rational(1), Rational(5)), (Rational(1, 8), Rational(-1, 32), Rational(-7, 2)),
        ])
    func depthTwoConstant(a1: Rational, a2: Rational, y: Rational) throws {
        let (a, observations) = oneByTwo(a1, a2, y: y)
        let c = try CertificateBuilder(depth: 2, alpha: 1e-40).certify(matrix: a, observations: observations)
        let r = (a2 / a1).magnitude.doubleValue, target = (y / a1).magnitude.doubleValue
        #expect(abs((c.rate.constant ?? 0) / ((1 + r) * pow(target, r)) - 1) < 1e-12)
        #expect(abs((c.rate.ratio ?? 0) - 1) < 1e-6, "err/law = \(c.rate.ratio ?? .nan)")
        #expect(try CertificateVerifier.verify(c).isValid)
    }

    @Test("no D = 2 constant is claimed for data outside the 1×2 family")
    func noInventedConstant() throws {
        let a = Matrix<Rational>(rows: 2, columns: 3, elements: [1, 0, Rational(1, 3), 0, 1, Rational(1, 4)])
        let c = try CertificateBuilder(depth: 2, alpha: 1e-8).certify(matrix: a, observations: [1, 2])
        #expect(c.rate.constant == nil && c.rate.ratio == nil && c.closedForm == nil)
        #expect(try CertificateVerifier.verify(c).isValid)
    }

    /// Issue 9, item 9 (certify side): with full support x_∞(α) = x*, so the enclosure is [0, tiny] and no
    /// rate constant is claimed; 1×1, m = n and m > n.
    @Test(
        "full support: x_∞ = x*, certified and verified", arguments: [2, 3],
        [
            (Matrix<Rational>(rows: 1, columns: 1, elements: [2]), [Rational(3)]),
            (Matrix<Rational>(rows: 2, columns: 2, elements: [1, Rational(1, 3), 0, 1]), [Rational(1), Rational(2)]),
            (
                Matrix<Rational>(rows: 3, columns: 2, elements: [1, 0, 0, 1, 1, 1]),
                [Rational(1), Rational(2), Rational(3)]
            ),
        ])
    func fullSupport(depth: Int, data: (Matrix<Rational>, [Rational])) throws {
        let c = try CertificateBuilder(depth: depth, alpha: 1e-6).certify(matrix: data.0, observations: data.1)
        #expect(c.verdict.certified && c.flow.errorL1Lower == 0 && c.flow.errorL1Upper < 1e-300)
        #expect(c.rate.constant == nil && c.flow.relativeWidth == nil)
        #expect(try CertificateVerifier.verify(c).isValid)
    }

    /// Issue 9, item 11: x* = (1/3, 0, 0) is not a double; the certificate must not depend on it being one.
    @Test("D = 3 with an x* that is not a double", arguments: [2, 3, 4])
    func nonDoubleReference(depth: Int) throws {
        let a = Matrix<Rational>(rows: 1, columns: 3, elements: [3, 1, 1])
        let c = try CertificateBuilder(depth: depth, alpha: 1e-6).certify(matrix: a, observations: [1])
        #expect(c.basisPursuit.xStar == [Rational(1, 3), 0, 0])
        #expect(c.verdict.certified)
        #expect(try CertificateVerifier.verify(c).isValid)
    }

    @Test("C_D of [1, r] is (1 + r)·h_D(r)")
    func limitConstant() throws {
        let (a, y) = oneByTwo(1, Rational(1, 2))
        let c = try CertificateBuilder(depth: 3, alpha: 1e-20).certify(matrix: a, observations: y)
        // h₃(1/2) = (1/2)^(−3) − (3/2)^(−3) = 8 − 8/27.
        #expect(abs((c.rate.constant ?? 0) - 1.5 * (8 - 8.0 / 27)) < 1e-9)
    }

    @Test("ρ_S is computed only when asked for, and then verified")
    func supportConstantOptIn() throws {
        let (a, y) = oneByTwo(1, Rational(1, 3))
        let plain = try CertificateBuilder(depth: 2, alpha: 1e-8, exact: true).certify(matrix: a, observations: y)
        #expect(plain.basisPursuit.supportConstant == nil && plain.basisPursuit.supportConstantExact == nil)
        let with = try CertificateBuilder(depth: 2, alpha: 1e-8, exact: true, supportConstant: true)
            .certify(matrix: a, observations: y)
        #expect(with.basisPursuit.supportConstantExact == Rational(1, 3))
        #expect(try CertificateVerifier.verify(plain).isValid && CertificateVerifier.verify(with).isValid)
    }

    /// Issue 9, item 12: every claim below was accepted when changed.
    @Test("a changed claim is rejected", arguments: Tampering.allCases)
    func tampering(change: Tampering) throws {
        let (a, y) = oneByTwo(1, Rational(1, 3))
        let exact = change == .supportConstantExact
        var c = try CertificateBuilder(depth: 2, alpha: 1e-8, exact: exact, supportConstant: exact)
            .certify(matrix: a, observations: y)
        #expect(try CertificateVerifier.verify(c).isValid)
        change.apply(to: &c)
        #expect(try !CertificateVerifier.verify(c).isValid)
    }

    @Test("an invented closed form on data without one is rejected")
    func inventedClosedForm() throws {
        let a = Matrix<Rational>(rows: 2, columns: 3, elements: [1, 0, Rational(1, 3), 0, 1, Rational(1, 4)])
        var c = try CertificateBuilder(depth: 2, alpha: 1e-8).certify(matrix: a, observations: [1, 2])
        let (b, z) = oneByTwo(1, Rational(1, 3))
        c.closedForm = try CertificateBuilder(depth: 2, alpha: 1e-8).certify(matrix: b, observations: z).closedForm
        #expect(c.closedForm != nil)
        #expect(try !CertificateVerifier.verify(c).isValid)
    }

    @Test("a round trip through JSON keeps the certificate valid")
    func roundTrip() throws {
        let (a, y) = oneByTwo(1, Rational(1, 4))
        let c = try CertificateBuilder(depth: 4, alpha: 1e-6, exact: true).certify(matrix: a, observations: y)
        let decoded = try ErrorCertificate.decode(try c.encoded())
        #expect(decoded == c)
        #expect(decoded.basisPursuit.rho == Rational(1, 4))
        #expect(try CertificateVerifier.verify(decoded).isValid)
    }

    @Test("bad input is refused with a message")
    func badInput() throws {
        let (a, y) = oneByTwo(1, Rational(1, 2))
        #expect(throws: ErrorCertificatesError.self) {
            try CertificateBuilder(depth: 1, alpha: 0.1).certify(matrix: a, observations: y)
        }
        #expect(throws: ErrorCertificatesError.self) {
            try CertificateBuilder(depth: 2, alpha: -1).certify(matrix: a, observations: y)
        }
        // ϱ = 1: BP not unique.
        let tie = Matrix<Rational>(rows: 1, columns: 2, elements: [1, 1])
        #expect(throws: ErrorCertificatesError.self) {
            try CertificateBuilder(depth: 2, alpha: 0.1).certify(matrix: tie, observations: [1])
        }
        #expect(throws: ErrorCertificatesError.self) { try ErrorCertificate.decode(Data("{\"format\": 1}".utf8)) }
    }
}

/// The claims issue 9 found unchecked, each changed slightly.
enum Tampering: String, CaseIterable, CustomTestStringConvertible {
    case supportConstantExact, rho, rateConstant, rateLaw, closedForm, noClosedForm, reasons, proofSteps
    case relativeWidth, xMidpoint, objective
    var testDescription: String { rawValue }

    func apply(to c: inout ErrorCertificate) {
        switch self {
        case .supportConstantExact: c.basisPursuit.supportConstantExact = Rational(1, 3) + Rational(1, 1000)
        case .rho: c.basisPursuit.rhoValue = c.basisPursuit.rhoValue.nextUp
        case .rateConstant: c.rate.constant = (c.rate.constant ?? 1) * (1 + 1e-12)
        case .rateLaw: c.rate.law = "c·α^(1−ϱ)·log(1/α)"
        case .closedForm: c.closedForm?.upper *= 1 + 1e-9
        case .noClosedForm: c.closedForm = nil
        case .reasons: c.verdict.reasons[0] += " (and more)"
        case .proofSteps: c.basisPursuit.proofSteps.append("x* is optimal by inspection")
        case .relativeWidth: c.flow.relativeWidth = (c.flow.relativeWidth ?? 0) * (1 + 1e-12)
        case .xMidpoint: c.flow.x[1] = c.flow.x[1].nextUp
        case .objective: c.basisPursuit.objective = c.basisPursuit.objective + Rational(1, 10)
        }
    }
}
