import DenseLinearAlgebra
import Foundation

extension LPSolver {
    /// Solves one LP once per objective, on one GLPK problem object: the constraints and bounds are loaded
    /// once, and each simplex run starts from the basis the previous one ended with. The feasible set is the
    /// same for every objective, so the previous optimum is a primal-feasible start — when the objectives
    /// differ in a few costs, a few pivots (the primal simplex is the method to choose for that).
    ///
    /// Each solution is the one ``solve(_:)`` returns for `program` with that objective's costs (same
    /// validation, same exact power-of-two equilibration: the row and column exponents are those of `program`,
    /// whose own costs only set the objective exponent; an objective that would not scale exactly is solved
    /// on its own by ``solve(_:)``). MILPs and the interior-point method solve every objective on its own.
    ///
    /// - Parameters:
    ///   - program: the constraints, variable bounds, direction and objective constant.
    ///   - objectives: one cost vector per solve, one finite cost per variable of `program`.
    /// - Returns: one solution per objective, in order.
    /// - Throws: ``LPError`` as ``solve(_:)``, and ``LPError/unusableNumber(_:_:)`` for a non-finite cost or
    ///   ``LPError/invalidOption(_:)`` for an objective of the wrong length.
    /// - Complexity: one load of O(m + n + nnz), then one simplex run per objective (warm after the first).
    public func solve(_ program: LinearProgram<Double>, objectives: [[Double]]) throws(LPError) -> [LPSolution] {
        try program.validate(\.isFinite)
        try options.validate(for: program)
        for objective in objectives {
            guard objective.count == program.variables.count else {
                throw .invalidOption(
                    "an objective has \(objective.count) costs, the LP has \(program.variables.count) variables")
            }
            if let j = objective.firstIndex(where: { !$0.isFinite }) {
                throw .unusableNumber(.objective(column: j), objective[j])
            }
        }
        guard !objectives.isEmpty else { return [] }
        func alone(_ objective: [Double]) throws(LPError) -> LPSolution {
            var single = program
            for j in single.variables.indices { single.variables[j].cost = objective[j] }
            return try solve(single)
        }
        if program.isMixedInteger || options.method == .interiorPoint {
            var solutions: [LPSolution] = []
            for objective in objectives { solutions.append(try alone(objective)) }
            return solutions
        }
        var scaling = PowerOfTwoScaling(rows: program.constraints.count, columns: program.variables.count)
        var scaled = program
        if options.equilibrate {
            for candidate in PowerOfTwoScaling.candidates(program, columnsByCost: options.scaleColumnsByCost) {
                guard let applied = candidate.apply(program) else { continue }
                (scaling, scaled) = (candidate, applied)
                break
            }
        }
        let constant = scaled.objectiveConstant
        let scaledCosts = objectives.map { scaling.scaledCosts($0) }
        let batch = scaledCosts.indices.filter { scaledCosts[$0] != nil }
        var solutions = [LPSolution?](repeating: nil, count: objectives.count)
        if !batch.isEmpty {
            let run = GLPKRun(program: scaled, options: options)
            let solved = try run.solve(objectives: batch.map { [constant] + (scaledCosts[$0] ?? []) })
            for (k, index) in batch.enumerated() { solutions[index] = scaling.unscale(solved[k]) }
        }
        var result: [LPSolution] = []
        for (index, solution) in solutions.enumerated() {
            if let solution { result.append(solution) } else { result.append(try alone(objectives[index])) }
        }
        return result
    }
}

extension PowerOfTwoScaling {
    /// c'ⱼ = 2^(eⱼ − g)·cⱼ for another cost vector, or `nil` when a cost would not scale exactly.
    func scaledCosts(_ costs: [Double]) -> [Double]? {
        var scaled: [Double] = []
        scaled.reserveCapacity(costs.count)
        for (cost, e) in zip(costs, columnExponents) {
            let value = scalbn(cost, e - objectiveExponent)
            guard value.isFinite, scalbn(value, objectiveExponent - e) == cost else { return nil }
            scaled.append(value)
        }
        return scaled
    }
}
