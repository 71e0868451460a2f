import Foundation
import ProblemData

/// One phase-diagram experiment: the grid of (δ, ρ) cells, the trials per cell, the random ensemble and
/// what is run on every instance (basis pursuit, and gradient-flow limits for each depth and α).
///
/// Cell rule: m = round(δ·n) and s = max(1, round(ρ·m)), rounding halves away from zero.
public struct PhaseGrid: Sendable, Hashable {
    /// n, the signal length.
    public var columns: Int
    /// δ = m/n values, each in (0, 1].
    public var deltas: [Double]
    /// ρ = s/m values, each in (0, 1].
    public var rhos: [Double]
    /// T, the instances per cell (≥ 1).
    public var trials: Int
    /// The seed of the instance stream (``InstanceStream``).
    public var seed: UInt64
    /// The measurement ensemble.
    public var ensemble: MeasurementEnsemble
    /// η ≥ 0: the standard deviation of the noise added to y.
    public var noise: Double
    /// The depths D ≥ 2 of the diagonal networks (empty: basis pursuit only).
    public var depths: [Int]
    /// The initialization scales α > 0 (product convention), used with every depth.
    public var alphas: [Double]
    /// Whether recovery by basis pursuit must be proven exactly (x̂ = x₀ in rational arithmetic).
    public var exact: Bool
    /// Relative recovery threshold: recovered iff ‖x − x₀‖₂ ≤ threshold·‖x₀‖₂ (BP without `exact`, and every
    /// flow limit). Default 1e-6.
    public var threshold: Double

    /// A grid; ``validate()`` checks it.
    public init(
        columns: Int, deltas: [Double], rhos: [Double], trials: Int, seed: UInt64,
        ensemble: MeasurementEnsemble = .gaussian, noise: Double = 0, depths: [Int] = [], alphas: [Double] = [],
        exact: Bool = false, threshold: Double = 1e-6
    ) {
        self.columns = columns
        self.deltas = deltas
        self.rhos = rhos
        self.trials = trials
        self.seed = seed
        self.ensemble = ensemble
        self.noise = noise
        self.depths = depths
        self.alphas = alphas
        self.exact = exact
        self.threshold = threshold
    }

    /// The largest n accepted (every instance is a dense m×n matrix).
    public static let maximumColumns = 4000

    /// m for a given δ: round(δ·n).
    public func rows(delta: Double) -> Int { Int((delta * Double(columns)).rounded(.toNearestOrAwayFromZero)) }

    /// s for a given δ and ρ: max(1, round(ρ·m)).
    public func sparsity(delta: Double, rho: Double) -> Int {
        max(1, Int((rho * Double(rows(delta: delta))).rounded(.toNearestOrAwayFromZero)))
    }

    /// Checks every parameter.
    /// - Throws: ``PhaseTransitionError`` naming the parameter and what to give instead: n outside
    ///   1…``maximumColumns``, an empty list, δ or ρ outside (0, 1], a repeated δ or ρ, trials < 1, a cell
    ///   with s > m (m = round(δn) = 0), η outside [0, 10⁶], a depth < 2, α not in (0, ∞), depths without
    ///   alphas (or the reverse), `exact` with noise, or a threshold outside (0, 1).
    /// - Complexity: O(|δ|·|ρ|).
    public func validate() throws(PhaseTransitionError) {
        guard (1...Self.maximumColumns).contains(columns) else {
            throw PhaseTransitionError("--columns must be between 1 and \(Self.maximumColumns), not \(columns)")
        }
        try Self.checkFractions(deltas, name: "--deltas", symbol: "δ")
        try Self.checkFractions(rhos, name: "--rhos", symbol: "ρ")
        guard trials >= 1 else { throw PhaseTransitionError("--trials must be at least 1, not \(trials)") }
        for delta in deltas {
            let m = rows(delta: delta)
            let s = sparsity(delta: delta, rho: rhos.min() ?? 1)
            guard s <= m else {
                throw PhaseTransitionError(
                    "δ = \(delta) gives m = round(δ·n) = \(m) rows for n = \(columns), fewer than "
                        + "the s = \(s) non-zeros of the sparsest cell: raise δ or --columns")
            }
        }
        guard noise.isFinite, noise >= 0, noise <= RandomProblemRecipe.maximumNoiseLevel else {
            throw PhaseTransitionError(
                "--noise must be a number in [0, \(RandomProblemRecipe.maximumNoiseLevel)], not \(noise)")
        }
        guard depths.isEmpty == alphas.isEmpty else {
            throw PhaseTransitionError(
                depths.isEmpty
                    ? "--alphas needs --depths (e.g. --depths 2,3)"
                    : "--depths needs --alphas (e.g. --alphas 1e-2,1e-3)")
        }
        if let bad = depths.first(where: { !(2...64).contains($0) }) {
            throw PhaseTransitionError("--depths: every depth D must be between 2 and 64, not \(bad)")
        }
        if let bad = alphas.first(where: { !($0 > 0 && $0.isFinite) }) {
            throw PhaseTransitionError("--alphas: every scale α must be a positive number, not \(bad)")
        }
        guard threshold > 0, threshold < 1 else {
            throw PhaseTransitionError("--threshold must lie in (0, 1), not \(threshold)")
        }
        guard !(exact && noise > 0) else {
            throw PhaseTransitionError(
                "--exact proves x̂ = x₀ on exactly consistent data; with --noise x₀ is not the "
                    + "basis pursuit solution: drop one of them")
        }
    }

    private static func checkFractions(_ values: [Double], name: String, symbol: String) throws(PhaseTransitionError) {
        guard !values.isEmpty else {
            throw PhaseTransitionError("\(name) is empty: give at least one \(symbol) in (0, 1]")
        }
        if let bad = values.first(where: { !($0 > 0 && $0 <= 1) }) {
            throw PhaseTransitionError(
                "\(name): \(symbol) = \(bad) is outside (0, 1]; every \(symbol) must satisfy 0 < \(symbol) ≤ 1")
        }
        guard Set(values).count == values.count else {
            throw PhaseTransitionError("\(name) lists a value twice; give every \(symbol) once")
        }
    }

    /// The cells, δ-major: cell k has δ = deltas[k / |ρ|] and ρ = rhos[k % |ρ|].
    public var cells: [PhaseCell] {
        deltas.indices.flatMap { i in
            rhos.indices.map { j in
                PhaseCell(
                    index: i * rhos.count + j, delta: deltas[i], rho: rhos[j], rows: rows(delta: deltas[i]),
                    sparsity: sparsity(delta: deltas[i], rho: rhos[j]))
            }
        }
    }

    /// The (depth, α) pairs of the flow limits, depth-major.
    public var flowSettings: [FlowSetting] { depths.flatMap { d in alphas.map { FlowSetting(depth: d, alpha: $0) } } }

    /// A short text identifying the grid exactly (every parameter), so that checkpoints and shard results
    /// of another grid are recognized.
    public var identity: String {
        let values = { (list: [Double]) in list.map { "\($0)" }.joined(separator: ",") }
        return "n=\(columns) deltas=\(values(deltas)) rhos=\(values(rhos)) trials=\(trials) seed=\(seed) "
            + "ensemble=\(ensemble.rawValue) noise=\(noise) depths=\(depths.map(String.init).joined(separator: ",")) "
            + "alphas=\(values(alphas)) exact=\(exact) threshold=\(threshold)"
    }
}

/// One cell of the grid.
public struct PhaseCell: Sendable, Hashable, Codable {
    /// The position in ``PhaseGrid/cells``.
    public let index: Int
    /// δ = m/n as asked.
    public let delta: Double
    /// ρ = s/m as asked.
    public let rho: Double
    /// m = round(δ·n).
    public let rows: Int
    /// s = max(1, round(ρ·m)).
    public let sparsity: Int
}

/// A depth and a scale at which the flow limit x_∞(α) is computed.
public struct FlowSetting: Sendable, Hashable, Codable {
    /// D ≥ 2.
    public let depth: Int
    /// α > 0 (scale of the product, `DiagonalNetworks/InitializationConvention/product`).
    public let alpha: Double
}
