import DenseLinearAlgebra
import ExactArithmetic
import LinearProgramming
import ProblemData
import Testing

@Suite("Iterative refinement: raw float64 data certified without exact pivots")
struct IterativeRefinementTests {
    /// min ‖x‖₁ s.t. A x = y for Gaussian A, x₀ with `sparsity` nonzeros and y = fl(A x₀) rounded in double
    /// precision (not exactly consistent), every row multiplied by `rowScale` (exact in rationals).
    static func rawFloatBasisPursuit(
        rows m: Int, columns n: Int, sparsity: Int, seed: UInt64, rowScale: Rational = 1
    ) -> (program: LinearProgram<Rational>, a: [[Rational]], y: [Rational]) {
        var random = SplitMix64(seed: seed)
        let a = (0..<m).map { _ in (0..<n).map { _ in random.nextGaussian() } }
        var x = [Double](repeating: 0, count: n)
        for j in random.nextSubset(of: n, count: sparsity) { x[j] = random.nextGaussian() }
        let exactA = a.map { $0.map { rowScale * Rational(exactly: $0)! } }
        let exactY = a.map { rowScale * Rational(exactly: zip($0, x).reduce(0.0) { $0 + $1.0 * $1.1 })! }
        return (ExactVerificationTests.basisPursuit(exactA, exactY), exactA, exactY)
    }

    @Test("GLPK's basis fails exactly; the refined basis is proven optimal, and A x = y holds exactly")
    func certifiesRawFloats() throws {
        let size = (rows: 12, columns: 40, seed: UInt64(2))
        let (lp, a, y) = Self.rawFloatBasisPursuit(rows: size.rows, columns: size.columns, sparsity: 2, seed: size.seed)
        let glpkBasis = try #require(try LPSolver().solve(lp.map(\.doubleValue)).basis)
        #expect(!(try ExactVerifier.verify(lp, basis: glpkBasis).isOptimal))
        let result = try LPSolver().solveCertified(lp)
        #expect(result.isCertified)
        #expect(result.steps.contains { $0.hasPrefix("refinement round") })
        #expect(!result.steps.contains { $0.hasPrefix("exact simplex pivots") })
        let certificate = try #require(result.certificate)
        let x = zip(certificate.x[..<size.columns], certificate.x[size.columns...]).map { $0 - $1 }
        #expect(a.map { row in zip(row, x).reduce(Rational.zero) { $0 + $1.0 * $1.1 } } == y)
        // The rounding of y shows: more nonzeros than x₀ has.
        #expect(x.count { $0 != .zero } > 2)
        #expect(try ExactVerifier.verify(lp, basis: certificate.basis).isOptimal)
    }

    @Test("rows scaled by 10¹² or by the double nearest 10⁻¹² give the same exact optimum", arguments: [1e12, 1e-12])
    func scaleInvariance(scale: Double) throws {
        let factor = Rational(exactly: scale)!
        let plain = try LPSolver().solveCertified(
            Self.rawFloatBasisPursuit(rows: 8, columns: 24, sparsity: 2, seed: 3).program)
        let scaled = try LPSolver().solveCertified(
            Self.rawFloatBasisPursuit(rows: 8, columns: 24, sparsity: 2, seed: 3, rowScale: factor).program)
        #expect(plain.isCertified && scaled.isCertified)
        #expect(plain.certificate?.objective == scaled.certificate?.objective)
        #expect(plain.certificate?.x == scaled.certificate?.x)
    }
}
