import BigInt

extension Rational {
    /// The least common multiple of the denominators (1 for no values).
    /// - Complexity: one gcd per value whose denominator does not already divide the running multiple; none
    ///   for powers of two (every double's denominator) or a denominator equal to the multiple.
    public static func commonDenominator(of values: some Sequence<Rational>) -> BigInt {
        values.reduce(BigInt(1)) { multiple, value in
            let denominator = value.denominator
            if denominator == 1 || denominator == multiple { return multiple }
            if isPowerOfTwo(denominator.magnitude) && isPowerOfTwo(multiple.magnitude) {
                return Swift.max(multiple, denominator)
            }
            return multiple % denominator == 0
                ? multiple
                : multiple / BigInt(greatestCommonDivisor(multiple.magnitude, denominator.magnitude)) * denominator
        }
    }

    /// The values as integers over one denominator L: `values[k] = numerators[k] / L`.
    ///
    /// Integer arithmetic on the numerators then replaces rational arithmetic (no gcd per operation),
    /// which is how exact dot products and exact LP bases are computed fast.
    public static func overCommonDenominator(
        _ values: some Collection<Rational>
    ) -> (numerators: [BigInt], denominator: BigInt) {
        let denominator = commonDenominator(of: values)
        return (values.map { $0.numerator * (denominator / $0.denominator) }, denominator)
    }
}
