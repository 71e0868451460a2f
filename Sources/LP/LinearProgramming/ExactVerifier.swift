import DenseLinearAlgebra
import ExactArithmetic

/// The outcome of judging a basis in exact arithmetic.
public struct ExactVerification: Sendable, Hashable {
    /// The exact verdict.
    public enum Verdict: Sendable, Hashable {
        /// The basic solution is primal and dual feasible, hence optimal — proven in rationals.
        case optimal
        /// The basis matrix is nonsingular but its basic solution violates the listed conditions.
        case notOptimal([Violation])
        /// The basis matrix is singular: this is not a basis.
        case singularBasis
        /// Exact dual simplex pivots from this basis proved the LP infeasible: the named basic variable
        /// cannot reach its bounds, whatever the nonbasic ones do.
        case infeasible(variable: String)
    }

    /// One violated optimality condition.
    public struct Violation: Sendable, Hashable, CustomStringConvertible {
        /// Which optimality condition is violated.
        public enum Kind: String, Sendable, Hashable {
            /// A basic variable outside its bounds.
            case primal
            /// A nonbasic variable whose reduced cost has the wrong sign.
            case dual
        }
        /// Primal (a bound) or dual (a reduced cost sign).
        public let kind: Kind
        /// "row i" or "column j".
        public let variable: String
        /// The offending value (primal) or reduced cost (dual), exactly.
        public let value: Rational

        /// The violation in words, with the exact value.
        public var description: String {
            switch kind {
            case .primal: "\(variable) has value \(value) outside its bounds"
            case .dual: "\(variable) has reduced cost \(value) of the wrong sign"
            }
        }
    }

    /// Whether the basis is optimal, and if not, why.
    public let verdict: Verdict
    /// The basis that was judged.
    public let basis: Basis
    /// The exact basic solution x (empty for a singular basis).
    public let x: [Rational]
    /// The exact row activities A x.
    public let rowActivities: [Rational]
    /// The exact row duals λ (GLPK's convention).
    public let rowDuals: [Rational]
    /// The exact reduced costs cⱼ − (Aᵀλ)ⱼ.
    public let reducedCosts: [Rational]
    /// The exact objective cᵀx + c₀.
    public let objective: Rational

    /// Whether optimality was proven.
    public var isOptimal: Bool { verdict == .optimal }
}

/// Exact re-verification of LP solutions: the certificate that makes "exact" mean exact.
///
/// Given the LP's data as rationals and a basis (typically the one a floating-point solver returned),
/// ``verify(_:basis:)`` rebuilds the basic solution and the duals by exact Gaussian elimination and
/// decides, with no tolerance at all, whether the basis is primal feasible (every basic variable within
/// its bounds) and dual feasible (every nonbasic reduced cost of the right sign), hence optimal.
///
/// When the answer is no, ``repair(_:from:pivotLimit:)`` continues with exact simplex pivots (Bland's
/// rule, so it cannot cycle) until optimality is proven — no false certificate is ever returned.
public enum ExactVerifier {
    /// Judges `basis` for `program` exactly.
    ///
    /// - Throws: ``LPError`` when the program is structurally invalid or the basis does not fit it
    ///   (wrong sizes, not exactly m basic variables, a nonbasic status its bounds do not allow).
    /// - Complexity: O(m³ + m·n) rational operations.
    public static func verify(_ program: LinearProgram<Rational>, basis: Basis) throws(LPError) -> ExactVerification {
        try verify(ExactStandardForm(program), basis: basis)
    }

    static func verify(_ form: ExactStandardForm, basis: Basis) throws(LPError) -> ExactVerification {
        try BasicSolution(form, basis: basis).verification
    }

    /// Pivots exactly from `basis` until optimality (or infeasibility) is proven.
    ///
    /// From a primal feasible basis the primal simplex runs, from a dual feasible one the dual simplex —
    /// the usual case for a floating-point solver's final basis, whose reduced costs have the right signs
    /// but whose basic values may miss a bound by a rounding error. Both use Bland's rule, so neither cycles.
    ///
    /// - Returns: the final verification: ``ExactVerification/Verdict/optimal`` when repaired,
    ///   ``ExactVerification/Verdict/infeasible(variable:)`` when the LP has no feasible point, or the last
    ///   verdict when the basis is neither primal nor dual feasible, the LP is unbounded, or `pivotLimit`
    ///   pivots did not suffice.
    /// - Throws: ``LPError`` as ``verify(_:basis:)`` does.
    /// - Complexity: O(m³) big-integer operations per pivot.
    public static func repair(
        _ program: LinearProgram<Rational>, from basis: Basis,
        pivotLimit: Int = 1000
    ) throws(LPError) -> ExactVerification {
        try repair(ExactStandardForm(program), from: basis, pivotLimit: pivotLimit)
    }

    static func repair(
        _ form: ExactStandardForm, from basis: Basis, pivotLimit: Int = 1000
    ) throws(LPError) -> ExactVerification {
        var current = try BasicSolution(form, basis: basis)
        for _ in 0..<pivotLimit {
            guard current.needsPivot else { break }
            if current.isPrimalFeasible {
                guard let next = current.primalPivot() else { break }
                current = try BasicSolution(form, basis: next)
            } else if current.isDualFeasible {
                switch current.dualPivot() {
                case let .pivot(next):
                    current = try BasicSolution(form, basis: next)
                case let .infeasible(leaving):
                    let last = current.verification
                    return ExactVerification(
                        verdict: .infeasible(variable: form.describe(leaving)), basis: last.basis,
                        x: last.x, rowActivities: last.rowActivities, rowDuals: last.rowDuals,
                        reducedCosts: last.reducedCosts, objective: last.objective)
                case .stuck:
                    return current.verification
                }
            } else {
                break
            }
        }
        return current.verification
    }
}
