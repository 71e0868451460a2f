import DenseLinearAlgebra
import ExactArithmetic
import LinearProgramming
import SparseRecovery

/// ρ_S (or one ϱ(S, τ)) in exact rational arithmetic on the exact data of A, with an exactly checked witness.
///
/// ``verified`` is `true` only when every sign pattern's ϱ(S, τ) was proven (weak duality, no tolerance;
/// see `ExactSignedNullSpaceConstant`), and the witness v of the maximizing pattern satisfies A v = 0
/// exactly and reproduces the value exactly: ‖v_S‖₁ / ‖v_{S^c}‖₁ = ρ_S (for one pattern:
/// ⟨τ, v_S⟩ / ‖v_{S^c}‖₁ = ϱ(S, τ)).
public struct ExactSupportConstant: Sendable, Hashable {
    /// S, increasing.
    public let support: [Int]
    /// The maximizing τ (τ₀ = +1).
    public let signs: [Int]
    /// ρ_S exactly; `nil` for +∞.
    public let value: Rational?
    /// α_S = ρ_S/(1 + ρ_S) exactly (1 for ρ_S = ∞).
    public var alpha: Rational { value.map { $0 / (1 + $0) } ?? 1 }
    /// v ∈ ker A (exactly) for the maximizing pattern.
    public let witness: [Rational]
    /// ‖v_S‖₁ / ‖v_{S^c}‖₁ (for one pattern ⟨τ, v_S⟩ / ‖v_{S^c}‖₁) computed from ``witness``
    /// (`nil` when v_{S^c} = 0: a ray, for the value +∞).
    public let witnessRatio: Rational?
    /// Whether everything above is proven exactly.
    public let verified: Bool
    /// What was done, pattern by pattern.
    public let steps: [String]
}

extension NullSpaceMatrix {
    /// ρ_S exactly: ϱ(S, τ) for all 2^(s−1) sign patterns by certified LPs on the exact data
    /// (or, with `signs`, ϱ(S, τ) for that one pattern).
    ///
    /// - Throws: ``NullSpacePropertyError/invalidSupport(_:)`` or ``NullSpacePropertyError/sparseRecovery(_:)``.
    /// - Complexity: 2^(s−1) certified LPs, each O(m³ + m·n) rational operations beyond GLPK.
    public func exactSupportConstant(
        _ support: [Int], signs: [Int]? = nil, solver: LPSolver = LPSolver()
    )
        throws(NullSpacePropertyError) -> ExactSupportConstant
    {
        guard !support.isEmpty, Set(support).count == support.count, support.allSatisfy({ (0..<columns).contains($0) })
        else {
            throw .invalidSupport("\(support) is not a non-empty list of distinct column indices below \(columns)")
        }
        guard signs == nil || signs?.count == support.count else {
            throw .invalidSupport("\(signs?.count ?? 0) signs were given for \(support.count) indices")
        }
        let order = support.indices.sorted { support[$0] < support[$1] }
        let sorted = order.map { support[$0] }
        let patterns =
            signs.map { given in [order.map { given[$0] }] }
            ?? (0..<SignPattern.count(sorted.count)).map {
                SignPattern.signs(mask: SignPattern.mask($0), length: sorted.count)
            }
        var best: ExactSignedNullSpaceConstant?
        var steps: [String] = []
        var allVerified = true
        for signs in patterns {
            let result: ExactSignedNullSpaceConstant
            do {
                result = try SignedNullSpaceLP.solveExactly(
                    matrix: exact, support: sorted, signs: signs, solver: solver)
            } catch { throw .sparseRecovery(error) }
            allVerified = allVerified && result.verified
            steps.append(
                "τ = \(signs.map { $0 > 0 ? "+" : "-" }.joined()): ϱ = \(result.value?.description ?? "∞")"
                    + (result.verified ? " (proven)" : " (NOT proven)"))
            if let current = best {
                if Self.isLarger(result.value, than: current.value) { best = result }
            } else {
                best = result
            }
        }
        guard let best else { throw .invalidSupport("no sign pattern") }
        let inside =
            signs == nil
            ? sorted.reduce(Rational.zero) { $0 + best.witness[$1].magnitude }
            : zip(sorted, best.signs).reduce(Rational.zero) { $0 + Rational($1.1, 1) * best.witness[$1.0] }
        let outside = (0..<columns).filter { !sorted.contains($0) }.reduce(Rational.zero) {
            $0 + best.witness[$1].magnitude
        }
        let ratio: Rational? = outside == .zero ? nil : inside / outside
        let inKernel = exact.multiply(best.witness).allSatisfy { $0 == .zero }
        let reproduces =
            switch best.value {
            case nil: ratio == nil && inside != .zero
            case .zero?: inside == .zero
            case let value?: ratio == value
            }
        steps.append(
            "witness: A v = 0 \(inKernel ? "holds" : "FAILS") exactly; "
                + (signs == nil ? "‖v_S‖₁" : "⟨τ, v_S⟩") + "/‖v_{S^c}‖₁ = "
                + "\(ratio?.description ?? "∞") \(reproduces ? "equals" : "DIFFERS FROM") the value")
        return ExactSupportConstant(
            support: sorted, signs: best.signs, value: best.value, witness: best.witness,
            witnessRatio: ratio, verified: allVerified && inKernel && reproduces, steps: steps)
    }

    /// Whether ϱ value `a` exceeds `b` (`nil` = +∞).
    private static func isLarger(_ a: Rational?, than b: Rational?) -> Bool {
        switch (a, b) {
        case (nil, nil): false
        case (nil, _): true
        case (_, nil): false
        case let (x?, y?): x > y
        }
    }
}
