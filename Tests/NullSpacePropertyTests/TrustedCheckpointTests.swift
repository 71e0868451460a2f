import Foundation
import ScaleOut
import TestSupport
import Testing

@testable import NullSpaceProperty

/// Issue 12 item 4: checkpoints from the first LP, a final one on a stop request, tamper evidence.
@Suite("Trusted checkpoints")
struct TrustedCheckpointTests {
    static func scratchPath() throws -> String {
        try TemporaryFolder("nsp-trust").path("checkpoint.json")
    }

    /// An uninterrupted order-4 run, and one with a checkpoint at `path` stopped at the first progress report
    /// `stopsAt` accepts; the options returned resume it (no stop, no progress callback).
    static func stoppedRun(
        _ a: NullSpaceMatrix, path: String, stopsAt: @escaping @Sendable (SearchProgress) -> Bool
    ) throws -> (uninterrupted: OrderConstant, first: OrderConstant, resume: OrderSearchOptions) {
        let uninterrupted = try a.orderConstant(order: 4, options: Fixtures.options(chunkSize: 16))
        var options = Fixtures.options(chunkSize: 16)
        options.checkpointPath = path
        let stop = StopRequest()
        options.stop = stop
        options.progress = { progress in if stopsAt(progress) { stop.request() } }
        let first = try a.orderConstant(order: 4, options: options)
        options.stop = nil
        options.progress = nil
        return (uninterrupted, first, options)
    }

    @Test("a stop during the singletons leaves a checkpoint; resuming gives the uninterrupted constant")
    func stopEarly() throws {
        let a = try Fixtures.gaussian(7, 14, seed: 41)
        let path = try Self.scratchPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (uninterrupted, first, options) = try Self.stoppedRun(a, path: path) { $0.lpsSolved > 0 }
        #expect(!first.isExact)
        #expect(first.lowerAlpha <= uninterrupted.lowerAlpha + 1e-12)
        #expect(uninterrupted.lowerAlpha <= first.upperAlpha + 1e-12)
        let saved = try #require(try Checkpoint.load(path: path))
        #expect(!saved.solvedSubsets.isEmpty)
        let resumed = try a.orderConstant(order: 4, options: options)
        #expect(resumed.isExact)
        #expect(abs(resumed.lowerAlpha - uninterrupted.lowerAlpha) < 1e-10)
    }

    @Test("supports finished by best-first rounds are saved; a resumed run does not solve them again")
    func bestFirstResume() throws {
        let a = try Fixtures.gaussian(8, 16, seed: 44)
        let path = try Self.scratchPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (uninterrupted, _, options) = try Self.stoppedRun(a, path: path) { $0.phase == "best-first" }
        let saved = try #require(try Checkpoint.load(path: path))
        let closed = try #require(saved.closedSupports)
        #expect(!closed.isEmpty)
        let resumed = try a.orderConstant(order: 4, options: options)
        #expect(resumed.isExact && abs(resumed.lowerAlpha - uninterrupted.lowerAlpha) < 1e-10)
        #expect(resumed.supportsSolved - saved.supportsSolved < uninterrupted.supportsSolved)
        var edited = saved
        edited.closedSupports = [[3, 1, 2, 0]]
        try edited.save(path: path)
        #expect(throws: NullSpacePropertyError.self) { try a.orderConstant(order: 4, options: options) }
    }

    @Test("a checkpoint saved mid-search resumes without redoing its solved subsets")
    func resumeSkipsSolved() throws {
        let a = try Fixtures.gaussian(7, 14, seed: 42)
        let path = try Self.scratchPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = Fixtures.options(chunkSize: 16)
        options.checkpointPath = path
        options.chunkBudget = 0
        _ = try a.orderConstant(order: 3, options: options)
        let saved = try #require(try Checkpoint.load(path: path))
        #expect(saved.localSearchDone && saved.solvedSubsets.count == 14 + 91)
        options.chunkBudget = nil
        let resumed = try a.orderConstant(order: 3, options: options)
        let fresh = try a.orderConstant(order: 3, options: Fixtures.options(chunkSize: 16))
        #expect(resumed.isExact && abs(resumed.lowerAlpha - fresh.lowerAlpha) < 1e-10)
        // The resumed run solved only the incumbent's re-check and the supports, not the 14 + 182 LPs again.
        #expect(resumed.lpsSolved - saved.lpsSolved < fresh.lpsSolved - 14 - 182 + 8)
    }

    @Test("an edited checkpoint is refused: by its content digest, or (digest recomputed) by re-solving the incumbent")
    func tampered() throws {
        let a = try Fixtures.gaussian(7, 14, seed: 43)
        let path = try Self.scratchPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = Fixtures.options(chunkSize: 16)
        options.checkpointPath = path
        options.chunkBudget = 1
        _ = try a.orderConstant(order: 3, options: options)
        var saved = try #require(try Checkpoint.load(path: path))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let alphaText = "\(saved.incumbent.alpha)"
        let edited = text.replacingOccurrences(of: alphaText, with: "0.99")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: NullSpacePropertyError.self) { try a.orderConstant(order: 3, options: options) }
        saved.incumbent.alpha = 0.99
        try saved.save(path: path)
        do {
            _ = try a.orderConstant(order: 3, options: options)
            Issue.record("a forged incumbent was accepted")
        } catch {
            #expect(error.description.contains("re-solving"), "\(error)")
        }
    }
}
