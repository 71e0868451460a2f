import DiagonalNetworks
import Foundation

/// The closed-form, non-asymptotic two-sided bound for the 1×2 tightness family A = [a₁, a₂], |a₂| < |a₁|.
///
/// With r = |a₂/a₁| and Y = y/a₁, x* = (Y, 0), and the limit is x = (αh(c), αh(ρc)) (ρ = a₂/a₁) with
/// g(c) = αh(c) + r·αh(r c) = Y (g increasing, h odd), so ‖x_∞ − x*‖₁ = (1 + r)·α|h(r c)|. Taking Y > 0:
/// αh(c) ≤ Y gives c ≤ c⁺ = h⁻¹(Y/α), and αh(c) = Y − r·αh(r c) ≥ Y − r·αh(r c⁺) gives
/// c ≥ c⁻ = h⁻¹((Y − r·αh(r c⁺))/α); hence (1 + r)·αh(r c⁻) ≤ err ≤ (1 + r)·αh(r c⁺) for every α.
/// As α → 0 both sides behave like (1 + r)·α^(1−r) (D = 2) and (1 + r)·h_D(r)·α (D ≥ 3).
/// Evaluated in double precision (a closed form, not an interval proof).
public struct ClosedFormBound: Sendable, Equatable {
    /// r = |a₂/a₁|.
    public let r: Double
    /// (1 + r)·αh(r c⁻), a lower bound of ‖x_∞(α) − x*‖₁.
    public let lower: Double
    /// (1 + r)·αh(r c⁺), an upper bound of ‖x_∞(α) − x*‖₁.
    public let upper: Double

    /// The bound for A = [a₁, a₂], y, or `nil` when the data are not of that shape (m ≠ 1, n ≠ 2,
    /// |a₂| ≥ |a₁|, or y = 0).
    public init?(a1: Double, a2: Double, y: Double, depth: Int, alpha: Double) {
        guard a1 != 0, abs(a2) < abs(a1), y != 0, depth >= 2, alpha > 0 else { return nil }
        let r = abs(a2 / a1), target = abs(y / a1)
        let potential = DepthPotential(depth: depth)
        let logAlpha = log(alpha)
        // c as the support coordinate: c itself for D = 2, t = 1 − c for D ≥ 3 (c may be within 1e-100 of 1).
        func inverse(_ value: Double) -> Double? {  // c with αh(c) = value > 0, returned as the link argument
            guard value > 0 else { return nil }
            if depth == 2 {
                let u = value / (2 * alpha)
                return u.isFinite ? asinh(u) : log(value) - logAlpha
            }
            var low = -745.0, high = 0.0  // ln t
            for _ in 0..<200 {
                let middle = (low + high) / 2, t = exp(middle)
                let p = Double(depth) / Double(depth - 2)
                let h = exp(logAlpha - p * middle) - exp(logAlpha - p * log(2 - t))
                if h > value { low = middle } else { high = middle }
            }
            return 1 - exp((low + high) / 2)
        }
        func offSupport(_ c: Double) -> Double { abs(potential.scaledLink(r * c, logAlpha: logAlpha).value) }
        guard let cUpper = inverse(target) else { return nil }
        let upper = (1 + r) * offSupport(cUpper)
        guard let cLower = inverse(target - r * offSupport(cUpper)) else { return nil }
        self.r = r
        self.lower = (1 + r) * offSupport(cLower)
        self.upper = upper
    }
}
