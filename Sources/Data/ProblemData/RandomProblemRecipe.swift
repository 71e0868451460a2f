import DenseLinearAlgebra
import ExactArithmetic
import Foundation

/// A reproducible random compressed-sensing instance: A from an ensemble, an s-sparse x₀, and
/// `y = A x₀ (+ noise)` computed exactly.
///
/// Recipe (DESIGN.md §1.3), all from one ``SplitMix64`` stream seeded with ``seed``, in this order:
/// 1. A (m×n) from ``ensemble``, entries rounded to ``matrixGrid`` (2⁻¹⁰ by default);
/// 2. x₀ from ``SparseSignal/random(length:sparsity:signs:grid:generator:)`` on ``signalGrid`` (2⁻⁴);
/// 3. `y = A x₀` in exact rational arithmetic — so y lies exactly in range(A_S), on the grid 2⁻⁽ᵏᴬ⁺ᵏˣ⁾;
/// 4. with ``noiseLevel`` η > 0: `y_i += round(η·g_i)` for m Gaussians g_i, rounded to that same grid.
///
/// Every generated entry is therefore exactly a double, and the problem can be stored in any format.
public struct RandomProblemRecipe: Sendable, Hashable {
    /// The ensemble A is drawn from.
    public var ensemble: MeasurementEnsemble
    /// m, the number of measurements.
    public var rows: Int
    /// n, the signal length.
    public var columns: Int
    /// s, the number of non-zero entries of x₀.
    public var sparsity: Int
    /// The seed of the random stream.
    public var seed: UInt64
    /// The signs of x₀ on its (sorted) support, each ±1, or `nil` for random signs.
    public var signs: [Int]?
    /// η ≥ 0: the standard deviation of the noise added to y.
    public var noiseLevel: Double
    /// The grid of A's entries.
    public var matrixGrid: DyadicGrid
    /// The grid of x₀'s entries.
    public var signalGrid: DyadicGrid

    /// The largest m·n generated (a guard against requests that cannot fit in memory).
    public static let maximumEntries = 20_000_000

    /// The largest noise level η accepted (noise terms must fit the grid's 63-bit range).
    public static let maximumNoiseLevel = 1_000_000.0

    /// A recipe; nothing is drawn until ``generate()``.
    public init(
        ensemble: MeasurementEnsemble, rows: Int, columns: Int, sparsity: Int, seed: UInt64,
        signs: [Int]? = nil, noiseLevel: Double = 0,
        matrixGrid: DyadicGrid = DyadicGrid(exponent: 10), signalGrid: DyadicGrid = DyadicGrid(exponent: 4)
    ) {
        self.ensemble = ensemble
        self.rows = rows
        self.columns = columns
        self.sparsity = sparsity
        self.seed = seed
        self.signs = signs
        self.noiseLevel = noiseLevel
        self.matrixGrid = matrixGrid
        self.signalGrid = signalGrid
    }

    /// The grid y lies on: 2⁻⁽ᵏᴬ⁺ᵏˣ⁾.
    public var observationGrid: DyadicGrid { DyadicGrid(exponent: min(60, matrixGrid.exponent + signalGrid.exponent)) }

    /// Draws the instance; `groundTruth` is x₀ and `name` records the recipe.
    ///
    /// - Throws: ``ProblemDataError`` for sizes out of range (m, n ≥ 1, 0 ≤ s ≤ n, m ≤ n for DCT rows,
    ///   m·n ≤ ``maximumEntries``), a noise level outside [0, ``maximumNoiseLevel``], grids finer than 2⁻³⁰, or bad signs.
    /// - Complexity: O(m·n) draws and exact products.
    public func generate() throws(ProblemDataError) -> Problem {
        guard rows >= 1, columns >= 1 else {
            throw ProblemDataError("the matrix needs at least one row and one column (m = \(rows), n = \(columns))")
        }
        guard rows.multipliedReportingOverflow(by: columns).partialValue <= Self.maximumEntries,
            rows <= Self.maximumEntries, columns <= Self.maximumEntries
        else {
            throw ProblemDataError("m·n = \(rows)·\(columns) is too large (at most \(Self.maximumEntries) entries)")
        }
        guard ensemble != .dct || rows <= columns else {
            throw ProblemDataError(
                "a partial DCT takes m of the n rows of the n×n DCT, so m = \(rows) must not exceed n = \(columns)")
        }
        guard noiseLevel.isFinite, noiseLevel >= 0, noiseLevel <= Self.maximumNoiseLevel else {
            throw ProblemDataError(
                "the noise level must be a number in [0, \(Self.maximumNoiseLevel)], not \(noiseLevel)")
        }
        guard matrixGrid.exponent <= 30, signalGrid.exponent <= 30 else {
            throw ProblemDataError(
                "grids finer than 2^-30 are not supported (asked for 2^-\(max(matrixGrid.exponent, signalGrid.exponent)))"
            )
        }
        var generator = SplitMix64(seed: seed)
        let multiples = ensemble.gridMultiples(rows: rows, columns: columns, grid: matrixGrid, generator: &generator)
        let signal = try SparseSignal.random(
            length: columns, sparsity: sparsity, signs: signs, grid: signalGrid, generator: &generator)
        let support = signal.indices.filter { signal[$0] != .zero }
        let noise = (0..<(noiseLevel > 0 ? rows : 0)).map { _ in
            observationGrid.multiple(nearest: noiseLevel * generator.nextGaussian())
        }
        let name =
            "\(ensemble.rawValue) m=\(rows) n=\(columns) s=\(sparsity) seed=\(seed)"
            + (noiseLevel > 0 ? " noise=\(noiseLevel)" : "")
        if let y = integerObservations(multiples, signal: signal, support: support, noise: noise) {
            // Every value is an exact double: A on 2⁻ᵏᴬ, x₀ on 2⁻ᵏˣ, y on 2⁻⁽ᵏᴬ⁺ᵏˣ⁾ with |numerators| ≤ 2⁵³.
            return try Problem(
                doubleMatrix: Matrix(
                    rows: rows, columns: columns, elements: multiples.map { matrixGrid.value(ofMultiple: $0) }),
                observations: y.map { observationGrid.value(ofMultiple: $0) },
                groundTruth: signal.map(\.doubleValue), name: name)
        }
        let matrix = Matrix(
            rows: rows, columns: columns, elements: multiples.map { Rational($0, 1 << matrixGrid.exponent) })
        var observations = matrix.columns(support).multiply(support.map { signal[$0] })
        for (i, q) in noise.enumerated() { observations[i] += Rational(q, 1 << observationGrid.exponent) }
        return try Problem(matrix: matrix, observations: observations, groundTruth: signal, name: name)
    }

    /// y = A x₀ (+ noise) as integers on the observation grid, or `nil` when a value would leave the range in
    /// which doubles are exact (|q| ≤ 2⁵³) or overflow — then the exact rational path computes it instead.
    /// - Complexity: O(m·s) integer operations.
    private func integerObservations(_ a: [Int], signal: [Rational], support: [Int], noise: [Int]) -> [Int]? {
        let limit = 1 << 53
        guard a.allSatisfy({ $0.magnitude <= limit }) else { return nil }
        let x = support.map { Int(scalbn(signal[$0].doubleValue, signalGrid.exponent)) }
        var y = [Int](repeating: 0, count: rows)
        for i in 0..<rows {
            var sum = noise.isEmpty ? 0 : noise[i]
            for (k, j) in support.enumerated() {
                let (product, overflow) = a[i * columns + j].multipliedReportingOverflow(by: x[k])
                guard !overflow else { return nil }
                let (next, carry) = sum.addingReportingOverflow(product)
                guard !carry, next.magnitude <= limit else { return nil }
                sum = next
            }
            y[i] = sum
        }
        return y
    }
}
