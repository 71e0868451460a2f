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
    /// The problem in `bytes`.
    /// - Throws: the line and column of the first syntax error, missing key, bad entry or wrong length.
    static func readProblem(_ bytes: consuming [UInt8], path: String?) throws(ProblemDataError) -> Problem {
        let document = try JSONReader.parse(bytes, path: path)
        let root = document.root
        guard case let .object(members) = root.value else {
            throw document.error(
                at: root.offset, "expected an object {\"A\": [[…]], \"y\": […]} but found \(root.kind)")
        }
        func member(_ key: String) -> JSONNode? { members.first { $0.key == key }?.node }
        guard let matrixNode = member("A") else {
            throw document.error(at: root.offset, "the key \"A\" (the matrix, as an array of rows) is missing")
        }
        guard let observationNode = member("y") else {
            throw document.error(at: root.offset, "the key \"y\" (the observations) is missing")
        }
        let matrix = try self.matrix(matrixNode, in: document)
        let observations = try vector(
            observationNode, in: document, key: "y",
            expectedCount: (matrix.rows, "A has \(matrix.rows) rows"))
        let groundTruth = try member("x0").map { node throws(ProblemDataError) in
            try vector(
                node, in: document, key: "x0", expectedCount: (matrix.columns, "A has \(matrix.columns) columns"))
        }
        var name: String?
        if let nameNode = member("name") {
            guard case let .string(text) = nameNode.value else {
                throw document.error(at: nameNode.offset, "\"name\" must be a string, not \(nameNode.kind)")
            }
            name = text
        }
        do {
            return try Problem(
                rows: matrix.rows, columns: matrix.columns, matrix: matrix.values,
                observations: observations, groundTruth: groundTruth, name: name)
        } catch {
            throw document.error(at: root.offset, error.reason)
        }
    }

    /// The matrix in a JSON matrix file: a bare array of rows, or the `"A"` of a problem object (whose
    /// `"y"` may then be missing: a file for the commands that need A only).
    static func readMatrix(_ bytes: consuming [UInt8], path: String?) throws(ProblemDataError) -> ArrayValues {
        let document = try JSONReader.parse(bytes, path: path)
        if case let .object(members) = document.root.value {
            guard let node = members.first(where: { $0.key == "A" })?.node else {
                throw document.error(
                    at: document.root.offset, "the key \"A\" (the matrix, as an array of rows) is missing")
            }
            return try matrix(node, in: document)
        }
        return try matrix(document.root, in: document)
    }

    /// The vector in a JSON vector file (a bare array of numbers).
    static func readVector(_ bytes: consuming [UInt8], path: String?) throws(ProblemDataError) -> ExactValues {
        let document = try JSONReader.parse(bytes, path: path)
        return try vector(document.root, in: document, key: "the vector", expectedCount: nil)
    }

    /// The JSON text of `problem`: each entry a number when it is exactly a double (shortest round-trip
    /// form, so any JSON reader recovers the same double), a `"p/q"` string otherwise.
    static func text(of problem: Problem) -> String {
        let parts = NumberTokens.parts(of: problem)
        var lines = ["{"]
        if let name = problem.name { lines.append("  \"name\": \(quoted(name)),") }
        lines.append("  \"A\": \(text(of: parts.matrix, indent: "  ").dropLast()),")
        lines.append(
            "  \"y\": \(text(ofVector: parts.observations).dropLast())" + (parts.groundTruth == nil ? "" : ","))
        if let groundTruth = parts.groundTruth { lines.append("  \"x0\": \(text(ofVector: groundTruth).dropLast())") }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The JSON text of a matrix: an array of rows, one per line, entries as in ``text(of:)-(Problem)``.
    static func text(of matrix: NumberTokens, indent: String = "") -> String {
        let rows = matrix.rowTokens.map { indent + "  " + line($0) }
        return "[\n" + rows.joined(separator: ",\n") + "\n\(indent)]\n"
    }

    /// The JSON text of a vector (the one column of `vector`): one array on one line.
    static func text(ofVector vector: NumberTokens) -> String { line(vector.tokens) + "\n" }

    private static func line(_ tokens: [(text: String, isDouble: Bool)]) -> String {
        "[" + tokens.map { $0.isDouble ? $0.text : "\"\($0.text)\"" }.joined(separator: ", ") + "]"
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case _ where scalar.value < 0x20:
                result +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Appends the entries of an array node (numbers, or strings holding exact numbers) to `values`.
    static func append(
        _ node: JSONNode, to values: inout ExactValues, in document: JSONDocument,
        what: (Int) -> String
    ) throws(ProblemDataError) -> Int {
        switch node.value {
        case let .numbers(run):
            if let failure = run.failure {
                throw document.error(at: failure.offset, "\(what(failure.index)): \(failure.reason)")
            }
            values.append(contentsOf: run.values)
            return run.values.count
        case let .array(entries):
            for (k, entry) in entries.enumerated() {
                try append(entry: entry, to: &values, in: document, what: what(k))
            }
            return entries.count
        default:
            preconditionFailure("append(_:to:) takes array nodes only")
        }
    }

    /// Appends one entry (a number, or a string holding an exact number) to `values`.
    static func append(
        entry: JSONNode, to values: inout ExactValues, in document: JSONDocument, what: @autoclosure () -> String
    ) throws(ProblemDataError) {
        switch entry.value {
        case let .number(.double(value)): values.append(value)
        case let .number(.rational(value)): values.append(value)
        case let .number(.failure(reason)): throw document.error(at: entry.offset, "\(what()): \(reason)")
        case let .string(text):
            switch NumberText.exactString(Substring(text)) {
            case let .success(value): values.append(value)
            case let .failure(reason): throw document.error(at: entry.offset, "\(what()): \(reason.text)")
            }
        default:
            throw document.error(
                at: entry.offset, "\(what()) must be a number or a string holding an exact number, not \(entry.kind)")
        }
    }

    private static func isArray(_ node: JSONNode) -> Bool {
        switch node.value {
        case .array, .numbers: true
        default: false
        }
    }

    private static func isEmptyArray(_ node: JSONNode) -> Bool {
        if case let .array(elements) = node.value { return elements.isEmpty }
        return false
    }

    private static func matrix(_ node: JSONNode, in document: JSONDocument) throws(ProblemDataError) -> ArrayValues {
        guard case let .array(rowNodes) = node.value, !rowNodes.isEmpty else {
            let found = isEmptyArray(node) ? "an empty array" : (isArray(node) ? "an array of numbers" : node.kind)
            throw document.error(at: node.offset, "\"A\" must be a non-empty array of rows, not \(found)")
        }
        var values = ExactValues()
        var width = 0
        for (i, rowNode) in rowNodes.enumerated() {
            guard isArray(rowNode) else {
                throw document.error(
                    at: rowNode.offset, "row \(i) of \"A\" must be an array of numbers, not \(rowNode.kind)")
            }
            let count = try append(rowNode, to: &values, in: document) { "A[\(i)][\($0)]" }
            if i == 0 {
                width = count
                guard width > 0 else { throw document.error(at: rowNode.offset, "row 0 of \"A\" is empty") }
                values.reserve(width * rowNodes.count)
            } else if count != width {
                throw document.error(
                    at: rowNode.offset,
                    "row \(i) of \"A\" has \(count) entries but row 0 has \(width): every row needs the same length")
            }
        }
        return ArrayValues(rows: rowNodes.count, columns: width, values: values)
    }

    private static func vector(
        _ node: JSONNode, in document: JSONDocument, key: String,
        expectedCount: (count: Int, because: String)?
    ) throws(ProblemDataError) -> ExactValues {
        guard isArray(node), !isEmptyArray(node) else {
            let found = isEmptyArray(node) ? "an empty array" : node.kind
            throw document.error(at: node.offset, "\(key) must be a non-empty array of numbers, not \(found)")
        }
        var values = ExactValues()
        let count = try append(node, to: &values, in: document) { "\(key)[\($0)]" }
        if let expectedCount, count != expectedCount.count {
            throw document.error(
                at: node.offset,
                "\(key) has \(count) entries but \(expectedCount.because): it needs \(expectedCount.count)")
        }
        return values
    }
}
