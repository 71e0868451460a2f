import BigInt

/// An exact rational number p/q with arbitrary-precision integers.
///
/// The representation is canonical: `denominator > 0` and `gcd(numerator, denominator) = 1`, so two
/// values are equal exactly when their numerators and denominators are. Every `Double` converts
/// exactly (a finite double is a dyadic rational m·2ᵉ), which is what lets SparseCert re-verify a
/// floating-point LP solution against the very data that were given.
///
/// Arithmetic is exact; the cost of +, −, ×, ÷ is that of a few big-integer products and one gcd,
/// O(b²) for b-bit operands.
public struct Rational: Sendable, Hashable {
    /// The numerator p, carrying the sign.
    public let numerator: BigInt
    /// The denominator q, always positive.
    public let denominator: BigInt

    /// The rational `numerator / denominator`, reduced to lowest terms.
    ///
    /// - Parameters:
    ///   - numerator: p.
    ///   - denominator: q; must not be zero (use ``init(parsing:)`` or ``init(exactly:)-(Double)``
    ///     for values that come from users: those throw or return `nil` instead).
    /// - Precondition: `denominator != 0`.
    public init(_ numerator: BigInt, _ denominator: BigInt = 1) {
        precondition(!denominator.isZero, "Rational with zero denominator")
        if denominator == 1 || numerator.isZero {
            self.numerator = numerator
            self.denominator = numerator.isZero ? 1 : denominator
            return
        }
        let sign: BigInt = denominator.sign == .minus ? -1 : 1
        let q = denominator.magnitude
        if Self.isPowerOfTwo(q) {
            // A power of two (as for every double): the gcd is a shift, no division needed.
            let shift = Swift.min(numerator.magnitude.trailingZeroBitCount, q.trailingZeroBitCount)
            self.numerator = sign * (numerator >> shift)
            self.denominator = BigInt(q >> shift)
            return
        }
        let divisor = BigInt(greatestCommonDivisor(numerator.magnitude, q))
        self.numerator = sign * numerator / divisor
        self.denominator = sign * denominator / divisor
    }

    /// The rational `numerator / denominator` of machine integers, reduced to lowest terms.
    /// - Precondition: `denominator != 0`.
    public init(_ numerator: Int, _ denominator: Int) {
        self.init(BigInt(numerator), BigInt(denominator))
    }

    /// Skips normalisation for operands already known to be in lowest terms with q > 0.
    private init(reduced numerator: BigInt, _ denominator: BigInt) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Zero.
    public static let zero = Rational(reduced: 0, 1)
    /// One.
    public static let one = Rational(reduced: 1, 1)

    /// Whether the value is an integer.
    public var isInteger: Bool { denominator == 1 }
    /// −1, 0 or +1.
    public var signum: Int { numerator.isZero ? 0 : (numerator.sign == .minus ? -1 : 1) }
    /// 1/self.
    /// - Precondition: `self != 0`.
    public var reciprocal: Rational { Rational(denominator, numerator) }

    /// self raised to an integer power (negative powers invert).
    /// - Precondition: `self != 0` when `exponent < 0`.
    public func power(_ exponent: Int) -> Rational {
        let base = exponent < 0 ? reciprocal : self
        let e = exponent.magnitude
        return Rational(reduced: base.numerator.power(Int(e)), base.denominator.power(Int(e)))
    }
}

extension Rational: ExpressibleByIntegerLiteral {
    /// The integer `value`.
    public init(integerLiteral value: Int) { self.init(reduced: BigInt(value), 1) }
}

extension Rational: Comparable {
    /// Exact comparison: p/q < r/s ⇔ p·s < r·q (denominators are positive).
    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }
}

extension Rational: SignedNumeric {
    /// |x| is a rational.
    public typealias Magnitude = Rational

    /// The integer `source`, exactly.
    public init?<T: BinaryInteger>(exactly source: T) { self.init(reduced: BigInt(source), 1) }

    /// |x|.
    public var magnitude: Rational { Rational(reduced: BigInt(numerator.magnitude), denominator) }

    /// −x.
    public static prefix func - (operand: Rational) -> Rational {
        Rational(reduced: -operand.numerator, operand.denominator)
    }

    /// x ← −x.
    public mutating func negate() { self = -self }

    /// The exact sum, in lowest terms.
    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        if lhs.numerator.isZero { return rhs }
        if rhs.numerator.isZero { return lhs }
        if lhs.denominator == rhs.denominator {
            return Rational(lhs.numerator + rhs.numerator, lhs.denominator)
        }
        // Henrici: with g = gcd(b, d), a/b + c/d = t / ((b/g)·d) for t = a·(d/g) + c·(b/g), and
        // gcd(t, (b/g)·d) = gcd(t, g): two gcds of the operands' size instead of one of the result's.
        let dyadic = lhs.isDyadic && rhs.isDyadic
        let g = dyadic ? 1 : BigInt(greatestCommonDivisor(lhs.denominator.magnitude, rhs.denominator.magnitude))
        if g == 1 {
            let sum = lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator
            let denominator = lhs.denominator * rhs.denominator
            // Coprime denominators leave the sum in lowest terms; dyadic ones are reduced by a shift.
            return dyadic ? Rational(sum, denominator) : Rational(reduced: sum, denominator)
        }
        let left = lhs.denominator / g
        let t = lhs.numerator * (rhs.denominator / g) + rhs.numerator * left
        if t.isZero { return .zero }
        let h = BigInt(greatestCommonDivisor(t.magnitude, g.magnitude))
        return Rational(reduced: t / h, left * (rhs.denominator / h))
    }

    /// The exact difference, in lowest terms.
    public static func - (lhs: Rational, rhs: Rational) -> Rational { lhs + (-rhs) }

    /// The exact product, in lowest terms.
    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        if lhs.numerator.isZero || rhs.numerator.isZero { return .zero }
        return product(lhs.numerator, lhs.denominator, rhs.numerator, rhs.denominator)
    }

    /// lhs ← lhs + rhs.
    public static func += (lhs: inout Rational, rhs: Rational) { lhs = lhs + rhs }
    /// lhs ← lhs − rhs.
    public static func -= (lhs: inout Rational, rhs: Rational) { lhs = lhs - rhs }
    /// lhs ← lhs · rhs.
    public static func *= (lhs: inout Rational, rhs: Rational) { lhs = lhs * rhs }

    /// Exact quotient.
    /// - Precondition: `rhs != 0`.
    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        precondition(!rhs.numerator.isZero, "Rational division by zero")
        if lhs.numerator.isZero { return .zero }
        let sign: BigInt = rhs.numerator.sign == .minus ? -1 : 1
        return product(lhs.numerator, lhs.denominator, sign * rhs.denominator, sign * rhs.numerator)
    }

    /// (a/b)·(c/d) for fractions a/b, c/d in lowest terms with b, d > 0 and a, c ≠ 0: with g₁ = gcd(a, d) and
    /// g₂ = gcd(c, b), ((a/g₁)·(c/g₂)) / ((b/g₂)·(d/g₁)) is in lowest terms (Henrici) — two gcds of the
    /// operands' size instead of one of the product's. Dyadic denominators take the shift of ``init(_:_:)``.
    private static func product(_ a: BigInt, _ b: BigInt, _ c: BigInt, _ d: BigInt) -> Rational {
        if isPowerOfTwo(b.magnitude) && isPowerOfTwo(d.magnitude) { return Rational(a * c, b * d) }
        let g1 = BigInt(greatestCommonDivisor(a.magnitude, d.magnitude))
        let g2 = BigInt(greatestCommonDivisor(c.magnitude, b.magnitude))
        return Rational(reduced: (a / g1) * (c / g2), (b / g2) * (d / g1))
    }

    /// Whether the denominator is a power of two (every finite double's is).
    private var isDyadic: Bool { Self.isPowerOfTwo(denominator.magnitude) }

    /// Whether q is a power of two (its only set bit is its highest).
    static func isPowerOfTwo(_ q: BigUInt) -> Bool { !q.isZero && q.trailingZeroBitCount == q.bitWidth - 1 }

    /// lhs ← lhs / rhs (rhs ≠ 0).
    public static func /= (lhs: inout Rational, rhs: Rational) { lhs = lhs / rhs }
}
