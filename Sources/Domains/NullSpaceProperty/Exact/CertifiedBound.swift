import DenseLinearAlgebra
import ExactArithmetic

/// Proven upper bounds on α-normalised sign-specific constants from floating-point LP certificates,
/// checked in exact rational arithmetic on the exact data of A.
///
/// For a support T with patterns τ and certificates μ_τ (from the ϱ-LP), let w = Aᵀμ_τ exactly,
/// R_τ = ‖w_T − τ‖_∞ (the certificate's residual) and W_τ = ‖w_{T^c}‖_∞. For v ∈ ker A with
/// ‖v_{T^c}‖₁ ≤ 1: ⟨τ, v_T⟩ = ⟨τ − w_T, v_T⟩ − ⟨w_{T^c}, v_{T^c}⟩ ≤ R_τ‖v_T‖₁ + W_τ. Taking τ = sign(v_T)
/// gives ρ_T ≤ R·ρ_T + W with R = max R_τ, W = max W_τ, so ρ_T ≤ ρ̄ = W/(1 − R) when R < 1, and then
/// ϱ(T, τ) ≤ W_τ + R_τ·ρ̄. Mapped by ϱ ↦ ϱ/(1 + ϱ) (increasing) and rounded up to a double.
enum CertifiedBound {
    /// Proven upper bounds u(T, τ) ≥ ϱ(T, τ)/(1 + ϱ(T, τ)) for every pattern number; all 1 when some
    /// pattern lacks a certificate (ϱ = ∞ or not solved) or R ≥ 1.
    /// - Complexity: O(2^(k−1)·m·n) rational operations.
    static func alphas(exact matrix: Matrix<Rational>, support: [Int], certificates: [[Double]]) -> [Double] {
        let trivial = Array(repeating: 1.0, count: certificates.count)
        var residual: [Rational] = [], outside: [Rational] = []
        let inSupport = Set(support)
        for (p, mu) in certificates.enumerated() {
            guard mu.count == matrix.rows else { return trivial }
            var exactMu: [Rational] = []
            for value in mu {
                guard let exact = Rational(exactly: value) else { return trivial }
                exactMu.append(exact)
            }
            let w = matrix.multiplyTransposed(exactMu)
            let signs = SignPattern.signs(mask: SignPattern.mask(p), length: support.count)
            residual.append(zip(support, signs).map { (w[$0.0] - Rational($0.1, 1)).magnitude }.max() ?? .zero)
            outside.append(
                (0..<matrix.columns).filter { !inSupport.contains($0) }.map { w[$0].magnitude }.max() ?? .zero)
        }
        guard let r = residual.max(), let big = outside.max(), r < 1 else { return trivial }
        let rhoBar = big / (1 - r)
        return zip(residual, outside).map { residual, outside in
            let rho = outside + residual * rhoBar
            return (rho / (1 + rho)).doubleValue.nextUp
        }
    }
}
