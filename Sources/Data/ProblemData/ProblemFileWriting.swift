import DenseLinearAlgebra
import ExactArithmetic
import Foundation

extension ProblemFile {
    /// The files that store `problem` at `path`: one JSON file, or for an array format the matrix at `path`
    /// and y (and x₀ when known) in the companion files — each with its bytes, nothing written yet.
    ///
    /// Values are stored exactly: JSON and CSV hold any rational (as `"p/q"` when it is not a double);
    /// `.mtx` and `.npy` hold doubles only, and refuse other values rather than round them.
    /// - Returns: the paths and their bytes, matrix (or JSON file) first.
    /// - Throws: ``ProblemDataError`` when a value cannot be stored exactly or the format cannot be written.
    public static func encode(
        _ problem: Problem, to path: String,
        format: ProblemFormat? = nil
    ) throws(ProblemDataError) -> [(path: String, bytes: [UInt8])] {
        let format = try ProblemFormat.resolve(format, path: path)
        if format == .json { return [(path, Array(JSONProblemFormat.text(of: problem).utf8))] }
        let tokens = NumberTokens.parts(of: problem)
        var files = [
            (
                path: path,
                bytes: try encode(
                    tokens.matrix, doubles: problem.doubleMatrix.elements, vector: false,
                    format: format, path: path)
            )
        ]
        var parts = [("y", tokens.observations, problem.doubleObservations)]
        if let groundTruth = tokens.groundTruth, let doubles = problem.doubleGroundTruth {
            parts.append(("x0", groundTruth, doubles))
        }
        for (part, vector, doubles) in parts {
            let companion = companionPath(of: path, part: part)
            files.append(
                (companion, try encode(vector, doubles: doubles, vector: true, format: format, path: companion)))
        }
        return files
    }

    /// Writes `problem` to `path` (see ``encode(_:to:format:)``); every value is encoded before any file is
    /// written, so that a value the format cannot hold leaves no partial set of files.
    /// - Returns: the paths written, matrix (or JSON file) first.
    /// - Throws: ``ProblemDataError`` when a value cannot be stored exactly or a file cannot be written.
    @discardableResult
    public static func write(
        _ problem: Problem, to path: String, format: ProblemFormat? = nil
    ) throws(ProblemDataError)
        -> [String]
    {
        let files = try encode(problem, to: path, format: format)
        for file in files { try writeData(Data(file.bytes), to: file.path) }
        return files.map(\.path)
    }

    /// Writes a matrix to `path` (for JSON, a bare array of rows).
    /// - Throws: ``ProblemDataError`` when a value cannot be stored exactly or the file cannot be written.
    public static func writeMatrix(
        _ matrix: Matrix<Rational>, to path: String, format: ProblemFormat? = nil
    )
        throws(ProblemDataError)
    {
        let bytes = try encode(
            NumberTokens(matrix: matrix), doubles: matrix.elements.map(\.doubleValue), vector: false,
            format: try ProblemFormat.resolve(format, path: path), path: path)
        try writeData(Data(bytes), to: path)
    }

    /// Writes a vector to `path` (CSV: one value per line; `.mtx`: an m×1 array; `.npy`: a 1-D array;
    /// JSON: a bare array).
    /// - Throws: ``ProblemDataError`` when a value cannot be stored exactly or the file cannot be written.
    public static func writeVector(
        _ vector: [Rational], to path: String, format: ProblemFormat? = nil
    )
        throws(ProblemDataError)
    {
        let bytes = try encode(
            NumberTokens(vector: vector), doubles: vector.map(\.doubleValue), vector: true,
            format: try ProblemFormat.resolve(format, path: path), path: path)
        try writeData(Data(bytes), to: path)
    }

    /// The bytes of a matrix, or of a vector held as one column.
    private static func encode(
        _ tokens: NumberTokens, doubles: [Double], vector: Bool, format: ProblemFormat,
        path: String
    ) throws(ProblemDataError) -> [UInt8] {
        switch format {
        case .json: Array((vector ? JSONProblemFormat.text(ofVector: tokens) : JSONProblemFormat.text(of: tokens)).utf8)
        case .csv: Array(DelimitedTextFormat.text(of: tokens).utf8)
        case .mtx: Array(try MatrixMarketFormat.text(of: tokens, path: path).utf8)
        case .npy:
            try NumPyFormat.bytes(
                shape: vector ? [tokens.rows] : [tokens.rows, tokens.columns], values: tokens,
                doubles: doubles, path: path)
        case .npz: throw notWritable(path)
        }
    }

    private static func notWritable(_ path: String) -> ProblemDataError {
        ProblemDataError(
            path: path, ".npz archives are read, not written: write .npy files (A, y and x0 beside it) or JSON")
    }

    /// The companion file of a matrix file: `dir/inst.csv` and `"y"` give `dir/inst.y.csv`
    /// (`dir/inst.mtx.gz` gives `dir/inst.y.mtx.gz`).
    public static func companionPath(of matrixPath: String, part: String) -> String {
        let compressed = matrixPath.lowercased().hasSuffix(".gz")
        let base = compressed ? String(matrixPath.dropLast(3)) : matrixPath
        let fileExtension = URL(fileURLWithPath: base).pathExtension
        let stem = fileExtension.isEmpty ? base : String(base.dropLast(fileExtension.count + 1))
        return (fileExtension.isEmpty ? "\(stem).\(part)" : "\(stem).\(part).\(fileExtension)")
            + (compressed ? ".gz" : "")
    }

    private static func writeData(_ data: Data, to path: String) throws(ProblemDataError) {
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw ProblemDataError(path: path, "cannot write the file: \(error.localizedDescription)")
        }
    }
}
