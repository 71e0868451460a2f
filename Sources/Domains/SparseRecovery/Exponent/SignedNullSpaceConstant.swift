import DenseLinearAlgebra
import ExactArithmetic
import LinearProgramming

/// The exponent ϱ(S, τ): a sign-specific null space constant of a matrix A ∈ ℝ^{m×n}, computed in
/// floating point by ``SignedNullSpaceLP/solve(matrix:support:signs:solver:)``.
///
///     ϱ(S, τ) = min { ‖(Aᵀμ)_{S^c}‖_∞ : μ ∈ ℝ^m, (Aᵀμ)_S = τ }
///             = max { ⟨τ, v_S⟩ : A v = 0, ‖v_{S^c}‖₁ ≤ 1 }          (LP duality)
///
/// For basis pursuit with S = supp(x*), τ = sign(x*_S): ϱ ≥ 0, and when A_S is injective, x* is the unique
/// minimizer iff ϱ < 1. Both optimal points are kept: μ proves ϱ ≤ value, v proves ϱ ≥ value, and
/// ``dualityGap`` is the gap between these two bounds recomputed from the vectors themselves.
///
/// Value conventions:
/// - ϱ = +∞ exactly when τ ∉ range(A_Sᵀ), i.e. the equations (Aᵀμ)_S = τ have no solution (this can only
///   happen when A_S is not injective). Then ``certificate`` is empty and ``witness`` is a ray: A v = 0,
///   v_{S^c} = 0, ⟨τ, v_S⟩ = 1 — it proves infeasibility, since ⟨τ, v_S⟩ = μᵀA_S v_S = 0 for any solution μ.
/// - A finite ϱ with A_S not injective is possible (when τ ⊥ ker A_S); uniqueness then fails for that
///   other reason, which this value does not show.
/// - S = ∅ gives ϱ = 0 (μ = 0); S = all columns gives ϱ = 0 whenever it is finite.
public struct SignedNullSpaceConstant: Sendable, Hashable {
    /// S, 0-based column indices, in the order given.
    public let support: [Int]
    /// τ ∈ {−1, +1}^|S|, aligned with ``support``.
    public let signs: [Int]
    /// ϱ(S, τ) (the LP's optimal value), or `+∞` when (Aᵀμ)_S = τ is infeasible.
    public let value: Double
    /// μ ∈ ℝ^m with (Aᵀμ)_S = τ and ‖(Aᵀμ)_{S^c}‖_∞ = ϱ (empty when ϱ = +∞).
    public let certificate: [Double]
    /// v ∈ ℝ^n with A v = 0, ‖v_{S^c}‖₁ = 1 and ⟨τ, v_S⟩ = ϱ, from the LP's row duals (or, if those fail
    /// the check, from solving the dual form ``SignedNullSpaceLP/dualProgram(matrix:support:signs:)``).
    /// When ϱ = 0, v = 0 is a valid maximizer and may be returned. When ϱ = +∞: the ray described above.
    public let witness: [Double]
    /// |‖(Aᵀμ)_{S^c}‖_∞ − ⟨τ, v_S⟩|, recomputed from ``certificate`` and ``witness`` (0 when ϱ = +∞).
    public let dualityGap: Double
    /// The optimal simplex basis of ``SignedNullSpaceLP/reciprocalProgram(matrix:support:signs:)``, for callers
    /// that solve related LPs of that form themselves (``SignedNullSpaceLP/solve(matrix:support:signs:solver:)``
    /// does not warm-start: it measured slower); `nil` when ϱ = 0 or +∞ or when the fallback form was used.
    public let basis: Basis?
    /// Simplex iterations spent (all LPs of this computation).
    public let iterations: Int
}

/// The exponent ϱ(S, τ) in exact rational arithmetic, from
/// ``SignedNullSpaceLP/solveExactly(matrix:support:signs:solver:)``.
///
/// ``verified`` is `true` only after a check in exact arithmetic on the given data that needs no solver:
/// (Aᵀμ)_S = τ and ‖(Aᵀμ)_{S^c}‖_∞ = value (so ϱ ≤ value), and A v = 0, ‖v_{S^c}‖₁ ≤ 1, ⟨τ, v_S⟩ = value
/// (so ϱ ≥ value) — weak duality then proves ϱ = value. For ϱ = +∞ it checks the ray: A v = 0, v_{S^c} = 0,
/// ⟨τ, v_S⟩ = 1.
public struct ExactSignedNullSpaceConstant: Sendable, Hashable {
    /// S, 0-based, in the order given.
    public let support: [Int]
    /// τ ∈ {−1, +1}^|S|.
    public let signs: [Int]
    /// ϱ(S, τ) exactly; `nil` means ϱ = +∞ ((Aᵀμ)_S = τ has no solution).
    public let value: Rational?
    /// μ ∈ ℚ^m (empty when ϱ = +∞).
    public let certificate: [Rational]
    /// v ∈ ℚ^n in ker A (the maximizer, or the ray when ϱ = +∞).
    public let witness: [Rational]
    /// Whether the value is proven exactly (see the type's description).
    public let verified: Bool
    /// What was done, in order: solves, exact verifications, repairs.
    public let steps: [String]
    /// The certified basis of ``SignedNullSpaceLP/dualProgram(matrix:support:signs:)`` (`nil` when ϱ = +∞).
    public let basis: Basis?

    /// Whether ϱ = +∞.
    public var isInfinite: Bool { value == nil }
}
