import BigInt
import DenseLinearAlgebra
import ExactArithmetic

extension BasisPursuit {
    /// Exact basis pursuit without an LP for a square A: when A is nonsingular, x* = A⁻¹y is the only feasible
    /// point, found by one exact integer solve (`ExactIntegerSolver`: Bareiss for small A, Dixon's p-adic
    /// lifting for large) of A with its rows scaled to integers; μ solves Aᵀμ = w ⊙ σ̄ (σ̄ = σ on S, 0
    /// elsewhere) by a second one, so that the exact
    /// ``OptimalityCheck`` applies as on the LP path, and ϱ(S, σ) = 0 with certificate μ. The floating-point
    /// support reported for comparison is the floating support rule applied to x* rounded to doubles.
    ///
    /// - Returns: the proven solution, or `nil` when the path does not apply (x ≥ 0, a residual ball with
    ///   η > 0, or A singular): the LP then decides.
    /// - Complexity: two exact integer solves (see `ExactIntegerSolver`).
    static func solveSquareExactly(
        _ problem: BasisPursuitProblem<Rational>, options: BasisPursuitOptions
    ) -> ExactBasisPursuitSolution? {
        let a = problem.matrix, n = a.rows
        guard a.columns == n, !problem.nonnegative, isNoiseFree(problem) else { return nil }
        let clock = ContinuousClock(), start = clock.now
        var integers: [BigInt] = [], scales: [BigInt] = []
        for i in 0..<n {
            let (row, scale) = Rational.overCommonDenominator(a.row(i) + [problem.observations[i]])
            integers += row.dropLast()
            scales.append(scale)
        }
        let right = (0..<n).map { i in problem.observations[i] * Rational(scales[i]) }
        let (yIntegers, yScale) = Rational.overCommonDenominator(right)
        guard let solved = try? ExactIntegerSolver.solve(integers, dimension: n, rightHandSides: [yIntegers])
        else { return nil }
        let denominator = Rational(solved.denominator) * Rational(yScale)
        let x = solved.numerators[0].map { Rational($0) / denominator }
        let support = x.indices.filter { x[$0] != .zero }
        let signs = support.map { x[$0].signum }
        var target = [Rational](repeating: .zero, count: n)
        for (j, sign) in zip(support, signs) { target[j] = sign > 0 ? problem.weight(j) : -problem.weight(j) }
        let (cIntegers, cScale) = Rational.overCommonDenominator(target)
        guard
            let dual = try? ExactIntegerSolver.solve(
                integers, dimension: n, rightHandSides: [cIntegers], transposed: true)
        else { return nil }
        let mu = (0..<n).map { i in
            Rational(dual.numerators[0][i]) * Rational(scales[i]) / (Rational(dual.denominator) * Rational(cScale))
        }
        let check = OptimalityCheck(problem: problem, x: x, dual: mu, support: support, signs: signs)
        let proven = check.holdsExactly
        let uniqueness = UniquenessAnalysis<Rational>(
            supportSize: support.count, columnRank: support.count, method: .fullColumnRank, rho: .zero,
            rhoCertificate: mu, isUnique: proven ? true : nil,
            reason: proven
                ? "A is square and nonsingular (exact elimination): x* is the only x with A x = y, and ϱ(S, σ) = 0"
                : "x* is not proven optimal, so its uniqueness is not decided")
        let seconds = (clock.now - start).seconds
        var solution = BasisPursuitSolution(
            status: .optimal, claim: proven ? .optimal : .undecided, x: x,
            objective: x.indices.reduce(Rational.zero) { $0 + problem.weight($1) * x[$1].magnitude },
            support: support, signs: signs, supportTolerance: 0, dual: mu,
            residual: zip(a.multiply(x), problem.observations).map { $0 - $1 }, optimality: check,
            uniqueness: options.analyzeUniqueness ? uniqueness : nil, farkas: nil,
            statistics: LPStatistics(
                rows: n, columns: n, iterations: 0, solveSeconds: seconds, auxiliarySolves: 0, auxiliarySeconds: 0))
        solution.method = .fullColumnRank
        let floating = floatingSupport(
            x.map(\.doubleValue), matrix: a.map(\.doubleValue), tolerance: options.supportTolerance)
        let steps = [
            "A is square and nonsingular: exact fraction-free elimination gives x* = A⁻¹y, the only feasible x "
                + "(no LP)",
            "exact optimality certificate (zero duality gap, μ dual feasible, x* feasible): "
                + (proven ? "holds" : "FAILED"),
        ]
        return ExactBasisPursuitSolution(
            solution: solution, verified: proven, floatingSupport: floating.support, steps: steps)
    }
}
