import ExactArithmetic
import Foundation

/// How numbers are spelled in the text formats (JSON numbers, CSV, Matrix Market), both ways.
///
/// - an integer (`-7`) is that integer, exactly, however large;
/// - a decimal with a fraction or an exponent (`0.1`, `2.5e-3`) is the double nearest to it, converted
///   exactly — the value NumPy, SciPy and every JSON library see;
/// - a fraction `p/q` (`1/3`) is exact. In JSON, strings hold exact numbers instead (``exactString(_:)``).
///
/// NaN and infinities are never numbers here.
enum NumberText {
    /// The value a number token denotes, as a double when it is one (no `Rational` is made for a decimal).
    static func number(of token: Substring) -> NumberValue {
        let utf8 = token.utf8
        let body = utf8.first == UInt8(ascii: "-") || utf8.first == UInt8(ascii: "+") ? utf8.dropFirst() : utf8[...]
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        if !body.isEmpty, body.count <= 15, body.allSatisfy(isDigit), let integer = Double(token) {
            return .double(integer)
        }
        if let first = body.first, isDigit(first) || first == UInt8(ascii: "."), !body.allSatisfy(isDigit),
            body.allSatisfy({ isDigit($0) || [0x65, 0x45, 0x2E, 0x2B, 0x2D].contains($0) })
        {
            guard let double = Double(token) else { return .failure("'\(token)' is not a number") }
            guard double.isFinite else { return .failure("'\(token)' is too large: it overflows a double") }
            return .double(double)
        }
        switch value(of: token) {
        case let .success(exact):
            let nearest = exact.doubleValue
            return nearest.isFinite && Rational(exactly: nearest) == exact ? .double(nearest) : .rational(exact)
        case let .failure(reason):
            return .failure(reason.text)
        }
    }

    /// The value a number token denotes, or a reason why it is not a finite number.
    static func value(of token: Substring) -> Result<Rational, ReasonText> {
        if let nonFinite = nonFinite(token) { return .failure(nonFinite) }
        if token.contains("/") {
            return exactString(token)
        }
        let body = token.first == "-" || token.first == "+" ? token.dropFirst() : token
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || "eE.+-".contains($0)) }),
            body.first.map({ $0.isNumber || $0 == "." }) == true
        else {
            return .failure(ReasonText("'\(token)' is not a number"))
        }
        if body.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return exactString(token)
        }
        guard let double = Double(String(token)) else {
            return .failure(ReasonText("'\(token)' is not a number"))
        }
        guard let exact = Rational(exactly: double) else {
            return .failure(ReasonText("'\(token)' is too large: it overflows a double"))
        }
        return .success(exact)
    }

    /// The exact value of a fraction or decimal text (`"1/3"`, `"0.1"` = 1/10).
    static func exactString(_ text: Substring) -> Result<Rational, ReasonText> {
        if let nonFinite = nonFinite(text) { return .failure(nonFinite) }
        do {
            return .success(try Rational(parsing: String(text)))
        } catch {
            return .failure(ReasonText(error.description))
        }
    }

    /// The reason to refuse a spelling of NaN or infinity, or `nil` for any other text.
    private static func nonFinite(_ token: Substring) -> ReasonText? {
        let body = token.trimmingPrefix(while: { $0 == "+" || $0 == "-" || $0.isWhitespace }).lowercased()
        guard ["nan", "inf", "infinity"].contains(body.trimmingCharacters(in: .whitespaces)) else { return nil }
        return ReasonText("'\(token)' is not finite: NaN and infinities are not allowed")
    }

    /// The shortest text that reads back as exactly `value` under ``value(of:)`` — the integer itself, the
    /// shortest round-trip decimal of the double equal to `value`, or `p/q` — and whether `value` is
    /// exactly a double (so that JSON may write it as a number and `.mtx` may hold it).
    static func text(of value: Rational) -> (text: String, isDouble: Bool) {
        let double = exactDouble(value)
        if value.isInteger { return (value.description, double != nil) }
        return double.map { ("\($0)", true) } ?? (value.description, false)
    }

    /// The double equal to `value`, or `nil` when no double is.
    static func exactDouble(_ value: Rational) -> Double? {
        let double = value.doubleValue
        return Rational(exactly: double) == value ? double : nil
    }
}

/// A reason text carried through `Result` (a `String` wrapped to be an `Error`).
struct ReasonText: Error {
    let text: String
    init(_ text: String) { self.text = text }
}
