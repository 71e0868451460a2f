import ScaleOut

/// The order-s constant ρ_s = max_{|S| ≤ s} ρ_S, or an interval around it, with the evidence.
///
/// Internally everything is kept in the normalisation α = ρ/(1 + ρ) ∈ [0, 1]:
/// α_s = max { ‖v_S‖₁ : v ∈ ker A, ‖v‖₁ ≤ 1, |S| ≤ s }. The NSP of order s holds iff ρ_s < 1 iff α_s < ½.
public struct OrderConstant: Sendable, Hashable {
    /// How the value was computed.
    public enum Method: String, Sendable, Hashable, Codable {
        /// Branch-and-bound over supports with LP bounds and incumbents.
        case branchAndBound = "branch-and-bound"
        /// Every support and sign pattern: C(n, s)·2^(s−1) LPs.
        case naiveEnumeration = "naive"
        /// GLPK's branch-and-cut on the MILP formulation.
        case mixedInteger = "milp"
        /// n LPs for α₁, pick-l upper bounds and a heuristic lower bound, no search.
        case cheapBounds = "bounds"
    }

    /// s.
    public let order: Int
    /// The method that produced this result.
    public let method: Method
    /// A lower bound on α_s, attained by ``incumbent``.
    public let lowerAlpha: Double
    /// An upper bound on α_s (for a shard: on α_S over the shard's supports and ``lowerAlpha``).
    public let upperAlpha: Double
    /// The support, signs and witness that attain ``lowerAlpha``.
    public let incumbent: Incumbent
    /// Whether the search ran to completion (no time limit hit): then the upper bound equals the lower one.
    public let complete: Bool
    /// Where the upper bound comes from, in words.
    public let upperBoundSource: String
    /// LPs solved (ϱ-LPs; for the MILP method, the LP relaxations are not counted).
    public let lpsSolved: Int
    /// C(n, s)·2^(s−1), the ϱ-LPs of naive enumeration.
    public let naiveLPs: Double
    /// Supports of size s whose own LPs were solved (the rest were pruned by bounds).
    public let supportsSolved: Int
    /// The slice of the supports this result covers.
    public let shard: ShardSpec
    /// ``NullSpaceMatrix/digest`` of A.
    public let matrixDigest: String
    /// Wall-clock seconds.
    public let seconds: Double
    /// With ``OrderSearchOptions/certifyBounds``: a proven upper bound on α_S for every support S of size s
    /// other than ``incumbent``'s, rounded up (`nil` otherwise).
    public internal(set) var certifiedUpperAlpha: Double?

    /// A result from its parts (for example, read back from a shard's JSON report).
    public init(
        order: Int, method: Method, lowerAlpha: Double, upperAlpha: Double, incumbent: Incumbent,
        complete: Bool, upperBoundSource: String, lpsSolved: Int, naiveLPs: Double, supportsSolved: Int,
        shard: ShardSpec, matrixDigest: String, seconds: Double
    ) {
        self.order = order
        self.method = method
        self.lowerAlpha = lowerAlpha
        self.upperAlpha = upperAlpha
        self.incumbent = incumbent
        self.complete = complete
        self.upperBoundSource = upperBoundSource
        self.lpsSolved = lpsSolved
        self.naiveLPs = naiveLPs
        self.supportsSolved = supportsSolved
        self.shard = shard
        self.matrixDigest = matrixDigest
        self.seconds = seconds
    }

    /// ρ_s ≥ this: ρ = α/(1 − α), or, where α rounds to 1 in floating point (ρ ≥ 2⁵³), the incumbent's own
    /// ratio ‖v_S‖₁ / ‖v_{S^c}‖₁, which stays finite unless v vanishes off S.
    public var lower: Double { lowerAlpha < 1 ? rhoOf(lowerAlpha) : incumbent.rho ?? .infinity }
    /// ρ_s ≤ this.
    public var upper: Double { rhoOf(upperAlpha) }
    /// Whether ρ_s = ``lower`` = ``upper`` is established for the whole matrix (not a shard). Never where α
    /// rounds to 1 while the witness shows a finite ρ: floating point cannot tell ρ_s from ∞ there.
    public var isExact: Bool {
        complete && shard == .whole && upperAlpha <= lowerAlpha && (lowerAlpha < 1 || lower.isInfinite)
    }
    /// Whether the NSP of order s is decided: `true` (ρ_s < 1), `false` (ρ_s ≥ 1), `nil` (the interval
    /// straddles 1, or this is a shard).
    public var nspHolds: Bool? {
        guard shard == .whole else { return nil }
        if upperAlpha < 0.5 { return true }
        if lowerAlpha >= 0.5 { return false }
        return nil
    }
}
