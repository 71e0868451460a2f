import BigInt
import DenseLinearAlgebra
import ExactArithmetic
import Testing

@Suite("Dixon p-adic lifting")
struct DixonSolverTests {
    /// A fixed-seed matrix of integers of about `bits` bits, and two right-hand sides.
    static func instance(_ n: Int, bits: Int, seed: UInt64) -> (matrix: [BigInt], sides: [[BigInt]]) {
        var state = seed
        func next() -> BigInt {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let high = BigInt(Int64(bitPattern: state) >> 8)
            return bits <= 56 ? high >> (56 - bits) : (high << (bits - 56)) + BigInt(state & 0xFFFF)
        }
        return ((0..<(n * n)).map { _ in next() }, [(0..<n).map { _ in next() }, (0..<n).map { _ in next() }])
    }

    /// Whether two solutions are the same rational vectors.
    static func same(_ a: FractionFreeSolver.Solution, _ b: FractionFreeSolver.Solution) -> Bool {
        zip(a.numerators, b.numerators).allSatisfy { x, y in
            zip(x, y).allSatisfy { $0 * b.denominator == $1 * a.denominator }
        }
    }

    @Test("agrees with Bareiss elimination", arguments: [(3, 8), (10, 30), (16, 64), (8, 200), (6, 4)], [false, true])
    func agreesWithBareiss(size: (n: Int, bits: Int), transposed: Bool) throws {
        let (matrix, sides) = Self.instance(size.n, bits: size.bits, seed: UInt64(size.n))
        let dixon = try #require(
            try DixonSolver.solve(matrix, dimension: size.n, rightHandSides: sides, transposed: transposed))
        let bareiss = try FractionFreeSolver.solve(
            matrix, dimension: size.n, rightHandSides: sides, transposed: transposed)
        #expect(dixon.denominator > 0)
        #expect(Self.same(dixon, bareiss))
    }

    @Test("a matrix singular modulo the first prime is solved with the next")
    func singularModuloPrime() throws {
        // det = p₁: diag(p₁, 1, 1) mixed by unimodular row operations.
        let p = BigInt(4_611_686_018_427_387_847)
        let matrix: [BigInt] = [p, 0, 0, 3 * p, 1, 0, p, 5, 1]
        let sides: [[BigInt]] = [[1, 2, 3]]
        let dixon = try #require(try DixonSolver.solve(matrix, dimension: 3, rightHandSides: sides))
        #expect(Self.same(dixon, try FractionFreeSolver.solve(matrix, dimension: 3, rightHandSides: sides)))
    }

    @Test("a singular matrix gives no solution, and the dispatcher reports it")
    func singular() throws {
        let matrix: [BigInt] = (0..<81).map { BigInt(($0 % 9) + 1) * BigInt($0 / 9 + 1) }
        #expect(try DixonSolver.solve(matrix, dimension: 9, rightHandSides: [Array(repeating: 1, count: 9)]) == nil)
        #expect(throws: LinearAlgebraError.self) {
            try ExactIntegerSolver.solve(matrix, dimension: 9, rightHandSides: [Array(repeating: 1, count: 9)])
        }
    }

    @Test("sizes that do not fit are rejected")
    func dimensionMismatch() {
        #expect(throws: LinearAlgebraError.self) {
            try DixonSolver.solve([1, 2, 3], dimension: 2, rightHandSides: [[1, 2]])
        }
    }

    @Test("full column rank is proven modulo a prime, a dependent column is not")
    func modularRank() throws {
        let a = try Matrix<Rational>([[1, Rational(1, 3), 2], [2, 5, 4], [0, Rational(-7, 2), 0]])
        #expect(a.columnsAreIndependentModuloPrime([0, 1]))
        #expect(!a.columnsAreIndependentModuloPrime([0, 2]))
        #expect(!a.columnsAreIndependentModuloPrime([0, 1, 2]))
    }
}
