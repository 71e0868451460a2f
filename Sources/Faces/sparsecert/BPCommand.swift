import ArgumentParser
import DenseLinearAlgebra
import ExactArithmetic
import ProblemData
import SparseRecovery

/// `sparsecert bp`: basis pursuit and its variants on a problem file, with certificates.
struct BPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bp",
        abstract: "Solve basis pursuit min Σ wⱼ|xⱼ| s.t. A x = y (or a variant) and certify the answer.",
        discussion: """
            PROBLEM is a JSON problem file {"A": ..., "y": ...}, or a matrix file (.csv, .mtx, .npy) whose y is \
            in --observations or in the companion file FILE-stem.y.ext (see 'sparsecert generate').

            Reports x*, ‖x*‖₁ (weighted), the support S (0-based; in floating point |xⱼ|·‖Aⱼ‖_∞ > \
            1e-9·maxₖ |xₖ|·‖Aₖ‖_∞, in --exact mode xⱼ ≠ 0 exactly), the signs σ, the dual certificate μ \
            with (Aᵀμ)_S = σ and \
            ‖Aᵀμ‖_∞ ≤ 1, uniqueness (A_S injective and ϱ(S, σ) < 1) and the exponent \
            ϱ(S, σ) = min{‖(Aᵀμ)_{S^c}‖_∞ : (Aᵀμ)_S = σ}. If no x is feasible the status is 'infeasible' \
            and a Farkas certificate z (Aᵀz = 0, ⟨y, z⟩ − η‖z‖_* > 0) is reported instead.

            --exact reads the data as exact rationals, re-verifies GLPK's final bases in rational \
            arithmetic, reports x*, μ and ϱ as fractions (keys *_exact under --json) and 'verified'; the \
            support is then read from the exact x*, and a differing floating-point support is reported.

            The status is what the checks prove: 'optimal' or 'infeasible' only when the certificate was \
            checked against the data and holds (exactly under --exact; to relative tolerances in floating \
            point), otherwise 'undecided' (the computed x is still shown). GLPK sees the data scaled by exact \
            powers of two, so scaling rows, columns or y by any power of ten changes nothing but the answer's \
            scale.

            Exit status: 0 when the status and every verdict printed (uniqueness included) are proven; 3 when \
            an answer was computed but the status, the uniqueness verdict or (under --exact) 'verified' is not \
            proven; 1 for invalid input; 64 for bad usage.
            """)

    @Argument(help: "The problem file (JSON, or a matrix file with y beside it).")
    var problem: String

    @Option(help: ArgumentHelp("The file holding y, for a matrix file.", valueName: "FILE"))
    var observations: String?

    @Option(help: ArgumentHelp("A file holding the weights w > 0 (one per column).", valueName: "FILE"))
    var weights: String?

    @Flag(help: "Impose x ≥ 0 (non-negative basis pursuit).")
    var nonnegative = false

    @Option(
        name: .customLong("noise-bound"),
        help: ArgumentHelp("Replace A x = y by ‖A x − y‖ ≤ η (exact, e.g. 0.1 or 1/8).", valueName: "ETA"))
    var noiseBound: String?

    @Option(name: .customLong("noise-norm"), help: "The norm of the residual ball: inf or 1.")
    var noiseNorm: NoiseNormArgument?

    @Flag(help: "Prove everything in exact rational arithmetic.")
    var exact = false

    @OptionGroup var output: OutputOptions

    enum NoiseNormArgument: String, ExpressibleByArgument, CaseIterable {
        case inf, one = "1"
        var norm: ResidualNorm { self == .inf ? .infinity : .one }
    }

    func validate() throws {
        if noiseNorm != nil, noiseBound == nil {
            throw ValidationError("--noise-norm needs --noise-bound ETA")
        }
    }

    func run() throws {
        let loaded: Problem
        let weightValues: [Rational]?
        let eta: Rational?
        do {
            loaded = try ProblemFile.load(problem, observations: observations)
            weightValues = try weights.map { path throws(ProblemDataError) in try ProblemFile.loadVector(path) }
        } catch {
            throw CommandFailure(error.description)
        }
        do {
            eta = try noiseBound.map { text throws(RationalParseError) in try Rational(parsing: text) }
        } catch {
            throw CommandFailure("--noise-bound: \(error.description)")
        }
        let noise = eta.map { NoiseBall(bound: $0, norm: noiseNorm?.norm ?? .infinity) }
        let exactProblem = BasisPursuitProblem(
            matrix: loaded.matrix, observations: loaded.observations,
            weights: weightValues, nonnegative: nonnegative, noise: noise)
        let report: BPReport
        do {
            if exact {
                report = BPReport(try BasisPursuit.solveExactly(exactProblem))
            } else {
                let problem = BasisPursuitProblem(
                    matrix: exactProblem.matrix.map(\.doubleValue),
                    observations: exactProblem.observations.map(\.doubleValue),
                    weights: exactProblem.weights?.map(\.doubleValue), nonnegative: nonnegative,
                    noise: noise.map { NoiseBall(bound: $0.bound.doubleValue, norm: $0.norm) })
                report = BPReport(try BasisPursuit.solve(problem))
            }
        } catch {
            throw CommandFailure(error.description)
        }
        if output.json {
            try printJSON(report)
        } else {
            print(report.text(rows: loaded.matrix.rows, columns: loaded.matrix.columns))
        }
        if !report.isProven { throw ExitStatus.notProven }
    }
}

/// What `sparsecert bp` prints: the JSON document (snake_case keys) and its text form.
///
/// Numbers are doubles in every mode; `--exact` adds the fraction strings (`*_exact`), `verified`,
/// `floating_support`, `support_differs` and `steps`. `x`, `objective`, `dual`, `unique` and `rho` are always
/// present (`null` when they do not apply, e.g. for an infeasible problem); other keys that do not apply are left out.
struct BPReport: Encodable {
    var status: String
    var x: Nullable<[Double]>
    var objective: Nullable<Double>
    var support: [Int]
    var signs: [Int]
    var supportTolerance: Double
    var dual: Nullable<[Double]>
    var residual: [Double]?
    var certificateHolds: Bool?
    var dualityGap: Double?
    var unique: Nullable<Bool>
    var uniquenessReason: String?
    var uniquenessMethod: String?
    var columnRank: Int?
    var rho: Nullable<Double>
    var rhoWitness: [Double]?
    var farkas: [Double]?
    var lp: LPStatistics
    var verified: Bool?
    var xExact: [String]?
    var objectiveExact: String?
    var dualExact: [String]?
    var rhoExact: String?
    var farkasExact: [String]?
    var floatingSupport: [Int]?
    var supportDiffers: Bool?
    var steps: [String]?

    init<Scalar>(_ solution: BasisPursuitSolution<Scalar>, certificateHolds: Bool?) {
        status = solution.claim.rawValue
        let optimal = solution.status == .optimal
        x = Nullable(optimal ? solution.x.map(\.doubleValue) : nil)
        objective = Nullable(solution.objective?.doubleValue)
        support = solution.support
        signs = solution.signs
        supportTolerance = solution.supportTolerance
        dual = Nullable(optimal ? solution.dual.map(\.doubleValue) : nil)
        residual = optimal ? solution.residual.map(\.doubleValue) : nil
        self.certificateHolds = certificateHolds
        dualityGap = solution.optimality?.gap.doubleValue
        let uniqueness = solution.uniqueness
        unique = Nullable(uniqueness?.isUnique)
        uniquenessReason = uniqueness?.reason
        uniquenessMethod = uniqueness?.method.rawValue
        columnRank = uniqueness?.columnRank
        let rhoIsInfinite = uniqueness != nil && uniqueness?.rho == nil && uniqueness?.method != .oneSidedExponent
        rho = Nullable(uniqueness?.rho?.doubleValue ?? (rhoIsInfinite ? .infinity : nil))
        rhoWitness = uniqueness.map { $0.rhoWitness.map(\.doubleValue) }
        farkas = solution.farkas?.z.map(\.doubleValue)
        lp = solution.statistics
    }

    init(_ solution: BasisPursuitSolution<Double>) {
        self.init(solution, certificateHolds: solution.optimality?.holds())
    }

    init(_ exact: ExactBasisPursuitSolution) {
        let solution = exact.solution
        self.init(solution, certificateHolds: solution.optimality?.holdsExactly)
        verified = exact.verified
        if solution.status == .optimal {
            xExact = solution.x.map(\.description)
            dualExact = solution.dual.map(\.description)
            floatingSupport = exact.floatingSupport
            supportDiffers = exact.supportDiffers
        }
        objectiveExact = solution.objective?.description
        rhoExact = solution.uniqueness.map { $0.rho?.description ?? "inf" }
        farkasExact = solution.farkas?.z.map(\.description)
        steps = exact.steps
    }

    /// Whether the status and every verdict are proven (exit status 0): the claim is not undecided, uniqueness
    /// (when analyzed) is decided, and under --exact everything is verified.
    var isProven: Bool {
        status != BasisPursuitClaim.undecided.rawValue && (uniquenessMethod == nil || unique.value != nil)
            && verified != false
    }

    /// The human-readable report.
    func text(rows: Int, columns: Int) -> String {
        var lines = ["Basis pursuit on a \(rows)×\(columns) system: \(status)"]
        if let steps { lines += steps.map { "  • \($0)" } }
        if status == BasisPursuitClaim.undecided.rawValue {
            lines.append("not proven: the computed answer below did not pass its certificate check")
        }
        if farkas != nil || farkasExact != nil {
            lines.append(
                status == BasisPursuitStatus.infeasible.rawValue
                    ? "No x satisfies the constraints. Farkas certificate z (Aᵀz = 0, ⟨y, z⟩ − η‖z‖_* > 0):"
                    : "Candidate Farkas vector z (its check Aᵀz = 0, ⟨y, z⟩ − η‖z‖_* > 0 FAILED):")
            lines.append("z = \(show(farkasExact, farkas ?? []))")
        } else {
            lines.append("x* = \(show(xExact, x.value ?? []))")
            lines.append("objective = \(objectiveExact ?? format(objective.value ?? .nan))")
            lines.append("support S = \(support)   (0-based)   signs σ = \(signs)")
            if supportDiffers == true, let floatingSupport {
                lines.append(
                    "note: the floating-point solution suggests support \(floatingSupport); the exact support above is right"
                )
            }
            lines.append("dual certificate μ = \(show(dualExact, dual.value ?? []))")
            lines.append(
                "certificate (Aᵀμ)_S = σ, ‖Aᵀμ‖_∞ ≤ 1, zero duality gap: "
                    + (certificateHolds == true ? (verified != nil ? "holds exactly" : "holds") : "FAILS"))
            if let method = uniquenessMethod {
                let approximate = rho.value.map { " ≈ \($0)" } ?? ""
                let rhoText = rhoExact.map { $0.count <= 24 ? $0 : $0 + approximate } ?? rho.value.map(format) ?? "—"
                lines.append("ϱ = \(rhoText)   (\(method))")
                let verdict = unique.value.map { $0 ? "unique" : "NOT unique" } ?? "undecided"
                lines.append("uniqueness: \(verdict) — \(uniquenessReason ?? "")")
            }
        }
        if let verified {
            lines.append(verified ? "verified: everything above is proven in exact arithmetic" : "verified: NO")
        }
        return lines.joined(separator: "\n")
    }

    private func show(_ exact: [String]?, _ values: [Double]) -> String {
        "[" + (exact ?? values.map(format)).joined(separator: ", ") + "]"
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() && value.magnitude < 1e15 ? String(Int(value)) : "\(value)"
    }
}

/// An optional that is written as JSON `null` instead of being left out.
struct Nullable<Value: Encodable>: Encodable {
    let value: Value?
    init(_ value: Value?) { self.value = value }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
