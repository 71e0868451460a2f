import Foundation
import ScaleOut

/// The part of an `nsp --order s --json` document that `nsp merge` reads back: one shard's result, in
/// α units (all finite, in [0, 1]), with the provenance the merge checks. Keys are snake_case; other keys
/// of the document are ignored.
public struct ShardReport: Sendable, Hashable, Codable {
    /// m and n of A.
    public var rows: Int, columns: Int
    /// ``NullSpaceMatrix/digest`` of A.
    public var matrixDigest: String
    /// s.
    public var order: Int
    /// ``OrderConstant/Method`` raw value.
    public var method: String
    /// The interval [lowerAlpha, upperAlpha] ∋ α_s (for a shard: over its slice and its incumbent).
    public var lowerAlpha: Double, upperAlpha: Double
    /// Whether the shard's search finished.
    public var complete: Bool
    /// Where the upper bound comes from.
    public var upperBoundSource: String
    /// The incumbent: S, τ and v ∈ ker A.
    public var support: [Int], signs: [Int], witness: [Double]
    /// Work done.
    public var lpsSolved: Int, naiveLps: Double, supportsSolved: Int
    /// "k/N".
    public var shard: ShardSpec
    /// Wall-clock seconds.
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case rows, columns, matrixDigest = "matrix_digest", order, method, lowerAlpha = "lower_alpha"
        case upperAlpha = "upper_alpha", complete, upperBoundSource = "upper_bound_source", support, signs
        case witness, lpsSolved = "lps_solved", naiveLps = "naive_lps", supportsSolved = "supports_solved"
        case shard, seconds
    }

    /// The report of an order-s result of an m×n matrix.
    public init(_ result: OrderConstant, rows: Int, columns: Int) {
        (self.rows, self.columns, matrixDigest, order) = (rows, columns, result.matrixDigest, result.order)
        (method, lowerAlpha, upperAlpha) = (result.method.rawValue, result.lowerAlpha, result.upperAlpha)
        (complete, upperBoundSource) = (result.complete, result.upperBoundSource)
        (support, signs, witness) = (result.incumbent.support, result.incumbent.signs, result.incumbent.witness)
        (lpsSolved, naiveLps, supportsSolved) = (result.lpsSolved, result.naiveLPs, result.supportsSolved)
        (shard, seconds) = (result.shard, result.seconds)
    }

    /// Reads the report in a JSON file written by `nsp --order s --json`.
    /// - Throws: ``NullSpacePropertyError/unmergeableShards(_:)`` naming the file and what is wrong with it
    ///   (unreadable, not JSON, a missing or mistyped key, impossible values).
    public static func read(path: String) throws(NullSpacePropertyError) -> ShardReport {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unmergeableShards("\(path) cannot be read (\(error.localizedDescription))")
        }
        let report: ShardReport
        do { report = try JSONDecoder().decode(ShardReport.self, from: data) } catch {
            let what =
                switch error as? DecodingError {
                case let .keyNotFound(key, _)?: "its key \"\(key.stringValue)\" is missing"
                case let .valueNotFound(_, context)? where context.codingPath.first?.stringValue == "order":
                    "its \"order\" is null: it is a --support result, and only --order results can be merged"
                case let .typeMismatch(_, context)?, let .valueNotFound(_, context)?:
                    "its key \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type"
                case let .dataCorrupted(context)? where !context.codingPath.isEmpty:
                    "its key \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" is invalid"
                default: "it is not valid JSON"
                }
            throw .unmergeableShards("\(path) is not a JSON result of 'sparsecert nsp --order s --json': \(what)")
        }
        _ = try report.orderConstant(path: path)
        return report
    }

    /// The result this report describes, checked for consistency.
    /// - Throws: ``NullSpacePropertyError/unmergeableShards(_:)`` for impossible values.
    public func orderConstant(path: String = "the shard result") throws(NullSpacePropertyError) -> OrderConstant {
        guard let method = OrderConstant.Method(rawValue: method) else {
            throw .unmergeableShards("\(path) names an unknown method '\(self.method)'")
        }
        guard order >= 1, rows >= 1, columns >= order, 0 <= lowerAlpha, lowerAlpha <= upperAlpha, upperAlpha <= 1,
            support.isEmpty || (support.count == order && signs.count == order && witness.count == columns)
        else {
            throw .unmergeableShards("\(path) has impossible values (order, bounds or incumbent do not fit)")
        }
        return OrderConstant(
            order: order, method: method, lowerAlpha: lowerAlpha, upperAlpha: upperAlpha,
            incumbent: Incumbent(alpha: lowerAlpha, support: support, signs: signs, witness: witness),
            complete: complete, upperBoundSource: upperBoundSource, lpsSolved: lpsSolved, naiveLPs: naiveLps,
            supportsSolved: supportsSolved, shard: shard, matrixDigest: matrixDigest, seconds: seconds)
    }
}
