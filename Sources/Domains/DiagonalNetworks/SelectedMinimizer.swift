import DenseLinearAlgebra
import Foundation

/// The basis pursuit minimizer that the flow selects as α → 0 when BP has several minimizers.
///
/// On a face F = {x : A x = y, supp x ⊆ T, sign x_T = τ} of BP minimizers the limit x_∞(α → 0) is
/// - D = 2: argmin Σ_{i∈T} |xᵢ| log |xᵢ| (the hyperbolic entropy's leading term),
/// - D ≥ 3: argmax Σ_{i∈T} |xᵢ|^(2/D),
/// a depth-dependent selection (DESIGN.md §1.3). Both objectives are strictly convex on the face (after the
/// sign change for D ≥ 3) with infinite slope at |xᵢ| = 0, so the minimizer lies in the relative interior.
///
/// The face is given by one of its relative-interior points x₀ (T = supp x₀, τ = sign x₀); the solver
/// writes x_T = x₀,T + K c with K a basis of ker A_T and runs damped Newton in c (gradient Kᵀf', Hessian
/// Kᵀdiag(f'')K), keeping τ ⊙ x_T > 0.
public struct SelectedMinimizer: Sendable {
    /// The selected minimizer (n entries, zero off T).
    public let x: [Double]
    /// Newton iterations.
    public let iterations: Int

    /// Computes the selected minimizer of the face through `interiorPoint`.
    /// - Parameters:
    ///   - matrix: A.
    ///   - depth: D ≥ 2.
    ///   - interiorPoint: a BP minimizer in the relative interior of the face (its support and signs define
    ///     the face; A x₀ defines y).
    /// - Throws: ``DiagonalNetworkError/invalidDepth(_:)``, ``DiagonalNetworkError/invalidFace(_:)``,
    ///   ``DiagonalNetworkError/notConverged(_:)``.
    /// - Complexity: O(n·k² + k³) per iteration, k = dim ker A_T.
    public init(matrix: Matrix<Double>, depth: Int, interiorPoint: [Double]) throws(DiagonalNetworkError) {
        guard depth >= 2 else { throw .invalidDepth(depth) }
        guard interiorPoint.count == matrix.columns else {
            throw .invalidFace(
                "the interior point has \(interiorPoint.count) entries but A has \(matrix.columns) columns")
        }
        let support = interiorPoint.indices.filter { interiorPoint[$0] != 0 }
        guard !support.isEmpty else { throw .invalidFace("the interior point is zero") }
        let signs = support.map { interiorPoint[$0] > 0 ? 1.0 : -1.0 }
        let kernel = matrix.columns(support).nullSpaceBasis
        let q = 2 / Double(depth)
        // f(m) on magnitudes m = τ x > 0, with f', f'' > 0 convex.
        func value(_ m: Double) -> Double { depth == 2 ? m * log(m) : -pow(m, q) }
        func slope(_ m: Double) -> Double { depth == 2 ? log(m) + 1 : -q * pow(m, q - 1) }
        func curvature(_ m: Double) -> Double { depth == 2 ? 1 / m : q * (1 - q) * pow(m, q - 2) }
        var magnitudes = support.indices.map { signs[$0] * interiorPoint[support[$0]] }
        let k = kernel.columns
        var iterations = 0
        while k > 0 && iterations < 200 {
            iterations += 1
            // In magnitude coordinates the kernel directions are diag(τ)·K.
            var gradient = [Double](repeating: 0, count: k)
            var hessian = Matrix<Double>(rows: k, columns: k)
            for i in support.indices {
                let g = slope(magnitudes[i]), c = curvature(magnitudes[i])
                for r in 0..<k {
                    let kr = signs[i] * kernel[i, r]
                    gradient[r] += kr * g
                    for col in 0..<k { hessian[r, col] += kr * c * signs[i] * kernel[i, col] }
                }
            }
            guard let step = try? LDLDecomposition(hessian).solve(gradient.map { -$0 }) else {
                throw .notConverged("singular Hessian in the selected-minimizer problem")
            }
            let move = support.indices.map { i in (0..<k).reduce(0.0) { $0 + signs[i] * kernel[i, $1] * step[$1] } }
            let decrement = -zip(gradient, step).reduce(0) { $0 + $1.0 * $1.1 }
            if decrement <= 1e-28 { break }
            let current = magnitudes.reduce(0) { $0 + value($1) }
            var fraction = 1.0
            while fraction > 1e-14 {
                let trial = magnitudes.indices.map { magnitudes[$0] + fraction * move[$0] }
                if trial.allSatisfy({ $0 > 0 }),
                    trial.reduce(0, { $0 + value($1) }) <= current - 1e-4 * fraction * decrement
                {
                    magnitudes = trial
                    break
                }
                fraction /= 2
            }
            if fraction <= 1e-14 { break }
        }
        var x = [Double](repeating: 0, count: matrix.columns)
        for (i, j) in support.enumerated() { x[j] = signs[i] * magnitudes[i] }
        self.x = x
        self.iterations = iterations
    }
}
