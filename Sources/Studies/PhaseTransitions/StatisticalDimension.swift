import Foundation

/// The theoretical phase transition of basis pursuit: the statistical dimension of the descent cone of the
/// ℓ1 norm at an s-sparse vector in ℝⁿ (Amelunxen, Lotz, McCoy & Tropp, "Living on the edge", 2014).
///
/// With ε = s/n, the normalized statistical dimension is
///
///     ψ(ε) = inf_{τ ≥ 0} ε(1 + τ²) + (1 − ε)·2·((1 + τ²)Q(τ) − τφ(τ)),
///
/// φ the standard normal density and Q(τ) = ∫_τ^∞ φ its upper tail. For Gaussian A with m rows, basis
/// pursuit recovers x₀ with high probability when m > n·ψ(s/n) and fails when m < n·ψ(s/n), with a
/// transition width O(√n); asymptotically the curve equals Donoho and Tanner's weak threshold ρ_W(δ).
public enum StatisticalDimension {
    /// The objective J_ε(τ) = ε(1 + τ²) + 2(1 − ε)((1 + τ²)Q(τ) − τφ(τ)) whose infimum over τ ≥ 0 is ψ(ε).
    /// - Complexity: O(1).
    public static func objective(_ tau: Double, epsilon: Double) -> Double {
        let t2 = 1 + tau * tau
        return epsilon * t2 + 2 * (1 - epsilon) * (t2 * tail(tau) - tau * density(tau))
    }

    /// The minimizer τ*(ε) of ``objective(_:epsilon:)``, for 0 < ε < 1: the root of the increasing function
    /// J′(τ)/2 = ετ − 2(1 − ε)(φ(τ) − τQ(τ)) (J″ = 2ε + 4(1 − ε)Q > 0, so J is strictly convex),
    /// found by bisection to the last bit.
    /// - Precondition: 0 < ε < 1.
    /// - Complexity: O(log(1/ulp)) evaluations of φ and Q (≤ 1100 halvings, usually ~60).
    public static func minimizer(epsilon: Double) -> Double {
        precondition(epsilon > 0 && epsilon < 1, "the minimizer τ*(ε) needs 0 < ε < 1")
        func slope(_ tau: Double) -> Double { epsilon * tau - 2 * (1 - epsilon) * (density(tau) - tau * tail(tau)) }
        var low = 0.0
        var high = 1.0
        while slope(high) < 0 {
            low = high
            high *= 2
        }
        while true {
            let middle = (low + high) / 2
            guard middle > low, middle < high else { return slope(high) + slope(low) > 0 ? low : high }
            if slope(middle) < 0 { low = middle } else { high = middle }
        }
    }

    /// ψ(ε), the statistical dimension of the ℓ1 descent cone divided by n, for ε = s/n ∈ [0, 1]
    /// (ψ(0) = 0, ψ(1) = 1, increasing and concave in between).
    /// - Precondition: 0 ≤ ε ≤ 1.
    /// - Complexity: as ``minimizer(epsilon:)``.
    public static func psi(_ epsilon: Double) -> Double {
        precondition(epsilon >= 0 && epsilon <= 1, "ψ(ε) needs 0 ≤ ε ≤ 1")
        if epsilon == 0 { return 0 }
        if epsilon == 1 { return 1 }
        return min(1, objective(minimizer(epsilon: epsilon), epsilon: epsilon))
    }

    /// The theoretical transition in Donoho–Tanner coordinates: for δ = m/n, the ρ = s/m at which
    /// m = n·ψ(s/n), i.e. ρ(δ) = ε/δ with ψ(ε) = δ; recovery is expected below it.
    /// - Precondition: 0 < δ ≤ 1.
    /// - Complexity: ~60 evaluations of ``psi(_:)`` (bisection in ε).
    public static func transition(delta: Double) -> Double {
        precondition(delta > 0 && delta <= 1, "the transition ρ(δ) needs 0 < δ ≤ 1")
        if delta == 1 { return 1 }
        var low = 0.0
        var high = delta
        while true {
            let middle = (low + high) / 2
            guard middle > low, middle < high else { return (low + high) / 2 / delta }
            if psi(middle) < delta { low = middle } else { high = middle }
        }
    }

    /// φ(τ) = e^(−τ²/2)/√(2π).
    static func density(_ tau: Double) -> Double { exp(-tau * tau / 2) / (2 * Double.pi).squareRoot() }

    /// Q(τ) = erfc(τ/√2)/2, accurate in the far tail.
    static func tail(_ tau: Double) -> Double { erfc(tau / 2.0.squareRoot()) / 2 }
}
