import BigInt

/// Exact solution of integer linear systems by the faster method for the size: Bareiss's fraction-free
/// elimination (``FractionFreeSolver``) below ``dixonDimension``, Dixon's p-adic lifting (``DixonSolver``) from
/// there on, falling back to Bareiss when B is singular modulo every prime tried.
public enum ExactIntegerSolver {
    /// The smallest dimension solved by p-adic lifting.
    public static let dixonDimension = 24

    /// Solves B·xₖ = bₖ (or Bᵀ·xₖ = bₖ) for every right-hand side, as ``FractionFreeSolver`` does.
    ///
    /// - Returns: integer numerators over one nonzero common denominator.
    /// - Throws: ``LinearAlgebraError/singular(column:)`` when B is singular, or
    ///   ``LinearAlgebraError/dimensionMismatch(_:)`` when the sizes do not fit.
    /// - Complexity: see ``DixonSolver`` and ``FractionFreeSolver``.
    public static func solve(
        _ matrix: [BigInt], dimension n: Int, rightHandSides: [[BigInt]],
        transposed: Bool = false
    ) throws(LinearAlgebraError) -> FractionFreeSolver.Solution {
        if n >= dixonDimension,
            let solution = try DixonSolver.solve(
                matrix, dimension: n, rightHandSides: rightHandSides, transposed: transposed)
        {
            return solution
        }
        return try FractionFreeSolver.solve(
            matrix, dimension: n, rightHandSides: rightHandSides, transposed: transposed)
    }
}
