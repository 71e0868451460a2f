import DenseLinearAlgebra
import LinearProgramming

/// The one-sided exponent of non-negative basis pursuit (min Σ wⱼxⱼ s.t. A x = y, x ≥ 0), for A already
/// scaled by diag(w)⁻¹:
///
///     ϱ⁺(S) = min { max(−1, max_{j∈S^c} (Aᵀμ)ⱼ) : (Aᵀμ)_S = 1 }.
///
/// x* ≥ 0 with support S is the unique minimizer iff A_S is injective and ϱ⁺(S) < 1 (a strictly
/// complementary dual solution exists). The floor −1 keeps the LP bounded; it does not change the test.
enum OneSidedExponent {
    /// min t s.t. (Aᵀμ)_j = 1 (j ∈ S), (Aᵀμ)_j − t ≤ 0 (j ∈ S^c), μ free, t ≥ −1; columns μ then t.
    static func program<Scalar: LinearAlgebraScalar>(
        _ matrix: Matrix<Scalar>, _ pattern: SignedSupport
    ) -> LinearProgram<Scalar> {
        var lp = LinearProgram<Scalar>(direction: .minimize)
        for _ in 0..<matrix.rows { lp.addVariable(bounds: .free) }
        let t = lp.addVariable(bounds: .atLeast(-1), cost: 1)
        func column(_ j: Int) -> [(column: Int, coefficient: Scalar)] {
            (0..<matrix.rows).compactMap { i in matrix[i, j] == .zero ? nil : (i, matrix[i, j]) }
        }
        for j in pattern.indices { lp.addConstraint(column(j), .fixed(1)) }
        for j in pattern.complement { lp.addConstraint(column(j) + [(t, -1)], .atMost(.zero)) }
        return lp
    }
}
