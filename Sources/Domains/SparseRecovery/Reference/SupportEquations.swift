import BigInt
import DenseLinearAlgebra
import ExactArithmetic
import Foundation

/// The exact linear algebra on a support S behind the basis pursuit reference: x*_S from A_S x_S = y, and a
/// floating-point dual made exact on S. Both work on A scaled to integers once (Â = C·A, one common
/// denominator C) and choose s = |S| independent rows P by partial pivoting in double precision, so the exact
/// work is one s×s exact integer solve and O(m·n) integer products.
enum SupportEquations {
    /// x with x_S solving A_S x_S = y exactly and zero elsewhere, or `nil` when A_S x_S = y has no exact
    /// solution (or A_S is not numerically injective).
    ///
    /// Each row of [A_S | y] is scaled to integers by its common denominator, the s×s system on the pivot rows
    /// is solved exactly (`ExactIntegerSolver`: Bareiss for small s, Dixon's p-adic lifting for large), and every row i is then checked in integers: Σⱼ aᵢⱼ·(D xⱼ) = D·yᵢ.
    /// - Complexity: O(s³ + m·s) big-integer operations.
    static func solveExactly(matrix: Matrix<Rational>, observations: [Rational], support: [Int]) -> [Rational]? {
        let m = matrix.rows, s = support.count
        guard s <= m else { return nil }
        var x = [Rational](repeating: .zero, count: matrix.columns)
        let rows = (0..<m).map { i in
            Rational.overCommonDenominator(support.map { matrix[i, $0] } + [observations[i]]).numerators
        }
        guard s > 0 else { return rows.allSatisfy { $0[0].isZero } ? x : nil }
        guard let pivots = pivotRows(matrix.columns(support).map(\.doubleValue)) else { return nil }
        let block = pivots.flatMap { rows[$0][0..<s] }
        let rightHandSide = pivots.map { rows[$0][s] }
        guard let solution = try? ExactIntegerSolver.solve(Array(block), dimension: s, rightHandSides: [rightHandSide])
        else { return nil }
        let scaled = solution.numerators[0], denominator = solution.denominator
        for row in rows {
            var sum = BigInt(0)
            for k in 0..<s where !row[k].isZero { sum += row[k] * scaled[k] }
            guard sum == denominator * row[s] else { return nil }
        }
        for (k, j) in support.enumerated() { x[j] = Rational(scaled[k], denominator) }
        return x
    }

    /// s rows of an m×s matrix that form a nonsingular block (Gaussian elimination with partial pivoting,
    /// columns scaled to unit maximum first so that the choice does not depend on column scales), or `nil`.
    /// - Complexity: O(m·s²).
    static func pivotRows(_ a: Matrix<Double>) -> [Int]? {
        let m = a.rows, s = a.columns
        var work = a.elements
        for j in 0..<s {
            var largest = 0.0
            for i in 0..<m { largest = max(largest, abs(work[i * s + j])) }
            guard largest > 0, largest.isFinite else { return nil }
            for i in 0..<m { work[i * s + j] /= largest }
        }
        var order = Array(0..<m)
        for k in 0..<s {
            var best = k
            for r in k..<m where abs(work[order[r] * s + k]) > abs(work[order[best] * s + k]) { best = r }
            guard abs(work[order[best] * s + k]) > Double(m) * Double.ulpOfOne else { return nil }
            order.swapAt(k, best)
            let pivotRow = order[k] * s, pivot = work[pivotRow + k]
            for r in (k + 1)..<m {
                let row = order[r] * s, factor = work[row + k] / pivot
                guard factor != 0 else { continue }
                for c in k..<s { work[row + c] -= factor * work[pivotRow + c] }
            }
        }
        return Array(order.prefix(s))
    }
}

/// A dual vector μ made exact on a support: (Aᵀμ)_S = σ with no rounding, and max_{Sᶜ}|Aᵀμ| computed exactly.
///
/// From any μ₀ (a floating-point LP dual), μ = μ₀ + E_P η with A_{P,S}ᵀη = σ − A_Sᵀμ₀ on s pivot rows P
/// (A_{P,S} nonsingular): a correction of the size of μ₀'s defect. Then ‖(Aᵀμ)_{Sᶜ}‖_∞ ≤ 1 together with an
/// exact x* (A x* = y, sign(x*_S) = σ) proves x* optimal for basis pursuit — ⟨y, μ⟩ = ⟨x*_S, A_Sᵀμ⟩ = ‖x*‖₁ —
/// and a bound < 1 with A_S injective proves it the unique minimizer.
public struct SupportDual: Sendable, Hashable {
    /// μ, exactly (m entries).
    public let multiplier: [Rational]
    /// max_{j∉S} |(Aᵀμ)ⱼ|, exactly (0 when S is everything).
    public let offSupportMaximum: Rational

    /// Corrects μ₀ on S.
    /// - Parameters:
    ///   - matrix: A (m×n), exactly.
    ///   - support: S, indices of A's columns with A_S injective.
    ///   - signs: σ (±1), aligned with `support`.
    ///   - dual: μ₀ (m finite doubles, each an exact rational).
    /// - Returns: `nil` when A_S has no s independent rows (it is not injective), or μ₀ is not finite.
    /// - Complexity: O(m·s²) to choose the rows, one s×s exact integer solve, O(m·n) big-integer products.
    public init?(matrix: Matrix<Rational>, support: [Int], signs: [Int], dual: [Double]) {
        let m = matrix.rows, n = matrix.columns, s = support.count
        let exactDual = dual.compactMap { Rational(exactly: $0) }
        guard exactDual.count == m, signs.count == s, s <= m else { return nil }
        let (entries, scale) = Rational.overCommonDenominator(matrix.elements)  // Â = C·A, row-major
        let (start, startDenominator) = Rational.overCommonDenominator(exactDual)
        // (Aᵀμ)ⱼ = Σᵢ Âᵢⱼ·Mᵢ / (C·Q) for μ = M/Q.
        func column(_ j: Int, _ values: [BigInt]) -> BigInt {
            var sum = BigInt(0)
            for i in 0..<m where !values[i].isZero && !entries[i * n + j].isZero {
                sum += entries[i * n + j] * values[i]
            }
            return sum
        }
        var numerators = start, denominator = startDenominator
        if s > 0 {
            guard let pivots = SupportEquations.pivotRows(matrix.columns(support).map(\.doubleValue)) else {
                return nil
            }
            let target = scale * startDenominator
            let defect = (0..<s).map { k in BigInt(signs[k]) * target - column(support[k], start) }
            if defect.contains(where: { !$0.isZero }) {
                // Â_{P,S}ᵀ X = defect gives η = X/Q: μ = (D·M + E_P·D·X)/(D·Q) with D·X the solver's numerators.
                let block = pivots.flatMap { p in support.map { entries[p * n + $0] } }
                guard
                    let solved = try? ExactIntegerSolver.solve(
                        block, dimension: s, rightHandSides: [defect], transposed: true)
                else { return nil }
                let sign = BigInt(solved.denominator.sign == .minus ? -1 : 1)
                numerators = start.map { $0 * solved.denominator * sign }
                for (k, p) in pivots.enumerated() { numerators[p] += solved.numerators[0][k] * sign }
                denominator = startDenominator * solved.denominator * sign
            }
        }
        let bound = scale * denominator
        guard zip(support, signs).allSatisfy({ column($0.0, numerators) == BigInt($0.1) * bound }) else { return nil }
        let inSupport = Set(support)
        var largest = BigInt(0)
        for j in 0..<n where !inSupport.contains(j) {
            let value = column(j, numerators).magnitude
            if value > largest.magnitude { largest = BigInt(value) }
        }
        multiplier = numerators.map { Rational($0, denominator) }
        offSupportMaximum = Rational(largest, bound)
    }
}
