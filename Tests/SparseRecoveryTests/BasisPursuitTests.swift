import DenseLinearAlgebra
import ExactArithmetic
import SparseRecovery
import Synchronization
import Testing

@Suite("Basis pursuit on hand-made cases with known answers")
struct BasisPursuitTests {
    static func problem(
        _ rows: [[Rational]], _ y: [Rational], weights: [Rational]? = nil, nonnegative: Bool = false,
        noise: NoiseBall<Rational>? = nil
    ) throws -> BasisPursuitProblem<Rational> {
        BasisPursuitProblem(
            matrix: try Matrix(rows), observations: y, weights: weights, nonnegative: nonnegative, noise: noise)
    }

    static func floating(_ problem: BasisPursuitProblem<Rational>) -> BasisPursuitProblem<Double> {
        BasisPursuitProblem(
            matrix: problem.matrix.map(\.doubleValue), observations: problem.observations.map(\.doubleValue),
            weights: problem.weights?.map(\.doubleValue), nonnegative: problem.nonnegative,
            noise: problem.noise.map { NoiseBall(bound: $0.bound.doubleValue, norm: $0.norm) })
    }

    /// Solves exactly and in floating point, and checks that both agree with the expected x*.
    static func expect(
        _ problem: BasisPursuitProblem<Rational>, x expected: [Rational], unique: Bool?,
        rho: Rational? = nil
    ) throws {
        let exact = try BasisPursuit.solveExactly(problem)
        #expect(exact.verified)
        #expect(exact.solution.status == .optimal)
        #expect(exact.solution.x == expected)
        #expect(exact.solution.optimality?.holdsExactly == true)
        #expect(exact.solution.uniqueness?.isUnique == unique)
        if let rho { #expect(exact.solution.uniqueness?.rho == rho) }
        let floating = try BasisPursuit.solve(floating(problem))
        #expect(floating.status == .optimal)
        #expect(floating.optimality?.holds() == true)
        #expect(abs((floating.objective ?? .nan) - (exact.solution.objective?.doubleValue ?? .nan)) <= 1e-12)
        if unique == true {
            #expect(zip(floating.x, expected).allSatisfy { abs($0 - $1.doubleValue) <= 1e-12 })
            #expect(floating.support == exact.solution.support)
            #expect(!exact.supportDiffers)
        }
    }

    @Test("the demo instance: x₀ recovered, unique, ϱ < 1")
    func demo() throws {
        let sixteenths: [[Int]] = [
            [16, -5, 9, 3, -12, 7, 1, -8], [-4, 11, 6, -14, 2, 10, -7, 5],
            [8, 3, -13, 6, 9, -2, 15, -1], [-10, 7, 4, 12, -6, -9, 3, 14],
        ]
        let a = sixteenths.map { $0.map { Rational($0, 16) } }
        let x0: [Rational] = [0, Rational(3, 2), 0, Rational(-1, 2), 0, 0, 0, 0]
        let y = try Matrix(a).multiply(x0)
        try Self.expect(Self.problem(a, y), x: x0, unique: true)
    }

    @Test(
        "tightness family A = [1, r], y = 1: x* = (1, 0), ϱ = r",
        arguments: [Rational(0, 1), Rational(2, 5), Rational(7, 8)])
    func lineFamily(r: Rational) throws {
        try Self.expect(Self.problem([[1, r]], [1]), x: [1, 0], unique: true, rho: r)
    }

    @Test("non-unique minimizers: A = [1, 1], y = 1 gives ϱ = 1 and no uniqueness")
    func nonUnique() throws {
        let exact = try BasisPursuit.solveExactly(Self.problem([[1, 1]], [1]))
        #expect(exact.verified)
        #expect(exact.solution.objective == 1)
        #expect(exact.solution.uniqueness?.rho == 1)
        #expect(exact.solution.uniqueness?.isUnique == false)
        let floating = try BasisPursuit.solve(Self.floating(Self.problem([[1, 1]], [1])))
        #expect(floating.uniqueness?.isUnique == nil)  // ϱ = 1 cannot be separated from 1 in floating point
    }

    @Test("ϱ = 0: the off-support column is zero")
    func rhoZero() throws {
        try Self.expect(Self.problem([[1, 0, 0], [0, 1, 0]], [2, -3]), x: [2, -3, 0], unique: true, rho: 0)
    }

    @Test("rank-deficient A with consistent y: the largest column wins")
    func rankDeficient() throws {
        try Self.expect(Self.problem([[1, 2, 3], [2, 4, 6]], [1, 2]), x: [0, 0, Rational(1, 3)], unique: true)
    }

    @Test("rank-deficient support: two equal columns give a non-unique solution")
    func rankDeficientSupport() throws {
        let problem = try Self.problem([[1, 1, 0], [0, 0, 1]], [1, 1], weights: [1, 1, 1])
        let exact = try BasisPursuit.solveExactly(problem)
        #expect(exact.solution.objective == 2)
        #expect(exact.solution.uniqueness?.isUnique == false)
    }

    @Test("y ∉ range(A): infeasible with an exact Farkas certificate")
    func infeasible() throws {
        let problem = try Self.problem([[1, 2, 3], [2, 4, 6]], [1, 3])
        let exact = try BasisPursuit.solveExactly(problem)
        #expect(exact.solution.status == .infeasible)
        #expect(exact.verified)
        let z = try #require(exact.solution.farkas?.z)
        #expect(z[0] == -2 * z[1])
        let floating = try BasisPursuit.solve(Self.floating(problem))
        #expect(floating.status == .infeasible)
        #expect(floating.x.isEmpty)
        #expect(floating.farkas?.holds(matrix: problem.matrix.map(\.doubleValue)) == true)
    }

    @Test("weighted BP: w = (2, 1) moves the solution to the cheaper column")
    func weighted() throws {
        try Self.expect(Self.problem([[1, 1]], [1], weights: [2, 1]), x: [0, 1], unique: true, rho: Rational(1, 2))
    }

    @Test("non-negative BP: unique through the one-sided exponent; infeasible with Aᵀz ≤ 0")
    func nonnegative() throws {
        try Self.expect(
            Self.problem([[1, -1, 2]], [2], nonnegative: true), x: [0, 0, 1], unique: true, rho: Rational(1, 2))
        let infeasible = try BasisPursuit.solveExactly(Self.problem([[1, 1]], [-1], nonnegative: true))
        #expect(infeasible.solution.status == .infeasible)
        #expect(infeasible.verified)
    }

    @Test("noise-aware BP, ℓ∞ and ℓ1 balls: x* shrinks by η", arguments: ResidualNorm.allCases)
    func noisy(norm: ResidualNorm) throws {
        let problem = try Self.problem([[1, Rational(1, 2)]], [1], noise: NoiseBall(bound: Rational(1, 4), norm: norm))
        try Self.expect(problem, x: [Rational(3, 4), 0], unique: true)
    }

    @Test("noise-aware BP with a face of minimizers: uniqueness is left undecided, not claimed")
    func noisyNonUnique() throws {
        let problem = try Self.problem([[1, 1]], [1], noise: NoiseBall(bound: Rational(1, 4), norm: .infinity))
        let exact = try BasisPursuit.solveExactly(problem)
        #expect(exact.verified)
        #expect(exact.solution.objective == Rational(3, 4))
        #expect(exact.solution.uniqueness?.method == .dualNondegeneracy)
        #expect(exact.solution.uniqueness?.isUnique == nil)
    }

    @Test(
        "noise-aware BP with the ball missing range(A): infeasible, proven",
        arguments: [
            (ResidualNorm.infinity, Rational(1, 2)), (ResidualNorm.one, Rational(1, 1)),
        ])
    func noisyInfeasible(norm: ResidualNorm, eta: Rational) throws {
        let problem = try Self.problem([[1], [1]], [0, 2], noise: NoiseBall(bound: eta, norm: norm))
        let exact = try BasisPursuit.solveExactly(problem)
        #expect(exact.solution.status == .infeasible)
        #expect(exact.verified)
        #expect(try BasisPursuit.solve(Self.floating(problem)).status == .infeasible)
    }

    @Test("a tiny exact entry: the floating-point support misses it, the exact support has it and says so")
    func supportDiffers() throws {
        let tiny = Rational(1, 1_000_000_000_000)
        let exact = try BasisPursuit.solveExactly(Self.problem([[1, 0, 1], [0, 1, 1]], [1, tiny]))
        #expect(exact.verified)
        #expect(exact.solution.x == [1 - tiny, 0, tiny])
        #expect(exact.solution.support == [0, 2])
        #expect(exact.floatingSupport == [0])
        #expect(exact.supportDiffers)
    }

    @Test("bad data and parameters throw, naming the problem")
    func invalid() throws {
        let a = try Matrix([[1.0, 2], [3, 4]])
        let cases: [BasisPursuitProblem<Double>] = [
            BasisPursuitProblem(matrix: a, observations: [1]),
            BasisPursuitProblem(matrix: a, observations: [1, .infinity]),
            BasisPursuitProblem(matrix: a, observations: [1, 2], weights: [1, 0]),
            BasisPursuitProblem(matrix: a, observations: [1, 2], weights: [1]),
            BasisPursuitProblem(matrix: a, observations: [1, 2], noise: NoiseBall(bound: -1, norm: .infinity)),
            BasisPursuitProblem(matrix: Matrix(rows: 0, columns: 2), observations: []),
        ]
        for problem in cases {
            #expect(throws: SparseRecoveryError.self) { try BasisPursuit.solve(problem) }
        }
    }

    @Test("the progress callback reports the stages in order, ending with 'finished'")
    func progress() throws {
        let stages = Mutex<[BasisPursuitProgress.Stage]>([])
        var options = BasisPursuitOptions()
        options.progress = { report in stages.withLock { $0.append(report.stage) } }
        func run(_ body: () throws -> Void) rethrows -> [BasisPursuitProgress.Stage] {
            stages.withLock { $0 = [] }
            try body()
            return stages.withLock { $0 }
        }
        let wide = try Self.problem([[1, 0, 1], [0, 1, 1]], [1, 2])
        #expect(
            try run { _ = try BasisPursuit.solve(Self.floating(wide), options: options) } == [
                .floatingSolve, .uniqueness, .finished,
            ])
        #expect(
            try run { _ = try BasisPursuit.solveExactly(wide, options: options) } == [
                .exactVerification, .uniqueness, .finished,
            ])
        let square = try Self.problem([[2, 1], [1, 3]], [1, 2])
        #expect(
            try run { _ = try BasisPursuit.solve(Self.floating(square), options: options) } == [
                .directSolve, .finished,
            ])
        #expect(try run { _ = try BasisPursuit.solveExactly(square, options: options) } == [.directSolve, .finished])
        let infeasible = try Self.problem([[1, 2, 3], [2, 4, 6]], [1, 3])
        let seen = try run { _ = try BasisPursuit.solve(Self.floating(infeasible), options: options) }
        #expect(seen == [.floatingSolve, .infeasibilityProof, .finished])
    }
}
