import BigInt
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
    /// Σₖ aₖ·bₖ for slices of equal length: the kernel of every matrix product. Each type computes it in
    /// its own fastest way (a plain loop for doubles, integers over a common denominator for rationals).
    static func sumOfProducts(_ a: ArraySlice<Self>, _ b: ArraySlice<Self>) -> Self
    /// A·x, the kernel of `Matrix.multiply(_:)` for vectors. The default takes one ``sumOfProducts(_:_:)`` per row;
    /// rationals bring x over its common denominator once for all rows.
    static func product(_ a: Matrix<Self>, _ x: [Self]) -> [Self]
    /// Aᵀ·y, the kernel of ``Matrix/multiplyTransposed(_:)``. The default multiplies the transposed matrix
    /// (one ``sumOfProducts(_:_:)`` per column); doubles accumulate row after row instead (the same sums in
    /// the same order, without a transposed copy).
    static func transposedProduct(_ a: Matrix<Self>, _ y: [Self]) -> [Self]
}

extension LinearAlgebraScalar {
    /// Σₖ aₖ·bₖ term by term.
    public static func sumOfProducts(_ a: ArraySlice<Self>, _ b: ArraySlice<Self>) -> Self {
        var sum = Self.zero
        for (x, y) in zip(a, b) where x != .zero { sum += x * y }
        return sum
    }

    /// A·x, row by row.
    public static func product(_ a: Matrix<Self>, _ x: [Self]) -> [Self] {
        let n = a.columns
        return (0..<a.rows).map { i in sumOfProducts(a.elements[i * n..<(i + 1) * n], x[...]) }
    }

    /// (Aᵀ)·y.
    public static func transposedProduct(_ a: Matrix<Self>, _ y: [Self]) -> [Self] { a.transposed.multiply(y) }
}

extension Double: LinearAlgebraScalar {
    /// Doubles round: `false`.
    public static var isExact: Bool { false }
    /// u = 2⁻⁵³.
    public static var unitRoundoff: Double { Double.ulpOfOne / 2 }
    /// The value itself.
    public var doubleValue: Double { self }

    /// Σ aᵢ·bᵢ in double precision (one kernel, specialized for doubles).
    public static func sumOfProducts(_ a: ArraySlice<Double>, _ b: ArraySlice<Double>) -> Double {
        var sum = 0.0
        for (x, y) in zip(a, b) { sum += x * y }
        return sum
    }

    /// Row after row: result += yᵢ·(row i), which adds the terms of each column in the order of
    /// ``sumOfProducts(_:_:)`` on the transposed matrix, so the results are the same to the bit.
    public static func transposedProduct(_ a: Matrix<Double>, _ y: [Double]) -> [Double] {
        let columns = a.columns
        var result = [Double](repeating: 0, count: columns)
        result.withUnsafeMutableBufferPointer { sum in
            a.elements.withUnsafeBufferPointer { entries in
                for (i, weight) in y.enumerated() {
                    let row = i * columns
                    for j in 0..<columns { sum[j] += entries[row + j] * weight }
                }
            }
        }
        return result
    }
}

extension Rational: LinearAlgebraScalar {
    /// Rationals are exact: `true`.
    public static var isExact: Bool { true }
    /// No rounding: 0.
    public static var unitRoundoff: Double { 0 }

    /// Σₖ aₖ·bₖ as one integer dot product over the common denominators of a and b, and a single
    /// reduction at the end — instead of a gcd for every term.
    public static func sumOfProducts(_ a: ArraySlice<Rational>, _ b: ArraySlice<Rational>) -> Rational {
        integerSum(Rational.overCommonDenominator(a), Rational.overCommonDenominator(b))
    }

    /// A·x with x over its common denominator once, each row over its own.
    public static func product(_ a: Matrix<Rational>, _ x: [Rational]) -> [Rational] {
        let n = a.columns, vector = Rational.overCommonDenominator(x)
        return (0..<a.rows).map { i in
            integerSum(Rational.overCommonDenominator(a.elements[i * n..<(i + 1) * n]), vector)
        }
    }

    /// (Σₖ pₖ·qₖ)/(l·m) for p/l and q/m, integers over common denominators.
    private static func integerSum(
        _ a: (numerators: [BigInt], denominator: BigInt), _ b: (numerators: [BigInt], denominator: BigInt)
    ) -> Rational {
        var sum = BigInt(0)
        for (x, y) in zip(a.numerators, b.numerators) where !x.isZero && !y.isZero { sum += x * y }
        return Rational(sum, a.denominator * b.denominator)
    }
}
