import DenseLinearAlgebra
import ExactArithmetic

/// The affine change of dual coordinates that makes the limit solver support-aware.
///
/// Given the basis pursuit solution x* with support S (A_S injective) and signs σ, every dual vector is
/// written λ = P·z_S + Q₂·b with P = A_S(A_SᵀA_S)⁻¹ (so A_Sᵀλ = z_S) and Q₂ a basis of ker A_Sᵀ. Then
/// - z_{Sᶜ} = A_{Sᶜ}ᵀλ = M·z_S + N·b with M = A_{Sᶜ}ᵀP and N = A_{Sᶜ}ᵀQ₂;
/// - the interpolation equations A x = y split, since y = A_S x*_S, into
///   E₁ = A_S⁺(A x − y) = x_S − x*_S + Mᵀx_{Sᶜ} (s equations) and
///   E₂ = Q₂ᵀ(A x − y) = Nᵀx_{Sᶜ} (m − s equations),
///   in which y has been cancelled analytically: E₂ balances the tiny off-support entries against each
///   other, so it stays meaningful when they are 1e-250 and invisible next to y.
///
/// Without a usable reference (none given, or A_S not injective because BP has several minimizers) the
/// coordinates are the plain dual ones: S = ∅, Q₂ = I, N = Aᵀ and E₂ = A x − y.
///
/// The consistency y = A_S x*_S, on which the cancellation of y rests, is checked in the scalar of the data
/// (exactly for rational data); the coordinate matrices are then formed in double precision.
struct SupportCoordinates: Sendable {
    /// S, increasing.
    let support: [Int]
    /// Sᶜ, increasing.
    let offSupport: [Int]
    /// σ_S as ±1.
    let signs: [Double]
    /// x*_S.
    let referenceOnSupport: [Double]
    /// P = A_S(A_SᵀA_S)⁻¹, m×s.
    let supportDual: Matrix<Double>
    /// Q₂, m×(m−s).
    let complementDual: Matrix<Double>
    /// M = A_{Sᶜ}ᵀP, (n−s)×s.
    let supportCoupling: Matrix<Double>
    /// N = A_{Sᶜ}ᵀQ₂, (n−s)×(m−s).
    let complementCoupling: Matrix<Double>
    /// Q₂ᵀ(y − A_S x*_S): zero in support-aware coordinates, y in plain ones.
    let complementTarget: [Double]

    /// Whether these are the plain dual coordinates (S = ∅).
    var isPlain: Bool { support.isEmpty }
    /// m.
    var dualDimension: Int { supportDual.rows }

    /// Plain dual coordinates λ = b.
    static func plain<Scalar: LinearAlgebraScalar>(matrix: Matrix<Scalar>, observations: [Scalar]) -> SupportCoordinates
    {
        let a = matrix.map(\.doubleValue)
        return SupportCoordinates(
            support: [], offSupport: Array(0..<a.columns), signs: [], referenceOnSupport: [],
            supportDual: Matrix(rows: a.rows, columns: 0), complementDual: .identity(a.rows),
            supportCoupling: Matrix(rows: a.columns, columns: 0), complementCoupling: a.transposed,
            complementTarget: observations.map(\.doubleValue))
    }

    /// Support-aware coordinates for the reference x*, or `nil` when A_S is not injective (then the
    /// caller falls back to ``plain(matrix:observations:)``).
    /// - Parameters:
    ///   - accuracy: how x* is known (for floating-point data the residual of every row may be 1e-12
    ///     relative to its terms, whatever the accuracy).
    ///   - rounded: A rounded to doubles, when the caller has it (saves converting it again).
    /// - Throws: ``DiagonalNetworkError/inconsistentReference(row:residual:)`` when A_S x*_S ≠ y beyond
    ///   what `accuracy` and the scalar allow.
    /// - Complexity: O(m²n) scalar operations.
    static func supportAware<Scalar: LinearAlgebraScalar>(
        matrix: Matrix<Scalar>, observations: [Scalar], reference: [Scalar],
        accuracy: ReferenceConsistency.Accuracy = .exact, rounded: Matrix<Double>? = nil
    ) throws(DiagonalNetworkError) -> SupportCoordinates? {
        let support = reference.indices.filter { reference[$0] != .zero }
        let offSupport = reference.indices.filter { reference[$0] == .zero }
        try ReferenceConsistency.check(
            matrix: matrix, observations: observations, reference: reference,
            support: support, accuracy: accuracy)
        guard !support.isEmpty else { return nil }
        return build(
            matrix: rounded ?? matrix.map(\.doubleValue), support: support, offSupport: offSupport,
            reference: reference.map(\.doubleValue))
    }

    /// The support-aware coordinates in double precision, or `nil` when A_S is numerically not injective.
    /// - Complexity: O(m²n).
    private static func build(
        matrix: Matrix<Double>, support: [Int], offSupport: [Int],
        reference: [Double]
    ) -> SupportCoordinates? {
        let aS = matrix.columns(support)
        guard let gram = try? LDLDecomposition(aS.transposed.multiply(aS)) else { return nil }
        // P = A_S G⁻¹: row i of P solves G pᵢ = (row i of A_S), G being symmetric.
        var p = Matrix<Double>(rows: matrix.rows, columns: support.count)
        for i in 0..<matrix.rows {
            guard let row = try? gram.solve(aS.row(i)) else { return nil }
            for k in row.indices { p[i, k] = row[k] }
        }
        let q2 = aS.transposed.nullSpaceBasis
        return SupportCoordinates(
            support: support, offSupport: offSupport,
            signs: support.map { reference[$0] > 0 ? 1 : -1 },
            referenceOnSupport: support.map { reference[$0] },
            supportDual: p, complementDual: q2,
            supportCoupling: transposedProduct(matrix, columns: offSupport, p),
            complementCoupling: transposedProduct(matrix, columns: offSupport, q2),
            complementTarget: Array(repeating: 0, count: q2.columns))
    }

    /// (A_J)ᵀ·B for the columns J of A (a kernel on the raw entries).
    /// - Complexity: O(|J|·m·k) for an m×k matrix B.
    /// The shape is |J|×k even when J is empty or k = 0 (m = n with full support has Sᶜ = ∅ and m − s = 0).
    private static func transposedProduct(_ a: Matrix<Double>, columns: [Int], _ b: Matrix<Double>) -> Matrix<Double> {
        let aEntries = a.elements, bEntries = b.elements
        let n = a.columns, k = b.columns
        var result = [Double](repeating: 0, count: columns.count * k)
        for (r, j) in columns.enumerated() {
            for i in 0..<a.rows where aEntries[i * n + j] != .zero {
                let factor = aEntries[i * n + j]
                for c in 0..<k { result[r * k + c] += factor * bEntries[i * k + c] }
            }
        }
        return Matrix(rows: columns.count, columns: k, elements: result)
    }
}
