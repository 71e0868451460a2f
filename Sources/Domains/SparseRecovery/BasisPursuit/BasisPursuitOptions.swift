import LinearProgramming

/// How ``BasisPursuit`` solves and what it certifies.
public struct BasisPursuitOptions: Sendable {
    /// The GLPK configuration (dual simplex by default).
    public var solver = LPSolver()
    /// Relative support threshold τ: in floating point, j ∈ S iff |xⱼ|·‖Aⱼ‖_∞ > τ·maxₖ |xₖ|·‖Aₖ‖_∞.
    /// Default 1e-9.
    public var supportTolerance = 1e-9
    /// Relative tolerance of the floating-point dual and gap checks (and of "ϱ < 1"). Default 1e-7.
    public var certificateTolerance = 1e-7
    /// Relative tolerance of the floating-point residual check ‖A x − y‖ ≤ τ·(‖|A||x|‖ + ‖y‖) (+ η):
    /// GLPK's final basic solution meets it with room to spare, a basis that leaves a row violated by its
    /// feasibility tolerance does not. Default 1e-9.
    public var residualTolerance = 1e-9
    /// Whether to decide uniqueness (one more LP for ϱ). Default `true`.
    public var analyzeUniqueness = true
    /// Called, on the solving thread, when a stage begins (see ``BasisPursuitProgress``); `nil`: no reports.
    public var progress: (@Sendable (BasisPursuitProgress) -> Void)?

    /// The defaults listed above.
    public init() {}

    /// Reports the start of `stage`, `elapsed` seconds after the solve began.
    func report(_ stage: BasisPursuitProgress.Stage, since start: ContinuousClock.Instant) {
        progress?(BasisPursuitProgress(stage: stage, elapsedSeconds: (ContinuousClock.now - start).seconds))
    }
}

/// Where a ``BasisPursuit`` solve is: the stage that has just begun and the time spent so far.
///
/// Stages come in this order, each at most once (a solve skips those it does not need): ``Stage/directSolve``,
/// ``Stage/floatingSolve``, ``Stage/exactVerification``, ``Stage/infeasibilityProof``, ``Stage/uniqueness``,
/// ``Stage/finished``.
public struct BasisPursuitProgress: Sendable, Hashable {
    /// A stage of the solve.
    public enum Stage: Int, Sendable, Hashable, CaseIterable, Comparable {
        /// Checking for full column rank and, if it is proven, solving A x = y directly.
        case directSolve
        /// GLPK's floating-point solve of the basis pursuit LP.
        case floatingSolve
        /// Exact rational re-verification (and repair) of GLPK's basis (`--exact`).
        case exactVerification
        /// The LP of a Farkas certificate.
        case infeasibilityProof
        /// The ϱ-LP (or its exact verification) that decides uniqueness.
        case uniqueness
        /// Done: the answer is assembled.
        case finished

        /// A short name for a progress line.
        public var name: String {
            switch self {
            case .directSolve: "full rank"
            case .floatingSolve: "BP LP"
            case .exactVerification: "exact"
            case .infeasibilityProof: "Farkas"
            case .uniqueness: "ϱ / unique"
            case .finished: "done"
            }
        }

        /// Stages compare in the order they run.
        public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The stage that has just begun.
    public let stage: Stage
    /// Seconds since the solve began.
    public let elapsedSeconds: Double
}
