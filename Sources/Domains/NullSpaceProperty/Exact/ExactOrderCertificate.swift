import ExactArithmetic
import LinearProgramming

/// The exact re-verification of an order-s result: ρ_S of the winning support exactly, and the proven
/// bounds of all other supports against it.
public struct ExactOrderCertificate: Sendable, Hashable {
    /// ρ_S of the winning support, exactly, with its exact witness.
    public let winner: ExactSupportConstant
    /// The largest proven upper bound on α_S over every other support of size s (rounded up).
    public let certifiedUpperAlpha: Double
    /// Whether ρ_s = winner.value is proven: the winner is verified exactly and no other support can
    /// exceed it (certifiedUpperAlpha ≤ α_winner, compared exactly).
    public let isProven: Bool
    /// What was checked.
    public let steps: [String]
}

extension NullSpaceMatrix {
    /// Re-verifies a branch-and-bound result computed with ``OrderSearchOptions/certifyBounds`` in exact
    /// arithmetic: solves the winning support's 2^(s−1) ϱ-LPs with certified exact solutions, checks its
    /// witness exactly, and compares the proven bounds of all other supports with the exact winner.
    ///
    /// - Throws: ``NullSpacePropertyError/invalidParameter(_:)`` when `result` is a shard, incomplete, or was
    ///   computed without `certifyBounds`; LP failures as ``NullSpacePropertyError/sparseRecovery(_:)``.
    /// - Complexity: 2^(s−1) certified LPs.
    public func certifyExactly(
        _ result: OrderConstant, solver: LPSolver = LPSolver()
    )
        throws(NullSpacePropertyError) -> ExactOrderCertificate
    {
        guard let bound = result.certifiedUpperAlpha, result.shard == .whole, !result.incumbent.support.isEmpty else {
            throw .invalidParameter(
                "exact certification needs a whole-matrix branch-and-bound result computed with certifyBounds")
        }
        let winner = try exactSupportConstant(result.incumbent.support, solver: solver)
        guard let exactBound = Rational(exactly: bound) else {
            throw .invalidParameter("the certified bound \(bound) is not finite")
        }
        let dominates = winner.value == nil || exactBound <= winner.alpha
        let proven = winner.verified && dominates && result.complete
        var steps = [
            "winning support \(winner.support): ρ_S = \(winner.value?.description ?? "∞") "
                + (winner.verified ? "proven exactly" : "NOT proven")
        ]
        steps.append(
            "every other support of size \(result.order): α_S ≤ \(bound) (proven from the LP certificates μ "
                + "in rational arithmetic)"
                + (dominates ? " ≤ α_winner = \(winner.alpha)" : ", which EXCEEDS α_winner = \(winner.alpha)"))
        if !result.complete { steps.append("the search did not finish, so the other supports are not all covered") }
        return ExactOrderCertificate(winner: winner, certifiedUpperAlpha: bound, isProven: proven, steps: steps)
    }
}
