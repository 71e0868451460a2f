import BigInt

/// Σₜ aₜ·kₜ for big integers aₜ and machine-word factors kₜ, accumulated in place: the products with a positive
/// sign and those with a negative one are each added word by word into one growing magnitude
/// (`BigUInt.multiplyAndAdd`), and subtracted once at the end — no big-integer temporary per term, where
/// `sum += a * k` allocates the product and often the sum.
///
/// Used by the exact sums whose terms are a large integer times a small one: the support frame's integer
/// coupling (`IntegerColumns`) and the products W·b of fraction-free solves with many right-hand sides.
public struct ProductSum: Sendable {
    private var positive = BigUInt(0)
    private var negative = BigUInt(0)

    /// The empty sum, 0.
    public init() {}

    /// Adds a·k.
    /// - Complexity: O(words of a) word operations (amortized: the magnitudes grow in place).
    public mutating func add(_ a: BigInt, times k: Int) {
        guard k != 0, !a.isZero else { return }
        if (k < 0) == (a.sign == .minus) {
            positive.multiplyAndAdd(a.magnitude, k.magnitude)
        } else {
            negative.multiplyAndAdd(a.magnitude, k.magnitude)
        }
    }

    /// The sum.
    /// - Complexity: one big-integer subtraction.
    public var value: BigInt { BigInt(positive) - BigInt(negative) }
}
