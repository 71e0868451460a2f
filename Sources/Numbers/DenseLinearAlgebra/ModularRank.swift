import BigInt
import ExactArithmetic

extension Matrix where Scalar == Rational {
    /// Whether the columns `indices` are linearly independent over ℚ, proven by their rank modulo a prime.
    ///
    /// Reduction modulo p is a ring map ℤ_(p) → 𝔽_p, so a nonzero k×k minor modulo p is a nonzero minor over ℚ:
    /// rank modulo p = k proves full column rank. The converse can fail (p may divide every k×k minor), so
    /// `false` means "not proven": decide with exact elimination then. Primes that divide a denominator are
    /// skipped.
    ///
    /// - Complexity: O(m·k·min(m, k)) word operations per prime tried, plus one reduction per entry.
    public func columnsAreIndependentModuloPrime(_ indices: [Int]) -> Bool {
        let k = indices.count
        guard k <= rows else { return false }
        guard k > 0 else { return true }
        for prime in PrimeField.primes {
            let field = PrimeField(prime: prime)
            var reduced = [UInt64](repeating: 0, count: rows * k)
            var usable = true
            for i in 0..<rows {
                for (c, j) in indices.enumerated() where self[i, j] != .zero {
                    let denominator = field.reduce(self[i, j].denominator)
                    guard denominator != 0 else {
                        usable = false
                        break
                    }
                    reduced[i * k + c] = field.multiply(field.reduce(self[i, j].numerator), field.inverse(denominator))
                }
                if !usable { break }
            }
            if usable, field.rank(of: reduced, rows: rows, columns: k) == k { return true }
        }
        return false
    }
}
