import DenseLinearAlgebra
import ExactArithmetic
import Testing

@Suite("Null space basis")
struct NullSpaceTests {
    @Test("exact basis of a rank-2 3×4 matrix")
    func exact() throws {
        let a = try Matrix<Rational>([[1, 2, 0, 1], [2, 4, 1, 3], [3, 6, 1, 4]])
        let basis = a.nullSpaceBasis
        #expect(basis.rows == 4 && basis.columns == 2)
        let product = a.multiply(basis)
        #expect(product.elements.allSatisfy { $0 == .zero })
    }

    @Test("floating point: A·Z ≈ 0 and full rank gives an empty basis")
    func floating() throws {
        var generator = SplitMix64(seed: 7)
        var a = Matrix<Double>(rows: 3, columns: 6)
        for i in 0..<3 { for j in 0..<6 { a[i, j] = generator.nextGaussian() } }
        let basis = a.nullSpaceBasis
        #expect(basis.columns == 3)
        #expect(a.multiply(basis).elements.allSatisfy { abs($0) < 1e-12 })
        #expect(a.transposed.nullSpaceBasis.columns == 0)
        #expect(Matrix<Double>(rows: 0, columns: 2).nullSpaceBasis == .identity(2))
    }

    @Test("SplitMix64 is reproducible")
    func generator() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42)
        #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
    }
}
