import ProblemData

/// The grid as JSON, with snake_case keys: `columns`, `deltas`, `rhos`, `trials`, `seed`, `ensemble`
/// (its name), `noise`, `depths`, `alphas`, `exact`, `threshold`.
extension PhaseGrid: Codable {
    enum CodingKeys: String, CodingKey {
        case columns, deltas, rhos, trials, seed, ensemble, noise, depths, alphas, exact, threshold
    }

    /// Reads a grid written by ``encode(to:)``.
    /// - Throws: `DecodingError` for a missing key or an unknown ensemble name.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .ensemble)
        guard let ensemble = MeasurementEnsemble(rawValue: name) else {
            throw DecodingError.dataCorruptedError(
                forKey: .ensemble, in: container,
                debugDescription: "unknown ensemble '\(name)'")
        }
        self.init(
            columns: try container.decode(Int.self, forKey: .columns),
            deltas: try container.decode([Double].self, forKey: .deltas),
            rhos: try container.decode([Double].self, forKey: .rhos),
            trials: try container.decode(Int.self, forKey: .trials),
            seed: try container.decode(UInt64.self, forKey: .seed), ensemble: ensemble,
            noise: try container.decode(Double.self, forKey: .noise),
            depths: try container.decode([Int].self, forKey: .depths),
            alphas: try container.decode([Double].self, forKey: .alphas),
            exact: try container.decode(Bool.self, forKey: .exact),
            threshold: try container.decode(Double.self, forKey: .threshold))
    }

    /// Writes every parameter.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(columns, forKey: .columns)
        try container.encode(deltas, forKey: .deltas)
        try container.encode(rhos, forKey: .rhos)
        try container.encode(trials, forKey: .trials)
        try container.encode(seed, forKey: .seed)
        try container.encode(ensemble.rawValue, forKey: .ensemble)
        try container.encode(noise, forKey: .noise)
        try container.encode(depths, forKey: .depths)
        try container.encode(alphas, forKey: .alphas)
        try container.encode(exact, forKey: .exact)
        try container.encode(threshold, forKey: .threshold)
    }
}
