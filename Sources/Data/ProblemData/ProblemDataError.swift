import ExactArithmetic

/// Where in a file a problem was found.
public enum FileLocation: Sendable, Hashable, CustomStringConvertible {
    /// A 1-based line and column (columns count characters) in a text file.
    case lineColumn(line: Int, column: Int)
    /// A 0-based byte offset in a binary file.
    case byteOffset(Int)

    /// `line L, column C` or `byte B`.
    public var description: String {
        switch self {
        case let .lineColumn(line, column): "line \(line), column \(column)"
        case let .byteOffset(offset): "byte \(offset)"
        }
    }
}

/// Why problem data could not be read, written or generated.
///
/// The ``description`` names the file, the place of the FIRST problem found in it (line and column for
/// text, byte offset for `.npy`) and what to fix, for example
/// `A.csv, line 3, column 7: 'abc' is not a number`.
public struct ProblemDataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file concerned, if any.
    public var path: String?
    /// The place of the problem inside that file, if it is about the file's contents.
    public var location: FileLocation?
    /// What is wrong and, where possible, what to do about it.
    public var reason: String

    /// An error about `path` at `location`.
    public init(path: String? = nil, location: FileLocation? = nil, _ reason: String) {
        self.path = path
        self.location = location
        self.reason = reason
    }

    /// `file, place: reason`, leaving out what is unknown.
    public var description: String {
        let place = [path, location?.description].compactMap { $0 }.joined(separator: ", ")
        return place.isEmpty ? reason : "\(place): \(reason)"
    }

    /// The error for a value that a double-only format (`.mtx`, `.npy`) cannot hold.
    static func notADouble(_ value: String, row: Int, column: Int, path: String?, format: String) -> ProblemDataError {
        ProblemDataError(
            path: path,
            "entry (\(row), \(column)) = \(value) is not exactly a double, so \(format) cannot store it: write JSON or CSV instead"
        )
    }
}
