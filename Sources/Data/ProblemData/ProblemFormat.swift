/// The file formats SparseCert reads and writes problem data in.
public enum ProblemFormat: String, Sendable, Hashable, CaseIterable {
    /// A JSON problem file `{"A": [[…]], "y": […]}` (or a bare JSON array for a matrix or vector).
    case json
    /// Comma- or whitespace-separated text, one row per line (`.csv`, `.txt`, `.dat`).
    case csv
    /// Matrix Market exchange format (`.mtx`).
    case mtx
    /// NumPy binary float64 array (`.npy`).
    case npy

    /// The format a file name's extension denotes (`.json`, `.csv`/`.txt`/`.dat`, `.mtx`, `.npy`;
    /// letter case is ignored), or `nil`.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "json": self = .json
        case "csv", "txt", "dat": self = .csv
        case "mtx": self = .mtx
        case "npy": self = .npy
        default: return nil
        }
    }

    /// The format of the file at `path`, decided by its extension.
    /// - Throws: ``ProblemDataError`` when the extension is not one of the known ones.
    public static func of(path: String) throws(ProblemDataError) -> ProblemFormat {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let fileExtension = name.contains(".") ? String(name.split(separator: ".").last ?? "") : ""
        guard let format = ProblemFormat(fileExtension: fileExtension) else {
            throw ProblemDataError(path: path, "cannot tell the format from the extension '\(fileExtension)': use .json, .csv, .txt, .dat, .mtx or .npy, or name the format explicitly")
        }
        return format
    }

    /// `format` when given, else the format of `path`.
    static func resolve(_ format: ProblemFormat?, path: String) throws(ProblemDataError) -> ProblemFormat {
        if let format { return format }
        return try of(path: path)
    }

    /// The usual file extension of the format.
    public var fileExtension: String { rawValue }

    /// Whether the format stores one matrix or vector per file (all but JSON).
    public var isArrayFormat: Bool { self != .json }
}
