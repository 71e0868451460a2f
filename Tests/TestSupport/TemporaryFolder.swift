import Foundation

/// A fresh folder under the system's temporary directory for the files one test writes and reads back.
///
/// Shared by every test suite (the `TestSupport` target), so that no suite carries its own copy.
public struct TemporaryFolder: Sendable {
    /// The folder.
    public let url: URL

    /// Creates `<tmp>/<label>-<UUID>`.
    /// - Parameter label: a word naming the suite, to recognise leftovers.
    /// - Throws: the file system's error when the folder cannot be created.
    public init(_ label: String = "sparsecert-tests") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the folder.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` (UTF-8) to `name` and returns its path.
    /// - Throws: the file system's error.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// Writes raw bytes to `name` and returns its path.
    /// - Throws: the file system's error.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: url.appendingPathComponent(name))
        return path(name)
    }

    /// Removes the folder and everything in it (errors are ignored: it is scratch space).
    public func remove() { try? FileManager.default.removeItem(at: url) }
}
