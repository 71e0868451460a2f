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
        let a = try Matrix<Double>([
            [0.3, -1.2, 2.5, 0.7, -0.4, 1.1], [1.9, 0.2, -0.6, 0.8, 1.4, -2.2],
            [-0.5, 0.9, 1.3, -1.7, 0.6, 0.1],
        ])
        let basis = a.nullSpaceBasis
        #expect(basis.columns == 3)
        #expect(a.multiply(basis).elements.allSatisfy { abs($0) < 1e-12 })
        #expect(a.transposed.nullSpaceBasis.columns == 0)
        #expect(Matrix<Double>(rows: 0, columns: 2).nullSpaceBasis == .identity(2))
    }
}
