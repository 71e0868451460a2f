import Foundation

/// An exact power-of-two equilibration of a floating-point LP: multiplying by 2ᵏ changes no digit, so the
/// scaled LP has exactly the same solutions, bases and certificates as the given one, only its numbers lie
/// near 1 — where GLPK's absolute tolerances (`tol_bnd`, `tol_dj`, `tol_piv`) mean what they say.
///
/// With row exponents fᵢ, column exponents eⱼ and an objective exponent g, the LP seen by GLPK is
///
///     A'ᵢⱼ = 2^(fᵢ+eⱼ)·Aᵢⱼ,   row bounds 2^fᵢ·[lᵢ, uᵢ],   column bounds 2^(−eⱼ)·[lⱼ, uⱼ],   c'ⱼ = 2^(eⱼ−g)·cⱼ,
///
/// in the variables zⱼ = 2^(−eⱼ)·xⱼ. Back: xⱼ = 2^eⱼ·zⱼ, (A x)ᵢ = 2^(−fᵢ)·(A' z)ᵢ, row duals
/// λᵢ = 2^(fᵢ+g)·λ'ᵢ, reduced costs dⱼ = 2^(g−eⱼ)·d'ⱼ, objective 2^g·(objective').
///
/// The exponents: each row's largest |Aᵢⱼ| is brought into [1, 2), then each column's (or, scaling columns
/// by cost, each column's cost); then one common
/// shift moves the largest finite bound into [1, 2) (so that y = 10⁻⁸ is not "zero within tolerance"), and g
/// brings the largest cost into [1, 2). Integer columns keep eⱼ = 0 (a MILP is only row-scaled). If any
/// scaled number would overflow or underflow, no scaling is applied.
struct PowerOfTwoScaling: Sendable, Hashable {
    /// fᵢ.
    let rowExponents: [Int]
    /// eⱼ.
    let columnExponents: [Int]
    /// g.
    let objectiveExponent: Int

    /// The identity scaling of an LP of this size.
    init(rows: Int, columns: Int) {
        rowExponents = Array(repeating: 0, count: rows)
        columnExponents = Array(repeating: 0, count: columns)
        objectiveExponent = 0
    }

    /// The equilibration of `program` described above.
    ///
    /// - Complexity: O(m + n + nnz).
    init(
        _ program: LinearProgram<Double>, columnsByCost: Bool = false, scalesColumns requested: Bool = true,
        shiftsBounds: Bool = true
    ) {
        let m = program.constraints.count, n = program.variables.count
        var rowMax = [Double](repeating: 0, count: m)
        for (i, row) in program.constraints.enumerated() {
            rowMax[i] = row.terms.reduce(0) { max($0, $1.coefficient.magnitude) }
        }
        var rows = rowMax.map { $0 > 0 ? -Int($0.exponent) : 0 }
        var columnMax = [Double](repeating: 0, count: n)
        for (i, row) in program.constraints.enumerated() {
            for term in row.terms {
                columnMax[term.column] = max(columnMax[term.column], scalbn(term.coefficient.magnitude, rows[i]))
            }
        }
        let scalesColumns = requested && !program.isMixedInteger
        // With `columnsByCost`, a column with a cost is scaled to bring its cost into [1, 2): the dual constraints
        // aⱼᵀλ ≤ cⱼ are then judged by GLPK's absolute tol_dj relative to cⱼ (when scaling by entries leaves
        // costs 10⁻¹⁶ apart, the duals can be infeasible by far more than the small cⱼ).
        var columns =
            scalesColumns
            ? (0..<n).map { j in
                let cost = program.variables[j].cost.magnitude
                if columnsByCost && cost > 0 { return -Int(cost.exponent) }
                return columnMax[j] > 0 ? -Int(columnMax[j].exponent) : 0
            }
            : Array(repeating: 0, count: n)
        if scalesColumns && shiftsBounds {
            var largest = 0.0
            for (i, row) in program.constraints.enumerated() {
                for bound in [row.bounds.lower, row.bounds.upper].compactMap({ $0 }) {
                    largest = max(largest, scalbn(bound.magnitude, rows[i]))
                }
            }
            for (j, variable) in program.variables.enumerated() {
                for bound in [variable.bounds.lower, variable.bounds.upper].compactMap({ $0 }) {
                    largest = max(largest, scalbn(bound.magnitude, -columns[j]))
                }
            }
            let shift = largest > 0 ? Int(largest.exponent) : 0
            rows = rows.map { $0 - shift }
            columns = columns.map { $0 + shift }
        }
        var largestCost = 0.0
        for (j, variable) in program.variables.enumerated() {
            largestCost = max(largestCost, scalbn(variable.cost.magnitude, columns[j]))
        }
        rowExponents = rows
        columnExponents = columns
        objectiveExponent = largestCost > 0 ? Int(largestCost.exponent) : 0
    }

    /// The candidates tried in order until one scales `program` exactly: the full equilibration, then
    /// without the common shift, then rows only.
    static func candidates(_ program: LinearProgram<Double>, columnsByCost: Bool) -> [PowerOfTwoScaling] {
        [
            PowerOfTwoScaling(program, columnsByCost: columnsByCost),
            PowerOfTwoScaling(program, columnsByCost: columnsByCost, shiftsBounds: false),
            PowerOfTwoScaling(program, scalesColumns: false),
        ]
    }

    /// Whether this is the identity.
    var isIdentity: Bool {
        objectiveExponent == 0 && rowExponents.allSatisfy { $0 == 0 } && columnExponents.allSatisfy { $0 == 0 }
    }

    /// The scaled LP, or `nil` when a scaled number would overflow or lose a digit by underflow.
    func apply(_ program: LinearProgram<Double>) -> LinearProgram<Double>? {
        var exact = true
        func scale(_ value: Double, _ exponent: Int) -> Double {
            let result = scalbn(value, exponent)
            if !result.isFinite || scalbn(result, -exponent) != value { exact = false }
            return result
        }
        let g = objectiveExponent
        var scaled = LinearProgram<Double>(
            direction: program.direction,
            objectiveConstant: scale(program.objectiveConstant, -g))
        scaled.variables = program.variables.enumerated().map { j, variable in
            let e = columnExponents[j]
            return .init(
                bounds: variable.bounds.map { scale($0, -e) }, cost: scale(variable.cost, e - g),
                isInteger: variable.isInteger, name: variable.name)
        }
        scaled.constraints = program.constraints.enumerated().map { i, row in
            let f = rowExponents[i]
            let terms = row.terms.map {
                LinearTerm(column: $0.column, coefficient: scale($0.coefficient, f + columnExponents[$0.column]))
            }
            return .init(terms: terms, bounds: row.bounds.map { scale($0, f) }, name: row.name)
        }
        return exact ? scaled : nil
    }

    /// The solution of the given LP from the solution of the scaled one (exact: only exponents change).
    func unscale(_ solution: LPSolution) -> LPSolution {
        var result = solution
        let g = objectiveExponent
        result.objective = scalbn(solution.objective, g)
        result.bestBound = solution.bestBound.map { scalbn($0, g) }
        if solution.x.count == columnExponents.count {
            result.x = zip(solution.x, columnExponents).map { scalbn($0, $1) }
        }
        if solution.reducedCosts.count == columnExponents.count {
            result.reducedCosts = zip(solution.reducedCosts, columnExponents).map { scalbn($0, g - $1) }
        }
        if solution.rowActivities.count == rowExponents.count {
            result.rowActivities = zip(solution.rowActivities, rowExponents).map { scalbn($0, -$1) }
        }
        if solution.rowDuals.count == rowExponents.count {
            result.rowDuals = zip(solution.rowDuals, rowExponents).map { scalbn($0, $1 + g) }
        }
        return result
    }
}
