import DenseLinearAlgebra
import ExactArithmetic
import Foundation
import Testing

@testable import ErrorCertificates

/// The bounded fuzz campaign over `ErrorCertificate.decode` and `CertificateVerifier.verify`: every leaf of a
/// valid certificate's JSON is mutated (numbers shifted, scaled, negated, zeroed or turned into strings; exact
/// numbers changed by one; flags flipped; strings edited), every member removed, an unknown member added, every
/// array shortened and lengthened, and keys duplicated with a different value. Each mutant must be refused by
/// the reader or rejected by the verifier — never accepted, never a crash. The only mutants allowed through
/// change the proof's working data — the Krawczyk box, or another valid dual certificate μ, μ_ϱ or exact
/// witness v — which may still prove the very same claims. The 3×6 certificate's mutants are sampled (every
/// third) to keep the test near a second.
@Suite("certificate fuzzing")
struct CertificateFuzzTests {
    /// Mutants that only touch the proof's working data, not a claim.
    static let proofData = [
        "flow.box_center", "flow.box_radius", "flow.box_basis", "basis_pursuit.dual_certificate",
        "basis_pursuit.rho_certificate", "basis_pursuit.rho_witness",
    ]

    struct Outcome {
        var mutants = 0, refusedByReader = 0, rejectedByVerifier = 0, proofDataAccepted = 0
        var claimsAccepted: [String] = []
    }

    static func certificates() throws -> [(String, ErrorCertificate, stride: Int)] {
        let oneR = Matrix<Rational>(rows: 1, columns: 2, elements: [1, Rational(1, 3)])
        let small = Matrix<Rational>(
            rows: 3, columns: 6,
            elements: [
                1, 0, 0, Rational(1, 2), Rational(1, 4), Rational(-1, 4),
                0, 1, 0, Rational(1, 4), Rational(-1, 2), Rational(1, 8),
                0, 0, 1, Rational(-1, 8), Rational(1, 4), Rational(1, 2),
            ])
        return [
            (
                "1×2, D = 2, exact, ρ_S",
                try CertificateBuilder(depth: 2, alpha: 1e-8, exact: true, supportConstant: true)
                    .certify(matrix: oneR, observations: [1]), 1
            ),
            (
                "3×6, D = 3",
                try CertificateBuilder(depth: 3, alpha: 1e-6).certify(
                    matrix: small, observations: [1, 0, Rational(-1, 2)]), 3
            ),
        ]
    }

    @Test("every mutation of a claim is refused or rejected; none crashes")
    func campaign() throws {
        var outcome = Outcome()
        for (name, certificate, stride) in try Self.certificates() {
            let tree = try StrictJSON.parse(try certificate.encoded())
            #expect(
                try CertificateVerifier.verify(try ErrorCertificate.decode(Data(Mutation.render(tree).utf8))).isValid)
            for (index, mutant) in Mutation.mutants(of: tree).enumerated() where index % stride == 0 {
                outcome.mutants += 1
                guard let decoded = try? ErrorCertificate.decode(Data(mutant.text.utf8)),
                    let report = try? CertificateVerifier.verify(decoded)
                else {
                    outcome.refusedByReader += 1
                    continue
                }
                if !report.isValid {
                    outcome.rejectedByVerifier += 1
                } else if Self.proofData.contains(where: { mutant.path.hasPrefix($0) }) {
                    outcome.proofDataAccepted += 1
                } else {
                    outcome.claimsAccepted.append("\(name): \(mutant.path) — \(mutant.what)")
                }
            }
        }
        print(
            "certificate fuzzing: \(outcome.mutants) mutants, \(outcome.refusedByReader) refused by the reader, "
                + "\(outcome.rejectedByVerifier) rejected by the verifier, \(outcome.proofDataAccepted) proof-data changes that "
                + "still prove the same claims, \(outcome.claimsAccepted.count) changed claims accepted")
        #expect(outcome.claimsAccepted.isEmpty, "\(outcome.claimsAccepted)")
        #expect(outcome.mutants > 250)
    }

    @Test(
        "duplicate keys, unknown keys, nulls, non-canonical numbers and oversized input are refused",
        arguments: [
            ("{\"format\": \"a\", \"format\": \"b\"}", "duplicate key 'format'"),
            ("{\"a\": {\"b\": 1, \"\\u0062\": 2}}", "duplicate key 'a.b'"),
            ("[" + String(repeating: "[", count: 40) + String(repeating: "]", count: 41), "nested deeper"),
            ("{\"x\": \"" + String(repeating: "7", count: 60_000) + "\"}", "longer than 50000 bytes"),
            ("{\"x\": 01}", "malformed number"),
            ("{\"x\": 1} 2", "text after the end"),
        ])
    func strictReader(text: String, message: String) {
        #expect(throws: ErrorCertificatesError.self) { try StrictJSON.parse(Data(text.utf8)) }
        do { _ = try StrictJSON.parse(Data(text.utf8)) } catch {
            #expect(error.description.contains(message), "\(error)")
        }
    }

    @Test("the reader names the field: unknown, null, non-canonical")
    func canonicalForm() throws {
        let certificate = try Self.certificates()[0].1
        let text = String(decoding: try certificate.encoded(), as: UTF8.self)
        let cases = [
            (
                text.replacingOccurrences(of: "\"depth\" : 2", with: "\"depth\" : 2, \"extra\" : 1"),
                "unknown field 'extra'"
            ),
            (text.replacingOccurrences(of: "\"rho\" : \"1/3\"", with: "\"rho\" : \"2/6\""), "basis_pursuit.rho"),
            (
                text.replacingOccurrences(of: "\"depth\" : 2", with: "\"depth\" : 2, \"closedForm\" : null"),
                "closedForm"
            ),
            (
                text.replacingOccurrences(of: "\"depth\" : 2", with: "\"depth\" : 2, \"depth\" : 3"),
                "duplicate key 'depth'"
            ),
        ]
        for (mutated, message) in cases {
            #expect(mutated != text)
            #expect(throws: ErrorCertificatesError.self) { try ErrorCertificate.decode(Data(mutated.utf8)) }
            do { _ = try ErrorCertificate.decode(Data(mutated.utf8)) } catch {
                #expect(error.description.contains(message), "\(error)")
            }
        }
    }
}
