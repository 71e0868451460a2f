import ScaleOut

/// The cells a run (or a merge of shards) computed, and the transition they show.
///
/// JSON keys (stable): `grid` (``PhaseGrid``), `shard` ("k/K"), `complete` (every cell of the grid is
/// present), `cells` (``CellResult``, by increasing index), `transition` (``TransitionPoint`` per δ; empty
/// unless `complete`), `seconds`.
public struct PhaseDiagramResult: Sendable, Hashable, Codable {
    /// The grid.
    public let grid: PhaseGrid
    /// The shard the cells belong to (1/1 for a whole or merged diagram).
    public let shard: ShardSpec
    /// The cells computed, by increasing index.
    public let cells: [CellResult]
    /// Wall-clock seconds (summed over shards after a merge).
    public let seconds: Double

    /// A result from its parts (cells are sorted by index).
    public init(grid: PhaseGrid, shard: ShardSpec, cells: [CellResult], seconds: Double) {
        self.grid = grid
        self.shard = shard
        self.cells = cells.sorted { $0.cell.index < $1.cell.index }
        self.seconds = seconds
    }

    /// Whether every cell of the grid is present.
    public var isComplete: Bool { cells.count == grid.deltas.count * grid.rhos.count }

    /// Per δ (in the grid's order), the 50 % crossing of BP and of every flow setting, with ψ's curve;
    /// empty unless ``isComplete``.
    /// - Complexity: O(|δ|·|ρ|·(1 + |settings|)) plus |δ| evaluations of ψ's transition.
    public var transition: [TransitionPoint] {
        guard isComplete else { return [] }
        let settings = grid.flowSettings
        return grid.deltas.enumerated().map { i, delta in
            let column = cells.filter { $0.cell.delta == delta }
            let bp = Crossing.find(column.map { ($0.cell.rho, $0.fraction) })
            let flows = settings.indices.map { k in
                let crossing = Crossing.find(
                    column.map { ($0.cell.rho, Double($0.flow[k].recovered) / Double($0.trials)) })
                return FlowTransition(
                    depth: settings[k].depth, alpha: settings[k].alpha, rho50: crossing.rho,
                    status: crossing.status)
            }
            return TransitionPoint(
                delta: delta, rho50: bp.rho, status: bp.status,
                rhoTheory: StatisticalDimension.transition(delta: delta), flow: flows)
        }
    }

    /// Combines the results of shards 1/K … K/K of one grid into the result of the whole grid — identical,
    /// cell by cell, to one unsharded run.
    /// - Throws: ``PhaseTransitionError`` when the parts are of different grids or shard counts, a shard
    ///   appears twice or is missing, or a shard is incomplete.
    /// - Complexity: O(total cells).
    public static func merging(_ parts: [PhaseDiagramResult]) throws(PhaseTransitionError) -> PhaseDiagramResult {
        guard let first = parts.first else { throw PhaseTransitionError("no shard results were given to merge") }
        let count = first.shard.count
        for part in parts {
            guard part.grid == first.grid else {
                throw PhaseTransitionError(
                    "shard \(part.shard) is of another grid (\(part.grid.identity)) than shard "
                        + "\(first.shard) (\(first.grid.identity))")
            }
            guard part.shard.count == count else {
                throw PhaseTransitionError(
                    "shard \(part.shard) is of a \(part.shard.count)-way split, shard \(first.shard) "
                        + "of a \(count)-way split")
            }
            let cells = first.grid.cells
            guard
                part.cells.allSatisfy({
                    cells.indices.contains($0.cell.index) && cells[$0.cell.index] == $0.cell
                        && part.shard.contains(chunk: $0.cell.index)
                })
            else {
                throw PhaseTransitionError(
                    "shard \(part.shard) holds a cell that does not belong to its grid and shard")
            }
            let expected = cells.filter { part.shard.contains(chunk: $0.index) }.count
            guard part.cells.count == expected else {
                throw PhaseTransitionError(
                    "shard \(part.shard) holds \(part.cells.count) of its \(expected) cells: finish "
                        + "it (rerun it with its --checkpoint) before merging")
            }
        }
        let indices = parts.map(\.shard.index)
        if let repeated = indices.first(where: { index in indices.filter { $0 == index }.count > 1 }) {
            throw PhaseTransitionError("shard \(repeated)/\(count) is given twice")
        }
        let missing = (1...count).filter { !indices.contains($0) }
        guard missing.isEmpty else {
            throw PhaseTransitionError(
                "shard\(missing.count == 1 ? "" : "s") "
                    + missing.map { "\($0)/\(count)" }.joined(separator: ", ") + " missing: merge all \(count) shards")
        }
        return PhaseDiagramResult(
            grid: first.grid, shard: .whole, cells: parts.flatMap(\.cells),
            seconds: parts.reduce(0) { $0 + $1.seconds })
    }

    enum CodingKeys: String, CodingKey {
        case grid, shard, complete, cells, transition, seconds
    }

    /// Reads a result written by ``encode(to:)`` (the transition is recomputed from the cells).
    /// - Throws: `DecodingError` for a missing key or a value of the wrong type.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            grid: try c.decode(PhaseGrid.self, forKey: .grid), shard: try c.decode(ShardSpec.self, forKey: .shard),
            cells: try c.decode([CellResult].self, forKey: .cells), seconds: try c.decode(Double.self, forKey: .seconds)
        )
    }

    /// Writes every key.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(grid, forKey: .grid)
        try c.encode(shard, forKey: .shard)
        try c.encode(isComplete, forKey: .complete)
        try c.encode(cells, forKey: .cells)
        try c.encode(transition, forKey: .transition)
        try c.encode(seconds, forKey: .seconds)
    }
}
