import DenseLinearAlgebra
import ExactArithmetic

/// CSV and whitespace-separated tables (`.csv`, `.txt`, `.dat`).
///
/// One matrix row per line; fields separated by commas (a line containing a comma) or by white space.
/// Blank lines and lines starting with `#` are skipped (NumPy's `savetxt` header style). Numbers follow
/// ``NumberText``: integers and `p/q` fractions are exact, decimals denote the nearest double.
/// A vector is a single column (one number per line) or a single row.
enum DelimitedTextFormat {
    /// The table in `text`: its shape and values row after row.
    /// - Throws: the place of the first bad field, a ragged row, or an empty table.
    static func readTable(_ text: String, path: String?) throws(ProblemDataError) -> ArrayValues {
        var values = ExactValues()
        var rows = 0, width = 0, firstLine = 0
        for (number, content) in TextLines.numbered(text) {
            let trimmed = content.drop(while: \.isWhitespace)
            if trimmed.isEmpty || trimmed.first == "#" { continue }
            let fields = TextLines.fields(of: content, number: number)
            for field in fields { values.append(try TextLines.value(field, path: path)) }
            if rows > 0, fields.count != width {
                let place = fields[min(width, fields.count - 1)].location
                throw ProblemDataError(
                    path: path, location: place,
                    "this row has \(fields.count) numbers but the first row (line \(firstLine)) has \(width): every row needs the same length"
                )
            }
            if rows == 0 { (firstLine, width) = (number, fields.count) }
            rows += 1
        }
        guard rows > 0 else { throw ProblemDataError(path: path, "the file holds no numbers") }
        return ArrayValues(rows: rows, columns: width, values: values)
    }

    /// The matrix in `text`.
    static func readMatrix(_ text: String, path: String?) throws(ProblemDataError) -> ArrayValues {
        try readTable(text, path: path)
    }

    /// The vector in `text`: one column or one row.
    static func readVector(_ text: String, path: String?) throws(ProblemDataError) -> ExactValues {
        let table = try readTable(text, path: path)
        guard table.rows == 1 || table.columns == 1 else {
            throw ProblemDataError(
                path: path,
                "expected a vector (one number per line, or a single row) but found a \(table.rows)×\(table.columns) table"
            )
        }
        return table.values
    }

    /// The text of a matrix (or of a vector as one column): one comma-separated row per line, every
    /// value written exactly.
    static func text(of matrix: NumberTokens) -> String {
        matrix.rowTokens.map { $0.map(\.text).joined(separator: ",") + "\n" }.joined()
    }
}
