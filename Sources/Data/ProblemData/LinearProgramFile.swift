import ExactArithmetic

/// A linear program as a JSON file in the names of SciPy's `linprog` (the `sparsecert lp` format):
///
///     {"sense": "minimize", "c": […], "A_ub": [[…]], "b_ub": […], "A_eq": [[…]], "b_eq": […],
///      "bounds": [0, null] or [[l₀, u₀], …], "integrality": [0, 1, …]}
///
/// meaning min/max cᵀx s.t. A_ub x ≤ b_ub, A_eq x = b_eq, lⱼ ≤ xⱼ ≤ uⱼ. Only `"c"` is required. A number is a
/// JSON number (the double it denotes, exactly) or a string holding an exact value (`"1/3"`, `"0.1"`); a
/// bound of `null` is no bound; the default bounds are `[0, null]`, as in `linprog`. `"integrality"` marks
/// integer variables with 1 (SciPy's 2 and 3, semi-continuous variables, are refused). Other keys are ignored,
/// so files may carry notes. The file is read as strictly as JSON problem files (``ProblemFile``).
public struct LinearProgramFile: Sendable, Hashable {
    /// Whether cᵀx is minimized or maximized.
    public enum Sense: String, Sendable, Hashable {
        /// min cᵀx.
        case minimize
        /// max cᵀx.
        case maximize
    }

    /// One constraint row: the coefficients of every variable and the right-hand side.
    public struct Row: Sendable, Hashable {
        /// aᵢ, one coefficient per variable.
        public var coefficients: [Rational]
        /// bᵢ.
        public var rightHandSide: Rational

        /// The row aᵢᵀx (≤ or =) bᵢ.
        public init(coefficients: [Rational], rightHandSide: Rational) {
            self.coefficients = coefficients
            self.rightHandSide = rightHandSide
        }
    }

    /// The bounds of one variable; `nil` is no bound.
    public struct VariableBounds: Sendable, Hashable {
        /// lⱼ, or `nil` for −∞.
        public var lower: Rational?
        /// uⱼ, or `nil` for +∞.
        public var upper: Rational?

        /// The bounds lⱼ ≤ xⱼ ≤ uⱼ.
        public init(lower: Rational?, upper: Rational?) {
            self.lower = lower
            self.upper = upper
        }
    }

    /// `"sense"`: minimize unless the file says maximize.
    public var sense: Sense
    /// `"c"`: the costs, one per variable (at least one).
    public var costs: [Rational]
    /// `"A_ub"`, `"b_ub"`: the rows aᵢᵀx ≤ bᵢ.
    public var inequalities: [Row]
    /// `"A_eq"`, `"b_eq"`: the rows aᵢᵀx = bᵢ.
    public var equalities: [Row]
    /// `"bounds"`: one pair per variable.
    public var bounds: [VariableBounds]
    /// `"integrality"`: whether each variable is integer.
    public var integrality: [Bool]

    /// The LP in `path` (`-` reads standard input).
    ///
    /// - Throws: ``ProblemDataError`` naming the file, the line and column and what to fix: malformed JSON,
    ///   duplicate keys, a missing `"c"`, a bad number, rows or bounds that do not match `"c"`.
    /// - Complexity: O(file size).
    public static func load(_ path: String) throws(ProblemDataError) -> LinearProgramFile {
        let bytes = try FileInput.read(path)
        return try read(bytes, path: ProblemFile.displayName(path))
    }

    /// The LP in `bytes` (see ``load(_:)``; `path` names the file in messages).
    static func read(_ bytes: consuming [UInt8], path: String?) throws(ProblemDataError) -> LinearProgramFile {
        let document = try JSONReader.parse(bytes, path: path)
        let reader = Reader(document: document)
        return try reader.program()
    }
}

/// The walk over the JSON document of an LP file.
private struct Reader {
    let document: JSONDocument

    func program() throws(ProblemDataError) -> LinearProgramFile {
        let root = document.root
        guard case let .object(members) = root.value else {
            throw document.error(at: root.offset, "expected an object {\"c\": […], …} but found \(root.kind)")
        }
        func member(_ key: String) -> JSONNode? { members.first { $0.key == key }?.node }
        guard let costNode = member("c") else {
            throw document.error(at: root.offset, "the key \"c\" (the costs, one per variable) is missing")
        }
        let costs = try numbers(costNode, key: "c")
        guard !costs.isEmpty else {
            throw document.error(at: costNode.offset, "\"c\" is empty: the LP needs at least one variable")
        }
        return LinearProgramFile(
            sense: try sense(member("sense")), costs: costs,
            inequalities: try rows(member("A_ub"), member("b_ub"), names: ("A_ub", "b_ub"), columns: costs.count),
            equalities: try rows(member("A_eq"), member("b_eq"), names: ("A_eq", "b_eq"), columns: costs.count),
            bounds: try bounds(member("bounds"), columns: costs.count),
            integrality: try integrality(member("integrality"), columns: costs.count))
    }

    private func sense(_ node: JSONNode?) throws(ProblemDataError) -> LinearProgramFile.Sense {
        guard let node else { return .minimize }
        guard case let .string(text) = node.value else {
            throw document.error(at: node.offset, "\"sense\" must be the string \"minimize\" or \"maximize\"")
        }
        switch text.lowercased() {
        case "min", "minimize": return .minimize
        case "max", "maximize": return .maximize
        default:
            throw document.error(at: node.offset, "\"sense\" must be \"minimize\" or \"maximize\", not \"\(text)\"")
        }
    }

    /// The entries of an array of exact numbers.
    private func numbers(_ node: JSONNode, key: String) throws(ProblemDataError) -> [Rational] {
        switch node.value {
        case .array, .numbers:
            var values = ExactValues()
            _ = try JSONProblemFormat.append(node, to: &values, in: document) { "\(key)[\($0)]" }
            return values.exactValues
        default:
            throw document.error(at: node.offset, "\"\(key)\" must be an array of numbers, not \(node.kind)")
        }
    }

    /// The elements of an array node, or `nil` for any other value.
    private func elements(_ node: JSONNode) -> [JSONNode]? {
        switch node.value {
        case let .array(elements): return elements
        case let .numbers(run):
            if let failure = run.failure {
                return [JSONNode(value: .number(.failure(failure.reason)), offset: failure.offset)]
            }
            return run.values.exactValues.map { JSONNode(value: .number(.rational($0)), offset: node.offset) }
        default: return nil
        }
    }

    /// One exact number, or `nil` for `null` (no bound).
    private func number(_ node: JSONNode, what: String) throws(ProblemDataError) -> Rational? {
        if case .null = node.value { return nil }
        var values = ExactValues()
        try JSONProblemFormat.append(entry: node, to: &values, in: document, what: what)
        return values.exactValue(at: 0)
    }

    private func rows(
        _ matrixNode: JSONNode?, _ rightNode: JSONNode?, names: (matrix: String, right: String), columns: Int
    ) throws(ProblemDataError) -> [LinearProgramFile.Row] {
        guard let matrixNode else {
            if let rightNode {
                throw document.error(at: rightNode.offset, "\"\(names.right)\" is given without \"\(names.matrix)\"")
            }
            return []
        }
        guard case let .array(rowNodes) = matrixNode.value else {
            throw document.error(
                at: matrixNode.offset, "\"\(names.matrix)\" must be an array of rows, not \(matrixNode.kind)")
        }
        guard let rightNode else {
            throw document.error(at: matrixNode.offset, "\"\(names.matrix)\" needs \"\(names.right)\"")
        }
        let right = try numbers(rightNode, key: names.right)
        guard right.count == rowNodes.count else {
            throw document.error(
                at: rightNode.offset,
                "\"\(names.matrix)\" has \(rowNodes.count) rows but \"\(names.right)\" has \(right.count) entries")
        }
        var result: [LinearProgramFile.Row] = []
        for (i, rowNode) in rowNodes.enumerated() {
            let coefficients = try numbers(rowNode, key: "\(names.matrix)[\(i)]")
            guard coefficients.count == columns else {
                throw document.error(
                    at: rowNode.offset, "\(names.matrix)[\(i)] has \(coefficients.count) entries; \"c\" has \(columns)")
            }
            result.append(LinearProgramFile.Row(coefficients: coefficients, rightHandSide: right[i]))
        }
        return result
    }

    private func bounds(_ node: JSONNode?, columns: Int) throws(ProblemDataError) -> [LinearProgramFile.VariableBounds]
    {
        guard let node else { return Array(repeating: .init(lower: .zero, upper: nil), count: columns) }
        guard let entries = elements(node) else {
            throw document.error(at: node.offset, "\"bounds\" must be a pair [lower, upper] or a list of pairs")
        }
        if entries.allSatisfy({ elements($0) == nil }) {
            return Array(repeating: try pair(node, what: "bounds"), count: columns)
        }
        guard entries.count == columns else {
            throw document.error(at: node.offset, "\"bounds\" has \(entries.count) pairs for \(columns) variables")
        }
        var result: [LinearProgramFile.VariableBounds] = []
        for (j, entry) in entries.enumerated() { result.append(try pair(entry, what: "bounds[\(j)]")) }
        return result
    }

    /// One [lower, upper] pair; `null` is no bound.
    private func pair(_ node: JSONNode, what: String) throws(ProblemDataError) -> LinearProgramFile.VariableBounds {
        guard let entries = elements(node), entries.count == 2 else {
            throw document.error(at: node.offset, "\(what) must be a pair [lower, upper] (null for no bound)")
        }
        let lower = try number(entries[0], what: "\(what)[0]")
        let upper = try number(entries[1], what: "\(what)[1]")
        return LinearProgramFile.VariableBounds(lower: lower, upper: upper)
    }

    private func integrality(_ node: JSONNode?, columns: Int) throws(ProblemDataError) -> [Bool] {
        guard let node else { return Array(repeating: false, count: columns) }
        let values = try numbers(node, key: "integrality")
        guard values.count == columns else {
            throw document.error(
                at: node.offset, "\"integrality\" has \(values.count) entries for \(columns) variables")
        }
        guard let bad = values.firstIndex(where: { $0 != .zero && $0 != Rational(1) }) else {
            return values.map { $0 == Rational(1) }
        }
        throw document.error(
            at: node.offset,
            "integrality[\(bad)] is \(values[bad]): use 0 (continuous) or 1 (integer); semi-continuous variables "
                + "(SciPy's 2 and 3) are not supported")
    }
}
