import Foundation

/// A JSON checkpoint file of one computation: `{"format", "version", "content_digest", "content"}`, where
/// `content_digest` is the SHA-256 of the content's canonical JSON (sorted keys). Saving replaces the file
/// atomically (a temporary file in the same directory, then a rename), so a crash leaves the old or the
/// new checkpoint, never half of one; loading refuses a file whose digest does not match its content.
///
/// The digest makes accidental and careless edits evident; it is not a signature. A consumer that resumes
/// from a checkpoint should also re-check whatever it relies on (for example, re-solve a saved optimum).
public struct CheckpointFile<Content: Codable & Sendable>: Sendable {
    /// Where the file lives.
    public let path: String
    /// The format name written into and required of the file, e.g. "sparsecert-nsp-checkpoint".
    public let format: String
    /// The format version written into and required of the file.
    public let version: Int

    /// A checkpoint file at `path` of the given format and version.
    public init(path: String, format: String, version: Int) {
        self.path = path
        self.format = format
        self.version = version
    }

    private struct Envelope: Codable {
        var format: String
        var version: Int
        var contentDigest: String
        var content: Content

        enum CodingKeys: String, CodingKey {
            case format, version, contentDigest = "content_digest", content
        }
    }

    private struct Header: Decodable {
        var format: String
        var version: Int
    }

    /// The SHA-256 of `content`'s canonical JSON encoding.
    /// - Throws: ``ScaleOutError/unusableCheckpoint(path:reason:)`` when it cannot be encoded.
    public func digest(of content: Content) throws(ScaleOutError) -> String {
        do { return sha256Hex(try Self.encoder.encode(content)) } catch {
            throw .unusableCheckpoint(
                path: path,
                reason: "its content cannot be encoded (\(error.localizedDescription))")
        }
    }

    /// Reads the checkpoint; `nil` when no file exists at ``path``.
    /// - Throws: ``ScaleOutError/unusableCheckpoint(path:reason:)`` when the file cannot be read, is not
    ///   valid JSON of this format and version, or its content does not match its digest.
    /// - Complexity: O(file size).
    public func load() throws(ScaleOutError) -> Content? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unusableCheckpoint(path: path, reason: "it cannot be read (\(error.localizedDescription))")
        }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw .unusableCheckpoint(path: path, reason: "it is not a valid checkpoint (corrupt or truncated JSON)")
        }
        guard header.format == format, header.version == version else {
            throw .unusableCheckpoint(
                path: path,
                reason: "it is of format '\(header.format)' version "
                    + "\(header.version), not '\(format)' version \(version)")
        }
        let envelope: Envelope
        do { envelope = try JSONDecoder().decode(Envelope.self, from: data) } catch {
            throw .unusableCheckpoint(path: path, reason: "its content is incomplete or of the wrong shape")
        }
        guard try digest(of: envelope.content) == envelope.contentDigest else {
            throw .unusableCheckpoint(
                path: path,
                reason: "its content does not match its content digest (the file "
                    + "was edited or damaged)")
        }
        return envelope.content
    }

    /// Writes `content` atomically, replacing an earlier checkpoint.
    /// - Throws: ``ScaleOutError/unusableCheckpoint(path:reason:)`` when the file cannot be written.
    /// - Complexity: O(encoded size).
    public func save(_ content: Content) throws(ScaleOutError) {
        let envelope = Envelope(
            format: format, version: version, contentDigest: try digest(of: content),
            content: content)
        do {
            try Self.encoder.encode(envelope).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unusableCheckpoint(path: path, reason: "it cannot be written (\(error.localizedDescription))")
        }
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
