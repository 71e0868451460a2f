import DenseLinearAlgebra
import ErrorCertificates
import ExactArithmetic
import Testing

/// How x* was found is recorded as the first proof step; the proof is the exact checks after it.
@Suite("certificate: the origin of x*")
struct CertificateOriginTests {
    static let data = (
        Matrix<Rational>(
            rows: 2, columns: 4, elements: [1, Rational(1, 3), Rational(-2, 7), 1, 0, 1, Rational(5, 11), -1]),
        [Rational(1, 5), Rational(2)]
    )

    @Test("floating mode: the ϱ-LP's corrected multiplier is both μ and μ_ϱ; exact mode also certifies")
    func origin() throws {
        let (a, y) = Self.data
        let c = try CertificateBuilder(depth: 2, alpha: 1e-6).certify(matrix: a, observations: y)
        #expect(c.verdict.certified)
        #expect(c.basisPursuit.proofSteps.first?.contains("ϱ-LP's multiplier corrected exactly on S") == true)
        #expect(c.basisPursuit.dualCertificate == c.basisPursuit.rhoCertificate)
        #expect(try CertificateVerifier.verify(c).isValid)
        let exact = try CertificateBuilder(depth: 2, alpha: 1e-6, exact: true).certify(matrix: a, observations: y)
        #expect(exact.verdict.certified && exact.basisPursuit.rho != nil)
        #expect(try CertificateVerifier.verify(exact).isValid)
    }

    @Test("verify accepts either recorded origin (it re-proves x* itself) and rejects any other")
    func recordedOrigin() throws {
        let (a, y) = Self.data
        let c = try CertificateBuilder(depth: 3, alpha: 1e-6).certify(matrix: a, observations: y)
        var other = c
        other.basisPursuit.proofSteps[0] =
            "x* and μ from GLPK's final basis, re-verified in exact rational arithmetic"
        #expect(try CertificateVerifier.verify(other).isValid)
        var invented = c
        invented.basisPursuit.proofSteps[0] = "x* found by inspection"
        #expect(try !CertificateVerifier.verify(invented).isValid)
    }
}
