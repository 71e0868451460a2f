/// Where recovery switches from likely to unlikely along one column δ of the diagram.
///
/// JSON keys (stable): `delta`, `rho_50` (the interpolated ρ of 50 % BP recovery, `null` when the grid does
/// not bracket it), `rho_50_status` (`interpolated`, `above grid`: recovery ≥ 50 % at every ρ, or
/// `below grid`: < 50 % at every ρ), `rho_theory` (``StatisticalDimension/transition(delta:)``), and `flow`:
/// the same ρ_50 for every (depth, α).
public struct TransitionPoint: Sendable, Hashable, Codable {
    /// δ.
    public let delta: Double
    /// The ρ at which the recovery fraction crosses 1/2, or `nil`.
    public let rho50: Double?
    /// Why ``rho50`` is what it is.
    public let status: CrossingStatus
    /// The theoretical transition ρ(δ) from ψ.
    public let rhoTheory: Double
    /// The crossing for each (depth, α), in the order of ``PhaseGrid/flowSettings``.
    public let flow: [FlowTransition]

    enum CodingKeys: String, CodingKey {
        case delta
        case rho50 = "rho_50"
        case status = "rho_50_status"
        case rhoTheory = "rho_theory"
        case flow
    }

    /// Writes every key, `null` for a missing crossing.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(delta, forKey: .delta)
        try c.encode(rho50, forKey: .rho50)
        try c.encode(status, forKey: .status)
        try c.encode(rhoTheory, forKey: .rhoTheory)
        try c.encode(flow, forKey: .flow)
    }
}

/// The 50 % crossing of one (depth, α) along a column δ: keys `depth`, `alpha`, `rho_50`, `rho_50_status`.
public struct FlowTransition: Sendable, Hashable, Codable {
    /// D.
    public let depth: Int
    /// α.
    public let alpha: Double
    /// The crossing, or `nil`.
    public let rho50: Double?
    /// Why ``rho50`` is what it is.
    public let status: CrossingStatus

    enum CodingKeys: String, CodingKey {
        case depth, alpha
        case rho50 = "rho_50"
        case status = "rho_50_status"
    }

    /// Writes every key, `null` for a missing crossing.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(depth, forKey: .depth)
        try c.encode(alpha, forKey: .alpha)
        try c.encode(rho50, forKey: .rho50)
        try c.encode(status, forKey: .status)
    }
}

/// Whether a 50 % crossing was found inside the grid.
public enum CrossingStatus: String, Sendable, Hashable, Codable {
    /// Found between two grid values of ρ.
    case interpolated
    /// The recovery fraction is ≥ 1/2 at every ρ of the grid: the crossing lies above it.
    case aboveGrid = "above grid"
    /// The recovery fraction is < 1/2 at every ρ of the grid: the crossing lies below it.
    case belowGrid = "below grid"
}

/// The 50 % crossing of recovery fractions along ρ.
public enum Crossing {
    /// The ρ at which the fraction crosses 1/2.
    ///
    /// The fractions are first made non-increasing in ρ by weighted isotonic regression (pool adjacent
    /// violators; equal weights), which removes sampling wiggles without moving a clean transition; the
    /// crossing is then interpolated linearly between the last ρ with fitted fraction ≥ 1/2 and the next.
    /// - Parameter points: (ρ, fraction) pairs, any order, distinct ρ.
    /// - Returns: the crossing and its status (`nil` and above/below grid when it is not bracketed).
    /// - Complexity: O(k log k) for k points.
    public static func find(_ points: [(rho: Double, fraction: Double)]) -> (rho: Double?, status: CrossingStatus) {
        let sorted = points.sorted { $0.rho < $1.rho }
        let fitted = nonIncreasingFit(sorted.map(\.fraction))
        guard let first = fitted.firstIndex(where: { $0 < 0.5 }) else { return (nil, .aboveGrid) }
        guard first > 0 else { return (nil, .belowGrid) }
        let (r0, r1) = (sorted[first - 1].rho, sorted[first].rho)
        let (f0, f1) = (fitted[first - 1], fitted[first])
        return (r0 + (f0 - 0.5) / (f0 - f1) * (r1 - r0), .interpolated)
    }

    /// The closest non-increasing sequence in least squares (pool adjacent violators).
    static func nonIncreasingFit(_ values: [Double]) -> [Double] {
        var blocks: [(sum: Double, count: Int)] = []
        for value in values {
            blocks.append((value, 1))
            while blocks.count > 1,
                blocks[blocks.count - 2].sum / Double(blocks[blocks.count - 2].count)
                    < blocks[blocks.count - 1].sum / Double(blocks[blocks.count - 1].count)
            {
                let last = blocks.removeLast()
                blocks[blocks.count - 1].sum += last.sum
                blocks[blocks.count - 1].count += last.count
            }
        }
        return blocks.flatMap { Array(repeating: $0.sum / Double($0.count), count: $0.count) }
    }
}
