/// The result of one cell: how many of its T instances basis pursuit and each flow limit recovered.
///
/// JSON keys (stable): `index`, `delta`, `rho`, `rows`, `sparsity`, `trials`, `recovered` (BP count),
/// `mean_relative_error` (of BP, over the trials where it gave a minimizer; `null` if none), `failures`
/// (BP solves that ended without a minimizer), `unverified` (with `exact`: solves whose exact check did not
/// pass), and `flow`: one ``FlowCellResult`` per (depth, α).
public struct CellResult: Sendable, Hashable, Codable {
    /// The cell.
    public let cell: PhaseCell
    /// T.
    public let trials: Int
    /// The number of trials in which basis pursuit recovered x₀.
    public let recovered: Int
    /// The mean of ‖x̂ − x₀‖₂/‖x₀‖₂ over the trials with a BP minimizer.
    public let meanRelativeError: Double?
    /// BP solves that ended without a minimizer (counted as not recovered).
    public let failures: Int
    /// With `exact`: trials whose exact verification did not pass (counted as not recovered).
    public let unverified: Int
    /// One entry per (depth, α), in the order of ``PhaseGrid/flowSettings``.
    public let flow: [FlowCellResult]

    /// The fraction of trials in which basis pursuit recovered x₀.
    public var fraction: Double { Double(recovered) / Double(trials) }

    /// Summarizes the outcomes of a cell's trials.
    init(cell: PhaseCell, settings: [FlowSetting], outcomes: [TrialOutcome]) {
        self.cell = cell
        trials = outcomes.count
        recovered = outcomes.filter(\.recovered).count
        meanRelativeError = mean(outcomes.compactMap(\.relativeError))
        failures = outcomes.filter(\.failed).count
        unverified = outcomes.filter(\.unverified).count
        flow = settings.indices.map { k in
            let solved = outcomes.compactMap { $0.flows[k] }
            return FlowCellResult(
                depth: settings[k].depth, alpha: settings[k].alpha,
                recovered: solved.filter(\.recovered).count,
                meanRelativeError: mean(solved.map(\.relativeError)),
                meanDistanceToBasisPursuit: mean(solved.compactMap(\.distanceToBasisPursuit)),
                failures: outcomes.count - solved.count)
        }
    }

    enum CodingKeys: String, CodingKey {
        case index, delta, rho, rows, sparsity, trials, recovered
        case meanRelativeError = "mean_relative_error"
        case failures, unverified, flow
    }

    /// Reads a cell written by ``encode(to:)``.
    /// - Throws: `DecodingError` for a missing key or a value of the wrong type.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cell = PhaseCell(
            index: try c.decode(Int.self, forKey: .index), delta: try c.decode(Double.self, forKey: .delta),
            rho: try c.decode(Double.self, forKey: .rho), rows: try c.decode(Int.self, forKey: .rows),
            sparsity: try c.decode(Int.self, forKey: .sparsity))
        trials = try c.decode(Int.self, forKey: .trials)
        recovered = try c.decode(Int.self, forKey: .recovered)
        meanRelativeError = try c.decode(Double?.self, forKey: .meanRelativeError)
        failures = try c.decode(Int.self, forKey: .failures)
        unverified = try c.decode(Int.self, forKey: .unverified)
        flow = try c.decode([FlowCellResult].self, forKey: .flow)
    }

    /// Writes every key, `null` for a missing mean.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cell.index, forKey: .index)
        try c.encode(cell.delta, forKey: .delta)
        try c.encode(cell.rho, forKey: .rho)
        try c.encode(cell.rows, forKey: .rows)
        try c.encode(cell.sparsity, forKey: .sparsity)
        try c.encode(trials, forKey: .trials)
        try c.encode(recovered, forKey: .recovered)
        try c.encode(meanRelativeError, forKey: .meanRelativeError)
        try c.encode(failures, forKey: .failures)
        try c.encode(unverified, forKey: .unverified)
        try c.encode(flow, forKey: .flow)
    }
}

/// The flow limits of one cell at one (depth, α).
///
/// JSON keys (stable): `depth`, `alpha`, `recovered` (‖x_∞ − x₀‖₂ ≤ threshold·‖x₀‖₂), `mean_relative_error`
/// (of x_∞ against x₀), `mean_distance_to_bp` (‖x_∞ − x̂‖₂/‖x̂‖₂ against the BP solution x̂), each mean over
/// the trials the limit solver finished (`null` if none), and `failures` (limit solves that did not finish).
public struct FlowCellResult: Sendable, Hashable, Codable {
    /// D.
    public let depth: Int
    /// α (product convention).
    public let alpha: Double
    /// The trials whose flow limit recovered x₀ to the threshold.
    public let recovered: Int
    /// The mean of ‖x_∞ − x₀‖₂/‖x₀‖₂.
    public let meanRelativeError: Double?
    /// The mean of ‖x_∞ − x̂‖₂/‖x̂‖₂.
    public let meanDistanceToBasisPursuit: Double?
    /// Limit solves that did not finish (counted as not recovered).
    public let failures: Int

    enum CodingKeys: String, CodingKey {
        case depth, alpha, recovered
        case meanRelativeError = "mean_relative_error"
        case meanDistanceToBasisPursuit = "mean_distance_to_bp"
        case failures
    }

    /// Writes every key, `null` for a missing mean.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(depth, forKey: .depth)
        try c.encode(alpha, forKey: .alpha)
        try c.encode(recovered, forKey: .recovered)
        try c.encode(meanRelativeError, forKey: .meanRelativeError)
        try c.encode(meanDistanceToBasisPursuit, forKey: .meanDistanceToBasisPursuit)
        try c.encode(failures, forKey: .failures)
    }
}

/// The arithmetic mean, `nil` for no values.
func mean(_ values: [Double]) -> Double? {
    values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
}
