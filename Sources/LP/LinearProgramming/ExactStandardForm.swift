import DenseLinearAlgebra
import ExactArithmetic

/// An LP in GLPK's standard form over the rationals, the ground on which bases are judged exactly.
///
/// Variables z = (r, x) ∈ ℚ^(m+n): the m auxiliary variables rᵢ = (A x)ᵢ followed by the n columns, so the
/// constraints read [I | −A]·z = 0 and every variable has its own bounds l ≤ z ≤ u. A basis picks m of
/// them; the rest sit at a bound (or at 0 when free), which fixes the basic ones through the basis matrix B.
/// Costs follow GLPK: 0 for auxiliaries, cⱼ for columns; the row duals λ solve Bᵀ(−λ) = c_B and the
/// reduced costs are d = c − [I | −A]ᵀ(−λ), i.e. dᵢ = λᵢ for row i and dⱼ = cⱼ − (Aᵀλ)ⱼ for column j.
struct ExactStandardForm {
    let rows: Int
    let columns: Int
    /// A, dense.
    let matrix: Matrix<Rational>
    let lower: [Rational?]
    let upper: [Rational?]
    /// Costs of z: zero for auxiliaries.
    let cost: [Rational]
    let objectiveConstant: Rational
    let direction: OptimizationDirection

    init(_ program: LinearProgram<Rational>) throws(LPError) {
        try program.validate()
        rows = program.constraints.count
        columns = program.variables.count
        var matrix = Matrix<Rational>(rows: rows, columns: columns)
        for (i, constraint) in program.constraints.enumerated() {
            for term in constraint.terms { matrix[i, term.column] = term.coefficient }
        }
        self.matrix = matrix
        let bounds = program.constraints.map(\.bounds) + program.variables.map(\.bounds)
        lower = bounds.map(\.lower)
        upper = bounds.map(\.upper)
        cost = Array(repeating: .zero, count: rows) + program.variables.map(\.cost)
        objectiveConstant = program.objectiveConstant
        direction = program.direction
    }

    var variableCount: Int { rows + columns }

    /// Column k of [I | −A].
    func constraintColumn(_ k: Int) -> [Rational] {
        if k < rows {
            var unit = Array(repeating: Rational.zero, count: rows)
            unit[k] = 1
            return unit
        }
        return matrix.column(k - rows).map { -$0 }
    }

    /// The value a nonbasic variable takes under `status`, or a reason why the status does not fit.
    func nonbasicValue(_ k: Int, _ status: BasisStatus) -> Result<Rational, LPError> {
        let name = describe(k)
        switch status {
        case .atLower:
            guard let l = lower[k] else { return .failure(.invalidBasis("\(name) is at its lower bound, but has none")) }
            return .success(l)
        case .atUpper:
            guard let u = upper[k] else { return .failure(.invalidBasis("\(name) is at its upper bound, but has none")) }
            return .success(u)
        case .free:
            return .success(.zero)
        case .fixed:
            guard let l = lower[k], let u = upper[k], l == u else {
                return .failure(.invalidBasis("\(name) is marked fixed, but its bounds differ"))
            }
            return .success(l)
        case .basic:
            preconditionFailure("nonbasicValue(_:_:) called for a basic variable")
        }
    }

    /// "row i" or "column j".
    func describe(_ k: Int) -> String { k < rows ? "row \(k)" : "column \(k - rows)" }
}
