import DenseLinearAlgebra
import ExactArithmetic
import Foundation

/// A depth-D diagonal linear network x = u^D − v^D fitted to A x = y by gradient flow on ½‖A x − y‖².
///
/// Gradient flow runs u̇ = −D u^(D−1) ⊙ g, v̇ = +D v^(D−1) ⊙ g with g = Aᵀ(A x − y), from
/// u(0) = v(0) = α^(1/D)·𝟙 (``InitializationConvention/product``, the default) or u(0) = v(0) = α·𝟙
/// (``InitializationConvention/perFactor``). The data are validated once, here: A non-empty with finite
/// entries, y of matching length, rows of A linearly independent and y in range(A) (to working precision,
/// on the data rounded to doubles).
public struct DiagonalNetwork: Sendable {
    /// The depth D ≥ 2.
    public let depth: Int
    /// The initialization scale as given, read according to ``convention``.
    public let alpha: Double
    /// How ``alpha`` is meant.
    public let convention: InitializationConvention
    /// ln of the product scale u(0)^D (kept as a logarithm: α^D may be far below the double range).
    public let logProductScale: Double
    /// A (m×n) in double precision.
    public let matrix: Matrix<Double>
    /// y (m entries) in double precision.
    public let observations: [Double]
    /// A and y exactly, when the caller had exact data.
    public let exactData: (matrix: Matrix<Rational>, observations: [Rational])?

    /// The product scale α_prod = u(0)^D (α itself under the product convention, α^D per factor).
    public var productScale: Double {
        convention == .product ? alpha : pow(alpha, Double(depth))
    }
    /// The scale of every factor at t = 0, u(0) = α_prod^(1/D).
    public var factorScale: Double { exp(logProductScale / Double(depth)) }

    /// A network on floating-point data.
    /// - Parameters:
    ///   - matrix: A, m×n with finite entries and linearly independent rows.
    ///   - observations: y ∈ range(A).
    ///   - depth: D ≥ 2.
    ///   - alpha: α > 0, finite.
    ///   - convention: how α is meant (default: scale of the product).
    /// - Throws: ``DiagonalNetworkError`` naming the offending value, row or column.
    /// - Complexity: O(m²n) for the rank and range checks.
    public init(
        matrix: Matrix<Double>, observations: [Double], depth: Int, alpha: Double,
        convention: InitializationConvention = .product
    ) throws(DiagonalNetworkError) {
        try Self.validateShape(rows: matrix.rows, columns: matrix.columns, observations: observations.count)
        for i in 0..<matrix.rows {
            for j in 0..<matrix.columns where !matrix[i, j].isFinite { throw .nonFiniteEntry(row: i, column: j) }
        }
        if let bad = observations.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteObservation(index: bad) }
        try Self.validateRange(matrix: matrix, observations: observations)
        try self.init(checked: matrix, observations, exact: nil, depth: depth, alpha: alpha, convention: convention)
    }

    /// A network on exact data. The rank and range checks run on the data rounded to doubles; the exact
    /// values serve the limit solver, which checks A_S x*_S = y exactly for a reference x*.
    /// - Throws: ``DiagonalNetworkError``.
    /// - Complexity: O(m²n).
    public init(
        exactMatrix: Matrix<Rational>, observations: [Rational], depth: Int, alpha: Double,
        convention: InitializationConvention = .product
    ) throws(DiagonalNetworkError) {
        try Self.validateShape(rows: exactMatrix.rows, columns: exactMatrix.columns, observations: observations.count)
        let rounded = exactMatrix.map(\.doubleValue), roundedObservations = observations.map(\.doubleValue)
        try Self.validateRange(matrix: rounded, observations: roundedObservations)
        try self.init(
            checked: rounded, roundedObservations,
            exact: (exactMatrix, observations), depth: depth, alpha: alpha, convention: convention)
    }

    private init(
        checked matrix: Matrix<Double>, _ observations: [Double],
        exact: (matrix: Matrix<Rational>, observations: [Rational])?, depth: Int, alpha: Double,
        convention: InitializationConvention
    ) throws(DiagonalNetworkError) {
        guard depth >= 2 else { throw .invalidDepth(depth) }
        guard alpha.isFinite, alpha > 0 else { throw .invalidScale(alpha) }
        let logScale = convention.logProductScale(alpha: alpha, depth: depth)
        guard logScale > log(Double.leastNormalMagnitude) + 10 else {
            throw .scaleUnderflow(alpha: alpha, depth: depth)
        }
        self.depth = depth
        self.alpha = alpha
        self.convention = convention
        self.logProductScale = logScale
        self.matrix = matrix
        self.observations = observations
        self.exactData = exact
    }

    /// The same data and depth with another initialization scale (same convention).
    /// - Throws: ``DiagonalNetworkError/invalidScale(_:)`` or ``DiagonalNetworkError/scaleUnderflow(alpha:depth:)``.
    public func with(alpha newAlpha: Double) throws(DiagonalNetworkError) -> DiagonalNetwork {
        try DiagonalNetwork(
            checked: matrix, observations, exact: exactData, depth: depth, alpha: newAlpha,
            convention: convention)
    }

    /// The same data and scale with another depth.
    /// - Throws: ``DiagonalNetworkError/invalidDepth(_:)``.
    public func with(depth newDepth: Int) throws(DiagonalNetworkError) -> DiagonalNetwork {
        try DiagonalNetwork(
            checked: matrix, observations, exact: exactData, depth: newDepth, alpha: alpha,
            convention: convention)
    }

    private static func validateShape(rows: Int, columns: Int, observations: Int) throws(DiagonalNetworkError) {
        guard rows > 0, columns > 0 else { throw .emptyMatrix }
        guard rows == observations else { throw .shapeMismatch(rows: rows, observations: observations) }
    }

    /// Rows independent and y ∈ range(A), via a basis Z of the left null space {z : Aᵀz = 0}: y is in
    /// range(A) iff Zᵀy = 0, and Z is empty iff the rows are independent. The rows are equilibrated by
    /// powers of two first (`RowEquilibration` (DenseLinearAlgebra)) and ⟨z, y⟩ is judged relative to Σ|zᵢyᵢ|, so that neither
    /// decision depends on the scale of a row or of y.
    private static func validateRange(matrix: Matrix<Double>, observations: [Double]) throws(DiagonalNetworkError) {
        let rows = RowEquilibration(matrix)
        let y = rows.apply(observations)
        let leftNull = rows.apply(matrix).transposed.nullSpaceBasis
        guard leftNull.columns > 0 else { return }
        var worst = 0.0, inconsistent = false
        for k in 0..<leftNull.columns {
            let z = leftNull.column(k)
            let dot = z.indices.reduce(0.0) { $0 + z[$1] * y[$1] }
            let size = z.indices.reduce(0.0) { $0 + abs(z[$1] * y[$1]) }
            inconsistent = inconsistent || abs(dot) > 1e-10 * size
            // Reported in the units of the given y: the component of y outside range(A).
            let unscaled = rows.apply(z)
            let original = unscaled.indices.reduce(0.0) { $0 + unscaled[$1] * observations[$1] }
            worst = Swift.max(worst, abs(original) / (unscaled.map(abs).max() ?? 1))
        }
        if inconsistent { throw .notInterpolable(residual: worst) }
        // The last non-zero entry of a left-null vector marks a row that depends on earlier rows.
        let z = leftNull.column(0)
        throw .dependentRow(z.lastIndex(where: { $0 != 0 }) ?? 0)
    }
}
