import DenseLinearAlgebra

extension LinearProgram {
    /// Checks what every solver needs: at least one variable and one constraint, column indices in
    /// range, no column twice in a row, and lower ≤ upper everywhere.
    ///
    /// - Parameter isUsable: decides whether a single number is acceptable (floating-point data must
    ///   be finite); its failure is reported with the place of the number.
    /// - Throws: ``LPError`` naming the first offending row, column or value.
    /// - Complexity: O(n + nnz).
    func validate(_ isUsable: (Scalar) -> Bool = { _ in true }) throws(LPError) {
        guard !variables.isEmpty else { throw .emptyProblem("it has no variables") }
        guard !constraints.isEmpty else { throw .emptyProblem("it has no constraints") }
        func check(_ value: Scalar, _ place: LPError.Place) throws(LPError) {
            guard isUsable(value) else { throw .unusableNumber(place, value.doubleValue) }
        }
        func check(_ bounds: Bounds<Scalar>, _ place: LPError.Place) throws(LPError) {
            if let lower = bounds.lower { try check(lower, place) }
            if let upper = bounds.upper { try check(upper, place) }
            if let lower = bounds.lower, let upper = bounds.upper, lower > upper {
                throw .inconsistentBounds(place, lower: lower.doubleValue, upper: upper.doubleValue)
            }
        }
        try check(objectiveConstant, .objectiveConstant)
        for (j, variable) in variables.enumerated() {
            try check(variable.cost, .objective(column: j))
            try check(variable.bounds, .columnBounds(j))
        }
        var lastSeen = Array(repeating: -1, count: variables.count)
        for (i, constraint) in constraints.enumerated() {
            try check(constraint.bounds, .rowBounds(i))
            for term in constraint.terms {
                guard variables.indices.contains(term.column) else {
                    throw .indexOutOfRange(row: i, column: term.column, columnCount: variables.count)
                }
                guard lastSeen[term.column] != i else { throw .duplicateEntry(row: i, column: term.column) }
                lastSeen[term.column] = i
                try check(term.coefficient, .coefficient(row: i, column: term.column))
            }
        }
    }
}
