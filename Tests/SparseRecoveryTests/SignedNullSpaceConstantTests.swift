import DenseLinearAlgebra
import ExactArithmetic
import LinearProgramming
import ProblemData
import SparseRecovery
import Testing

@Suite("The exponent ϱ(S, τ)")
struct SignedNullSpaceConstantTests {
    static func exact(_ rows: [[Rational]]) throws -> Matrix<Rational> { try Matrix(rows) }

    @Test(
        "A = [1, r]: ϱ({0}, +) = r, exactly as a fraction",
        arguments: [Rational(0, 1), Rational(3, 7), Rational(99, 100)])
    func lineFamily(r: Rational) throws {
        let a = try Self.exact([[1, r]])
        let exact = try SignedNullSpaceLP.solveExactly(matrix: a, support: [0], signs: [1])
        #expect(exact.verified)
        #expect(exact.value == r)
        #expect(a.multiply(exact.witness) == [0])
        let floating = try SignedNullSpaceLP.solve(matrix: a.map(\.doubleValue), support: [0], signs: [1])
        #expect(abs(floating.value - r.doubleValue) <= 1e-12)
        #expect(floating.dualityGap <= 1e-12)
    }

    @Test("block family [I | B]: ϱ = ‖Bᵀσ‖_∞, attained by the right column")
    func blockFamily() throws {
        let a = try Self.exact([[1, 0, Rational(1, 2), Rational(1, 4)], [0, 1, Rational(1, 4), Rational(-1, 3)]])
        let exact = try SignedNullSpaceLP.solveExactly(matrix: a, support: [0, 1], signs: [1, -1])
        #expect(exact.verified)
        #expect(exact.value == Rational(7, 12))
        // Bᵀσ = (1/4, 7/12): the witness lives on column 3 off the support.
        #expect(exact.witness[2] == 0)
        #expect(exact.witness[3].magnitude == 1)
        let floating = try SignedNullSpaceLP.solve(matrix: a.map(\.doubleValue), support: [0, 1], signs: [1, -1])
        #expect(abs(floating.value - 7.0 / 12) <= 1e-12)
    }

    @Test("ϱ = 0 when A_S is invertible on its own rows and the other columns vanish")
    func zero() throws {
        let a = try Self.exact([[1, 0, 0], [0, 1, 0]])
        let exact = try SignedNullSpaceLP.solveExactly(matrix: a, support: [0, 1], signs: [-1, 1])
        #expect(exact.verified)
        #expect(exact.value == 0)
        #expect(exact.certificate == [-1, 1])
    }

    @Test("empty support: ϱ = 0")
    func emptySupport() throws {
        let constant = try SignedNullSpaceLP.solve(matrix: Matrix([[1.0, 2, 3]]), support: [], signs: [])
        #expect(constant.value == 0)
    }

    @Test("rank-deficient A_S with τ ∉ range(A_Sᵀ): ϱ = +∞ with an exact ray")
    func infinite() throws {
        let a = try Self.exact([[1, 1, 3]])
        let exact = try SignedNullSpaceLP.solveExactly(matrix: a, support: [0, 1], signs: [1, -1])
        #expect(exact.isInfinite)
        #expect(exact.verified)
        #expect(exact.witness == [Rational(1, 2), Rational(-1, 2), 0])
        let floating = try SignedNullSpaceLP.solve(matrix: a.map(\.doubleValue), support: [0, 1], signs: [1, -1])
        #expect(floating.value == .infinity)
        #expect(floating.certificate.isEmpty)
        #expect(floating.witness == [0.5, -0.5, 0])
    }

    @Test("rank-deficient A_S with τ ⊥ ker A_S: ϱ stays finite")
    func finiteDespiteRankDeficiency() throws {
        let a = try Self.exact([[1, 1, 3]])
        let exact = try SignedNullSpaceLP.solveExactly(matrix: a, support: [0, 1], signs: [1, 1])
        #expect(exact.verified)
        #expect(exact.value == 3)
    }

    @Test("primal value, dual-form LP and witness agree")
    func primalAgreesWithDualForm() throws {
        let a = try Matrix([[0.5, -1.25, 0.75, 2, -0.5], [1, 0.25, -1.5, 0.5, 1.25], [-0.75, 1, 0.5, -1, 0.25]])
        let constant = try SignedNullSpaceLP.solve(matrix: a, support: [1, 3], signs: [1, -1])
        let dual = try SignedNullSpaceLP.dualProgram(matrix: a, support: [1, 3], signs: [1, -1])
        let dualSolution = try LPSolverAdapter.solve(dual)
        #expect(abs(constant.value - dualSolution) <= 1e-9 * (1 + constant.value))
        #expect(a.multiply(constant.witness).allSatisfy { abs($0) <= 1e-9 })
        let offSupport = [0, 2, 4].reduce(0.0) { $0 + abs(constant.witness[$1]) }
        #expect(abs(offSupport - 1) <= 1e-9)
        #expect(abs(constant.witness[1] - constant.witness[3] - constant.value) <= 1e-9)
    }

    @Test(
        "invalid supports, signs and numbers throw with a message",
        arguments: [
            ([5], [1]), ([0, 0], [1, 1]), ([0], [0]), ([0, 1], [1]), ([-1], [1]),
        ])
    func invalidInput(support: [Int], signs: [Int]) throws {
        let a = try Matrix([[1.0, 2, 3]])
        #expect(throws: SparseRecoveryError.self) {
            try SignedNullSpaceLP.solve(matrix: a, support: support, signs: signs)
        }
    }

    @Test("NaN entries and empty matrices throw")
    func unusableMatrices() throws {
        #expect(throws: SparseRecoveryError.self) {
            try SignedNullSpaceLP.solve(matrix: Matrix([[1.0, .nan]]), support: [0], signs: [1])
        }
        #expect(throws: SparseRecoveryError.self) {
            try SignedNullSpaceLP.solve(matrix: Matrix<Double>(rows: 0, columns: 3), support: [], signs: [])
        }
    }
}

@Suite("ϱ on random instances: three LP forms, exact and floating agree")
struct SignedNullSpaceRandomTests {
    static let cases: [(rows: Int, columns: Int, sparsity: Int, seed: UInt64)] = [
        (6, 15, 1, 1), (10, 30, 2, 2), (20, 60, 3, 3), (30, 90, 4, 4),
    ]

    static func instance(
        _ c: (rows: Int, columns: Int, sparsity: Int, seed: UInt64)
    ) throws
        -> (matrix: Matrix<Rational>, support: [Int], signs: [Int])
    {
        let problem = try RandomProblemRecipe(
            ensemble: .gaussian, rows: c.rows, columns: c.columns,
            sparsity: c.sparsity, seed: c.seed
        ).generate()
        let x0 = problem.groundTruth ?? []
        let support = x0.indices.filter { x0[$0] != .zero }
        return (problem.matrix, support, support.map { x0[$0].signum })
    }

    @Test("reciprocal, min-t and dual forms give the same ϱ; exact agrees and is verified", arguments: cases)
    func formsAgree(c: (rows: Int, columns: Int, sparsity: Int, seed: UInt64)) throws {
        let (exactMatrix, support, signs) = try Self.instance(c)
        let a = exactMatrix.map(\.doubleValue)
        let constant = try SignedNullSpaceLP.solve(matrix: a, support: support, signs: signs)
        let minimumForm = try LPSolverAdapter.solve(
            SignedNullSpaceLP.program(matrix: a, support: support, signs: signs))
        let dualForm = try LPSolverAdapter.solve(
            SignedNullSpaceLP.dualProgram(matrix: a, support: support, signs: signs))
        let reciprocal = try LPSolverAdapter.solve(
            SignedNullSpaceLP.reciprocalProgram(matrix: a, support: support, signs: signs))
        #expect(abs(constant.value - minimumForm) <= 1e-9 * (1 + minimumForm))
        #expect(abs(constant.value - dualForm) <= 1e-9 * (1 + dualForm))
        #expect(abs(constant.value - 1 / reciprocal) <= 1e-9 * (1 + constant.value))
        #expect(constant.dualityGap <= 1e-9)
        let exact = try SignedNullSpaceLP.solveExactly(matrix: exactMatrix, support: support, signs: signs)
        #expect(exact.verified)
        #expect(abs((exact.value?.doubleValue ?? .nan) - constant.value) <= 1e-9 * (1 + constant.value))
    }

    @Test("a warm start (ignored by solve, of any size) does not change the values")
    func warmStarts() throws {
        let (exactMatrix, support, _) = try Self.instance((12, 30, 3, 5))
        let a = exactMatrix.map(\.doubleValue)
        var warm = LPSolver()
        warm.options.warmStart = Basis(rows: [.basic], columns: [.basic])
        for pattern in 0..<4 {
            let signs = (0..<3).map { pattern >> $0 & 1 == 1 ? -1 : 1 }
            let cold = try SignedNullSpaceLP.solve(matrix: a, support: support, signs: signs)
            let warmed = try SignedNullSpaceLP.solve(matrix: a, support: support, signs: signs, solver: warm)
            #expect(abs(cold.value - warmed.value) <= 1e-9 * (1 + cold.value))
            if let basis = warmed.basis { warm.options.warmStart = basis }
        }
    }
}
