import ExactArithmetic

/// Rigorous enclosures of eˣ and ln x built only from correctly rounded +, −, ×, ÷ (no libm).
///
/// - exp: x = k·ln 2 + r with k = round(x/ln 2) and |r| ≤ 0.35, where ln 2 = L₁ + L₂, L₁ a double with 32
///   significant bits (k·L₁ is exact for |k| < 2²¹) and L₂ enclosed from 50 exact digits of ln 2; then
///   eʳ = Σ_{i ≤ 24} rⁱ/i! + R with |R| ≤ e^|r|·|r|²⁵/25! ≤ 2|r|²⁵/25!, all in ``Interval`` arithmetic, and the
///   scaling by 2ᵏ is exact or rounded outwards (subnormal and overflowing results).
/// - log: x = 2ᵉ·m with m ∈ [1/√2, √2], ln m = 2 atanh u = 2 Σ_{i ≤ 14} u²ⁱ⁺¹/(2i+1) + R with
///   u = (m − 1)/(m + 1), |u| ≤ 0.1716 and |R| ≤ 2|u|³¹/(31(1 − u²)); ln x = e·(L₁ + L₂) + ln m.
/// The series coefficients 1/i! and 1/(2i+1) are enclosed from their exact rational values.
extension Interval {
    /// ln 2 to 50 digits (exact decimal), the reference for L₂ = ln 2 − L₁.
    private static let ln2Digits = "0.69314718055994530941723212145817656807550013436026"
    /// L₁: ln 2 rounded to 32 significant bits (0x3FE62E42FEE00000).
    private static let ln2High = Double(bitPattern: 0x3FE6_2E42_FEE0_0000)
    /// L₂ = ln 2 − L₁, enclosed (the 10⁻⁵⁰ truncation of the digits is far below one ulp of L₂).
    private static let ln2Low: Interval = {
        let low = (try? Rational(parsing: ln2Digits)).map { $0 - Rational(exactly: ln2High)! } ?? .zero
        let enclosed = Interval(enclosing: low)
        return Interval(enclosed.lo.nextDown, enclosed.hi.nextUp)
    }()
    /// 1/i! for i = 0…24, enclosed.
    private static let inverseFactorials: [Interval] = {
        var factorial = Rational(1, 1)
        return (0...24).map { i in
            if i > 1 { factorial = factorial * Rational(i, 1) }
            return Interval(enclosing: Rational(1, 1) / factorial)
        }
    }()
    /// 1/(2i + 1) for i = 0…14, enclosed.
    private static let inverseOdds: [Interval] = (0...14).map { Interval(enclosing: Rational(1, 2 * $0 + 1)) }

    /// eˣ enclosed for every x in the interval (exp is increasing), assuming nothing about libm.
    /// - Complexity: two evaluations of a degree-24 polynomial in interval arithmetic (one for a thin interval).
    public static func exp(_ a: Interval) -> Interval {
        let low = exponential(a.lo)
        return a.lo == a.hi ? low : Interval(low.lo, exponential(a.hi).hi)
    }

    /// ln x enclosed for every x in an interval of positive numbers; `nil` when it reaches 0 or below.
    /// - Complexity: two evaluations of a degree-14 polynomial in interval arithmetic (one for a thin interval).
    public static func log(_ a: Interval) -> Interval? {
        guard a.lo > 0 else { return nil }
        let low = logarithm(a.lo)
        return a.lo == a.hi ? low : Interval(low.lo, logarithm(a.hi).hi)
    }

    /// An enclosure of eˣ for one double.
    static func exponential(_ x: Double) -> Interval {
        if x.isNaN { return Interval(0, .infinity) }
        if x > 1000 { return Interval(.greatestFiniteMagnitude, .infinity) }
        if x < -1000 { return Interval(0, .leastNonzeroMagnitude) }
        let k = (x * 1.4426950408889634).rounded()  // any integer k is correct; the nearest keeps |r| ≤ 0.35
        let r = Interval(x) - Interval(k * ln2High) - Interval(k) * ln2Low
        let size = r.magnitude
        guard size < 1 else { return Interval(0, .infinity) }
        var sum = inverseFactorials[24]
        for i in stride(from: 23, through: 0, by: -1) { sum = sum * r + inverseFactorials[i] }
        // |R| ≤ 2|r|²⁵/25!; the factor 4 covers the roundings of this bound.
        let remainder = (4 * power(size, 25) * inverseFactorials[24].hi / 25).nextUp
        sum = sum + Interval(-remainder, remainder)
        let exponent = Int(k)
        return Interval(scaled(Swift.max(sum.lo, 0), exponent, up: false), scaled(sum.hi, exponent, up: true))
    }

    /// An enclosure of ln x for one double x > 0.
    static func logarithm(_ x: Double) -> Interval {
        if x == .infinity { return Interval(709, .infinity) }
        var m = x.significand, e = Int(x.exponent)  // x = m·2ᵉ exactly, m ∈ [1, 2)
        if m > 1.4142135623730951 { m /= 2; e += 1 }  // exact
        let u = (Interval(m - 1) / (Interval(m) + Interval(1)))!  // m − 1 is exact (Sterbenz)
        let w = u * u
        var sum = inverseOdds[14]
        for i in stride(from: 13, through: 0, by: -1) { sum = sum * w + inverseOdds[i] }
        let size = u.magnitude
        // |R| ≤ 2|u|³¹/(31(1 − u²)) ≤ 4|u|³¹/31 since u² ≤ 0.03; the slack covers the roundings of this bound.
        let remainder = (4 * power(size, 31) / 31).nextUp
        let logM = Interval(2) * u * sum + Interval(-remainder, remainder)
        return Interval(Double(e) * ln2High) + Interval(Double(e)) * ln2Low + logM
    }

    /// xⁿ for x ≥ 0, rounded up at every step.
    private static func power(_ x: Double, _ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result = (result * x).nextUp }
        return result
    }

    /// x·2ᵏ for x ≥ 0, exact when representable, else rounded down or up.
    static func scaled(_ x: Double, _ k: Int, up: Bool) -> Double {
        let y = Double(sign: .plus, exponent: k, significand: x)
        if y.isFinite, Double(sign: .plus, exponent: -k, significand: y) == x { return y }
        return up ? y.nextUp : Swift.max(0, y.nextDown)
    }
}
