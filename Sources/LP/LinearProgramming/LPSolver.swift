import DenseLinearAlgebra

/// Solves LPs and MILPs, safely — with GLPK (GNU Linear Programming Kit) as the backend.
///
/// The domains (SparseRecovery, NullSpaceProperty, ErrorCertificates) take this value and its ``Options``;
/// GLPK itself is named only inside LinearProgramming, which imports its C API (`internal import CGLPK`).
///
/// Every model is validated in Swift before GLPK sees it, so invalid input throws ``LPError`` instead of
/// killing the process; GLPK's own internal errors are caught by a C guard and rethrown as
/// ``LPError/glpkFailure(_:)``. GLPK's terminal output is never printed.
///
/// Thread safety: each call to ``solve(_:)`` creates, solves, reads and deletes its GLPK problem
/// synchronously on the calling thread (GLPK keeps its state per thread), so any number of solves may run
/// concurrently on different threads. The solver itself is an immutable value.
public struct LPSolver: Sendable {
    /// The algorithm GLPK runs.
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        /// Primal simplex (`glp_simplex`, `GLP_PRIMAL`).
        case primalSimplex
        /// Dual simplex, falling back to the primal one if it fails (`GLP_DUALP`).
        case dualSimplex
        /// Interior point (`glp_interior`); no basis is returned.
        case interiorPoint
        /// GLPK's rational simplex (`glp_exact`) on GLPK's rationalisation of the doubles — not a
        /// certificate on your data; see ``ExactVerifier`` for that.
        case exactSimplex
    }

    /// Options; the defaults suit basis-pursuit-sized LPs.
    public struct Options: Sendable, Hashable {
        /// The GLPK algorithm (default: dual simplex).
        public var method: Method = .dualSimplex
        /// Use GLPK's LP presolver (faster on large LPs; no basis is kept across it).
        public var presolve = false
        /// Primal feasibility tolerance (`tol_bnd`), in (0, 1).
        public var primalTolerance = 1e-7
        /// Dual feasibility tolerance (`tol_dj`), in (0, 1).
        public var dualTolerance = 1e-7
        /// Pivot tolerance (`tol_piv`), in (0, 1).
        public var pivotTolerance = 1e-10
        /// Stop after this many simplex iterations.
        public var iterationLimit: Int?
        /// Stop after this much time (per solve).
        public var timeLimit: Duration?
        /// Start the simplex from this basis (ignored by the interior-point method and MILPs). A basis GLPK
        /// finds singular is replaced by GLPK's advanced starting basis, as if none had been given.
        public var warmStart: Basis?
        /// Relative gap at which a MILP search may stop (0: prove optimality).
        public var mipGap = 0.0
        /// Scale rows, columns and the objective by powers of two before GLPK sees the LP, and undo it exactly
        /// on the answer (`PowerOfTwoScaling`): the same LP, with numbers near 1. Default `true`.
        public var equilibrate = true
        /// With ``equilibrate``: bring each column's cost, instead of its largest entry, into [1, 2) — for LPs
        /// whose costs relative to their columns differ by many orders of magnitude. Default `false`.
        public var scaleColumnsByCost = false

        /// The defaults: dual simplex, no presolve, equilibration on, no limits.
        public init() {}
    }

    /// The configuration every solve of this solver uses.
    public var options: Options

    /// A solver with the given configuration.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Solves `program`.
    ///
    /// - Returns: the status and, where meaningful, values, duals and basis. Infeasible and unbounded
    ///   programs are statuses, not errors.
    /// - Throws: ``LPError`` when the program or the options are invalid (naming the offending row,
    ///   column or value) or when GLPK fails internally.
    /// The LP is equilibrated by exact powers of two first (``Options/equilibrate``), so that GLPK's
    /// tolerances are relative to the data: y = 10⁻⁸ is not zero, and data near 10³⁰⁰ do not overflow.
    ///
    /// - Complexity: that of the chosen GLPK method; the Swift layer adds O(m + n + nnz).
    public func solve(_ program: LinearProgram<Double>) throws(LPError) -> LPSolution {
        try program.validate(\.isFinite)
        try options.validate(for: program)
        if options.equilibrate {
            for scaling in PowerOfTwoScaling.candidates(program, columnsByCost: options.scaleColumnsByCost) {
                guard let scaled = scaling.apply(program) else { continue }
                if scaling.isIdentity { break }
                return scaling.unscale(try GLPKRun(program: scaled, options: options).solve())
            }
        }
        return try GLPKRun(program: program, options: options).solve()
    }
}

extension LPSolver.Options {
    func validate(for program: LinearProgram<Double>) throws(LPError) {
        for (name, value) in [
            ("primalTolerance", primalTolerance), ("dualTolerance", dualTolerance),
            ("pivotTolerance", pivotTolerance),
        ] where !(value > 0 && value < 1) {
            throw .invalidOption("\(name) must lie in (0, 1), got \(value)")
        }
        guard mipGap >= 0, mipGap.isFinite else { throw .invalidOption("mipGap must be ≥ 0, got \(mipGap)") }
        if let limit = iterationLimit, !(1...Int(Int32.max)).contains(limit) {
            throw .invalidOption("iterationLimit must be between 1 and \(Int32.max), got \(limit)")
        }
        if let limit = timeLimit, !(limit > .zero && limit <= .seconds(Int(Int32.max) / 1000)) {
            throw .invalidOption("timeLimit must be positive and at most \(Int32.max / 1000) s, got \(limit)")
        }
        if let basis = warmStart {
            guard basis.rows.count == program.constraints.count, basis.columns.count == program.variables.count else {
                throw .invalidBasis(
                    "the warm start has \(basis.rows.count) row and \(basis.columns.count) column "
                        + "statuses, the LP has \(program.constraints.count) rows and \(program.variables.count) columns"
                )
            }
        }
    }
}
