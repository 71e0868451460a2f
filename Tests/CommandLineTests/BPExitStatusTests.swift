import Foundation
import TestSupport
import Testing

/// Issue 9 items 1, 3, 10 and 15 at the command line: one status behind every verdict, the documented exit
/// statuses, and no GLPK message on any finite data.
@Suite("sparsecert bp / lp: claims, exit statuses, no GLPK text")
struct BPExitStatusTests {
    private func folder(_ files: [String: String]) throws -> URL {
        let url = try TemporaryFolder("sparsecert-bpexit").url
        for (name, text) in files {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url
    }

    @Test("item 1: y = 1e-8 — x* = (0, 5e-9), status optimal, exit 0, in both modes", arguments: [false, true])
    func tinyObservation(exact: Bool) throws {
        let url = try folder(["p.json": #"{"A": [[1, 2]], "y": [1e-8]}"#])
        let output = try CommandRunner.run(["bp", "p.json", "--json"] + (exact ? ["--exact"] : []), in: url)
        #expect(output.status == 0, "\(output.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(report["status"] as? String == "optimal")
        let x = try #require(report["x"] as? [Double])
        #expect(x[0] == 0 && abs(x[1] - 5e-9) <= 1e-20)
    }

    @Test("item 15: floating uniqueness undecided (ϱ = 1) exits 3; --exact decides it and exits 0")
    func undecidedExitsThree() throws {
        let url = try folder(["tie.json": #"{"A": [[1, 1], [1, 1]], "y": [1, 1]}"#])
        let floating = try CommandRunner.run(["bp", "tie.json"], in: url)
        #expect(floating.status == 3)
        #expect(floating.stdout.contains("undecided"))
        #expect(try CommandRunner.run(["bp", "tie.json", "--exact"], in: url).status == 0)
    }

    @Test("item 3: the headline, the JSON status and the steps agree — an exactly infeasible system says infeasible")
    func headlineAgreesWithSteps() throws {
        // Rows 2 = 3 × row 1 exactly, but y₂ = fl(3·0.1) ≠ 3·fl(0.1).
        let url = try folder(["dep.json": #"{"A": [[1, 2], [3, 6]], "y": [0.1, 0.30000000000000004]}"#])
        let text = try CommandRunner.run(["bp", "dep.json", "--exact"], in: url)
        let json = try CommandRunner.run(["bp", "dep.json", "--exact", "--json"], in: url)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let status = try #require(report["status"] as? String)
        #expect(text.stdout.hasPrefix("Basis pursuit on a 2×2 system: \(status)"))
        if status == "optimal" { #expect(!text.stdout.contains("infeasible, proven")) }
        if status == "infeasible" { #expect(report["verified"] as? Bool == true) }
    }

    @Test(
        "item 10: finite data near 1e-320, 1e154 … 1e308 — no GLPK message reaches the user",
        arguments: ["1e-320", "1e154", "1e200", "1e300", "1.7e308"])
    func noGLPKText(magnitude: String) throws {
        let url = try folder([
            "p.json": #"{"A": [[\#(magnitude), 1], [1, \#(magnitude)]], "y": [\#(magnitude), 1]}"#,
            "lp.json": #"{"c": [1, 1], "A_eq": [[\#(magnitude), 1]], "b_eq": [\#(magnitude)]}"#,
        ])
        for arguments in [
            ["bp", "p.json"], ["bp", "p.json", "--exact"], ["lp", "lp.json"],
            ["lp", "lp.json", "--method", "interior-point"], ["lp", "lp.json", "--exact"],
        ] {
            let output = try CommandRunner.run(arguments, in: url)
            #expect([0, 1, 3].contains(output.status), "\(arguments): \(output.status)")
            for text in ["Assertion", "glp_", ".c at line", "Error detected"] {
                #expect(
                    !output.stderr.contains(text) && !output.stdout.contains(text), "\(arguments): \(output.stderr)")
            }
        }
    }

    @Test("item 15: lp --exact exits 3 when infeasibility is not proven exactly; lp exits 0 on infeasible")
    func lpExitStatus() throws {
        let url = try folder(["off.json": #"{"c": [1, 1], "A_eq": [[1, 1], [1, 1]], "b_eq": [1, 2]}"#])
        #expect(try CommandRunner.run(["lp", "off.json"], in: url).status == 0)
        let exact = try CommandRunner.run(["lp", "off.json", "--exact"], in: url)
        #expect(exact.status == 3)
        #expect(exact.stdout.contains("status: infeasible"))
    }
}
