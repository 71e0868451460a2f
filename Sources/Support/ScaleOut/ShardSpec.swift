/// A deterministic slice of a chunked enumeration: shard k of N takes the chunks c with c mod N = k − 1.
///
/// Chunks are fixed ranges of work items (they must not depend on the number of threads or machines), so
/// N runs with shards 1/N … N/N, on any machines, cover every chunk exactly once.
public struct ShardSpec: Sendable, Hashable, Codable, CustomStringConvertible {
    /// k, 1-based.
    public let index: Int
    /// N.
    public let count: Int

    /// The whole enumeration (1/1).
    public static let whole = ShardSpec(validIndex: 1, count: 1)

    private init(validIndex: Int, count: Int) {
        self.index = validIndex
        self.count = count
    }

    /// Shard k of N.
    /// - Throws: ``ScaleOutError/invalidShard(_:)`` unless 1 ≤ k ≤ N.
    public init(index: Int, count: Int) throws(ScaleOutError) {
        guard count >= 1 else { throw .invalidShard("the shard count N = \(count) must be at least 1") }
        guard (1...count).contains(index) else {
            throw .invalidShard("k = \(index) is not between 1 and N = \(count)")
        }
        self.init(validIndex: index, count: count)
    }

    /// Parses "k/N" (decimal integers, no spaces).
    /// - Throws: ``ScaleOutError/invalidShard(_:)`` naming what is wrong with the text.
    public init(parsing text: String) throws(ScaleOutError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw .invalidShard("'\(text)' is not of the form k/N")
        }
        try self.init(index: k, count: n)
    }

    /// Decodes "k/N" and checks it (a checkpoint or result file naming an impossible shard is refused).
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: error.description))
        }
    }

    /// Encodes as "k/N".
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Whether chunk number `chunk` (0-based) belongs to this shard.
    public func contains(chunk: Int) -> Bool { chunk % count == index - 1 }

    /// This shard's chunk numbers among 0 ..< `chunkCount`, increasing.
    /// - Complexity: O(chunkCount / N).
    public func chunks(of chunkCount: Int) -> [Int] {
        Array(stride(from: index - 1, to: max(0, chunkCount), by: count))
    }

    /// "k/N".
    public var description: String { "\(index)/\(count)" }
}
