import DenseLinearAlgebra
import ExactArithmetic
import Testing

@Suite("Fraction-free exact solves and common-denominator products")
struct FractionFreeLUTests {
    /// A deterministic rational matrix with mixed denominators (a linear congruential pattern, no zeros on
    /// purpose in some places and zeros in others, so that pivoting is exercised).
    static func matrix(_ n: Int, seed: Int) -> Matrix<Rational> {
        var state = seed
        func next() -> Int { state = (state &* 1_103_515_245 &+ 12345) & 0x7fff_ffff; return state }
        let elements = (0..<(n * n)).map { k -> Rational in
            k % 7 == 3 ? 0 : Rational(next() % 41 - 20, [1, 2, 3, 8, 1024][next() % 5])
        }
        return Matrix(rows: n, columns: n, elements: elements)
    }

    @Test("solves agree with rational LU and satisfy the system exactly", arguments: [1, 2, 5, 12])
    func agreesWithLU(n: Int) throws {
        let a = Self.matrix(n, seed: n)
        let b = (0..<n).map { Rational($0 - 2, $0 + 3) }
        let reference = try LUDecomposition(a)
        let fast = try FractionFreeLU(a)
        let x = try fast.solve(b)
        #expect(x == (try reference.solve(b)))
        #expect(try fast.solveTransposed(b) == (try reference.solveTransposed(b)))
        // Exact residual, with the naive sums written out here.
        for i in 0..<n {
            var sum = Rational.zero
            for j in 0..<n { sum += a[i, j] * x[j] }
            #expect(sum == b[i])
        }
    }

    @Test("a singular matrix throws")
    func singular() throws {
        let a = try Matrix<Rational>([[1, 2], [Rational(1, 2), 1]])
        #expect(throws: LinearAlgebraError.self) { try FractionFreeLU(a) }
    }

    @Test("rational products equal the naive sums")
    func products() throws {
        let a = Matrix(rows: 3, columns: 4, elements: (0..<12).map { Rational($0 % 5 - 2, [1, 3, 4, 7][$0 % 4]) })
        let x = [Rational(1, 3), 0, Rational(-5, 8), 2]
        let y = [Rational(2, 9), Rational(-1, 1024), 3]
        for i in 0..<3 {
            #expect(a.multiply(x)[i] == (0..<4).reduce(Rational.zero) { $0 + a[i, $1] * x[$1] })
        }
        for j in 0..<4 {
            #expect(a.multiplyTransposed(y)[j] == (0..<3).reduce(Rational.zero) { $0 + a[$1, j] * y[$1] })
        }
    }
}
