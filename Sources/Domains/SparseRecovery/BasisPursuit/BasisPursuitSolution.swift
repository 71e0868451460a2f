import DenseLinearAlgebra
import ExactArithmetic
import LinearProgramming

/// How a basis pursuit solve ended. (BP is never unbounded: its objective is ≥ 0.)
public enum BasisPursuitStatus: String, Sendable, Hashable, Codable {
    /// A minimizer was found; see the optimality certificate.
    case optimal
    /// No x satisfies the constraints; see the Farkas certificate.
    case infeasible
}

/// What a solve has proven: the one value every printed verdict ("optimal", "infeasible") is derived from.
public enum BasisPursuitClaim: String, Sendable, Hashable, Codable {
    /// x* is a minimizer: its optimality certificate was checked against the data and holds (exactly in the
    /// exact mode; to the relative tolerances of ``OptimalityCheck/holds(tolerance:residualTolerance:)`` in
    /// floating point).
    case optimal
    /// No x is feasible: the Farkas certificate was checked against the data and holds.
    case infeasible
    /// An answer was computed, but its certificate did not pass the check: neither claim is made.
    case undecided
}

/// What the LP solves cost.
public struct LPStatistics: Sendable, Hashable, Codable {
    /// Rows of the basis pursuit LP.
    public var rows: Int
    /// Columns of the basis pursuit LP.
    public var columns: Int
    /// Simplex iterations of the basis pursuit LP.
    public var iterations: Int
    /// Wall-clock seconds of the basis pursuit LP solve (GLPK plus the Swift layer).
    public var solveSeconds: Double
    /// Further LPs solved for certificates (ϱ, Farkas).
    public var auxiliarySolves: Int
    /// Their wall-clock seconds.
    public var auxiliarySeconds: Double
}

/// The result of a basis pursuit solve (``BasisPursuit``), in `Double` or, from the exact mode, in `Rational`.
///
/// Support rule: in floating point, j ∈ S iff |xⱼ|·‖Aⱼ‖_∞ > ``supportTolerance``, where the threshold is
/// `BasisPursuitOptions.supportTolerance · maxₖ |xₖ|·‖Aₖ‖_∞` (relative, so unchanged by scaling rows, columns
/// or y); in the exact mode, iff xⱼ ≠ 0 exactly (``supportTolerance`` is 0).
public struct BasisPursuitSolution<Scalar: LinearAlgebraScalar>: Sendable, Hashable {
    /// Optimal or infeasible: what the solver's answer is (see ``claim`` for what is proven).
    public let status: BasisPursuitStatus
    /// What the checks prove about ``status``: ``BasisPursuitClaim/undecided`` when its certificate failed.
    public let claim: BasisPursuitClaim
    /// The minimizer x* (empty when infeasible).
    public let x: [Scalar]
    /// Σ wⱼ|x*ⱼ| (`nil` when infeasible).
    public let objective: Scalar?
    /// S = supp(x*), 0-based, increasing.
    public let support: [Int]
    /// σ = sign(x*_S), aligned with ``support``.
    public let signs: [Int]
    /// The threshold on |xⱼ|·‖Aⱼ‖_∞ used to read the support (0 in the exact mode).
    public let supportTolerance: Double
    /// The dual certificate μ ∈ ℝ^m (row duals of the LP; empty when infeasible).
    public let dual: [Scalar]
    /// A x* − y (empty when infeasible).
    public let residual: [Scalar]
    /// The optimality certificate recomputed from x*, μ and the data (`nil` when infeasible).
    public let optimality: OptimalityCheck<Scalar>?
    /// Whether x* is the unique minimizer (`nil` when infeasible or not requested).
    public let uniqueness: UniquenessAnalysis<Scalar>?
    /// The proof of infeasibility (`nil` when optimal).
    public let farkas: FarkasCertificate<Scalar>?
    /// The cost of the computation.
    public let statistics: LPStatistics
    /// How x* was found: by the LP, or directly because A has full column rank.
    public internal(set) var method: BasisPursuitMethod = .linearProgram
    /// A rigorous bound on ‖x − x̂‖_∞, x̂ = A⁻¹y the exact minimizer, when known (``BasisPursuitMethod/fullColumnRank``
    /// with m = n and a proven answer); `nil` otherwise.
    public internal(set) var errorBound: Double? = nil
}

/// How ``BasisPursuit`` found its answer.
public enum BasisPursuitMethod: String, Sendable, Hashable, Codable {
    /// The basis pursuit LP (GLPK).
    case linearProgram
    /// A has full column rank, proven by a verified approximate inverse, so {x : A x = y} has at most one point:
    /// one LU solve, no LP (``BasisPursuit``'s direct path).
    case fullColumnRank
}

/// The exact-mode result of ``BasisPursuit/solveExactly(_:options:)``.
public struct ExactBasisPursuitSolution: Sendable, Hashable {
    /// x*, μ, ϱ and the certificates as exact fractions; the support is read from the exact x*.
    public let solution: BasisPursuitSolution<Rational>
    /// Whether ``solution``'s status (optimal or infeasible) is proven exactly — the same as
    /// `solution.claim != .undecided`.
    public var answerProven: Bool { solution.claim != .undecided }
    /// `true` only when everything reported was proven in exact arithmetic on the given data: the LP basis
    /// (`LinearProgramming/LPSolver/solveCertified(_:)`), the optimality certificate with zero gap (or the
    /// Farkas certificate), and, when uniqueness was analyzed, the ϱ computation.
    public let verified: Bool
    /// The support GLPK's floating-point x implies (with the floating support rule).
    public let floatingSupport: [Int]
    /// Whether ``floatingSupport`` differs from the exact support (the exact one is right).
    public var supportDiffers: Bool { floatingSupport != solution.support }
    /// What was done, in order.
    public let steps: [String]
}
