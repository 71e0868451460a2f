/// A JSON value with the place where it starts.
struct JSONNode {
    /// The kinds of JSON value; numbers keep their text so that no digit is lost.
    indirect enum Value {
        case object([(key: String, node: JSONNode)])
        case array([JSONNode])
        case string(String)
        case number(Substring)
        case bool(Bool)
        case null
    }

    let value: Value
    let location: FileLocation

    /// A short name of the kind of value, for messages ("an array", "a string").
    var kind: String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        }
    }
}

/// A small JSON reader (RFC 8259) that remembers the line and column of every value, so that a malformed
/// or ill-typed problem file can be reported precisely. Nesting deeper than ``maximumDepth`` is refused
/// instead of exhausting the stack.
struct JSONReader {
    /// The deepest nesting of arrays and objects accepted.
    static let maximumDepth = 64

    private let text: Substring.UTF8View
    private var index: Substring.UTF8View.Index
    private var line = 1, column = 1
    private let path: String?

    /// The value that makes up `text`.
    /// - Throws: the line and column of the first syntax error.
    static func parse(_ text: String, path: String?) throws(ProblemDataError) -> JSONNode {
        var reader = JSONReader(text: Substring(text).utf8, path: path)
        let node = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.index == reader.text.endIndex else { throw reader.fail("unexpected text after the end of the JSON document") }
        return node
    }

    private init(text: Substring.UTF8View, path: String?) {
        self.text = text
        self.index = text.startIndex
        self.path = path
    }

    private var here: FileLocation { .lineColumn(line: line, column: column) }

    private func fail(_ reason: String) -> ProblemDataError {
        ProblemDataError(path: path, location: here, reason)
    }

    private var current: UInt8? { index < text.endIndex ? text[index] : nil }

    private mutating func advance() {
        guard let byte = current else { return }
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
        index = text.index(after: index)
        // A continuation byte belongs to the character already counted.
        while let next = current, next & 0xC0 == 0x80 { index = text.index(after: index) }
    }

    private mutating func skipSpace() {
        while let byte = current, [0x20, 0x09, 0x0A, 0x0D].contains(byte) { advance() }
    }

    private mutating func expect(_ character: Character) throws(ProblemDataError) {
        skipSpace()
        guard current == character.asciiValue else {
            throw fail(current == nil ? "the file ends where '\(character)' was expected" : "expected '\(character)'")
        }
        advance()
    }

    private mutating func value(depth: Int) throws(ProblemDataError) -> JSONNode {
        skipSpace()
        let start = here
        guard let byte = current else { throw fail("the file ends where a value was expected") }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < Self.maximumDepth else { throw fail("arrays and objects are nested more than \(Self.maximumDepth) deep") }
            return byte == UInt8(ascii: "{") ? try object(depth: depth, start: start) : try array(depth: depth, start: start)
        case UInt8(ascii: "\""):
            return JSONNode(value: .string(try string()), location: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try number()), location: start)
        default:
            for (word, value) in [("true", JSONNode.Value.bool(true)), ("false", .bool(false)), ("null", .null)]
            where text[index...].starts(with: word.utf8) {
                for _ in word.utf8 { advance() }
                return JSONNode(value: value, location: start)
            }
            let shown = String(decoding: text[index...].prefix(12), as: UTF8.self)
            throw fail("expected a JSON value but found '\(shown)'" + (shown.lowercased().hasPrefix("nan") || shown.lowercased().hasPrefix("inf")
                                                                       ? " (NaN and infinities are not allowed)" : ""))
        }
    }

    private mutating func object(depth: Int, start: FileLocation) throws(ProblemDataError) -> JSONNode {
        advance()
        var members: [(key: String, node: JSONNode)] = []
        skipSpace()
        if current == UInt8(ascii: "}") {
            advance()
            return JSONNode(value: .object(members), location: start)
        }
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
            let keyLocation = here
            let key = try string()
            if members.contains(where: { $0.key == key }) {
                throw ProblemDataError(path: path, location: keyLocation, "the key \"\(key)\" appears twice")
            }
            try expect(":")
            members.append((key, try value(depth: depth + 1)))
            skipSpace()
            if current == UInt8(ascii: "}") { advance(); break }
            try expect(",")
        }
        return JSONNode(value: .object(members), location: start)
    }

    private mutating func array(depth: Int, start: FileLocation) throws(ProblemDataError) -> JSONNode {
        advance()
        var elements: [JSONNode] = []
        skipSpace()
        if current == UInt8(ascii: "]") {
            advance()
            return JSONNode(value: .array(elements), location: start)
        }
        while true {
            elements.append(try value(depth: depth + 1))
            skipSpace()
            if current == UInt8(ascii: "]") { advance(); break }
            try expect(",")
        }
        return JSONNode(value: .array(elements), location: start)
    }

    private mutating func string() throws(ProblemDataError) -> String {
        advance()
        var bytes: [UInt8] = []
        while true {
            guard let byte = current else { throw fail("the file ends inside a string") }
            if byte == UInt8(ascii: "\"") { advance(); break }
            guard byte >= 0x20 else { throw fail("a control character inside a string (escape it)") }
            if byte != UInt8(ascii: "\\") {
                let characterStart = index
                advance()
                bytes += text[characterStart..<index]
                continue
            }
            advance()
            guard let escape = current else { throw fail("the file ends inside a string") }
            let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
            if let replacement = simple[escape] {
                bytes.append(replacement)
                advance()
            } else if escape == UInt8(ascii: "u") {
                advance()
                let digits = String(decoding: text[index...].prefix(4), as: UTF8.self)
                guard digits.count == 4, let code = UInt32(digits, radix: 16) else { throw fail("expected four hex digits after \\u") }
                for _ in 0..<4 { advance() }
                bytes += Array(String(UnicodeScalar(code).map(Character.init) ?? "\u{FFFD}").utf8)
            } else {
                throw fail("unknown escape '\\\(Character(UnicodeScalar(escape)))' in a string")
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func number() throws(ProblemDataError) -> Substring {
        let start = index
        func digits(_ reader: inout JSONReader) -> Int {
            var count = 0
            while let byte = reader.current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { reader.advance(); count += 1 }
            return count
        }
        if current == UInt8(ascii: "-") { advance() }
        guard digits(&self) > 0 else { throw fail("expected digits in a number") }
        if current == UInt8(ascii: ".") {
            advance()
            guard digits(&self) > 0 else { throw fail("expected digits after the decimal point") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            guard digits(&self) > 0 else { throw fail("expected digits in the exponent") }
        }
        return Substring(text[start..<index])
    }
}
