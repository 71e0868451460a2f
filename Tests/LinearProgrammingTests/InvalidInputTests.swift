import DenseLinearAlgebra
import ProblemData
import Testing

@testable import LinearProgramming

/// Invalid models and options are typed errors before GLPK sees anything; GLPK's own internal errors
/// are caught by the C guard.
@Suite("Invalid input")
struct InvalidInputTests {
    static func oneRow(
        _ coefficient: Double = 1, column: Int = 0, bounds: Bounds<Double> = .atMost(1),
        columnBounds: Bounds<Double> = .atLeast(0), cost: Double = 1
    ) -> LinearProgram<Double> {
        var lp = LinearProgram<Double>()
        lp.addVariable(bounds: columnBounds, cost: cost)
        lp.addConstraint([(column, coefficient)], bounds)
        return lp
    }

    static let cases: [(String, LinearProgram<Double>, LPError)] = [
        ("NaN coefficient", oneRow(.nan), .unusableNumber(.coefficient(row: 0, column: 0), .nan)),
        ("infinite bound", oneRow(bounds: .atMost(.infinity)), .unusableNumber(.rowBounds(0), .infinity)),
        ("infinite cost", oneRow(cost: -.infinity), .unusableNumber(.objective(column: 0), -.infinity)),
        ("index out of range", oneRow(column: 3), .indexOutOfRange(row: 0, column: 3, columnCount: 1)),
        ("negative index", oneRow(column: -1), .indexOutOfRange(row: 0, column: -1, columnCount: 1)),
        (
            "inconsistent bounds", oneRow(columnBounds: .between(2, 1)),
            .inconsistentBounds(.columnBounds(0), lower: 2, upper: 1)
        ),
        ("no constraints", LinearProgram<Double>(), .emptyProblem("it has no variables")),
    ]

    @Test("invalid models throw typed errors", arguments: cases)
    func invalid(name: String, program: LinearProgram<Double>, expected: LPError) {
        #expect(throws: LPError.self, "\(name)") { try LPSolver().solve(program) }
        do { _ = try LPSolver().solve(program) } catch {
            // NaN is never equal to itself, so compare the descriptions.
            #expect(error.description == expected.description, "\(name)")
        }
    }

    @Test("duplicate entries in a row are rejected")
    func duplicate() {
        var lp = LinearProgram<Double>()
        lp.addVariable()
        lp.addConstraint([(0, 1), (0, 2)], .atMost(1))
        #expect(throws: LPError.duplicateEntry(row: 0, column: 0)) { try LPSolver().solve(lp) }
    }

    @Test("options out of range are rejected")
    func options() {
        var options = LPSolver.Options()
        options.primalTolerance = 0
        #expect(throws: LPError.self) { try LPSolver(options: options).solve(InvalidInputTests.oneRow()) }
        options = LPSolver.Options()
        options.warmStart = Basis(rows: [], columns: [.basic])
        #expect(throws: LPError.self) { try LPSolver(options: options).solve(InvalidInputTests.oneRow()) }
        options = LPSolver.Options()
        options.timeLimit = .seconds(-1)
        #expect(throws: LPError.self) { try LPSolver(options: options).solve(InvalidInputTests.oneRow()) }
    }

    @Test("a GLPK internal error is caught, and the next solve on the same thread works")
    func guardRecovers() throws {
        // Bypass validation: GLPK itself meets a column index out of range, which would abort the process
        // without the guard.
        let bad = Self.oneRow(column: 5)
        #expect {
            try GLPKRun(program: bad, options: .init()).solve()
        } throws: { error in
            guard let error = error as? LPError, case let .glpkFailure(message) = error else { return false }
            return message.contains("out of range")
        }
        var duplicate = LinearProgram<Double>()
        duplicate.addVariable()
        duplicate.addConstraint([(0, 1), (0, 1)], .atMost(1))
        #expect(throws: LPError.self) { try GLPKRun(program: duplicate, options: .init()).solve() }
        let good = try LPSolver().solve(KnownLPTests.production)
        #expect(good.status == .optimal && abs(good.objective - 11) < 1e-9)
    }
}

/// Random models mixing valid and invalid numbers, indices and bounds: every one either solves or throws
/// an `LPError`; none may crash the process.
@Test("random malformed models never crash", arguments: 0..<4)
func randomMalformedModels(seed: UInt64) {
    var random = SplitMix64(seed: 77 + seed)
    let specials: [Double] = [.nan, .infinity, -.infinity, 0, 1, -1, 1e300, -1e-300, .ulpOfOne]
    func number() -> Double {
        random.next() % 4 == 0 ? specials[Int(random.next() % UInt64(specials.count))] : random.nextUniform() * 4 - 2
    }
    func bounds() -> Bounds<Double> {
        switch random.next() % 5 {
        case 0: .free
        case 1: .atLeast(number())
        case 2: .atMost(number())
        case 3: .between(number(), number())
        default: .fixed(number())
        }
    }
    for _ in 0..<250 {
        var lp = LinearProgram<Double>(direction: random.next() % 2 == 0 ? .minimize : .maximize)
        let columns = Int(random.next() % 4)
        for _ in 0..<columns { lp.addVariable(bounds: bounds(), cost: number(), isInteger: random.next() % 6 == 0) }
        for _ in 0..<Int(random.next() % 4) {
            let terms = (0..<Int(random.next() % 4)).map { _ in
                (column: Int(random.next() % 6) - 1, coefficient: number())
            }
            lp.addConstraint(terms, bounds())
        }
        var options = LPSolver.Options()
        options.method = LPSolver.Method.allCases[Int(random.next() % 4)]
        options.presolve = random.next() % 2 == 0
        do {
            let solution = try LPSolver(options: options).solve(lp)
            #expect(solution.x.count == lp.variables.count)
        } catch {
            #expect(!error.description.isEmpty)
        }
    }
}
