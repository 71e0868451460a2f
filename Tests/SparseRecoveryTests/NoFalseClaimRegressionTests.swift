import DenseLinearAlgebra
import ExactArithmetic
import Foundation
import ProblemData
import SparseRecovery
import Testing

/// One regression test per item of issue 9 owned by basis pursuit (items 1–6, 8), each over a family of
/// shapes and scales, not the single reported instance.
@Suite("Issue 9 regressions: basis pursuit makes no false claim at any scale")
struct NoFalseClaimRegressionTests {
    static func problem(_ rows: [[Double]], _ y: [Double]) throws -> BasisPursuitProblem<Double> {
        BasisPursuitProblem(matrix: try Matrix(rows), observations: y)
    }

    static func exact(_ problem: BasisPursuitProblem<Double>) -> BasisPursuitProblem<Rational> {
        MetamorphicTests.rational(problem)
    }

    @Test(
        "item 1: y·10⁻⁸, y·10⁻¹², A·10⁻⁸ with y·10⁻⁸ — x* = (0, y/2), not 0",
        arguments: [(1.0, 1e-8), (1.0, 1e-12), (1e-8, 1e-8), (1e-12, 1e-20), (1e8, 1e-12)])
    func tinyObservations(scaleA: Double, y: Double) throws {
        let p = try Self.problem([[scaleA, 2 * scaleA]], [y])
        let floating = try BasisPursuit.solve(p)
        #expect(floating.claim == .optimal)
        #expect(floating.support == [1])
        #expect(abs(floating.x[1] - y / (2 * scaleA)) <= 1e-12 * abs(y / (2 * scaleA)))
        let exact = try BasisPursuit.solveExactly(Self.exact(p))
        #expect(exact.verified && exact.solution.claim == .optimal)
        #expect(exact.solution.x[1] == Rational(exactly: y)! / Rational(exactly: 2 * scaleA)!)
    }

    @Test("item 1: SciPy's test_precision shape — 101×101 identity-like with one entry 1e-9")
    func precisionMatrix() throws {
        let n = 101
        var a = Matrix<Double>(rows: n, columns: n)
        for i in 0..<n { a[i, i] = 1 }
        a[50, 50] = 1e-9
        let y = (0..<n).map { Double($0 % 7) + 1 }
        let solution = try BasisPursuit.solve(BasisPursuitProblem(matrix: a, observations: y))
        #expect(solution.claim == .optimal)
        #expect(solution.support.count == n)
        #expect(abs(solution.x[50] - y[50] / 1e-9) <= 1e-6 * (y[50] / 1e-9))
    }

    @Test(
        "item 2: A·10⁻⁸ and A·10⁻¹² with y = 1, and 30×60 Gaussian ×10⁻⁸, ×10⁻¹²: never 'infeasible'",
        arguments: [1e-8, 1e-12])
    func scaledMatrixIsFeasible(scale: Double) throws {
        let p = try Self.problem([[scale, 2 * scale]], [1])
        let exact = try BasisPursuit.solveExactly(Self.exact(p))
        #expect(exact.verified && exact.solution.claim == .optimal)
        #expect(exact.solution.x[1] == 1 / Rational(exactly: 2 * scale)!)
        var generator = SplitMix64(seed: 30)
        let m = 30, n = 60
        let a = Matrix(rows: m, columns: n, elements: (0..<(m * n)).map { _ in generator.nextGaussian() * scale })
        let y = (0..<m).map { _ in generator.nextGaussian() }
        let floating = try BasisPursuit.solve(BasisPursuitProblem(matrix: a, observations: y))
        #expect(floating.claim == .optimal)
    }

    @Test(
        "item 3: [B; 3B] with y₂ = fl(3·y₁) ≠ 3·y₁ — the exact mode proves 'infeasible', and says so",
        arguments: [UInt64(1), 2, 3])
    func dependentRowsWithRoundedObservations(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let m = 3, n = 6
        let b = (0..<(m * n)).map { _ in (generator.nextGaussian() * 16).rounded() / 16 }
        let y1 = (0..<m).map { _ in generator.nextGaussian() }
        let y2 = y1.map { 3 * $0 }
        guard zip(y1, y2).contains(where: { Rational(exactly: $0.0)! * 3 != Rational(exactly: $0.1)! }) else { return }
        let a = Matrix(rows: 2 * m, columns: n, elements: b + b.map { 3 * $0 })
        let exact = try BasisPursuit.solveExactly(Self.exact(BasisPursuitProblem(matrix: a, observations: y1 + y2)))
        #expect(exact.solution.claim == .infeasible)
        #expect(exact.solution.status == .infeasible)
        #expect(exact.verified)
        #expect(exact.solution.farkas?.holdsExactly == true)
    }

    @Test(
        "item 4: --noise-bound with A·10⁸ (and 10⁻⁸): the floating objective is the exact one",
        arguments: [1e8, 1e-8, 1])
    func noiseBoundScaled(scale: Double) throws {
        var generator = SplitMix64(seed: 4)
        let m = 6, n = 14
        let a = (0..<(m * n)).map { _ in (generator.nextGaussian() * 64).rounded() / 64 * scale }
        let y = (0..<m).map { _ in (generator.nextGaussian() * 64).rounded() / 64 * scale }
        let eta = 0.125 * scale
        let p = BasisPursuitProblem(
            matrix: Matrix(rows: m, columns: n, elements: a), observations: y,
            noise: NoiseBall(bound: eta, norm: .infinity))
        let floating = try BasisPursuit.solve(p)
        let exact = try BasisPursuit.solveExactly(
            BasisPursuitProblem(
                matrix: p.matrix.map { Rational(exactly: $0)! }, observations: y.map { Rational(exactly: $0)! },
                noise: NoiseBall(bound: Rational(exactly: eta)!, norm: .infinity)))
        #expect(exact.verified)
        let truth = try #require(exact.solution.objective).doubleValue
        if floating.claim == .optimal {
            #expect(abs(try #require(floating.objective) - truth) <= 1e-9 * truth)
        }
    }

    @Test(
        "item 5: SPGL1-like float32 50×50 (cond ≈ 1): x has 50 non-zeros, residual at rounding level",
        arguments: [UInt64(50), 51])
    func float32Square(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let n = 50
        var a = Matrix<Double>(rows: n, columns: n)
        for i in 0..<n { for j in 0..<n { a[i, j] = Double(Float(generator.nextGaussian() / 50 + (i == j ? 1 : 0))) } }
        let x0 = (0..<n).map { _ in generator.nextGaussian() }
        let y = a.multiply(x0).map { Double(Float($0)) }
        let solution = try BasisPursuit.solve(BasisPursuitProblem(matrix: a, observations: y))
        #expect(solution.claim == .optimal)
        #expect(solution.support.count == n)
        let scale = y.map(\.magnitude).max() ?? 1
        #expect((solution.residual.map(\.magnitude).max() ?? 0) <= 1e-12 * scale)
    }

    @Test(
        "item 6: a floating 'NOT unique' needs a checked witness, 'unique' a checked μ — agreement with --exact",
        arguments: [UInt64(61), 62, 63, 64])
    func floatingUniquenessAgreesWithExact(seed: UInt64) throws {
        let instance = MetamorphicInstance(rows: 8, columns: 16, sparsity: 3, data: .dyadic, seed: seed)
        let floating = try BasisPursuit.solve(instance.problem)
        let exact = try BasisPursuit.solveExactly(Self.exact(instance.problem))
        #expect(exact.verified)
        if let unique = floating.uniqueness?.isUnique, floating.support == exact.solution.support {
            #expect(unique == exact.solution.uniqueness?.isUnique)
        }
    }

    @Test(
        "item 8: diag(1e-320, 1e-320) and diag(1e300, 1e-300) — ϱ = 0 in both modes, no 'use the exact mode'",
        arguments: [(2024 * Double.leastNonzeroMagnitude, 2024 * Double.leastNonzeroMagnitude), (1e300, 1e-300)])
    func extremeDiagonal(first: Double, second: Double) throws {
        let p = try Self.problem([[first, 0], [0, second]], [first, second])
        let exact = try BasisPursuit.solveExactly(Self.exact(p))
        #expect(exact.verified)
        #expect(exact.solution.uniqueness?.rho == .zero)
        #expect(!(exact.solution.uniqueness?.reason.contains("exact mode") ?? true))
        // μ = (1/a₁₁, 1/a₂₂) may overflow a double: then the floating mode may only say "undecided".
        let floating = try BasisPursuit.solve(p)
        #expect(floating.claim != .infeasible)
        if floating.claim == .optimal { #expect(floating.x == [1, 1]) }
        #expect(floating.uniqueness?.isUnique != false)
    }
}
