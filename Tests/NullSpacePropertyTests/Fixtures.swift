import DenseLinearAlgebra
import NullSpaceProperty
import ProblemData

/// Small matrices for the tests.
enum Fixtures {
    /// A = [1, r]: ker A = span(r, −1), so ρ_{0} = r, ρ_{1} = 1/r and ρ_1 = max(r, 1/r).
    static func oneByTwo(_ r: Double) throws -> NullSpaceMatrix {
        try NullSpaceMatrix(Matrix([[1, r]]))
    }

    /// A random Gaussian m×n matrix, entries N(0, 1/m) rounded to multiples of 2⁻¹⁶ (ProblemData's
    /// SplitMix64 stream with the given seed — the same matrix `sparsecert generate gaussian --grid-bits 16`
    /// writes).
    static func gaussian(_ m: Int, _ n: Int, seed: UInt64) throws -> NullSpaceMatrix {
        var generator = SplitMix64(seed: seed)
        let exact = MeasurementEnsemble.gaussian.matrix(
            rows: m, columns: n, grid: DyadicGrid(exponent: 16), generator: &generator)
        return try NullSpaceMatrix(exact: exact)
    }

    /// [I_m | b] (n = m + 1): ker A = span(u) with u = (−b, 1), so every constant is a ratio of u's entries:
    /// ρ_S = ‖u_S‖₁ / ‖u_{S^c}‖₁ and ρ_s = (sum of the s largest |uᵢ|) / (the rest).
    static func identityAndColumn(_ b: [Double]) throws -> (matrix: NullSpaceMatrix, kernel: [Double]) {
        let m = b.count
        let rows = (0..<m).map { i in (0..<m).map { $0 == i ? 1.0 : 0.0 } + [b[i]] }
        return (try NullSpaceMatrix(Matrix(rows)), b.map { -$0 } + [1])
    }

    /// ρ_s for a one-dimensional kernel span(u).
    static func orderConstant(kernel u: [Double], order s: Int) -> Double {
        let sorted = u.map(abs).sorted(by: >)
        return sorted.prefix(s).reduce(0, +) / sorted.dropFirst(s).reduce(0, +)
    }

    /// Options for deterministic single-threaded test runs.
    static func options(chunkSize: Int = 512) -> OrderSearchOptions {
        var options = OrderSearchOptions()
        options.threads = 1
        options.chunkSize = chunkSize
        return options
    }
}
