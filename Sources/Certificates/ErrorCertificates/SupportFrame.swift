import DenseLinearAlgebra
import IntervalArithmetic
import ExactArithmetic

/// The exact support-aware coordinates of the dual around a basis pursuit solution x*, and their
/// interval enclosures.
///
/// With S = supp(x*) (A_S injective) and σ = sign(x*_S): λ = P·u + Q₂·b with P = A_S(A_SᵀA_S)⁻¹
/// (A_SᵀP = I) and Q₂ a basis of ker A_Sᵀ, both exact rationals. Then z = Aᵀλ has z_S = u and
/// z_{Sᶜ} = M·u + N·b with M = A_{Sᶜ}ᵀP, N = A_{Sᶜ}ᵀQ₂, and because y = A_S x*_S exactly, the optimality
/// condition A·αh(z) = y of the dual Φ_α is equivalent to
///
///     F₁ = αh(u) − x*_S + Mᵀe = 0,   F₂ = Nᵀe = 0,   e = αh(M u + N b) = x_{Sᶜ}
///
/// — y cancels analytically, so the tiny off-support entries e are balanced on their own scale. Every
/// matrix is formed exactly, then enclosed entry by entry in the tightest double intervals.
struct SupportFrame: Sendable {
    let support: [Int]
    let offSupport: [Int]
    /// σ as ±1.
    let signs: [Int]
    /// x*_S enclosed.
    let referenceOnSupport: [Interval]
    /// M, (n−s)×s, enclosed (row-major).
    let m: [Interval]
    /// N, (n−s)×(m−s), enclosed (row-major).
    let n: [Interval]
    /// M·σ, enclosed (n−s).
    let mSigma: [Interval]
    /// Midpoints of M and N, for the floating-point Newton steps.
    let mMid: Matrix<Double>
    let nMid: Matrix<Double>

    var s: Int { support.count }
    var offCount: Int { offSupport.count }
    /// m − s, the number of columns of N (dimension of b).
    let nColumns: Int

    /// Builds the frame, checking A_S x*_S = y and that A_S is injective exactly.
    /// - Throws: ``ErrorCertificatesError/noUniqueSolution(_:)`` when x* is zero, does not reproduce y, or
    ///   A_S has dependent columns.
    /// - Complexity: O(m·n·m) integer operations (one common-denominator product per column of P and Q₂).
    init(matrix: Matrix<Rational>, observations: [Rational], reference: [Rational]) throws(ErrorCertificatesError) {
        let support = reference.indices.filter { reference[$0] != .zero }
        let offSupport = reference.indices.filter { reference[$0] == .zero }
        guard !support.isEmpty else { throw .noUniqueSolution("x* = 0 (y = 0): there is nothing to recover") }
        let aS = matrix.columns(support)
        let reproduced = aS.multiply(support.map { reference[$0] })
        if let row = reproduced.indices.first(where: { reproduced[$0] != observations[$0] }) {
            throw .noUniqueSolution("A x* ≠ y in row \(row) (exactly)")
        }
        let gram = aS.transposed.multiply(aS)
        guard let lu = try? LUDecomposition(gram) else {
            throw .noUniqueSolution("the columns \(support) of A on the support of x* are linearly dependent")
        }
        // Columns of P: P e_k = A_S G⁻¹ e_k.
        var pColumns: [[Rational]] = []
        for k in 0..<support.count {
            var unit = [Rational](repeating: .zero, count: support.count)
            unit[k] = 1
            guard let g = try? lu.solve(unit) else { throw .noUniqueSolution("singular Gram matrix of A_S") }
            pColumns.append(aS.multiply(g))
        }
        let q2 = aS.transposed.nullSpaceBasis
        let offMatrix = matrix.columns(offSupport)
        // M = A_{Sᶜ}ᵀP and N = A_{Sᶜ}ᵀQ₂ column by column.
        let mColumns = pColumns.map { offMatrix.multiplyTransposed($0) }
        let nColumns = (0..<q2.columns).map { offMatrix.multiplyTransposed(q2.column($0)) }
        let signs = support.map { reference[$0].signum }
        let off = offSupport.count
        var mExact: [Rational] = [], nExact: [Rational] = []
        for i in 0..<off {
            for k in 0..<support.count { mExact.append(mColumns[k][i]) }
            for k in 0..<q2.columns { nExact.append(nColumns[k][i]) }
        }
        let mSigma = (0..<off).map { i in
            (0..<support.count).reduce(Rational.zero) { $0 + mColumns[$1][i] * Rational(signs[$1], 1) }
        }
        self.support = support
        self.offSupport = offSupport
        self.signs = signs
        self.referenceOnSupport = support.map { Interval(enclosing: reference[$0]) }
        self.m = mExact.map { Interval(enclosing: $0) }
        self.n = nExact.map { Interval(enclosing: $0) }
        self.mSigma = mSigma.map { Interval(enclosing: $0) }
        self.nColumns = q2.columns
        self.mMid = Matrix(rows: off, columns: support.count, elements: mExact.map(\.doubleValue))
        self.nMid = Matrix(rows: off, columns: q2.columns, elements: nExact.map(\.doubleValue))
    }
}
