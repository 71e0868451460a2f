import Foundation
import TestSupport
import Testing

/// Every example program in examples/ runs (built with the tests) and prints the table its README describes.
@Suite("Example programs")
struct ExampleProgramTests {
    /// Runs an example in a fresh temporary folder; returns its standard output after checking the exit
    /// status and that the plot was written.
    static func run(_ name: String, _ arguments: [String] = []) throws -> String {
        let scratch = try TemporaryFolder("example")
        defer { scratch.remove() }
        let folder = scratch.url
        let output = try CommandRunner.shell(([name, "plot.svg"] + arguments).joined(separator: " "), in: folder)
        #expect(output.status == 0, "\(name): \(output.stderr)")
        let svg = try String(contentsOf: folder.appendingPathComponent("plot.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg"))
        return output.stdout
    }

    /// The whitespace-separated fields of the lines that start with `prefix`.
    static func rows(_ text: String, startingWith prefix: String) -> [[String]] {
        text.split(separator: "\n").filter { $0.hasPrefix(prefix) }.map { $0.split(separator: " ").map(String.init) }
    }

    @Test("one-r-family: every err / law is 1.00000000 at α = 1e-64")
    func oneR() throws {
        let output = try Self.run("one-r-family")
        let rows = ["1/4", "1/2", "3/4"].flatMap { Self.rows(output, startingWith: $0 + " ") }
        #expect(rows.count == 12)
        #expect(rows.allSatisfy { $0.last == "1.00000000" })
    }

    @Test("block-family: ϱ = 1/2 exactly, fitted slopes 0.5 and 1")
    func block() throws {
        let output = try Self.run("block-family")
        #expect(output.contains("ϱ = ‖Bᵀσ‖_∞ = 1/2 (exact)"))
        let fits = [2, 3, 4].flatMap { Self.rows(output, startingWith: String(repeating: " ", count: 4) + "\($0) ") }
        #expect(fits.map { $0.count } == [3, 3, 3])
        let expected = [["0.500000", "0.500000"], ["1.000000", "1.000000"], ["1.000000", "1.000000"]]
        #expect(fits.map { Array($0[1...]) } == expected)
    }

    @Test("compressed-sensing: depth-2 local slopes fall to 1 − ϱ from above, depth ≥ 3 slopes reach 1")
    func compressedSensing() throws {
        let output = try Self.run("compressed-sensing")
        #expect(output.contains("BP recovers x₀: true   ϱ(S, σ) = 0.483923"))
        let table = Self.rows(output, startingWith: "").filter { $0.count == 7 && Double($0[0]) != nil }
        #expect(table.count == 8)
        let depthTwo = table.compactMap { Double($0[2]) }, depthThree = table.compactMap { Double($0[4]) }
        let limit = 1 - 0.483923
        #expect(zip(depthTwo, depthTwo.dropFirst()).allSatisfy { $0 > $1 } && depthTwo.allSatisfy { $0 > limit - 1e-6 })
        #expect(abs((depthTwo.last ?? 0) - limit) < 1e-5)
        #expect(depthThree.suffix(6).allSatisfy { $0 == 1 })
    }

    @Test("noise-and-depth (one instance per η): |S| = m with noise, depth 3 stays linear")
    func noise() throws {
        let output = try Self.run("noise-and-depth", ["1"])
        let rows = ["0.00", "0.03", "0.10", "0.40"].flatMap { Self.rows(output, startingWith: $0 + " ") }
        #expect(rows.count == 4)
        #expect(rows.map { $0[2] } == ["3.0", "20.0", "20.0", "20.0"])
        let depthThree = rows.compactMap { Double($0[5]) }
        #expect(depthThree.count == 4 && depthThree.allSatisfy { abs($0 - 1) < 0.1 })
        let depthTwo = rows.dropFirst().compactMap { Double($0[3]) }
        #expect(depthTwo.count == 3 && depthTwo.allSatisfy { $0 < 0.2 })
    }
}
