import DenseLinearAlgebra
import ExactArithmetic

/// An instance whose basis pursuit solution x* and exponent ϱ(S, σ) are known in closed form.
public struct TightnessInstance: Sendable, Hashable {
    /// The problem; its ``Problem/groundTruth`` is x*.
    public var problem: Problem
    /// ϱ(S, σ) = min { ‖(Aᵀμ)_{S^c}‖_∞ : (Aᵀμ)_S = σ }, exactly. x* is the unique BP solution iff ϱ < 1.
    public var rho: Rational
    /// S = supp(x*), 0-based and sorted.
    public var support: [Int]
    /// σ = sign(x*_S), each ±1.
    public var signs: [Int]
}

/// The tightness constructions of DESIGN.md §1.3 (derived there, not copied from the paper), with ϱ known.
public enum TightnessFamily {
    /// `A = [1, r]`, `y = 1`: x* = (1, 0), S = {0}, σ = (+1), and ϱ = r (μ = 1 is forced, (Aᵀμ)₁ = r).
    /// For depth 2 the flow error is ≈ (1+r)·α^(1−r), so every exponent in (0, 1] is attained.
    /// - Parameter r: 0 ≤ r < 1, exact.
    /// - Throws: ``ProblemDataError`` when r is outside [0, 1).
    public static func oneR(_ r: Rational) throws(ProblemDataError) -> TightnessInstance {
        guard r >= 0, r < 1 else { throw ProblemDataError("r must satisfy 0 ≤ r < 1, not \(r)") }
        let matrix = Matrix(rows: 1, columns: 2, elements: [1, r])
        let problem = try Problem(matrix: matrix, observations: [1], groundTruth: [1, 0], name: "one-r r=\(r)")
        return TightnessInstance(problem: problem, rho: r, support: [0], signs: [1])
    }

    /// `A = [I_s | B]`, `y = A (x*_S, 0) = x*_S`: S = {0, …, s−1}, σ = sign(x*_S), and
    /// ϱ = ‖Bᵀσ‖_∞ (A_S = I forces μ = σ, so (Aᵀμ)_{S^c} = Bᵀσ); 0 when B has no columns.
    /// x* is a BP solution iff ϱ ≤ 1 and the unique one iff ϱ < 1; the columns of B attaining ϱ set the rate.
    ///
    /// - Parameters:
    ///   - b: B, s×(n−s).
    ///   - solution: x*_S, s non-zero entries.
    /// - Throws: ``ProblemDataError`` when the sizes differ or an entry of x*_S is zero.
    /// - Complexity: O(s·n).
    public static func block(b: Matrix<Rational>, solution: [Rational]) throws(ProblemDataError) -> TightnessInstance {
        let s = solution.count
        guard s >= 1, b.rows == s else {
            throw ProblemDataError("B has \(b.rows) rows but x*_S has \(s) entries: they must agree and be at least 1")
        }
        if let zero = solution.firstIndex(of: .zero) {
            throw ProblemDataError("x*_S[\(zero)] is zero: every entry on the support must be non-zero")
        }
        let n = s + b.columns
        var matrix = Matrix<Rational>(rows: s, columns: n)
        for i in 0..<s {
            matrix[i, i] = 1
            for j in 0..<b.columns { matrix[i, s + j] = b[i, j] }
        }
        let signs = solution.map(\.signum)
        let rho = b.multiplyTransposed(signs.map { Rational($0, 1) }).map(\.magnitude).max() ?? .zero
        let problem = try Problem(
            matrix: matrix, observations: solution,
            groundTruth: solution + Array(repeating: .zero, count: n - s), name: "block s=\(s) n=\(n)")
        return TightnessInstance(problem: problem, rho: rho, support: Array(0..<s), signs: signs)
    }

    /// A random member of the block family: B Gaussian N(0, 1/s) on `grid` and x*_S as in
    /// ``SparseSignal/random(length:sparsity:signs:grid:generator:)`` (B drawn first, then x*_S, from
    /// ``SplitMix64`` seeded with `seed`). With `rho` given, B is then multiplied by ϱ_target/‖Bᵀσ‖_∞
    /// exactly, so that ϱ = `rho` exactly (B's entries are then rationals, not grid points).
    ///
    /// - Parameters:
    ///   - size: s ≥ 1 (the number of rows).
    ///   - columns: n ≥ s.
    ///   - seed: the random seed.
    ///   - rho: the exact ϱ wanted, in [0, 1), or `nil` to keep B on the grid.
    ///   - signs: σ (s values ±1), or `nil` for random signs.
    ///   - grid: the grid of B (default 2⁻¹⁰).
    /// - Throws: ``ProblemDataError`` for sizes out of range, a `rho` outside [0, 1), or a B with Bᵀσ = 0
    ///   that cannot be scaled to a positive ϱ.
    public static func randomBlock(
        size: Int, columns: Int, seed: UInt64, rho: Rational? = nil, signs: [Int]? = nil,
        grid: DyadicGrid = DyadicGrid(exponent: 10)
    ) throws(ProblemDataError) -> TightnessInstance {
        guard size >= 1, columns >= size, columns <= RandomProblemRecipe.maximumEntries,
            size.multipliedReportingOverflow(by: columns).partialValue <= RandomProblemRecipe.maximumEntries
        else {
            throw ProblemDataError(
                "the block family needs 1 ≤ s ≤ n and s·n ≤ \(RandomProblemRecipe.maximumEntries) (s = \(size), n = \(columns))"
            )
        }
        if let rho, rho < 0 || rho >= 1 { throw ProblemDataError("ϱ must satisfy 0 ≤ ϱ < 1, not \(rho)") }
        var generator = SplitMix64(seed: seed)
        let b =
            columns == size
            ? Matrix<Rational>(rows: size, columns: 0)
            : MeasurementEnsemble.gaussian.matrix(
                rows: size, columns: columns - size, grid: grid, generator: &generator)
        let solution = try SparseSignal.random(length: size, sparsity: size, signs: signs, generator: &generator)
        var instance = try block(b: b, solution: solution)
        if let rho, rho != instance.rho {
            guard instance.rho != .zero else {
                throw ProblemDataError("Bᵀσ = 0 for this seed, so B cannot be scaled to ϱ = \(rho): try another seed")
            }
            instance = try block(b: b.map { $0 * rho / instance.rho }, solution: solution)
        }
        instance.problem.name = "block s=\(size) n=\(columns) seed=\(seed)" + (rho.map { " rho=\($0)" } ?? "")
        return instance
    }
}
