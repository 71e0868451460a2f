import DenseLinearAlgebra
import ExactArithmetic
import Foundation

/// A random sparse-recovery instance whose data are exactly consistent (DESIGN.md §1.3).
///
/// A has Gaussian entries N(0, 1/m) rounded to multiples of 2⁻¹⁰, x₀ is s-sparse with entries
/// ±(1 + k/16), k ∈ {0, …, 31}, and y = A x₀. Every entry is a dyadic rational with few bits, so y is exact
/// even in double precision, y lies exactly in range(A_S), and small-α statements refer to x₀ itself
/// rather than to a full-support BP solution of rounded data.
///
/// Whether BP recovers x₀ is a property of the draw: ``hasStrictLeastNormCertificate`` checks the
/// sufficient condition ‖A_{Sᶜ}ᵀA_S(A_SᵀA_S)⁻¹σ‖_∞ < 1 (then x₀ is the unique BP solution).
public struct ConsistentInstance: Sendable {
    /// A (m×n), on the grid 2⁻¹⁰ℤ.
    public let matrix: Matrix<Double>
    /// y = A x₀, exact.
    public let observations: [Double]
    /// x₀ (s-sparse, on the grid 2⁻⁴ℤ).
    public let sparseSolution: [Double]

    /// Draws an instance.
    /// - Parameters:
    ///   - rows: m. - columns: n. - sparsity: s ≤ min(m, n).
    ///   - generator: the random source (a seeded generator, e.g. ProblemData's SplitMix64, for reproducibility).
    /// - Precondition: 0 < s ≤ min(m, n) (programmer input).
    public init(rows: Int, columns: Int, sparsity: Int, generator: inout some RandomNumberGenerator) {
        /// A standard normal draw (Box–Muller).
        func gaussian() -> Double {
            let u1 = Double.random(in: Double.ulpOfOne..<1, using: &generator)
            let u2 = Double.random(in: 0..<1, using: &generator)
            return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        }
        precondition(sparsity > 0 && sparsity <= min(rows, columns), "ConsistentInstance: bad sparsity")
        var a = Matrix<Double>(rows: rows, columns: columns)
        for i in 0..<rows {
            for j in 0..<columns {
                a[i, j] = (gaussian() / Double(rows).squareRoot() * 1024).rounded() / 1024
            }
        }
        var x = [Double](repeating: 0, count: columns)
        for j in Array(0..<columns).shuffled(using: &generator).prefix(sparsity) {
            let magnitude = 1 + Double(Int.random(in: 0..<32, using: &generator)) / 16
            x[j] = Bool.random(using: &generator) ? magnitude : -magnitude
        }
        self.matrix = a
        self.sparseSolution = x
        self.observations = a.multiply(x)
    }

    /// The data as exact rationals (identical values: every double here is a short dyadic rational).
    public var exactMatrix: Matrix<Rational> { matrix.map { Rational(exactly: $0) ?? .zero } }

    /// Whether the least-norm certificate μ = A_S(A_SᵀA_S)⁻¹σ is strict, proving x₀ the unique BP solution.
    public var hasStrictLeastNormCertificate: Bool {
        let support = sparseSolution.indices.filter { sparseSolution[$0] != 0 }
        let aS = matrix.columns(support)
        guard let lu = try? LDLDecomposition(aS.transposed.multiply(aS)),
              let coefficients = try? lu.solve(support.map { sparseSolution[$0] > 0 ? 1 : -1 }) else { return false }
        let certificate = matrix.multiplyTransposed(aS.multiply(coefficients))
        return sparseSolution.indices.allSatisfy { sparseSolution[$0] != 0 || abs(certificate[$0]) < 1 - 1e-9 }
    }
}
