import ArgumentParser
import DenseLinearAlgebra
import ExactArithmetic
import Foundation
import NullSpaceProperty
import ProblemData
import ScaleOut
import Synchronization

/// `sparsecert nsp`: null space property constants ρ_S, ϱ(S, τ) and ρ_s of a matrix.
struct NSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nsp",
        abstract: "Null space property constants: ρ_S, ϱ(S, τ) and the order-s constant ρ_s.",
        discussion: """
            ρ_S = sup ‖v_S‖₁/‖v_{S^c}‖₁ over v ∈ ker A ∖ 0 (the max over sign patterns τ of ϱ(S, τ)), and \
            ρ_s = max over |S| ≤ s of ρ_S; the NSP of order s holds iff ρ_s < 1. α = ρ/(1 + ρ) is the same \
            constant normalised by ‖v‖₁. 'nsp MATRIX --order s' computes ρ_s exactly by branch-and-bound \
            (or an interval [lower, upper] when --time-limit ends it); 'nsp merge' combines --shard runs.
            """,
        subcommands: [NSPComputeCommand.self, NSPMergeCommand.self],
        defaultSubcommand: NSPComputeCommand.self)
}

/// `sparsecert nsp MATRIX (--order s | --support …)`.
struct NSPComputeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: "Compute ρ_s (--order) or ρ_S / ϱ(S, τ) (--support, --signs) of the matrix in MATRIX.",
        discussion: """
            MATRIX is a JSON problem file (its "A"), CSV, Matrix Market or .npy file. Indices are 0-based. \
            Examples:
              sparsecert nsp A.json --order 3
              sparsecert nsp A.json --support 0,4,7 --signs +-+
              sparsecert nsp A.json --order 4 --shard 2/8 --json > part2.json
            """)

    @Argument(help: "The matrix file.")
    var matrix: String

    @Option(help: "s: compute ρ_s, the order-s constant (1 ≤ s ≤ min(m, n)).")
    var order: Int?

    @Option(help: ArgumentHelp("S: compute ρ_S for these 0-based columns, e.g. 0,4,7.", valueName: "i,j,…"))
    var support: IndexList?

    @Option(
        help: ArgumentHelp(
            "τ with --support: compute ϱ(S, τ) for these signs, e.g. +-+ or 1,-1,1.",
            valueName: "SIGNS"))
    var signs: SignList?

    @Option(
        help: ArgumentHelp(
            "bnb (branch-and-bound, default), naive (every support and sign pattern), milp "
                + "(GLPK branch-and-cut) or bounds (cheap interval)."))
    var method: NSPMethod = .bnb

    @Flag(
        help:
            "Re-verify in exact rational arithmetic: the winning support's constant and witness, and every bound the search pruned with."
    )
    var exact = false

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    @Option(
        help: ArgumentHelp(
            "Enumerate only shard k of N (combine the N results with 'nsp merge').",
            valueName: "k/N"))
    var shard: ShardSpec?

    @Option(
        name: .customLong("time-limit"),
        help: ArgumentHelp("Stop after this many seconds and report an interval.", valueName: "SEC"))
    var timeLimit: Double?

    @Option(help: ArgumentHelp("Save progress to FILE and resume from it if it exists.", valueName: "FILE"))
    var checkpoint: String?

    @Flag(help: "No progress bar on stderr.")
    var quiet = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (order == nil) != (support == nil) else {
            throw ValidationError("give exactly one of --order s and --support i,j,…")
        }
        if signs != nil && support == nil { throw ValidationError("--signs needs --support") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        if let timeLimit, !(timeLimit > 0 && timeLimit < 1e9) {
            throw ValidationError("--time-limit must be a positive number of seconds, got \(timeLimit)")
        }
    }

    func run() throws {
        let a = try loadNullSpaceMatrix(matrix)
        if let support {
            let report = try supportReport(a, support: support.indices)
            try printReport(report)
            if report.exact.value?.verified == false { throw ExitStatus.notProven }
        } else if let order {
            let (report, interrupted) = try orderReport(a, order: order)
            try printReport(report)
            if let interrupted { throw ExitCode(interrupted) }
            if report.exact.value?.verified == false { throw ExitStatus.notProven }
        }
    }

    private func printReport(_ report: NSPReport) throws {
        if output.json { try printJSON(report) } else { print(report.text) }
    }

    // MARK: Support mode

    private func supportReport(_ a: NullSpaceMatrix, support: [Int]) throws -> NSPReport {
        if shard != nil || checkpoint != nil || timeLimit != nil {
            throw CommandFailure("--shard, --checkpoint and --time-limit apply to --order, not to --support")
        }
        let start = ContinuousClock.now
        if let signs {
            guard signs.signs.count == support.count else {
                throw CommandFailure(
                    "--signs gives \(signs.signs.count) signs for \(support.count) support indices; "
                        + "give one per index")
            }
            let tau = signs.signs
            let result = try a.signedConstant(support: support, signs: tau)
            var report = NSPReport(
                matrix: a, support: result.support, signs: result.signs, rho: result.value,
                witness: result.witness, lps: 1, naive: 1, seconds: start.elapsedSeconds)
            report.method = "signed-lp"
            if exact {
                let proven = try a.exactSupportConstant(support, signs: tau)
                report.exact = Nullable(ExactReport(proven))
            }
            return report
        }
        let result = try a.supportConstant(support)
        var report = NSPReport(
            matrix: a, support: result.support, signs: result.signs, rho: result.value,
            witness: result.witness, lps: result.lpsSolved, naive: Double(result.lpsSolved),
            seconds: start.elapsedSeconds)
        if exact {
            report.exact = Nullable(
                ExactReport(try a.exactSupportConstant(support)))
        }
        return report
    }

    // MARK: Order mode

    /// The report and, when SIGINT/SIGTERM stopped the search, the exit status to end with.
    private func orderReport(_ a: NullSpaceMatrix, order: Int) throws -> (NSPReport, Int32?) {
        var options = OrderSearchOptions()
        options.threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
        if let shard { options.shard = shard }
        options.timeLimit = timeLimit.map { .milliseconds(Int64(($0 * 1000).rounded(.up))) }
        options.checkpointPath = checkpoint
        options.certifyBounds = exact && method == .bnb
        if exact && (shard != nil || checkpoint != nil || method != .bnb) {
            throw CommandFailure(
                "--exact re-verifies one uninterrupted branch-and-bound run: drop --shard, --checkpoint "
                    + "and --method (or verify the winning support afterwards with --support … --exact)")
        }
        let bar = ProgressBar(enabled: !quiet)
        options.progress = { progress in
            bar.update(phase: progress.phase, done: progress.done, total: progress.total) {
                let rate = progress.seconds > 0 ? Double(progress.lpsSolved) / progress.seconds : 0
                return String(format: "%d LPs  %.0f LP/s  α ≥ %.6f", progress.lpsSolved, rate, progress.lowerAlpha)
            }
        }
        let interrupts = InterruptHandler()
        defer { interrupts.uninstall() }
        options.stop = interrupts.stop
        let result: OrderConstant
        switch method {
        case .naive: result = try a.naiveOrderConstant(order: order, options: options)
        case .milp: result = try a.mixedIntegerOrderConstant(order: order, timeLimit: options.timeLimit)
        case .bounds: result = try a.orderBounds(order: order, options: options)
        case .bnb: result = try a.orderConstant(order: order, options: options)
        }
        bar.finish()
        var report = NSPReport(matrix: a, result: result)
        if exact {
            let certificate = try a.certifyExactly(result)
            report.exact = Nullable(ExactReport(certificate))
            report.exactValue = certificate.isProven
            report.lower = certificate.winner.value?.doubleValue ?? .infinity
        }
        return (report, interrupts.exitStatus)
    }
}

// MARK: - Input

/// Loads and checks the matrix of a matrix file or of a JSON problem file (its "A").
func loadNullSpaceMatrix(_ path: String) throws -> NullSpaceMatrix {
    let exact: Matrix<Rational>
    do { exact = try ProblemFile.loadMatrix(path) } catch {
        guard path.lowercased().hasSuffix(".json"), FileManager.default.fileExists(atPath: path) else {
            throw error
        }
        do { exact = try ProblemFile.load(path).matrix } catch let problemError {
            throw CommandFailure(
                "\(path) is neither a JSON matrix (\(error.description)) nor a JSON problem file "
                    + "(\(problemError.description))")
        }
    }
    return try NullSpaceMatrix(exact: exact)
}
