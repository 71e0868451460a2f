import DenseLinearAlgebra
import ExactArithmetic

/// Matrix Market exchange files (`.mtx`), as written by `scipy.io.mmwrite`.
///
/// Read: `coordinate` and `array` formats; `real`, `double`, `integer`, `unsigned-integer` (what
/// `scipy.io.mmwrite` writes for unsigned arrays) and `pattern` (coordinate only; every listed entry is 1)
/// fields; `general`, `symmetric` and `skew-symmetric` storage (a skew-symmetric coordinate file may list
/// zeros on the diagonal, as some writers do; any other diagonal value is refused); `%` comment lines;
/// 1-based indices. Duplicate coordinate entries are an error (SciPy adds them, other readers overwrite:
/// the file is ambiguous). A vector is an m×1 or 1×m matrix.
/// Written: the `array real general` format, column after column, every value exactly a double.
enum MatrixMarketFormat {
    /// The largest number of entries a file may declare (a guard against absurd sizes in a header).
    static let maximumEntries = 50_000_000

    private enum Storage: String { case general, symmetric, skewSymmetric = "skew-symmetric" }

    /// The matrix in `text`.
    /// - Throws: the place of the first problem: a bad header, size line or entry, an index out of range,
    ///   a duplicate, too few or too many entries.
    static func readMatrix(_ text: String, path: String?) throws(ProblemDataError) -> ArrayValues {
        func fail(_ location: FileLocation?, _ reason: String) -> ProblemDataError {
            ProblemDataError(path: path, location: location, reason)
        }
        let lines = TextLines.numbered(text)
        guard let header = lines.first else { throw fail(nil, "the file is empty") }
        let banner = header.content.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
        guard banner.count == 5, banner[0] == "%%matrixmarket" else {
            throw fail(
                .lineColumn(line: 1, column: 1),
                "expected the header '%%MatrixMarket matrix coordinate|array real|integer general|symmetric'")
        }
        guard banner[1] == "matrix" else {
            throw fail(.lineColumn(line: 1, column: 1), "the object is '\(banner[1])' but only 'matrix' is supported")
        }
        guard banner[2] == "coordinate" || banner[2] == "array" else {
            throw fail(
                .lineColumn(line: 1, column: 1), "the format is '\(banner[2])' but must be 'coordinate' or 'array'")
        }
        guard ["real", "double", "integer", "unsigned-integer", "pattern"].contains(banner[3]) else {
            throw fail(
                .lineColumn(line: 1, column: 1),
                "the field is '\(banner[3])' but only real, double, integer, unsigned-integer and pattern are supported"
            )
        }
        guard let storage = Storage(rawValue: banner[4]) else {
            throw fail(
                .lineColumn(line: 1, column: 1),
                "the symmetry is '\(banner[4])' but must be 'general', 'symmetric' or 'skew-symmetric'")
        }
        let isCoordinate = banner[2] == "coordinate", field = banner[3]
        let isInteger = field.hasSuffix("integer"), isPattern = field == "pattern"
        if isPattern, !isCoordinate {
            throw fail(.lineColumn(line: 1, column: 1), "the field 'pattern' needs the coordinate format, not 'array'")
        }

        var body = lines.dropFirst().lazy.filter { line in
            let trimmed = line.content.drop(while: \.isWhitespace)
            return !trimmed.isEmpty && trimmed.first != "%"
        }.makeIterator()
        guard let sizeLine = body.next() else { throw fail(nil, "the size line after the header is missing") }
        let sizeFields = TextLines.fields(of: sizeLine.content, number: sizeLine.number)
        let sizes = sizeFields.map { Int($0.text) }
        guard sizes.count == (isCoordinate ? 3 : 2), let rows = sizes[0], let columns = sizes[1],
            sizes.allSatisfy({ ($0 ?? -1) >= 0 })
        else {
            throw fail(
                .lineColumn(line: sizeLine.number, column: 1),
                isCoordinate ? "expected the size line 'rows columns entries'" : "expected the size line 'rows columns'"
            )
        }
        guard rows > 0, columns > 0 else {
            throw fail(.lineColumn(line: sizeLine.number, column: 1), "the matrix is \(rows)×\(columns): it is empty")
        }
        guard rows.multipliedReportingOverflow(by: columns).partialValue <= maximumEntries,
            !rows.multipliedReportingOverflow(by: columns).overflow
        else {
            throw fail(
                .lineColumn(line: sizeLine.number, column: 1),
                "a \(rows)×\(columns) matrix is too large (more than \(maximumEntries) entries)")
        }
        if storage != .general, rows != columns {
            throw fail(
                .lineColumn(line: sizeLine.number, column: 1),
                "a \(storage.rawValue) matrix must be square but is \(rows)×\(columns)")
        }

        // The positions to fill, in file order, for the array format.
        var arrayPositions: [(Int, Int)] = []
        if !isCoordinate {
            for j in 0..<columns {
                let first = storage == .general ? 0 : (storage == .symmetric ? j : j + 1)
                for i in first..<rows { arrayPositions.append((i, j)) }
            }
        }
        let expected = isCoordinate ? sizes[2]! : arrayPositions.count
        var matrix = ExactValues(zeros: rows * columns)
        var filled = Set<Int>()
        var count = 0
        var lastLine = sizeLine.number
        while let line = body.next() {
            lastLine = line.number
            let fields = TextLines.fields(of: line.content, number: line.number)
            guard count < expected else {
                throw fail(fields[0].location, "more entries than the \(expected) the header declares")
            }
            guard fields.count == (isCoordinate ? (isPattern ? 2 : 3) : 1) else {
                throw fail(
                    fields[0].location,
                    isCoordinate
                        ? (isPattern ? "expected 'row column'" : "expected 'row column value'")
                        : "expected one value per line")
            }
            let valueField = fields[fields.count - 1]
            let value = isPattern ? NumberValue.double(1) : try TextLines.value(valueField, path: path)
            if isInteger {
                let exact = try TextLines.number(valueField, path: path)
                guard exact.isInteger, field == "integer" || exact >= .zero else {
                    throw fail(
                        valueField.location,
                        "'\(valueField.text)' is not \(field == "integer" ? "an integer" : "a non-negative integer"), but the header says '\(field)'"
                    )
                }
            }
            var (i, j) = isCoordinate ? (0, 0) : arrayPositions[count]
            if isCoordinate {
                guard let row = Int(fields[0].text), (1...rows).contains(row) else {
                    throw fail(fields[0].location, "row index '\(fields[0].text)' is not in 1…\(rows)")
                }
                guard let column = Int(fields[1].text), (1...columns).contains(column) else {
                    throw fail(fields[1].location, "column index '\(fields[1].text)' is not in 1…\(columns)")
                }
                (i, j) = (row - 1, column - 1)
                if storage == .skewSymmetric, i == j, !isZero(value) {
                    throw fail(
                        fields[0].location,
                        "a skew-symmetric matrix has a zero diagonal, but (\(row), \(column)) is not 0")
                }
                guard filled.insert(i * columns + j).inserted,
                    storage == .general || i == j || filled.insert(j * columns + i).inserted
                else {
                    throw fail(fields[0].location, "entry (\(row), \(column)) is given twice")
                }
            }
            matrix.set(i * columns + j, value)
            if storage != .general, i != j {
                matrix.set(j * columns + i, storage == .symmetric ? value : negated(value))
            }
            count += 1
        }
        guard count == expected else {
            throw fail(
                .lineColumn(line: lastLine + 1, column: 1),
                "the header declares \(expected) entries but the file ends after \(count)")
        }
        return ArrayValues(rows: rows, columns: columns, values: matrix)
    }

    private static func isZero(_ value: NumberValue) -> Bool {
        if case .double(0) = value { return true }
        return false
    }

    private static func negated(_ value: NumberValue) -> NumberValue {
        switch value {
        case let .double(double): .double(-double)
        case let .rational(exact): .rational(-exact)
        case .failure: value
        }
    }

    /// The vector in `text`: an m×1 or 1×m matrix.
    static func readVector(_ text: String, path: String?) throws(ProblemDataError) -> ExactValues {
        let matrix = try readMatrix(text, path: path)
        guard matrix.rows == 1 || matrix.columns == 1 else {
            throw ProblemDataError(
                path: path,
                "expected a vector (an m×1 or 1×m matrix) but found a \(matrix.rows)×\(matrix.columns) matrix")
        }
        return matrix.values
    }

    /// The file text of `matrix` in the `array real general` format.
    /// - Throws: when an entry is not exactly a double (the format has no exact fractions).
    static func text(of matrix: NumberTokens, path: String?) throws(ProblemDataError) -> String {
        var text = "%%MatrixMarket matrix array real general\n% written by SparseCert; every value is exact\n"
        text += "\(matrix.rows) \(matrix.columns)\n"
        for j in 0..<matrix.columns {
            for i in 0..<matrix.rows {
                let (entry, isDouble) = matrix[i, j]
                guard isDouble else { throw .notADouble(entry, row: i, column: j, path: path, format: ".mtx") }
                text += entry + "\n"
            }
        }
        return text
    }

}
