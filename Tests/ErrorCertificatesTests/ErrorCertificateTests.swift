import DenseLinearAlgebra
import ErrorCertificates
import ExactArithmetic
import Foundation
import Testing

/// The 1×2 family A = [1, r], y = 1 (x* = (1, 0), ϱ = r), where err has the closed form checked here.
private func oneR(_ r: Rational) -> (Matrix<Rational>, [Rational]) {
    (Matrix(rows: 1, columns: 2, elements: [1, r]), [1])
}

@Suite("error-bound certificates")
struct ErrorCertificateTests {
    @Test("enclosures are tight, contain the closed form's limit, and verify", arguments: [2, 3, 4], [1e-2, 1e-12, 1e-30])
    func oneRFamily(depth: Int, alpha: Double) throws {
        let (a, y) = oneR(Rational(1, 2))
        let c = try CertificateBuilder(depth: depth, alpha: alpha).certify(matrix: a, observations: y)
        #expect(c.verdict.certified)
        #expect(c.flow.errorL1Lower > 0 && c.flow.relativeWidth < 1e-6)
        let closed = try #require(c.closedForm)
        #expect(closed.consistent && closed.lower <= closed.upper)
        #expect(try CertificateVerifier.verify(c).isValid)
        // As α → 0 the ratio to (1 + r)α^(1−r) (D = 2) or C_D·α tends to 1.
        if alpha == 1e-30 { #expect(abs((c.rate.ratio ?? 0) - 1) < 1e-3) }
    }

    @Test("C_D of [1, r] is (1 + r)·h_D(r)")
    func limitConstant() throws {
        let (a, y) = oneR(Rational(1, 2))
        let c = try CertificateBuilder(depth: 3, alpha: 1e-20).certify(matrix: a, observations: y)
        // h₃(1/2) = (1/2)^(−3) − (3/2)^(−3) = 8 − 8/27.
        #expect(abs((c.rate.constant ?? 0) - 1.5 * (8 - 8.0 / 27)) < 1e-9)
    }

    @Test("tampering is rejected: x*, ϱ, the enclosure, the data")
    func tampering() throws {
        let (a, y) = oneR(Rational(1, 3))
        let original = try CertificateBuilder(depth: 2, alpha: 1e-8).certify(matrix: a, observations: y)
        #expect(try CertificateVerifier.verify(original).isValid)
        var changedX = original
        changedX.basisPursuit.xStar = ["1", "1/1000"]
        var changedRho = original
        changedRho.basisPursuit.rhoValue = 0.3
        var narrower = original
        narrower.flow.errorL1Upper = original.flow.errorL1Lower * (1 + 1e-17) + (original.flow.errorL1Upper - original.flow.errorL1Lower) / 4
        narrower.flow.relativeWidth = narrower.flow.errorL1Upper / narrower.flow.errorL1Lower - 1
        var shifted = original
        shifted.flow.errorL1Lower *= 1.01
        shifted.flow.errorL1Upper *= 1.01
        var changedData = original
        changedData.problem.matrix = [["1", "3/8"]]
        for tampered in [changedX, changedRho, narrower, shifted, changedData] {
            #expect(try !CertificateVerifier.verify(tampered).isValid)
        }
    }

    @Test("a round trip through JSON keeps the certificate valid")
    func roundTrip() throws {
        let (a, y) = oneR(Rational(1, 4))
        let c = try CertificateBuilder(depth: 4, alpha: 1e-6, exact: true).certify(matrix: a, observations: y)
        let decoded = try ErrorCertificate.decode(try c.encoded())
        #expect(decoded == c)
        #expect(decoded.basisPursuit.rho == "1/4")
        #expect(try CertificateVerifier.verify(decoded).isValid)
    }

    @Test("bad input is refused with a message")
    func badInput() throws {
        let (a, y) = oneR(Rational(1, 2))
        #expect(throws: ErrorCertificatesError.self) { try CertificateBuilder(depth: 1, alpha: 0.1).certify(matrix: a, observations: y) }
        #expect(throws: ErrorCertificatesError.self) { try CertificateBuilder(depth: 2, alpha: -1).certify(matrix: a, observations: y) }
        // ϱ = 1: BP not unique.
        let tie = Matrix<Rational>(rows: 1, columns: 2, elements: [1, 1])
        #expect(throws: ErrorCertificatesError.self) { try CertificateBuilder(depth: 2, alpha: 0.1).certify(matrix: tie, observations: [1]) }
        #expect(throws: ErrorCertificatesError.self) { try ErrorCertificate.decode(Data("{\"format\": 1}".utf8)) }
    }
}
