/// The tokens of ``JSONReader``: runs of numbers, strings and numbers.
extension JSONReader {
    /// The array at `index` when it is a non-empty array of numbers only, else `nil` (and the caller
    /// reads it again element by element).
    mutating func numberRun() throws(ProblemDataError) -> NumberRun? {
        index += 1
        var run = NumberRun()
        while true {
            skipSpace()
            guard let byte = current,
                byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            else {
                return nil
            }
            let offset = index
            switch try number() {
            case .double(let value): run.values.append(value)
            case .rational(let value): run.values.append(value)
            case .failure(let reason):
                if run.failure == nil { run.failure = (run.values.count, offset, reason) }
                run.values.append(0.0)
            }
            skipSpace()
            if current == UInt8(ascii: "]") {
                index += 1
                return run
            }
            guard current == UInt8(ascii: ",") else { return nil }
            index += 1
        }
    }

    mutating func string() throws(ProblemDataError) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var rawStart = index
        func flush(_ reader: JSONReader) throws(ProblemDataError) {
            guard rawStart < reader.index else { return }
            guard
                let text = String(
                    validating: UnsafeBufferPointer(rebasing: reader.bytes[rawStart..<reader.index]), as: UTF8.self)
            else {
                throw reader.fail("a string is not valid UTF-8", at: rawStart)
            }
            scalars += text.unicodeScalars
        }
        while true {
            guard let byte = current else { throw fail("the file ends inside a string") }
            if byte == UInt8(ascii: "\"") {
                try flush(self)
                index += 1
                return String(scalars)
            }
            guard byte >= 0x20 else { throw fail("a control character inside a string (escape it)") }
            guard byte == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            try flush(self)
            index += 1
            guard let escape = current else { throw fail("the file ends inside a string") }
            let simple: [UInt8: Unicode.Scalar] = [
                0x22: "\"", 0x5C: "\\", 0x2F: "/", 0x62: "\u{08}", 0x66: "\u{0C}",
                0x6E: "\n", 0x72: "\r", 0x74: "\t",
            ]
            if let replacement = simple[escape] {
                scalars.append(replacement)
                index += 1
            } else if escape == UInt8(ascii: "u") {
                index += 1
                var code = try hexQuad()
                if (0xD800..<0xDC00).contains(code), current == UInt8(ascii: "\\"), index + 1 < end,
                    bytes[index + 1] == UInt8(ascii: "u")
                {
                    let save = index
                    index += 2
                    let low = try hexQuad()
                    if (0xDC00..<0xE000).contains(low) {
                        code = 0x10000 + (code - 0xD800) << 10 + (low - 0xDC00)
                    } else {
                        index = save
                    }
                }
                scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            } else {
                throw fail("unknown escape '\\\(Character(UnicodeScalar(escape)))' in a string")
            }
            rawStart = index
        }
    }

    private mutating func hexQuad() throws(ProblemDataError) -> UInt32 {
        let digits = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<min(end, index + 4)]), as: UTF8.self)
        guard digits.count == 4, digits.allSatisfy(\.isHexDigit), let code = UInt32(digits, radix: 16) else {
            throw fail("expected four hex digits after \\u")
        }
        index += 4
        return code
    }

    /// A number token (RFC 8259: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`), converted.
    mutating func number() throws(ProblemDataError) -> NumberValue {
        let start = index
        func digits(_ reader: inout JSONReader) -> Int {
            let first = reader.index
            while reader.index < reader.end,
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(reader.bytes[reader.index])
            {
                reader.index += 1
            }
            return reader.index - first
        }
        if current == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits(&self)
        guard integerDigits > 0 else { throw fail("expected digits in a number") }
        guard integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else {
            throw fail("a number may not start with 0 (leading zeros are not JSON)", at: integerStart)
        }
        var isInteger = true
        if current == UInt8(ascii: ".") {
            index += 1
            isInteger = false
            guard digits(&self) > 0 else { throw fail("expected digits after the decimal point") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            isInteger = false
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw fail("expected digits in the exponent") }
        }
        return NumberBytes.value(bytes, start, index, isInteger: isInteger)
    }
}
