import Foundation
import Testing

@Suite("sparsecert demo")
struct DemoCommandTests {
    @Test("the demo proves the built-in basis pursuit solution")
    func text() throws {
        let output = try CommandRunner.run(["demo"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("x* = [0, 3/2, 0, -1/2, 0, 0, 0, 0]"))
        #expect(output.stdout.contains("optimal, proven exactly"))
    }

    @Test("--json gives the documented keys with exact fractions")
    func json() throws {
        let output = try CommandRunner.run(["demo", "--json"])
        #expect(output.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(document["verified"] as? Bool == true)
        #expect(document["objective"] as? String == "2")
        #expect(document["support"] as? [Int] == [1, 3])
        #expect(document["x_float"] as? [Double] == [0, 1.5, 0, -0.5, 0, 0, 0, 0])
    }

    @Test("every command explains itself", arguments: [["--help"], ["demo", "--help"], ["help", "demo"]])
    func help(arguments: [String]) throws {
        let output = try CommandRunner.run(arguments)
        #expect(output.status == 0)
        #expect(output.stdout.contains("USAGE"))
    }

    @Test("unknown commands and options fail with a message, not a crash", arguments: [["frobnicate"], ["demo", "--nope"]])
    func misuse(arguments: [String]) throws {
        let output = try CommandRunner.run(arguments)
        #expect(output.status == 64)
        #expect(output.stderr.contains("Error"))
    }
}
