import Foundation
import TestSupport
import Testing

@Suite("sparsecert bp")
struct BPCommandTests {
    private func scratch(_ files: [String: String] = [:]) throws -> URL {
        let url = try TemporaryFolder("sparsecert-bp").url
        for (name, text) in files {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url
    }

    private func json(_ arguments: [String], in folder: URL) throws -> [String: Any] {
        let output = try CommandRunner.run(arguments + ["--json"], in: folder)
        #expect(output.status == 0, "\(output.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    @Test("one-r with r = 3/7: x* = (1, 0), ϱ = 3/7 exactly, verified")
    func oneRExact() throws {
        let folder = try scratch()
        #expect(try CommandRunner.run(["generate", "one-r", "--r", "3/7", "--out", "p.json"], in: folder).status == 0)
        let report = try json(["bp", "p.json", "--exact"], in: folder)
        for key in [
            "status", "x", "objective", "support", "signs", "dual", "unique", "rho", "verified", "x_exact", "rho_exact",
        ] {
            #expect(report[key] != nil, "missing key \(key)")
        }
        #expect(report["status"] as? String == "optimal")
        #expect(report["x_exact"] as? [String] == ["1", "0"])
        #expect(report["rho_exact"] as? String == "3/7")
        #expect(report["verified"] as? Bool == true)
        #expect(report["unique"] as? Bool == true)
        #expect(report["support"] as? [Int] == [0])
        #expect(report["support_differs"] as? Bool == false)
        let text = try CommandRunner.run(["bp", "p.json", "--exact"], in: folder)
        #expect(text.stdout.contains("ϱ = 3/7"))
        #expect(text.stdout.contains("verified: everything above is proven in exact arithmetic"))
    }

    @Test("a Gaussian instance: BP recovers x₀ in floating point and in exact mode", arguments: ["json", "csv", "npy"])
    func gaussian(format: String) throws {
        let folder = try scratch()
        let generated = try json(
            [
                "generate", "gaussian", "--rows", "12", "--columns", "30", "--sparsity", "2", "--seed", "3",
                "--out", "g.\(format)",
            ], in: folder)
        let floating = try json(["bp", "g.\(format)"], in: folder)
        #expect(floating["support"] as? [Int] == generated["support"] as? [Int])
        #expect(floating["signs"] as? [Int] == generated["signs"] as? [Int])
        #expect(floating["certificate_holds"] as? Bool == true)
        let exact = try json(["bp", "g.\(format)", "--exact"], in: folder)
        #expect(exact["support"] as? [Int] == generated["support"] as? [Int])
        #expect(exact["verified"] as? Bool == true)
    }

    @Test("y ∉ range(A): status infeasible with a Farkas certificate, exit 0")
    func infeasible() throws {
        let folder = try scratch(["p.json": #"{"A": [[1, 2], [2, 4]], "y": [1, 3]}"#])
        let report = try json(["bp", "p.json", "--exact"], in: folder)
        #expect(report["status"] as? String == "infeasible")
        #expect((report["farkas_exact"] as? [String])?.count == 2)
        #expect(report["verified"] as? Bool == true)
        for key in ["x", "objective", "dual", "unique", "rho"] {
            #expect(report[key] is NSNull, "\(key) should be null")
        }
    }

    @Test("weights, x ≥ 0 and noise balls reach the solver")
    func variants() throws {
        let folder = try scratch(["p.json": #"{"A": [[1, "1/2"]], "y": [1]}"#, "w.csv": "1\n4\n"])
        #expect(
            try json(["bp", "p.json", "--weights", "w.csv", "--exact"], in: folder)["objective_exact"] as? String == "1"
        )
        #expect(
            try json(["bp", "p.json", "--nonnegative", "--exact"], in: folder)["x_exact"] as? [String] == ["1", "0"])
        let noisy = try json(["bp", "p.json", "--noise-bound", "1/4", "--noise-norm", "1", "--exact"], in: folder)
        #expect(noisy["x_exact"] as? [String] == ["3/4", "0"])
        #expect(noisy["uniqueness_method"] as? String == "dualNondegeneracy")
    }

    @Test(
        "bad files and parameters fail with a message, never a crash",
        arguments: [
            (["bp", "missing.json"], 1, "missing.json"),
            (["bp", "bad.json"], 1, "bad.json"),
            (["bp", "p.json", "--noise-norm", "1"], 64, "--noise-bound"),
            (["bp", "p.json", "--noise-bound", "abc"], 1, "--noise-bound"),
            (["bp", "p.json", "--noise-bound=-1"], 1, "noise bound"),
            (["bp", "p.json", "--noise-bound", "1", "--noise-norm", "2"], 64, "noise-norm"),
            (["bp", "p.json", "--weights", "w.csv"], 1, "weights"),
            (["bp", "p.json", "--weights", "zero.csv"], 1, "w[1]"),
        ])
    func misuse(arguments: [String], status: Int32, message: String) throws {
        let folder = try scratch([
            "p.json": #"{"A": [[1, 2]], "y": [1]}"#, "bad.json": #"{"A": [[1, 2], [3]], "y": [1, 2]}"#,
            "w.csv": "1\n2\n3\n", "zero.csv": "1\n0\n",
        ])
        let output = try CommandRunner.run(arguments, in: folder)
        #expect(output.status == status)
        #expect(output.stderr.contains("Error"))
        #expect(output.stderr.contains(message), "\(output.stderr)")
    }

    @Test("a square nonsingular A: solved directly (method fullColumnRank, rigorous error_bound), in both modes")
    func square() throws {
        let folder = try scratch(["sq.json": #"{"A": [[2, 1, 0], [1, 3, 1], [0, 1, 4]], "y": [3, 5, 5]}"#])
        let floating = try json(["bp", "sq.json"], in: folder)
        #expect(floating["status"] as? String == "optimal")
        #expect(floating["method"] as? String == "fullColumnRank")
        #expect(floating["unique"] as? Bool == true && floating["rho"] as? Double == 0)
        #expect((floating["error_bound"] as? Double).map { $0 < 1e-12 } == true)
        #expect(floating["x"] as? [Double] == [1, 1, 1])
        let exact = try json(["bp", "sq.json", "--exact"], in: folder)
        #expect(exact["x_exact"] as? [String] == ["1", "1", "1"])
        #expect(exact["verified"] as? Bool == true && exact["method"] as? String == "fullColumnRank")
        let text = try CommandRunner.run(["bp", "sq.json"], in: folder)
        #expect(text.status == 0 && text.stdout.contains("A x = y solved directly, no LP"))
    }
}
