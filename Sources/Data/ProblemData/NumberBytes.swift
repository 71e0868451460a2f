import ExactArithmetic

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The value of one number token, converted as ``NumberText`` says, without going through `String`.
enum NumberValue {
    /// A value that is exactly this double.
    case double(Double)
    /// A value that is not a double (a huge integer).
    case rational(Rational)
    /// Not a finite number, and why.
    case failure(String)
}

/// Fast conversion of number tokens held as bytes (the JSON reader's hot path).
enum NumberBytes {
    /// The value of the token `bytes[start..<end]`, which is a valid JSON number: an integer token is
    /// that integer exactly; a token with a fraction or exponent is the double nearest to it.
    /// - Precondition: the byte at `end` exists and is not part of a number (the buffer is NUL-terminated).
    static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, isInteger: Bool) -> NumberValue {
        if isInteger {
            let negative = bytes[start] == UInt8(ascii: "-")
            let first = negative ? start + 1 : start
            if end - first <= 15 {
                var magnitude: Int64 = 0
                for k in first..<end { magnitude = magnitude * 10 + Int64(bytes[k] &- 48) }
                return .double(negative && magnitude != 0 ? -Double(magnitude) : Double(magnitude))
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            guard let exact = try? Rational(parsing: text) else { return .failure("'\(text)' is not a number") }
            let nearest = exact.doubleValue
            return nearest.isFinite && Rational(exactly: nearest) == exact ? .double(nearest) : .rational(exact)
        }
        // strtod is correctly rounded; the end check also catches a host program's locale with another
        // decimal point, and Swift's locale-independent conversion then decides.
        var stop: UnsafeMutablePointer<CChar>?
        let pointer = UnsafeRawPointer(bytes.baseAddress! + start).assumingMemoryBound(to: CChar.self)
        var double = strtod(pointer, &stop)
        if stop.map({ UnsafeRawPointer($0) }) != UnsafeRawPointer(bytes.baseAddress! + end) {
            guard let parsed = Double(text(bytes, start, end)) else {
                return .failure("'\(text(bytes, start, end))' is not a number")
            }
            double = parsed
        }
        guard double.isFinite else {
            return .failure("'\(text(bytes, start, end))' is too large: it overflows a double")
        }
        return .double(double == 0 ? 0 : double)
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The 1-based line and column (in characters) of byte `offset` of UTF-8 text.
    static func location(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> FileLocation {
        var line = 1
        var column = 1
        for k in 0..<min(offset, bytes.count) {
            if bytes[k] == 0x0A {
                line += 1
                column = 1
            } else if bytes[k] & 0xC0 != 0x80 {
                column += 1
            }
        }
        return .lineColumn(line: line, column: column)
    }
}
