import DenseLinearAlgebra
import ExactArithmetic
import NullSpaceProperty
import Testing

@Suite("Exact re-verification and invalid input")
struct ExactAndInvalidInputTests {
    @Test("exact ρ_S: the witness satisfies A v = 0 and reproduces the ratio exactly")
    func exactSupport() throws {
        let a = try Fixtures.gaussian(5, 10, seed: 31)
        let exact = try a.exactSupportConstant([2, 7])
        #expect(exact.verified)
        let v = exact.witness
        #expect(a.exact.multiply(v).allSatisfy { $0 == .zero })
        let inside = [2, 7].reduce(Rational.zero) { $0 + v[$1].magnitude }
        let outside = (0..<10).filter { ![2, 7].contains($0) }.reduce(Rational.zero) { $0 + v[$1].magnitude }
        #expect(inside / outside == exact.value)
        #expect(abs((exact.value?.doubleValue ?? 0) - (try a.supportConstant([2, 7]).value)) < 1e-9)
    }

    @Test("A = [1, r] exactly: ρ_{1} = 1/r as a fraction")
    func exactOneByTwo() throws {
        let a = try NullSpaceMatrix(exact: Matrix([[Rational(1), Rational(3, 7)]]))
        #expect(try a.exactSupportConstant([1]).value == Rational(7, 3))
        #expect(try a.exactSupportConstant([0], signs: [-1]).value == Rational(3, 7))
    }

    @Test("--exact on a whole search proves ρ_s", arguments: [2, 3])
    func certifiedSearch(s: Int) throws {
        let a = try Fixtures.gaussian(6, 12, seed: 32)
        var options = Fixtures.options()
        options.certifyBounds = true
        let result = try a.orderConstant(order: s, options: options)
        let certificate = try a.certifyExactly(result)
        #expect(certificate.isProven)
        #expect(abs((certificate.winner.value?.doubleValue ?? 0) - result.lower) < 1e-9)
    }

    @Test("a rank-deficient, empty or non-finite matrix is refused")
    func badMatrices() throws {
        #expect(throws: NullSpacePropertyError.rankDeficient(rows: 2, columns: 3, rank: 1, proven: true)) {
            try NullSpaceMatrix(Matrix([[1, 2, 3], [2, 4, 6]]))
        }
        #expect(throws: NullSpacePropertyError.emptyMatrix(rows: 0, columns: 0)) {
            try NullSpaceMatrix(Matrix<Double>([]))
        }
        #expect(throws: NullSpacePropertyError.unusableEntry(row: 0, column: 1, value: .infinity)) {
            try NullSpaceMatrix(Matrix([[1, .infinity, 3]]))
        }
    }

    @Test("orders outside 1 … min(m, n) are refused with the reason", arguments: [0, 4, 7])
    func badOrders(s: Int) throws {
        let a = try Fixtures.gaussian(3, 6, seed: 33)
        #expect(throws: NullSpacePropertyError.invalidOrder(order: s, rows: 3, columns: 6)) {
            try a.orderConstant(order: s)
        }
        #expect(NullSpacePropertyError.invalidOrder(order: s, rows: 3, columns: 6).description.contains("s = \(s)"))
    }

    @Test("ρ_S = ∞ when A_S is not injective: a support of m + 1 columns")
    func infiniteSupport() throws {
        let a = try Fixtures.gaussian(3, 6, seed: 34)
        let constant = try a.supportConstant([0, 1, 2, 3])
        #expect(constant.value == .infinity)
        #expect(constant.alpha == 1)
    }
}
