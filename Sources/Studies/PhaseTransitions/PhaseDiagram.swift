import Foundation
import ScaleOut
import Synchronization

/// How a phase diagram is run: threads, the shard, the checkpoint, the recovery threshold and progress.
public struct PhaseRunOptions: Sendable {
    /// Worker threads (default: every core).
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    /// The slice of cells to run: shard k of K takes the cells whose index c has c mod K = k − 1.
    public var shard = ShardSpec.whole
    /// A checkpoint file: finished cells are saved to it as they finish, and a run that finds it resumes
    /// where it stopped (the file must be of the same grid and shard).
    public var checkpointPath: String?
    /// Called (serialized, from any thread) after every finished cell.
    public var progress: (@Sendable (PhaseProgress) -> Void)?
    /// Polled before every cell is started: once requested, the run stops after the cells in progress (they
    /// are kept, and saved to the checkpoint), for example on SIGINT or a time limit. The result is then
    /// incomplete.
    public var stop: StopRequest?

    /// The defaults listed above.
    public init() {}

    /// Reads a shard written "k/K" (1 ≤ k ≤ K).
    /// - Throws: ``PhaseTransitionError`` saying what is wrong with the text.
    public static func shard(parsing text: String) throws(PhaseTransitionError) -> ShardSpec {
        do { return try ShardSpec(parsing: text) } catch { throw PhaseTransitionError("--shard: \(error.description)") }
    }
}

/// How far a run is.
public struct PhaseProgress: Sendable {
    /// Cells of this shard finished (including those read from the checkpoint).
    public let cellsDone: Int
    /// Cells of this shard.
    public let cellsTotal: Int
    /// Instances solved in this run.
    public let instancesSolved: Int
    /// Seconds since this run started.
    public let seconds: Double
}

/// Phase diagrams of basis pursuit and gradient flow (Donoho–Tanner diagrams).
public enum PhaseDiagram {
    /// Runs every cell of the grid that belongs to the shard, on all threads.
    ///
    /// Each cell draws its T instances from ``InstanceStream`` and evaluates basis pursuit (and the flow
    /// limits) on each; the result does not depend on the thread count, and the K shards of a grid merge
    /// (``PhaseDiagramResult/merging(_:)``) into exactly the result of one run.
    /// - Throws: ``PhaseTransitionError`` for an invalid grid or an unusable checkpoint.
    /// - Complexity: T·|cells|/K BP solves (plus T·|cells|·|depths|·|alphas|/K limit solves).
    public static func run(
        _ grid: PhaseGrid, options: PhaseRunOptions = PhaseRunOptions()
    )
        throws(PhaseTransitionError) -> PhaseDiagramResult
    {
        try grid.validate()
        let cells = grid.cells.filter { options.shard.contains(chunk: $0.index) }
        let store = try options.checkpointPath.map { path throws(PhaseTransitionError) in
            try PhaseCheckpoint.open(path: path, grid: grid, shard: options.shard)
        }
        let state = Mutex(RunState(done: store?.finished ?? [:]))
        let pending = cells.filter { store?.finished[$0.index] == nil }
        let clock = ContinuousClock()
        let start = clock.now
        let evaluation = TrialEvaluation(grid: grid)
        let stream = InstanceStream(grid: grid)
        let settings = grid.flowSettings
        try ParallelWork.forEach(threads: options.threads, count: pending.count) {
            (k: Int) throws(PhaseTransitionError) -> Bool in
            if options.stop?.isRequested == true { return false }
            let cell = pending[k]
            var outcomes: [TrialOutcome] = []
            for trial in 0..<grid.trials {
                let problem = try stream.instance(rows: cell.rows, sparsity: cell.sparsity, trial: trial)
                outcomes.append(evaluation.run(problem))
            }
            let result = CellResult(cell: cell, settings: settings, outcomes: outcomes)
            try state.withLock { (state: inout RunState) throws(PhaseTransitionError) in
                state.done[cell.index] = result
                state.solved += grid.trials
                let now = clock.now
                if let store, state.lastSave.map({ now - $0 > .seconds(1) }) ?? true {
                    try store.save(state.done)
                    state.lastSave = now
                }
                options.progress?(
                    PhaseProgress(
                        cellsDone: state.done.count, cellsTotal: cells.count,
                        instancesSolved: state.solved, seconds: (now - start).seconds))
            }
            return true
        }
        let done = state.withLock { $0.done }
        try store?.save(done)
        return PhaseDiagramResult(
            grid: grid, shard: options.shard,
            cells: cells.compactMap { done[$0.index] }, seconds: (clock.now - start).seconds)
    }

    struct RunState {
        var done: [Int: CellResult]
        var solved = 0
        var lastSave: ContinuousClock.Instant?
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
