import ExactArithmetic
import Foundation

/// The grid of multiples of 2⁻ᵏ, onto which generated data are rounded so that they are exact doubles and
/// products such as `A x₀` are computed exactly (DESIGN.md §1.3).
///
/// A on 2⁻¹⁰ and x₀ on 2⁻⁴ put y = A x₀ on 2⁻¹⁴: every entry is then a double, and y lies exactly in
/// range(A_S), so x₀ really is the basis pursuit solution whenever recovery holds.
public struct DyadicGrid: Sendable, Hashable, CustomStringConvertible {
    /// k: the grid spacing is 2⁻ᵏ.
    public let exponent: Int

    /// The grid of multiples of 2⁻ᵏ.
    /// - Precondition: `0 ≤ exponent ≤ 60`.
    public init(exponent: Int) {
        precondition((0...60).contains(exponent), "DyadicGrid exponent must lie in 0…60")
        self.exponent = exponent
    }

    /// The spacing 2⁻ᵏ.
    public var spacing: Rational { Rational(1, 1 << exponent) }

    /// The grid point nearest to `value` (ties away from zero), exactly.
    /// - Precondition: `value` is finite and `|value|·2ᵏ < 2⁶³`.
    public func round(_ value: Double) -> Rational {
        Rational(multiple(nearest: value), 1 << exponent)
    }

    /// The integer q of the grid point q·2⁻ᵏ nearest to `value` (ties away from zero).
    /// - Precondition: `value` is finite and `|value|·2ᵏ < 2⁶³`.
    public func multiple(nearest value: Double) -> Int {
        let scaled = (value * Double(sign: .plus, exponent: exponent, significand: 1)).rounded(.toNearestOrAwayFromZero)
        precondition(scaled.isFinite && abs(scaled) < 0x1p63, "DyadicGrid.round: \(value) is outside the grid's range")
        return Int(scaled)
    }

    /// q·2⁻ᵏ as a double: exact whenever |q| ≤ 2⁵³.
    public func value(ofMultiple q: Int) -> Double { scalbn(Double(q), -exponent) }

    /// `multiples of 2^-k`.
    public var description: String { "multiples of 2^-\(exponent)" }
}
