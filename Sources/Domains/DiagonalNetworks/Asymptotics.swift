import DenseLinearAlgebra
import Foundation

/// Predicted small-α behaviour of ‖x_∞(α) − x*‖ (DESIGN.md §1.3; our derivation, confirmed numerically).
///
/// Predictions, never substitutes for computing x_∞(α): the limit solver is exact for every α.
public enum Asymptotics {
    /// The exponent β in ‖x_∞(α) − x*‖ = Θ(α^β): 1 − ϱ for D = 2, 1 for D ≥ 3 (product convention).
    /// - Parameters:
    ///   - depth: D ≥ 2.
    ///   - rho: ϱ(S, σ) ∈ [0, 1) of the basis pursuit solution (computed by the sparse-recovery layer).
    public static func exponent(depth: Int, rho: Double) -> Double { depth == 2 ? 1 - rho : 1 }

    /// The local slope d log err / d log α between two points of an α sweep.
    public static func localSlope(
        alpha first: Double, error firstError: Double,
        alpha second: Double, error secondError: Double
    ) -> Double {
        log(secondError / firstError) / log(second / first)
    }
}

/// The barrier certificate w^(D) of a depth D ≥ 3 and the limit constant C_D with ‖x_∞(α) − x*‖₁ ≈ C_D·α.
///
/// w^(D) = argmin { Σ_{i∈Sᶜ} H_D(wᵢ) : w = Aᵀμ, w_S = σ } — a smooth strictly convex problem whose
/// minimizer lies strictly inside the unit box (unlike the LP certificate of ϱ). As α → 0, Aᵀλ*(α) → w^(D)
/// and ‖x_∞(α) − x*‖₁/α → C_D = ‖h_D(w^(D)_{Sᶜ})‖₁ + ‖A_S⁺A_{Sᶜ}h_D(w^(D)_{Sᶜ})‖₁.
///
/// Computed in μ-space as μ = Pσ + Q₂b (`SupportCoordinates`), by damped Newton on
/// ψ(b) = Σ H_D(Mσ + N b) (gradient Nᵀh_D(z), Hessian Nᵀdiag(h_D'(z))N), started from the limit solver's
/// off-support coordinates at α = 1e-60 (strictly feasible, and within ~α^((D−2)/D) of the answer).
public struct BarrierCertificate: Sendable {
    /// D ≥ 3.
    public let depth: Int
    /// w^(D) = Aᵀμ (n entries; σ on the support).
    public let certificate: [Double]
    /// μ (m entries).
    public let multiplier: [Double]
    /// C_D.
    public let limitConstant: Double
    /// max_{i∈Sᶜ} |wᵢ| (< 1).
    public let offSupportMaximum: Double

    /// Computes w^(D) and C_D for the network's data and depth around the basis pursuit solution x*.
    /// - Throws: ``DiagonalNetworkError/invalidDepth(_:)`` for D = 2 (its certificate is the ϱ-LP's),
    ///   ``DiagonalNetworkError/invalidFace(_:)`` when x* = 0 or A_S is not injective, and the limit solver's
    ///   errors. With Sᶜ = ∅ (m = n, full support) w^(D) = σ and C_D = 0: x_∞(α) = x* for every α.
    /// - Complexity: O((n − s)·(m − s)²) per Newton iteration (flat kernels, `FlatKernels`).
    public init(network: DiagonalNetwork, reference: [Double]) throws(DiagonalNetworkError) {
        guard network.depth >= 3 else { throw .invalidDepth(network.depth) }
        guard reference.contains(where: { $0 != 0 }) else {
            throw .invalidFace("x* = 0 (y = 0) has an empty support, so there is no barrier certificate")
        }
        let solver = try FlowLimitSolver(network: network.with(alpha: 1e-60), reference: reference)
        let coordinates = solver.system.coordinates
        guard !coordinates.isPlain else {
            throw .invalidFace("the columns of A on the support of x* are linearly dependent")
        }
        let potential = DepthPotential(depth: network.depth)
        let s = coordinates.support.count
        var b = Array(try solver.solveState().0.point[s...])
        let fixed = coordinates.supportCoupling.multiply(coordinates.signs)
        let n = coordinates.complementCoupling.elements, q = b.count
        func offSupport(_ b: [Double]) -> [Double]? {
            let z = FlatKernels.multiplyAdding(n, b, to: fixed)
            return z.allSatisfy(potential.contains) ? z : nil
        }
        func objective(_ z: [Double]) -> Double { z.reduce(0) { $0 + potential.potential($1) } }
        guard var z = offSupport(b) else { throw .notConverged("no strictly feasible barrier certificate found") }
        for _ in 0..<100 where q > 0 {
            let gradient = FlatKernels.multiplyTransposed(n, columns: q, z.map(potential.link))
            let hessian = Matrix(
                rows: q, columns: q,
                elements: FlatKernels.weightedGram(n, columns: q, weights: z.map(potential.linkSlope)))
            guard let direction = try? LDLDecomposition(hessian).solve(gradient.map { -$0 }) else {
                throw .notConverged("singular Hessian in the barrier certificate problem")
            }
            if direction.lazy.map(abs).max() ?? 0 <= 1e-15 * (1 + (b.lazy.map(abs).max() ?? 0)) { break }
            var fraction = 1.0
            let current = objective(z)
            let slope = zip(gradient, direction).reduce(0) { $0 + $1.0 * $1.1 }
            while fraction > 1e-12 {
                let trial = b.indices.map { b[$0] + fraction * direction[$0] }
                if let trialZ = offSupport(trial), objective(trialZ) <= current + 1e-4 * fraction * slope {
                    b = trial; z = trialZ; break
                }
                fraction /= 2
            }
            if fraction <= 1e-12 { break }
        }
        let h = z.map(potential.link)
        let coupled = s == 0 ? [] : coordinates.supportCoupling.multiplyTransposed(h)
        var certificate = [Double](repeating: 0, count: network.matrix.columns)
        for (k, j) in coordinates.support.enumerated() { certificate[j] = coordinates.signs[k] }
        for (i, j) in coordinates.offSupport.enumerated() { certificate[j] = z[i] }
        var multiplier = coordinates.supportDual.multiply(coordinates.signs)
        if !b.isEmpty { multiplier = zip(multiplier, coordinates.complementDual.multiply(b)).map { $0 + $1 } }
        multiplier = solver.rows.apply(multiplier)
        self.depth = network.depth
        self.certificate = certificate
        self.multiplier = multiplier
        self.limitConstant = h.reduce(0) { $0 + abs($1) } + coupled.reduce(0) { $0 + abs($1) }
        self.offSupportMaximum = z.lazy.map(abs).max() ?? 0
    }
}
