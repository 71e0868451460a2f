import Foundation
import TestSupport
import Testing

@Suite("sparsecert nsp")
struct NSPCommandTests {
    /// A scratch folder with A = [1, 1/4] (a.json), a 4×8 matrix (g.json, from `generate`), a rank-deficient
    /// and an empty matrix.
    static func scratch() throws -> URL {
        let folder = try TemporaryFolder("nsp-cli").url
        try Data("[[1, 0.25]]".utf8).write(to: folder.appendingPathComponent("a.json"))
        try Data("1,2,3\n2,4,6\n".utf8).write(to: folder.appendingPathComponent("deficient.csv"))
        try Data("[]".utf8).write(to: folder.appendingPathComponent("empty.json"))
        let generated = try CommandRunner.run(
            [
                "generate", "gaussian", "--rows", "4", "--columns", "8", "--sparsity", "2",
                "--seed", "5", "--grid-bits", "16", "--out", "g.json",
            ], in: folder)
        #expect(generated.status == 0, "\(generated.stderr)")
        return folder
    }

    static func json(_ output: CommandRunner.Output) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    @Test("A = [1, 1/4]: ρ_1 = 4 with every documented JSON key")
    func orderJSON() throws {
        let folder = try Self.scratch()
        let output = try CommandRunner.run(["nsp", "a.json", "--order", "1", "--json"], in: folder)
        #expect(output.status == 0, "\(output.stderr)")
        let document = try Self.json(output)
        for key in [
            "constant", "alpha", "lower", "upper", "exact_value", "support", "signs", "witness", "nsp_holds",
            "lps_solved", "naive_lps",
        ] {
            #expect(document[key] != nil, "missing key \(key)")
        }
        #expect(abs((document["constant"] as? Double ?? 0) - 4) < 1e-9)
        #expect(abs((document["alpha"] as? Double ?? 0) - 0.8) < 1e-9)
        #expect(document["exact_value"] as? Bool == true)
        #expect(document["nsp_holds"] as? Bool == false)
        #expect(document["support"] as? [Int] == [1])
    }

    @Test("--support and --signs give ρ_S and ϱ(S, τ); --exact proves them as fractions")
    func supportMode() throws {
        let folder = try Self.scratch()
        let signed = try CommandRunner.run(
            ["nsp", "a.json", "--support", "0", "--signs", "-", "--exact", "--json"], in: folder)
        #expect(signed.status == 0, "\(signed.stderr)")
        let document = try Self.json(signed)
        #expect(abs((document["constant"] as? Double ?? 0) - 0.25) < 1e-12)
        let exact = try #require(document["exact"] as? [String: Any])
        #expect(exact["constant"] as? String == "1/4")
        #expect(exact["verified"] as? Bool == true)
        let text = try CommandRunner.run(["nsp", "g.json", "--support", "1,5", "--exact"], in: folder)
        #expect(text.status == 0)
        #expect(text.stdout.contains("exact re-verification: PROVEN"))
        #expect(text.stdout.contains("A v = 0 holds exactly"))
    }

    @Test("--exact proves ρ_s of a random matrix")
    func exactOrder() throws {
        let folder = try Self.scratch()
        let output = try CommandRunner.run(
            ["nsp", "g.json", "--order", "2", "--exact", "--json", "--threads", "1"], in: folder)
        #expect(output.status == 0, "\(output.stderr)")
        let document = try Self.json(output)
        #expect(document["exact_value"] as? Bool == true)
        let exact = try #require(document["exact"] as? [String: Any])
        #expect(exact["verified"] as? Bool == true)
    }

    @Test("three shards merged give the unsharded constant; a missing shard is reported")
    func shardsAndMerge() throws {
        let folder = try Self.scratch()
        let whole = try Self.json(try CommandRunner.run(["nsp", "g.json", "--order", "3", "--json"], in: folder))
        for k in 1...3 {
            let part = try CommandRunner.shell(
                "sparsecert nsp g.json --order 3 --shard \(k)/3 --json > part\(k).json", in: folder)
            #expect(part.status == 0, "\(part.stderr)")
        }
        let merged = try CommandRunner.run(
            ["nsp", "merge", "part1.json", "part2.json", "part3.json", "--json"], in: folder)
        #expect(merged.status == 0, "\(merged.stderr)")
        let document = try Self.json(merged)
        #expect(document["exact_value"] as? Bool == true)
        #expect(abs((document["alpha"] as? Double ?? 0) - (whole["alpha"] as? Double ?? -1)) < 1e-10)
        let missing = try CommandRunner.run(["nsp", "merge", "part1.json", "part3.json"], in: folder)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("2/3 missing"))
    }

    @Test("--checkpoint writes a file a second run resumes from; a corrupt one is refused and kept")
    func checkpoint() throws {
        let folder = try Self.scratch()
        let first = try Self.json(
            try CommandRunner.run(["nsp", "g.json", "--order", "3", "--checkpoint", "run.ckpt", "--json"], in: folder))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("run.ckpt").path))
        let second = try Self.json(
            try CommandRunner.run(["nsp", "g.json", "--order", "3", "--checkpoint", "run.ckpt", "--json"], in: folder))
        #expect(abs((first["alpha"] as? Double ?? 0) - (second["alpha"] as? Double ?? -1)) < 1e-12)
        try Data("{ not json".utf8).write(to: folder.appendingPathComponent("bad.ckpt"))
        let corrupt = try CommandRunner.run(["nsp", "g.json", "--order", "3", "--checkpoint", "bad.ckpt"], in: folder)
        #expect(corrupt.status != 0)
        #expect(corrupt.stderr.contains("bad.ckpt"))
        #expect(try String(contentsOf: folder.appendingPathComponent("bad.ckpt"), encoding: .utf8) == "{ not json")
    }

    @Test(
        "bad input fails with a message that says what to fix",
        arguments: [
            (["nsp", "g.json", "--order", "0"], "at least 1"),
            (["nsp", "g.json", "--order", "9"], "exceeds the number of columns"),
            (["nsp", "g.json", "--order", "5"], "at least m + 1"),
            (["nsp", "deficient.csv", "--order", "1"], "full row rank"),
            (["nsp", "empty.json", "--order", "1"], "non-empty"),
            (["nsp", "g.json", "--order", "2", "--shard", "4/3"], "k/N"),
            (["nsp", "g.json", "--order", "2", "--shard", "two"], "k/N"),
            (["nsp", "g.json", "--order", "2", "--support", "1"], "exactly one of"),
            (["nsp", "g.json", "--support", "1,9"], "out of range"),
            (["nsp", "g.json", "--support", "1,2", "--signs", "+"], "one per index"),
            (["nsp", "missing.json", "--order", "1"], "missing.json"),
        ])
    func badInput(arguments: [String], message: String) throws {
        let folder = try Self.scratch()
        let output = try CommandRunner.run(arguments, in: folder)
        #expect(output.status != 0)
        #expect(output.stderr.contains("Error"))
        #expect(output.stderr.contains(message), "\(output.stderr)")
    }

    @Test("a time limit gives an interval, never a silent partial constant")
    func timeLimit() throws {
        let folder = try Self.scratch()
        let output = try CommandRunner.run(
            ["nsp", "g.json", "--order", "3", "--time-limit", "0.000001", "--json"], in: folder)
        #expect(output.status == 0, "\(output.stderr)")
        let document = try Self.json(output)
        if document["exact_value"] as? Bool == false {
            #expect(document["constant"] is NSNull)
            let lower = try #require(document["lower"] as? Double)
            // An unbounded upper end is null, flagged in "non_finite" (JSONOutput).
            let infinite =
                document["upper"] is NSNull && (document["non_finite"] as? [String: String])?["/upper"] == "inf"
            #expect(infinite || lower <= (document["upper"] as? Double ?? -1))
        }
    }
}
