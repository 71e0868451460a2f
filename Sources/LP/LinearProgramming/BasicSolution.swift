import BigInt
import DenseLinearAlgebra
import ExactArithmetic

/// The exact basic solution of one basis, its duals, and the simplex steps out of it.
///
/// All linear algebra runs on the integer-scaled form (``ExactStandardForm``) through fraction-free
/// elimination; rationals appear only in the reported values.
struct BasicSolution {
    let form: ExactStandardForm
    /// Status of every z variable (rows first).
    let status: [BasisStatus]
    /// Indices of the basic variables, in the order of B's columns.
    let basic: [Int]
    /// B̃ = the basic columns of M̃, row-major; `nil` for a singular basis.
    let basisMatrix: [BigInt]?
    /// z, exactly.
    let values: [Rational]
    /// The sign of every reduced cost d_k.
    let reducedCostSigns: [Int]
    /// Numerators N_k of the reduced costs d_k = N_k / (D·L), over the common denominator D·L
    /// (``reducedCostScale``): pivoting compares them by cross-multiplication, with no gcd at all; fractions
    /// are formed only for the final ``verification``.
    let reducedCostNumerators: [BigInt]
    let reducedCostScale: BigInt
    /// The numerators w of π̃ = w / D (the dual solve), for the duals of the verification.
    let dualNumerators: [BigInt]
    /// The first basic position outside its bounds and row r of B̃⁻¹ there (ρ = numerators / denominator).
    let leavingRow: (position: Int, numerators: [BigInt], denominator: BigInt)?
    let judgedBasis: Basis

    init(_ form: ExactStandardForm, basis: Basis) throws(LPError) {
        guard basis.rows.count == form.rows, basis.columns.count == form.columns else {
            throw .invalidBasis(
                "it has \(basis.rows.count) row and \(basis.columns.count) column statuses, "
                    + "the LP has \(form.rows) rows and \(form.columns) columns")
        }
        let status = basis.rows + basis.columns
        let basic = status.indices.filter { status[$0] == .basic }
        guard basic.count == form.rows else {
            throw .invalidBasis("it has \(basic.count) basic variables; a basis of this LP has exactly \(form.rows)")
        }
        let m = form.rows
        var values = [Rational](repeating: .zero, count: form.variableCount)
        for k in status.indices where status[k] != .basic { values[k] = try form.nonbasicValue(k, status[k]) }
        // M̃_B z_B = −Σ_N M̃_k z_k, with the nonbasic values brought to one denominator first.
        let nonbasic = status.indices.filter { status[$0] != .basic && values[$0] != .zero }
        let valueScale = Rational.commonDenominator(of: nonbasic.map { values[$0] })
        var rhs = [BigInt](repeating: 0, count: m)
        for k in nonbasic {
            let v = values[k].numerator * (valueScale / values[k].denominator)
            for (i, a) in form.scaledColumns[k].enumerated() where !a.isZero { rhs[i] -= a * v }
        }
        var matrix = [BigInt](repeating: 0, count: m * m)
        for (position, k) in basic.enumerated() {
            for (i, a) in form.scaledColumns[k].enumerated() { matrix[i * m + position] = a }
        }
        self.form = form
        self.status = status
        self.basic = basic
        judgedBasis = basis
        let costs = basic.map { form.scaledCosts[$0] }
        // The dual solve also yields row r of B̃⁻¹ for the first basic variable outside its bounds — the
        // row the next dual simplex step needs — from the same elimination.
        var leaving: Int?
        let solves: (primal: FractionFreeSolver.Solution, dual: FractionFreeSolver.Solution)? = {
            guard let primal = try? ExactIntegerSolver.solve(matrix, dimension: m, rightHandSides: [rhs]) else {
                return nil
            }
            for (position, k) in basic.enumerated() {
                values[k] = Rational(primal.numerators[0][position], primal.denominator * valueScale)
            }
            leaving = basic.indices.first {
                !Self.withinBounds(values[basic[$0]], form.lower[basic[$0]], form.upper[basic[$0]])
            }
            var unit = [BigInt](repeating: 0, count: m)
            if let leaving { unit[leaving] = 1 }
            let sides = leaving == nil ? [costs] : [costs, unit]
            guard
                let dual = try? ExactIntegerSolver.solve(matrix, dimension: m, rightHandSides: sides, transposed: true)
            else { return nil }
            return (primal, dual)
        }()
        guard let solves else {
            basisMatrix = nil
            self.values = []
            reducedCostSigns = []
            reducedCostNumerators = []
            reducedCostScale = 1
            dualNumerators = []
            leavingRow = nil
            return
        }
        let dual = solves.dual
        basisMatrix = matrix
        leavingRow = leaving.map { (position: $0, numerators: dual.numerators[1], denominator: dual.denominator) }
        // π̃ = w / D; reduced costs d_k = (D·c̃_k − M̃_kᵀ w) / (D·L); duals λ = −S·π̃ / L.
        let w = dual.numerators[0], d = dual.denominator, scale = d * form.costScale
        var signs = [Int](repeating: 0, count: form.variableCount)
        var numerators = [BigInt](repeating: 0, count: form.variableCount)
        for k in status.indices where status[k] != .basic {
            var numerator = d * form.scaledCosts[k]
            for (i, a) in form.scaledColumns[k].enumerated() where !a.isZero && !w[i].isZero { numerator -= a * w[i] }
            signs[k] = numerator.isZero ? 0 : (numerator.sign == scale.sign ? 1 : -1)
            numerators[k] = numerator
        }
        self.values = values
        reducedCostSigns = signs
        reducedCostNumerators = numerators
        reducedCostScale = scale
        dualNumerators = w
    }

    /// The exact judgement of this basis, with every value as a fraction.
    ///
    /// - Complexity: O(m·n) rational normalizations — done once, at the end of a repair.
    var verification: ExactVerification {
        guard basisMatrix != nil else {
            return ExactVerification(
                verdict: .singularBasis, basis: judgedBasis, x: [], rowActivities: [],
                rowDuals: [], reducedCosts: [], objective: .zero)
        }
        let m = form.rows
        let reduced = status.indices.map {
            status[$0] == .basic ? Rational.zero : Rational(reducedCostNumerators[$0], reducedCostScale)
        }
        let duals = (0..<m).map { Rational(-form.rowScales[$0] * dualNumerators[$0], reducedCostScale) }
        let x = Array(values[m...])
        var objective = form.objectiveConstant
        for j in 0..<form.columns where form.costs[j] != .zero { objective += form.costs[j] * x[j] }
        return ExactVerification(
            verdict: verdict, basis: judgedBasis, x: x, rowActivities: Array(values[..<m]), rowDuals: duals,
            reducedCosts: Array(reduced[m...]), objective: objective)
    }

    /// The verdict alone: optimal, singular, or the violated conditions (only their values become fractions).
    ///
    /// - Complexity: O(m + n) comparisons, plus one rational normalization per violation.
    var verdict: ExactVerification.Verdict {
        guard basisMatrix != nil else { return .singularBasis }
        var violations: [ExactVerification.Violation] = []
        for k in basic where !Self.withinBounds(values[k], form.lower[k], form.upper[k]) {
            violations.append(.init(kind: .primal, variable: form.describe(k), value: values[k]))
        }
        for k in status.indices
        where status[k] != .basic
            && Self.improvement(status[k], reducedCostSigns[k], form.direction) != 0
        {
            violations.append(
                .init(
                    kind: .dual, variable: form.describe(k),
                    value: Rational(reducedCostNumerators[k], reducedCostScale)))
        }
        return violations.isEmpty ? .optimal : .notOptimal(violations)
    }

    /// Whether this basis is nonsingular but not optimal (a repair has work to do).
    var needsPivot: Bool { basisMatrix != nil && !(isPrimalFeasible && isDualFeasible) }

    var isPrimalFeasible: Bool {
        basisMatrix != nil && basic.allSatisfy { Self.withinBounds(values[$0], form.lower[$0], form.upper[$0]) }
    }

    var isDualFeasible: Bool {
        basisMatrix != nil
            && status.indices.allSatisfy { Self.improvement(status[$0], reducedCostSigns[$0], form.direction) == 0 }
    }

    private static func withinBounds(_ value: Rational, _ lower: Rational?, _ upper: Rational?) -> Bool {
        (lower.map { value >= $0 } ?? true) && (upper.map { value <= $0 } ?? true)
    }

    /// +1 when increasing the nonbasic variable improves the objective, −1 when decreasing it does,
    /// 0 when its reduced cost (of sign `sign`) is optimal for its status.
    private static func improvement(_ status: BasisStatus, _ sign: Int, _ direction: OptimizationDirection) -> Int {
        let d = direction == .minimize ? sign : -sign
        switch status {
        case .atLower: return d < 0 ? 1 : 0
        case .atUpper: return d > 0 ? -1 : 0
        case .free: return -d
        case .fixed, .basic: return 0
        }
    }

    private func basis(_ next: [BasisStatus]) -> Basis {
        Basis(rows: Array(next[..<form.rows]), columns: Array(next[form.rows...]))
    }

    /// The status a variable leaving the basis at `bound` takes.
    private func leavingStatus(_ k: Int, atLower: Bool) -> BasisStatus {
        form.lower[k] != nil && form.lower[k] == form.upper[k] ? .fixed : (atLower ? .atLower : .atUpper)
    }

    /// One primal simplex step from this primal feasible basis, with Bland's rule (lowest-indexed improving
    /// variable enters; the lowest-indexed of the tied blocking variables leaves), so it cannot cycle.
    /// `nil` at optimality or when the objective is unbounded along the entering direction.
    func primalPivot() -> Basis? {
        let m = form.rows
        guard let basisMatrix,
            let entering = status.indices.first(where: {
                Self.improvement(status[$0], reducedCostSigns[$0], form.direction) != 0
            }),
            let column = try? ExactIntegerSolver.solve(
                basisMatrix, dimension: m,
                rightHandSides: [form.scaledColumns[entering]])
        else { return nil }
        let direction = Self.improvement(status[entering], reducedCostSigns[entering], form.direction)
        // Moving z_entering by t·direction moves z_basic by −t·direction·α, α = B̃⁻¹ M̃_entering.
        let alpha = column.numerators[0].map { Rational($0, column.denominator) }
        var best: (step: Rational, variable: Int, newStatus: BasisStatus)?
        func consider(_ step: Rational, _ variable: Int, _ newStatus: BasisStatus) {
            if let current = best, step > current.step || (step == current.step && variable > current.variable) {
                return
            }
            best = (step, variable, newStatus)
        }
        if let l = form.lower[entering], let u = form.upper[entering] {
            consider(u - l, entering, direction > 0 ? .atUpper : .atLower)
        }
        for (position, k) in basic.enumerated() where alpha[position] != .zero {
            let rate = direction > 0 ? -alpha[position] : alpha[position]
            if rate < .zero, let l = form.lower[k] {
                consider((values[k] - l) / -rate, k, leavingStatus(k, atLower: true))
            } else if rate > .zero, let u = form.upper[k] {
                consider((u - values[k]) / rate, k, leavingStatus(k, atLower: false))
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
        return basis(next)
    }

    /// What one dual simplex step from this dual feasible basis leads to.
    enum DualStep {
        case pivot(Basis)
        /// No entering variable exists: the LP is infeasible (the leaving row of B⁻¹ is a Farkas ray).
        case infeasible(leaving: Int)
        case stuck
    }

    /// One dual simplex step with Bland's rule: the lowest-indexed basic variable outside its bounds leaves
    /// towards the violated bound; among the nonbasic variables that keep dual feasibility, the one with the
    /// smallest ratio |d_k / α_rk| enters, ties broken by lowest index.
    func dualPivot() -> DualStep {
        guard basisMatrix != nil, let row = leavingRow else { return .stuck }
        let leaving = basic[row.position]
        let belowLower = form.lower[leaving].map { values[leaving] < $0 } ?? false
        let rho = row.numerators
        // α_rk = ρ·M̃_k / D; z_leaving changes by −α_rk per unit increase of z_k.
        // Ratios |d_k / α_rk| = (|N_k| / |D·L|) / (|P_k| / |D_ρ|) share |D_ρ / D·L|: compare |N_k|·|P_best| with
        // |N_best|·|P_k| instead, in integers.
        var best: (numerator: BigInt, product: BigInt, variable: Int)?
        let rowDenominatorNegative = row.denominator.sign == .minus
        for k in status.indices where status[k] != .basic && status[k] != .fixed {
            var product = BigInt(0)
            for (i, a) in form.scaledColumns[k].enumerated() where !a.isZero && !rho[i].isZero { product += rho[i] * a }
            guard !product.isZero else { continue }
            // Needed: z_leaving moves towards its violated bound; α_rk = P_k / D_ρ.
            let increasesLeaving = (product.sign == .minus) != rowDenominatorNegative  // for an increase of z_k
            let eligible: Bool =
                switch status[k] {
                case .atLower: increasesLeaving == belowLower
                case .atUpper: increasesLeaving != belowLower
                default: true
                }
            guard eligible else { continue }
            let numerator = BigInt(reducedCostNumerators[k].magnitude), size = BigInt(product.magnitude)
            if let current = best, numerator * current.product >= current.numerator * size { continue }
            best = (numerator, size, k)
        }
        guard let best else { return .infeasible(leaving: leaving) }
        var next = status
        next[best.variable] = .basic
        next[leaving] = leavingStatus(leaving, atLower: belowLower)
        return .pivot(basis(next))
    }
}
