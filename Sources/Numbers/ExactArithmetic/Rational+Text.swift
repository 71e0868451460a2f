import BigInt

/// Why a text is not a rational number.
public struct RationalParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text that was given.
    public let text: String
    /// What is wrong with it.
    public let reason: String

    /// The text and why it is not an exact number.
    public var description: String { "'\(text)' is not an exact number: \(reason)" }
}

extension Rational {
    /// Parses an exact number: an integer (`-7`), a fraction (`"22/7"`, `"-1/3"`) or a decimal with an
    /// optional exponent (`"0.1"`, `"-2.5e-3"`, `".5"`, `"1E+4"`). The value is exact: `"0.1"` is 1/10,
    /// not the double nearest to it. Surrounding white space is ignored.
    ///
    /// - Throws: ``RationalParseError`` naming the problem (empty text, a zero denominator, a stray
    ///   character, an exponent too large to represent).
    public init(parsing text: String) throws(RationalParseError) {
        let trimmed = text.trimmingWhitespace()
        func fail(_ reason: String) -> RationalParseError { RationalParseError(text: text, reason: reason) }
        guard !trimmed.isEmpty else { throw fail("it is empty") }
        if let slash = trimmed.firstIndex(of: "/") {
            let top = try Rational.integer(trimmed[..<slash], in: text)
            let bottom = try Rational.integer(trimmed[trimmed.index(after: slash)...], in: text)
            guard !bottom.isZero else { throw fail("the denominator is zero") }
            self.init(top, bottom)
            return
        }
        var mantissa = Substring(trimmed)
        var exponent = 0
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let digits = mantissa[mantissa.index(after: e)...]
            guard let value = Int(digits), abs(value) <= 100_000 else {
                throw fail("the exponent '\(digits)' is not an integer of at most 100000 in size")
            }
            exponent = value
            mantissa = mantissa[..<e]
        }
        var negative = false
        if let first = mantissa.first, first == "-" || first == "+" {
            negative = first == "-"
            mantissa = mantissa.dropFirst()
        }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0], fraction = parts.count > 1 ? parts[1] : ""
        guard !(whole.isEmpty && fraction.isEmpty),
            (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber })
        else {
            throw fail("expected digits with at most one '.', an optional sign and exponent, or p/q")
        }
        let digits = BigInt(String(whole + fraction))!
        let scale = exponent - fraction.count
        let magnitude =
            scale >= 0
            ? Rational(digits * BigInt(10).power(scale))
            : Rational(digits, BigInt(10).power(-scale))
        self = negative ? -magnitude : magnitude
    }

    private static func integer(_ text: Substring, in original: String) throws(RationalParseError) -> BigInt {
        let body = text.first == "-" || text.first == "+" ? text.dropFirst() : text
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }), let value = BigInt(String(text))
        else {
            throw RationalParseError(text: original, reason: "'\(text)' is not an integer")
        }
        return value
    }
}

extension Rational: CustomStringConvertible, LosslessStringConvertible {
    /// `"p/q"`, or `"p"` for an integer; parsing it back with ``init(parsing:)`` gives the same value.
    public var description: String {
        isInteger ? numerator.description : "\(numerator)/\(denominator)"
    }

    /// Parses like ``init(parsing:)``, returning `nil` instead of throwing.
    public init?(_ description: String) {
        guard let value = try? Rational(parsing: description) else { return nil }
        self = value
    }
}

extension Rational: Codable {
    /// Decodes a JSON string holding an exact number, or a JSON number (taken as the double it denotes).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = try Rational(parsing: text)
        } else {
            let value = try container.decode(Double.self)
            guard let exact = Rational(exactly: value) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(value) is not finite")
            }
            self = exact
        }
    }

    /// Encodes as the string `"p/q"` so that no digit is lost.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension StringProtocol {
    fileprivate func trimmingWhitespace() -> String {
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map { index(after: $0) } ?? start
        return String(self[start..<end])
    }
}
