/// The status of a variable (structural or auxiliary) in a simplex basis, as GLPK reports it.
public enum BasisStatus: String, Sendable, Hashable, Codable {
    /// In the basis; its value is determined by the nonbasic ones.
    case basic
    /// Nonbasic at its lower bound.
    case atLower
    /// Nonbasic at its upper bound.
    case atUpper
    /// Nonbasic free variable, at zero.
    case free
    /// Nonbasic fixed variable (lower = upper).
    case fixed
}

/// A simplex basis: the status of every constraint row (its auxiliary variable rᵢ = Σⱼ aᵢⱼxⱼ) and
/// every column. Exactly m of the m + n statuses are ``BasisStatus/basic``.
public struct Basis: Sendable, Hashable, Codable {
    /// The status of each row (auxiliary variable), in row order.
    public var rows: [BasisStatus]
    /// The status of each column (structural variable), in column order.
    public var columns: [BasisStatus]

    /// A basis from the statuses of its rows and columns.
    public init(rows: [BasisStatus], columns: [BasisStatus]) {
        self.rows = rows
        self.columns = columns
    }
}

/// How a solve ended.
public enum LPStatus: String, Sendable, Hashable, Codable {
    /// An optimal solution was found (to the solver's tolerances).
    case optimal
    /// A feasible but not proven optimal solution (a MILP stopped early).
    case feasible
    /// No point satisfies the constraints.
    case infeasible
    /// The objective is unbounded over the feasible set.
    case unbounded
    /// Infeasible or unbounded; the method used cannot tell which.
    case infeasibleOrUnbounded
    /// The iteration limit was reached first.
    case iterationLimit
    /// The time limit was reached first.
    case timeLimit
    /// The solver gave up for numerical reasons (singular or ill-conditioned bases, no convergence).
    case numericalFailure
}

/// What a solver returned. Values other than `status` are meaningful when the status is
/// ``LPStatus/optimal`` or ``LPStatus/feasible``; duals, reduced costs and the basis are absent
/// for a MILP, and the basis for the interior-point method.
public struct LPSolution: Sendable, Hashable {
    /// How the solve ended.
    public var status: LPStatus
    /// cᵀx + c₀.
    public var objective: Double
    /// The variables x.
    public var x: [Double]
    /// The row activities r = A x.
    public var rowActivities: [Double]
    /// The row duals λ (GLPK's convention: the objective's rate of change per unit of row activity).
    public var rowDuals: [Double]
    /// The reduced costs dⱼ = cⱼ − (Aᵀλ)ⱼ.
    public var reducedCosts: [Double]
    /// The final basis (simplex methods only).
    public var basis: Basis?
    /// Simplex iterations (0 for interior point and MILP).
    public var iterations: Int
    /// The solver's own words on a failure, empty otherwise.
    public var message: String
    /// For a MILP, GLPK's bound on the optimal value, in the units of ``objective``: the objective itself at a
    /// proven optimum; after a stop (time limit), the best local bound among the branch-and-cut's unexplored
    /// nodes (`glp_ios_best_node`, `glp_ios_node_bound`), or the incumbent's objective where that is
    /// tighter. A floating-point bound from LP relaxations solved to GLPK's tolerances — not a proof.
    /// `nil` for LPs and where GLPK has no finite bound.
    public var bestBound: Double? = nil
}
