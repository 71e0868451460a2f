import DenseLinearAlgebra
import DiagonalNetworks
import ExactArithmetic
import Foundation
import Synchronization

/// An α sweep of ‖x_∞(α) − x*‖₁ over depths and scales, with local log–log slopes and the fitted
/// asymptotic slope against the prediction (1 − ϱ for D = 2, 1 for D ≥ 3; DESIGN.md §1.3).
///
/// Every (D, α) is an independent limit solve (`FlowLimitSolver`, support-aware around the exact x*), run
/// in parallel on all cores with `DispatchQueue.concurrentPerform`. A sweep can be sharded: shard k of K
/// takes the grid points with index ≡ k (mod K); the CSV rows of all shards together are the full sweep.
public struct RateSweep: Sendable {
    /// One grid point.
    public struct Point: Sendable, Hashable {
        /// D.
        public var depth: Int
        /// α.
        public var alpha: Double
        /// ‖x_∞ − x*‖₁, or `nil` when the solver failed at this point.
        public var error: Double?
        /// The solver's message on failure.
        public var failure: String?
    }

    /// The fit of one depth.
    public struct DepthSummary: Sendable, Hashable {
        /// D.
        public var depth: Int
        /// 1 − ϱ (D = 2) or 1.
        public var predictedSlope: Double
        /// The least-squares slope of log err vs log α over the smallest-α quarter of the points (≥ 2).
        public var fittedSlope: Double
        /// Local slopes between consecutive α (in sweep order).
        public var localSlopes: [Double]
    }

    /// A, exactly.
    public let matrix: Matrix<Rational>
    /// y, exactly.
    public let observations: [Rational]
    /// The exact basis pursuit solution (the reference of every error).
    public let reference: [Rational]
    /// ϱ(S, σ) of x* (sets the predicted depth-2 slope 1 − ϱ).
    public let rho: Double

    /// A sweep around a given exact x* with its ϱ (see also ``prepare(matrix:observations:)``).
    public init(matrix: Matrix<Rational>, observations: [Rational], reference: [Rational], rho: Double) {
        self.matrix = matrix
        self.observations = observations
        self.reference = reference
        self.rho = rho
    }

    /// The grid "from:to:count", logarithmically spaced (e.g. "1e-1:1e-30:40").
    /// - Returns: `nil` when the text is malformed, a bound is not a positive finite number, or count < 2.
    public static func alphaGrid(_ text: String) -> [Double]? {
        let parts = text.split(separator: ":").map(String.init)
        guard parts.count == 3, let from = Double(parts[0]), let to = Double(parts[1]), let count = Int(parts[2]),
            from > 0, to > 0, from.isFinite, to.isFinite, count >= 2, count <= 100_000
        else { return nil }
        let a = log10(from), b = log10(to)
        return (0..<count).map { pow(10, a + (b - a) * Double($0) / Double(count - 1)) }
    }

    /// Solves every (D, α) of this shard in parallel.
    /// - Parameters:
    ///   - depths: the depths D ≥ 2.
    ///   - alphas: the scales α > 0.
    ///   - shard: this shard's index k − 1 (0-based) of the (D, α) grid, taken round robin.
    ///   - shards: the number of shards K.
    ///   - progress: called (from any thread, serialized) with (done, total) after each point.
    /// - Complexity: |depths|·|alphas|/K limit solves, spread over all cores.
    public func run(
        depths: [Int], alphas: [Double], shard: Int = 0, shards: Int = 1,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> [Point] {
        let grid = depths.flatMap { d in alphas.map { (d, $0) } }
        let mine = grid.indices.filter { $0 % shards == shard }.map { grid[$0] }
        let results = Mutex((points: [Point?](repeating: nil, count: mine.count), done: 0))
        DispatchQueue.concurrentPerform(iterations: mine.count) { index in
            let (depth, alpha) = mine[index]
            var point = Point(depth: depth, alpha: alpha, error: nil, failure: nil)
            do {
                let network = try DiagonalNetwork(
                    exactMatrix: matrix, observations: observations, depth: depth, alpha: alpha)
                point.error = try FlowLimitSolver(network: network, exactReference: reference).solve().errorL1
            } catch { point.failure = "\(error)" }
            results.withLock { results in
                results.points[index] = point
                results.done += 1
                progress?(results.done, mine.count)
            }
        }
        return results.withLock { $0.points.compactMap { $0 } }
    }

    /// Local slopes and the fitted asymptotic slope per depth (points in α order as given).
    public func summarize(_ points: [Point], depths: [Int]) -> [DepthSummary] {
        depths.map { depth in
            let series = points.filter { $0.depth == depth }.compactMap { p in p.error.map { (p.alpha, $0) } }
                .filter { $0.1 > 0 }.sorted { $0.0 > $1.0 }
            let local = zip(series, series.dropFirst()).map {
                Asymptotics.localSlope(alpha: $0.0, error: $0.1, alpha: $1.0, error: $1.1)
            }
            let tail = Array(series.suffix(max(2, series.count / 4)))
            return DepthSummary(
                depth: depth, predictedSlope: Asymptotics.exponent(depth: depth, rho: rho),
                fittedSlope: Self.slope(tail), localSlopes: local)
        }
    }

    /// Least-squares slope of log y against log x (NaN for fewer than two points).
    static func slope(_ points: [(Double, Double)]) -> Double {
        guard points.count >= 2 else { return .nan }
        let xs = points.map { log($0.0) }, ys = points.map { log($0.1) }
        let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
        let sxy = zip(xs, ys).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        return sxx > 0 ? sxy / sxx : .nan
    }

    /// The CSV of a sweep: depth,alpha,error_l1,failure (one row per point).
    public static func csv(_ points: [Point]) -> String {
        "depth,alpha,error_l1,failure\n"
            + points.map {
                "\($0.depth),\($0.alpha),\($0.error.map { "\($0)" } ?? ""),\($0.failure.map { "\"\($0.replacingOccurrences(of: "\"", with: "'"))\"" } ?? "")"
            }.joined(separator: "\n") + "\n"
    }
}
