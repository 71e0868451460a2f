import DenseLinearAlgebra
import DiagonalNetworks
import ExactArithmetic
import Foundation
import ProblemData

/// Reproducible instances for the tests: ProblemData's Gaussian recipe (A on 2⁻¹⁰ℤ, x₀ on 2⁻⁴ℤ, y = A x₀
/// exact), with the seed advanced until x₀ has a strict least-norm certificate (so that x₀ is the unique
/// basis pursuit solution).
enum TestInstances {
    /// A drawn problem, exactly and rounded (the rounding changes nothing: every entry is a short dyadic).
    struct Instance {
        let problem: Problem
        var exactMatrix: Matrix<Rational> { problem.matrix }
        var exactObservations: [Rational] { problem.observations }
        var exactSolution: [Rational] { problem.groundTruth ?? [] }
        var matrix: Matrix<Double> { problem.doubleMatrix }
        var observations: [Double] { problem.doubleObservations }
        var sparseSolution: [Double] { exactSolution.map(\.doubleValue) }
    }

    static func recoverable(rows: Int, columns: Int, sparsity: Int, seed: UInt64) -> Instance {
        var attempt = seed
        while true {
            let recipe = RandomProblemRecipe(
                ensemble: .gaussian, rows: rows, columns: columns, sparsity: sparsity,
                seed: attempt)
            let instance = Instance(problem: try! recipe.generate())
            if hasStrictLeastNormCertificate(instance) { return instance }
            attempt += 1_000_003
        }
    }

    /// Whether μ = A_S(A_SᵀA_S)⁻¹σ satisfies ‖(Aᵀμ)_{Sᶜ}‖_∞ < 1 − 1e-9, proving x₀ the unique BP solution.
    static func hasStrictLeastNormCertificate(_ instance: Instance) -> Bool {
        let x = instance.sparseSolution, a = instance.matrix
        let support = x.indices.filter { x[$0] != 0 }
        let aS = a.columns(support)
        guard let gram = try? LDLDecomposition(aS.transposed.multiply(aS)),
            let coefficients = try? gram.solve(support.map { x[$0] > 0 ? 1 : -1 })
        else { return false }
        let certificate = a.multiplyTransposed(aS.multiply(coefficients))
        return x.indices.allSatisfy { x[$0] != 0 || abs(certificate[$0]) < 1 - 1e-9 }
    }

    static func network(_ instance: Instance, depth: Int, alpha: Double) throws -> DiagonalNetwork {
        try DiagonalNetwork(matrix: instance.matrix, observations: instance.observations, depth: depth, alpha: alpha)
    }

    /// x = α·h_D(z(v)) on the support, rebuilt from the support coordinate v independently of the library:
    /// 2α sinh v for D = 2, σα·t^(−p)·(1 − (t/(2−t))^p) with t = e^v for D ≥ 3 (in expm1/log1p, without
    /// cancellation as t → 1).
    static func supportOutput(depth: Int, coordinate v: Double, sign: Double, logAlpha: Double) -> Double {
        if depth == 2 { return DepthPotential(depth: 2).scaledLink(v, logAlpha: logAlpha).value }
        let p = Double(depth) / Double(depth - 2)
        return -sign * exp(logAlpha - p * v) * expm1(p * (v - log1p(-expm1(v))))
    }

    static func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }
}
