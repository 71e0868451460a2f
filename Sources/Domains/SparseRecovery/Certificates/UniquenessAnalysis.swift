import DenseLinearAlgebra

/// Whether a basis pursuit solution x* is the only minimizer, and why.
///
/// - Every variant: if A_S has rank < |S|, then x* + t·v (v ∈ ker A_S, small t) are minimizers too: not unique.
/// - A x = y (plain and weighted, w folded into A·diag(w)⁻¹): unique ⇔ A_S injective and ϱ(S, σ) < 1
///   (``Method/exponent``).
/// - A x = y, x ≥ 0: unique ⇔ A_S injective and the one-sided exponent ϱ⁺(S) < 1
///   (``Method/oneSidedExponent``).
/// - Noise-aware: only a sufficient test — every nonbasic variable of the optimal LP basis has a nonzero
///   reduced cost (dual nondegeneracy) ⇒ the LP optimum, hence x*, is unique (``Method/dualNondegeneracy``);
///   otherwise the question is left open (`isUnique == nil`). ϱ(S, σ) is still reported.
public struct UniquenessAnalysis<Scalar: LinearAlgebraScalar>: Sendable, Hashable {
    /// Which test decided.
    public enum Method: String, Sendable, Hashable, Codable {
        /// A_S injective and ϱ(S, σ) < 1 (an exact criterion for A x = y).
        case exponent
        /// A_S injective and ϱ⁺(S) < 1 (an exact criterion for A x = y, x ≥ 0).
        case oneSidedExponent
        /// Every nonbasic variable has a nonzero reduced cost (sufficient only; for noise-aware BP).
        case dualNondegeneracy
        /// A has full column rank (proven by a verified inverse), so A x = y has at most one solution; then
        /// ϱ(S, σ) = 0 as well.
        case fullColumnRank
    }

    /// |S|.
    public let supportSize: Int
    /// rank(A_S) (numerical rank in floating point, see `Matrix.columnRank`).
    public let columnRank: Int
    /// The test used.
    public let method: Method
    /// ϱ(S, σ) for A·diag(w)⁻¹ (ϱ⁺(S) for the non-negative variant); `nil` when +∞ or not computed.
    public let rho: Scalar?
    /// μ attaining ϱ (empty when not computed).
    public let rhoCertificate: [Scalar]
    /// The null-space witness v of ϱ (empty for ϱ⁺ or when not computed).
    public let rhoWitness: [Scalar]
    /// `true`/`false` when decided, `nil` when the test used cannot decide (a degenerate noise-aware LP,
    /// ϱ within the floating-point tolerance of 1, or an exact computation that could not be verified).
    public let isUnique: Bool?
    /// The decision in words.
    public let reason: String

    init(
        supportSize: Int, columnRank: Int, method: Method, rho: Scalar?, rhoCertificate: [Scalar] = [],
        rhoWitness: [Scalar] = [], isUnique: Bool?, reason: String
    ) {
        self.supportSize = supportSize
        self.columnRank = columnRank
        self.method = method
        self.rho = rho
        self.rhoCertificate = rhoCertificate
        self.rhoWitness = rhoWitness
        self.isUnique = isUnique
        self.reason = reason
    }

    /// The decision from the computed pieces. `rhoBelowOne` is `nil` when the comparison ϱ < 1 could not be
    /// decided; `nondegenerate` is used by the noise-aware test only.
    static func decide(
        supportSize: Int, columnRank: Int, method: Method, rho: Scalar?, rhoCertificate: [Scalar],
        rhoWitness: [Scalar], rhoBelowOne: Bool?, nondegenerate: Bool
    ) -> UniquenessAnalysis {
        let name = method == .oneSidedExponent ? "ϱ⁺(S)" : "ϱ(S, σ)"
        let shown = rho.map { value in "\(value)".count <= 24 ? "\(value)" : "≈ \(value.doubleValue)" } ?? "+∞"
        func make(_ unique: Bool?, _ reason: String) -> UniquenessAnalysis {
            UniquenessAnalysis(
                supportSize: supportSize, columnRank: columnRank, method: method, rho: rho,
                rhoCertificate: rhoCertificate, rhoWitness: rhoWitness, isUnique: unique, reason: reason)
        }
        if columnRank < supportSize {
            return make(
                false, "A_S has rank \(columnRank) < |S| = \(supportSize): moving along ker A_S keeps the objective")
        }
        switch method {
        case .dualNondegeneracy:
            return nondegenerate
                ? make(
                    true,
                    "every nonbasic variable of the optimal LP basis has a nonzero reduced cost (dual nondegenerate)")
                : make(
                    nil,
                    "the optimal LP basis is dual degenerate; for noise-aware BP only this sufficient test is implemented"
                )
        case .exponent, .oneSidedExponent, .fullColumnRank:
            switch rhoBelowOne {
            case true?: return make(true, "A_S is injective and \(name) = \(shown) < 1")
            case false?: return make(false, "\(name) = \(shown) ≥ 1: no strict dual certificate exists")
            case nil:
                return make(
                    nil,
                    Scalar.isExact
                        ? "\(name) = \(shown) was not verified exactly, so it is not compared with 1"
                        : "\(name) = \(shown) could not be compared with 1 reliably in floating point (--exact may decide)"
                )
            }
        }
    }
}

extension UniquenessAnalysis {
    /// The same analysis with no verdict, for an x* whose optimality is not proven: uniqueness of an
    /// unproven minimizer is not claimed either way.
    var undecidedForUnprovenAnswer: UniquenessAnalysis {
        UniquenessAnalysis(
            supportSize: supportSize, columnRank: columnRank, method: method, rho: rho,
            rhoCertificate: rhoCertificate, rhoWitness: rhoWitness, isUnique: nil,
            reason: "x* is not proven optimal, so its uniqueness is not decided")
    }
}
