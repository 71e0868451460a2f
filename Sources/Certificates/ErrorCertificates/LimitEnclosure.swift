import DenseLinearAlgebra
import Foundation
import IntervalArithmetic

/// A proven enclosure of the exact gradient-flow limit x_∞(α) and of ‖x_∞(α) − x*‖₁.
///
/// The unknowns are X = (v, b) ∈ ℝ^m in the exact `SupportFrame`: v = z_S for D = 2 and v = t = 1 − σz_S
/// (the distance to the boundary, carried directly) for D ≥ 3. The proof is Krawczyk's test on the system
/// F(X) = 0 of the frame: for a box 𝐗 around a point X̂, a preconditioner C ≈ F'(X̂)⁻¹ and an interval
/// enclosure F'(𝐗) of the Jacobian over the box,
///
///     K = X̂ − C·F(X̂) + (I − C·F'(𝐗))·(𝐗 − X̂) ⊂ int 𝐗   ⇒   F has exactly one zero in 𝐗, and it lies in K.
///
/// F = 0 is the optimality condition of the strictly convex dual Φ_α, so that zero is λ*, and
/// x_∞ = αh(Aᵀλ*) lies in the interval image of K. F(X̂) is evaluated in outward-rounded `Interval`
/// arithmetic, F'(𝐗) and the products with C are enclosed in midpoint-radius form (BLAS with a priori rounding
/// bounds), all on exactly enclosed M, N, x*_S and ln α, so the enclosure accounts for the solver's residual
/// and for every rounding; exp and log are enclosed without libm (IntervalArithmetic).
public struct LimitEnclosure: Sendable {
    /// The verified box (center X̂ and componentwise radius).
    public let center: [Double]
    /// The componentwise radius of the box.
    public let radius: [Double]
    /// x_∞(α) enclosed, n entries.
    public let x: [Interval]
    /// ‖x_∞(α) − x*‖₁ enclosed, as ‖e‖₁ + ‖Mᵀe‖₁ with e = x_{Sᶜ} (no cancellation).
    public let errorL1: Interval
    /// Krawczyk attempts until the box contracted.
    public let attempts: Int
    /// R with b = R·c: the box's b part is in c coordinates (`nil`: R = I). Row-major rows.
    public let basis: [[Double]]?

    /// Everything F, F' need at one box.
    struct Evaluation {
        var f: [Interval]
        /// F' over the box, m×m (`nil` when not asked for).
        var jacobian: EnclosedMatrix?
        /// e = x_{Sᶜ}.
        var offSupport: [Interval]
        /// x_S.
        var supportValue: [Interval]
        /// α·h'(z_i) off the support.
        var slopes: [Interval]
        /// d x_S / d v on the support.
        var supportSlope: [Interval]
    }
}

extension LimitEnclosure {
    /// Proves the enclosure for a box given by its center and radius (the verifier's entry point): runs
    /// Krawczyk's test once and, if it holds, encloses x_∞ and the error over K ∩ box.
    static func check(
        system: EnclosureSystem, center: [Double], radius: [Double],
        attempts: Int = 1
    ) -> LimitEnclosure? {
        attempt(system: system, center: center, radius: radius, attempts: attempts)?.enclosure
    }

    /// One Krawczyk test: the enclosure when it holds, and the spread |K − center| either way; `nil` when the box
    /// is malformed or leaves the domain.
    static func attempt(
        system: EnclosureSystem, center: [Double], radius: [Double], attempts: Int
    )
        -> (enclosure: LimitEnclosure?, spread: [Double])?
    {
        guard center.count == system.dimension, radius.count == system.dimension,
            radius.allSatisfy({ $0 >= 0 && $0.isFinite }), center.allSatisfy(\.isFinite),
            let (provenBox, spread) = system.krawczyk(center: center, radius: radius)
        else { return nil }
        guard let provenBox, let evaluation = system.evaluate(provenBox) else { return (nil, spread) }
        let frame = system.frame
        let s = frame.s
        var coupled = [Interval](repeating: Interval(0), count: s)
        for i in 0..<frame.offCount { for k in 0..<s { coupled[k] += frame.m[i * s + k] * evaluation.offSupport[i] } }
        var x = [Interval](repeating: Interval(0), count: frame.s + frame.offCount)
        for (k, j) in frame.support.enumerated() { x[j] = evaluation.supportValue[k] }
        for (i, j) in frame.offSupport.enumerated() { x[j] = evaluation.offSupport[i] }
        var lower = 0.0, upper = 0.0
        for value in evaluation.offSupport + coupled {
            lower = (lower + value.mignitude).nextDown
            upper = (upper + value.magnitude).nextUp
        }
        // An overflow anywhere (∞ − ∞ = NaN) leaves nothing proven.
        guard lower.isFinite, upper.isFinite, x.allSatisfy({ $0.lo.isFinite && $0.hi.isFinite }) else {
            return (nil, spread)
        }
        let enclosure = LimitEnclosure(
            center: center, radius: radius, x: x, errorL1: Interval(max(0, lower), upper),
            attempts: attempts, basis: system.basis?.rowArrays)
        return (enclosure, spread)
    }

    /// Refines a starting point by Newton and grows a box around it until Krawczyk's test proves it.
    /// - Throws: ``ErrorCertificatesError/enclosureFailed(_:)`` after 12 unsuccessful boxes.
    static func prove(system plain: EnclosureSystem, start: [Double]) throws(ErrorCertificatesError) -> LimitEnclosure {
        let (system, aligned) = plain.aligned(at: plain.refine(start))
        let center = system.refine(aligned, iterations: 3)
        guard let atCenter = system.evaluate(center.map(Interval.init)), let c = system.preconditioner(atCenter) else {
            throw .enclosureFailed("the Jacobian of the limit equations is singular at the computed point")
        }
        let newton = c.multiply(atCenter.f.map(\.mid))
        // Four Newton steps, but at least a relative 1e-14 (the coordinates have very different scales: t may be
        // 1e-40, c is normalized by the Jacobian); the loop below grows the box when K does not fit.
        var radius = center.indices.map { i in max(4 * abs(newton[i]), 1e-14 * abs(center[i]), 1e-300) }
        for attempt in 1...12 {
            guard
                let (enclosure, spread) = Self.attempt(
                    system: system, center: center, radius: radius,
                    attempts: attempt)
            else {
                throw .enclosureFailed(
                    "the box around the computed point leaves the domain "
                        + "(radius \(radius.max() ?? 0))")
            }
            if let enclosure { return tightened(enclosure, spread: spread, system: system) }
            radius = radius.indices.map { max(2 * radius[$0], 2 * spread[$0]) }
        }
        throw .enclosureFailed("Krawczyk's test did not contract after 12 boxes")
    }

    /// Shrinks a proven box towards K (the Jacobian enclosure over a smaller box is tighter, so K shrinks
    /// too) while Krawczyk's test still holds and the error enclosure gets narrower; at most 4 rounds.
    static func tightened(_ proven: LimitEnclosure, spread: [Double], system: EnclosureSystem) -> LimitEnclosure {
        var best = proven, spread = spread
        for _ in 0..<4 {
            let radius = best.radius.indices.map { min(best.radius[$0], 1.05 * spread[$0]) }
            guard
                let (candidate, next) = attempt(
                    system: system, center: best.center, radius: radius,
                    attempts: best.attempts + 1),
                let candidate, candidate.errorL1.hi - candidate.errorL1.lo < best.errorL1.hi - best.errorL1.lo
            else { break }
            best = candidate
            spread = next
        }
        return best
    }
}
