import Foundation

/// The saved state of an order-s search: which chunks of supports are finished and the best bound so far.
///
/// Finished chunks are never redone: every support in them was either solved or pruned below an
/// incumbent that is at most the saved one, so resuming with the saved incumbent gives the same constant
/// as an uninterrupted run. The file is JSON, replaced atomically on every save.
struct Checkpoint: Sendable, Hashable, Codable {
    /// Identifies the file type.
    var format = "sparsecert-nsp-checkpoint"
    var version = 1
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

    /// Reads a checkpoint; `nil` when the file does not exist.
    /// - Throws: ``NullSpacePropertyError/unusableCheckpoint(path:reason:)`` when it cannot be read or parsed,
    ///   or is of another format. The file is left untouched.
    static func load(path: String) throws(NullSpacePropertyError) -> Checkpoint? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unusableCheckpoint(path: path, reason: "it cannot be read (\(error.localizedDescription))")
        }
        let checkpoint: Checkpoint
        do { checkpoint = try JSONDecoder().decode(Checkpoint.self, from: data) } catch {
            throw .unusableCheckpoint(path: path, reason: "it is not a valid checkpoint (corrupt or truncated JSON)")
        }
        guard checkpoint.format == "sparsecert-nsp-checkpoint", checkpoint.version == 1 else {
            throw .unusableCheckpoint(path: path, reason: "unknown format '\(checkpoint.format)' version \(checkpoint.version)")
        }
        guard checkpoint.completedChunks.allSatisfy({ (0..<checkpoint.chunkCount).contains($0) }) else {
            throw .unusableCheckpoint(path: path, reason: "it lists chunk numbers outside 0..<\(checkpoint.chunkCount)")
        }
        return checkpoint
    }

    /// Checks that this checkpoint belongs to the same computation.
    func validate(against expected: Checkpoint, path: String) throws(NullSpacePropertyError) {
        let mismatches = [
            matrixDigest != expected.matrixDigest ? "it was written for another matrix (digest \(matrixDigest), "
                + "this one is \(expected.matrixDigest))" : nil,
            order != expected.order ? "it is for order s = \(order), not \(expected.order)" : nil,
            shard != expected.shard ? "it is for shard \(shard), not \(expected.shard)" : nil,
            chunkSize != expected.chunkSize || chunkCount != expected.chunkCount
                ? "its chunking (\(chunkCount) chunks of \(chunkSize)) differs" : nil,
        ].compactMap { $0 }
        if let first = mismatches.first { throw .unusableCheckpoint(path: path, reason: first) }
        guard incumbent.support.count == order || incumbent.support.isEmpty,
              incumbent.witness.count == columns || incumbent.witness.isEmpty,
              incumbent.alpha >= 0, incumbent.alpha <= 1 else {
            throw .unusableCheckpoint(path: path, reason: "its incumbent does not fit the matrix and order")
        }
    }

    /// Writes the checkpoint atomically (a temporary file, then a rename).
    /// - Throws: ``NullSpacePropertyError/unusableCheckpoint(path:reason:)`` when it cannot be written.
    func save(path: String) throws(NullSpacePropertyError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unusableCheckpoint(path: path, reason: "it cannot be written (\(error.localizedDescription))")
        }
    }
}
