import DenseLinearAlgebra
import ExactArithmetic
import Foundation

/// The random measurement matrices of compressed sensing, scaled so that columns have unit norm in
/// expectation, and rounded to a dyadic grid.
public enum MeasurementEnsemble: String, Sendable, Hashable, CaseIterable {
    /// Independent Gaussian entries N(0, 1/m): `g/√m` with g from ``SplitMix64/nextGaussian()``.
    case gaussian
    /// Independent Rademacher entries ±1/√m (sign from the top bit of ``SplitMix64/next()``).
    case rademacher
    /// m distinct rows, chosen uniformly (``SplitMix64/nextSubset(of:count:)``), of the orthonormal n×n
    /// DCT-II matrix `C[k, j] = c_k cos(π(2j+1)k / 2n)` (`c₀ = √(1/n)`, `c_k = √(2/n)`), scaled by √(n/m).
    case dct

    /// An m×n matrix of this ensemble with every entry rounded to `grid`, drawing from `generator`
    /// (Gaussian and Rademacher entries are drawn row after row).
    ///
    /// - Precondition: `rows ≥ 1`, `columns ≥ 1`, and for ``dct`` `rows ≤ columns`.
    /// - Complexity: O(m·n) draws and roundings.
    public func matrix(rows: Int, columns: Int, grid: DyadicGrid, generator: inout SplitMix64) -> Matrix<Rational> {
        let multiples = gridMultiples(rows: rows, columns: columns, grid: grid, generator: &generator)
        return Matrix(rows: rows, columns: columns, elements: multiples.map { Rational($0, 1 << grid.exponent) })
    }

    /// The same matrix as ``matrix(rows:columns:grid:generator:)`` (same draws), as the integers q with
    /// aᵢⱼ = q·2⁻ᵏ, row-major — for exact integer arithmetic without rationals.
    /// - Complexity: O(m·n) draws.
    public func gridMultiples(rows: Int, columns: Int, grid: DyadicGrid, generator: inout SplitMix64) -> [Int] {
        precondition(rows >= 1 && columns >= 1, "a measurement matrix needs at least one row and column")
        let scale = 1 / Double(rows).squareRoot()
        var elements: [Int] = []
        elements.reserveCapacity(rows * columns)
        switch self {
        case .gaussian:
            for _ in 0..<(rows * columns) { elements.append(grid.multiple(nearest: scale * generator.nextGaussian())) }
        case .rademacher:
            let magnitude = grid.multiple(nearest: scale)
            for _ in 0..<(rows * columns) { elements.append(generator.next() >> 63 == 0 ? magnitude : -magnitude) }
        case .dct:
            precondition(rows <= columns, "a partial DCT takes at most n of the n rows")
            let n = Double(columns)
            for k in generator.nextSubset(of: columns, count: rows) {
                let normalization =
                    (k == 0 ? (1 / n).squareRoot() : (2 / n).squareRoot()) * (n / Double(rows)).squareRoot()
                for j in 0..<columns {
                    elements.append(
                        grid.multiple(
                            nearest: normalization * Foundation.cos(Double.pi * Double((2 * j + 1) * k) / (2 * n))))
                }
            }
        }
        return elements
    }
}
