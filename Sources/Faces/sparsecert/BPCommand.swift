import ArgumentParser
import DenseLinearAlgebra
import ExactArithmetic
import Foundation
import ProblemData
import SparseRecovery
import Synchronization

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

    @OptionGroup var input: ProblemArgument

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
        let progress = BPProgressLine()
        defer { progress.finish() }
        let loaded = try input.load()
        let weightValues: [Rational]?
        let eta: Rational?
        weightValues = try weights.map { path throws(ProblemDataError) in try ProblemFile.loadVector(path) }
        do {
            eta = try noiseBound.map { text throws(RationalParseError) in try Rational(parsing: text) }
        } catch {
            throw CommandFailure("--noise-bound: \(error.description)")
        }
        let noise = eta.map { NoiseBall(bound: $0, norm: noiseNorm?.norm ?? .infinity) }
        let report: BPReport
        var options = BasisPursuitOptions()
        options.progress = { progress.show($0.stage.name) }
        if exact {
            progress.show("rationals")
            report = BPReport(
                try BasisPursuit.solveExactly(
                    BasisPursuitProblem(
                        matrix: loaded.matrix, observations: loaded.observations, weights: weightValues,
                        nonnegative: nonnegative, noise: noise),
                    options: options))
        } else {
            // The stored doubles: no exact rational is made on this path.
            let problem = BasisPursuitProblem(
                matrix: loaded.doubleMatrix, observations: loaded.doubleObservations,
                weights: weightValues?.map(\.doubleValue), nonnegative: nonnegative,
                noise: noise.map { NoiseBall(bound: $0.bound.doubleValue, norm: $0.norm) })
            report = BPReport(try BasisPursuit.solve(problem, options: options))
        }
        if output.json {
            try printJSON(report)
        } else {
            print(report.text(rows: loaded.doubleMatrix.rows, columns: loaded.doubleMatrix.columns))
        }
        if !report.isProven { throw ExitStatus.notProven }
    }
}

/// The progress line of `bp` on a terminal's stderr: the current stage (reading, then the library's stages) and
/// the seconds since the command started, redrawn every half second while a stage runs.
final class BPProgressLine: Sendable {
    private let bar = ProgressBar(enabled: true)
    private let stage = Mutex<String?>("reading")
    private let start = ContinuousClock.now

    /// Starts the line with the stage "reading".
    init() {
        Thread { [self] in
            while redraw() { Thread.sleep(forTimeInterval: 0.5) }
        }
        .start()
    }

    /// Shows `name` as the current stage.
    func show(_ name: String) {
        stage.withLock { $0 = name }
        _ = redraw()
    }

    /// Stops the redrawing and ends the line.
    func finish() {
        stage.withLock { current in
            current = nil
            bar.finish()
        }
    }

    /// Draws the current stage, if the line is still running.
    private func redraw() -> Bool {
        stage.withLock { current in
            guard let name = current else { return false }
            bar.status(phase: name) { String(format: "%.1f s", start.elapsedSeconds) }
            return true
        }
    }
}
