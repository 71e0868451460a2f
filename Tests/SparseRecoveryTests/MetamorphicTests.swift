import DenseLinearAlgebra
import ExactArithmetic
import SparseRecovery
import Testing

/// The metamorphic suite of issue 9: every instance under rows, columns and y scaled by 10ᵏ (k = −12…12),
/// columns permuted and negated, rows duplicated. Each claim of the floating mode is judged against the exact
/// solution of the transformed data, re-checked here in plain rational arithmetic (not with the library's
/// own checks), or — for the k where the exact mode is not run, to keep the suite fast — against the
/// objective the mathematics predicts from the untransformed exact one (rows ×10ᵏ: unchanged; y ×10ᵏ: ×10ᵏ;
/// to 10⁻⁶ relative, far above the rounding of 10ᵏ·aᵢⱼ). Every exact claim is re-checked the same way, and
/// the transformations that change no number must leave the exact objective unchanged. A claim that does not
/// hold is a false claim; a refusal (thrown error) or "undecided" is not.
@Suite("Metamorphic suite: bp and bp --exact under scaling, permutation, negation, duplicated rows")
struct MetamorphicTests {
    static func rational(_ problem: BasisPursuitProblem<Double>) -> BasisPursuitProblem<Rational> {
        BasisPursuitProblem(
            matrix: problem.matrix.map { Rational(exactly: $0)! },
            observations: problem.observations.map { Rational(exactly: $0)! })
    }

    /// A x = y, ‖Aᵀμ‖_∞ ≤ 1 and ‖x‖₁ = ⟨y, μ⟩, in rationals: weak duality then proves x optimal.
    static func provesOptimality(_ problem: BasisPursuitProblem<Rational>, x: [Rational], mu: [Rational]) -> Bool {
        let a = problem.matrix
        guard x.count == a.columns, mu.count == a.rows else { return false }
        for i in 0..<a.rows {
            var sum = Rational.zero
            for j in 0..<a.columns where x[j] != .zero { sum += a[i, j] * x[j] }
            guard sum == problem.observations[i] else { return false }
        }
        for j in 0..<a.columns {
            var sum = Rational.zero
            for i in 0..<a.rows where mu[i] != .zero { sum += a[i, j] * mu[i] }
            guard sum.magnitude <= 1 else { return false }
        }
        let primal = x.reduce(Rational.zero) { $0 + $1.magnitude }
        let dual = zip(problem.observations, mu).reduce(Rational.zero) { $0 + $1.0 * $1.1 }
        return primal == dual
    }

    struct Tally {
        var cases = 0, exactCases = 0, falseClaims: [String] = [], refusals = 0, undecided = 0,
            undecidedFloating: [String] = []

        mutating func countExact<Value>(_ value: @autoclosure () throws -> Value) rethrows -> Value {
            exactCases += 1
            return try value()
        }
    }

    static func judge(
        _ instance: MetamorphicInstance, _ transform: MetamorphicTransform, baseObjective: Rational?,
        into tally: inout Tally
    ) {
        tally.cases += 1
        let problem = transform.apply(instance.problem)
        let exactProblem = rational(problem)
        func falseClaim(_ what: String) {
            tally.falseClaims.append("\(instance.testDescription), \(transform): \(what)")
        }
        var truth: (objective: Double, support: [Int], unique: Bool?)?
        if !transform.runsExactMode {
            truth = baseObjective.flatMap { transform.predictObjective($0.doubleValue) }.map { ($0, [], nil) }
        } else if let exact = try? tally.countExact(BasisPursuit.solveExactly(exactProblem)) {
            let solution = exact.solution
            switch solution.claim {
            case .optimal:
                if provesOptimality(exactProblem, x: solution.x, mu: solution.dual), let objective = solution.objective
                {
                    truth = (
                        objective.doubleValue, solution.support, exact.verified ? solution.uniqueness?.isUnique : nil
                    )
                    if transform.isExact, let baseObjective, objective != baseObjective {
                        falseClaim("exact objective \(objective) ≠ \(baseObjective) of the untransformed data")
                    }
                } else {
                    falseClaim("exact claim 'optimal' fails the independent re-check")
                }
            case .infeasible: falseClaim("exact claim 'infeasible' for feasible data")
            case .undecided: tally.undecided += 1
            }
        } else {
            tally.refusals += 1
        }
        guard let floating = try? BasisPursuit.solve(problem) else {
            tally.refusals += 1
            return
        }
        switch floating.claim {
        case .optimal:
            if let truth, let objective = floating.objective {
                let exactObjective = truth.objective
                if (objective - exactObjective).magnitude > 1e-6 * exactObjective.magnitude {
                    falseClaim("floating objective \(objective), exact \(exactObjective)")
                }
                if floating.support == truth.support, let unique = floating.uniqueness?.isUnique,
                    let exactUnique = truth.unique, unique != exactUnique
                {
                    falseClaim("floating uniqueness \(unique), exact \(exactUnique)")
                }
            }
        case .infeasible: falseClaim("floating claim 'infeasible' for feasible data")
        case .undecided:
            tally.undecided += 1
            tally.undecidedFloating.append("\(transform)")
        }
    }

    @Test("no false claim under any transformation", arguments: MetamorphicInstance.all)
    func noFalseClaim(instance: MetamorphicInstance) throws {
        let base = try BasisPursuit.solveExactly(Self.rational(instance.problem))
        #expect(base.verified)
        var tally = Tally()
        for transform in MetamorphicTransform.all {
            Self.judge(instance, transform, baseObjective: base.solution.objective, into: &tally)
        }
        print(
            "metamorphic \(instance.testDescription): \(tally.cases) transforms in floating point, "
                + "\(tally.exactCases) exactly, false claims: "
                + "\(tally.falseClaims.count), refusals: \(tally.refusals), undecided: \(tally.undecided) (floating: \(tally.undecidedFloating))"
        )
        #expect(tally.falseClaims.isEmpty, "\(tally.falseClaims)")
    }

    @Test(
        "full column rank: solved without an LP, and the rigorous error bound contains the exact x*",
        arguments: [(12, 12), (40, 40), (16, 9)])
    func fullColumnRank(rows: Int, columns: Int) throws {
        let instance = MetamorphicInstance(rows: rows, columns: columns, sparsity: 3, data: .raw, seed: 11)
        let floating = try BasisPursuit.solve(instance.problem)
        #expect(floating.method == .fullColumnRank)
        #expect(floating.claim == .optimal)
        #expect(floating.uniqueness?.isUnique == true && floating.uniqueness?.rho == 0)
        #expect(floating.statistics.iterations == 0)
        guard rows == columns else {
            #expect(floating.errorBound == nil)  // for m > n, A_I⁻¹y_I need not be feasible for the other rows
            return
        }
        let bound = try #require(floating.errorBound)
        guard rows <= 12 else { return }  // exact: fast enough for a unit test up to 12×12
        let exact = try BasisPursuit.solveExactly(Self.rational(instance.problem))
        #expect(exact.verified && exact.solution.method == .fullColumnRank)
        #expect(exact.solution.uniqueness?.rho == .zero)
        for (approximate, value) in zip(floating.x, exact.solution.x) {
            #expect((Rational(exactly: approximate)! - value).magnitude <= Rational(exactly: bound)!)
        }
    }

    @Test("full column rank, y off range(A): infeasible with a Farkas certificate; singular A: the LP decides")
    func fullColumnRankInfeasibleOrSingular() throws {
        let tall = try Matrix<Double>([[1, 0], [0, 1], [1, 1], [2, -1]])
        let off = try BasisPursuit.solve(BasisPursuitProblem(matrix: tall, observations: [1, 1, 3, 1]))
        #expect(off.method == .fullColumnRank)
        #expect(off.claim == .infeasible)
        #expect(off.farkas?.holds(matrix: tall) == true)
        let on = try BasisPursuit.solve(BasisPursuitProblem(matrix: tall, observations: [1, 1, 2, 1]))
        #expect(on.claim == .optimal && on.x == [1, 1])
        let singular = try Matrix<Double>([[1, 2, 3], [2, 4, 6], [0, 1, 1]])
        let lp = try BasisPursuit.solve(BasisPursuitProblem(matrix: singular, observations: [1, 2, 1]))
        #expect(lp.method == .linearProgram)
        #expect(lp.claim == .optimal)
        let exact = try BasisPursuit.solveExactly(
            Self.rational(BasisPursuitProblem(matrix: singular, observations: [1, 2, 1])))
        #expect(exact.solution.method == .linearProgram && exact.verified)
    }
}
