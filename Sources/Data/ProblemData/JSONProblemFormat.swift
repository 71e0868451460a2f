import DenseLinearAlgebra
import ExactArithmetic

/// JSON problem files: `{"A": [[…], …], "y": […], "x0": […], "name": "…"}`.
///
/// `"A"` (rows of equal length) and `"y"` (one entry per row) are required, `"x0"` (one entry per column)
/// and `"name"` are optional; other keys are ignored, so files may carry notes. An entry is a JSON number,
/// taken as the double it denotes and converted exactly, or a string holding an exact number (`"1/3"`,
/// `"0.1"` = 1/10). A JSON vector file is a bare array of such entries; a JSON matrix file a bare array
/// of rows.
enum JSONProblemFormat {
    /// The problem in `text`.
    /// - Throws: the line and column of the first syntax error, missing key, bad entry or wrong length.
    static func readProblem(_ text: String, path: String?) throws(ProblemDataError) -> Problem {
        let root = try JSONReader.parse(text, path: path)
        guard case let .object(members) = root.value else {
            throw ProblemDataError(path: path, location: root.location,
                                   "expected an object {\"A\": [[…]], \"y\": […]} but found \(root.kind)")
        }
        func member(_ key: String) -> JSONNode? { members.first { $0.key == key }?.node }
        guard let matrixNode = member("A") else {
            throw ProblemDataError(path: path, location: root.location, "the key \"A\" (the matrix, as an array of rows) is missing")
        }
        guard let observationNode = member("y") else {
            throw ProblemDataError(path: path, location: root.location, "the key \"y\" (the observations) is missing")
        }
        let matrix = try self.matrix(matrixNode, path: path)
        let observations = try vector(observationNode, path: path, key: "y", expectedCount: (matrix.rows, "A has \(matrix.rows) rows"))
        let groundTruth = try member("x0").map { node throws(ProblemDataError) in
            try vector(node, path: path, key: "x0", expectedCount: (matrix.columns, "A has \(matrix.columns) columns"))
        }
        var name: String?
        if let nameNode = member("name") {
            guard case let .string(text) = nameNode.value else {
                throw ProblemDataError(path: path, location: nameNode.location, "\"name\" must be a string, not \(nameNode.kind)")
            }
            name = text
        }
        do {
            return try Problem(matrix: matrix, observations: observations, groundTruth: groundTruth, name: name)
        } catch {
            throw ProblemDataError(path: path, location: root.location, error.reason)
        }
    }

    /// The matrix in a JSON matrix file (a bare array of rows).
    static func readMatrix(_ text: String, path: String?) throws(ProblemDataError) -> Matrix<Rational> {
        try matrix(try JSONReader.parse(text, path: path), path: path)
    }

    /// The vector in a JSON vector file (a bare array of numbers).
    static func readVector(_ text: String, path: String?) throws(ProblemDataError) -> [Rational] {
        try vector(try JSONReader.parse(text, path: path), path: path, key: "the vector", expectedCount: nil)
    }

    /// The JSON text of `problem`: each entry a number when it is exactly a double (shortest round-trip
    /// form, so any JSON reader recovers the same double), a `"p/q"` string otherwise.
    static func text(of problem: Problem) -> String {
        var lines = ["{"]
        if let name = problem.name { lines.append("  \"name\": \(quoted(name)),") }
        lines.append("  \"A\": \(text(of: problem.matrix, indent: "  ").dropLast()),")
        lines.append("  \"y\": \(text(of: problem.observations).dropLast())" + (problem.groundTruth == nil ? "" : ","))
        if let groundTruth = problem.groundTruth { lines.append("  \"x0\": \(text(of: groundTruth).dropLast())") }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The JSON text of a matrix: an array of rows, one per line, entries as in ``text(of:)-(Problem)``.
    static func text(of matrix: Matrix<Rational>, indent: String = "") -> String {
        let rows = matrix.rowArrays.map { indent + "  " + text(of: $0).dropLast() }
        return "[\n" + rows.joined(separator: ",\n") + "\n\(indent)]\n"
    }

    /// The JSON text of a vector: one array on one line.
    static func text(of vector: [Rational]) -> String {
        "[" + vector.map { value in
            let (text, isDouble) = NumberText.text(of: value)
            return isDouble ? text : "\"\(text)\""
        }.joined(separator: ", ") + "]\n"
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case _ where scalar.value < 0x20: result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private static func entry(_ node: JSONNode, path: String?, what: String) throws(ProblemDataError) -> Rational {
        let result: Result<Rational, ReasonText>
        switch node.value {
        case let .number(text): result = NumberText.value(of: text)
        case let .string(text): result = NumberText.exactString(Substring(text))
        default:
            throw ProblemDataError(path: path, location: node.location, "\(what) must be a number or a string holding an exact number, not \(node.kind)")
        }
        switch result {
        case let .success(value): return value
        case let .failure(reason): throw ProblemDataError(path: path, location: node.location, "\(what): \(reason.text)")
        }
    }

    private static func matrix(_ node: JSONNode, path: String?) throws(ProblemDataError) -> Matrix<Rational> {
        guard case let .array(rowNodes) = node.value, !rowNodes.isEmpty else {
            throw ProblemDataError(path: path, location: node.location, "\"A\" must be a non-empty array of rows, not \(node.kind == "an array" ? "an empty array" : node.kind)")
        }
        var elements: [Rational] = []
        var width = 0
        for (i, rowNode) in rowNodes.enumerated() {
            guard case let .array(entries) = rowNode.value else {
                throw ProblemDataError(path: path, location: rowNode.location, "row \(i) of \"A\" must be an array of numbers, not \(rowNode.kind)")
            }
            if i == 0 {
                width = entries.count
                guard width > 0 else { throw ProblemDataError(path: path, location: rowNode.location, "row 0 of \"A\" is empty") }
            } else if entries.count != width {
                throw ProblemDataError(path: path, location: rowNode.location,
                                       "row \(i) of \"A\" has \(entries.count) entries but row 0 has \(width): every row needs the same length")
            }
            for (j, entryNode) in entries.enumerated() {
                elements.append(try entry(entryNode, path: path, what: "A[\(i)][\(j)]"))
            }
        }
        return Matrix(rows: rowNodes.count, columns: width, elements: elements)
    }

    private static func vector(_ node: JSONNode, path: String?, key: String,
                               expectedCount: (count: Int, because: String)?) throws(ProblemDataError) -> [Rational] {
        guard case let .array(entries) = node.value, !entries.isEmpty else {
            throw ProblemDataError(path: path, location: node.location, "\(key) must be a non-empty array of numbers, not \(node.kind == "an array" ? "an empty array" : node.kind)")
        }
        if let expectedCount, entries.count != expectedCount.count {
            throw ProblemDataError(path: path, location: node.location,
                                   "\(key) has \(entries.count) entries but \(expectedCount.because): it needs \(expectedCount.count)")
        }
        var values: [Rational] = []
        for (i, entryNode) in entries.enumerated() { values.append(try entry(entryNode, path: path, what: "\(key)[\(i)]")) }
        return values
    }
}
