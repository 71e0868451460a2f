import DenseLinearAlgebra
import ExactArithmetic

/// CSV and whitespace-separated tables (`.csv`, `.txt`, `.dat`).
///
/// One matrix row per line; fields separated by commas (a line containing a comma) or by white space.
/// Blank lines and lines starting with `#` are skipped (NumPy's `savetxt` header style). Numbers follow
/// ``NumberText``: integers and `p/q` fractions are exact, decimals denote the nearest double.
/// A vector is a single column (one number per line) or a single row.
enum DelimitedTextFormat {
    /// The table in `text`, with the line of each row.
    /// - Throws: the place of the first bad field, a ragged row, or an empty table.
    static func readTable(_ text: String, path: String?) throws(ProblemDataError) -> [[Rational]] {
        var rows: [[Rational]] = []
        var firstLine = 0
        for (number, content) in TextLines.numbered(text) {
            let trimmed = content.drop(while: \.isWhitespace)
            if trimmed.isEmpty || trimmed.first == "#" { continue }
            let fields = TextLines.fields(of: content, number: number)
            var row: [Rational] = []
            for field in fields { row.append(try TextLines.number(field, path: path)) }
            if let width = rows.first?.count, row.count != width {
                let place = fields[min(width, fields.count - 1)].location
                throw ProblemDataError(path: path, location: place,
                                       "this row has \(row.count) numbers but the first row (line \(firstLine)) has \(width): every row needs the same length")
            }
            if rows.isEmpty { firstLine = number }
            rows.append(row)
        }
        guard !rows.isEmpty else { throw ProblemDataError(path: path, "the file holds no numbers") }
        return rows
    }

    /// The matrix in `text`.
    static func readMatrix(_ text: String, path: String?) throws(ProblemDataError) -> Matrix<Rational> {
        let rows = try readTable(text, path: path)
        return Matrix(rows: rows.count, columns: rows[0].count, elements: rows.flatMap { $0 })
    }

    /// The vector in `text`: one column or one row.
    static func readVector(_ text: String, path: String?) throws(ProblemDataError) -> [Rational] {
        let rows = try readTable(text, path: path)
        if rows.count == 1 { return rows[0] }
        guard rows[0].count == 1 else {
            throw ProblemDataError(path: path, "expected a vector (one number per line, or a single row) but found a \(rows.count)×\(rows[0].count) table")
        }
        return rows.map { $0[0] }
    }

    /// The text of a matrix: one comma-separated row per line, every value written exactly.
    static func text(of matrix: Matrix<Rational>) -> String {
        matrix.rowArrays.map { $0.map { NumberText.text(of: $0).text }.joined(separator: ",") + "\n" }.joined()
    }

    /// The text of a vector: one value per line.
    static func text(of vector: [Rational]) -> String {
        vector.map { NumberText.text(of: $0).text + "\n" }.joined()
    }
}
