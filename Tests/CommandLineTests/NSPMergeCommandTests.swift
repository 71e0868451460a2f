import Foundation
import Testing

/// `nsp merge` reads shard results through NullSpaceProperty's `ShardReport`: clear messages, never raw
/// decoder text.
@Suite("sparsecert nsp merge input")
struct NSPMergeCommandTests {
    @Test(
        "a --support result, broken JSON or a missing key is refused with a message naming the file and the fix",
        arguments: [
            ("support.json", "a --support result"), ("broken.json", "not valid JSON"),
            ("nokey.json", "\"lower_alpha\" is missing"), ("badshard.json", "\"shard\" is invalid"),
        ])
    func badFiles(file: String, message: String) throws {
        let folder = try NSPCommandTests.scratch()
        let support = try CommandRunner.run(["nsp", "g.json", "--support", "0,1", "--json"], in: folder)
        try Data(support.stdout.utf8).write(to: folder.appendingPathComponent("support.json"))
        try Data("{\"rows\": 4,".utf8).write(to: folder.appendingPathComponent("broken.json"))
        let part = try CommandRunner.run(["nsp", "g.json", "--order", "2", "--shard", "1/2", "--json"], in: folder)
        #expect(part.status == 0, "\(part.stderr)")
        try Data(part.stdout.replacingOccurrences(of: "\"lower_alpha\"", with: "\"lower_beta\"").utf8)
            .write(to: folder.appendingPathComponent("nokey.json"))
        try Data(part.stdout.replacingOccurrences(of: "\"1/2\"", with: "\"3/2\"").utf8)
            .write(to: folder.appendingPathComponent("badshard.json"))
        let output = try CommandRunner.run(["nsp", "merge", file], in: folder)
        #expect(output.status == 1)
        #expect(output.stderr.contains(file) && output.stderr.contains(message), "\(output.stderr)")
        #expect(!output.stderr.contains("CodingKeys") && !output.stderr.contains("debugDescription"))
    }

    @Test(
        "a malformed --shard or --method is a usage error that names the expected form",
        arguments: [(["--shard", "4/3"], "k/N"), (["--shard", "two"], "k/N"), (["--method", "fast"], "bnb")])
    func typedArguments(arguments: [String], message: String) throws {
        let folder = try NSPCommandTests.scratch()
        let output = try CommandRunner.run(["nsp", "g.json", "--order", "2"] + arguments, in: folder)
        #expect(output.status == 64)
        #expect(output.stderr.contains(message), "\(output.stderr)")
    }
}
