import BigInt
import DenseLinearAlgebra
import ExactArithmetic
import Testing

@Suite("Verified square systems (LAPACK LU, verified inverse, rigorous error bounds)")
struct VerifiedSquareSystemTests {
    /// A reproducible n×n matrix with entries in (−1, 1) (a linear congruential generator, seed `seed`).
    static func random(_ n: Int, seed: UInt64) -> Matrix<Double> {
        var state = seed
        let values = (0..<(n * n)).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) * 2 - 1
        }
        return Matrix(rows: n, columns: n, elements: values)
    }

    /// ‖A⁻¹b − x‖_∞ computed exactly (fraction-free elimination of [A | b] with rows scaled to integers), as a
    /// double rounded up.
    static func exactError(_ a: Matrix<Double>, _ b: [Double], _ x: [Double]) throws -> Double {
        let n = a.rows
        var integers: [BigInt] = [], right: [BigInt] = []
        for i in 0..<n {
            let row = Rational.overCommonDenominator((a.row(i) + [b[i]]).map { Rational(exactly: $0)! }).numerators
            integers += row.dropLast()
            right.append(row[n])
        }
        let exact = try FractionFreeSolver.solve(integers, dimension: n, rightHandSides: [right])
        return zip(exact.numerators[0], x).map { numerator, value in
            (Rational(numerator, exact.denominator) - Rational(exactly: value)!).magnitude.doubleValue.nextUp
        }.max() ?? 0
    }

    @Test(
        "a well-conditioned matrix is proven nonsingular and the error bound contains the exact solution",
        arguments: [(12, 1 as UInt64), (24, 2)])
    func wellConditioned(n: Int, seed: UInt64) throws {
        let a = Self.random(n, seed: seed)
        let b = (0..<n).map { Double($0 % 5) - 2 }
        let system = try VerifiedSquareSystem(a)
        #expect(system.provesNonsingular)
        #expect(system.inverseDefect < 1e-10)
        let (x, bound) = try system.solve(b)
        let error = try Self.exactError(a, b, x)
        #expect(error <= bound)
        #expect(bound < 1e-9)
        let y = try system.solveTransposed(b)
        let back = a.multiplyTransposed(y)
        #expect(zip(back, b).allSatisfy { abs($0 - $1) <= 1e-10 })
    }

    @Test("an ill-conditioned Hilbert matrix: never a false proof; a bound, when given, holds", arguments: [6, 10, 13])
    func hilbert(n: Int) throws {
        let a = Matrix(
            rows: n, columns: n, elements: (0..<(n * n)).map { 1 / Double($0 / n + $0 % n + 1) })
        let b = [Double](repeating: 1, count: n)
        guard let system = try? VerifiedSquareSystem(a) else { return }
        let (x, bound) = try system.solve(b)
        if system.provesNonsingular {
            #expect(try Self.exactError(a, b, x) <= bound)
        } else {
            #expect(bound == .infinity)
        }
    }

    @Test("a singular matrix is never proven nonsingular")
    func singular() throws {
        for rows in [[[1.0, 2, 3], [4, 5, 6], [7, 8, 9]], [[1, 1], [1, 1]], [[0, 0], [0, 0]]] {
            let a = try Matrix<Double>(rows)
            if let system = try? VerifiedSquareSystem(a) { #expect(!system.provesNonsingular) }
        }
        #expect(throws: LinearAlgebraError.notSquare(rows: 1, columns: 2)) {
            try VerifiedSquareSystem(Matrix<Double>([[1, 2]]))
        }
    }

    @Test("independent rows of a tall matrix: a nonsingular choice, or nil when the columns are dependent")
    func independentRows() throws {
        let tall = try Matrix<Double>([[1, 0, 0], [1, 0, 0], [0, 2, 0], [0, 0, 3], [1, 1, 1]])
        let rows = try #require(VerifiedSquareSystem.independentRows(of: tall))
        #expect(rows.count == 3 && rows == rows.sorted())
        let chosen = Matrix(rows: 3, columns: 3, elements: rows.flatMap { tall.row($0) })
        #expect(try VerifiedSquareSystem(chosen).provesNonsingular)
        let dependent = try Matrix<Double>([[1, 2, 3], [4, 5, 9], [7, 8, 15], [1, 0, 1]])
        #expect(VerifiedSquareSystem.independentRows(of: dependent) == nil)
        #expect(VerifiedSquareSystem.independentRows(of: try Matrix<Double>([[1, 2]])) == nil)
    }
}
