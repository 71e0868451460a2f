import BigInt

extension Interval {
    /// An enclosure of the exact quotient p/q of two integers (q ≠ 0) at most a few ulps wide, without
    /// reducing the fraction (no gcd): p·2^k is divided by q so that the integer quotient has 65–67 bits,
    /// its top 64 bits t give t·2^e ≤ p/q·2^k < (t + 1)·2^e, and both ends are rounded outwards and scaled.
    /// When p/q is a double the interval is that point.
    /// - Complexity: one big-integer division (a shift when q is a power of two).
    public init(quotient p: BigInt, over q: BigInt) {
        guard !p.isZero, !q.isZero else {
            self.init(q.isZero ? -.infinity : 0, q.isZero ? .infinity : 0)
            return
        }
        let a = p.magnitude, b = q.magnitude
        let shift = 66 - (a.bitWidth - b.bitWidth)
        let quotient: BigUInt, divides: Bool
        if b.trailingZeroBitCount == b.bitWidth - 1 {
            // q = ±2^k: the quotient is a shift, exact unless it drops set bits.
            let left = shift - (b.bitWidth - 1)
            quotient = left >= 0 ? a << left : a >> -left
            divides = left >= 0 || a.trailingZeroBitCount >= -left
        } else {
            let (whole, remainder) =
                shift >= 0
                ? (a << shift).quotientAndRemainder(dividingBy: b)
                : a.quotientAndRemainder(dividingBy: b << -shift)
            (quotient, divides) = (whole, remainder.isZero)
        }
        let excess = Swift.max(0, quotient.bitWidth - 64)
        let top = UInt64(truncatingIfNeeded: quotient >> excess)  // t·2^excess ≤ quotient < (t + 1)·2^excess
        var low = Double(top).nextDown, high = Double(top).nextUp  // top ≥ 2⁶³: |Double(top) − top| ≤ 2¹⁰ < ulp
        if divides, quotient == BigUInt(top) << excess, let exact = Double(exactly: top) {
            (low, high) = (exact, exact)  // p/q is a double (up to the scaling below)
        }
        let scale = excess - shift
        let lower = Self.scaled(low, scale, up: false), upper = Self.scaled(high, scale, up: true)
        if (p.sign == .minus) != (q.sign == .minus) { self.init(-upper, -lower) } else { self.init(lower, upper) }
    }

}
