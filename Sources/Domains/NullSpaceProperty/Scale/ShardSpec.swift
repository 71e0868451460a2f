/// A deterministic slice of an enumeration: shard k of N takes the chunks c with c mod N = k − 1.
///
/// Chunks are fixed ranges of support ranks (they do not depend on the number of threads), so N runs
/// with `--shard 1/N` … `--shard N/N`, on any machines, cover every support exactly once.
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
    /// - Throws: ``NullSpacePropertyError/invalidShard(_:)`` unless 1 ≤ k ≤ N.
    public init(index: Int, count: Int) throws(NullSpacePropertyError) {
        guard count >= 1 else { throw .invalidShard("the shard count N = \(count) must be at least 1") }
        guard (1...count).contains(index) else { throw .invalidShard("k = \(index) is not between 1 and N = \(count)") }
        self.init(validIndex: index, count: count)
    }

    /// Parses "k/N".
    /// - Throws: ``NullSpacePropertyError/invalidShard(_:)`` naming what is wrong with the text.
    public init(parsing text: String) throws(NullSpacePropertyError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw .invalidShard("'\(text)' is not of the form k/N")
        }
        try self.init(index: k, count: n)
    }

    /// Whether chunk number `chunk` belongs to this shard.
    public func contains(chunk: Int) -> Bool { chunk % count == index - 1 }

    /// "k/N".
    public var description: String { "\(index)/\(count)" }
}
