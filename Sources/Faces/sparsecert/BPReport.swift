import ArgumentParser
import DenseLinearAlgebra
import ExactArithmetic
import ProblemData
import SparseRecovery

/// What `sparsecert bp` prints: the JSON document (snake_case keys) and its text form.
///
/// Numbers are doubles in every mode; `--exact` adds the fraction strings (`*_exact`), `verified`,
/// `floating_support`, `support_differs` and `steps`. `method` says how x* was found (`linearProgram`, or
/// `fullColumnRank` when A has proven full column rank and A x = y was solved directly); `error_bound`, present
/// only then, bounds ‖x* − x̂‖_∞ for the exact solution x̂ rigorously. `x`, `objective`, `dual`, `unique` and `rho` are always
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
    var method: String
    var errorBound: Double?
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
        method = solution.method.rawValue
        errorBound = solution.errorBound
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
        if method == BasisPursuitMethod.fullColumnRank.rawValue, steps == nil {
            lines.append(
                "  • A has full column rank (proven by a verified inverse): A x = y solved directly, no LP"
                    + (errorBound.map { "; ‖x* − x̂‖_∞ ≤ \($0) for the exact solution x̂" } ?? ""))
        }
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
