/// Why a sharded or checkpointed computation cannot go on. Every case says what to fix.
public enum ScaleOutError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A shard specification is not k/N with 1 ≤ k ≤ N.
    case invalidShard(String)
    /// A checkpoint file cannot be read, parsed, trusted or written; the file was left as it is.
    case unusableCheckpoint(path: String, reason: String)

    /// What went wrong and what to fix, for a user.
    public var description: String {
        switch self {
        case let .invalidShard(why):
            "invalid shard: \(why); write it as k/N with 1 ≤ k ≤ N, e.g. --shard 3/8"
        case let .unusableCheckpoint(path, reason):
            "cannot use the checkpoint \(path): \(reason); the file was left as it is — move it away to start afresh"
        }
    }
}
