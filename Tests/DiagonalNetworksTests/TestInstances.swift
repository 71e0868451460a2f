import DenseLinearAlgebra
import DiagonalNetworks
import ProblemData

/// Reproducible instances for the tests: SplitMix64 with fixed seeds, redrawn until x₀ has a strict
/// least-norm certificate (so that x₀ is the unique basis pursuit solution).
enum TestInstances {
    static func recoverable(rows: Int, columns: Int, sparsity: Int, seed: UInt64) -> ConsistentInstance {
        var generator = SplitMix64(seed: seed)
        while true {
            let instance = ConsistentInstance(rows: rows, columns: columns, sparsity: sparsity, generator: &generator)
            if instance.hasStrictLeastNormCertificate { return instance }
        }
    }

    static func network(_ instance: ConsistentInstance, depth: Int, alpha: Double) throws -> DiagonalNetwork {
        try DiagonalNetwork(matrix: instance.matrix, observations: instance.observations, depth: depth, alpha: alpha)
    }

    static func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }
}
