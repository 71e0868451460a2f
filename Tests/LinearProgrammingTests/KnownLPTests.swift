import DenseLinearAlgebra
import LinearProgramming
import Testing

/// Small LPs whose answers are known by hand, solved by every method.
@Suite("Known LPs")
struct KnownLPTests {
    static let simplexMethods: [LPSolver.Method] = [.primalSimplex, .dualSimplex, .exactSimplex]

    func solver(_ method: LPSolver.Method) -> LPSolver {
        var options = LPSolver.Options()
        options.method = method
        return LPSolver(options: options)
    }

    /// max 3x + 2y s.t. x + y ≤ 4, x + 3y ≤ 7, 0 ≤ x ≤ 3, y ≥ 0: optimum (3, 1), value 11.
    static var production: LinearProgram<Double> {
        var lp = LinearProgram<Double>(direction: .maximize)
        let x = lp.addVariable(bounds: .between(0, 3), cost: 3)
        let y = lp.addVariable(cost: 2)
        lp.addConstraint([(x, 1), (y, 1)], .atMost(4))
        lp.addConstraint([(x, 1), (y, 3)], .atMost(7))
        return lp
    }

    @Test("a bounded LP is solved by every method", arguments: LPSolver.Method.allCases)
    func production(method: LPSolver.Method) throws {
        let solution = try solver(method).solve(Self.production)
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - 11) < 1e-6)
        #expect(abs(solution.x[0] - 3) < 1e-6 && abs(solution.x[1] - 1) < 1e-6)
        #expect(abs(solution.rowActivities[0] - 4) < 1e-6)
        // Duals: the first row is binding with λ = 2, the second is slack.
        #expect(abs(solution.rowDuals[0] - 2) < 1e-6 && abs(solution.rowDuals[1]) < 1e-6)
        #expect((solution.basis != nil) == (method != .interiorPoint))
    }

    /// A degenerate vertex: min −x − y with x + y ≤ 1, x ≤ 1, y ≤ 1, x − y ≤ 1, x + 2y ≤ 2 (x, y ≥ 0).
    @Test("a degenerate LP", arguments: simplexMethods)
    func degenerate(method: LPSolver.Method) throws {
        var lp = LinearProgram<Double>()
        let x = lp.addVariable(cost: -1), y = lp.addVariable(cost: -1)
        lp.addConstraint([(x, 1), (y, 1)], .atMost(1))
        lp.addConstraint([(x, 1)], .atMost(1))
        lp.addConstraint([(y, 1)], .atMost(1))
        lp.addConstraint([(x, 1), (y, -1)], .atMost(1))
        lp.addConstraint([(x, 1), (y, 2)], .atMost(2))
        let solution = try solver(method).solve(lp)
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective + 1) < 1e-9)
    }

    @Test("an infeasible LP is a status, not an error", arguments: LPSolver.Method.allCases)
    func infeasible(method: LPSolver.Method) throws {
        var lp = LinearProgram<Double>()
        let x = lp.addVariable(bounds: .free, cost: 1)
        lp.addConstraint([(x, 1)], .atLeast(1))
        lp.addConstraint([(x, 1)], .atMost(0))
        let solution = try solver(method).solve(lp)
        #expect(
            method == .interiorPoint
                ? [.infeasible, .infeasibleOrUnbounded].contains(solution.status)
                : solution.status == .infeasible)
    }

    @Test("an unbounded LP is a status, not an error", arguments: simplexMethods)
    func unbounded(method: LPSolver.Method) throws {
        var lp = LinearProgram<Double>(direction: .maximize)
        let x = lp.addVariable(cost: 1), y = lp.addVariable()
        lp.addConstraint([(x, 1), (y, -1)], .atMost(1))
        #expect(try solver(method).solve(lp).status == .unbounded)
    }

    @Test("presolve settles infeasible vs unbounded")
    func presolve() throws {
        var options = LPSolver.Options()
        options.presolve = true
        var lp = LinearProgram<Double>(direction: .maximize)
        let x = lp.addVariable(cost: 1)
        lp.addConstraint([(x, 1)], .atLeast(1))
        #expect(try LPSolver(options: options).solve(lp).status == .unbounded)
        lp.addConstraint([(x, 1)], .atMost(0))
        #expect(try LPSolver(options: options).solve(lp).status == .infeasible)
    }

    @Test(
        "a MILP's best bound is in the units of its objective, whatever the scale of the costs",
        arguments: [1.0, 1e3, 1e-7])
    func bestBoundUnscaled(scale: Double) throws {
        var lp = LinearProgram<Double>(direction: .maximize)
        let x = lp.addVariable(cost: scale, isInteger: true), y = lp.addVariable(cost: scale, isInteger: true)
        lp.addConstraint([(x, 2), (y, 2)], .atMost(3))
        let solution = try LPSolver().solve(lp)
        #expect(solution.status == .optimal && solution.objective == scale)
        #expect(solution.bestBound == solution.objective)
    }

    @Test("a MILP through branch-and-cut")
    func mixedInteger() throws {
        // max x + y, 2x + 2y ≤ 3, x, y ∈ ℤ₊: the relaxation gives 1.5, the integers 1.
        var lp = LinearProgram<Double>(direction: .maximize)
        let x = lp.addVariable(cost: 1, isInteger: true), y = lp.addVariable(cost: 1, isInteger: true)
        lp.addConstraint([(x, 2), (y, 2)], .atMost(3))
        let solution = try LPSolver().solve(lp)
        #expect(solution.status == .optimal)
        #expect(solution.objective == 1)
        #expect(solution.x.allSatisfy { $0 == $0.rounded() })
        #expect(solution.basis == nil && solution.rowDuals.isEmpty)
        lp.addConstraint([(x, 1), (y, 1)], .between(0.2, 0.8))
        #expect(try LPSolver().solve(lp).status == .infeasible)
    }

    @Test("warm start from an optimal basis needs no iterations")
    func warmStart() throws {
        let cold = try LPSolver().solve(Self.production)
        var options = LPSolver.Options()
        options.warmStart = cold.basis
        let warm = try LPSolver(options: options).solve(Self.production)
        #expect(warm.status == .optimal && warm.iterations == 0)
        #expect(warm.x == cold.x)
        // A singular "basis" (both basic variables on the same column direction) is replaced, not fatal.
        options.warmStart = Basis(rows: [.atLower, .atLower], columns: [.basic, .basic])
        var parallel = LinearProgram<Double>()
        let x = parallel.addVariable(cost: 1), y = parallel.addVariable(cost: 1)
        parallel.addConstraint([(x, 1), (y, 1)], .atLeast(1))
        parallel.addConstraint([(x, 2), (y, 2)], .atLeast(2))
        #expect(try LPSolver(options: options).solve(parallel).status == .optimal)
    }

    @Test("iteration and time limits are reported as such")
    func limits() throws {
        var options = LPSolver.Options()
        options.iterationLimit = 1
        options.method = .primalSimplex
        #expect(try LPSolver(options: options).solve(Self.production).status == .iterationLimit)
    }
}
