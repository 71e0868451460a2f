import ArgumentParser
import ErrorCertificates
import Foundation
import ProblemData

/// `sparsecert certify`: a self-contained error-bound certificate for (A, y, D, α).
struct CertifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certify",
        abstract: "Certify ‖x_∞(α) − x*‖₁ for a depth-D diagonal network: a JSON document anyone can re-check.",
        discussion: """
            Basis pursuit is solved and proven exactly (x*, its dual certificate, uniqueness through an exact \
            strict certificate of ϱ(S, σ) < 1); x_∞(α) is computed by the limit solver and then enclosed by \
            Krawczyk's test on the exact limit equations, which gives a rigorous interval for ‖x_∞(α) − x*‖₁. \
            With --exact, ϱ is proven exactly too. ρ_S = max over 2^(s−1) sign patterns is computed only with \
            --support-constant (exponential in the sparsity s). α is the product scale (u(0) = v(0) = α^(1/D)). \
            Every claim is checked by the verifier's code before the verdict is written; re-check the result \
            with 'sparsecert verify FILE' (format: docs/certificate.schema.json).

            Exit status: 0 when the certificate is written and every claim in it holds (CERTIFIED); 1 for \
            invalid input or data proven to have no unique basis pursuit solution (nothing is written); 3 when a \
            claim could not be proven (x* not proven optimal or unique, the enclosure did not contract, or the \
            certificate is written with the verdict NOT certified).
            """)

    @OptionGroup var input: ProblemArgument

    @Option(help: "Depth D ≥ 2.")
    var depth: Int

    @Option(help: "Initialization scale α > 0 (product convention).")
    var alpha: Double

    @Flag(help: "Prove ϱ (and ρ_S with --support-constant) in exact rational arithmetic.")
    var exact = false

    @Flag(help: "Also compute ρ_S = max_τ ϱ(S, τ): 2^(s−1) LPs, exponential in the sparsity s.")
    var supportConstant = false

    @Option(help: ArgumentHelp("Write the certificate here (default: print it).", valueName: "FILE"))
    var out: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let loaded = try input.load()
        let built = Result { () throws(ErrorCertificatesError) -> ErrorCertificate in
            try CertificateBuilder(depth: depth, alpha: alpha, exact: exact, supportConstant: supportConstant)
                .certify(matrix: loaded.matrix, observations: loaded.observations)
        }
        let certificate: ErrorCertificate
        switch built {
        case let .success(value): certificate = value
        case let .failure(.enclosureFailed(message)):
            throw CertificateExit.notProven(ErrorCertificatesError.enclosureFailed(message).description)
        case let .failure(.notProven(message)):
            throw CertificateExit.notProven(ErrorCertificatesError.notProven(message).description)
        case let .failure(error): throw error
        }
        let data = try certificate.encoded()
        if let out {
            try OutputFile.write([UInt8](data), to: out)
        }
        if output.json || out == nil {
            print(String(decoding: data, as: UTF8.self))
        } else {
            let flow = certificate.flow
            let width = flow.relativeWidth.map { String(format: "%.1e", $0) } ?? "undefined"
            print(
                "Certificate for depth \(depth), α = \(alpha): \(certificate.verdict.certified ? "CERTIFIED" : "NOT certified")"
            )
            print("‖x_∞(α) − x*‖₁ ∈ [\(flow.errorL1Lower), \(flow.errorL1Upper)]   (upper/lower − 1 = \(width))")
            for reason in certificate.verdict.reasons { print("  • \(reason)") }
            print("written to \(out ?? "-")")
        }
        guard certificate.verdict.certified else {
            throw CertificateExit.notProven(
                "the certificate's verdict is NOT certified: run 'sparsecert verify' on it "
                    + "for the claims that fail")
        }
    }
}

/// Exit status 3 (``ExitStatus/notProven``) after `Error: <message>` on stderr: a claim was not proven.
enum CertificateExit {
    static func notProven(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
        return ExitStatus.notProven
    }
}
