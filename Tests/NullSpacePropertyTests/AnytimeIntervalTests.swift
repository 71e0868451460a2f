import NullSpaceProperty
import ProblemData
import ScaleOut
import Testing

/// Issue 12: every interval a stopped search reports contains the brute-force constant.
@Suite("Anytime intervals are honest")
struct AnytimeIntervalTests {
    @Test(
        "random stopping points (LP counts, chunk budgets, time limits) never exclude the naive constant",
        arguments: [(6, 12, 3, UInt64(51)), (6, 10, 4, 52), (5, 10, 2, 53), (7, 12, 3, 54)])
    func randomStops(m: Int, n: Int, s: Int, seed: UInt64) throws {
        let a = try Fixtures.gaussian(m, n, seed: seed)
        let truth = try a.naiveOrderConstant(order: s, options: Fixtures.options()).lowerAlpha
        var generator = SplitMix64(seed: seed)
        var intervals: [OrderConstant] = []
        for trial in 0..<8 {
            var options = Fixtures.options(chunkSize: 8)
            options.bestFirst = trial >= 4
            switch trial % 3 {
            case 0:
                let stop = StopRequest(), threshold = Int(generator.next() % 400)
                options.stop = stop
                options.progress = { if $0.lpsSolved >= threshold { stop.request() } }
            case 1:
                options.chunkBudget = Int(generator.next() % 12)
            default:
                options.timeLimit = .microseconds(Int64(generator.next() % 30_000))
            }
            intervals.append(try a.orderConstant(order: s, options: options))
        }
        intervals.append(try a.orderBounds(order: s, options: Fixtures.options()))
        for result in intervals {
            #expect(
                result.lowerAlpha <= truth + 1e-9 && truth <= result.upperAlpha + 1e-9,
                "[\(result.lowerAlpha), \(result.upperAlpha)] (\(result.upperBoundSource)) excludes \(truth)")
            if result.isExact { #expect(abs(result.lowerAlpha - truth) < 1e-9) }
        }
    }

    @Test("stopped shards merge into an interval that contains the naive constant")
    func stoppedShards() throws {
        let a = try Fixtures.gaussian(6, 12, seed: 55)
        let truth = try a.naiveOrderConstant(order: 3, options: Fixtures.options()).lowerAlpha
        let parts = try (1...3).map { k in
            var options = Fixtures.options(chunkSize: 8)
            options.shard = try ShardSpec(index: k, count: 3)
            options.chunkBudget = k
            return try a.orderConstant(order: 3, options: options)
        }
        let merged = try OrderConstant.merging(parts)
        #expect(merged.lowerAlpha <= truth + 1e-9 && truth <= merged.upperAlpha + 1e-9)
    }

    @Test("a search stopped after the pairs reports the frontier bound of the subset tree")
    func frontierTighter() throws {
        let a = try Fixtures.gaussian(12, 20, seed: 56)
        var options = Fixtures.options(chunkSize: 8)
        options.chunkBudget = 0
        let stopped = try a.orderConstant(order: 3, options: options)
        let exact = try a.orderConstant(order: 3, options: Fixtures.options(chunkSize: 8))
        #expect(stopped.upperBoundSource.contains("frontier"), "\(stopped.upperBoundSource)")
        #expect(stopped.lowerAlpha <= exact.lowerAlpha + 1e-9 && exact.lowerAlpha <= stopped.upperAlpha + 1e-9)
    }

    @Test("a stopped MILP reports an interval around the constant (GLPK best, pick-1 or LP-relaxation bound)")
    func stoppedMILP() throws {
        let a = try Fixtures.gaussian(10, 24, seed: 57)
        let truth = try a.orderConstant(order: 3, options: Fixtures.options()).lowerAlpha
        let stopped = try a.mixedIntegerOrderConstant(order: 3, timeLimit: .milliseconds(1))
        #expect(stopped.lowerAlpha <= truth + 1e-9 && truth <= stopped.upperAlpha + 1e-9)
        if !stopped.complete {
            #expect(["best bound", "relaxation", "pick-1"].contains { stopped.upperBoundSource.contains($0) })
        }
    }

    @Test(
        "the best-first phase alone closes the frontier at the naive constant",
        arguments: [(6, 12, 3, UInt64(58)), (7, 12, 4, 59)])
    func bestFirstCloses(m: Int, n: Int, s: Int, seed: UInt64) throws {
        let a = try Fixtures.gaussian(m, n, seed: seed)
        let truth = try a.naiveOrderConstant(order: s, options: Fixtures.options()).lowerAlpha
        var options = Fixtures.options(chunkSize: 8)
        options.bestFirst = true
        let result = try a.orderConstant(order: s, options: options)
        #expect(result.isExact && abs(result.lowerAlpha - truth) < 1e-9)
    }
}
