import DenseLinearAlgebra
import DiagonalNetworks
import ExactArithmetic
import SparseRecovery

extension RateSweep {
    /// A sweep around the exact basis pursuit solution of (A, y): x* by GLPK with exact rational
    /// re-verification, ϱ(S, σ) by the floating-point ϱ-LP.
    /// - Throws: ``RateSweepError/noUniqueReference(_:)`` when BP is infeasible or ϱ ≥ 1,
    ///   ``RateSweepError/invalidData(_:)`` for data the network or the BP layer rejects (a zero or dependent
    ///   row, y outside range(A), …), before any point is solved.
    /// - Complexity: one exact BP solve and one ϱ-LP.
    public static func prepare(matrix: Matrix<Rational>, observations: [Rational]) throws(RateSweepError) -> RateSweep {
        do { _ = try DiagonalNetwork(exactMatrix: matrix, observations: observations, depth: 2, alpha: 0.1) }
        catch { throw .invalidData(error.description) }
        var options = BasisPursuitOptions()
        options.analyzeUniqueness = false
        let bp: ExactBasisPursuitSolution
        do { bp = try BasisPursuit.solveExactly(BasisPursuitProblem(matrix: matrix, observations: observations), options: options) }
        catch { throw .invalidData(error.description) }
        guard bp.solution.status == .optimal, bp.verified else {
            throw .noUniqueReference("basis pursuit is \(bp.solution.status.rawValue) (y is not in the range of A)")
        }
        let rho: SignedNullSpaceConstant
        do {
            rho = try SignedNullSpaceLP.solve(matrix: matrix.map(\.doubleValue), support: bp.solution.support, signs: bp.solution.signs)
        } catch { throw .invalidData(error.description) }
        guard rho.value < 1 else {
            throw .noUniqueReference("ϱ(S, σ) = \(rho.value) ≥ 1: the basis pursuit solution is not unique")
        }
        return RateSweep(matrix: matrix, observations: observations, reference: bp.solution.x, rho: rho.value)
    }
}
