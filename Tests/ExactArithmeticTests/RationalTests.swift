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

    @Test("+, −, ×, ÷ agree with the unreduced formulas and stay canonical, for shared and coprime denominators")
    func henrici() {
        var state: UInt64 = 7
        func next(_ bits: Int) -> BigInt {
            var value = BigInt(0)
            for _ in 0..<(bits / 60 + 1) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                value = (value << 60) + BigInt(state >> 4)
            }
            return state & 1 == 0 ? value : -value
        }
        let shared = BigInt(3).power(40) * 35
        for bits in [10, 70, 400] {
            for _ in 0..<20 {
                let x = Rational(next(bits), BigInt(next(bits).magnitude) * shared + 1)
                let y = Rational(next(bits) * shared, BigInt(next(bits).magnitude) * shared + shared)
                let (a, b, c, d) = (x.numerator, x.denominator, y.numerator, y.denominator)
                for (value, reference) in [
                    (x + y, Rational(a * d + c * b, b * d)), (x - y, Rational(a * d - c * b, b * d)),
                    (x * y, Rational(a * c, b * d)), (x / y, Rational(a * d, b * c)), (y + y, Rational(2 * c, d)),
                ] {
                    #expect(value == reference)
                    #expect(value.denominator > 0)
                    #expect(value.numerator.magnitude.greatestCommonDivisor(with: value.denominator.magnitude) == 1)
                }
            }
        }
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
