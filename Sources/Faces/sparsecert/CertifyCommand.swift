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
            strict certificate of ϱ(S, σ) < 1); ρ_S is computed; x_∞(α) is computed by the limit solver and then \
            enclosed by Krawczyk's test on the exact limit equations, which gives a rigorous interval for \
            ‖x_∞(α) − x*‖₁. With --exact, ϱ and ρ_S are proven exactly too. α is the product scale \
            (u(0) = v(0) = α^(1/D)). Re-check the result with 'sparsecert verify FILE'.
            """)

    @OptionGroup var input: ProblemArgument

    @Option(help: "Depth D ≥ 2.")
    var depth: Int

    @Option(help: "Initialization scale α > 0 (product convention).")
    var alpha: Double

    @Flag(help: "Prove ϱ and ρ_S in exact rational arithmetic.")
    var exact = false

    @Option(help: ArgumentHelp("Write the certificate here (default: print it).", valueName: "FILE"))
    var out: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let loaded = try input.load()
        let certificate: ErrorCertificate
        do {
            certificate = try CertificateBuilder(depth: depth, alpha: alpha, exact: exact)
                .certify(matrix: loaded.matrix, observations: loaded.observations)
        } catch { throw CommandFailure(error.description) }
        let data = try certificate.encoded()
        if let out {
            try OutputFile.write([UInt8](data), to: out)
        }
        if output.json || out == nil {
            if out == nil || output.json { print(String(decoding: data, as: UTF8.self)) }
            return
        }
        let flow = certificate.flow
        print("Certificate for depth \(depth), α = \(alpha): \(certificate.verdict.certified ? "CERTIFIED" : "NOT certified")")
        print("‖x_∞(α) − x*‖₁ ∈ [\(flow.errorL1Lower), \(flow.errorL1Upper)]   (upper/lower − 1 = \(String(format: "%.1e", flow.relativeWidth)))")
        for reason in certificate.verdict.reasons { print("  • \(reason)") }
        print("written to \(out ?? "-")")
    }
}
