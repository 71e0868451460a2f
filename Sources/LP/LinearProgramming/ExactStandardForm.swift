import BigInt
import DenseLinearAlgebra
import ExactArithmetic

/// An LP in GLPK's standard form, scaled to integers: the ground on which bases are judged exactly.
///
/// Variables z = (r, x) ∈ ℚ^(m+n): the m auxiliary variables rᵢ = (A x)ᵢ followed by the n columns, so the
/// constraints read M·z = 0 with M = [I | −A], and every variable has its own bounds l ≤ z ≤ u. Row i of M is
/// multiplied by sᵢ, the least common multiple of the denominators in row i of A, and the costs by L, the
/// least common multiple of theirs, which makes M̃ = S·M and c̃ = L·c integer. Neither scaling changes the
/// feasible set, the basic solutions or the signs of reduced costs; the duals of M̃ are unscaled when
/// reported (λ = −S·π̃/L).
struct ExactStandardForm {
    let rows: Int
    let columns: Int
    /// Column k of M̃ = S·[I | −A], integer.
    let scaledColumns: [[BigInt]]
    /// sᵢ.
    let rowScales: [BigInt]
    let lower: [Rational?]
    let upper: [Rational?]
    /// L·c for every z variable (zero for auxiliaries).
    let scaledCosts: [BigInt]
    /// L.
    let costScale: BigInt
    /// c for the columns, to evaluate the objective.
    let costs: [Rational]
    let objectiveConstant: Rational
    let direction: OptimizationDirection

    init(_ program: LinearProgram<Rational>) throws(LPError) {
        try program.validate()
        rows = program.constraints.count
        columns = program.variables.count
        var scaled = [[BigInt]](
            repeating: [BigInt](repeating: 0, count: program.constraints.count),
            count: rows + columns)
        var rowScales: [BigInt] = []
        for (i, constraint) in program.constraints.enumerated() {
            let scale = Rational.commonDenominator(of: constraint.terms.map(\.coefficient))
            rowScales.append(scale)
            scaled[i][i] = scale
            for term in constraint.terms {
                scaled[rows + term.column][i] = -term.coefficient.numerator * (scale / term.coefficient.denominator)
            }
        }
        scaledColumns = scaled
        self.rowScales = rowScales
        let bounds = program.constraints.map(\.bounds) + program.variables.map(\.bounds)
        lower = bounds.map(\.lower)
        upper = bounds.map(\.upper)
        let costs = program.variables.map(\.cost)
        let costScale = Rational.commonDenominator(of: costs)
        self.costs = costs
        self.costScale = costScale
        scaledCosts =
            Array(repeating: 0, count: rows)
            + costs.map { $0.numerator * (costScale / $0.denominator) }
        objectiveConstant = program.objectiveConstant
        direction = program.direction
    }

    var variableCount: Int { rows + columns }

    /// The value a nonbasic variable takes under `status`, or why the status does not fit its bounds.
    func nonbasicValue(_ k: Int, _ status: BasisStatus) throws(LPError) -> Rational {
        let name = describe(k)
        switch status {
        case .atLower:
            guard let l = lower[k] else { throw .invalidBasis("\(name) is at its lower bound, but has none") }
            return l
        case .atUpper:
            guard let u = upper[k] else { throw .invalidBasis("\(name) is at its upper bound, but has none") }
            return u
        case .free:
            return .zero
        case .fixed:
            guard let l = lower[k], let u = upper[k], l == u else {
                throw .invalidBasis("\(name) is marked fixed, but its bounds differ")
            }
            return l
        case .basic:
            preconditionFailure("nonbasicValue(_:_:) called for a basic variable")
        }
    }

    /// "row i" or "column j".
    func describe(_ k: Int) -> String { k < rows ? "row \(k)" : "column \(k - rows)" }
}
