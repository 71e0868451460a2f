import DenseLinearAlgebra
import ExactArithmetic

/// The exact basic solution of one basis, its duals, and the simplex step out of it.
struct BasicSolution {
    let form: ExactStandardForm
    /// Status of every z variable (rows first).
    let status: [BasisStatus]
    /// Indices of the basic variables, in the order of B's columns.
    let basic: [Int]
    /// LU of B, `nil` when B is singular.
    let factors: FractionFreeLU?
    /// z, exactly (empty when singular).
    let values: [Rational]
    /// Reduced cost of every z variable (zero for basic ones; empty when singular).
    let reducedCosts: [Rational]
    /// λ.
    let duals: [Rational]
    let verification: ExactVerification

    init(_ form: ExactStandardForm, basis: Basis) throws(LPError) {
        guard basis.rows.count == form.rows, basis.columns.count == form.columns else {
            throw .invalidBasis("it has \(basis.rows.count) row and \(basis.columns.count) column statuses, "
                + "the LP has \(form.rows) rows and \(form.columns) columns")
        }
        let status = basis.rows + basis.columns
        let basic = status.indices.filter { status[$0] == .basic }
        guard basic.count == form.rows else {
            throw .invalidBasis("it has \(basic.count) basic variables; a basis of this LP has exactly \(form.rows)")
        }
        var values = Array(repeating: Rational.zero, count: form.variableCount)
        var rhs = Array(repeating: Rational.zero, count: form.rows)
        for k in status.indices where status[k] != .basic {
            let value = try form.nonbasicValue(k, status[k]).get()
            values[k] = value
            guard value != .zero else { continue }
            for (i, a) in form.constraintColumn(k).enumerated() where a != .zero { rhs[i] -= a * value }
        }
        var matrix = Matrix<Rational>(rows: form.rows, columns: form.rows)
        for (position, k) in basic.enumerated() {
            for (i, a) in form.constraintColumn(k).enumerated() { matrix[i, position] = a }
        }
        self.form = form
        self.status = status
        self.basic = basic
        guard let factors = try? FractionFreeLU(matrix) else {
            self.factors = nil
            self.values = []
            self.reducedCosts = []
            self.duals = []
            self.verification = ExactVerification(verdict: .singularBasis, basis: basis, x: [], rowActivities: [],
                                                  rowDuals: [], reducedCosts: [], objective: .zero)
            return
        }
        self.factors = factors
        // Sizes were checked above, so the solves cannot fail.
        let basicValues = (try? factors.solve(rhs)) ?? []
        for (position, k) in basic.enumerated() { values[k] = basicValues[position] }
        let pi = (try? factors.solveTransposed(basic.map { form.cost[$0] })) ?? []
        let duals = pi.map { -$0 }
        let dualActivity = form.matrix.multiplyTransposed(duals)
        var reducedCosts = duals
        for j in 0..<form.columns { reducedCosts.append(form.cost[form.rows + j] - dualActivity[j]) }
        for k in basic { reducedCosts[k] = .zero }
        self.values = values
        self.duals = duals
        self.reducedCosts = reducedCosts

        var violations: [ExactVerification.Violation] = []
        for k in basic where !Self.withinBounds(values[k], form.lower[k], form.upper[k]) {
            violations.append(.init(kind: .primal, variable: form.describe(k), value: values[k]))
        }
        for k in status.indices where status[k] != .basic && Self.improvement(status[k], reducedCosts[k], form.direction) != 0 {
            violations.append(.init(kind: .dual, variable: form.describe(k), value: reducedCosts[k]))
        }
        let x = Array(values[form.rows...])
        var objective = form.objectiveConstant
        for j in 0..<form.columns { objective += form.cost[form.rows + j] * x[j] }
        self.verification = ExactVerification(
            verdict: violations.isEmpty ? .optimal : .notOptimal(violations), basis: basis, x: x,
            rowActivities: Array(values[..<form.rows]), rowDuals: duals,
            reducedCosts: Array(reducedCosts[form.rows...]), objective: objective)
    }

    var isPrimalFeasible: Bool {
        factors != nil && basic.allSatisfy { Self.withinBounds(values[$0], form.lower[$0], form.upper[$0]) }
    }

    private static func withinBounds(_ value: Rational, _ lower: Rational?, _ upper: Rational?) -> Bool {
        (lower.map { value >= $0 } ?? true) && (upper.map { value <= $0 } ?? true)
    }

    /// +1 when increasing the nonbasic variable improves the objective, −1 when decreasing it does,
    /// 0 when its reduced cost is optimal for its status.
    private static func improvement(_ status: BasisStatus, _ reducedCost: Rational,
                                    _ direction: OptimizationDirection) -> Int {
        let d = direction == .minimize ? reducedCost.signum : -reducedCost.signum
        switch status {
        case .atLower: return d < 0 ? 1 : 0
        case .atUpper: return d > 0 ? -1 : 0
        case .free: return -d
        case .fixed, .basic: return 0
        }
    }

    /// One primal simplex step from this primal feasible basis with Bland's rule: the entering variable
    /// is the lowest-indexed improving one, the leaving one the lowest-indexed among the tied blocking
    /// variables. `nil` at optimality or when the objective is unbounded along the entering direction.
    func improvingPivot() -> Basis? {
        guard let factors,
              let entering = status.indices.first(where: {
                  status[$0] != .basic && Self.improvement(status[$0], reducedCosts[$0], form.direction) != 0
              }),
              let alpha = try? factors.solve(form.constraintColumn(entering))
        else { return nil }
        let direction: Rational = Self.improvement(status[entering], reducedCosts[entering], form.direction) > 0 ? 1 : -1
        // Moving z_entering by t·direction moves z_basic by −t·direction·alpha.
        var best: (step: Rational, variable: Int, newStatus: BasisStatus)?
        func consider(_ step: Rational, _ variable: Int, _ newStatus: BasisStatus) {
            if let current = best, step > current.step || (step == current.step && variable > current.variable) { return }
            best = (step, variable, newStatus)
        }
        if let l = form.lower[entering], let u = form.upper[entering] {
            consider(u - l, entering, direction > 0 ? .atUpper : .atLower)
        }
        for (position, k) in basic.enumerated() where alpha[position] != .zero {
            let rate = -direction * alpha[position]
            if rate < 0, let l = form.lower[k] {
                consider((values[k] - l) / -rate, k, form.upper[k] == l ? .fixed : .atLower)
            } else if rate > 0, let u = form.upper[k] {
                consider((u - values[k]) / rate, k, form.lower[k] == u ? .fixed : .atUpper)
            }
        }
        guard let best else { return nil }
        var next = status
        if best.variable == entering {
            next[entering] = best.newStatus
        } else {
            next[entering] = .basic
            next[best.variable] = best.newStatus
        }
        return Basis(rows: Array(next[..<form.rows]), columns: Array(next[form.rows...]))
    }
}
