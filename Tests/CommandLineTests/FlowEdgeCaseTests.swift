import Foundation
import TestSupport
import Testing

/// `flow`, `sweep` and `certify` on square systems, 1×1, full support, y = 0 and a zero column: a correct
/// answer or a clear error with the documented exit status, never a trap (issue 9, items 9 and 11).
@Suite("flow, sweep and certify on degenerate data")
struct FlowEdgeCaseTests {
    /// Problem files and whether x_∞(α) = x* for every α (the interpolating x is unique where it matters).
    static let problems: [(name: String, json: String, limitIsReference: Bool)] = [
        ("1×1", #"{"A": [[2]], "y": [3]}"#, true),
        ("2×2", #"{"A": [[2, 1], [1, 3]], "y": [3, -1]}"#, true),
        ("full support", #"{"A": [[1, 0.5, 0.25], [0, 1, 1]], "y": [3, -2]}"#, false),
        ("zero column", #"{"A": [[1, 0, 2], [0, 0, 1]], "y": [1, 1]}"#, true),
        ("y = 0", #"{"A": [[1, 2, 0], [0, 1, 1]], "y": [0, 0]}"#, true),
        ("x* = 1/3", #"{"A": [[3, 1, 1]], "y": [1]}"#, false),
    ]

    static func withFile<T>(_ json: String, _ body: (String) throws -> T) throws -> T {
        let folder = try TemporaryFolder("edge")
        defer { folder.remove() }
        return try body(try folder.write("problem.json", json))
    }

    @Test(
        "flow: every method answers (exit 3 at a simulation's step cap); x_∞ = x* where the interpolant is unique",
        arguments: 0..<problems.count)
    func flow(index: Int) throws {
        let problem = Self.problems[index]
        try Self.withFile(problem.json) { path in
            for arguments in [
                ["--depth", "2", "--alpha", "1e-30"], ["--depth", "4", "--alpha", "1e-3"],
                ["--depth", "3", "--alpha", "1e-2", "--method", "ode", "--max-steps", "2000"],
                ["--depth", "2", "--alpha", "1e-2", "--method", "gd", "--max-steps", "2000"],
            ] {
                let output = try CommandRunner.run(["flow", path, "--json"] + arguments)
                let parsed = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
                let report = try #require(parsed as? [String: Any])
                // A simulation stopped by --max-steps before converging exits 3 (its x is not x_∞).
                let converged = try #require(report["converged"] as? Bool)
                #expect(output.status == (converged ? 0 : 3), "\(problem.name) \(arguments): \(output.stderr)")
                let error = try #require(report["error_l1"] as? Double)
                if problem.limitIsReference && arguments.count == 4 { #expect(error == 0, "\(problem.name)") }
                #expect(error.isFinite)
            }
        }
    }

    @Test("sweep: a table, and 'none' for the slope when x_∞ = x* at every α", arguments: 0..<problems.count)
    func sweep(index: Int) throws {
        let problem = Self.problems[index]
        try Self.withFile(problem.json) { path in
            let output = try CommandRunner.run(["sweep", path, "--alphas", "1e-2:1e-20:3"])
            #expect(output.status == 0, "\(problem.name): \(output.stderr)")
            #expect(output.stdout.contains("none: x_∞(α) = x* exactly at every α") == problem.limitIsReference)
        }
    }

    @Test("certify (D = 2 and 3) ends with a documented status, never a signal", arguments: 0..<problems.count)
    func certify(index: Int) throws {
        let problem = Self.problems[index]
        try Self.withFile(problem.json) { path in
            for depth in ["2", "3"] {
                let output = try CommandRunner.run(["certify", path, "--depth", depth, "--alpha", "1e-3"])
                #expect([0, 1, 3].contains(output.status), "\(problem.name), D = \(depth): \(output.stderr)")
                if output.status == 1 { #expect(output.stderr.hasPrefix("Error: ")) }
            }
        }
    }

    @Test("certify --depth 3 and verify accept x* = 1/3")
    func third() throws {
        try Self.withFile(Self.problems[5].json) { path in
            let certificate = path + ".certificate.json"
            defer { try? FileManager.default.removeItem(atPath: certificate) }
            let built = try CommandRunner.run([
                "certify", path, "--depth", "3", "--alpha", "1e-3",
                "--out", certificate,
            ])
            #expect(built.status == 0, "\(built.stderr)")
            let verified = try CommandRunner.run(["verify", certificate])
            #expect(verified.status == 0 && verified.stdout.contains("certificate VALID"), "\(verified.stdout)")
        }
    }

    @Test(
        "a zero row and an all-zero A: a clear error, exit 1",
        arguments: [
            #"{"A": [[0]], "y": [0]}"#,
            #"{"A": [[1, 2], [0, 0]], "y": [1, 0]}"#,
        ])
    func zeroRow(json: String) throws {
        try Self.withFile(json) { path in
            for command in [["flow", path, "--depth", "2", "--alpha", "0.1"], ["sweep", path]] {
                let output = try CommandRunner.run(command)
                #expect(output.status == 1 && output.stderr.contains("zero or a linear combination"), "\(command)")
            }
        }
    }
}
