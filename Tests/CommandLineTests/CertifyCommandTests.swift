import Foundation
import TestSupport
import Testing

@Suite("sparsecert certify, verify, sweep")
struct CertifyCommandTests {
    static func problem(_ text: String = "{\"A\": [[1, \"1/2\"]], \"y\": [1]}") throws -> String {
        try TemporaryFolder("cert").write("problem.json", text)
    }

    @Test("certify writes a certificate that verify accepts, and verify rejects a tampered one")
    func roundTrip() throws {
        let input = try Self.problem()
        let out = input + ".cert"
        let certified = try CommandRunner.run(["certify", input, "--depth", "3", "--alpha", "1e-20", "--out", out])
        #expect(certified.status == 0)
        #expect(certified.stdout.contains("CERTIFIED"))
        #expect(try CommandRunner.run(["verify", out]).status == 0)
        let text = try String(contentsOfFile: out, encoding: .utf8).replacingOccurrences(of: "\"1/2\"", with: "\"1/3\"")
        try text.write(toFile: out, atomically: true, encoding: .utf8)
        let rejected = try CommandRunner.run(["verify", out])
        #expect(rejected.status == 3 && rejected.stderr.contains("REJECTED"))
    }

    @Test(
        "a zero barrier constant (no off-support pull: C_D = 0) is stated as 0, with no infinite ratio",
        arguments: [3, 4])
    func zeroRateConstant(depth: Int) throws {
        let input = try Self.problem("{\"A\": [[1, 0, 0], [0, 1, 1]], \"y\": [1, 0]}")
        let out = input + ".cert"
        let certified = try CommandRunner.run([
            "certify", input, "--depth", "\(depth)", "--alpha", "1e-3", "--out", out,
        ])
        #expect(certified.status == 0, "\(certified.stderr)")
        #expect(certified.stdout.contains("the predicted constant is 0"))
        #expect(try CommandRunner.run(["verify", out]).status == 0)
    }

    @Test("exit statuses: 0 valid, 1 unreadable (duplicate or unknown key), 3 rejected; ρ_S only when asked for")
    func exitStatuses() throws {
        let input = try Self.problem()
        let out = input + ".cert"
        let plain = try CommandRunner.run(["certify", input, "--depth", "2", "--alpha", "1e-8", "--json"])
        #expect(plain.status == 0 && !plain.stdout.contains("\"support_constant\""))
        let certified = try CommandRunner.run([
            "certify", input, "--depth", "2", "--alpha", "1e-8", "--exact",
            "--support-constant", "--out", out,
        ])
        #expect(certified.status == 0 && certified.stdout.contains("ρ_S = 1/2 (exact)"))
        let text = try String(contentsOfFile: out, encoding: .utf8)
        let cases: [(String, Int32, String)] = [
            (text, 0, ""),
            (
                text.replacingOccurrences(of: "\"depth\" : 2", with: "\"depth\" : 2, \"depth\" : 3"), 1,
                "duplicate key 'depth'"
            ),
            (
                text.replacingOccurrences(of: "\"depth\" : 2", with: "\"depth\" : 2, \"note\" : 3"), 1,
                "unknown field 'note'"
            ),
            (
                text.replacingOccurrences(
                    of: "\"support_constant_exact\" : \"1/2\"", with: "\"support_constant_exact\" : \"3/5\""),
                3, "ρ_S"
            ),
        ]
        for (document, status, message) in cases {
            try document.write(toFile: out, atomically: true, encoding: .utf8)
            let verified = try CommandRunner.run(["verify", out])
            #expect(
                verified.status == status && (message.isEmpty || verified.stderr.contains(message)),
                "\(verified.stderr)")
        }
    }

    @Test(
        "bad input gives a message and a non-zero exit",
        arguments: [
            ["certify", "MISSING.json", "--depth", "2", "--alpha", "0.1"],
            ["certify", "PROBLEM", "--depth", "1", "--alpha", "0.1"],
            ["certify", "PROBLEM", "--depth", "2", "--alpha", "-3"],
            ["certify", "TIE", "--depth", "2", "--alpha", "0.1"],
            ["verify", "MISSING.json"],
            ["verify", "PROBLEM"],
            ["sweep", "PROBLEM", "--depths", "1,2"],
            ["sweep", "PROBLEM", "--alphas", "1e-1:1e-5"],
            ["sweep", "PROBLEM", "--shard", "3/2"],
            ["sweep", "TIE"],
        ])
    func badInput(arguments: [String]) throws {
        let problem = try Self.problem(), tie = try Self.problem("{\"A\": [[1, 1]], \"y\": [1]}")
        let output = try CommandRunner.run(arguments.map { $0 == "PROBLEM" ? problem : $0 == "TIE" ? tie : $0 })
        #expect(output.status != 0)
        #expect(output.stderr.contains("Error"))
    }

    @Test("a tie (ϱ = 1): not proven in floating point (exit 3), proven not unique with --exact (exit 1)")
    func tie() throws {
        let tie = try Self.problem("{\"A\": [[1, 1]], \"y\": [1]}")
        let floating = try CommandRunner.run(["certify", tie, "--depth", "2", "--alpha", "0.1"])
        #expect(floating.status == 3 && floating.stderr.contains("not proven"), "\(floating.stderr)")
        let exact = try CommandRunner.run(["certify", tie, "--depth", "2", "--alpha", "0.1", "--exact"])
        #expect(exact.status == 1 && exact.stderr.contains("ϱ(S, σ) = 1 ≥ 1, proven exactly"), "\(exact.stderr)")
    }

    @Test("sweep prints fitted slopes near the predictions and writes CSV and SVG")
    func sweep() throws {
        let input = try Self.problem()
        let csv = input + ".csv", svg = input + ".svg"
        let output = try CommandRunner.run([
            "sweep", input, "--alphas", "1e-10:1e-40:6", "--csv", csv, "--plot", svg, "--json",
        ])
        #expect(output.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let depths = try #require(document["depths"] as? [[String: Any]])
        for depth in depths {
            let fitted = try #require(depth["fitted_slope"] as? Double),
                predicted = try #require(depth["predicted_slope"] as? Double)
            #expect(abs(fitted / predicted - 1) < 0.01)
        }
        #expect(try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").count == 19)
        #expect(try String(contentsOfFile: svg, encoding: .utf8).hasPrefix("<svg"))
    }
}
