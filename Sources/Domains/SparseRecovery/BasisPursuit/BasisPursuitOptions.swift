import LinearProgramming

/// How ``BasisPursuit`` solves and what it certifies.
public struct BasisPursuitOptions: Sendable {
    /// The GLPK configuration (dual simplex by default).
    public var solver = GLPKSolver()
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

    /// The defaults listed above.
    public init() {}
}
