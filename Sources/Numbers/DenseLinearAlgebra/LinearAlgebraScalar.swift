import ExactArithmetic

/// A number type the dense linear algebra works with: a field with an ordered magnitude.
///
/// `Double` is the working precision; ``ExactArithmetic/Rational`` makes the same algorithms exact
/// (pivots are then taken as the largest magnitude, and "zero" means exactly zero). Extended-precision
/// types conform in the same way, so one implementation of each algorithm serves all of them.
public protocol LinearAlgebraScalar: SignedNumeric, Comparable, Hashable, Sendable where Magnitude == Self {
    /// The exact quotient (for floating-point types, the rounded one).
    static func / (lhs: Self, rhs: Self) -> Self
    /// Whether values of this type are exact, so that a pivot is zero only when it equals zero.
    static var isExact: Bool { get }
    /// The relative rounding unit (0 for exact types), used to decide numerical rank.
    static var unitRoundoff: Double { get }
    /// The value as the nearest double.
    var doubleValue: Double { get }
}

extension Double: LinearAlgebraScalar {
    public static var isExact: Bool { false }
    public static var unitRoundoff: Double { Double.ulpOfOne / 2 }
    public var doubleValue: Double { self }
}

extension Rational: LinearAlgebraScalar {
    public static var isExact: Bool { true }
    public static var unitRoundoff: Double { 0 }
}
