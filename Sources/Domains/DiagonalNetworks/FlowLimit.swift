/// Where gradient flow of a diagonal network ends, x_∞(α), with the data to judge it.
public struct FlowLimit: Sendable {
    /// Which dual coordinates the solver worked in.
    public enum Parametrization: String, Sendable, Codable {
        /// λ itself (no reference, or a reference whose support columns are dependent).
        case dual
        /// λ = P·z_S + Q₂·b around the reference's support, with z_S carried as ln(1 − σz) for D ≥ 3.
        case supportAware
    }

    /// x_∞(α) (n entries). In support-aware coordinates x_S = x*_S − A_S⁺A_{Sᶜ}x_{Sᶜ}, so A x = y holds
    /// to rounding and x − x* lies in ker A.
    public let x: [Double]
    /// λ*, the minimizer of the dual Φ_α (m entries).
    public let lambda: [Double]
    /// ‖A x_∞ − y‖₂ evaluated in double precision.
    public let residual: Double
    /// The largest scaled residual of the interpolation equations at the end (≈ the distance to the root
    /// in the solver's coordinates).
    public let scaledResidual: Double
    /// Newton iterations over all continuation steps.
    public let newtonIterations: Int
    /// Continuation steps in ln α (from α = 1 down to the target).
    public let continuationSteps: Int
    /// The coordinates used.
    public let parametrization: Parametrization
    /// The solver's converged support coordinates v, one per index of the reference's support S (increasing),
    /// empty in ``Parametrization/dual`` coordinates: v = z_S for D = 2, and v = ln t with t = 1 − σz_S, the
    /// distance of z_S to the boundary of (−1, 1), for D ≥ 3 — which keeps z_S where it lies within 1e-100 of
    /// ±1 and z = Aᵀλ cannot. x_S = α·h_D(z_S) is then the reference's x*_S corrected by A_S⁺A_{Sᶜ}x_{Sᶜ}.
    public let supportCoordinates: [Double]
    /// ‖x_∞ − x*‖₁ when a reference was given: ‖e‖₁ + ‖A_S⁺A_{Sᶜ}e‖₁ with e = x_{Sᶜ} in support-aware
    /// coordinates (no cancellation), the plain difference otherwise.
    public let errorL1: Double?
    /// ‖x_∞ − x*‖₂, computed like ``errorL1`` (and scaled against underflow).
    public let errorL2: Double?
}
