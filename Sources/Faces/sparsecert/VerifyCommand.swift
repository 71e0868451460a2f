import ArgumentParser
import ErrorCertificates
import Foundation

/// `sparsecert verify`: re-checks a certificate from its data alone.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-check every claim of a certificate written by 'sparsecert certify', trusting nothing in it.",
        discussion: """
            The file is read strictly (docs/certificate.schema.json): unknown or duplicate keys, null for an \
            absent field, non-canonical numbers and oversized files or numbers are refused. Every claim is then \
            re-checked from the data with the same code 'certify' ran. A stated ρ_S (certify --support-constant) takes \
            2^(|S|−1) LPs to re-check: for |S| > 13 that check fails (the certificate is not accepted) unless \
            --support-constant is given.

            Exit status: 0 when every check passes; 1 when the file cannot be read or is not a certificate; \
            3 when the certificate is rejected (the failed checks are listed on stderr) — a changed x*, ϱ, \
            enclosure, rate, reason or data is rejected.
            """)

    @Argument(help: "The certificate file (JSON).")
    var certificate: String

    @Flag(help: "Re-check a stated ρ_S even when |S| > 13 (2^(|S|−1) LPs, exponential in |S|).")
    var supportConstant = false

    @OptionGroup var output: OutputOptions

    struct Report: Encodable {
        let valid: Bool
        let passed: [String]
        let failed: [String]
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: certificate) else {
            throw CommandFailure("cannot read \(certificate): no such file or not readable")
        }
        let report: CertificateVerifier.Report
        do {
            report = try CertificateVerifier.verify(
                try ErrorCertificate.decode(data),
                supportConstantSparsityLimit: supportConstant ? nil : CertificateVerifier.supportConstantSparsityLimit)
        } catch { throw CommandFailure("\(certificate): \(error.description)") }
        if output.json {
            try printJSON(Report(valid: report.isValid, passed: report.passed, failed: report.failed))
        } else {
            for check in report.passed { print("✓ \(check)") }
        }
        guard report.isValid else {
            throw CertificateExit.notProven(ErrorCertificatesError.rejected(report.failed).description)
        }
        if !output.json { print("certificate VALID: \(report.passed.count) checks passed") }
    }
}
