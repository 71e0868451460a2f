import DenseLinearAlgebra
import Foundation

extension BasisPursuit {
    /// Basis pursuit without an LP when A (m×n, m ≥ n) has full column rank: then {x : A x = y} has at most one
    /// point, which is the minimizer of every objective.
    ///
    /// After exact power-of-two scaling of rows and columns (``RowEquilibration``), n rows I are chosen by LU
    /// with partial pivoting (all rows when m = n) and A_I is proven nonsingular by ``VerifiedSquareSystem``
    /// (‖I − R·A_I‖_∞ ≤ α < 1, rigorously). Then x = A_I⁻¹ y_I, with a rigorous bound on its distance to the
    /// exact A_I⁻¹ y_I (reported as the error bound when m = n, where that is the exact minimizer), and μ solves A_Iᵀ μ_I = w ⊙ σ̄ (σ̄ = σ on S, 0 elsewhere; μ = 0 off I), so that
    /// ``OptimalityCheck`` applies as on the LP path; ϱ(S, σ) = 0 with certificate μ. When A x = y fails on the
    /// other rows (m > n), z = (−A_I⁻ᵀ A_Jᵀ r_J, r_J) with r_J = y_J − A_J x is the Farkas candidate:
    /// Aᵀz = 0 and ⟨y, z⟩ = ‖r_J‖². Every claim is the usual relative check of x, μ or z against the data.
    ///
    /// - Returns: the solution, or `nil` when the path does not apply (m < n, x ≥ 0, a residual ball with
    ///   η > 0, a numerically rank-deficient A, or α ≥ 1): the LP then decides.
    /// - Complexity: about 4n³ flops (BLAS/LAPACK) plus O(m·n²) for the row choice when m > n.
    static func solveWithFullColumnRank(
        _ problem: BasisPursuitProblem<Double>, options: BasisPursuitOptions
    ) -> BasisPursuitSolution<Double>? {
        let a = problem.matrix, m = a.rows, n = a.columns
        guard m >= n, !problem.nonnegative, isNoiseFree(problem) else { return nil }
        let clock = ContinuousClock(), start = clock.now
        let rowScaling = RowEquilibration(a)
        let columnScaling = RowEquilibration(rowScaling.apply(a).transposed)
        let scaled = columnScaling.apply(rowScaling.apply(a).transposed).transposed
        guard let rows = m == n ? Array(0..<m) : VerifiedSquareSystem.independentRows(of: scaled),
            let system = try? VerifiedSquareSystem(select(rows, of: scaled)), system.provesNonsingular
        else { return nil }
        let y = rowScaling.apply(problem.observations)
        guard let (scaledX, scaledBound) = try? system.solve(rows.map { y[$0] }) else { return nil }
        let x = columnScaling.apply(scaledX)
        // x = C·x' is exact unless an entry lands among the subnormals: then allow for that rounding too.
        let subnormal = x.contains { $0 != 0 && $0.magnitude < Double.leastNormalMagnitude }
        let errorBound =
            (columnScaling.apply([Double](repeating: scaledBound, count: n)).max() ?? scaledBound).nextUp
            + (subnormal ? Double.leastNormalMagnitude : 0)
        let (support, threshold) = floatingSupport(x, matrix: a, tolerance: options.supportTolerance)
        let signs = support.map { x[$0] > 0 ? 1 : -1 }
        var target = [Double](repeating: 0, count: n)
        for (j, sign) in zip(support, signs) { target[j] = Double(sign) * problem.weight(j) }
        let mu = expand(rows, try? system.solveTransposed(columnScaling.apply(target)), count: m, rowScaling)
        let check = OptimalityCheck(problem: problem, x: x, dual: mu, support: support, signs: signs)
        let proven = check.holds(tolerance: options.certificateTolerance, residualTolerance: options.residualTolerance)
        let statistics = LPStatistics(
            rows: m, columns: n, iterations: 0, solveSeconds: (clock.now - start).seconds, auxiliarySolves: 0,
            auxiliarySeconds: 0)
        if !proven, m > n,
            let farkas = farkasCandidate(
                problem, scaled: scaled, rows: rows, x: scaledX, y: y, system: system, scaling: rowScaling),
            farkas.normalized(problem).holds(matrix: a, tolerance: options.certificateTolerance)
        {
            var solution = infeasible(farkas.normalized(problem), claim: .infeasible, statistics: statistics)
            solution.method = .fullColumnRank
            return solution
        }
        let uniqueness = UniquenessAnalysis<Double>(
            supportSize: support.count, columnRank: support.count, method: .fullColumnRank, rho: 0,
            rhoCertificate: mu, isUnique: true,
            reason: "A has full column rank \(n) (‖I − R·A_I‖_∞ ≤ "
                + String(format: "%.3g", system.inverseDefect) + " < 1 on \(n) rows, "
                + "rigorously): x* is the only x with A x = y, and ϱ(S, σ) = 0")
        return BasisPursuitSolution(
            status: .optimal, claim: proven ? .optimal : .undecided, x: x,
            objective: x.indices.reduce(0) { $0 + problem.weight($1) * x[$1].magnitude }, support: support,
            signs: signs, supportTolerance: threshold, dual: mu,
            residual: zip(a.multiply(x), problem.observations).map { $0 - $1 }, optimality: check,
            uniqueness: options.analyzeUniqueness ? (proven ? uniqueness : uniqueness.undecidedForUnprovenAnswer) : nil,
            farkas: nil, statistics: statistics, method: .fullColumnRank,
            errorBound: proven && m == n ? errorBound : nil)
    }

    /// The rows `rows` of `matrix`.
    private static func select(_ rows: [Int], of matrix: Matrix<Double>) -> Matrix<Double> {
        Matrix(rows: rows.count, columns: matrix.columns, elements: rows.flatMap { matrix.row($0) })
    }

    /// The vector with `values` at `rows` and 0 elsewhere, scaled back by `scaling`.
    private static func expand(
        _ rows: [Int], _ values: [Double]?, count: Int, _ scaling: RowEquilibration
    )
        -> [Double]
    {
        var full = [Double](repeating: 0, count: count)
        for (i, value) in zip(rows, values ?? []) { full[i] = value }
        return scaling.apply(full)
    }

    /// The Farkas candidate z = (−A_I⁻ᵀ A_Jᵀ r_J, r_J) of the scaled system, mapped back to the data
    /// (z = R z'), recomputed against the original problem.
    private static func farkasCandidate(
        _ problem: BasisPursuitProblem<Double>, scaled: Matrix<Double>, rows: [Int], x: [Double], y: [Double],
        system: VerifiedSquareSystem, scaling: RowEquilibration
    ) -> FarkasCertificate<Double>? {
        let chosen = Set(rows), others = (0..<scaled.rows).filter { !chosen.contains($0) }
        let residual = others.map { i in y[i] - Double.sumOfProducts(scaled.row(i)[...], x[...]) }
        var pushed = [Double](repeating: 0, count: scaled.columns)
        for (i, r) in zip(others, residual) where r != 0 {
            for j in 0..<scaled.columns { pushed[j] -= scaled[i, j] * r }
        }
        guard let inner = try? system.solveTransposed(pushed) else { return nil }
        var z = [Double](repeating: 0, count: scaled.rows)
        for (i, value) in zip(rows, inner) { z[i] = value }
        for (i, r) in zip(others, residual) { z[i] = r }
        return FarkasCertificate(problem: problem, z: scaling.apply(z))
    }
}
