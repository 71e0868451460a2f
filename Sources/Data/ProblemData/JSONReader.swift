/// A JSON value with the byte offset where it starts.
struct JSONNode {
    /// The kinds of JSON value. Numbers are converted as they are read (``NumberValue``); an array made
    /// of numbers only is kept compactly as one ``NumberRun``.
    indirect enum Value {
        case object([(key: String, node: JSONNode)])
        case array([JSONNode])
        case numbers(NumberRun)
        case string(String)
        case number(NumberValue)
        case bool(Bool)
        case null
    }

    let value: Value
    let offset: Int

    /// A short name of the kind of value, for messages ("an array", "a string").
    var kind: String {
        switch value {
        case .object: "an object"
        case .array, .numbers: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        }
    }
}

/// The values of an array of numbers, with the first one that is not a finite number.
struct NumberRun {
    var values = ExactValues()
    /// The index in the array, the byte offset and the reason of the first bad number.
    var failure: (index: Int, offset: Int, reason: String)?
}

/// A JSON document: its root value and its bytes, which turn a node's offset into a line and column.
struct JSONDocument {
    let root: JSONNode
    let bytes: [UInt8]
    let path: String?

    /// The line and column of byte `offset`.
    func location(_ offset: Int) -> FileLocation {
        bytes.withUnsafeBufferPointer { NumberBytes.location(of: offset, in: $0) }
    }

    /// An error at byte `offset`.
    func error(at offset: Int, _ reason: String) -> ProblemDataError {
        ProblemDataError(path: path, location: location(offset), reason)
    }
}

/// A strict JSON reader (RFC 8259, as strict as Python's `json` module: no leading zeros, no trailing
/// commas, no comments) that works on bytes and finds line and column only when it reports an error.
/// Duplicate keys, NaN and infinities are refused; nesting deeper than ``maximumDepth`` is refused
/// instead of exhausting the stack. - Complexity: O(file size).
struct JSONReader {
    /// The deepest nesting of arrays and objects accepted.
    static let maximumDepth = 64

    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    var index = 0
    let path: String?

    /// The document that makes up `bytes` (UTF-8, a leading byte-order mark skipped).
    /// - Throws: the line and column of the first syntax error.
    static func parse(_ bytes: consuming [UInt8], path: String?) throws(ProblemDataError) -> JSONDocument {
        var buffer = bytes
        let count = buffer.count
        buffer.append(0)  // a terminator for the number conversion
        let root = try buffer.withUnsafeBufferPointer { pointer throws(ProblemDataError) in
            var reader = JSONReader(bytes: pointer, end: count, path: path)
            if count >= 3, pointer[0] == 0xEF, pointer[1] == 0xBB, pointer[2] == 0xBF { reader.index = 3 }
            let node = try reader.value(depth: 0)
            reader.skipSpace()
            guard reader.index == count else { throw reader.fail("unexpected text after the end of the JSON document") }
            return node
        }
        buffer.removeLast()
        return JSONDocument(root: root, bytes: buffer, path: path)
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, end: Int, path: String?) {
        self.bytes = bytes
        self.end = end
        self.path = path
    }

    func fail(_ reason: String, at offset: Int? = nil) -> ProblemDataError {
        ProblemDataError(path: path, location: NumberBytes.location(of: offset ?? index, in: bytes), reason)
    }

    var current: UInt8? { index < end ? bytes[index] : nil }

    mutating func skipSpace() {
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09
        {
            index += 1
        }
    }

    private mutating func expect(_ character: UInt8) throws(ProblemDataError) {
        skipSpace()
        guard current == character else {
            let shown = Character(UnicodeScalar(character))
            throw fail(current == nil ? "the file ends where '\(shown)' was expected" : "expected '\(shown)'")
        }
        index += 1
    }

    private mutating func value(depth: Int) throws(ProblemDataError) -> JSONNode {
        skipSpace()
        let start = index
        guard let byte = current else { throw fail("the file ends where a value was expected") }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < Self.maximumDepth else {
                throw fail("arrays and objects are nested more than \(Self.maximumDepth) deep")
            }
            return byte == UInt8(ascii: "{") ? try object(depth: depth) : try array(depth: depth)
        case UInt8(ascii: "\""):
            return JSONNode(value: .string(try string()), offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try number()), offset: start)
        default:
            for (word, value) in [("true", JSONNode.Value.bool(true)), ("false", .bool(false)), ("null", .null)]
            where UnsafeBufferPointer(rebasing: bytes[index..<end]).starts(with: word.utf8) {
                index += word.utf8.count
                return JSONNode(value: value, offset: start)
            }
            let shown = String(
                decoding: UnsafeBufferPointer(rebasing: bytes[index..<min(end, index + 12)]), as: UTF8.self)
            let nonFinite = ["nan", "inf", "-inf"].contains { shown.lowercased().hasPrefix($0) }
            throw fail(
                "expected a JSON value but found '\(shown)'"
                    + (nonFinite ? " (NaN and infinities are not allowed)" : ""))
        }
    }

    private mutating func object(depth: Int) throws(ProblemDataError) -> JSONNode {
        let start = index
        index += 1
        var members: [(key: String, node: JSONNode)] = []
        skipSpace()
        if current == UInt8(ascii: "}") {
            index += 1
            return JSONNode(value: .object(members), offset: start)
        }
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
            let keyOffset = index
            let key = try string()
            if members.contains(where: { $0.key == key }) {
                throw fail("the key \"\(key)\" appears twice", at: keyOffset)
            }
            try expect(UInt8(ascii: ":"))
            members.append((key, try value(depth: depth + 1)))
            skipSpace()
            if current == UInt8(ascii: "}") {
                index += 1
                break
            }
            try expect(UInt8(ascii: ","))
        }
        return JSONNode(value: .object(members), offset: start)
    }

    private mutating func array(depth: Int) throws(ProblemDataError) -> JSONNode {
        let start = index
        if let run = try numberRun() { return JSONNode(value: .numbers(run), offset: start) }
        index = start + 1
        var elements: [JSONNode] = []
        skipSpace()
        if current == UInt8(ascii: "]") {
            index += 1
            return JSONNode(value: .array(elements), offset: start)
        }
        while true {
            elements.append(try value(depth: depth + 1))
            skipSpace()
            if current == UInt8(ascii: "]") {
                index += 1
                break
            }
            try expect(UInt8(ascii: ","))
        }
        return JSONNode(value: .array(elements), offset: start)
    }
}
