/// A set of real matrices in midpoint-radius form, ⟨C, R⟩ = {X : |X − C| ≤ R} componentwise, whose products
/// are enclosed by BLAS in round-to-nearest plus a priori bounds on its rounding errors (Rump, "Fast and
/// parallel interval arithmetic", BIT 39 (1999); `RoundingBounds`): no switch of the rounding mode, any
/// summation order, fused multiply-adds allowed.
///
/// For A ∈ ⟨A_c, A_r⟩ and B ∈ ⟨B_c, B_r⟩ with inner dimension k,
///
///     A·B ∈ ⟨fl(A_c·B_c),  |A_c|·(γₖ|B_c| + B_r) + A_r·(|B_c| + B_r) + k·η⟩,
///
/// because A·B − A_c·B_c = A_c·(B − B_c) + (A − A_c)·B and |fl(A_c·B_c) − A_c·B_c| ≤ γₖ|A_c||B_c| + k·η. The
/// radius's two non-negative products are BLAS products too, rounded up by `RoundingBounds`; so an
/// enclosed product costs three floating-point matrix products (two when A is exact), where interval
/// arithmetic in infimum-supremum form takes four products and two roundings per term.
///
/// Entries that are not finite give radii that are not finite: such a matrix encloses nothing useful, and
/// every test built on it (a comparison with NaN or ∞) fails.
public struct EnclosedMatrix: Sendable {
    /// The midpoints C.
    public let center: Matrix<Double>
    /// The radii R ≥ 0, or `nil` for an exactly known matrix (R = 0).
    public let radius: Matrix<Double>?

    /// The number of rows.
    public var rows: Int { center.rows }
    /// The number of columns.
    public var columns: Int { center.columns }

    /// ⟨center, radius⟩.
    /// - Precondition: `radius`, when given, has the shape of `center`.
    public init(center: Matrix<Double>, radius: Matrix<Double>?) {
        precondition(
            radius.map { $0.rows == center.rows && $0.columns == center.columns } ?? true,
            "EnclosedMatrix: the radius has another shape than the center")
        self.center = center
        self.radius = radius
    }

    /// The set that holds `matrix` alone.
    public init(exactly matrix: Matrix<Double>) { self.init(center: matrix, radius: nil) }

    /// {diag(w)·X : |w − `center`| ≤ `radius`, X in this set}, row i scaled by wᵢ.
    ///
    /// The midpoint is fl(wᵢ·Cᵢⱼ); the radius adds to rᵢ·(|Cᵢⱼ| + Rᵢⱼ) + |cᵢ|·Rᵢⱼ the rounding of the midpoint
    /// (at most u·|fl(wᵢ·Cᵢⱼ)| + η), every term rounded up.
    /// - Precondition: one weight per row.
    /// - Complexity: O(rows·columns).
    public func scalingRows(center weights: [Double], radius spread: [Double]) -> EnclosedMatrix {
        precondition(weights.count == rows && spread.count == rows, "EnclosedMatrix.scalingRows: one weight per row")
        let n = columns, u = Double.ulpOfOne / 2
        var scaled = [Double](repeating: 0, count: rows * n), radii = scaled
        let entries = center.elements, given = radius?.elements
        for i in 0..<rows {
            let w = weights[i], wMagnitude = weights[i].magnitude, r = spread[i]
            for j in 0..<n {
                let index = i * n + j, c = entries[index], cr = given?[index] ?? 0
                let product = w * c
                scaled[index] = product
                radii[index] = RoundingBounds.sum(
                    RoundingBounds.sum(
                        RoundingBounds.product(r, RoundingBounds.sum(c.magnitude, cr)),
                        RoundingBounds.product(wMagnitude, cr)),
                    RoundingBounds.sum(RoundingBounds.product(u, product.magnitude), RoundingBounds.underflow))
            }
        }
        return EnclosedMatrix(
            center: Matrix(rows: rows, columns: n, elements: scaled),
            radius: Matrix(rows: rows, columns: n, elements: radii))
    }

    /// {A·B} (or {Aᵀ·B} with `transposingLeft`) for A in `a` and B in `b`, by the bound in the type's summary.
    /// - Precondition: the inner dimensions agree.
    /// - Complexity: three BLAS products of the given shapes (two when `a` is exact), O(size) more.
    public static func product(
        _ a: EnclosedMatrix, _ b: EnclosedMatrix, transposingLeft: Bool = false
    ) -> EnclosedMatrix {
        let inner = transposingLeft ? a.rows : a.columns
        precondition(inner == b.rows, "EnclosedMatrix.product: inner dimensions \(inner) ≠ \(b.rows)")
        let gamma = RoundingBounds.gamma(inner), b0 = b.center.elements, br = b.radius?.elements
        let center = LAPACK.multiply(a.center, b.center, transposingLeft: transposingLeft)
        let leftFactor = Matrix(
            rows: b.rows, columns: b.columns,
            elements: b0.indices.map {
                RoundingBounds.sum(RoundingBounds.product(gamma, b0[$0].magnitude), br?[$0] ?? 0)
            })
        let first = LAPACK.multiply(a.center.map(\.magnitude), leftFactor, transposingLeft: transposingLeft)
        var radii = first.elements.map { RoundingBounds.upper($0, terms: inner) }
        if let ar = a.radius {
            let rightFactor = Matrix(
                rows: b.rows, columns: b.columns,
                elements: b0.indices.map { RoundingBounds.sum(b0[$0].magnitude, br?[$0] ?? 0) })
            let second = LAPACK.multiply(ar, rightFactor, transposingLeft: transposingLeft).elements
            for index in radii.indices {
                radii[index] = RoundingBounds.sum(radii[index], RoundingBounds.upper(second[index], terms: inner))
            }
        }
        let floor = Double(inner) * RoundingBounds.underflow
        return EnclosedMatrix(
            center: center,
            radius: Matrix(
                rows: center.rows, columns: center.columns, elements: radii.map { RoundingBounds.sum($0, floor) }))
    }

    /// An upper bound on |X·o| (componentwise) over every X in this set and every vector o with |o| ≤ `bound`:
    /// (|C| + R)·bound, rounded up.
    /// - Precondition: `bound.count == columns`, `bound` ≥ 0.
    /// - Complexity: one BLAS matrix-vector product, O(rows·columns) more.
    public func magnitudeBound(over bound: [Double]) -> [Double] {
        precondition(
            bound.count == columns, "EnclosedMatrix.magnitudeBound: \(bound.count) entries for \(columns) columns")
        let entries = center.elements, given = radius?.elements
        let magnitudes = Matrix(
            rows: rows, columns: columns,
            elements: entries.indices.map { RoundingBounds.sum(entries[$0].magnitude, given?[$0] ?? 0) })
        return LAPACK.multiply(magnitudes, bound).map { RoundingBounds.upper($0, terms: columns) }
    }
}

extension Matrix where Scalar == Double {
    /// A·B, or Aᵀ·B with `transposingSelf`, by BLAS (`dgemm`) in round-to-nearest; for a rigorous enclosure of
    /// the product use ``EnclosedMatrix/product(_:_:transposingLeft:)``.
    /// - Precondition: the inner dimensions agree.
    /// - Complexity: O(m·k·p) flops.
    public func multiplied(by other: Matrix<Double>, transposingSelf: Bool = false) -> Matrix<Double> {
        precondition(
            (transposingSelf ? rows : columns) == other.rows, "Matrix.multiplied(by:): the inner dimensions differ")
        return LAPACK.multiply(self, other, transposingLeft: transposingSelf)
    }

    /// Bᵀ·diag(w)·B for this matrix B (one row weight each), by one BLAS product in round-to-nearest; the
    /// rigorous counterpart is ``EnclosedMatrix/scalingRows(center:radius:)`` followed by
    /// ``EnclosedMatrix/product(_:_:transposingLeft:)``.
    /// - Precondition: one weight per row.
    /// - Complexity: O(m·n²) flops for m×n B.
    public func weightedGram(_ weights: [Double]) -> Matrix<Double> {
        precondition(weights.count == rows, "Matrix.weightedGram: one weight per row")
        var weighted = elements
        for i in 0..<rows {
            for j in 0..<columns { weighted[i * columns + j] *= weights[i] }
        }
        return LAPACK.multiply(self, Matrix(rows: rows, columns: columns, elements: weighted), transposingLeft: true)
    }

    /// An approximate inverse by LU with partial pivoting (`dgetrf`, `dgetri`), or `nil` when a pivot is zero
    /// or an entry of the result is not finite. Nothing about its accuracy is claimed: use it where a proof
    /// checks whatever it yields (a preconditioner), or ``VerifiedSquareSystem`` for a bound.
    /// - Precondition: the matrix is square.
    /// - Complexity: about 2n³ flops.
    public func approximateInverse() -> Matrix<Double>? {
        precondition(rows == columns, "Matrix.approximateInverse: the matrix is not square")
        guard rows > 0 else { return self }
        // The row-major buffer of A is the column-major one of Aᵀ, and (Aᵀ)⁻¹ column-major is A⁻¹ row-major.
        var factors = elements
        let (swaps, zeroPivot) = LAPACK.factor(&factors, rows: rows, columns: rows, transposedStorage: true)
        guard zeroPivot == nil, LAPACK.invert(&factors, dimension: rows, swaps: swaps, transposedStorage: true),
            factors.allSatisfy(\.isFinite)
        else { return nil }
        return Matrix(rows: rows, columns: rows, elements: factors)
    }
}
