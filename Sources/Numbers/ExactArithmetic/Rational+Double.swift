import BigInt

extension Rational {
    /// The exact value of a finite double, or `nil` for NaN and ±∞.
    ///
    /// A finite double is M·2ᵉ with an integer M of at most 53 bits, so the conversion loses
    /// nothing: `Rational(exactly: 1 + 0x1p-40)` is 1099511627777/1099511627776.
    public init?(exactly value: Double) {
        guard value.isFinite else { return nil }
        if value == 0 { self = .zero; return }
        var significand = UInt64(value.significand * 0x1p52)
        let zeros = significand.trailingZeroBitCount
        significand >>= zeros
        let exponent = Int(value.exponent) - Double.significandBitCount + zeros
        let signed = value < 0 ? -BigInt(significand) : BigInt(significand)
        // The significand is odd now, so m / 2^k is already in lowest terms.
        self =
            exponent >= 0
            ? Rational(signed << exponent, 1)
            : Rational(signed, BigInt(1) << -exponent)
    }

    /// The nearest double (ties to even) for results in the normal range; tiny values below
    /// 2⁻¹⁰²² may be rounded twice, huge ones become ±∞.
    public var doubleValue: Double {
        if numerator.isZero { return 0 }
        let p = numerator.magnitude, q = denominator.magnitude
        // Scale so that the integer quotient has 65 or 66 bits, then round once from 64 bits plus
        // a sticky bit.
        let shift = 66 - (p.bitWidth - q.bitWidth)
        let (quotient, remainder) =
            shift >= 0
            ? (p << shift).quotientAndRemainder(dividingBy: q)
            : p.quotientAndRemainder(dividingBy: q << -shift)
        let excess = max(0, quotient.bitWidth - 64)
        var top = UInt64(quotient >> excess)
        let dropped = excess > 0 && !(quotient & ((BigUInt(1) << excess) - 1)).isZero
        if dropped || !remainder.isZero { top |= 1 }
        let magnitude = Double(sign: .plus, exponent: excess - shift, significand: Double(top))
        return numerator.sign == .minus ? -magnitude : magnitude
    }
}

extension Double {
    /// The double nearest to an exact rational (see ``Rational/doubleValue``).
    public init(_ value: Rational) { self = value.doubleValue }
}
