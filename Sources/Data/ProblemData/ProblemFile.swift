import DenseLinearAlgebra
import ExactArithmetic
import Foundation

/// Reading and writing problems, matrices and vectors in the formats of ``ProblemFormat``.
///
/// A problem is one JSON or `.npz` file, or a matrix file holding A plus a vector file holding y. Written
/// array-format problems use *companion files* beside the matrix: `inst.csv` holds A, `inst.y.csv` holds
/// y and `inst.x0.csv` holds x₀ (see ``companionPath(of:part:)``); ``load(_:observations:format:)``
/// finds `inst.y.csv` by itself when no observations file is named.
///
/// Every reader rejects NaN, infinities, empty data and ragged rows, and reports the line and column (text)
/// or byte offset (binary) of the first problem. Any file may be gzip-compressed (`A.mtx.gz`); the path
/// `-` reads standard input (its format must be named). Inputs larger than ``maximumInputBytes`` are
/// refused before they are read, and an `.npy` header is checked against the file's size before its data
/// are. Reading is O(file size); values stay doubles unless they are not doubles (``Problem``).
public enum ProblemFile {
    /// The largest input file (or standard input, or inflated gzip data) read, in bytes: 1 GiB.
    public static let maximumInputBytes = FileInput.maximumBytes

    /// The problem in `path`: a JSON or `.npz` problem file, or a matrix file (any format, JSON as a bare
    /// array of rows) together with the vector file `observations` (default: the companion
    /// `<stem>.y.<ext>` when it exists, and then also `<stem>.x0.<ext>` as the ground truth when that exists).
    ///
    /// - Parameters:
    ///   - path: the problem file or the matrix file; `-` for standard input.
    ///   - observations: the file holding y, for a matrix file (it replaces a JSON or `.npz` file's y).
    ///   - format: overrides the format implied by `path`'s extension (needed for standard input).
    /// - Throws: ``ProblemDataError`` naming the file, the place and the problem.
    public static func load(
        _ path: String, observations: String? = nil,
        format: ProblemFormat? = nil
    ) throws(ProblemDataError) -> Problem {
        let format = try ProblemFormat.resolve(format, path: path)
        if format == .json || format == .npz, observations == nil {
            let bytes = try FileInput.read(path)
            let shown = displayName(path)
            return format == .json
                ? try JSONProblemFormat.readProblem(bytes, path: shown)
                : try NumPyArchive.readProblem(bytes, path: shown)
        }
        let matrix = try readMatrix(path, format: format)
        let companion = companionPath(of: path, part: "y")
        let hasCompanion = path != FileInput.standardInput && FileManager.default.fileExists(atPath: companion)
        guard let observationPath = observations ?? (hasCompanion ? companion : nil) else {
            throw ProblemDataError(
                path: displayName(path),
                "a matrix file needs the observations y: name a vector file with --observations, or put y in \(companion)"
            )
        }
        let y = try readVector(observationPath, format: nil)
        let groundTruthPath = companionPath(of: path, part: "x0")
        let x0 =
            observations == nil && FileManager.default.fileExists(atPath: groundTruthPath)
            ? try readVector(groundTruthPath, format: nil) : nil
        do {
            return try Problem(
                rows: matrix.rows, columns: matrix.columns, matrix: matrix.values, observations: y,
                groundTruth: x0, name: nil)
        } catch {
            throw ProblemDataError(path: displayName(observationPath), error.reason)
        }
    }

    /// The matrix in `path` (CSV/whitespace text, `.mtx`, `.npy`, `.npz` (its `A`), a JSON array of rows, or
    /// the `"A"` of a JSON problem file, which then needs no `"y"`).
    /// - Throws: ``ProblemDataError`` naming the file, the place and the problem.
    public static func loadMatrix(
        _ path: String, format: ProblemFormat? = nil
    ) throws(ProblemDataError) -> Matrix<
        Rational
    > {
        try readMatrix(path, format: format).matrix
    }

    /// The matrix in `path` as doubles, and whether every entry is exactly that double (see ``loadMatrix(_:format:)``).
    /// - Throws: ``ProblemDataError`` naming the file, the place and the problem.
    public static func loadDoubleMatrix(
        _ path: String, format: ProblemFormat? = nil
    ) throws(ProblemDataError)
        -> (matrix: Matrix<Double>, isExactlyDouble: Bool)
    {
        let values = try readMatrix(path, format: format)
        return (
            Matrix(rows: values.rows, columns: values.columns, elements: values.values.doubles),
            values.values.isExactlyDouble
        )
    }

    /// The vector in `path` (one number per line or one row of text, an m×1 or 1×m `.mtx`, a 1-D `.npy`,
    /// an `.npz`'s `y` or only array, or a JSON array).
    /// - Throws: ``ProblemDataError`` naming the file, the place and the problem.
    public static func loadVector(_ path: String, format: ProblemFormat? = nil) throws(ProblemDataError) -> [Rational] {
        try readVector(path, format: format).exactValues
    }

    static func readMatrix(_ path: String, format: ProblemFormat?) throws(ProblemDataError) -> ArrayValues {
        let format = try ProblemFormat.resolve(format, path: path)
        let shown = displayName(path)
        switch format {
        case .json: return try JSONProblemFormat.readMatrix(try FileInput.read(path), path: shown)
        case .csv: return try DelimitedTextFormat.readMatrix(try readText(path), path: shown)
        case .mtx: return try MatrixMarketFormat.readMatrix(try readText(path), path: shown)
        case .npy: return try NumPyFormat.readMatrix(try readNumPy(path), path: shown)
        case .npz: return try NumPyArchive.readMatrix(try FileInput.read(path), path: shown)
        }
    }

    static func readVector(_ path: String, format: ProblemFormat?) throws(ProblemDataError) -> ExactValues {
        let format = try ProblemFormat.resolve(format, path: path)
        let shown = displayName(path)
        switch format {
        case .json: return try JSONProblemFormat.readVector(try FileInput.read(path), path: shown)
        case .csv: return try DelimitedTextFormat.readVector(try readText(path), path: shown)
        case .mtx: return try MatrixMarketFormat.readVector(try readText(path), path: shown)
        case .npy: return try NumPyFormat.readVector(try readNumPy(path), path: shown)
        case .npz: return try NumPyArchive.readVector(try FileInput.read(path), path: shown)
        }
    }

    /// The name of `path` in messages (`standard input` for `-`).
    static func displayName(_ path: String) -> String { path == FileInput.standardInput ? "standard input" : path }

    private static func readNumPy(_ path: String) throws(ProblemDataError) -> [UInt8] {
        try FileInput.read(path, prefixBytes: NumPyFormat.prefixBytes) { prefix, size throws(ProblemDataError) in
            _ = try NumPyFormat.layout(prefix, fileSize: size, path: path)
        }
    }

    private static func readText(_ path: String) throws(ProblemDataError) -> String {
        let bytes = try FileInput.read(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ProblemDataError(path: displayName(path), "the file is not UTF-8 text")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
