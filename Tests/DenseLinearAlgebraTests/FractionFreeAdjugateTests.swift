import BigInt
import Testing

@testable import DenseLinearAlgebra

/// The adjugate route gives Bareiss's numbers exactly, with and without the transpose.
@Suite("Fraction-free solves through the adjugate")
struct FractionFreeAdjugateTests {
    /// A fixed pseudo-random integer in [−bound, bound].
    static func entry(_ state: inout UInt64, _ bound: Int) -> BigInt {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return BigInt(Int((state >> 33) % UInt64(2 * bound + 1)) - bound)
    }

    @Test(
        "equal to Bareiss on every right-hand side",
        arguments: [(1, 3, false), (5, 12, false), (5, 12, true), (9, 40, true), (4, 2, false)])
    func agreesWithBareiss(dimension n: Int, sides r: Int, transposed: Bool) throws {
        var state = UInt64(n * 1000 + r)
        let matrix = (0..<(n * n)).map { _ in Self.entry(&state, 9) }
        let sides = (0..<r).map { _ in (0..<n).map { _ in Self.entry(&state, 1 << 40) } }
        let bareiss = try FractionFreeSolver.eliminate(
            matrix, dimension: n, rightHandSides: sides, transposed: transposed)
        let adjugate = try FractionFreeSolver.solve(matrix, dimension: n, rightHandSides: sides, transposed: transposed)
        #expect(adjugate.denominator == bareiss.denominator)
        #expect(adjugate.numerators == bareiss.numerators)
    }

    @Test("a singular matrix is refused, not solved")
    func singular() {
        let matrix: [BigInt] = [1, 2, 2, 4]
        let sides = (0..<5).map { [BigInt($0), 1] }
        #expect(throws: LinearAlgebraError.self) {
            try FractionFreeSolver.solve(matrix, dimension: 2, rightHandSides: sides)
        }
    }
}
