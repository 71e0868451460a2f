import ScaleOut

/// A subset solved exactly by LPs: its α-normalised sign-specific values ϱ/(1 + ϱ), one per pattern number.
struct SolvedSubset: Sendable, Hashable, Codable {
    var support: [Int]
    var alphas: [Double]
}

/// The saved state of an order-s search, from its first LP on: the subsets solved exactly (singletons,
/// pairs, the (s−1)-subsets solved while refining), whether the local search ran, which chunks of supports
/// and which single supports (best-first) are finished, and the incumbent.
///
/// Finished chunks and supports are never redone: every support in them was either solved or pruned below
/// an incumbent that is at most the saved one, so resuming with the saved incumbent gives the same constant
/// as an uninterrupted run. Stored through ``ScaleOut/CheckpointFile`` (atomic replacement, content digest);
/// on resume the incumbent's support is re-solved before it is trusted.
struct Checkpoint: Sendable, Hashable, Codable {
    var method: String
    var matrixDigest: String
    var rows: Int
    var columns: Int
    var order: Int
    var shard: ShardSpec
    var chunkSize: Int
    var chunkCount: Int
    /// Chunk numbers finished, increasing.
    var completedChunks: [Int]
    var incumbent: Incumbent
    var lpsSolved: Int
    var supportsSolved: Int
    /// Seconds spent in earlier runs.
    var seconds: Double
    /// Exactly solved subsets of sizes 1 … s − 1.
    var solvedSubsets: [SolvedSubset]
    /// The witnesses of the singleton LPs (the local search's seeds).
    var seeds: [[Double]]
    var localSearchDone: Bool
    /// Supports of size s that best-first rounds solved or pruned below the incumbent, increasing (`nil` in
    /// checkpoints written before they were saved).
    var closedSupports: [[Int]]?

    /// The file of an NSP checkpoint at `path`.
    static func file(_ path: String) -> CheckpointFile<Checkpoint> {
        CheckpointFile(path: path, format: "sparsecert-nsp-checkpoint", version: 3)
    }

    /// Reads a checkpoint; `nil` when the file does not exist.
    /// - Throws: ``NullSpacePropertyError/scaleOut(_:)`` when it cannot be read or parsed, is of another
    ///   format, fails its content digest, or lists impossible chunks. The file is left untouched.
    static func load(path: String) throws(NullSpacePropertyError) -> Checkpoint? {
        let checkpoint: Checkpoint?
        do { checkpoint = try file(path).load() } catch { throw .scaleOut(error) }
        guard let checkpoint else { return nil }
        guard checkpoint.completedChunks.allSatisfy({ (0..<checkpoint.chunkCount).contains($0) }) else {
            throw unusable(path, "it lists chunk numbers outside 0..<\(checkpoint.chunkCount)")
        }
        return checkpoint
    }

    /// Checks that this checkpoint belongs to the same computation.
    func validate(against expected: Checkpoint, path: String) throws(NullSpacePropertyError) {
        let mismatches = [
            matrixDigest != expected.matrixDigest
                ? "it was written for another matrix (digest \(matrixDigest), "
                    + "this one is \(expected.matrixDigest))" : nil,
            order != expected.order ? "it is for order s = \(order), not \(expected.order)" : nil,
            method != expected.method ? "it is of method \(method), not \(expected.method)" : nil,
            shard != expected.shard ? "it is for shard \(shard), not \(expected.shard)" : nil,
            chunkSize != expected.chunkSize || chunkCount != expected.chunkCount
                ? "its chunking (\(chunkCount) chunks of \(chunkSize)) differs" : nil,
        ].compactMap { $0 }
        if let first = mismatches.first { throw Self.unusable(path, first) }
        guard incumbent.support.count == order || incumbent.support.isEmpty,
            incumbent.witness.count == columns || incumbent.witness.isEmpty,
            incumbent.alpha >= 0, incumbent.alpha <= 1,
            seeds.allSatisfy({ $0.count == columns && $0.allSatisfy(\.isFinite) })
        else {
            throw Self.unusable(path, "its incumbent does not fit the matrix and order")
        }
    }

    /// Writes the checkpoint atomically (a temporary file, then a rename).
    /// - Throws: ``NullSpacePropertyError/scaleOut(_:)`` when it cannot be written.
    func save(path: String) throws(NullSpacePropertyError) {
        do { try Self.file(path).save(self) } catch { throw .scaleOut(error) }
    }

    static func unusable(_ path: String, _ reason: String) -> NullSpacePropertyError {
        .scaleOut(.unusableCheckpoint(path: path, reason: reason))
    }
}
