import BigInt
import DenseLinearAlgebra
import ExactArithmetic
import Foundation
import IntervalArithmetic
import ScaleOut

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
/// matrix is formed exactly as a quotient of integers, then enclosed entry by entry (a few ulps wide).
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
    ///
    /// Computed in integers: with the columns scaled to integers (``IntegerColumns``, A_j = Â_j/d_j),
    /// M = A_{Sᶜ}ᵀA_S(A_SᵀA_S)⁻¹ has M_ik = (Ĝ⁻¹Ĉᵢ)_k·d_{S_k}/d_{Sᶜ_i} with Ĝ = Â_SᵀÂ_S and Ĉᵢ = Â_SᵀÂ_{Sᶜ_i}
    /// (one fraction-free solve, which takes many right-hand sides through the integer adjugate W = D·Ĝ⁻¹); Q₂ is the exact
    /// kernel basis of A_Sᵀ (at most s + 1 non-zeros per vector) scaled to integers, and each column of
    /// N = A_{Sᶜ}ᵀQ₂ is scaled by a power of two to magnitude about 1 (any basis of ker A_Sᵀ serves; this one is
    /// what the verifier rebuilds).
    /// - Throws: ``ErrorCertificatesError/noUniqueSolution(_:)`` when x* is zero, does not reproduce y, or
    ///   A_S has dependent columns.
    /// - Complexity: O((n − s)·s·m) integer products, O(s³) big-integer operations for Ĝ⁻¹ and O((n − s)·s²)
    ///   small-by-large products for M, O(s³ + (m − s)·s²) for the kernel basis and O((n − s)·(m − s)·s) for N.
    init(matrix: Matrix<Rational>, observations: [Rational], reference: [Rational]) throws(ErrorCertificatesError) {
        let support = reference.indices.filter { reference[$0] != .zero }
        let offSupport = reference.indices.filter { reference[$0] == .zero }
        guard !support.isEmpty else { throw .noUniqueSolution("x* = 0 (y = 0): there is nothing to recover") }
        let aS = matrix.columns(support)
        let reproduced = aS.multiply(support.map { reference[$0] })
        if let row = reproduced.indices.first(where: { reproduced[$0] != observations[$0] }) {
            throw .noUniqueSolution("A x* ≠ y in row \(row) (exactly)")
        }
        let columns = IntegerColumns(matrix)
        let s = support.count, off = offSupport.count
        var gram = [BigInt](repeating: 0, count: s * s)
        for k in 0..<s {
            for l in k..<s {
                gram[k * s + l] = columns.dot(support[k], support[l])
                gram[l * s + k] = gram[k * s + l]
            }
        }
        let crossed = offSupport.map { j in support.map { columns.dot($0, j) } }
        guard let solved = try? FractionFreeSolver.solve(gram, dimension: s, rightHandSides: crossed) else {
            throw .noUniqueSolution("the columns \(support) of A on the support of x* are linearly dependent")
        }
        let signs = support.map { reference[$0].signum }
        var mEnclosed: [Interval] = [], mSigma: [Interval] = []
        mEnclosed.reserveCapacity(off * s)
        for (i, j) in offSupport.enumerated() {
            let denominator = solved.denominator * columns.scales[j]
            var sigmaSum = BigInt(0)
            for k in 0..<s {
                let numerator = solved.numerators[i][k] * columns.scales[support[k]]
                mEnclosed.append(Interval(quotient: numerator, over: denominator))
                sigmaSum += signs[k] > 0 ? numerator : -numerator
            }
            mSigma.append(Interval(quotient: sigmaSum, over: denominator))
        }
        // Without off-support columns b enters no equation: it is dropped (q = 0).
        let kernel =
            off == 0
            ? []
            : Self.kernelBasis(columns: columns, support: support, rounded: aS.map(\.doubleValue))
                ?? Self.sparseIntegers(aS.transposed.nullSpaceBasis)
        let nEnclosed = Self.coupling(columns: columns, kernel: kernel, offSupport: offSupport)
        let q = kernel.count
        self.support = support
        self.offSupport = offSupport
        self.signs = signs
        self.referenceOnSupport = support.map { Interval(enclosing: reference[$0]) }
        self.m = mEnclosed
        self.n = nEnclosed
        self.mSigma = mSigma
        self.nColumns = q
        self.mMid = Matrix(rows: off, columns: s, elements: mEnclosed.map(\.mid))
        self.nMid = Matrix(rows: off, columns: q, elements: nEnclosed.map(\.mid))
    }

    /// A sparse integer vector: its non-zero entries.
    typealias SparseVector = [(index: Int, value: BigInt)]

    /// A basis of ker A_Sᵀ in integers, one vector per row f outside s pivot rows P (chosen by partial pivoting
    /// on the rounded A_S): q = D·e_f − Σ_p X_p e_p with X = D·B⁻ᵀÂ_S[f, :]ᵀ, B = Â_S[P, :], D = ±det B (one
    /// fraction-free solve through the adjugate). `nil` when B is singular after all (then the exact RREF basis is used).
    private static func kernelBasis(
        columns: IntegerColumns, support: [Int],
        rounded aS: Matrix<Double>
    ) -> [SparseVector]? {
        let s = support.count, m = aS.rows
        var rounded = (0..<m).map { i in (0..<s).map { aS[i, $0] } }
        var remaining = Array(0..<m), pivots: [Int] = []
        for k in 0..<s {
            guard let best = remaining.max(by: { abs(rounded[$0][k]) < abs(rounded[$1][k]) }),
                rounded[best][k] != 0, rounded[best][k].isFinite
            else { return nil }
            pivots.append(best)
            remaining.removeAll { $0 == best }
            for i in remaining where rounded[i][k] != 0 {
                let factor = rounded[i][k] / rounded[best][k]
                for j in k..<s { rounded[i][j] -= factor * rounded[best][j] }
            }
        }
        let block = pivots.flatMap { p in support.map { columns.big[$0][p] } }
        let free = remaining.sorted()
        let rightHandSides = free.map { f in support.map { columns.big[$0][f] } }
        guard
            let solved = try? FractionFreeSolver.solve(
                block, dimension: s, rightHandSides: rightHandSides,
                transposed: true)
        else { return nil }
        return free.indices.map { k in
            [(index: free[k], value: solved.denominator)]
                + pivots.indices.compactMap { p in
                    solved.numerators[k][p].isZero ? nil : (pivots[p], -solved.numerators[k][p])
                }
        }
    }

    /// The columns of an exact basis scaled to integers, as sparse vectors.
    private static func sparseIntegers(_ basis: Matrix<Rational>) -> [SparseVector] {
        (0..<basis.columns).map { k in
            let (numerators, _) = Rational.overCommonDenominator(basis.column(k))
            return numerators.indices.filter { !numerators[$0].isZero }.map { (index: $0, value: numerators[$0]) }
        }
    }

    /// N = A_{Sᶜ}ᵀQ₂ enclosed (row-major, (n − s)×q) from the integer kernel basis Q₂, each column scaled by a
    /// power of two to magnitude about 1; every entry is an exact quotient of integers, enclosed without a gcd.
    /// The columns are independent and computed on every core (`ParallelWork`).
    private static func coupling(columns: IntegerColumns, kernel: [SparseVector], offSupport: [Int]) -> [Interval] {
        let q = kernel.count, off = offSupport.count
        let computed = ParallelWork.map(threads: ProcessInfo.processInfo.activeProcessorCount, count: q) { k in
            let dots = offSupport.map { columns.dot($0, sparse: kernel[k]) }
            // log₂|N_ik| ≈ bits(dot) − bits(d_j); scale the column so that its largest entry is near 1.
            let shift =
                offSupport.indices.filter { !dots[$0].isZero }
                .map { dots[$0].magnitude.bitWidth - columns.scales[offSupport[$0]].magnitude.bitWidth }.max() ?? 0
            return offSupport.indices.map { i -> Interval in
                guard !dots[i].isZero else { return Interval(0) }
                let j = offSupport[i]
                return shift >= 0
                    ? Interval(quotient: dots[i], over: columns.scales[j] << shift)
                    : Interval(quotient: dots[i] << -shift, over: columns.scales[j])
            }
        }
        var result = [Interval](repeating: Interval(0), count: off * q)
        for (k, column) in computed.enumerated() {
            for (i, entry) in (column ?? []).enumerated() { result[i * q + k] = entry }
        }
        return result
    }
}
