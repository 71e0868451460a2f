import DenseLinearAlgebra
import Foundation
import ProblemData

/// Dense Double kernels side by side: the generic Swift code (`LUDecomposition`, `Matrix.multiply`, which
/// stays the implementation for exact and interval scalars) against the BLAS/LAPACK path of
/// `VerifiedSquareSystem` (LAPACK LU + inverse + BLAS product + the O(n²) rigorous bounds, about 4n³ flops
/// in all, against the Swift LU's (2/3)n³ and product's 2n³). Gaussian n×n matrices, one run each, after one
/// untimed small call (OpenBLAS starts its threads on the first).
enum DenseKernels {
    static func run(sizes: [Int], swiftLimit: Int) throws {
        _ = try? VerifiedSquareSystem(Matrix(rows: 8, columns: 8, elements: (0..<64).map { Double($0 % 9 + $0 / 8) }))
        print("\nDense Double kernels, one run each (seconds); Swift = generic DenseLinearAlgebra code")
        print("n       Swift LU   Swift A·A   LAPACK LU+inverse+product+bounds (verified)   α = ‖I − R·A‖ bound")
        for n in sizes {
            var generator = SplitMix64(seed: UInt64(n))
            let a = Matrix(
                rows: n, columns: n, elements: (0..<(n * n)).map { _ in generator.nextGaussian() })
            let lu = n <= swiftLimit ? try seconds { _ = try LUDecomposition(a) } : .nan
            let product = n <= swiftLimit ? seconds { _ = a.multiply(a) } : .nan
            var defect = Double.nan
            let verified = try seconds { defect = try VerifiedSquareSystem(a).inverseDefect }
            let text = [lu, product].map { $0.isNaN ? "—" : String(format: "%.3f", $0) }
            print(
                "\(n)".padding(toLength: 8, withPad: " ", startingAt: 0)
                    + text[0].padding(toLength: 11, withPad: " ", startingAt: 0)
                    + text[1].padding(toLength: 12, withPad: " ", startingAt: 0)
                    + String(format: "%-46.3f%.2e", verified, defect))
        }
    }
}
