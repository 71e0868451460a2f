import Foundation
import TestSupport
import Testing

/// Runs every command of the walkthroughs in `docs/` and checks that its output still reads as printed.
///
/// A walkthrough shows a command and its output in a fenced block tagged `console`:
///
///     ```console
///     $ sparsecert demo
///     x* = [0, 3/2, 0, -1/2, 0, 0, 0, 0]
///     ...
///     ```
///
/// Lines starting with `$ ` are commands, run with `/bin/sh` in one scratch folder per document (in
/// order, so a command may use files an earlier one wrote), with the built `sparsecert` first on PATH.
/// The lines after a command are its expected output (standard output, then standard error); a line `...` matches any number of lines, so a
/// walkthrough can elide what varies (timings) or is long. A command must exit 0 unless its expected
/// output ends with a line `[exit N]`.
@Suite("Walkthroughs in docs/")
struct DocumentationTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let document: String
        let line: Int
        let command: String
        let expected: [String]
        var testDescription: String { "\(document):\(line) $ \(command)" }
    }

    static let docsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs")

    static var documents: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docsDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }

    static func examples(in document: String) throws -> [Example] {
        let text = try String(contentsOf: docsDirectory.appendingPathComponent(document), encoding: .utf8)
        var examples: [Example] = []
        var inConsole = false
        var current: (line: Int, command: String, expected: [String])?
        func finish() {
            if let c = current {
                examples.append(Example(document: document, line: c.line, command: c.command, expected: c.expected))
            }
            current = nil
        }
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if line.hasPrefix("```") {
                if inConsole { finish() }
                inConsole = !inConsole && line.trimmingCharacters(in: .whitespaces) == "```console"
                continue
            }
            guard inConsole else { continue }
            if line.hasPrefix("$ ") {
                finish()
                current = (index + 1, String(line.dropFirst(2)), [])
            } else {
                current?.expected.append(line)
            }
        }
        return examples
    }

    @Test("every walkthrough's commands print what it shows", arguments: documents)
    func walkthrough(document: String) throws {
        let folder = try TemporaryFolder("sparsecert-docs")
        defer { folder.remove() }
        let scratch = folder.url
        for example in try Self.examples(in: document) {
            let output = try CommandRunner.shell(example.command, in: scratch)
            var expected = example.expected
            while expected.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { expected.removeLast() }
            var expectedStatus: Int32 = 0
            if let last = expected.last, last.hasPrefix("[exit "), last.hasSuffix("]") {
                expectedStatus = Int32(last.dropFirst(6).dropLast()) ?? -1
                expected.removeLast()
            }
            #expect(
                output.status == expectedStatus, "\(example.testDescription) exited \(output.status): \(output.stderr)")
            // What a terminal shows: standard output, then standard error.
            let shown = output.stdout + output.stderr
            let actual = shown.components(separatedBy: "\n").map(\.trimmingTrailingWhitespace).droppingTrailingEmpty
            #expect(
                Self.matches(expected.map(\.trimmingTrailingWhitespace), actual),
                "\(example.testDescription) printed:\n\(shown)")
        }
    }

    /// Whether `actual` reads as `expected`, where a line `...` stands for any number of lines.
    static func matches(_ expected: [String], _ actual: [String]) -> Bool {
        guard let first = expected.first else { return actual.isEmpty }
        if first == "..." {
            return (0...actual.count).contains { matches(Array(expected.dropFirst()), Array(actual.dropFirst($0))) }
        }
        guard let line = actual.first, line == first else { return false }
        return matches(Array(expected.dropFirst()), Array(actual.dropFirst()))
    }
}

extension String {
    fileprivate var trimmingTrailingWhitespace: String {
        String(self[..<(lastIndex(where: { !$0.isWhitespace }).map { index(after: $0) } ?? startIndex)])
    }
}

extension Array where Element == String {
    fileprivate var droppingTrailingEmpty: [String] {
        var copy = self
        while copy.last?.isEmpty == true { copy.removeLast() }
        return copy
    }
}
