import ProblemData

/// The reproducible instances of a phase diagram: trial t of the cell with m rows and s non-zeros is the
/// `ProblemData/RandomProblemRecipe` with the grid's ensemble, n and η, and the seed v₄ of the chain
///
///     v₀ = S,   v_{k+1} = first output of SplitMix64 seeded with v_k ⊕ c_k,   (c₀, c₁, c₂, c₃) = (n, m, s, t)
///
/// so an instance depends only on (S, n, m, s, t, ensemble, η): not on the other cells of the grid, the
/// order of evaluation, the number of threads or the shard that runs it.
public struct InstanceStream: Sendable, Hashable {
    /// The grid's seed S.
    public let seed: UInt64
    /// n.
    public let columns: Int
    /// The ensemble A is drawn from.
    public let ensemble: MeasurementEnsemble
    /// η.
    public let noise: Double

    /// The stream of a grid.
    public init(grid: PhaseGrid) {
        seed = grid.seed
        columns = grid.columns
        ensemble = grid.ensemble
        noise = grid.noise
    }

    /// The seed of trial `trial` of an (m, s) cell.
    /// - Complexity: O(1).
    public func instanceSeed(rows: Int, sparsity: Int, trial: Int) -> UInt64 {
        var value = seed
        for ingredient in [UInt64(columns), UInt64(rows), UInt64(sparsity), UInt64(trial)] {
            var generator = SplitMix64(seed: value ^ ingredient)
            value = generator.next()
        }
        return value
    }

    /// The recipe of trial `trial` of an (m, s) cell.
    public func recipe(rows: Int, sparsity: Int, trial: Int) -> RandomProblemRecipe {
        RandomProblemRecipe(
            ensemble: ensemble, rows: rows, columns: columns, sparsity: sparsity,
            seed: instanceSeed(rows: rows, sparsity: sparsity, trial: trial), noiseLevel: noise)
    }

    /// Draws trial `trial` of an (m, s) cell: A, x₀ (its ground truth) and y = A x₀ (+ noise), exactly.
    /// - Throws: ``PhaseTransitionError`` when the generator refuses the sizes.
    /// - Complexity: O(m·n) draws and O(m·s) exact products.
    public func instance(rows: Int, sparsity: Int, trial: Int) throws(PhaseTransitionError) -> Problem {
        do { return try recipe(rows: rows, sparsity: sparsity, trial: trial).generate() } catch {
            throw PhaseTransitionError(
                "cannot draw the instance m = \(rows), s = \(sparsity), trial \(trial): \(error.description)")
        }
    }
}
