import DenseLinearAlgebra
import ExactArithmetic
import Testing

@Suite("The specialized rational and double matrix products")
struct MatrixProductTests {
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

    @Test("double products equal the naive sums")
    func doubleProducts() throws {
        let a = Matrix(rows: 3, columns: 5, elements: (0..<15).map { Double($0 % 7) - 2.5 })
        let x = [0.5, -1, 2, 0, 3], y = [1.5, 0, -2]
        for i in 0..<3 { #expect(a.multiply(x)[i] == (0..<5).reduce(0.0) { $0 + a[i, $1] * x[$1] }) }
        for j in 0..<5 { #expect(a.multiplyTransposed(y)[j] == (0..<3).reduce(0.0) { $0 + a[$1, j] * y[$1] }) }
    }

    @Test(
        "Aᵀ·y in doubles is the column-wise sum to the bit, without a transposed copy",
        arguments: [(0, 3), (3, 0), (1, 1), (7, 11), (40, 9)])
    func transposedProductIsBitIdentical(rows: Int, columns: Int) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(rows * 100 + columns)
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(Int64(bitPattern: state >> 11) - (1 << 52)) / 3.0e15
        }
        let a = Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in next() })
        let y = (0..<rows).map { _ in next() * 1e-7 }
        let columnwise = (0..<columns).map { j in Double.sumOfProducts(a.transposed.row(j)[...], y[...]) }
        #expect(a.multiplyTransposed(y).map(\.bitPattern) == columnwise.map(\.bitPattern))
    }
}
