import LinearProgramming

/// How ``BasisPursuit`` solves and what it certifies.
public struct BasisPursuitOptions: Sendable {
    /// The GLPK configuration (dual simplex by default).
    public var solver = GLPKSolver()
    /// Relative support threshold τ: in floating point, j ∈ S iff |xⱼ| > τ·max(1, ‖x‖_∞). Default 1e-9.
    public var supportTolerance = 1e-9
    /// Relative tolerance of the floating-point certificate checks (and of "ϱ < 1"). Default 1e-7.
    public var certificateTolerance = 1e-7
    /// Whether to decide uniqueness (one more LP for ϱ). Default `true`.
    public var analyzeUniqueness = true

    /// The defaults listed above.
    public init() {}
}
