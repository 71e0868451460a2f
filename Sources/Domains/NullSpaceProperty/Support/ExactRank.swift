import DenseLinearAlgebra
import ExactArithmetic

/// Rank decisions that do not depend on the scale of the data: no tolerance, no floating-point pivoting.
///
/// - Full row rank of A: every double is m·2^e with an integer m, so multiplying row i by 2^(−eᵢ) (eᵢ its
///   smallest exponent) gives an integer matrix of the same rank. Its rank modulo a prime p is at most its
///   rank over ℚ, so rank_p = m *proves* full row rank. Three primes below 2^63 are tried; a matrix that
///   fails all three is rank-deficient except in an adversarially constructed case, and small ones are
///   then settled exactly over ℚ.
/// - Kernels of column subsets A_S (|S| ≤ m, small): Gaussian elimination in exact rational arithmetic.
enum ExactRank {
    /// 2^61 − 1, 2^62 − 57 and 2^63 − 25 (primes; below 2^63 so that sums of residues do not overflow).
    static let primes: [UInt64] = [2_305_843_009_213_693_951, 4_611_686_018_427_387_847, 9_223_372_036_854_775_783]

    /// The largest m·n for which a modular rank deficiency is re-checked over ℚ.
    static let exactLimit = 4_096

    /// The rank of A, decided without tolerance: exactly when the matrix is small or has full row rank,
    /// otherwise the largest rank modulo the three primes (a lower bound on the rank over ℚ that equals it
    /// except for an adversarial choice of entries).
    /// - Returns: the rank and whether it is proven.
    /// - Complexity: O(m²·n) word operations per prime; O(m²·n) rational operations when small.
    static func rank(_ a: Matrix<Double>) -> (rank: Int, proven: Bool) {
        var best = 0
        for p in primes {
            best = max(best, rankModulo(p, a))
            if best == a.rows { return (best, true) }
        }
        guard a.rows * a.columns <= exactLimit, let exact = exactMatrix(a) else { return (best, false) }
        return (kernel(exact).rank, true)
    }

    /// The exact rational matrix of a finite double matrix (`nil` if an entry is not finite).
    static func exactMatrix(_ a: Matrix<Double>) -> Matrix<Rational>? {
        var entries: [Rational] = []
        entries.reserveCapacity(a.elements.count)
        for value in a.elements {
            guard let exact = Rational(exactly: value) else { return nil }
            entries.append(exact)
        }
        return Matrix(rows: a.rows, columns: a.columns, elements: entries)
    }

    /// The rank of the integer matrix (rows scaled by powers of two) of A modulo p.
    /// - Complexity: O(m²·n) multiplications modulo p.
    static func rankModulo(_ p: UInt64, _ a: Matrix<Double>) -> Int {
        var rows = (0..<a.rows).map { i in residues(a.row(i), modulo: p) }
        var rank = 0
        for column in 0..<a.columns where rank < rows.count {
            guard let pivot = (rank..<rows.count).first(where: { rows[$0][column] != 0 }) else { continue }
            rows.swapAt(rank, pivot)
            let inverse = power(rows[rank][column], p - 2, p)
            for i in (rank + 1)..<rows.count where rows[i][column] != 0 {
                let factor = multiply(rows[i][column], inverse, p)
                for j in column..<a.columns where rows[rank][j] != 0 {
                    rows[i][j] = subtract(rows[i][j], multiply(factor, rows[rank][j], p), p)
                }
            }
            rank += 1
        }
        return rank
    }

    /// x·2^(−e) mod p for the entries x of one row, e the row's smallest binary exponent (all integers).
    static func residues(_ row: [Double], modulo p: UInt64) -> [UInt64] {
        let parts = row.map { x -> (mantissa: UInt64, exponent: Int, negative: Bool) in
            guard x != 0 else { return (0, 0, false) }
            let raw = x.significandBitPattern, biased = Int(x.exponentBitPattern)
            let mantissa = biased == 0 ? raw : raw | (1 << 52)
            return (mantissa, (biased == 0 ? 1 : biased) - 1075, x < 0)
        }
        let smallest = parts.filter { $0.mantissa != 0 }.map(\.exponent).min() ?? 0
        return parts.map { part in
            guard part.mantissa != 0 else { return 0 }
            let value = multiply(part.mantissa % p, power(2, UInt64(part.exponent - smallest), p), p)
            return part.negative && value != 0 ? p - value : value
        }
    }

    static func multiply(_ a: UInt64, _ b: UInt64, _ p: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return p.dividingFullWidth((high, low)).remainder
    }

    static func subtract(_ a: UInt64, _ b: UInt64, _ p: UInt64) -> UInt64 { a >= b ? a - b : a + (p - b) }

    static func power(_ base: UInt64, _ exponent: UInt64, _ p: UInt64) -> UInt64 {
        var result: UInt64 = 1, base = base % p, exponent = exponent
        while exponent > 0 {
            if exponent & 1 == 1 { result = multiply(result, base, p) }
            base = multiply(base, base, p)
            exponent >>= 1
        }
        return result
    }

    /// The rank of an exact matrix and a basis of its kernel (vectors of length `columns`), by Gauss–Jordan
    /// elimination over ℚ.
    /// - Complexity: O(m·n·min(m, n)) rational operations.
    static func kernel(_ a: Matrix<Rational>) -> (rank: Int, basis: [[Rational]]) {
        var rows = a.rowArrays
        var pivots: [Int] = []
        for column in 0..<a.columns where pivots.count < rows.count {
            let r = pivots.count
            guard let pivot = (r..<rows.count).first(where: { rows[$0][column] != .zero }) else { continue }
            rows.swapAt(r, pivot)
            let inverse = 1 / rows[r][column]
            rows[r] = rows[r].map { $0 * inverse }
            for i in rows.indices where i != r && rows[i][column] != .zero {
                let factor = rows[i][column]
                for j in column..<a.columns where rows[r][j] != .zero { rows[i][j] = rows[i][j] - factor * rows[r][j] }
            }
            pivots.append(column)
        }
        let free = (0..<a.columns).filter { !pivots.contains($0) }
        let basis = free.map { f -> [Rational] in
            var v = Array(repeating: Rational.zero, count: a.columns)
            v[f] = 1
            for (r, column) in pivots.enumerated() { v[column] = .zero - rows[r][f] }
            return v
        }
        return (pivots.count, basis)
    }
}
