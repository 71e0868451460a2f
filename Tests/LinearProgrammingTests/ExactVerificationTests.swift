import BigInt
import DenseLinearAlgebra
import ExactArithmetic
import LinearProgramming
import Testing

@Suite("Exact re-verification")
struct ExactVerificationTests {
    static let epsilon = Rational(1, BigInt(1) << 40)

    /// Basis pursuit min ‖x‖₁ s.t. A x = y as an LP in (p, q) ≥ 0, with exact data.
    static func basisPursuit(_ a: [[Rational]], _ y: [Rational]) -> LinearProgram<Rational> {
        let n = a[0].count
        var lp = LinearProgram<Rational>()
        for _ in 0..<(2 * n) { lp.addVariable(cost: 1) }
        for (row, value) in zip(a, y) {
            lp.addConstraint(
                row.enumerated().flatMap { [($0.offset, $0.element), (n + $0.offset, -$0.element)] },
                .fixed(value))
        }
        return lp
    }

    @Test("GLPK's optimal basis of a BP LP is certified, with exact x and duals")
    func certifiesBasisPursuit() throws {
        // A = [[1, 1/3, 2], [0, 1, -1/7]], y = (1, 1/5): rational data that doubles cannot hold.
        let lp = Self.basisPursuit([[1, Rational(1, 3), 2], [0, 1, Rational(-1, 7)]], [1, Rational(1, 5)])
        let result = try LPSolver().solveCertified(lp)
        #expect(result.isCertified)
        let certificate = try #require(result.certificate)
        // Exact feasibility: A(p − q) = y with no rounding at all.
        #expect(certificate.rowActivities == [1, Rational(1, 5)])
        #expect(certificate.objective == certificate.x.reduce(.zero, +))
    }

    @Test("a perturbed basis is rejected, and exact pivoting repairs it")
    func rejectsPerturbedBasis() throws {
        let lp = Self.basisPursuit([[1, Rational(1, 2), 2], [0, 1, -1]], [1, Rational(1, 5)])
        let result = try LPSolver().solveCertified(lp)
        let optimal = try #require(result.certificate?.basis)
        // Make the basic p-variable of column 0 nonbasic and the q-variable of column 2 basic instead.
        var wrong = optimal
        let basicColumn = try #require(wrong.columns.firstIndex(of: .basic))
        let nonbasicColumn = try #require(
            wrong.columns.indices.first { wrong.columns[$0] != .basic && $0 != basicColumn })
        wrong.columns[basicColumn] = .atLower
        wrong.columns[nonbasicColumn] = .basic
        let verdict = try ExactVerifier.verify(lp, basis: wrong)
        #expect(!verdict.isOptimal)
        if case .notOptimal = verdict.verdict, verdict.rowActivities == [1, Rational(1, 5)],
            verdict.x.allSatisfy({ $0 >= 0 })
        {
            let repaired = try ExactVerifier.repair(lp, from: wrong)
            #expect(repaired.isOptimal)
            #expect(repaired.objective == result.certificate?.objective)
        }
    }

    @Test("bases that do not fit the LP throw")
    func invalidBases() throws {
        let lp = Self.basisPursuit([[1, 2]], [1])
        #expect(throws: LPError.self) { try ExactVerifier.verify(lp, basis: Basis(rows: [.basic], columns: [.basic])) }
        #expect(throws: LPError.self) {
            try ExactVerifier.verify(lp, basis: Basis(rows: [.basic], columns: [.basic, .atLower, .atLower, .atLower]))
        }
        // q₀ "at its upper bound" although it has none.
        #expect(throws: LPError.self) {
            try ExactVerifier.verify(lp, basis: Basis(rows: [.fixed], columns: [.basic, .atLower, .atUpper, .atLower]))
        }
        // Two proportional rows: the columns of x₀ and x₁ in B are parallel.
        let proportional = Self.basisPursuit([[1, 1], [2, 2]], [1, 2])
        let singular = try ExactVerifier.verify(
            proportional, basis: Basis(rows: [.fixed, .fixed], columns: [.basic, .basic, .atLower, .atLower]))
        #expect(singular.verdict == .singularBasis)
    }

    @Test("a cost 1 + 2⁻⁴⁰ gives the exact objective 1 + 2⁻⁴⁰")
    func dyadicCoefficient() throws {
        // min (1 + ε)·x s.t. x ≥ 1: the optimum is 1 + ε exactly.
        var lp = LinearProgram<Rational>()
        let x = lp.addVariable(cost: 1 + Self.epsilon)
        lp.addConstraint([(x, 1)], .atLeast(1))
        let certified = try LPSolver().solveCertified(lp)
        #expect(certified.isCertified)
        #expect(certified.certificate?.objective == 1 + Self.epsilon)
        #expect(certified.certificate?.objective != 1)
    }

    @Test("the exact optimum differs from the one of the rationalised data, and the verifier knows")
    func dyadicTieBreak() throws {
        // max x₀ + x₁ s.t. (1 + ε)x₀ + x₁ ≤ 1: x₁ = 1 is optimal (value 1); x₀ = 1/(1 + ε) is not.
        // With ε rounded to 0 both vertices tie, so a rationalising solver may return either.
        var lp = LinearProgram<Rational>(direction: .maximize)
        let x0 = lp.addVariable(cost: 1), x1 = lp.addVariable(cost: 1)
        lp.addConstraint([(x0, 1 + Self.epsilon), (x1, 1)], .atMost(1))
        let viaFirst = try ExactVerifier.verify(lp, basis: Basis(rows: [.atUpper], columns: [.basic, .atLower]))
        #expect(!viaFirst.isOptimal)
        #expect(viaFirst.x[0] == 1 / (1 + Self.epsilon))
        let viaSecond = try ExactVerifier.verify(lp, basis: Basis(rows: [.atUpper], columns: [.atLower, .basic]))
        #expect(viaSecond.isOptimal && viaSecond.objective == 1)
        let repaired = try ExactVerifier.repair(lp, from: viaFirst.basis)
        #expect(repaired.isOptimal && repaired.x == [0, 1])
        let certified = try LPSolver().solveCertified(lp)
        #expect(certified.isCertified && certified.certificate?.x == [0, 1])
    }

    @Test("glp_exact answers a vertex that is infeasible on the true data; the verifier rejects it")
    func glpExactIsNoCertificate() throws {
        var lp = LinearProgram<Rational>(direction: .maximize)
        let x0 = lp.addVariable(cost: 1), x1 = lp.addVariable(cost: 1)
        lp.addConstraint([(x0, 1 + Self.epsilon), (x1, 1)], .atMost(1))
        var options = LPSolver.Options()
        options.method = .exactSimplex
        let glpk = try LPSolver(options: options).solve(lp.map(\.doubleValue))
        // Observed with Debian's GLPK 5.0: x = (1, 0), although (1 + 2⁻⁴⁰)·1 > 1.
        #expect(glpk.status == .optimal && glpk.x == [1, 0])
        let verdict = try ExactVerifier.verify(lp, basis: try #require(glpk.basis))
        guard case let .notOptimal(violations) = verdict.verdict else {
            Issue.record("the verifier accepted glp_exact's basis: \(verdict.summary)")
            return
        }
        #expect(violations.contains { $0.kind == .dual })
        #expect(try LPSolver().solveCertified(lp).certificate?.x == [0, 1])
    }

    @Test("infeasible exact data yield no certificate, honestly")
    func infeasible() throws {
        var lp = LinearProgram<Rational>()
        let x = lp.addVariable(cost: 1)
        lp.addConstraint([(x, 1)], .fixed(-1))
        let result = try LPSolver().solveCertified(lp)
        #expect(result.solution.status == .infeasible)
        #expect(result.certificate == nil && !result.isCertified)
    }
}
