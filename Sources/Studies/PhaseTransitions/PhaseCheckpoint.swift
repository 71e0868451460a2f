import ScaleOut

/// The checkpoint of a phase-diagram run: the grid, the shard and the cells finished so far, in a
/// ``ScaleOut/CheckpointFile`` (format `sparsecert-phase-checkpoint`, version 1; atomic saves, content digest).
///
/// A cell is finished as a whole (all its trials), and its instances depend only on the grid's seed and the
/// cell (``InstanceStream``), so resuming gives exactly the result of an uninterrupted run.
struct PhaseCheckpoint: Sendable {
    struct Content: Codable, Sendable {
        var grid: PhaseGrid
        var shard: ShardSpec
        var cells: [CellResult]
    }

    let file: CheckpointFile<Content>
    let grid: PhaseGrid
    let shard: ShardSpec
    /// The cells read from the file, by index.
    let finished: [Int: CellResult]

    /// Opens the checkpoint at `path`, reading it when it exists.
    /// - Throws: ``PhaseTransitionError`` when the file is unreadable, or is of another grid or shard, or holds
    ///   a cell that does not belong to them.
    static func open(path: String, grid: PhaseGrid, shard: ShardSpec) throws(PhaseTransitionError) -> PhaseCheckpoint {
        let file = CheckpointFile<Content>(path: path, format: "sparsecert-phase-checkpoint", version: 1)
        let content: Content?
        do { content = try file.load() } catch { throw PhaseTransitionError(error.description) }
        guard let content else { return PhaseCheckpoint(file: file, grid: grid, shard: shard, finished: [:]) }
        let refuse = { (reason: String) in
            PhaseTransitionError(
                "cannot resume from the checkpoint \(path): \(reason); the file was left as it is — "
                    + "use another --checkpoint file, or move this one away to start afresh")
        }
        guard content.grid == grid else {
            throw refuse("it was written for another grid (\(content.grid.identity)), not this one (\(grid.identity))")
        }
        guard content.shard == shard else { throw refuse("it is of shard \(content.shard), not \(shard)") }
        let cells = grid.cells
        var finished: [Int: CellResult] = [:]
        for result in content.cells {
            guard cells.indices.contains(result.cell.index), cells[result.cell.index] == result.cell,
                shard.contains(chunk: result.cell.index), result.trials == grid.trials,
                result.flow.count == grid.flowSettings.count
            else {
                throw refuse(
                    "it holds a cell (δ = \(result.cell.delta), ρ = \(result.cell.rho)) that does not belong to "
                        + "this grid"
                )
            }
            finished[result.cell.index] = result
        }
        return PhaseCheckpoint(file: file, grid: grid, shard: shard, finished: finished)
    }

    /// Saves the finished cells (atomically).
    /// - Throws: ``PhaseTransitionError`` when the file cannot be written.
    func save(_ done: [Int: CellResult]) throws(PhaseTransitionError) {
        let cells = done.keys.sorted().compactMap { done[$0] }
        do { try file.save(Content(grid: grid, shard: shard, cells: cells)) } catch {
            throw PhaseTransitionError(error.description)
        }
    }
}
