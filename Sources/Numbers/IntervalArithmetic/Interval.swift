import ExactArithmetic

/// A closed interval [lo, hi] of reals with outward-rounded arithmetic: every operation returns an
/// interval that contains the exact result for all points of its operands.
///
/// Rounding: each endpoint computed in round-to-nearest is moved one ulp outwards (`nextDown`/`nextUp`),
/// which covers the ≤ ½-ulp error of the correctly rounded IEEE 754 +, −, ×, ÷. The elementary functions
/// ``exp(_:)`` and ``log(_:)`` (ElementaryFunctions.swift) are built from these operations alone — argument
/// reduction and a Taylor series with its remainder — so no enclosure assumes anything about libm.
public struct Interval: Sendable, Hashable, CustomStringConvertible {
    /// Lower end.
    public let lo: Double
    /// Upper end.
    public let hi: Double

    /// [lo, hi]; `lo ≤ hi` is the caller's responsibility (checked in debug builds).
    public init(_ lo: Double, _ hi: Double) {
        assert(!(lo > hi), "empty interval")
        self.lo = lo
        self.hi = hi
    }

    /// The point interval [x, x] (exact: x is a double).
    public init(_ x: Double) { self.init(x, x) }

    /// The tightest double interval containing a rational (its nearest double widened by one ulp
    /// unless the conversion is exact).
    public init(enclosing r: Rational) {
        let d = r.doubleValue
        if Rational(exactly: d) == r { self.init(d) } else { self.init(d.nextDown, d.nextUp) }
    }

    /// The midpoint.
    public var mid: Double { lo == hi ? lo : lo / 2 + hi / 2 }
    /// The radius hi − lo over two (rounded up).
    public var radius: Double { ((hi - lo) / 2).nextUp }
    /// max |x| over the interval.
    public var magnitude: Double { Swift.max(abs(lo), abs(hi)) }
    /// min |x| over the interval (0 if it contains 0).
    public var mignitude: Double { lo > 0 ? lo : (hi < 0 ? -hi : 0) }
    /// Whether x lies in the interval.
    public func contains(_ x: Double) -> Bool { lo <= x && x <= hi }
    /// Whether `other` lies strictly inside this interval.
    public func strictlyContains(_ other: Interval) -> Bool { lo < other.lo && other.hi < hi }
    /// {|x|}.
    public var absolute: Interval { Interval(mignitude, magnitude) }

    /// "[lo, hi]".
    public var description: String { "[\(lo), \(hi)]" }

    /// {x + y}, outward-rounded.
    public static func + (a: Interval, b: Interval) -> Interval {
        Interval((a.lo + b.lo).nextDown, (a.hi + b.hi).nextUp)
    }
    /// {x − y}, outward-rounded.
    public static func - (a: Interval, b: Interval) -> Interval {
        Interval((a.lo - b.hi).nextDown, (a.hi - b.lo).nextUp)
    }
    /// {−x} (exact).
    public static prefix func - (a: Interval) -> Interval { Interval(-a.hi, -a.lo) }
    /// {x·y}, outward-rounded (exact 0 when a thin factor is 0).
    public static func * (a: Interval, b: Interval) -> Interval {
        if a.lo == a.hi && b.lo == b.hi {
            let p = a.lo * b.lo
            return p == 0 && (a.lo == 0 || b.lo == 0) ? Interval(0) : Interval(p.nextDown, p.nextUp)
        }
        let p1 = a.lo * b.lo, p2 = a.lo * b.hi, p3 = a.hi * b.lo, p4 = a.hi * b.hi
        return Interval(
            Swift.min(Swift.min(p1, p2), Swift.min(p3, p4)).nextDown,
            Swift.max(Swift.max(p1, p2), Swift.max(p3, p4)).nextUp)
    }
    /// a·b for a double b: the same interval as `a * Interval(b)`, from two products instead of four.
    public static func * (a: Interval, b: Double) -> Interval {
        guard a.lo != a.hi, a.lo.isFinite, a.hi.isFinite, b.isFinite else { return a * Interval(b) }
        let low = a.lo * b, high = a.hi * b
        return b >= 0 ? Interval(low.nextDown, high.nextUp) : Interval(high.nextDown, low.nextUp)
    }
    /// a = a + b.
    public static func += (a: inout Interval, b: Interval) { a = a + b }

    /// The union hull.
    public func hull(_ other: Interval) -> Interval { Interval(Swift.min(lo, other.lo), Swift.max(hi, other.hi)) }

    /// {x / y} for a divisor that does not contain 0 (`nil` when it does), outward-rounded.
    public static func / (a: Interval, b: Interval) -> Interval? {
        guard b.lo > 0 || b.hi < 0 else { return nil }
        let q1 = a.lo / b.lo, q2 = a.lo / b.hi, q3 = a.hi / b.lo, q4 = a.hi / b.hi
        return Interval(
            Swift.min(Swift.min(q1, q2), Swift.min(q3, q4)).nextDown,
            Swift.max(Swift.max(q1, q2), Swift.max(q3, q4)).nextUp)
    }
}
