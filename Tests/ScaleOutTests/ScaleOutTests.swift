import Foundation
import ScaleOut
import Synchronization
import TestSupport
import Testing

@Suite("ScaleOut: shards, parallel work, checkpoint files")
struct ScaleOutTests {
    @Test("k/N parses, prints and round-trips through JSON")
    func shardText() throws {
        let shard = try ShardSpec(parsing: "3/8")
        #expect(shard.index == 3 && shard.count == 8 && shard.description == "3/8")
        let data = try JSONEncoder().encode([shard])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text == "[\"3\\/8\"]" || text == "[\"3/8\"]")
        #expect(try JSONDecoder().decode([ShardSpec].self, from: data) == [shard])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ShardSpec].self, from: Data("[\"9/8\"]".utf8)) }
        #expect(ShardSpec.whole.description == "1/1")
    }

    @Test(
        "malformed shard specifications are refused with the form to use",
        arguments: ["0/3", "4/3", "1/0", "a/b", "2", "1/2/3", "", "-1/2", " 1/2"])
    func badShards(text: String) {
        #expect(throws: ScaleOutError.self) { try ShardSpec(parsing: text) }
        do { _ = try ShardSpec(parsing: text) } catch { #expect(error.description.contains("k/N")) }
    }

    @Test("shards 1/N … N/N partition the chunks", arguments: [1, 2, 3, 7])
    func partition(count: Int) throws {
        let shards = try (1...count).map { try ShardSpec(index: $0, count: count) }
        let all = shards.flatMap { $0.chunks(of: 50) }.sorted()
        #expect(all == Array(0..<50))
        for shard in shards { #expect(shard.chunks(of: 50).allSatisfy(shard.contains(chunk:))) }
    }

    @Test("map runs every item once on several threads; a stop request ends the hand-out", arguments: [1, 2, 4])
    func parallelMap(threads: Int) {
        let squares = ParallelWork.map(threads: threads, count: 100) { (i: Int) -> Int? in i * i }
        #expect(squares == (0..<100).map { $0 * $0 })
        let stopped = ParallelWork.map(threads: threads, count: 100) { (i: Int) -> Int? in i == 10 ? nil : i }
        #expect(stopped[10] == nil && stopped.compactMap { $0 }.count < 100)
    }

    struct Failure: Error { let item: Int }

    @Test("the first error stops the work and is rethrown")
    func parallelError() {
        let ran = Mutex(0)
        #expect(throws: Failure.self) {
            try ParallelWork.forEach(threads: 2, count: 1000) { (i: Int) throws(Failure) -> Bool in
                ran.withLock { $0 += 1 }
                if i == 3 { throw Failure(item: i) }
                return true
            }
        }
        #expect(ran.withLock { $0 } < 1000)
    }

    @Test("SHA-256 matches the FIPS 180-4 test vectors")
    func digest() {
        #expect(sha256Hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(sha256Hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(sha256Hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    struct State: Codable, Sendable, Equatable {
        var done: [Int]
        var best: Double
    }

    @Test("a checkpoint round-trips; an edited, foreign or truncated file is refused and left untouched")
    func checkpointFile() throws {
        let folder = try TemporaryFolder("scaleout")
        defer { folder.remove() }
        let path = folder.path("checkpoint.json")
        let file = CheckpointFile<State>(path: path, format: "test-checkpoint", version: 1)
        #expect(try file.load() == nil)
        let state = State(done: [0, 2, 5], best: 0.3125)
        try file.save(state)
        #expect(try file.load() == state)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "0.3125", with: "0.99")
        #expect(edited != text)
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ScaleOutError.self) { try file.load() }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == edited)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ScaleOutError.self) {
            try CheckpointFile<State>(path: path, format: "other", version: 1).load()
        }
        #expect(throws: ScaleOutError.self) {
            try CheckpointFile<State>(path: path, format: "test-checkpoint", version: 2).load()
        }
        try String(text.prefix(text.count / 2)).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ScaleOutError.self) { try file.load() }
        #expect(throws: ScaleOutError.self) {
            try CheckpointFile<State>(path: "/nonexistent-dir/x.json", format: "f", version: 1).save(state)
        }
    }
}
