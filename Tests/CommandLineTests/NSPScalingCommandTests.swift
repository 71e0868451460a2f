import Foundation
import TestSupport
import Testing

/// Issue 9 item 7 through the command line: no false ∞, no false "rank deficient", exit statuses.
@Suite("sparsecert nsp on badly scaled matrices")
struct NSPScalingCommandTests {
    static func run(_ matrix: String, _ arguments: [String]) throws -> CommandRunner.Output {
        let folder = try TemporaryFolder("nsp-scale").url
        try Data(matrix.utf8).write(to: folder.appendingPathComponent("A.json"))
        return try CommandRunner.run(["nsp", "A.json"] + arguments, in: folder)
    }

    @Test("a row at scale 1e-7: ρ₁ = 1/2, not ∞")
    func smallRow() throws {
        let output = try Self.run("[[1, 0, 1], [0, 1e-7, 1e-7]]", ["--order", "1", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(abs((document["constant"] as? Double ?? 0) - 0.5) < 1e-9)
    }

    @Test("[[1e20, 1, 2], [1, 1e20, 3]]: never ρ₁ = ∞ with exact_value true")
    func noFalseInfinity() throws {
        let output = try Self.run("[[1e20, 1, 2], [1, 1e20, 3]]", ["--order", "1", "--json"])
        if output.status == 0 {
            let parsed = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
            let document = try #require(parsed as? [String: Any])
            #expect(document["exact_value"] as? Bool != true || (document["constant"] as? Double ?? 0) >= 1.9e19)
        } else {
            #expect(output.stderr.contains("undecided"), "\(output.stderr)")
        }
    }

    @Test(
        "full-row-rank matrices with rows 1e-8 apart or entries near 1e-300 / 1e155 are not 'rank deficient'",
        arguments: [
            "[[1, 2, 3], [4e-8, 5e-8, 7e-8]]", "[[1e-300, 2e-300, 3e-300], [4e-300, 5e-300, 7e-300]]",
            "[[1e155, 2e155, 3e155], [4e155, 5e155, 7e155]]",
        ])
    func extremeRows(matrix: String) throws {
        let output = try Self.run(matrix, ["--order", "1"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("ρ_1 = 1.25"), "\(output.stdout)")
    }
}
