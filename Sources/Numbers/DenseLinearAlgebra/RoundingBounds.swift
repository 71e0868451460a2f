/// A-priori bounds on the rounding errors of Double sums and dot products, in round-to-nearest, for results
/// that must be rigorous without switching the rounding mode (Higham, *Accuracy and Stability of Numerical
/// Algorithms*, §3.1; Rump, "Verification methods", Acta Numerica 2010, §2).
///
/// A dot product of k terms computed in any order, with or without fused multiply-adds (so also by a blocked
/// BLAS kernel), satisfies |fl(xᵀy) − xᵀy| ≤ γₖ·|x|ᵀ|y| + k·η with γₖ = k·u/(1 − k·u), u = 2⁻⁵³ and η = 2⁻¹⁰⁷⁴
/// (underflow of a product); a sum of k non-negative terms satisfies exact ≤ fl(sum)/(1 − γₖ). Each helper
/// rounds its own result upwards (`nextUp`), so that the bounds it returns hold for the exact values.
enum RoundingBounds {
    /// η, the spacing of the subnormal doubles.
    static let underflow = Double.leastNonzeroMagnitude

    /// An upper bound on γₖ = k·u/(1 − k·u) (+∞ when k·u ≥ 1/2).
    static func gamma(_ k: Int) -> Double {
        let ku = Double(k) * Double.ulpOfOne / 2
        guard ku < 0.5 else { return .infinity }
        return (ku / (1 - ku).nextDown).nextUp
    }

    /// An upper bound on an exact sum of k non-negative terms (or non-negative products, possibly
    /// underflowing) whose computed value is `computed`.
    static func upper(_ computed: Double, terms k: Int) -> Double {
        let g = gamma(k)
        guard g < 0.5, computed.isFinite else { return .infinity }
        let padded = (computed + Double(k) * underflow).nextUp
        return (padded / (1 - g).nextDown).nextUp.nextUp
    }

    /// An upper bound on a + b for non-negative a, b.
    static func sum(_ a: Double, _ b: Double) -> Double { (a + b).nextUp }

    /// An upper bound on a·b for non-negative a, b.
    static func product(_ a: Double, _ b: Double) -> Double { (a * b).nextUp + underflow }
}
