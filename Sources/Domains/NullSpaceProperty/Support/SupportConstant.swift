import DenseLinearAlgebra
import ExactArithmetic
import LinearProgramming
import SparseRecovery

/// The support constant ρ_S = max_τ ϱ(S, τ) = sup_{v ∈ ker A ∖ 0} ‖v_S‖₁ / ‖v_{S^c}‖₁ of one support, with
/// the maximizing sign pattern and its witness.
public struct SupportConstant: Sendable, Hashable {
    /// S, increasing, 0-based.
    public let support: [Int]
    /// ρ_S (or, when only some sign patterns were solved, the largest of their ϱ); `+∞` when A_S is not
    /// injective.
    public let value: Double
    /// The maximizing τ (τ₀ = +1).
    public let signs: [Int]
    /// v ∈ ker A with ‖v_{S^c}‖₁ = 1 and ⟨τ, v_S⟩ = ϱ(S, τ) for the maximizing τ (a ray with
    /// v_{S^c} = 0 when the value is +∞).
    public let witness: [Double]
    /// ϱ(S, τ) for every pattern number p (τ₀ = +1, τᵢ = −1 iff bit i − 1 of p is set), NaN where not solved.
    public let patternValues: [Double]
    /// ϱ-LPs solved.
    public let lpsSolved: Int
    /// μ of every solved pattern (the LP's dual certificate: (Aᵀμ)_S ≈ τ, ‖(Aᵀμ)_{S^c}‖_∞ ≈ ϱ), empty where
    /// not solved or ϱ = ∞.
    let certificates: [[Double]]

    /// α_S = ρ_S / (1 + ρ_S) = max { ‖v_S‖₁ : v ∈ ker A, ‖v‖₁ ≤ 1 } (1 when ρ_S = ∞).
    public var alpha: Double { alphaOf(value) }
}

/// ϱ/(1 + ϱ), with ∞ ↦ 1.
func alphaOf(_ rho: Double) -> Double { rho.isInfinite ? 1 : rho / (1 + rho) }

/// α/(1 − α), with 1 ↦ ∞.
func rhoOf(_ alpha: Double) -> Double { alpha >= 1 ? .infinity : alpha / (1 - alpha) }

extension NullSpaceMatrix {
    /// ρ_S: solves ϱ(S, τ) for all 2^(s−1) sign patterns up to global sign (or the listed ones), in Gray-code
    /// order. Two or more patterns are solved on one GLPK problem in the null-space form, where τ changes only
    /// the objective, each run warm from the previous optimum (`PatternBatch`; 30×60, s = 4: ≈ 13 % less CPU
    /// than cold solves); a single pattern is solved cold by `SparseRecovery`, in its form that is feasible at
    /// the origin.
    ///
    /// - Parameters:
    ///   - support: S, distinct 0-based indices (any order; the result lists them increasing).
    ///   - patterns: pattern numbers to solve (`nil`: all).
    ///   - solver: GLPK configuration (tolerances, limits).
    /// - Throws: ``NullSpacePropertyError/invalidSupport(_:)`` for an empty, repeated or out-of-range index;
    ///   ``NullSpacePropertyError/sparseRecovery(_:)`` when an LP fails; ``NullSpacePropertyError/undecided(_:)``
    ///   when an LP reports ∞ that the exact kernel of A_S refutes.
    /// - Complexity: up to 2^(s−1) LPs with 2n − s rows and m + 1 columns.
    public func supportConstant(
        _ support: [Int], patterns: [Int]? = nil,
        solver: LPSolver = LPSolver()
    ) throws(NullSpacePropertyError) -> SupportConstant {
        let sorted = support.sorted()
        guard !sorted.isEmpty else { throw .invalidSupport("the support is empty; give at least one index") }
        for (index, j) in sorted.enumerated() {
            guard (0..<columns).contains(j) else {
                throw .invalidSupport("index \(j) is out of range for \(columns) columns (valid: 0..<\(columns))")
            }
            guard index == 0 || sorted[index - 1] != j else { throw .invalidSupport("index \(j) is listed twice") }
        }
        let k = sorted.count, total = SignPattern.count(k)
        let chosen = patterns ?? (0..<total).map { $0 ^ ($0 >> 1) }
        var values = Array(repeating: Double.nan, count: total)
        var certificates = Array(repeating: [Double](), count: total)
        var best: PatternBatch.Solution?
        var solved = 0
        let batch =
            chosen.count >= PatternBatch.smallest
            ? try PatternBatch.solve(
                self, support: sorted, patterns: chosen, solver: solver) : nil
        for (index, p) in chosen.enumerated() {
            let result: PatternBatch.Solution
            if let batch {
                result = batch[index]
            } else {
                let signs = SignPattern.signs(mask: SignPattern.mask(p), length: k)
                let single = try signedConstant(support: sorted, signs: signs, solver: solver)
                result = .init(
                    signs: signs, value: single.value, certificate: single.certificate, witness: single.witness)
            }
            solved += 1
            values[p] = result.value
            certificates[p] = result.certificate
            if result.value > best?.value ?? -.infinity { best = result }
            if result.value.isInfinite { break }
        }
        guard let best else { throw .invalidSupport("no sign pattern was selected") }
        return SupportConstant(
            support: sorted, value: best.value, signs: best.signs, witness: best.witness,
            patternValues: values, lpsSolved: solved, certificates: certificates)
    }

    /// ϱ(S, τ) for one support and sign pattern (the LP of `SparseRecovery`, on the row-equilibrated A).
    ///
    /// A value of +∞ is never taken from floating point alone: ϱ(S, τ) = ∞ exactly when some v ∈ ker A_S
    /// has ⟨τ, v⟩ ≠ 0, which is checked on an exact basis of ker A_S.
    /// - Throws: ``NullSpacePropertyError/sparseRecovery(_:)`` for an invalid support or a failed LP;
    ///   ``NullSpacePropertyError/undecided(_:)`` when the LP reports ∞ and the exact check refutes it.
    /// - Complexity: one LP; O(m·|S|²) rational operations when it reports ∞.
    public func signedConstant(
        support: [Int], signs: [Int],
        solver: LPSolver = LPSolver()
    ) throws(NullSpacePropertyError) -> SignedNullSpaceConstant {
        let result: SignedNullSpaceConstant
        do {
            result = try SignedNullSpaceLP.solve(matrix: matrix, support: support, signs: signs, solver: solver)
        } catch { throw .sparseRecovery(error) }
        guard result.value.isInfinite else { return result }
        let kernel = exactKernel(of: support)
        let infinite = kernel.basis.contains { v in
            zip(v, signs).reduce(Rational.zero) { $0 + $1.0 * Rational($1.1, 1) } != .zero
        }
        guard infinite else {
            let tau = signs.map { $0 > 0 ? "+" : "-" }.joined()
            throw .undecided(
                "the LP reports ϱ(S, τ) = ∞ for S = \(support), τ = \(tau), but the exact kernel of A_S (dimension \(kernel.dimension)) shows that it is finite; floating "
                    + "point cannot resolve this matrix (entries within its rows span too many orders of magnitude), "
                    + "so no value is reported")
        }
        return result
    }
}
