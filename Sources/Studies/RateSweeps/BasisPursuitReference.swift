import BigInt
import DenseLinearAlgebra
import DiagonalNetworks
import ExactArithmetic
import Foundation
import SparseRecovery

/// The basis pursuit solution x* = argmin ‖x‖₁ s.t. A x = y that flow limits are measured against, exact,
/// with the proof that was run for it.
///
/// The cheap path proves what the flow needs and no more: GLPK solves BP in floating point; on its support
/// the equations A_S x_S = y are solved **exactly** (fraction-free, over integers) and checked on every row;
/// and GLPK's dual μ must certify that exact x* to a relative tolerance, in floating point (scale-free:
/// `certifies(dual:dualInfeasibility:objective:observations:tolerance:)`). So x* is exact and y ∈ range(A_S) holds exactly — the consistency every small-α statement rests on
/// (DESIGN.md §1.3). When that fails (y = fl(A x₀) makes the true support larger than the floating one, or
/// the certificate does not hold), the exact mode runs instead: GLPK's basis re-verified in rational
/// arithmetic.
public struct BasisPursuitReference: Sendable, Hashable {
    /// Which proof stands behind ``x``.
    public enum Proof: String, Sendable, Hashable, Codable {
        /// A_S x*_S = y exactly, and GLPK's optimality certificate holds to ``certificateTolerance``
        /// (relative) in floating point: optimality is checked, not proven exactly.
        case floatingCertificate
        /// GLPK's final basis re-verified in exact rational arithmetic: x* is proven optimal exactly.
        case exact
    }

    /// x*, exactly (n entries).
    public let x: [Rational]
    /// S = supp(x*), increasing.
    public let support: [Int]
    /// sign(x*_S) as ±1.
    public let signs: [Int]
    /// How x* was proven.
    public let proof: Proof
    /// The relative tolerance of the floating-point certificate check.
    public let certificateTolerance: Double
    /// What was checked, in order, in words.
    public let steps: [String]

    /// Computes x* for exact data, by the cheap path when it proves enough and by the exact mode otherwise.
    /// - Parameters:
    ///   - matrix: A (m×n), exactly.
    ///   - observations: y, exactly.
    ///   - roundedMatrix: A rounded to doubles, when the caller has it (saves converting it again).
    ///   - certificateTolerance: the relative tolerance of the floating-point optimality check (default 1e-7).
    /// - Throws: ``RateSweepError/invalidData(_:)`` for data the BP layer rejects,
    ///   ``RateSweepError/noUniqueReference(_:)`` when BP is infeasible or cannot be proven.
    /// - Complexity: one floating-point BP solve, plus an exact s×s fraction-free solve and O(m·s) integer
    ///   checks; the exact mode (O(m³) rational work per verification) only when those do not prove x*.
    public static func compute(
        matrix: Matrix<Rational>, observations: [Rational], roundedMatrix: Matrix<Double>? = nil,
        certificateTolerance: Double = 1e-7
    ) throws(RateSweepError) -> BasisPursuitReference {
        var options = BasisPursuitOptions()
        options.analyzeUniqueness = false
        options.certificateTolerance = certificateTolerance
        // GLPK's tolerances are absolute: solve on rows equilibrated by powers of two and y scaled by 2^(−p) to
        // max|yᵢ| ∈ [1, 2) (x* scales by 2^(−p), its support and signs do not), then check on the given data.
        let a = roundedMatrix ?? matrix.map(\.doubleValue)
        let rows = RowEquilibration(a)
        var y = rows.apply(observations.map(\.doubleValue))
        let largestY = y.map(abs).max() ?? 0
        let yExponent = largestY > 0 && largestY.isFinite ? Int(largestY.exponent) : 0
        y = y.map { scalbn($0, -yExponent) }
        let rounded = BasisPursuitProblem(matrix: rows.apply(a), observations: y)
        if let floating = try? BasisPursuit.solve(rounded, options: options), floating.status == .optimal,
            let check = floating.optimality
        {
            // The support relative to ‖x‖_∞ (the library's rule is absolute below ‖x‖_∞ = 1).
            let largest = floating.x.map(abs).max() ?? 0
            let support = floating.x.indices.filter { abs(floating.x[$0]) > 1e-9 * largest }
            if let x = SupportEquations.solveExactly(matrix: matrix, observations: observations, support: support),
                support.allSatisfy({ x[$0].signum == (floating.x[$0] > 0 ? 1 : -1) }),
                Self.certifies(
                    dual: floating.dual, dualInfeasibility: check.dualInfeasibility,
                    objective: scalbn(x.reduce(0) { $0 + abs($1.doubleValue) }, -yExponent),
                    observations: y, tolerance: certificateTolerance)
            {
                return BasisPursuitReference(
                    x: x, support: support, signs: support.map { x[$0].signum }, proof: .floatingCertificate,
                    certificateTolerance: certificateTolerance,
                    steps: [
                        "GLPK \(options.solver.options.method.rawValue) on the data rounded to doubles (rows and y "
                            + "scaled by powers of two): optimal",
                        "A_S x*_S = y solved and checked exactly on every row (|S| = \(support.count))",
                        "GLPK's dual μ certifies x*: ‖Aᵀμ‖_∞ ≤ 1 + \(certificateTolerance), "
                            + "|‖x*‖₁ − ⟨y, μ⟩| ≤ \(certificateTolerance)·‖x*‖₁ (floating point)",
                    ])
            }
        }
        let exact: ExactBasisPursuitSolution
        do {
            exact = try BasisPursuit.solveExactly(
                BasisPursuitProblem(matrix: matrix, observations: observations),
                options: options)
        } catch { throw .invalidData(error.description) }
        guard exact.solution.status == .optimal else {
            throw .noUniqueReference("basis pursuit is \(exact.solution.status.rawValue) (y is not in the range of A)")
        }
        guard exact.verified else {
            throw .noUniqueReference(
                "basis pursuit could not be proven exactly: \(exact.steps.joined(separator: "; "))")
        }
        return BasisPursuitReference(
            x: exact.solution.x, support: exact.solution.support, signs: exact.solution.signs,
            proof: .exact, certificateTolerance: 0, steps: exact.steps)
    }
}

extension BasisPursuitReference {
    /// Whether μ certifies x* scale-free: ‖Aᵀμ‖_∞ ≤ 1 + τ (`dualInfeasibility` ≤ τ, dimensionless) and
    /// |‖x*‖₁ − ⟨y, μ⟩| ≤ τ·‖x*‖₁, both on the scaled problem μ belongs to (x* feasibility is proven exactly
    /// by ``SupportEquations``). Weak duality makes ‖x*‖₁ then within a factor 1 + O(τ) of the optimum.
    static func certifies(
        dual: [Double], dualInfeasibility: Double, objective: Double, observations: [Double],
        tolerance: Double
    ) -> Bool {
        let dualObjective = zip(observations, dual).reduce(0) { $0 + $1.0 * $1.1 }
        return dualInfeasibility <= tolerance && abs(objective - dualObjective) <= tolerance * objective
    }
}

/// The exact solution of A_S x_S = y on a support S, if there is one.
enum SupportEquations {
    /// x with x_S solving A_S x_S = y exactly and zero elsewhere, or `nil` when A_S x_S = y has no exact
    /// solution (or A_S is not numerically injective).
    ///
    /// s independent rows are chosen by partial pivoting in double precision; each row of [A_S | y] is scaled
    /// to integers by its common denominator, the s×s system is solved by Bareiss elimination, and every
    /// row i is then checked in integers: Σⱼ aᵢⱼ·(D xⱼ) = D·yᵢ.
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
        guard let solution = try? FractionFreeSolver.solve(Array(block), dimension: s, rightHandSides: [rightHandSide])
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
    private static func pivotRows(_ a: Matrix<Double>) -> [Int]? {
        let m = a.rows, s = a.columns
        var work = a
        for j in 0..<s {
            let largest = (0..<m).map { abs(work[$0, j]) }.max() ?? 0
            guard largest > 0 else { return nil }
            for i in 0..<m { work[i, j] /= largest }
        }
        var order = Array(0..<m)
        for k in 0..<s {
            guard let best = (k..<m).max(by: { abs(work[order[$0], k]) < abs(work[order[$1], k]) }),
                abs(work[order[best], k]) > Double(m) * Double.ulpOfOne
            else { return nil }
            order.swapAt(k, best)
            let pivot = work[order[k], k]
            for r in (k + 1)..<m {
                let factor = work[order[r], k] / pivot
                guard factor != 0 else { continue }
                for c in k..<s { work[order[r], c] -= factor * work[order[k], c] }
            }
        }
        return Array(order.prefix(s))
    }
}
