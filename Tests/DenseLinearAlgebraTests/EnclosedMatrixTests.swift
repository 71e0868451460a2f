import DenseLinearAlgebra
import ExactArithmetic
import Testing

@Suite("Midpoint-radius enclosures of matrix products (BLAS and a priori rounding bounds)")
struct EnclosedMatrixTests {
    /// A reproducible generator of doubles in (−1, 1) and of signs in {−1, 0, 1}.
    struct Draws {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        mutating func unit() -> Double { Double(next()) / Double(1 << 53) * 2 - 1 }
        mutating func sign() -> Int { Int(next() % 3) - 1 }
    }

    /// An r×c set with centers `scale`·(−1, 1) and radii `spread`·|center| (none when `spread` is 0).
    static func random(_ r: Int, _ c: Int, scale: Double, spread: Double, _ draws: inout Draws) -> EnclosedMatrix {
        let center = (0..<(r * c)).map { _ in scale * draws.unit() }
        let radius = spread == 0 ? nil : Matrix(rows: r, columns: c, elements: center.map { spread * abs($0) })
        return EnclosedMatrix(center: Matrix(rows: r, columns: c, elements: center), radius: radius)
    }

    /// A member of the set, exactly: center + θ·radius with θ ∈ {−1, 0, 1} drawn per entry.
    static func member(_ set: EnclosedMatrix, _ draws: inout Draws) -> Matrix<Rational> {
        let radii = set.radius?.elements
        return Matrix(
            rows: set.rows, columns: set.columns,
            elements: set.center.elements.indices.map { index in
                Rational(exactly: set.center.elements[index])!
                    + Rational(draws.sign(), 1) * Rational(exactly: radii?[index] ?? 0)!
            })
    }

    /// Whether every entry of an exact matrix lies in the set.
    static func contains(_ set: EnclosedMatrix, _ exact: Matrix<Rational>) -> Bool {
        exact.elements.indices.allSatisfy { index in
            let distance = (exact.elements[index] - Rational(exactly: set.center.elements[index])!).magnitude
            return distance <= Rational(exactly: set.radius?.elements[index] ?? 0)!
        }
    }

    @Test(
        "A·B (and Aᵀ·B) contains the exact product of members, from 1e-160 (subnormal products) to 1e150",
        arguments: [
            (1.0, 1e-6, false), (1.0, 0.0, false), (1.0, 1e-3, true), (1e-160, 1e-8, false), (1e150, 1e-12, true),
            (3e-162, 0.0, true),
        ])
    func productContainsMembers(scale: Double, spread: Double, transposing: Bool) throws {
        var draws = Draws(state: 7)
        let a = Self.random(transposing ? 9 : 6, transposing ? 6 : 9, scale: scale, spread: spread, &draws)
        let b = Self.random(9, 5, scale: scale, spread: 1e-7, &draws)
        let product = EnclosedMatrix.product(a, b, transposingLeft: transposing)
        #expect(product.rows == 6 && product.columns == 5)
        for _ in 0..<6 {
            let left = Self.member(a, &draws), right = Self.member(b, &draws)
            let exact = (transposing ? left.transposed : left).multiply(right)
            #expect(Self.contains(product, exact))
        }
    }

    @Test("a product that cancels exactly to zero is enclosed around zero")
    func cancellation() {
        let a = EnclosedMatrix(exactly: Matrix(rows: 1, columns: 3, elements: [1, 1e16, -1e16]))
        let b = EnclosedMatrix(exactly: Matrix(rows: 3, columns: 1, elements: [1, 1, 1]))
        let product = EnclosedMatrix.product(a, b)
        #expect(Self.contains(product, Matrix(rows: 1, columns: 1, elements: [Rational(1, 1)])))
    }

    @Test("diag(w)·X contains the exact scaled members, and the magnitude bound covers |X·o|")
    func scalingAndMagnitude() {
        var draws = Draws(state: 11)
        let x = Self.random(7, 4, scale: 1e-3, spread: 1e-9, &draws)
        let weights = (0..<7).map { _ in 1e5 * draws.unit() }, spread = weights.map { 1e-4 * abs($0) }
        let scaled = x.scalingRows(center: weights, radius: spread)
        let bound = [0.5, 2, 1e-3, 7], magnitudes = x.magnitudeBound(over: bound)
        for _ in 0..<6 {
            let member = Self.member(x, &draws)
            let w = weights.indices.map {
                Rational(exactly: weights[$0])! + Rational(draws.sign(), 1) * Rational(exactly: spread[$0])!
            }
            var exact = member
            for i in 0..<7 { for j in 0..<4 { exact[i, j] = w[i] * member[i, j] } }
            #expect(Self.contains(scaled, exact))
            let o = bound.map { Rational(draws.sign(), 1) * Rational(exactly: $0)! }
            let image = member.multiply(o)
            #expect(image.indices.allSatisfy { image[$0].magnitude <= Rational(exactly: magnitudes[$0])! })
        }
    }

    @Test("a non-finite entry leaves a non-finite radius: nothing is enclosed")
    func nonFinite() {
        let a = EnclosedMatrix(exactly: Matrix(rows: 2, columns: 2, elements: [1, .infinity, 0, 1]))
        let b = EnclosedMatrix(exactly: Matrix(rows: 2, columns: 1, elements: [1, 1]))
        let radius = EnclosedMatrix.product(a, b).radius?.elements ?? []
        #expect(radius.contains { !$0.isFinite })
    }

    @Test("the approximate inverse inverts, and a singular matrix has none")
    func approximateInverse() throws {
        var draws = Draws(state: 3)
        let a = Matrix(rows: 8, columns: 8, elements: (0..<64).map { _ in draws.unit() })
        let inverse = try #require(a.approximateInverse())
        let identity = a.multiplied(by: inverse)
        for i in 0..<8 { for j in 0..<8 { #expect(abs(identity[i, j] - (i == j ? 1 : 0)) < 1e-10) } }
        #expect(Matrix(rows: 2, columns: 2, elements: [1, 2, 2, 4]).approximateInverse() == nil)
        #expect(Matrix<Double>(rows: 0, columns: 0).approximateInverse()?.rows == 0)
    }
}
