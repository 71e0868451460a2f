import DenseLinearAlgebra
import ExactArithmetic
import Testing

@Suite("LU decomposition")
struct LUDecompositionTests {
    @Test("exact solves with A and Aᵀ")
    func exactSolve() throws {
        let a = try Matrix<Rational>([[2, 1, 0], [1, 3, 1], [0, 1, 4]])
        let lu = try LUDecomposition(a)
        let b: [Rational] = [1, 2, 3]
        let x = try lu.solve(b)
        #expect(a.multiply(x) == b)
        let y = try lu.solveTransposed(b)
        #expect(a.multiplyTransposed(y) == b)
    }

    @Test("a pivot in the wrong place is permuted")
    func permutation() throws {
        let a = try Matrix<Double>([[0, 1], [1, 0]])
        let x = try LUDecomposition(a).solve([2, 3])
        #expect(x == [3, 2])
        let y = try LUDecomposition(a.map { Rational(exactly: $0)! }).solveTransposed([5, 7])
        #expect(y == [7, 5])
    }

    @Test("singular matrices are reported, not divided by zero")
    func singular() throws {
        let exact = try Matrix<Rational>([[1, 2], [2, 4]])
        #expect(throws: LinearAlgebraError.singular(column: 1)) { try LUDecomposition(exact) }
        let nearly = try Matrix<Double>([[1, 1], [1, 1 + 1e-17]])
        #expect(throws: LinearAlgebraError.self) { try LUDecomposition(nearly) }
        #expect(throws: LinearAlgebraError.notSquare(rows: 1, columns: 2)) {
            try LUDecomposition(Matrix<Double>([[1, 2]]))
        }
    }

    @Test("ragged rows are rejected")
    func ragged() {
        #expect(throws: LinearAlgebraError.raggedRows(expected: 2, row: 1, found: 1)) {
            try Matrix<Double>([[1, 2], [3]])
        }
    }
}
