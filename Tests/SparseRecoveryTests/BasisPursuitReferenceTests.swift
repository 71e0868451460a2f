import DenseLinearAlgebra
import ExactArithmetic
import SparseRecovery
import Testing

/// The reference x* of flow and sweep: exact, and proven by the cheap path only when that path proves it.
@Suite("Basis pursuit reference")
struct BasisPursuitReferenceTests {
    static func solves(_ a: Matrix<Rational>, _ y: [Rational], _ x: [Rational]) -> Bool { a.multiply(x) == y }

    @Test(
        "consistent data: the cheap path, exact x* (also when x* is no double)",
        arguments: [
            ([[Rational(3), 1, 1]], [Rational(1)], [Rational(1, 3), 0, 0]),
            ([[2, 1], [1, 3]], [3, -1], [2, -1]),
            ([[1, 2, 0], [0, 1, 1]], [0, 0], [0, 0, 0]),
            ([[1, 0, 2], [0, 0, 1]], [1, 1], [-1, 0, 1]),
        ] as [([[Rational]], [Rational], [Rational])])
    func cheap(rows: [[Rational]], y: [Rational], expected: [Rational]) throws {
        let a = try Matrix(rows)
        let reference = try BasisPursuitReference.compute(matrix: a, observations: y)
        #expect(reference.x == expected)
        #expect(reference.proof == .floatingCertificate)
        #expect(reference.support == expected.indices.filter { expected[$0] != .zero })
    }

    /// y = fl(A x₀) with A on no dyadic grid: the exact BP solution of the data given is not x₀, and the
    /// floating support does not solve A_S x_S = y exactly, so the exact mode must run.
    @Test("inexact data: the exact mode, and x* solves A x = y exactly")
    func inexact() throws {
        let entries: [[Double]] = [
            [0.1, 0.7, -0.3, 0.45, 0.9], [0.2, -0.6, 0.35, 0.8, -0.15], [-0.55, 0.25, 0.6, 0.1, 0.3],
        ]
        let x0 = [1.1, 0, -0.7, 0, 0]
        let a = try Matrix(entries.map { $0.map { Rational(exactly: $0)! } })
        let y = entries.map { row in Rational(exactly: zip(row, x0).reduce(0) { $0 + $1.0 * $1.1 })! }
        let reference = try BasisPursuitReference.compute(matrix: a, observations: y)
        #expect(Self.solves(a, y, reference.x))
        #expect(reference.support == [0, 2, 4] && reference.proof == .exact)
    }

    /// Issue 9, item 1: y = 1e-8 must not give x* = 0; the scale-free certificate test keeps the cheap path.
    @Test("tiny y: the right x*, by the cheap path", arguments: [8, 12, 30])
    func tiny(exponent: Int) throws {
        let scale = Rational(10).power(exponent).reciprocal
        let reference = try BasisPursuitReference.compute(matrix: try Matrix([[1, 2]]), observations: [scale])
        #expect(reference.x == [0, scale / 2])
        #expect(reference.proof == .floatingCertificate)
    }

    /// The exact dual certificate of x*: (Aᵀμ)_S = σ, ‖Aᵀμ‖_∞ ≤ 1 and ⟨y, μ⟩ = ‖x*‖₁, all exactly.
    static func certifiesExactly(_ a: Matrix<Rational>, _ y: [Rational], _ reference: BasisPursuitReference) -> Bool {
        guard let mu = reference.dual else { return false }
        let z = a.multiplyTransposed(mu)
        let gap =
            zip(y, mu).reduce(Rational.zero) { $0 + $1.0 * $1.1 } - reference.x.reduce(.zero) { $0 + $1.magnitude }
        return zip(reference.support, reference.signs).allSatisfy { z[$0.0] == Rational($0.1, 1) }
            && z.allSatisfy { $0.magnitude <= 1 } && gap == .zero
    }

    @Test(
        "exact dual: GLPK's μ corrected on S proves x* exactly; inexact data fall back to the exact mode",
        arguments: [
            ([[Rational(3), 1, 1]], [Rational(1)], BasisPursuitReference.Proof.exactDual),
            ([[1, 0, 2], [0, 0, 1]], [1, 1], .exactDual),
            (
                [[1, Rational(1, 3), Rational(-2, 7), 1], [0, 1, Rational(5, 11), -1]], [Rational(1, 5), 2], .exactDual
            ),
        ] as [([[Rational]], [Rational], BasisPursuitReference.Proof)])
    func exactDual(rows: [[Rational]], y: [Rational], proof: BasisPursuitReference.Proof) throws {
        let a = try Matrix(rows)
        let reference = try BasisPursuitReference.compute(matrix: a, observations: y, exactDual: true)
        #expect(reference.proof == proof)
        #expect(Self.solves(a, y, reference.x))
        #expect(Self.certifiesExactly(a, y, reference))
    }

    @Test("exact dual on inexact data: the exact mode, with its exact μ")
    func exactDualInexact() throws {
        let entries: [[Double]] = [
            [0.1, 0.7, -0.3, 0.45, 0.9], [0.2, -0.6, 0.35, 0.8, -0.15], [-0.55, 0.25, 0.6, 0.1, 0.3],
        ]
        let x0 = [1.1, 0, -0.7, 0, 0]
        let a = try Matrix(entries.map { $0.map { Rational(exactly: $0)! } })
        let y = entries.map { row in Rational(exactly: zip(row, x0).reduce(0) { $0 + $1.0 * $1.1 })! }
        let reference = try BasisPursuitReference.compute(matrix: a, observations: y, exactDual: true)
        #expect(reference.proof == .exact && Self.certifiesExactly(a, y, reference))
    }

    /// μ₀ = (0.3, 0.2) misses (Aᵀμ)_S = σ; the correction on one pivot row hits it exactly.
    @Test("SupportDual: (Aᵀμ)_S = σ exactly and the exact off-support maximum")
    func supportDual() throws {
        let a = try Matrix<Rational>([[2, 1, 0], [1, 3, 1]])
        let dual = try #require(SupportDual(matrix: a, support: [0], signs: [1], dual: [0.3, 0.2]))
        let z = a.multiplyTransposed(dual.multiplier)
        #expect(z[0] == 1)
        #expect(dual.offSupportMaximum == [z[1], z[2]].map(\.magnitude).max())
        #expect(SupportDual(matrix: a, support: [0, 1, 2], signs: [1, 1, 1], dual: [0, 0]) == nil)
    }

    @Test("y outside range(A) is refused")
    func infeasible() throws {
        #expect(throws: SparseRecoveryError.self) {
            try BasisPursuitReference.compute(matrix: try Matrix([[1, 2], [2, 4]]), observations: [1, 3])
        }
    }
}
