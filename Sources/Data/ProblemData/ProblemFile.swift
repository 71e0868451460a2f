import DenseLinearAlgebra
import ExactArithmetic
import Foundation

/// Reading and writing problems, matrices and vectors in the formats of ``ProblemFormat``.
///
/// A problem is either one JSON file, or a matrix file holding A plus a vector file holding y. Written
/// array-format problems use *companion files* beside the matrix: `inst.csv` holds A, `inst.y.csv` holds
/// y and `inst.x0.csv` holds x₀ (see ``companionPath(of:part:)``); ``load(_:observations:format:)``
/// finds `inst.y.csv` by itself when no observations file is named.
///
/// Every reader rejects NaN, infinities, empty data and ragged rows, and reports the line and column (text)
/// or byte offset (`.npy`) of the first problem. Reading is O(file size) apart from exact conversion.
public enum ProblemFile {
    /// The problem in `path`: a JSON problem file, or a matrix file (any format, JSON as a bare array of
    /// rows) together with the vector file `observations` (default: the companion `<stem>.y.<ext>` when it
    /// exists, and then also `<stem>.x0.<ext>` as the ground truth when that exists).
    ///
    /// - Parameters:
    ///   - path: the JSON problem file or the matrix file.
    ///   - observations: the file holding y, for a matrix file.
    ///   - format: overrides the format implied by `path`'s extension.
    /// - Throws: ``ProblemDataError`` naming the file, the place and the problem.
    public static func load(_ path: String, observations: String? = nil,
                            format: ProblemFormat? = nil) throws(ProblemDataError) -> Problem {
        let format = try ProblemFormat.resolve(format, path: path)
        if format == .json, observations == nil {
            return try JSONProblemFormat.readProblem(try readText(path), path: path)
        }
        let matrix = try loadMatrix(path, format: format)
        let companion = companionPath(of: path, part: "y")
        guard let observationPath = observations ?? (FileManager.default.fileExists(atPath: companion) ? companion : nil) else {
            throw ProblemDataError(path: path, "a matrix file needs the observations y: name a vector file, or put y in \(companion)")
        }
        let y = try loadVector(observationPath)
        let groundTruthPath = companionPath(of: path, part: "x0")
        let x0 = observations == nil && FileManager.default.fileExists(atPath: groundTruthPath) ? try loadVector(groundTruthPath) : nil
        do {
            return try Problem(matrix: matrix, observations: y, groundTruth: x0, name: nil)
        } catch {
            throw ProblemDataError(path: observationPath, error.reason)
        }
    }

    /// The matrix in `path` (CSV/whitespace text, `.mtx`, `.npy`, or a JSON array of rows).
    /// - Throws: ``ProblemDataError`` naming the file, the place and the problem.
    public static func loadMatrix(_ path: String, format: ProblemFormat? = nil) throws(ProblemDataError) -> Matrix<Rational> {
        switch try ProblemFormat.resolve(format, path: path) {
        case .json: try JSONProblemFormat.readMatrix(try readText(path), path: path)
        case .csv: try DelimitedTextFormat.readMatrix(try readText(path), path: path)
        case .mtx: try MatrixMarketFormat.readMatrix(try readText(path), path: path)
        case .npy: try NumPyFormat.readMatrix(try readBytes(path), path: path)
        }
    }

    /// The vector in `path` (one number per line or one row of text, an m×1 or 1×m `.mtx`, a 1-D `.npy`,
    /// or a JSON array).
    /// - Throws: ``ProblemDataError`` naming the file, the place and the problem.
    public static func loadVector(_ path: String, format: ProblemFormat? = nil) throws(ProblemDataError) -> [Rational] {
        switch try ProblemFormat.resolve(format, path: path) {
        case .json: try JSONProblemFormat.readVector(try readText(path), path: path)
        case .csv: try DelimitedTextFormat.readVector(try readText(path), path: path)
        case .mtx: try MatrixMarketFormat.readVector(try readText(path), path: path)
        case .npy: try NumPyFormat.readVector(try readBytes(path), path: path)
        }
    }

    /// Writes `problem` to `path`: one JSON file, or for an array format the matrix to `path` and y (and x₀
    /// when known) to the companion files.
    ///
    /// Values are written exactly: JSON and CSV hold any rational (as `"p/q"` when it is not a double);
    /// `.mtx` and `.npy` hold doubles only, and refuse other values rather than round them.
    /// - Parameters:
    ///   - problem: the problem to write.
    ///   - path: the JSON file or matrix file.
    ///   - format: overrides the format implied by `path`'s extension.
    /// - Returns: the paths written, matrix (or JSON file) first.
    /// - Throws: ``ProblemDataError`` when a value cannot be stored exactly or a file cannot be written.
    @discardableResult
    public static func write(_ problem: Problem, to path: String, format: ProblemFormat? = nil) throws(ProblemDataError) -> [String] {
        let format = try ProblemFormat.resolve(format, path: path)
        if format == .json {
            try writeData(Data(JSONProblemFormat.text(of: problem).utf8), to: path)
            return [path]
        }
        // Encode everything first, so that a value the format cannot hold leaves no partial set of files.
        var files = [(path, try encode(matrix: problem.matrix, format: format, path: path))]
        var parts = [("y", problem.observations)]
        if let groundTruth = problem.groundTruth { parts.append(("x0", groundTruth)) }
        for (part, vector) in parts {
            let companion = companionPath(of: path, part: part)
            files.append((companion, try encode(vector: vector, format: format, path: companion)))
        }
        for (file, data) in files { try writeData(data, to: file) }
        return files.map(\.0)
    }

    /// Writes a matrix to `path` (for JSON, a bare array of rows).
    /// - Throws: ``ProblemDataError`` when a value cannot be stored exactly or the file cannot be written.
    public static func writeMatrix(_ matrix: Matrix<Rational>, to path: String, format: ProblemFormat? = nil) throws(ProblemDataError) {
        try writeData(try encode(matrix: matrix, format: try ProblemFormat.resolve(format, path: path), path: path), to: path)
    }

    /// Writes a vector to `path` (CSV: one value per line; `.mtx`: an m×1 array; `.npy`: a 1-D array;
    /// JSON: a bare array).
    /// - Throws: ``ProblemDataError`` when a value cannot be stored exactly or the file cannot be written.
    public static func writeVector(_ vector: [Rational], to path: String, format: ProblemFormat? = nil) throws(ProblemDataError) {
        try writeData(try encode(vector: vector, format: try ProblemFormat.resolve(format, path: path), path: path), to: path)
    }

    private static func encode(matrix: Matrix<Rational>, format: ProblemFormat, path: String) throws(ProblemDataError) -> Data {
        switch format {
        case .json: Data(JSONProblemFormat.text(of: matrix).utf8)
        case .csv: Data(DelimitedTextFormat.text(of: matrix).utf8)
        case .mtx: Data(try MatrixMarketFormat.text(of: matrix, path: path).utf8)
        case .npy: Data(try NumPyFormat.bytes(shape: [matrix.rows, matrix.columns], values: matrix.elements, path: path))
        }
    }

    private static func encode(vector: [Rational], format: ProblemFormat, path: String) throws(ProblemDataError) -> Data {
        switch format {
        case .json: Data(JSONProblemFormat.text(of: vector).utf8)
        case .csv: Data(DelimitedTextFormat.text(of: vector).utf8)
        case .mtx: Data(try MatrixMarketFormat.text(of: Matrix(rows: vector.count, columns: 1, elements: vector), path: path).utf8)
        case .npy: Data(try NumPyFormat.bytes(shape: [vector.count], values: vector, path: path))
        }
    }

    /// The companion file of a matrix file: `dir/inst.csv` and `"y"` give `dir/inst.y.csv`.
    public static func companionPath(of matrixPath: String, part: String) -> String {
        let url = URL(fileURLWithPath: matrixPath)
        let fileExtension = url.pathExtension
        let stem = fileExtension.isEmpty ? matrixPath : String(matrixPath.dropLast(fileExtension.count + 1))
        return fileExtension.isEmpty ? "\(stem).\(part)" : "\(stem).\(part).\(fileExtension)"
    }

    private static func readBytes(_ path: String) throws(ProblemDataError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ProblemDataError(path: path, "no such file")
        }
        guard !isDirectory.boolValue else { throw ProblemDataError(path: path, "this is a folder, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw ProblemDataError(path: path, "the file cannot be read") }
        return [UInt8](data)
    }

    private static func readText(_ path: String) throws(ProblemDataError) -> String {
        let bytes = try readBytes(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ProblemDataError(path: path, "the file is not UTF-8 text")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    private static func writeData(_ data: Data, to path: String) throws(ProblemDataError) {
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw ProblemDataError(path: path, "cannot write the file: \(error.localizedDescription)")
        }
    }
}
