import BigInt

/// Arithmetic modulo a prime p < 2⁶², on `UInt64` with full-width products: the field in which exact solvers
/// do their O(n³) work on machine words instead of big integers.
struct PrimeField: Sendable, Hashable {
    /// p.
    let prime: UInt64

    /// Primes just below 2⁶², tried in turn when a matrix is singular modulo one of them.
    static let primes: [UInt64] = [4_611_686_018_427_387_847, 4_611_686_018_427_387_817, 4_611_686_018_427_387_787]

    /// a·b mod p.
    @inline(__always)
    func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return prime.dividingFullWidth((high, low)).remainder
    }

    /// Σⱼ aⱼ·bⱼ mod p for entries below p, with one reduction at the end: the products (below 2¹²⁴) are summed
    /// in three words, which hold up to 2⁶⁴ of them.
    /// - Complexity: O(k) word products and two full-width divisions for k terms.
    func sumOfProducts(_ a: ArraySlice<UInt64>, _ b: [UInt64]) -> UInt64 {
        var low: UInt64 = 0, middle: UInt64 = 0, high: UInt64 = 0
        for (x, y) in zip(a, b) where y != 0 {
            let (productHigh, productLow) = x.multipliedFullWidth(by: y)
            let (sum, carry) = low.addingReportingOverflow(productLow)
            low = sum
            let (upper, carryUp) = middle.addingReportingOverflow(productHigh &+ (carry ? 1 : 0))
            middle = upper
            if carryUp { high &+= 1 }
        }
        let top = prime.dividingFullWidth((high % prime, middle)).remainder
        return prime.dividingFullWidth((top, low)).remainder
    }

    /// a − b mod p, for a, b < p.
    @inline(__always)
    func subtract(_ a: UInt64, _ b: UInt64) -> UInt64 { a >= b ? a &- b : a &+ (prime &- b) }

    /// a⁻¹ mod p for a ≠ 0 (Fermat: a^(p−2)).
    func inverse(_ a: UInt64) -> UInt64 {
        var result: UInt64 = 1, base = a, exponent = prime - 2
        while exponent > 0 {
            if exponent & 1 == 1 { result = multiply(result, base) }
            base = multiply(base, base)
            exponent >>= 1
        }
        return result
    }

    /// x mod p in [0, p).
    func reduce(_ x: BigInt) -> UInt64 {
        let remainder = UInt64(x.magnitude % BigUInt(prime))
        return x.sign == .minus && remainder != 0 ? prime - remainder : remainder
    }

    /// B⁻¹ mod p by Gauss–Jordan elimination, row-major, or `nil` when B is singular modulo p.
    ///
    /// - Complexity: O(n³) word operations.
    func inverse(of matrix: [UInt64], dimension n: Int) -> [UInt64]? {
        let width = 2 * n
        var a = [UInt64](repeating: 0, count: n * width)
        for i in 0..<n {
            for j in 0..<n { a[i * width + j] = matrix[i * n + j] }
            a[i * width + n + i] = 1
        }
        for k in 0..<n {
            guard let pivotRow = (k..<n).first(where: { a[$0 * width + k] != 0 }) else { return nil }
            if pivotRow != k { for j in 0..<width { a.swapAt(k * width + j, pivotRow * width + j) } }
            let scale = inverse(a[k * width + k])
            for j in k..<width { a[k * width + j] = multiply(a[k * width + j], scale) }
            for i in 0..<n where i != k && a[i * width + k] != 0 {
                let factor = a[i * width + k]
                for j in k..<width where a[k * width + j] != 0 {
                    a[i * width + j] = subtract(a[i * width + j], multiply(factor, a[k * width + j]))
                }
            }
        }
        return (0..<n).flatMap { i in a[(i * width + n)..<(i * width + width)] }
    }

    /// The rank of an m×k matrix modulo p (row-major), by Gaussian elimination.
    ///
    /// - Complexity: O(m·k·min(m, k)) word operations.
    func rank(of matrix: [UInt64], rows m: Int, columns k: Int) -> Int {
        var a = matrix
        var rank = 0
        for column in 0..<k where rank < m {
            guard let pivotRow = (rank..<m).first(where: { a[$0 * k + column] != 0 }) else { continue }
            if pivotRow != rank { for j in column..<k { a.swapAt(rank * k + j, pivotRow * k + j) } }
            let scale = inverse(a[rank * k + column])
            for i in (rank + 1)..<m where a[i * k + column] != 0 {
                let factor = multiply(a[i * k + column], scale)
                for j in column..<k where a[rank * k + j] != 0 {
                    a[i * k + j] = subtract(a[i * k + j], multiply(factor, a[rank * k + j]))
                }
            }
            rank += 1
        }
        return rank
    }
}
