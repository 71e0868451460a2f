import Foundation
import TestSupport
import Testing

@Suite("sparsecert generate")
struct GenerateCommandTests {
    private func scratch() throws -> URL {
        try TemporaryFolder("sparsecert-generate").url
    }

    @Test(
        "the same options write the same bytes; the JSON report lists the files",
        arguments: ["json", "csv", "mtx", "npy"])
    func reproducible(format: String) throws {
        let folder = try scratch()
        let arguments = [
            "generate", "rademacher", "--rows", "5", "--columns", "12", "--sparsity", "2", "--seed", "8", "--json",
        ]
        let first = try CommandRunner.run(arguments + ["--out", "a.\(format)"], in: folder)
        let second = try CommandRunner.run(arguments + ["--out", "b.\(format)"], in: folder)
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let files = try #require(report["files"] as? [String])
        #expect(files.count == (format == "json" ? 1 : 3))
        #expect(report["sparsity"] as? Int == 2 && (report["support"] as? [Int])?.count == 2)
        for (a, b) in zip(files, files.map { $0.replacingOccurrences(of: "a.", with: "b.") }) {
            #expect(
                FileManager.default.contents(atPath: folder.appendingPathComponent(a).path)
                    == FileManager.default.contents(atPath: folder.appendingPathComponent(b).path))
        }
    }

    @Test("one-r writes r exactly and reports ϱ = r")
    func oneR() throws {
        let folder = try scratch()
        let output = try CommandRunner.run(["generate", "one-r", "--r", "1/3", "--out", "p.json"], in: folder)
        #expect(output.status == 0)
        #expect(output.stdout.contains("ϱ(S, σ) = 1/3"))
        let text = try String(contentsOf: folder.appendingPathComponent("p.json"), encoding: .utf8)
        #expect(text.contains("[1, \"1/3\"]"))
    }

    @Test(
        "bad requests fail with a message and no crash",
        arguments: [
            (["generate", "gaussian", "--rows", "3", "--out", "x.json"], 64, "needs --rows and --columns"),
            (
                ["generate", "gaussian", "--rows", "3", "--columns", "5", "--sparsity", "9", "--out", "x.json"], 1,
                "sparsity"
            ),
            (["generate", "one-r", "--r", "3/2", "--out", "x.json"], 1, "0 ≤ r < 1"),
            (["generate", "one-r", "--r", "1/0", "--out", "x.json"], 64, "denominator is zero"),
            (["generate", "one-r", "--r", "1/3", "--out", "x.npy"], 1, "not exactly a double"),
            (
                ["generate", "dct", "--rows", "3", "--columns", "5", "--sparsity", "1", "--out", "x.xlsx"], 1,
                "extension"
            ),
            (
                [
                    "generate", "gaussian", "--rows", "3", "--columns", "5", "--sparsity", "1", "--signs", "+x",
                    "--out", "x.json",
                ], 64, "--signs"
            ),
            (["generate", "poisson", "--out", "x.json"], 64, "Error"),
            (
                ["generate", "block", "--rows", "2", "--columns", "4", "--noise", "0.1", "--out", "x.json"], 64,
                "--noise"
            ),
        ] as [([String], Int32, String)])
    func misuse(arguments: [String], status: Int32, message: String) throws {
        let output = try CommandRunner.run(arguments, in: try scratch())
        #expect(output.status == status, "\(output.stderr)")
        #expect(output.stderr.contains(message), "\(output.stderr)")
    }
}
