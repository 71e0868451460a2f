import DenseLinearAlgebra
import ExactArithmetic
import LinearProgramming
import Testing

@Suite("Scale robustness: GLPK sees power-of-two equilibrated LPs, the exact path proves on the given data")
struct ScaleRobustnessTests {
    /// min ‖x‖₁ s.t. A x = y for A = [[a, 2a]], y = b: x* = (0, b / (2a)).
    static func scaledBP(_ a: Double, _ b: Double) -> LinearProgram<Rational> {
        ExactVerificationTests.basisPursuit(
            [[Rational(exactly: a)!, Rational(exactly: 2 * a)!]], [Rational(exactly: b)!])
    }

    @Test(
        "issue 9 item 2: A·1e-8 with y = 1 is feasible; the exact path proves x* = (0, y/(2a))",
        arguments: [(1e-8, 1.0), (1.0, 1e-8), (1e-12, 1e12), (1e150, 1e-150), (1e-300, 1.0), (1e300, 1e-10)])
    func exactOnScaledData(a: Double, b: Double) throws {
        for equilibrate in [true, false] {
            var solver = LPSolver()
            solver.options.equilibrate = equilibrate
            let lp = Self.scaledBP(a, b)
            let result = try solver.solveCertified(lp)
            if case .infeasible? = result.certificate?.verdict {
                Issue.record("feasible LP proven infeasible: \(result.steps)")
            }
            if equilibrate {
                #expect(result.isCertified, "\(result.steps)")
                let x = try #require(result.certificate?.x)
                #expect(x[1] - x[3] == Rational(exactly: b)! / Rational(exactly: 2 * a)!)
            }
        }
    }

    @Test(
        "the floating solve undoes the scaling exactly: x, duals and objective of y·2ᵏ are 2ᵏ times those of y",
        arguments: [-40, -27, 0, 27, 40])
    func floatingScalesExactly(k: Int) throws {
        let base = try LPSolver().solve(Self.scaledBP(1, 1).map(\.doubleValue))
        let scaled = try LPSolver().solve(
            Self.scaledBP(1, Double(sign: .plus, exponent: k, significand: 1)).map(\.doubleValue))
        #expect(base.status == .optimal && scaled.status == .optimal)
        #expect(zip(base.x, scaled.x).allSatisfy { $0 * Double(sign: .plus, exponent: k, significand: 1) == $1 })
        #expect(base.rowDuals == scaled.rowDuals)
    }

    @Test(
        "issue 9 item 10: data near 1e-320, 1e154 and 1e308 reach GLPK as ordinary numbers",
        arguments: [2024 * Double.leastNonzeroMagnitude, 1e154, 1e300, 1.7e308])
    func extremeMagnitudes(a: Double) throws {
        var lp = LinearProgram<Double>()
        lp.addVariable(cost: 1)
        lp.addVariable(cost: 1)
        lp.addConstraint([(0, a), (1, a / 2)], .fixed(a))
        let solution = try LPSolver().solve(lp)
        #expect(solution.status == .optimal)
        #expect(solution.x[0] == 1)
    }
}
