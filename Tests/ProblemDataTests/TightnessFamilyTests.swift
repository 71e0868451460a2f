import DenseLinearAlgebra
import ExactArithmetic
import ProblemData
import Testing

@Suite("tightness families")
struct TightnessFamilyTests {
    @Test(
        "[1, r] with y = 1 has x* = (1, 0) and ϱ = r exactly",
        arguments: [Rational(0), Rational(1, 3), Rational(9, 10), Rational(999, 1000)])
    func oneR(r: Rational) throws {
        let instance = try TightnessFamily.oneR(r)
        #expect(instance.problem.matrix == Matrix(rows: 1, columns: 2, elements: [1, r]))
        #expect(instance.problem.observations == [1])
        #expect(instance.problem.groundTruth == [1, 0])
        #expect(instance.rho == r && instance.support == [0] && instance.signs == [1])
    }

    @Test("r outside [0, 1) is refused", arguments: [Rational(1), Rational(-1, 2), Rational(3, 2)])
    func badR(r: Rational) {
        #expect(throws: ProblemDataError.self) { _ = try TightnessFamily.oneR(r) }
    }

    @Test("[I_s | B]: ϱ = ‖Bᵀσ‖∞, y = x*_S, and μ = σ certifies it")
    func block() throws {
        let b = Matrix<Rational>(
            rows: 2, columns: 3,
            elements: [Rational(1, 2), Rational(1, 4), 0, Rational(-1, 8), Rational(1, 2), Rational(3, 4)])
        let instance = try TightnessFamily.block(b: b, solution: [2, -1])
        // Bᵀσ = (1/2 + 1/8, 1/4 − 1/2, 0 − 3/4) = (5/8, −1/4, −3/4).
        #expect(instance.rho == Rational(3, 4))
        #expect(instance.signs == [1, -1] && instance.support == [0, 1])
        #expect(instance.problem.observations == [2, -1])
        #expect(instance.problem.matrix.multiply(try #require(instance.problem.groundTruth)) == [2, -1])
        let certificate = instance.problem.matrix.multiplyTransposed([1, -1])
        #expect(Array(certificate[0..<2]) == [1, -1])
        #expect(certificate[2...].map(\.magnitude).max() == instance.rho)
        #expect(throws: ProblemDataError.self) { _ = try TightnessFamily.block(b: b, solution: [2, 0]) }
        #expect(throws: ProblemDataError.self) { _ = try TightnessFamily.block(b: b, solution: [2]) }
    }

    @Test("a random block scaled to an exact ϱ", arguments: [Rational(0), Rational(1, 2), Rational(7, 9)])
    func randomBlock(rho: Rational) throws {
        let instance = try TightnessFamily.randomBlock(size: 3, columns: 10, seed: 4, rho: rho)
        #expect(instance.rho == rho)
        let sigma = instance.signs.map { Rational($0, 1) }
        let certificate = instance.problem.matrix.multiplyTransposed(sigma)
        #expect(certificate[3...].map(\.magnitude).max() == rho)
        #expect(try TightnessFamily.randomBlock(size: 3, columns: 10, seed: 4, rho: rho) == instance)
    }

    @Test("a random block on the grid keeps its own ϱ; bad sizes are refused")
    func randomBlockOnGrid() throws {
        let instance = try TightnessFamily.randomBlock(size: 4, columns: 12, seed: 1)
        #expect(instance.problem.matrix.elements.allSatisfy { ($0 * 1024).isInteger })
        #expect(try TightnessFamily.randomBlock(size: 4, columns: 4, seed: 1).rho == 0)
        #expect(throws: ProblemDataError.self) { _ = try TightnessFamily.randomBlock(size: 5, columns: 4, seed: 1) }
        #expect(throws: ProblemDataError.self) {
            _ = try TightnessFamily.randomBlock(size: 2, columns: 4, seed: 1, rho: 1)
        }
    }
}
