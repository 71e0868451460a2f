import ExactArithmetic
import ProblemData
import SparseRecovery
import Testing

@Suite("Tightness families: BP recovers x*, ϱ equals the closed form exactly")
struct BasisPursuitTightnessTests {
    static func check(_ instance: TightnessInstance) throws {
        let problem = BasisPursuitProblem(matrix: instance.problem.matrix, observations: instance.problem.observations)
        let exact = try BasisPursuit.solveExactly(problem)
        #expect(exact.verified)
        #expect(exact.solution.x == instance.problem.groundTruth)
        #expect(exact.solution.support == instance.support)
        #expect(exact.solution.signs == instance.signs)
        #expect(exact.solution.uniqueness?.rho == instance.rho)
        #expect(exact.solution.uniqueness?.isUnique == (instance.rho < 1))
        let rho = try SignedNullSpaceLP.solveExactly(
            matrix: instance.problem.matrix, support: instance.support,
            signs: instance.signs)
        #expect(rho.verified && rho.value == instance.rho)
    }

    @Test("A = [1, r]", arguments: [Rational(0, 1), Rational(1, 3), Rational(5, 7), Rational(999, 1000)])
    func oneR(r: Rational) throws {
        try Self.check(TightnessFamily.oneR(r))
    }

    @Test(
        "A = [I_s | B] with B scaled to a prescribed ϱ",
        arguments: [
            (2, 6, UInt64(1), Rational(1, 2)), (3, 10, UInt64(2), Rational(9, 10)), (4, 12, UInt64(3), Rational(1, 7)),
        ])
    func block(size: Int, columns: Int, seed: UInt64, rho: Rational) throws {
        try Self.check(TightnessFamily.randomBlock(size: size, columns: columns, seed: seed, rho: rho))
    }

    @Test("A = [I_s | B] with its natural ϱ = ‖Bᵀσ‖_∞", arguments: [UInt64(4), 5])
    func naturalBlock(seed: UInt64) throws {
        let instance = try TightnessFamily.randomBlock(size: 3, columns: 9, seed: seed)
        if instance.rho < 1 {
            try Self.check(instance)
        } else {
            let rho = try SignedNullSpaceLP.solveExactly(
                matrix: instance.problem.matrix, support: instance.support,
                signs: instance.signs)
            #expect(rho.verified && rho.value == instance.rho)
        }
    }
}
