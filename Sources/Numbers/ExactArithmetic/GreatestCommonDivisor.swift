import BigInt

/// gcd(a, b) by Lehmer's algorithm: the Euclidean algorithm run on the leading 62 bits of a and b in machine
/// words, applied to the full numbers only once per batch of quotients (Knuth, TAOCP vol. 2, §4.5.2,
/// Algorithm L).
///
/// Each batch costs one pass over the words of a and b (four word products per word, into reused buffers) and
/// removes about 30 bits; the binary gcd of `BigUInt.greatestCommonDivisor(with:)` removes about one bit per
/// pass over the words. On the 10⁴-digit fractions of exact LP verification this is the difference between
/// most of the run time and a tenth of it.
///
/// - Returns: gcd(a, b) (gcd(a, 0) = a).
/// - Complexity: O(b²/w) word operations for b-bit operands and w = 64, against O(b²) for the binary gcd.
public func greatestCommonDivisor(_ a: BigUInt, _ b: BigUInt) -> BigUInt {
    let (larger, smaller) = a >= b ? (a, b) : (b, a)
    var x = Array(larger.words), y = Array(smaller.words)
    var nextX: [UInt] = [], nextY: [UInt] = []
    while y.count > 1 {
        let shift = x.bitWidth - 62
        let step = LehmerStep(leading: x.leadingBits(from: shift), y.leadingBits(from: shift))
        // The cofactor matrix is unimodular, so any non-negative result keeps the gcd; requiring y to shrink
        // (as Knuth's test ensures) keeps the loop finite even if it did not.
        if step.b != 0, step.combine(x, y, into: &nextX, &nextY), nextY.precedes(y), !nextX.precedes(nextY) {
            swap(&x, &nextX)
            swap(&y, &nextY)
        } else {
            let remainder = BigUInt(words: x) % BigUInt(words: y)
            (x, y) = (y, Array(remainder.words))
        }
    }
    guard let small = y.first, small != 0 else { return BigUInt(words: x) }
    var (u, v) = (UInt64(BigUInt(words: x) % BigUInt(small)), UInt64(small))
    while u != 0 { (u, v) = (v % u, u) }
    return BigUInt(v)
}

/// The cofactors of one batch of Lehmer's algorithm: the quotients of the Euclidean algorithm on the leading
/// bits x, y of a, b that are certain to be those of a, b themselves (Knuth's test: the quotients of
/// (x + A)/(y + C) and (x + B)/(y + D) agree), accumulated in the matrix ((A, B), (C, D)), so that
/// (A·a + B·b, C·a + D·b) are two consecutive remainders of the Euclidean algorithm on (a, b).
private struct LehmerStep {
    var a = 1, b = 0, c = 0, d = 1

    /// Runs the word-size Euclidean algorithm on x ≥ y (both below 2⁶²) while its quotients are certain.
    init(leading x: Int, _ y: Int) {
        var (x, y) = (x, y)
        while y + c > 0, y + d > 0 {
            let q = (x + a) / (y + c)
            guard q == (x + b) / (y + d) else { break }
            let (qc, overflowC) = q.multipliedReportingOverflow(by: c)
            let (qd, overflowD) = q.multipliedReportingOverflow(by: d)
            guard !overflowC, !overflowD else { break }
            (a, c) = (c, a - qc)
            (b, d) = (d, b - qd)
            (x, y) = (y, x - q * y)
        }
    }

    /// (A·x + B·y, C·x + D·y) into the two buffers, word by word with no allocation beyond the buffers; false
    /// when a result is negative or does not fit (which the algorithm rules out: the caller then divides).
    /// - Complexity: O(words of x).
    func combine(_ x: [UInt], _ y: [UInt], into first: inout [UInt], _ second: inout [UInt]) -> Bool {
        Self.combine(a, x, b, y, into: &first) && Self.combine(c, x, d, y, into: &second)
    }

    /// p·x + q·y for p, q of opposite signs (or one zero), x ≥ y, into `result` (no zero words at the top); false
    /// if it is negative.
    private static func combine(_ p: Int, _ x: [UInt], _ q: Int, _ y: [UInt], into result: inout [UInt]) -> Bool {
        guard p >= 0 ? q <= 0 : q >= 0 else { return false }
        // p·x + q·y = plus·u − minus·w with plus, minus ≥ 0.
        let (plus, u, minus, w) = p >= 0 ? (UInt(p), x, q.magnitude, y) : (UInt(q), y, p.magnitude, x)
        result.removeAll(keepingCapacity: true)
        var carryPlus: UInt = 0, carryMinus: UInt = 0, borrow = false
        for i in 0..<x.count {
            let (highPlus, lowPlus) = plus.multipliedFullWidth(by: i < u.count ? u[i] : 0)
            let (sumPlus, overflowPlus) = lowPlus.addingReportingOverflow(carryPlus)
            carryPlus = highPlus &+ (overflowPlus ? 1 : 0)
            let (highMinus, lowMinus) = minus.multipliedFullWidth(by: i < w.count ? w[i] : 0)
            let (sumMinus, overflowMinus) = lowMinus.addingReportingOverflow(carryMinus)
            carryMinus = highMinus &+ (overflowMinus ? 1 : 0)
            let (difference, borrowed) = sumPlus.subtractingReportingOverflow(sumMinus)
            let (word, borrowedAgain) = difference.subtractingReportingOverflow(borrow ? 1 : 0)
            borrow = borrowed || borrowedAgain
            result.append(word)
        }
        while result.last == 0 { result.removeLast() }
        // The value fits in x's words exactly when the top carries cancel.
        return carryPlus == carryMinus &+ (borrow ? 1 : 0)
    }
}

extension [UInt] {
    /// The number of significant bits of the little-endian words (no leading zero words).
    fileprivate var bitWidth: Int { isEmpty ? 0 : count * UInt.bitWidth - last!.leadingZeroBitCount }

    /// The 62 bits starting at bit `shift` (⌊value / 2^shift⌋ when that is below 2⁶²), as an `Int`; a negative
    /// shift counts as zero.
    fileprivate func leadingBits(from shift: Int) -> Int {
        let shift = Swift.max(0, shift)
        let (index, offset) = shift.quotientAndRemainder(dividingBy: UInt.bitWidth)
        guard index < count else { return 0 }
        var bits = self[index] >> offset
        if offset > 0, index + 1 < count { bits |= self[index + 1] << (UInt.bitWidth - offset) }
        return Int(bits & ((1 << 62) - 1))
    }

    /// Whether these little-endian words (no zero words at the top) denote a smaller number than `other`.
    fileprivate func precedes(_ other: [UInt]) -> Bool {
        guard count == other.count else { return count < other.count }
        for (mine, theirs) in zip(reversed(), other.reversed()) where mine != theirs { return mine < theirs }
        return false
    }
}
