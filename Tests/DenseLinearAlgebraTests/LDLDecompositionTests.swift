import DenseLinearAlgebra
import ExactArithmetic
import Testing

@Suite("LDLᵀ decomposition")
struct LDLDecompositionTests {
    @Test("exact solve of a symmetric positive definite system")
    func exact() throws {
        let a = try Matrix<Rational>([[4, 2, 2], [2, 5, 3], [2, 3, 6]])
        let b: [Rational] = [1, Rational(1, 3), -2]
        let x = try LDLDecomposition(a).solve(b)
        #expect(a.multiply(x) == b)
    }

    @Test("graded matrices are solved to full relative accuracy")
    func graded() throws {
        // A = S·B·S with S = diag(1, 1e-20, 1e20): the scaled matrix B is benign.
        let b = try Matrix<Double>([[2, 1, 0], [1, 3, 1], [0, 1, 4]])
        let scale = [1.0, 1e-20, 1e20]
        var a = b
        for i in 0..<3 { for j in 0..<3 { a[i, j] = scale[i] * b[i, j] * scale[j] } }
        let x = try LDLDecomposition(a).solve([1, 1e-20, 1e20])
        let expected = try LDLDecomposition(b).solve([1, 1, 1])
        for i in 0..<3 { #expect(abs(x[i] * scale[i] / expected[i] - 1) < 1e-14) }
    }

    @Test("indefinite and non-square matrices are rejected")
    func rejected() throws {
        #expect(throws: LinearAlgebraError.singular(column: 1)) {
            try LDLDecomposition(Matrix<Double>([[1, 2], [2, 1]]))
        }
        #expect(throws: LinearAlgebraError.notSquare(rows: 1, columns: 2)) {
            try LDLDecomposition(Matrix<Double>([[1, 2]]))
        }
        #expect(throws: LinearAlgebraError.self) { try LDLDecomposition<Double>(symmetric: [1, 2, 3], dimension: 2) }
    }
}
