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
    /// SplitMix64 stream with the given seed — the same matrix `sparsecert generate gaussian` writes).
    static func gaussian(_ m: Int, _ n: Int, seed: UInt64) throws -> NullSpaceMatrix {
        var generator = SplitMix64(seed: seed)
        let exact = MeasurementEnsemble.gaussian.matrix(rows: m, columns: n, grid: DyadicGrid(exponent: 16), generator: &generator)
        return try NullSpaceMatrix(exact: exact)
    }

    /// [I_m | B]: ker A = {(−B w, w)}.
    static func identityBlock(_ b: [[Double]]) throws -> NullSpaceMatrix {
        let m = b.count
        let rows = (0..<m).map { i in (0..<m).map { $0 == i ? 1.0 : 0.0 } + b[i] }
        return try NullSpaceMatrix(Matrix(rows))
    }
}
