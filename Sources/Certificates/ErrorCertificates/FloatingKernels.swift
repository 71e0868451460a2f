/// Small dense floating-point kernels of the enclosure on flat row-major arrays: the Cholesky factor of the
/// off-support block and its inverse transpose. None of them needs to be exact:
/// Krawczyk's test proves whatever they produce, so they only have to be fast and good.
enum FloatingKernels {
    /// L with LLᵀ = B for a symmetric positive definite n×n matrix (`nil` otherwise).
    static func cholesky(_ b: [Double], _ n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            var d = b[j * n + j]
            for k in 0..<j { d -= l[j * n + k] * l[j * n + k] }
            guard d > 0, d.isFinite else { return nil }
            l[j * n + j] = d.squareRoot()
            for i in (j + 1)..<n {
                var v = b[i * n + j]
                for k in 0..<j { v -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = v / l[j * n + j]
            }
        }
        return l
    }

    /// L⁻ᵀ for a lower-triangular n×n L with positive diagonal (`nil` when not finite).
    static func inverseTransposedLower(_ l: [Double], _ n: Int) -> [Double]? {
        var inverse = [Double](repeating: 0, count: n * n)  // L⁻¹, lower triangular
        for c in 0..<n {
            for r in c..<n {
                var v = r == c ? 1.0 : 0.0
                for k in c..<r { v -= l[r * n + k] * inverse[k * n + c] }
                inverse[r * n + c] = v / l[r * n + r]
            }
        }
        var result = [Double](repeating: 0, count: n * n)
        for r in 0..<n { for c in 0..<n { result[r * n + c] = inverse[c * n + r] } }
        return result.allSatisfy(\.isFinite) ? result : nil
    }
}
