import Foundation
import TestSupport
import Testing

@Suite("sparsecert phase")
struct PhaseCommandTests {
    static let grid = [
        "--columns", "16", "--deltas", "0.5,0.75", "--rhos", "0.1:0.9:3", "--trials", "2", "--seed", "4",
    ]

    static func scratch() throws -> URL {
        try TemporaryFolder("phase-cli").url
    }

    static func json(_ output: CommandRunner.Output) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    @Test("JSON keys, CSV and SVG of a tiny grid with two depths")
    func jsonKeys() throws {
        let folder = try Self.scratch()
        let output = try CommandRunner.run(
            ["phase"] + Self.grid + [
                "--depths", "2,3", "--alphas", "1e-2", "--json",
                "--csv", "p.csv", "--plot", "p.svg",
            ], in: folder)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.isEmpty)  // no progress bar when stderr is not a terminal
        let document = try Self.json(output)
        let cells = try #require(document["cells"] as? [[String: Any]])
        #expect(cells.count == 6)
        for key in ["delta", "rho", "rows", "sparsity", "trials", "recovered", "flow", "mean_relative_error"] {
            #expect(cells[0][key] != nil, "missing cell key \(key)")
        }
        #expect(cells[0]["rows"] as? Int == 8 && cells[0]["sparsity"] as? Int == 1)
        let flow = try #require(cells[0]["flow"] as? [[String: Any]])
        #expect(flow.map { $0["depth"] as? Int } == [2, 3])
        for key in ["depth", "alpha", "recovered", "mean_relative_error", "mean_distance_to_bp"] {
            #expect(flow[0][key] != nil, "missing flow key \(key)")
        }
        let transition = try #require(document["transition"] as? [[String: Any]])
        #expect(transition.count == 2 && transition.allSatisfy { $0["rho_50"] != nil && $0["rho_theory"] is Double })
        let csv = try String(contentsOf: folder.appendingPathComponent("p.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + 6 * 3)
        let svg = try String(contentsOf: folder.appendingPathComponent("p.svg"), encoding: .utf8)
        #expect(svg.contains("gradient flow D = 3"))
    }

    @Test("Two shards merged equal one run")
    func shardsMerge() throws {
        let folder = try Self.scratch()
        let whole = try CommandRunner.run(["phase"] + Self.grid + ["--json"], in: folder)
        for k in 1...2 {
            let part = try CommandRunner.run(["phase"] + Self.grid + ["--shard", "\(k)/2", "--json"], in: folder)
            #expect(part.status == 0, "\(part.stderr)")
            try Data(part.stdout.utf8).write(to: folder.appendingPathComponent("part\(k).json"))
        }
        let merged = try CommandRunner.run(["phase", "merge", "part2.json", "part1.json", "--json"], in: folder)
        #expect(merged.status == 0, "\(merged.stderr)")
        let mergedCells = try Self.json(merged)["cells"] as? [[String: Any]] ?? []
        let wholeCells = try Self.json(whole)["cells"] as? [[String: Any]] ?? []
        #expect(mergedCells.map { $0["recovered"] as? Int } == wholeCells.map { $0["recovered"] as? Int })
        #expect(mergedCells.count == 6)
        let missing = try CommandRunner.run(["phase", "merge", "part1.json"], in: folder)
        #expect(missing.status == 1 && missing.stderr.contains("2/2 missing"))
    }

    static let badInputs: [([String], String)] = [
        (["--deltas", "0,0.5"], "outside (0, 1]"),
        (["--deltas", "1.2"], "outside (0, 1]"),
        (["--rhos", "0.5,1.5"], "outside (0, 1]"),
        (["--rhos", ""], "--rhos is empty"),
        (["--trials", "0"], "--trials must be at least 1"),
        (["--deltas", "0.01"], "fewer than the s = 1"),
        (["--alphas", "1e-2"], "--alphas needs --depths"),
        (["--ensemble", "bernoulli"], "--ensemble must be"),
        (["--shard", "3/2"], "invalid shard"),
        (["--exact", "--noise", "0.1"], "drop one of them"),
    ]

    @Test("Bad input: a clear error and exit 1", arguments: badInputs)
    func badInput(change: [String], message: String) throws {
        var arguments = Self.grid
        for option in stride(from: 0, to: change.count, by: 1) where change[option].hasPrefix("--") {
            let hasValue = option + 1 < change.count && !change[option + 1].hasPrefix("--")
            if let at = arguments.firstIndex(of: change[option]) { arguments.removeSubrange(at...at + 1) }
            arguments += hasValue ? [change[option], change[option + 1]] : [change[option]]
        }
        let output = try CommandRunner.run(["phase"] + arguments, in: try Self.scratch())
        #expect(output.status == 1)
        #expect(output.stderr.contains("Error:") && output.stderr.contains(message), "\(output.stderr)")
    }

    @Test("A checkpoint of another grid is refused; the same grid resumes")
    func checkpoint() throws {
        let folder = try Self.scratch()
        let first = try CommandRunner.run(["phase"] + Self.grid + ["--checkpoint", "c.json", "--json"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let again = try CommandRunner.run(["phase"] + Self.grid + ["--checkpoint", "c.json", "--json"], in: folder)
        let resumed = try Self.json(again)["cells"] as? [Any]
        #expect(again.status == 0 && resumed?.count == 6)
        var other = Self.grid
        other[other.count - 1] = "5"
        let refused = try CommandRunner.run(["phase"] + other + ["--checkpoint", "c.json"], in: folder)
        #expect(refused.status == 1 && refused.stderr.contains("another grid"), "\(refused.stderr)")
    }

    @Test("--exact proves every recovery and exits 0; phase theory prints ψ")
    func exactAndTheory() throws {
        let folder = try Self.scratch()
        let exact = try CommandRunner.run(
            [
                "phase", "--columns", "10", "--deltas", "0.6", "--rhos", "0.2,1", "--trials", "2",
                "--seed", "1", "--exact",
            ], in: folder)
        #expect(exact.status == 0, "\(exact.stderr)")
        #expect(exact.stdout.contains("x̂ = x₀ proven exactly"))
        let theory = try CommandRunner.run(["phase", "theory", "--deltas", "0.5", "--json"], in: folder)
        let curve = try #require(try Self.json(theory)["transition"] as? [[String: Any]])
        #expect(abs((curve[0]["rho_theory"] as? Double ?? 0) - 0.38569) < 1e-5)
    }
}
