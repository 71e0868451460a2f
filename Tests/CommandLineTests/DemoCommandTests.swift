import Foundation
import TestSupport
import Testing

@Suite("sparsecert demo")
struct DemoCommandTests {
    @Test("the demo proves the built-in basis pursuit solution")
    func text() throws {
        let plot = try TemporaryFolder("demo").path("demo.svg")
        let output = try CommandRunner.run(["demo", "--plot", plot])
        #expect(output.status == 0)
        #expect(output.stdout.contains("x* = [0, 3/2, 0, -1/2, 0, 0, 0, 0]"))
        #expect(output.stdout.contains("optimal, proven exactly"))
        #expect(output.stdout.contains("ϱ(S, σ) = 14225/25638"))
        #expect(output.stdout.contains("ρ_S = 71329/80983"))
        #expect(output.stdout.contains("plot written to \(plot)"))
        let svg = try String(contentsOfFile: plot, encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("D = 4"))
    }

    @Test("--json gives the documented keys with exact fractions")
    func json() throws {
        let plot = try TemporaryFolder("demo").path("demo.svg")
        let output = try CommandRunner.run(["demo", "--json", "--plot", plot])
        #expect(output.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(document["verified"] as? Bool == true)
        #expect(document["objective"] as? String == "2")
        #expect(document["support"] as? [Int] == [1, 3])
        #expect(document["x_float"] as? [Double] == [0, 1.5, 0, -0.5, 0, 0, 0, 0])
        #expect(document["rho"] as? String == "14225/25638")
        let fitted = try #require(document["fitted_slopes"] as? [Double])
        let predicted = try #require(document["predicted_slopes"] as? [Double])
        #expect(fitted.count == 3 && zip(fitted, predicted).allSatisfy { abs($0 - $1) < 0.01 * $1 })
    }

    @Test("every command explains itself", arguments: [["--help"], ["demo", "--help"], ["help", "demo"]])
    func help(arguments: [String]) throws {
        let output = try CommandRunner.run(arguments)
        #expect(output.status == 0)
        #expect(output.stdout.contains("USAGE"))
    }

    @Test(
        "unknown commands and options fail with a message, not a crash",
        arguments: [["frobnicate"], ["demo", "--nope"]])
    func misuse(arguments: [String]) throws {
        let output = try CommandRunner.run(arguments)
        #expect(output.status == 64)
        #expect(output.stderr.contains("Error"))
    }
}
