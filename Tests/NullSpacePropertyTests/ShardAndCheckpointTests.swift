import Foundation
import NullSpaceProperty
import ScaleOut
import TestSupport
import Testing

@Suite("Shards, checkpoints, budgets and intervals")
struct ShardAndCheckpointTests {
    @Test("shards 1/N … N/N merged equal the unsharded run", arguments: [2, 3, 5])
    func shardsMerge(count: Int) throws {
        let a = try Fixtures.gaussian(7, 14, seed: 21)
        let whole = try a.orderConstant(order: 3, options: Fixtures.options(chunkSize: 16))
        let parts = try (1...count).map { k in
            var options = Fixtures.options(chunkSize: 16)
            options.shard = try ShardSpec(index: k, count: count)
            return try a.orderConstant(order: 3, options: options)
        }
        #expect(parts.allSatisfy { !$0.isExact && $0.complete })
        let merged = try OrderConstant.merging(parts.reversed())
        #expect(merged.isExact)
        #expect(abs(merged.lowerAlpha - whole.lowerAlpha) < 1e-10)
        #expect(throws: NullSpacePropertyError.self) { try OrderConstant.merging(Array(parts.dropLast())) }
        #expect(throws: NullSpacePropertyError.self) { try OrderConstant.merging(parts + [parts[0]]) }
    }

    @Test("a run stopped by its chunk budget resumes from the checkpoint to the uninterrupted constant")
    func checkpointResume() throws {
        let a = try Fixtures.gaussian(7, 14, seed: 22)
        let folder = try TemporaryFolder("nsp")
        defer { folder.remove() }
        let path = folder.path("checkpoint.json")
        let uninterrupted = try a.orderConstant(order: 3, options: Fixtures.options(chunkSize: 16))
        var options = Fixtures.options(chunkSize: 16)
        options.checkpointPath = path
        options.chunkBudget = 8
        let first = try a.orderConstant(order: 3, options: options)
        #expect(!first.complete && !first.isExact)
        #expect(
            first.lowerAlpha <= uninterrupted.lowerAlpha + 1e-12 && uninterrupted.lowerAlpha <= first.upperAlpha + 1e-12
        )
        options.chunkBudget = nil
        let resumed = try a.orderConstant(order: 3, options: options)
        #expect(resumed.isExact)
        #expect(abs(resumed.lowerAlpha - uninterrupted.lowerAlpha) < 1e-10)
        #expect(resumed.supportsSolved <= uninterrupted.supportsSolved + first.supportsSolved)
    }

    @Test("a corrupt or foreign checkpoint is refused and left untouched")
    func badCheckpoint() throws {
        let a = try Fixtures.gaussian(6, 12, seed: 23)
        let folder = try TemporaryFolder("nsp")
        defer { folder.remove() }
        let path = folder.path("checkpoint.json")
        try Data("{\"format\": \"sparsecert-nsp-checkpoint\", trunc".utf8).write(to: URL(fileURLWithPath: path))
        var options = Fixtures.options()
        options.checkpointPath = path
        #expect(throws: NullSpacePropertyError.self) { try a.orderConstant(order: 2, options: options) }
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("trunc"))
        try FileManager.default.removeItem(atPath: path)
        _ = try a.orderConstant(order: 2, options: options)
        #expect(throws: NullSpacePropertyError.self) { try a.orderConstant(order: 3, options: options) }
        let other = try Fixtures.gaussian(6, 12, seed: 24)
        #expect(throws: NullSpacePropertyError.self) { try other.orderConstant(order: 2, options: options) }
    }

    @Test("a time limit gives an honest interval around the exact value")
    func timeLimitInterval() throws {
        let a = try Fixtures.gaussian(8, 16, seed: 25)
        let exact = try a.orderConstant(order: 3, options: Fixtures.options())
        var options = Fixtures.options()
        options.timeLimit = .milliseconds(1)
        let rushed = try a.orderConstant(order: 3, options: options)
        #expect(!rushed.isExact)
        #expect(rushed.lowerAlpha <= exact.lowerAlpha + 1e-12 && exact.lowerAlpha <= rushed.upperAlpha + 1e-12)
    }

    @Test("cheap bounds enclose the exact constant", arguments: [2, 3])
    func cheapBounds(s: Int) throws {
        let a = try Fixtures.gaussian(8, 16, seed: 26)
        let exact = try a.orderConstant(order: s, options: Fixtures.options())
        let bounds = try a.orderBounds(order: s, options: Fixtures.options())
        #expect(bounds.method == .cheapBounds)
        #expect(bounds.lowerAlpha <= exact.lowerAlpha + 1e-12 && exact.lowerAlpha <= bounds.upperAlpha + 1e-12)
    }
}
