import Foundation
import ScaleOut
import Synchronization
import TestSupport
import Testing

@testable import PhaseTransitions

@Suite("Running, sharding, resuming and merging phase diagrams")
struct PhaseDiagramTests {
    static let grid = PhaseGrid(columns: 24, deltas: [0.5, 0.75], rhos: [0.1, 0.4, 0.9], trials: 3, seed: 11)
    static let flowGrid = PhaseGrid(
        columns: 16, deltas: [0.5], rhos: [0.15, 0.9], trials: 2, seed: 3,
        depths: [2, 3], alphas: [1e-3])

    static func options(threads: Int = 2, shard: ShardSpec = .whole, checkpoint: String? = nil) -> PhaseRunOptions {
        var options = PhaseRunOptions()
        options.threads = threads
        options.shard = shard
        options.checkpointPath = checkpoint
        return options
    }

    static func temporaryPath(_ name: String) throws -> String {
        try TemporaryFolder("phase").path(name)
    }

    @Test func wholeRun() throws {
        let result = try PhaseDiagram.run(Self.grid, options: Self.options())
        #expect(result.isComplete && result.cells.count == 6)
        #expect(result.cells.map(\.cell.index) == Array(0..<6))
        // s = 1 of m = 12 and 18 is recovered every time; s = m never is (x₀ is not the sparsest solution).
        #expect(result.cells[0].recovered == 3 && result.cells[3].recovered == 3)
        #expect(result.cells[2].recovered == 0 && result.cells[5].recovered == 0)
        #expect(result.transition.count == 2 && result.transition.allSatisfy { $0.status == .interpolated })
        #expect(result.cells.allSatisfy { $0.failures == 0 && $0.unverified == 0 })
        // The thread count changes nothing.
        #expect(try PhaseDiagram.run(Self.grid, options: Self.options(threads: 1)).cells == result.cells)
    }

    @Test func shardsMergeIntoOneRun() throws {
        let whole = try PhaseDiagram.run(Self.grid, options: Self.options())
        let parts = try (1...3).map { k in
            try PhaseDiagram.run(Self.grid, options: Self.options(shard: try ShardSpec(index: k, count: 3)))
        }
        #expect(parts.map(\.cells.count) == [2, 2, 2] && !parts[0].isComplete && parts[0].transition.isEmpty)
        let merged = try PhaseDiagramResult.merging([parts[2], parts[0], parts[1]])
        #expect(merged.cells == whole.cells && merged.shard == .whole && merged.transition == whole.transition)
        // Through JSON files, as `phase merge` reads them.
        let folder = try TemporaryFolder("phase-read")
        defer { folder.remove() }
        let decoded = try parts.enumerated().map { k, part in
            try PhaseDiagramResult.read(
                path: try folder.write("part\(k).json", bytes: Array(JSONEncoder().encode(part))))
        }
        #expect(try PhaseDiagramResult.merging(decoded).cells == whole.cells)
        #expect(throws: PhaseTransitionError.self) { try PhaseDiagramResult.merging([parts[0], parts[1]]) }
        #expect(throws: PhaseTransitionError.self) {
            try PhaseDiagramResult.merging([parts[0], parts[0], parts[1], parts[2]])
        }
    }

    @Test(
        "a file that is not a phase result is refused in words, never with Foundation's decoder text",
        arguments: [
            ("[1, 2", "it is not valid JSON"),
            (#"{"cells": []}"#, "is missing at the top level"),
            ("[]", "has the wrong type"),
        ])
    func unreadableResult(text: String, message: String) throws {
        let folder = try TemporaryFolder("phase-read")
        defer { folder.remove() }
        let path = try folder.write("bad.json", text)
        #expect {
            _ = try PhaseDiagramResult.read(path: path)
        } throws: { error in
            let description = (error as? PhaseTransitionError)?.description ?? ""
            return description.contains(message) && description.contains("sparsecert phase")
                && !description.contains("The given data")
        }
        let missing = folder.path("none.json")
        #expect(throws: PhaseTransitionError("\(missing) does not exist")) {
            try PhaseDiagramResult.read(path: missing)
        }
    }

    @Test func resumeEqualsUninterrupted() throws {
        let path = try Self.temporaryPath("resume.json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var stopping = Self.options(threads: 1, checkpoint: path)
        let stop = StopRequest()
        stopping.stop = stop
        stopping.progress = { if $0.cellsDone == 2 { stop.request() } }
        let partial = try PhaseDiagram.run(Self.grid, options: stopping)
        #expect(partial.cells.count == 2 && !partial.isComplete)
        let resumed = try PhaseDiagram.run(Self.grid, options: Self.options(checkpoint: path))
        #expect(resumed.cells == (try PhaseDiagram.run(Self.grid, options: Self.options())).cells)
    }

    @Test func progressCountsCells() throws {
        var options = Self.options()
        let reports = Mutex<[PhaseProgress]>([])
        options.progress = { progress in reports.withLock { $0.append(progress) } }
        _ = try PhaseDiagram.run(Self.grid, options: options)
        let seen = reports.withLock { $0 }
        #expect(seen.map(\.cellsDone) == Array(1...6) && seen.allSatisfy { $0.cellsTotal == 6 })
        #expect(seen.last?.instancesSolved == 18)
    }

    @Test func checkpointOfAnotherGridIsRefused() throws {
        let path = try Self.temporaryPath("other.json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try PhaseDiagram.run(Self.grid, options: Self.options(checkpoint: path))
        var other = Self.grid
        other.seed = 12
        #expect { try PhaseDiagram.run(other, options: Self.options(checkpoint: path)) } throws: {
            ($0 as? PhaseTransitionError)?.description.contains("another grid") == true
        }
        #expect(throws: PhaseTransitionError.self) {
            try PhaseDiagram.run(
                Self.grid, options: Self.options(shard: try ShardSpec(index: 1, count: 2), checkpoint: path))
        }
    }

    @Test func flowLimitsAreJudged() throws {
        let result = try PhaseDiagram.run(Self.flowGrid, options: Self.options())
        let sparse = result.cells[0]
        #expect(sparse.flow.map(\.depth) == [2, 3] && sparse.flow.allSatisfy { $0.failures == 0 })
        // At α = 1e-3 the flow limit is close to x₀ but not within 1e-6 of it; depth 3 is closer (linear in α).
        let errors = sparse.flow.compactMap(\.meanRelativeError)
        #expect(errors.count == 2 && errors.allSatisfy { $0 > 1e-6 && $0 < 0.1 } && errors[1] < errors[0])
        #expect(sparse.flow.allSatisfy { ($0.meanDistanceToBasisPursuit ?? 1) < 0.1 })
    }

    @Test func exactModeProvesRecovery() throws {
        var grid = PhaseGrid(columns: 12, deltas: [0.5], rhos: [0.2, 1], trials: 2, seed: 5)
        grid.exact = true
        let result = try PhaseDiagram.run(grid, options: Self.options())
        #expect(result.cells[0].recovered == 2 && result.cells[1].recovered == 0)
        #expect(result.cells.allSatisfy { $0.unverified == 0 })
    }
}
