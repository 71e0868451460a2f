import Foundation
import TestSupport
import Testing

@Suite("sparsecert lp: the LP file is read as strictly as problem files")
struct LPFileTests {
    @Test(
        "malformed JSON and duplicate keys are refused with a line and column, never Foundation's text",
        arguments: [
            ("{\"c\": [1, 1], \"A_eq\": [[1, 1]], \"b_eq\": [1], \"c\": [2, 2]}", "the key \"c\" appears twice"),
            ("[1, 2", "line 1, column 6"),
            ("{\"c\": [01], \"A_eq\": [[1]], \"b_eq\": [1]}", "line 1, column 8"),
        ])
    func strict(text: String, message: String) throws {
        let folder = try TemporaryFolder("lp-file")
        defer { folder.remove() }
        let output = try CommandRunner.run(["lp", try folder.write("lp.json", text)])
        #expect(output.status == 1)
        #expect(output.stderr.contains(message), "\(output.stderr)")
        #expect(!output.stderr.contains("The given data was not valid JSON"))
    }
}
