import BigInt
import ExactArithmetic
import IntervalArithmetic
import Testing

/// Reference values of eˣ and ln x at the doubles x named, 60 significant digits from mpmath
/// (`mpmath.exp(mpmath.mpf(float(x)))` at 80 digits; Tests/crosscheck/test_interval_mpmath.py re-derives the table).
enum ElementaryReference {
    static let exp: [(String, String)] = [
        ("0", "1.0"),
        ("1", "2.71828182845904523536028747135266249775724709369995957496697"),
        ("-1", "3.67879441171442321595523770161460867445811131031767834507837e-1"),
        ("0.5", "1.64872127070012814684865078781416357165377610071014801157508"),
        ("1e-12", "1.00000000000100000000000049997988664779590216868159042239836"),
        ("-1e-20", "9.9999999999999999999000000000000000054851728545790428347722e-1"),
        ("0.34657359027997264", "1.41421356237309503240355144461194225397181270612574155302493"),
        ("-0.34657359027997264", "7.07106781186547532599913001903727046653885550477584951697583e-1"),
        ("0.6931471805599453", "1.99999999999999995361906372307400822790070320355780503741393"),
        ("2.302585092994046", "1.00000000000000021707562233822496862130954697442406395672901e+1"),
        ("-69.07755278982137", "1.00000000000000236951552685450677887907014069984655025846835e-30"),
        ("-46.051701859880914", "9.99999999999999211201232036002339249436704439300212878812646e-21"),
        ("13.7", "8.9091116597916031248275990762476687093519504930944094586922e+5"),
        ("-700.25", "7.67872381311087221164988744437894445969253446360107274025115e-305"),
        ("709.7", "1.65498402768026440308025028347235498228095863586521665872733e+308"),
        ("-744.4", "5.14265832728891964024852232056434332561064084921980464703918e-324"),
        ("-708.5", "2.0061323053313058203806368532167081711195535722993981245907e-308"),
        ("123.456", "4.13294435277810613583395097461046025716622844945789269493536e+53"),
        ("1e-5", "1.00001000005000016666790137288615466171942537702622393091673"),
    ]
    static let log: [(String, String)] = [
        ("1", "0.0"),
        ("2", "6.9314718055994530941723212145817656807550013436025525412068e-1"),
        ("0.5", "-6.9314718055994530941723212145817656807550013436025525412068e-1"),
        ("3", "1.09861228866810969139524523692252570464749055782274945173469"),
        ("10", "2.30258509299404568401799145468436420760110148862877297603333"),
        ("1e-300", "-6.90775527898213705180338344570100502908613341583641344062547e+2"),
        ("5e-324", "-7.4444007192138126231410729844608163411308714430291414292561e+2"),
        ("1e300", "6.90775527898213705257902196660513681150659990441493231550394e+2"),
        ("1.7976931348623157e308", "7.09782712893383996732223389910657145503973148736664163038603e+2"),
        ("1.4142135623730951", "3.46573590279972723066702637348315628422040920503198944881265e-1"),
        ("0.7071067811865476", "-3.46573590279972586350529484109860939653459213857056309239415e-1"),
        ("1.0000000000000002", "2.22044604925031283432823045461548792598233180790111470255693e-16"),
        ("0.9999999999999999", "-1.11022302462515660205338988848237217180973272006529009577799e-16"),
        ("1e-30", "-6.90775527898213704372033230329449443495812084742353877553866e+1"),
        ("123.456", "4.81588481728326390797270264109538091675460650370229193733085"),
        ("2.2250738585072014e-308", "-7.08396418532264106224411228130256452573161137316180869711335e+2"),
    ]
}

@Suite("interval arithmetic")
struct IntervalArithmeticTests {
    /// Whether [lo, hi] contains the exact decimal `value`, compared in exact rationals.
    static func contains(_ enclosure: Interval, _ value: String) throws -> Bool {
        let exact = try Rational(parsing: value)
        return Rational(exactly: enclosure.lo)! <= exact && exact <= Rational(exactly: enclosure.hi)!
    }

    @Test("exp encloses mpmath's value, tightly", arguments: ElementaryReference.exp)
    func exponential(x: String, value: String) throws {
        let enclosure = Interval.exp(Interval(Double(x)!))
        #expect(try Self.contains(enclosure, value), "\(enclosure) ∌ \(value)")
        if enclosure.lo >= Double.leastNormalMagnitude {
            #expect(enclosure.hi / enclosure.lo - 1 < 1e-14, "\(enclosure) is too wide")
        }
    }

    @Test("log encloses mpmath's value, tightly", arguments: ElementaryReference.log)
    func logarithm(x: String, value: String) throws {
        let enclosure = try #require(Interval.log(Interval(Double(x)!)))
        #expect(try Self.contains(enclosure, value), "\(enclosure) ∌ \(value)")
        #expect(enclosure.hi - enclosure.lo <= 1e-14 * Swift.max(1, enclosure.magnitude), "\(enclosure) is too wide")
    }

    @Test("wide arguments: exp and log are monotone enclosures; log refuses x ≤ 0")
    func wide() throws {
        let e = Interval.exp(Interval(-1, 1))
        let containsE = try Self.contains(e, ElementaryReference.exp[1].1)
        let containsInverse = try Self.contains(e, ElementaryReference.exp[2].1)
        #expect(containsE && containsInverse)
        let l = try #require(Interval.log(Interval(0.5, 2)))
        #expect(l.lo < -0.69 && l.hi > 0.69)
        #expect(Interval.log(Interval(0, 1)) == nil && Interval.log(Interval(-2, -1)) == nil)
        #expect(Interval.exp(Interval(-2000)).lo == 0 && Interval.exp(Interval(2000)).hi == .infinity)
    }

    @Test(
        "exp(log x) ∋ x, in exact rationals",
        arguments: [0.1, 1.0 / 3, 1e-300, 7.5, 1e300, Double.leastNonzeroMagnitude])
    func roundTrip(x: Double) throws {
        let e = Interval.exp(try #require(Interval.log(Interval(x))))
        #expect(e.lo <= x && x <= e.hi)
    }

    @Test("+, −, ×, ÷ enclose the exact rational result", arguments: [0.1, 1.0 / 3, 1e-300, 7.5, -2.25e17])
    func arithmetic(x: Double) throws {
        let a = Interval(x), third = Interval(enclosing: Rational(1, 3)), exactX = Rational(exactly: x)!
        func holds(_ i: Interval, _ r: Rational) -> Bool {
            Rational(exactly: i.lo)! <= r && r <= Rational(exactly: i.hi)!
        }
        #expect(holds(a * third, exactX * Rational(1, 3)))
        #expect(holds(a + third, exactX + Rational(1, 3)))
        #expect(holds(a - third, exactX - Rational(1, 3)))
        let division: Interval? = a / third
        let quotient = try #require(division)
        #expect(holds(quotient, exactX * 3))
        #expect(a / Interval(-1, 1) == nil)
    }

    @Test(
        "an interval times a double is the interval times the point interval, bit for bit",
        arguments: [3.5, -0.1, 0.0, -0.0, 1e-300, -7e300, Double.leastNonzeroMagnitude, .infinity])
    func scalarProduct(b: Double) {
        let intervals = [
            Interval(-1.5, 2.25), Interval(0.1, 0.3),
            Interval(-Double.leastNormalMagnitude / 2, -2024 * Double.leastNonzeroMagnitude), Interval(7),
            Interval(-1e300, 1e300),
            Interval(0, .infinity),
        ]
        for a in intervals {
            let fast = a * b, general = a * Interval(b)
            #expect(fast.lo.bitPattern == general.lo.bitPattern || (fast.lo.isNaN && general.lo.isNaN))
            #expect(fast.hi.bitPattern == general.hi.bitPattern || (fast.hi.isNaN && general.hi.isNaN))
        }
    }

    @Test(
        "quotients of big integers are enclosed without reduction",
        arguments: [
            ("1", "3"), ("-22", "7"), ("123456789012345678901234567890", "-987654321"),
            ("5", "1" + String(repeating: "0", count: 330)),
            ("1" + String(repeating: "0", count: 300), "3"), ("0", "5"), ("7", "7"), ("-3", "1024"), ("5", "-2"),
        ])
    func quotient(p: String, q: String) throws {
        try checkQuotient(p: p, q: q)
    }

    /// Powers of two (a shift, no division): exact, rounded at the 54th bit, and far beyond a double's range.
    static let powerOfTwoQuotients: [(String, String)] = [
        ("9007199254740993", "2"), ("-9007199254740992", "1"),
        (String(BigInt(3).power(150)), String(BigInt(1) << 60)),
        ("-" + String((BigInt(1) << 300) + 1), String(BigInt(1) << 200)),
        (String(BigInt(1) << 80), String(BigInt(1) << 1200)), ("12345", String(BigInt(1) << 1100)),
    ]

    @Test("quotients by powers of two are enclosed like any other", arguments: powerOfTwoQuotients)
    func powerOfTwoQuotient(p: String, q: String) throws {
        try checkQuotient(p: p, q: q)
    }

    private func checkQuotient(p: String, q: String) throws {
        let (numerator, denominator) = (BigInt(p)!, BigInt(q)!)
        let enclosure = Interval(quotient: numerator, over: denominator), exact = Rational(numerator, denominator)
        #expect(Rational(exactly: enclosure.lo)! <= exact && exact <= Rational(exactly: enclosure.hi)!)
        if enclosure.lo.isNormal { #expect(enclosure.hi <= enclosure.lo.magnitude.ulp * 8 + enclosure.lo) }
        if let double = Rational(exactly: exact.doubleValue), double == exact { #expect(enclosure.lo == enclosure.hi) }
    }
}
