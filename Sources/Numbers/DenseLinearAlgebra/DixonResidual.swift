import BigInt

/// The residuals r of Dixon's lifting (see ``DixonSolver``) with B's entries, in fixed-width machine words: one
/// step r ← (r − B·x)/p is then n² word products and additions with no allocation, instead of n² big-integer
/// products.
///
/// Each residual is a two's-complement integer of `width` words. The width is fixed from the start: with
/// M = max |Bᵢⱼ| and digits below p, |r − B·x| ≤ |r| + n·M·p, and |r| stays below max(‖b‖_∞, 2·n·M) after
/// every exact division by p ≥ 2; so max(log₂‖b‖_∞, log₂ M + log₂ n + 62) + 3 bits hold every intermediate
/// value with its sign.
struct DixonResidual {
    private let n: Int
    /// Words per |Bᵢⱼ|.
    private let limbs: Int
    /// Words per residual.
    private let width: Int
    /// |Bᵢⱼ| in `limbs` little-endian words each, row-major.
    private let magnitudes: [UInt64]
    private let negative: [Bool]
    /// rᵢ in `width` little-endian two's-complement words each.
    private var words: [UInt64]

    /// B (row-major, n×n) and r₀ = b.
    /// - Complexity: O(n²·L) for L words per entry.
    init(matrix: [BigInt], dimension n: Int, side: [BigInt]) {
        let entryBits = matrix.map(\.magnitude.bitWidth).max() ?? 0
        let sideBits = side.map(\.magnitude.bitWidth).max() ?? 0
        let bits = Swift.max(sideBits, entryBits + (Int.bitWidth - n.leadingZeroBitCount) + 62) + 3
        self.n = n
        limbs = Swift.max(1, (entryBits + 63) / 64)
        width = (bits + 63) / 64
        var magnitudes = [UInt64](repeating: 0, count: n * n * limbs)
        for (k, entry) in matrix.enumerated() {
            for (l, word) in entry.magnitude.words.enumerated() { magnitudes[k * limbs + l] = UInt64(word) }
        }
        self.magnitudes = magnitudes
        negative = matrix.map { $0.sign == .minus && !$0.isZero }
        words = [UInt64](repeating: 0, count: n * width)
        for (i, value) in side.enumerated() {
            for (l, word) in value.magnitude.words.enumerated() { words[i * width + l] = UInt64(word) }
            if value.sign == .minus && !value.isZero { negate(row: i) }
        }
    }

    /// rᵢ mod p in [0, p).
    /// - Complexity: O(width).
    func reduced(_ i: Int, modulo p: UInt64) -> UInt64 {
        let base = i * width
        let isNegative = words[base + width - 1] >> 63 == 1
        var remainder: UInt64 = 0
        for l in stride(from: width - 1, through: 0, by: -1) {
            // For r < 0 Horner's rule runs on the bitwise complement ~r = |r| − 1.
            let word = isNegative ? ~words[base + l] : words[base + l]
            remainder = p.dividingFullWidth((remainder, word)).remainder
        }
        guard isNegative else { return remainder }
        let magnitude = remainder + 1 == p ? 0 : remainder + 1
        return magnitude == 0 ? 0 : p - magnitude
    }

    /// r ← (r − B·x)/p for the digit vector x (entries below p), an exact division.
    /// - Complexity: O(n²·L·width) word operations.
    mutating func step(digits x: [UInt64], prime p: UInt64) {
        var product = [UInt64](repeating: 0, count: limbs + 1)
        for i in 0..<n {
            for j in 0..<n where x[j] != 0 {
                let entry = (i * n + j) * limbs
                var high: UInt64 = 0
                for l in 0..<limbs {
                    let (h, low) = magnitudes[entry + l].multipliedFullWidth(by: x[j])
                    let (sum, overflow) = low.addingReportingOverflow(high)
                    product[l] = sum
                    high = h &+ (overflow ? 1 : 0)
                }
                product[limbs] = high
                accumulate(product, row: i, subtracting: !negative[i * n + j])
            }
            divide(row: i, by: p)
        }
    }

    /// rᵢ ← rᵢ − value (`subtracting`) or rᵢ + value, the borrow or carry taken through rᵢ's words.
    private mutating func accumulate(_ value: [UInt64], row i: Int, subtracting: Bool) {
        let base = i * width
        var carry = false
        for l in 0..<width {
            if !carry && l >= value.count { break }
            let operand = l < value.count ? value[l] : 0, bit: UInt64 = carry ? 1 : 0
            let (first, overflow) =
                subtracting
                ? words[base + l].subtractingReportingOverflow(operand)
                : words[base + l].addingReportingOverflow(operand)
            let (second, overflowAgain) =
                subtracting ? first.subtractingReportingOverflow(bit) : first.addingReportingOverflow(bit)
            words[base + l] = second
            carry = overflow || overflowAgain
        }
    }

    private mutating func negate(row i: Int) {
        let base = i * width
        var carry = true
        for l in 0..<width {
            let (sum, overflow) = (~words[base + l]).addingReportingOverflow(carry ? 1 : 0)
            words[base + l] = sum
            carry = overflow
        }
    }

    /// rᵢ ← rᵢ/p, exact: the magnitude divided word by word from the top.
    private mutating func divide(row i: Int, by p: UInt64) {
        let base = i * width
        let isNegative = words[base + width - 1] >> 63 == 1
        if isNegative { negate(row: i) }
        var remainder: UInt64 = 0
        for l in stride(from: width - 1, through: 0, by: -1) {
            let (quotient, rest) = p.dividingFullWidth((remainder, words[base + l]))
            words[base + l] = quotient
            remainder = rest
        }
        if isNegative { negate(row: i) }
    }
}
