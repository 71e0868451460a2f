import LinearProgramming

/// Solves an LP directly with GLPK for independent comparisons in tests.
enum LPSolverAdapter {
    struct NotOptimal: Error { let status: LPStatus }

    /// The optimal objective of `lp`, or an error when GLPK does not end optimal.
    static func solve(_ lp: LinearProgram<Double>) throws -> Double {
        let solution = try LPSolver().solve(lp)
        guard solution.status == .optimal else { throw NotOptimal(status: solution.status) }
        return solution.objective
    }
}
