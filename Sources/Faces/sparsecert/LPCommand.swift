import ArgumentParser
import DenseLinearAlgebra
import ExactArithmetic
import Foundation
import LinearProgramming
import ProblemData

/// `sparsecert lp FILE`: solves a general LP (or MILP) given in SciPy `linprog`'s terms, optionally with
/// an exact certificate.
struct LPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lp",
        abstract: "Solve a linear program from a JSON file with GLPK, optionally proving it optimal exactly.",
        discussion: """
            The file uses the names of scipy.optimize.linprog:
              {"sense": "minimize", "c": [...], "A_ub": [[...]], "b_ub": [...], "A_eq": [[...]], "b_eq": [...],
               "bounds": [[0, null], ...], "integrality": [0, 1, ...]}
            meaning  min/max cᵀx  s.t.  A_ub x ≤ b_ub,  A_eq x = b_eq,  lower ≤ x ≤ upper.
            Only "c" is required. "bounds" is one [lower, upper] pair for every variable or a list of pairs;
            null means unbounded; the default is [0, null], as in linprog. "integrality" marks integer
            variables with 1 (GLPK's branch-and-cut then solves a MILP). Numbers may be JSON numbers (taken as
            the double they denote, exactly) or strings holding exact values such as "1/3" or "0.1".
            With --exact, GLPK's final basis is re-verified in rational arithmetic against the data as given
            (repaired by exact pivots if needed) and the exact solution is printed; the status is then the \
            exact verdict (an exactly proven 'infeasible' replaces GLPK's 'optimal').
            GLPK sees the LP scaled by exact powers of two (rows, columns, objective), so data scaled by any \
            power of ten, or near 1e-300 or 1e300, are ordinary; the answer is unscaled exactly.

            Exit status: 0 when GLPK ends optimal, infeasible or unbounded (and, with --exact, the exact proof \
            passed); 3 when an answer was not reached or not proven (numericalFailure, iteration or time limit, \
            a MILP stopped at a feasible point, or a failed exact proof); 1 for invalid input; 64 for bad usage.
            """)

    @Argument(help: "The LP as a JSON file ('-' reads standard input).")
    var file: String

    @Option(help: "The GLPK method: dual-simplex, primal-simplex, interior-point or exact-simplex.")
    var method: MethodName = .dualSimplex

    @Flag(help: "Prove optimality in exact rational arithmetic and print exact values.")
    var exact = false

    @Option(help: "Stop after this many seconds (the status then says so).")
    var timeLimit: Double?

    @OptionGroup var output: OutputOptions

    enum MethodName: String, ExpressibleByArgument, CaseIterable {
        case dualSimplex = "dual-simplex", primalSimplex = "primal-simplex"
        case interiorPoint = "interior-point", exactSimplex = "exact-simplex"

        var method: LPSolver.Method {
            switch self {
            case .dualSimplex: .dualSimplex
            case .primalSimplex: .primalSimplex
            case .interiorPoint: .interiorPoint
            case .exactSimplex: .exactSimplex
            }
        }
    }

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) {
            throw ValidationError("--time-limit must be a positive number of seconds, got \(timeLimit)")
        }
    }

    struct Report: Encodable {
        let status: String
        let method: String
        let objective: Double?
        let x: [Double]
        let rowActivities: [Double]
        let rowDuals: [Double]
        let reducedCosts: [Double]
        let iterations: Int
        let verified: Bool?
        let exact: ExactReport?
    }

    struct ExactReport: Encodable {
        let objective: String
        let x: [String]
        let rowDuals: [String]
        let steps: [String]
    }

    func run() throws {
        let program = LinearProgram(try LinearProgramFile.load(file))
        var options = LPSolver.Options()
        options.method = method.method
        if let timeLimit { options.timeLimit = .milliseconds(Int64((timeLimit * 1000).rounded(.up))) }
        let solver = LPSolver(options: options)
        let solution: LPSolution
        var certified: CertifiedSolution?
        do {
            if exact {
                certified = try solver.solveCertified(program)
                solution = certified!.solution
            } else {
                solution = try solver.solve(program.map(\.doubleValue))
            }
        } catch {
            throw CommandFailure("\(file): \(error)")
        }
        let certificate = certified?.certificate
        let status = Self.status(solution.status, exact: certificate?.verdict)
        let provenInfeasible = status == LPStatus.infeasible.rawValue && certificate != nil
        let proven =
            exact
            ? (certified?.isCertified ?? false) || provenInfeasible
            : [.optimal, .infeasible, .unbounded, .infeasibleOrUnbounded].contains(solution.status)
        let hasValues = [.optimal, .feasible].contains(solution.status) && status != LPStatus.infeasible.rawValue
        if output.json {
            try printJSON(
                Report(
                    status: status, method: method.rawValue,
                    objective: hasValues ? solution.objective : nil, x: hasValues ? solution.x : [],
                    rowActivities: hasValues ? solution.rowActivities : [],
                    rowDuals: hasValues ? solution.rowDuals : [],
                    reducedCosts: hasValues ? solution.reducedCosts : [], iterations: solution.iterations,
                    verified: exact ? (certified?.isCertified ?? false) : nil,
                    exact: certificate.map {
                        ExactReport(
                            objective: $0.objective.description, x: $0.x.map(\.description),
                            rowDuals: $0.rowDuals.map(\.description), steps: certified?.steps ?? [])
                    }))
            if !proven { throw ExitStatus.notProven }
            return
        }
        print("status: \(status)")
        if let certified, !hasValues { for step in certified.steps { print("  • \(step)") } }
        guard hasValues else {
            if !proven { throw ExitStatus.notProven }
            return
        }
        print("objective: \(solution.objective)")
        print("x = \(solution.x)")
        if let certified {
            for step in certified.steps { print("  • \(step)") }
            if let certificate, certified.isCertified {
                print("exact objective: \(certificate.objective)")
                print("exact x = [\(certificate.x.map(\.description).joined(separator: ", "))]")
            } else {
                print("not certified: the exact verdict is above")
            }
        }
        if !proven { throw ExitStatus.notProven }
    }

    /// The status to print: GLPK's, unless an exact verdict proved infeasibility.
    static func status(_ glpk: LPStatus, exact verdict: ExactVerification.Verdict?) -> String {
        if case .infeasible? = verdict { return LPStatus.infeasible.rawValue }
        return glpk.rawValue
    }
}
