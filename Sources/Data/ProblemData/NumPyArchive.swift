/// NumPy `.npz` archives as `numpy.savez(f, A=A, y=y, x0=x0)` and `numpy.savez_compressed` write them:
/// a zip of `.npy` members named `A.npy`, `y.npy` and (optional) `x0.npy`, each read by ``NumPyFormat``.
/// Other members are ignored, as other keys of a JSON problem file are.
enum NumPyArchive {
    private static func member(
        _ archive: ZipArchive, _ key: String, required: Bool
    ) throws(ProblemDataError)
        -> [UInt8]?
    {
        guard let data = try archive.data(of: key + ".npy", limit: FileInput.maximumBytes) else {
            guard required else { return nil }
            let names = archive.members.map { String($0.name.dropLast($0.name.hasSuffix(".npy") ? 4 : 0)) }
            throw ProblemDataError(
                path: archive.path,
                "the archive has no array '\(key)' (it holds \(names.isEmpty ? "nothing" : names.joined(separator: ", "))): save it with numpy.savez(file, A=A, y=y)"
            )
        }
        return data
    }

    private static func place(_ archive: ZipArchive, _ key: String) -> String {
        "\(archive.path ?? "archive"):\(key).npy"
    }

    /// The problem in an archive.
    static func readProblem(_ bytes: [UInt8], path: String?) throws(ProblemDataError) -> Problem {
        let archive = try ZipArchive(bytes, path: path)
        let matrix = try NumPyFormat.readMatrix(
            try member(archive, "A", required: true) ?? [], path: place(archive, "A"))
        let y = try NumPyFormat.readVector(try member(archive, "y", required: true) ?? [], path: place(archive, "y"))
        let x0 = try member(archive, "x0", required: false).map { data throws(ProblemDataError) in
            try NumPyFormat.readVector(data, path: place(archive, "x0"))
        }
        do {
            return try Problem(
                rows: matrix.rows, columns: matrix.columns, matrix: matrix.values, observations: y,
                groundTruth: x0, name: nil)
        } catch {
            throw ProblemDataError(path: path, error.reason)
        }
    }

    /// The matrix `A` of an archive.
    static func readMatrix(_ bytes: [UInt8], path: String?) throws(ProblemDataError) -> ArrayValues {
        let archive = try ZipArchive(bytes, path: path)
        return try NumPyFormat.readMatrix(try member(archive, "A", required: true) ?? [], path: place(archive, "A"))
    }

    /// The vector `y` of an archive, or its only array.
    static func readVector(_ bytes: [UInt8], path: String?) throws(ProblemDataError) -> ExactValues {
        let archive = try ZipArchive(bytes, path: path)
        if archive.members.count == 1, let only = archive.members.first, only.name.hasSuffix(".npy") {
            let key = String(only.name.dropLast(4))
            return try NumPyFormat.readVector(try member(archive, key, required: true) ?? [], path: place(archive, key))
        }
        return try NumPyFormat.readVector(try member(archive, "y", required: true) ?? [], path: place(archive, "y"))
    }
}
