/// The strict JSON syntax of problem files, for the other JSON formats the tool reads.
///
/// As strict as Python's `json` module (no leading zeros, trailing commas or comments), and stricter where
/// readers disagree: duplicate keys, NaN and infinities are refused, so that no two readers can see different
/// values in one file. Errors name the line and column.
public enum JSONSyntax {
    /// Checks that `bytes` are one strict JSON document.
    /// - Parameters:
    ///   - bytes: the file's bytes (UTF-8, a leading byte-order mark allowed).
    ///   - path: the file's name, for messages.
    /// - Throws: ``ProblemDataError`` with the line and column of the first problem.
    /// - Complexity: O(bytes).
    public static func check(_ bytes: [UInt8], path: String?) throws(ProblemDataError) {
        _ = try JSONReader.parse(bytes, path: path)
    }
}
