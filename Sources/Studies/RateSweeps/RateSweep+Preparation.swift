import DenseLinearAlgebra
import DiagonalNetworks
import ExactArithmetic
import SparseRecovery

extension RateSweep {
    /// A sweep around the basis pursuit solution of (A, y): x* exactly (`BasisPursuitReference` in
    /// SparseRecovery), ϱ(S, σ) by the floating-point ϱ-LP.
    /// - Throws: ``RateSweepError/noUniqueReference(_:)`` when BP is infeasible or ϱ ≥ 1,
    ///   ``RateSweepError/invalidData(_:)`` for data the network or the BP layer rejects (a zero or dependent
    ///   row, y outside range(A), …), before any point is solved.
    /// - Complexity: one BP solve (exact verification only when the cheap proof does not suffice) and one ϱ-LP.
    public static func prepare(matrix: Matrix<Rational>, observations: [Rational]) throws(RateSweepError) -> RateSweep {
        do { _ = try DiagonalNetwork(exactMatrix: matrix, observations: observations, depth: 2, alpha: 0.1) } catch {
            throw .invalidData(error.description)
        }
        let reference: BasisPursuitReference
        do { reference = try BasisPursuitReference.compute(matrix: matrix, observations: observations) } catch {
            switch error {
            case let .noReference(message), let .referenceNotProven(message): throw .noUniqueReference(message)
            default: throw .invalidData(error.description)
            }
        }
        let rho: SignedNullSpaceConstant
        do {
            rho = try SignedNullSpaceLP.solve(
                matrix: matrix.map(\.doubleValue), support: reference.support,
                signs: reference.signs)
        } catch { throw .invalidData(error.description) }
        guard rho.value < 1 else {
            throw .noUniqueReference("ϱ(S, σ) = \(rho.value) ≥ 1: the basis pursuit solution is not unique")
        }
        return RateSweep(matrix: matrix, observations: observations, reference: reference.x, rho: rho.value)
    }
}
