import DenseLinearAlgebra
import ExactArithmetic
import LinearProgramming
import Testing

/// The library tour of README.md, statement for statement, so that it cannot rot.
@Test("the README's library tour works as printed")
func readmeTour() throws {
    var lp = LinearProgram<Rational>()
    let x0 = lp.addVariable(cost: 1), x1 = lp.addVariable(cost: 1)
    lp.addConstraint([(x0, 1), (x1, 3)], .fixed(Rational(1, 5)))
    let result = try LPSolver().solveCertified(lp)
    #expect(result.isCertified)
    #expect(result.certificate?.x == [0, Rational(1, 15)])
    #expect(result.certificate?.objective == Rational(1, 15))
    var options = LPSolver.Options()
    options.method = .interiorPoint
    let solution = try LPSolver(options: options).solve(lp.map(\.doubleValue))
    #expect(solution.status == .optimal)
    #expect(abs(solution.objective - 1.0 / 15) < 1e-7)
}
