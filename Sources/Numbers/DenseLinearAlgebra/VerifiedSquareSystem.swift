/// A square Double system A·x = b with a rigorous proof that A is nonsingular and a rigorous bound on the error
/// of each computed solution (Rump, "Verification methods", Acta Numerica 2010, Thm 10.2).
///
/// The LU factors (`dgetrf`, of Aᵀ: the row-major storage needs no transposition) give x̃ and an approximate
/// inverse R (`dgetri`). Then α ≥ ‖I − R·A‖_∞ is bounded
/// from the computed product C̃ = fl(R·A) (`dgemm`) by
///
///     ‖I − R·A‖_∞ ≤ ‖I − C̃‖_∞ + γₙ·‖|R|·(|A|·e)‖_∞ + n²·η        (a priori bounds),
///
/// every term rounded upwards. If α < 1, R·A and hence A are nonsingular, and for every x̃
///
///     ‖A⁻¹b − x̃‖_∞ ≤ ‖R·(b − A·x̃)‖_∞ / (1 − α),
///
/// where the residual's rounding error is bounded by γₙ₊₁·(|b| + |A|·|x̃|). The cost is that of three n³
/// kernels (LU, inverse, product: about 4n³ flops), all from BLAS/LAPACK; the bounds cost O(n²).
public struct VerifiedSquareSystem: Sendable {
    /// n.
    public let dimension: Int
    /// α, a rigorous upper bound on ‖I − R·A‖_∞ for the computed approximate inverse R (+∞ when R is not
    /// finite).
    public let inverseDefect: Double
    /// Whether α < 1, which proves A nonsingular.
    public var provesNonsingular: Bool { inverseDefect < 1 }

    private let matrix: Matrix<Double>
    private let magnitudes: Matrix<Double>
    private let factors: [Double]
    private let swaps: [Int]
    private let inverseMagnitudes: Matrix<Double>

    /// Factors A, inverts it approximately and bounds ‖I − R·A‖_∞.
    ///
    /// - Throws: ``LinearAlgebraError/notSquare(rows:columns:)``, ``LinearAlgebraError/singular(column:)`` for an
    ///   exactly zero pivot or a pivot at most n·u·max|aᵢⱼ| (A is numerically singular: nothing to verify).
    /// - Complexity: about 4n³ flops.
    public init(_ a: Matrix<Double>) throws(LinearAlgebraError) {
        guard a.rows == a.columns else { throw .notSquare(rows: a.rows, columns: a.columns) }
        let n = a.rows
        var factors = a.elements
        // A's row-major buffer is Aᵀ's column-major one: LAPACK factors Aᵀ with no copy, and inverting it in
        // place leaves (Aᵀ)⁻¹ column-major, that is A⁻¹ row-major.
        let (swaps, zeroPivot) = LAPACK.factor(&factors, rows: n, columns: n, transposedStorage: true)
        if let zeroPivot { throw .singular(column: zeroPivot) }
        let scale = a.elements.reduce(0) { Swift.max($0, $1.magnitude) }
        if let small = (0..<n).first(where: {
            factors[$0 * n + $0].magnitude <= Double(n) * Double.unitRoundoff * scale
        }) {
            throw .singular(column: small)
        }
        var inverse = factors
        let inverted = LAPACK.invert(&inverse, dimension: n, swaps: swaps, transposedStorage: true)
        let r = Matrix(rows: n, columns: n, elements: inverse)
        let magnitudes = a.map(\.magnitude)
        let inverseMagnitudes = r.map(\.magnitude)
        self.dimension = n
        self.matrix = a
        self.magnitudes = magnitudes
        self.factors = factors
        self.swaps = swaps
        self.inverseMagnitudes = inverseMagnitudes
        guard inverted, r.elements.allSatisfy(\.isFinite) else {
            inverseDefect = .infinity
            return
        }
        let product = LAPACK.multiply(r, a).elements, absolute = magnitudes.elements
        let rowSums = (0..<n).map { i in
            RoundingBounds.upper(absolute[(i * n)..<((i + 1) * n)].reduce(0, +), terms: n)
        }
        let spread = LAPACK.multiply(inverseMagnitudes, rowSums)
        let gamma = RoundingBounds.gamma(n), floor = Double(n) * Double(n) * RoundingBounds.underflow
        var defect = 0.0
        for i in 0..<n {
            var distance = 0.0
            for j in 0..<n { distance += ((i == j ? 1 : 0) - product[i * n + j]).magnitude }
            let row = RoundingBounds.sum(
                RoundingBounds.upper(distance, terms: n + 1),
                RoundingBounds.sum(
                    RoundingBounds.product(gamma, RoundingBounds.upper(spread[i], terms: n)), floor))
            defect = Swift.max(defect, row)
        }
        inverseDefect = defect.isNaN ? .infinity : defect
    }

    /// x̃ with A·x̃ ≈ b (LU solve and one step of iterative refinement) and a rigorous bound on ‖A⁻¹b − x̃‖_∞.
    ///
    /// - Returns: x̃ and the bound (+∞ unless ``provesNonsingular``).
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when `b.count ≠ n`.
    /// - Complexity: O(n²).
    public func solve(_ b: [Double]) throws(LinearAlgebraError) -> (solution: [Double], errorBound: Double) {
        let n = dimension
        guard b.count == n else { throw .dimensionMismatch("right-hand side has \(b.count) entries, expected \(n)") }
        var x = LAPACK.solve(factors: factors, dimension: n, swaps: swaps, b, transposed: true, transposedStorage: true)
        let correction = LAPACK.solve(
            factors: factors, dimension: n, swaps: swaps, LAPACK.multiply(matrix, x, scale: -1, shift: b),
            transposed: true, transposedStorage: true)
        let refined = zip(x, correction).map { $0 + $1 }
        if refined.allSatisfy(\.isFinite) { x = refined }
        guard provesNonsingular, x.allSatisfy(\.isFinite) else { return (x, .infinity) }
        let residual = LAPACK.multiply(matrix, x, scale: -1, shift: b)
        let sizes = LAPACK.multiply(magnitudes, x.map(\.magnitude))
        let gamma = RoundingBounds.gamma(n + 1), floor = Double(n + 1) * RoundingBounds.underflow
        let residualBounds = (0..<n).map { i in
            RoundingBounds.sum(
                RoundingBounds.sum(residual[i].magnitude, floor),
                RoundingBounds.product(
                    gamma, RoundingBounds.sum(b[i].magnitude, RoundingBounds.upper(sizes[i], terms: n))))
        }
        let spread = LAPACK.multiply(inverseMagnitudes, residualBounds)
        let numerator = spread.reduce(0.0) { Swift.max($0, RoundingBounds.upper($1, terms: n)) }
        let bound = (numerator / (1 - inverseDefect).nextDown).nextUp
        return (x, bound.isNaN ? .infinity : bound)
    }

    /// y with Aᵀ·y ≈ c (LU solve; no bound).
    ///
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when `c.count ≠ n`.
    /// - Complexity: O(n²).
    public func solveTransposed(_ c: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard c.count == dimension else {
            throw .dimensionMismatch("right-hand side has \(c.count) entries, expected \(dimension)")
        }
        return LAPACK.solve(
            factors: factors, dimension: dimension, swaps: swaps, c, transposed: false, transposedStorage: true)
    }

    /// n rows of an m×n matrix (m ≥ n) that are linearly independent in floating point: the pivot rows of
    /// P·A = L·U with partial pivoting, in increasing order — or `nil` when some pivot is at most
    /// n·u·max|aᵢⱼ| (A is numerically rank-deficient) or m < n.
    ///
    /// A floating-point selection only: ``VerifiedSquareSystem`` on the chosen rows is the proof.
    /// - Complexity: O(m·n²) flops.
    public static func independentRows(of a: Matrix<Double>) -> [Int]? {
        let m = a.rows, n = a.columns
        guard m >= n, n > 0 else { return nil }
        var factors = a.elements
        let (swaps, zeroPivot) = LAPACK.factor(&factors, rows: m, columns: n)
        let scale = a.elements.reduce(0) { Swift.max($0, $1.magnitude) }
        guard zeroPivot == nil,
            (0..<n).allSatisfy({ factors[$0 * n + $0].magnitude > Double(n) * Double.unitRoundoff * scale })
        else { return nil }
        var order = Array(0..<m)
        for (k, swap) in swaps.enumerated() { order.swapAt(k, swap) }
        return order.prefix(n).sorted()
    }
}
