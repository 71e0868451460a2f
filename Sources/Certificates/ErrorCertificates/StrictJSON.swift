import Foundation

/// A strict reader of JSON documents for certificates: it rejects what Foundation's `JSONDecoder` silently
/// accepts — duplicate keys (which other readers resolve differently), unbounded sizes and nesting — and gives
/// a tree that can be compared with the canonical encoding of the decoded certificate.
///
/// The grammar is RFC 8259. Keys are compared after unescaping (`"a"` and `"\u0061"` are the same key).
enum StrictJSON {
    /// A parsed JSON value; numbers are doubles (the certificate's exact numbers are strings).
    indirect enum Value: Equatable {
        case object([String: Value])
        case array([Value])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    /// Bounds on a document, checked while reading.
    struct Limits: Sendable {
        /// The whole document, in bytes.
        var bytes = 256 << 20
        /// One string (an exact number "p/q" is a string), in bytes.
        var stringBytes = 50_000
        /// Nesting of arrays and objects.
        var depth = 16
    }

    /// Parses `data`.
    /// - Throws: ``ErrorCertificatesError/unreadable(_:)`` naming the position or the field at fault.
    /// - Complexity: O(bytes).
    static func parse(_ data: Data, limits: Limits = Limits()) throws(ErrorCertificatesError) -> Value {
        guard data.count <= limits.bytes else {
            throw .unreadable("the file has \(data.count) bytes; a certificate may have at most \(limits.bytes)")
        }
        var reader = Reader(bytes: [UInt8](data), limits: limits)
        reader.skipSpace()
        let value = try reader.value(path: "", depth: 0)
        reader.skipSpace()
        guard reader.position == reader.bytes.count else { throw reader.failure("text after the end of the document") }
        return value
    }

    /// The first place where `given` differs from `canonical`, described for the user; `nil` when they agree.
    static func difference(_ given: Value, _ canonical: Value, path: String = "") -> String? {
        switch (given, canonical) {
        case let (.object(a), .object(b)):
            if let key = a.keys.sorted().first(where: { b[$0] == nil }) {
                return "unknown field '\(join(path, key))' (or null where the format omits the field)"
            }
            if let key = b.keys.sorted().first(where: { a[$0] == nil }) { return "missing field '\(join(path, key))'" }
            for key in a.keys.sorted() {
                if let found = difference(a[key]!, b[key]!, path: join(path, key)) { return found }
            }
            return nil
        case let (.array(a), .array(b)) where a.count == b.count:
            for index in a.indices {
                if let found = difference(a[index], b[index], path: path + "[\(index)]") { return found }
            }
            return nil
        default:
            return given == canonical
                ? nil
                : "field '\(path)' is not in canonical form: \(show(given)) is written \(show(canonical))"
        }
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    private static func show(_ value: Value) -> String {
        switch value {
        case let .string(text): "\"\(text.prefix(40))\(text.count > 40 ? "…" : "")\""
        case let .number(number): "\(number)"
        case let .bool(flag): "\(flag)"
        case .null: "null"
        case let .array(items): "an array of \(items.count)"
        case .object: "an object"
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        let limits: Limits
        var position = 0

        func failure(_ what: String) -> ErrorCertificatesError {
            .unreadable("not valid JSON at byte \(position): \(what)")
        }

        mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        mutating func expect(_ literal: String) throws(ErrorCertificatesError) {
            let utf8 = Array(literal.utf8)
            guard position + utf8.count <= bytes.count, Array(bytes[position..<position + utf8.count]) == utf8 else {
                throw failure("expected '\(literal)'")
            }
            position += utf8.count
        }

        mutating func value(path: String, depth: Int) throws(ErrorCertificatesError) -> Value {
            guard position < bytes.count else { throw failure("unexpected end of the document") }
            switch bytes[position] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth < limits.depth else {
                    throw .unreadable("'\(path)' is nested deeper than \(limits.depth) levels")
                }
                return bytes[position] == UInt8(ascii: "{")
                    ? try object(path: path, depth: depth + 1) : try array(path: path, depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try string(path: path))
            case UInt8(ascii: "t"): try expect("true"); return .bool(true)
            case UInt8(ascii: "f"): try expect("false"); return .bool(false)
            case UInt8(ascii: "n"): try expect("null"); return .null
            default: return .number(try number())
            }
        }

        mutating func object(path: String, depth: Int) throws(ErrorCertificatesError) -> Value {
            position += 1
            var members: [String: Value] = [:]
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
            while true {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                    throw failure("expected a key")
                }
                let key = try string(path: path)
                let inner = StrictJSON.join(path, key)
                guard members[key] == nil else {
                    throw .unreadable("duplicate key '\(inner)': a certificate names every field once")
                }
                skipSpace()
                try expect(":")
                skipSpace()
                members[key] = try value(path: inner, depth: depth)
                skipSpace()
                guard position < bytes.count else { throw failure("unterminated object") }
                position += 1
                if bytes[position - 1] == UInt8(ascii: "}") { return .object(members) }
                guard bytes[position - 1] == UInt8(ascii: ",") else {
                    position -= 1
                    throw failure("expected ',' or '}'")
                }
            }
        }

        mutating func array(path: String, depth: Int) throws(ErrorCertificatesError) -> Value {
            position += 1
            var items: [Value] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
            while true {
                skipSpace()
                items.append(try value(path: path + "[\(items.count)]", depth: depth))
                skipSpace()
                guard position < bytes.count else { throw failure("unterminated array") }
                position += 1
                if bytes[position - 1] == UInt8(ascii: "]") { return .array(items) }
                guard bytes[position - 1] == UInt8(ascii: ",") else {
                    position -= 1
                    throw failure("expected ',' or ']'")
                }
            }
        }

        mutating func string(path: String) throws(ErrorCertificatesError) -> String {
            position += 1
            let start = position
            var decoded: [UInt8] = []
            var escaped = false
            while true {
                guard position < bytes.count else { throw failure("unterminated string") }
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") { break }
                guard byte >= 0x20 else { throw failure("a control character inside a string") }
                if byte == UInt8(ascii: "\\") {
                    if !escaped { decoded = Array(bytes[start..<position]); escaped = true }
                    position += 1
                    try escape(into: &decoded)
                    continue
                }
                if escaped { decoded.append(byte) }
                position += 1
                guard position - start <= limits.stringBytes else {
                    throw .unreadable(
                        "'\(path)' holds a string longer than \(limits.stringBytes) bytes "
                            + "(the limit for one number or text in a certificate)")
                }
            }
            let text = escaped ? decoded[...] : bytes[start..<position]
            position += 1
            guard let result = String(validating: text, as: UTF8.self) else {
                throw failure("a string that is not UTF-8")
            }
            return result
        }

        mutating func escape(into decoded: inout [UInt8]) throws(ErrorCertificatesError) {
            guard position < bytes.count else { throw failure("unterminated escape") }
            let simple: [UInt8: UInt8] = [
                0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A,
                0x72: 0x0D, 0x74: 0x09,
            ]
            if let replacement = simple[bytes[position]] { decoded.append(replacement); position += 1; return }
            guard bytes[position] == UInt8(ascii: "u") else { throw failure("an unknown escape") }
            var scalar = try hex()
            if (0xD800..<0xDC00).contains(scalar) {
                try expect("\\")
                let low = try hex()
                guard (0xDC00..<0xE000).contains(low) else { throw failure("an unpaired surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw failure("an invalid \\u escape") }
            decoded.append(contentsOf: Array(String(Character(unicode)).utf8))
        }

        mutating func hex() throws(ErrorCertificatesError) -> UInt32 {
            position += 1  // the 'u'
            guard position + 4 <= bytes.count,
                let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
            else {
                throw failure("a \\u escape needs four hexadecimal digits")
            }
            position += 4
            return value
        }

        mutating func number() throws(ErrorCertificatesError) -> Double {
            let start = position
            func digits() -> Int {
                let from = position
                while position < bytes.count, (0x30...0x39).contains(bytes[position]) { position += 1 }
                return position - from
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
            let integer = position
            guard digits() > 0, !(bytes[integer] == 0x30 && position - integer > 1) else {
                throw failure("a malformed number")
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                guard digits() > 0 else { throw failure("a malformed number") }
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
                position += 1
                if position < bytes.count, [UInt8(ascii: "+"), UInt8(ascii: "-")].contains(bytes[position]) {
                    position += 1
                }
                guard digits() > 0 else { throw failure("a malformed number") }
            }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            guard position - start <= 400, let value = Double(text) else {
                throw failure("a number that is too long")
            }
            return value
        }
    }
}
