import BigInt
import ExactArithmetic
import Foundation

/// Exact solution of integer linear systems by Dixon's p-adic lifting.
///
/// With C = B⁻¹ mod p for a prime p < 2⁶² (computed once, on machine words), the digits of x = B⁻¹b in base p
/// follow from r₀ = b, xᵢ = C·rᵢ mod p, rᵢ₊₁ = (rᵢ − B·xᵢ)/p (an exact division), so that
/// B·(x₀ + x₁p + … + x_{k−1}p^(k−1)) ≡ b mod pᵏ. Once pᵏ exceeds 2·N·D, where Hadamard's inequality bounds
/// the numerators N and the denominator D of Cramer's rule, rational reconstruction (the half-extended
/// Euclidean algorithm, with one running common denominator) recovers x = numerators / D. The result is then
/// checked exactly, B·numerators = D·b; a result that fails the check is never returned.
///
/// The work is O(n³) word operations plus O(n²·L) word operations per digit (`DixonResidual`: B's entries of L
/// words and the residuals in fixed-width machine words, no big integers in the loop), against Bareiss's
/// O(n³) operations on numbers of n·b bits (``FractionFreeSolver``), which is what makes exact LP bases of a
/// few hundred rows cheap.
public enum DixonSolver {
    /// Solves B·xₖ = bₖ for every right-hand side (see ``FractionFreeSolver/solve(_:dimension:rightHandSides:transposed:)``
    /// for the conventions: row-major B, `transposed` solves Bᵀ·xₖ = bₖ).
    ///
    /// - Returns: the solutions over one common denominator D > 0 (not necessarily ±det B), or `nil` when B
    ///   is singular modulo each of the word-size primes tried (B may still be nonsingular: use Bareiss then).
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when the sizes do not fit.
    /// - Complexity: O(n³) word operations, and O(n²·k) word operations on numbers of about b + 62 bits for
    ///   k ≈ 2·log₂(H)/62 digits, H the Hadamard bound of [B | b]; then the rational reconstruction.
    public static func solve(
        _ matrix: [BigInt], dimension n: Int, rightHandSides: [[BigInt]],
        transposed: Bool = false
    ) throws(LinearAlgebraError) -> FractionFreeSolver.Solution? {
        guard matrix.count == n * n else {
            throw .dimensionMismatch("\(matrix.count) matrix entries for dimension \(n)")
        }
        for b in rightHandSides where b.count != n {
            throw .dimensionMismatch("a right-hand side has \(b.count) entries, expected \(n)")
        }
        let b = transposed ? (0..<(n * n)).map { matrix[($0 % n) * n + $0 / n] } : matrix
        for prime in PrimeField.primes {
            let field = PrimeField(prime: prime)
            guard let inverse = field.inverse(of: b.map(field.reduce), dimension: n) else { continue }
            var numerators: [[BigInt]] = []
            var denominator = BigInt(1)
            for side in rightHandSides {
                guard let x = lift(b, inverse, field, n, side) else { return nil }
                // Bring every solution over one denominator.
                let common = lcm(denominator, x.denominator)
                numerators = numerators.map { $0.map { $0 * (common / denominator) } }
                numerators.append(x.numerators.map { $0 * (common / x.denominator) })
                denominator = common
            }
            return FractionFreeSolver.Solution(numerators: numerators, denominator: denominator)
        }
        return nil
    }

    /// The lifting for one right-hand side, checked; `nil` if the check fails (it cannot for a correct bound).
    private static func lift(
        _ b: [BigInt], _ inverse: [UInt64], _ field: PrimeField, _ n: Int, _ side: [BigInt]
    ) -> (numerators: [BigInt], denominator: BigInt)? {
        let p = BigInt(field.prime)
        let digits = digitCount(b, n, side)
        var residual = DixonResidual(matrix: b, dimension: n, side: side)
        var expansion = [[UInt64]]()
        expansion.reserveCapacity(digits)
        for _ in 0..<digits {
            let reduced = (0..<n).map { residual.reduced($0, modulo: field.prime) }
            let digit = (0..<n).map { i in field.sumOfProducts(inverse[(i * n)..<((i + 1) * n)], reduced) }
            residual.step(digits: digit, prime: field.prime)
            expansion.append(digit)
        }
        let modulus = p.power(digits)
        let x = (0..<n).map { i in combine(expansion.map { BigInt($0[i]) }, base: p) }
        guard let solution = reconstruct(x, modulus: modulus) else { return nil }
        for i in 0..<n {
            var sum = BigInt(0)
            for j in 0..<n where !b[i * n + j].isZero && !solution.numerators[j].isZero {
                sum += b[i * n + j] * solution.numerators[j]
            }
            guard sum == solution.denominator * side[i] else { return nil }
        }
        return solution
    }

    /// Digits k with pᵏ > 2·H², H ≥ the Hadamard bound of B and of B with any column replaced by b
    /// (so H bounds |det B| and every Cramer numerator): log₂ H = Σⱼ log₂ max(‖Bⱼ‖, 1) + log₂ max(‖b‖, 1).
    private static func digitCount(_ b: [BigInt], _ n: Int, _ side: [BigInt]) -> Int {
        func log2Norm(_ entries: [BigInt]) -> Double {
            let largest = entries.map(\.magnitude.bitWidth).max() ?? 0
            guard largest > 0 else { return 0 }
            let shift = max(0, largest - 60)
            let sum = entries.reduce(0.0) { $0 + pow2(Double($1.magnitude >> shift)) }
            return max(0, Double(shift) + 0.5 * log2(sum))
        }
        var bits = log2Norm(side)
        for j in 0..<n { bits += log2Norm((0..<n).map { b[$0 * n + j] }) }
        return Int(((2 * bits + 2) / 61.9).rounded(.up)) + 1
    }

    private static func pow2(_ x: Double) -> Double { x * x }

    /// Σᵢ dᵢ·baseⁱ by halving (so that the big multiplications are balanced).
    private static func combine(_ digits: ArraySlice<BigInt>, base: BigInt) -> BigInt {
        if digits.count <= 1 { return digits.first ?? 0 }
        let half = digits.count / 2
        let low = combine(digits.prefix(half), base: base)
        let high = combine(digits.dropFirst(half), base: base)
        return low + high * base.power(half)
    }

    private static func combine(_ digits: [BigInt], base: BigInt) -> BigInt { combine(digits[...], base: base) }

    /// Rational reconstruction of every entry with one running common denominator: entry i is first multiplied
    /// by the denominator found so far, which usually leaves an integer and no Euclidean steps at all.
    private static func reconstruct(_ x: [BigInt], modulus: BigInt) -> (numerators: [BigInt], denominator: BigInt)? {
        let bound = BigInt((modulus / 2).magnitude.squareRoot())
        var denominator = BigInt(1)
        var scaled: [(numerator: BigInt, denominator: BigInt)] = []
        for value in x {
            let y = (value * denominator) % modulus
            guard let (numerator, extra) = reconstruct(y < 0 ? y + modulus : y, modulus: modulus, bound: bound)
            else { return nil }
            denominator *= extra
            scaled.append((numerator, denominator))
        }
        return (scaled.map { $0.numerator * (denominator / $0.denominator) }, denominator)
    }

    /// n/d ≡ y mod M with |n| ≤ bound, 0 < d ≤ bound (Wang's algorithm), or `nil`.
    private static func reconstruct(_ y: BigInt, modulus: BigInt, bound: BigInt) -> (BigInt, BigInt)? {
        if y <= bound { return (y, 1) }
        if modulus - y <= bound { return (y - modulus, 1) }
        var (r0, r1) = (modulus, y)
        var (t0, t1) = (BigInt(0), BigInt(1))
        while r1 > bound {
            let q = r0 / r1
            (r0, r1) = (r1, r0 - q * r1)
            (t0, t1) = (t1, t0 - q * t1)
        }
        guard !t1.isZero, BigInt(t1.magnitude) <= bound else { return nil }
        return t1 < 0 ? (-r1, -t1) : (r1, t1)
    }

    private static func lcm(_ a: BigInt, _ b: BigInt) -> BigInt {
        a == b ? a : a / BigInt(greatestCommonDivisor(a.magnitude, b.magnitude)) * b
    }
}
