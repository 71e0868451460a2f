/// The file formats SparseCert reads and writes problem data in.
public enum ProblemFormat: String, Sendable, Hashable, CaseIterable {
    /// A JSON problem file `{"A": [[…]], "y": […]}` (or a bare JSON array for a matrix or vector).
    case json
    /// Comma- or whitespace-separated text, one row per line (`.csv`, `.txt`, `.dat`).
    case csv
    /// Matrix Market exchange format (`.mtx`).
    case mtx
    /// NumPy binary array of any real numeric dtype (`.npy`).
    case npy
    /// NumPy archive (`.npz`, from `numpy.savez` or `numpy.savez_compressed`) holding `A`, `y` and
    /// optionally `x0`; read only.
    case npz

    /// The format a file name's extension denotes (`.json`, `.csv`/`.txt`/`.dat`, `.mtx`, `.npy`, `.npz`;
    /// letter case is ignored), or `nil`.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "json": self = .json
        case "csv", "txt", "dat": self = .csv
        case "mtx": self = .mtx
        case "npy": self = .npy
        case "npz": self = .npz
        default: return nil
        }
    }

    /// The format of the file at `path`, decided by its extension; a final `.gz` (gzip, which every reader
    /// inflates by itself) is looked through: `A.mtx.gz` is Matrix Market.
    /// - Throws: ``ProblemDataError`` when the extension is not one of the known ones, or for standard
    ///   input (`-`), which has none.
    public static func of(path: String) throws(ProblemDataError) -> ProblemFormat {
        guard path != "-" else {
            throw ProblemDataError(
                path: "standard input",
                "cannot tell the format of standard input: name it (json, csv, mtx, npy or npz) with --format, or --input-format for generate copy"
            )
        }
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if name.lowercased().hasSuffix(".gz") { name = String(name.dropLast(3)) }
        let fileExtension = name.contains(".") ? String(name.split(separator: ".").last ?? "") : ""
        guard let format = ProblemFormat(fileExtension: fileExtension) else {
            throw ProblemDataError(
                path: path,
                "cannot tell the format from the extension '\(fileExtension)': use .json, .csv, .txt, .dat, .mtx, .npy or .npz (each optionally .gz), or name the format explicitly with --format"
            )
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

    /// Whether the format stores one matrix or vector per file (all but JSON and `.npz`).
    public var isArrayFormat: Bool { self != .json && self != .npz }
}
