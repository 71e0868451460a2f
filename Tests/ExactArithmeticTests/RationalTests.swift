import BigInt
import ExactArithmetic
import Testing

@Suite("Rational")
struct RationalTests {
    @Test("arithmetic stays in lowest terms")
    func arithmetic() {
        let third = Rational(1, 3), sixth = Rational(1, 6)
        #expect(third + sixth == Rational(1, 2))
        #expect(third - sixth == sixth)
        #expect(third * Rational(3) == 1)
        #expect(third / sixth == 2)
        #expect(Rational(4, -6).numerator == -2 && Rational(4, -6).denominator == 3)
        #expect(Rational(2, 3).power(-2) == Rational(9, 4))
        #expect(-Rational(1, 2) < Rational(1, 3))
    }

    @Test("doubles convert exactly", arguments: [1.0, -0.1, 0x1p-1074, 1 + 0x1p-40, 1e308, -3.75, 0.0])
    func exactDoubles(value: Double) throws {
        let exact = try #require(Rational(exactly: value))
        #expect(exact.doubleValue == value)
    }

    @Test("1 + 2⁻⁴⁰ is the dyadic fraction it denotes")
    func dyadic() throws {
        let value = try #require(Rational(exactly: 1 + 0x1p-40))
        #expect(value == Rational(BigInt(1) << 40 + 1, BigInt(1) << 40))
        #expect(Rational(exactly: Double.nan) == nil)
        #expect(Rational(exactly: -Double.infinity) == nil)
    }

    @Test(
        "rounding to the nearest double",
        arguments: [
            (Rational(1, 3), 1.0 / 3), (Rational(-2, 7), -2.0 / 7),
            (Rational(BigInt(10).power(400), BigInt(10).power(399)), 10.0),
        ]
            as [(Rational, Double)])
    func rounding(value: Rational, expected: Double) {
        #expect(value.doubleValue == expected)
    }

    @Test(
        "parsing exact text",
        arguments: [
            ("22/7", Rational(22, 7)), ("-1/3", Rational(-1, 3)), ("0.1", Rational(1, 10)),
            ("-2.5e-3", Rational(-1, 400)), (".5", Rational(1, 2)), ("1E+4", Rational(10000)),
            ("  7 ", Rational(7)), ("+3/-6", Rational(-1, 2)),
        ] as [(String, Rational)])
    func parsing(text: String, expected: Rational) throws {
        #expect(try Rational(parsing: text) == expected)
        #expect(try Rational(parsing: expected.description) == expected)
    }

    @Test(
        "bad text is rejected with a reason",
        arguments: ["", "1/0", "abc", "1.2.3", "--1", "1e", "1/", "0x10", "1e999999"])
    func badText(text: String) {
        #expect(throws: RationalParseError.self) { try Rational(parsing: text) }
    }
}
