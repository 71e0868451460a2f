internal import CGLPK
internal import CGLPKShims
import DenseLinearAlgebra

/// One solve: create → load → solve → read → delete, synchronously on the calling thread.
///
/// All GLPK calls that can raise `glp_error` go through the guarded functions of `CGLPKShims`; when one
/// fails, GLPK's environment (including the problem object) is already freed, so the run ends there
/// without touching the problem again. It trusts its program: ``LPSolver`` validates first (the tests
/// call it directly with invalid programs to watch the guard catch GLPK's own errors).
struct GLPKRun {
    let program: LinearProgram<Double>
    let options: LPSolver.Options

    private var rows: Int { program.constraints.count }
    private var columns: Int { program.variables.count }

    func solve() throws(LPError) -> LPSolution {
        try withLoadedProblem { problem throws(LPError) in try run(problem) }
    }

    /// One problem object for several objectives: load once, then for each cost vector (objective constant
    /// first, then one cost per column) set the objective and run the simplex from the basis the previous
    /// run ended with. The feasible set never changes, so a primal-feasible final basis stays feasible.
    /// Pure LPs with a simplex method only.
    func solve(objectives: [[Double]]) throws(LPError) -> [LPSolution] {
        try withLoadedProblem { problem throws(LPError) in
            var solutions: [LPSolution] = []
            solutions.reserveCapacity(objectives.count)
            for (k, objective) in objectives.enumerated() {
                try guarded { sc_glpk_set_objective(problem, objective) }
                solutions.append(try runSimplex(problem, warmStart: k == 0))
            }
            return solutions
        }
    }

    /// Creates a problem object, loads the program into it, runs `body` on it and deletes it — unless a
    /// guarded GLPK call failed, in which case GLPK has already freed it.
    private func withLoadedProblem<Result>(
        _ body: (OpaquePointer) throws(LPError) -> Result
    ) throws(LPError) -> Result {
        sc_glpk_clear_output()
        guard let problem = glp_create_prob() else { throw .glpkFailure("glp_create_prob returned no problem") }
        var alive = true
        defer { if alive { glp_delete_prob(problem) } }
        do {
            try load(into: problem)
            return try body(problem)
        } catch {
            if case .glpkFailure = error { alive = false }
            throw error
        }
    }

    /// Calls a guarded shim function; a failure means GLPK's state is gone.
    private func guarded(_ call: () -> Int32) throws(LPError) {
        if call() != SC_GLPK_OK {
            throw .glpkFailure(String(cString: sc_glpk_last_output()).trimmed)
        }
    }

    private func load(into problem: OpaquePointer) throws(LPError) {
        let rowBounds = program.constraints.map(\.bounds), columnBounds = program.variables.map(\.bounds)
        let rowType = [0] + rowBounds.map(Self.glpkType), columnType = [0] + columnBounds.map(Self.glpkType)
        let rowLower = [0] + rowBounds.map { $0.lower ?? 0 }, rowUpper = [0] + rowBounds.map { $0.upper ?? 0 }
        let columnLower = [0] + columnBounds.map { $0.lower ?? 0 }
        let columnUpper = [0] + columnBounds.map { $0.upper ?? 0 }
        let objective = [program.objectiveConstant] + program.variables.map(\.cost)
        let kinds: [Int32]? =
            program.isMixedInteger
            ? [0] + program.variables.map { $0.isInteger ? Int32(GLP_IV) : Int32(GLP_CV) } : nil
        var entryRow: [Int32] = [0], entryColumn: [Int32] = [0], entryValue: [Double] = [0]
        for (i, constraint) in program.constraints.enumerated() {
            for term in constraint.terms {
                entryRow.append(Int32(i + 1))
                entryColumn.append(Int32(term.column + 1))
                entryValue.append(term.coefficient)
            }
        }
        let direction = program.direction == .minimize ? GLP_MIN : GLP_MAX
        try guarded {
            sc_glpk_load(
                problem, direction, Int32(rows), Int32(columns), rowType, rowLower, rowUpper,
                columnType, columnLower, columnUpper, objective, kinds, Int32(entryValue.count - 1),
                entryRow, entryColumn, entryValue)
        }
    }

    private static func glpkType(_ bounds: Bounds<Double>) -> Int32 {
        switch bounds {
        case .free: GLP_FR
        case .atLeast: GLP_LO
        case .atMost: GLP_UP
        case let .between(l, u): l == u ? GLP_FX : GLP_DB
        case .fixed: GLP_FX
        }
    }

    private func run(_ problem: OpaquePointer) throws(LPError) -> LPSolution {
        if program.isMixedInteger { return try runMixedInteger(problem) }
        switch options.method {
        case .interiorPoint: return try runInteriorPoint(problem)
        case .primalSimplex, .dualSimplex, .exactSimplex: return try runSimplex(problem)
        }
    }

    private var simplexParameters: glp_smcp {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_ERR
        parameters.meth = options.method == .primalSimplex ? GLP_PRIMAL : GLP_DUALP
        parameters.presolve = options.presolve ? GLP_ON : GLP_OFF
        parameters.tol_bnd = options.primalTolerance
        parameters.tol_dj = options.dualTolerance
        parameters.tol_piv = options.pivotTolerance
        if let limit = options.iterationLimit { parameters.it_lim = Int32(limit) }
        if let limit = options.timeLimit { parameters.tm_lim = Int32(limit.milliseconds) }
        return parameters
    }

    private func runSimplex(
        _ problem: OpaquePointer, presolve: Bool? = nil, warmStart: Bool = true
    ) throws(LPError) -> LPSolution {
        var parameters = simplexParameters
        if let presolve { parameters.presolve = presolve ? GLP_ON : GLP_OFF }
        let exact: Int32 = options.method == .exactSimplex ? 1 : 0
        if warmStart, let basis = options.warmStart, parameters.presolve == GLP_OFF {
            let rowStatus = [0] + basis.rows.map(Self.glpkStatus)
            let columnStatus = [0] + basis.columns.map(Self.glpkStatus)
            try guarded { sc_glpk_set_basis(problem, rowStatus, columnStatus) }
        }
        var code: Int32 = 0
        try guarded { sc_glpk_simplex(problem, &parameters, exact, &code) }
        if code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND {
            try guarded { sc_glpk_standard_basis(problem) }
            try guarded { sc_glpk_simplex(problem, &parameters, exact, &code) }
        }
        // The presolver answers "no primal/dual feasible solution" without telling infeasible from
        // unbounded; solving again without it settles the question.
        if parameters.presolve == GLP_ON && (code == GLP_ENOPFS || code == GLP_ENODFS) {
            return try runSimplex(problem, presolve: false)
        }
        var solution = try read(problem, kind: SC_SIMPLEX, withDuals: true, withBasis: true)
        // The dual simplex stops at "no dual feasible solution" without deciding between infeasible and
        // unbounded; the primal simplex, continuing from where it stopped, decides.
        if code == 0 && solution.status == .numericalFailure && parameters.meth != GLP_PRIMAL {
            parameters.meth = GLP_PRIMAL
            try guarded { sc_glpk_simplex(problem, &parameters, exact, &code) }
            solution = try read(problem, kind: SC_SIMPLEX, withDuals: true, withBasis: true)
        }
        solution.status =
            switch code {
            case 0: Self.status(ofSimplex: solution.status)
            case GLP_EITLIM: .iterationLimit
            case GLP_ETMLIM: .timeLimit
            default: .numericalFailure
            }
        return solution
    }

    private func runInteriorPoint(_ problem: OpaquePointer) throws(LPError) -> LPSolution {
        var parameters = glp_iptcp()
        glp_init_iptcp(&parameters)
        parameters.msg_lev = GLP_MSG_ERR
        var code: Int32 = 0
        try guarded { sc_glpk_interior(problem, &parameters, &code) }
        var solution = try read(problem, kind: SC_INTERIOR, withDuals: true, withBasis: false)
        solution.status =
            switch code {
            case 0:
                solution.status == .infeasible
                    ? .infeasible : (solution.status == .optimal ? .optimal : .numericalFailure)
            case GLP_ENOFEAS: .infeasibleOrUnbounded
            case GLP_EITLIM: .iterationLimit
            default: .numericalFailure
            }
        return solution
    }

    private func runMixedInteger(_ problem: OpaquePointer) throws(LPError) -> LPSolution {
        let relaxation = try runSimplex(problem)
        guard relaxation.status == .optimal else {
            // An unbounded relaxation leaves the MILP infeasible or unbounded.
            var solution = relaxation
            solution.status = relaxation.status == .unbounded ? .infeasibleOrUnbounded : relaxation.status
            solution.basis = nil
            return solution
        }
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = GLP_MSG_ERR
        parameters.tol_int = 1e-9
        parameters.mip_gap = options.mipGap
        if let limit = options.timeLimit { parameters.tm_lim = Int32(limit.milliseconds) }
        var code: Int32 = 0
        var bound = relaxation.objective
        try guarded { sc_glpk_intopt_bound(problem, &parameters, &code, &bound) }
        var solution = try read(problem, kind: SC_MIP, withDuals: false, withBasis: false)
        solution.iterations = relaxation.iterations
        let found = solution.status
        solution.status =
            switch code {
            case 0: found
            case GLP_EMIPGAP: found == .optimal ? .feasible : found
            case GLP_ETMLIM: found == .optimal || found == .feasible ? .feasible : .timeLimit
            case GLP_ENOPFS: .infeasible
            default: .numericalFailure
            }
        if code == GLP_ETMLIM && solution.status == .feasible { solution.message = "time limit reached" }
        solution.bestBound = Self.bestBound(
            nodes: bound, relaxation: relaxation.objective, found: solution, maximize: program.direction == .maximize)
        return solution
    }

    /// The bound of a finished or stopped branch-and-cut: the objective at a proven optimum; otherwise the
    /// best bound of the unexplored nodes, never looser than the root relaxation, and never tighter than the
    /// incumbent found (which bounds the optimum from the other side); `nil` when it is not finite.
    private static func bestBound(nodes: Double, relaxation: Double, found: LPSolution, maximize: Bool) -> Double? {
        if found.status == .optimal { return found.objective }
        var bound = maximize ? min(nodes, relaxation) : max(nodes, relaxation)
        if found.status == .feasible { bound = maximize ? max(bound, found.objective) : min(bound, found.objective) }
        return bound.isFinite && bound.magnitude < Double.greatestFiniteMagnitude ? bound : nil
    }

    /// Reads one of GLPK's solutions; `status` holds the raw GLPK status mapped to an ``LPStatus``.
    private func read(
        _ problem: OpaquePointer, kind: sc_glpk_solution_kind, withDuals: Bool,
        withBasis: Bool
    ) throws(LPError) -> LPSolution {
        var rowValue = [Double](repeating: 0, count: rows + 1), rowDual = rowValue
        var columnValue = [Double](repeating: 0, count: columns + 1), columnDual = columnValue
        var rowStatus = [Int32](repeating: 0, count: rows + 1)
        var columnStatus = [Int32](repeating: 0, count: columns + 1)
        var status: Int32 = 0, iterations: Int32 = 0
        var objective = 0.0
        try guarded {
            sc_glpk_read(
                problem, kind, &status, &objective, &iterations, &rowValue, &rowDual, &rowStatus,
                &columnValue, &columnDual, &columnStatus)
        }
        let basis =
            withBasis
            ? Basis(
                rows: rowStatus.dropFirst().map(Self.basisStatus),
                columns: columnStatus.dropFirst().map(Self.basisStatus))
            : nil
        return LPSolution(
            status: Self.status(ofGLPK: status), objective: objective,
            x: Array(columnValue.dropFirst()), rowActivities: Array(rowValue.dropFirst()),
            rowDuals: withDuals ? Array(rowDual.dropFirst()) : [],
            reducedCosts: withDuals ? Array(columnDual.dropFirst()) : [],
            basis: basis, iterations: Int(iterations), message: "")
    }

    private static func status(ofGLPK status: Int32) -> LPStatus {
        switch status {
        case GLP_OPT: .optimal
        case GLP_FEAS: .feasible
        case GLP_NOFEAS: .infeasible
        case GLP_UNBND: .unbounded
        default: .numericalFailure
        }
    }

    /// A simplex run that ended normally is optimal, infeasible or unbounded.
    private static func status(ofSimplex status: LPStatus) -> LPStatus {
        status == .feasible ? .numericalFailure : status
    }

    private static func glpkStatus(_ status: BasisStatus) -> Int32 {
        switch status {
        case .basic: GLP_BS
        case .atLower: GLP_NL
        case .atUpper: GLP_NU
        case .free: GLP_NF
        case .fixed: GLP_NS
        }
    }

    private static func basisStatus(_ status: Int32) -> BasisStatus {
        switch status {
        case GLP_BS: .basic
        case GLP_NL: .atLower
        case GLP_NU: .atUpper
        case GLP_NF: .free
        default: .fixed
        }
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded up.
    fileprivate var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    }
}

extension String {
    fileprivate var trimmed: String {
        let text = split(whereSeparator: \.isNewline).suffix(4).joined(separator: " | ")
        return text.isEmpty ? "GLPK gave no message" : text
    }
}
