import ExactArithmetic
import IntervalArithmetic

/// The depth-D link α·h_D and its slope α·h_D' evaluated on intervals (``Interval``), for the
/// enclosures of ``LimitEnclosure``.
///
/// - D = 2: α·h₂(z) = e^(ln α + z) − e^(ln α − z), α·h₂'(z) = e^(ln α + z) + e^(ln α − z).
/// - D ≥ 3, p = D/(D−2), written with a = 1 − z and b = 1 + z (both > 0):
///   α·h_D = e^(ln α − p ln a) − e^(ln α − p ln b), α·h_D' = p·[e^(ln α − (p+1) ln a) + e^(ln α − (p+1) ln b)].
///   On the support the distance t = 1 − σz to the boundary is given directly (a = t or b = t), so that
///   z may lie within 1e-100 of ±1 without loss.
struct IntervalLink: Sendable {
    let depth: Int
    /// ln α, enclosed.
    let logAlpha: Interval
    /// p = D/(D−2) (D ≥ 3).
    let power: Interval
    /// p + 1.
    let powerPlusOne: Interval

    init(depth: Int, logAlpha: Interval) {
        self.depth = depth
        self.logAlpha = logAlpha
        power = depth == 2 ? Interval(0) : Interval(enclosing: Rational(depth, depth - 2))
        powerPlusOne = depth == 2 ? Interval(0) : Interval(enclosing: Rational(2 * depth - 2, depth - 2))
    }

    /// (α·h(z), α·h'(z)) for D = 2, or for D ≥ 3 with a = 1 − z, b = 1 + z; `nil` outside the domain.
    func evaluate(z: Interval) -> (value: Interval, slope: Interval)? {
        if depth == 2 {
            let up = Interval.exp(logAlpha + z), down = Interval.exp(logAlpha - z)
            return (up - down, up + down)
        }
        return evaluate(a: Interval(1) - z, b: Interval(1) + z)
    }

    /// D ≥ 3 with the distances a = 1 − z and b = 1 + z given.
    func evaluate(a: Interval, b: Interval) -> (value: Interval, slope: Interval)? {
        guard let logA = Interval.log(a), let logB = Interval.log(b) else { return nil }
        let value = Interval.exp(logAlpha - power * logA) - Interval.exp(logAlpha - power * logB)
        let slope =
            power * (Interval.exp(logAlpha - powerPlusOne * logA) + Interval.exp(logAlpha - powerPlusOne * logB))
        return (value, slope)
    }
}
