import ExactArithmetic

/// Random s-sparse signals x₀ on a dyadic grid.
public enum SparseSignal {
    /// An s-sparse vector of length n: the support is a uniformly random s-subset
    /// (``SplitMix64/nextSubset(of:count:)``), the signs are `signs` or, when `nil`, random (one draw each,
    /// top bit; the draws are made in either case, so giving signs changes nothing else), and the magnitudes are `1 + |g|` rounded to `grid` for Gaussian g — at least 1, so no
    /// entry rounds to zero and the support is exactly the chosen one. Draws happen in that order.
    ///
    /// - Parameters:
    ///   - length: n.
    ///   - sparsity: s, in 0…n.
    ///   - signs: s values, each +1 or −1, in the order of the sorted support; or `nil` for random signs.
    ///   - grid: the grid of the magnitudes (default 2⁻⁴).
    ///   - generator: the random stream.
    /// - Throws: ``ProblemDataError`` when s is out of range or `signs` has the wrong length or values.
    public static func random(
        length: Int, sparsity: Int, signs: [Int]? = nil, grid: DyadicGrid = DyadicGrid(exponent: 4),
        generator: inout SplitMix64
    ) throws(ProblemDataError) -> [Rational] {
        guard length >= 1, (0...length).contains(sparsity) else {
            throw ProblemDataError("the sparsity s = \(sparsity) must lie between 0 and the length n = \(length)")
        }
        if let signs {
            guard signs.count == sparsity, signs.allSatisfy({ $0 == 1 || $0 == -1 }) else {
                throw ProblemDataError(
                    "give exactly s = \(sparsity) signs, each +1 or -1 (found \(signs.count): \(signs))")
            }
        }
        let support = generator.nextSubset(of: length, count: sparsity)
        var chosenSigns: [Int] = []
        for _ in support { chosenSigns.append(generator.next() >> 63 == 0 ? 1 : -1) }
        if let signs { chosenSigns = signs }
        var signal = [Rational](repeating: .zero, count: length)
        for (k, index) in support.enumerated() {
            let magnitude = grid.round(1 + abs(generator.nextGaussian()))
            signal[index] = chosenSigns[k] == 1 ? magnitude : -magnitude
        }
        return signal
    }
}
