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
    var support: String?

    @Option(help: ArgumentHelp("τ with --support: compute ϱ(S, τ) for these signs, e.g. +-+ or 1,-1,1.", valueName: "SIGNS"))
    var signs: String?

    @Option(help: "bnb (branch-and-bound, default), naive (every support and sign pattern), milp (GLPK branch-and-cut) or bounds (cheap interval).")
    var method: String = "bnb"

    @Flag(help: "Re-verify in exact rational arithmetic: the winning support's constant and witness, and every bound the search pruned with.")
    var exact = false

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    @Option(help: ArgumentHelp("Enumerate only shard k of N (combine the N results with 'nsp merge').", valueName: "k/N"))
    var shard: String?

    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Stop after this many seconds and report an interval.", valueName: "SEC"))
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
        guard ["bnb", "naive", "milp", "bounds"].contains(method) else {
            throw ValidationError("--method must be bnb, naive, milp or bounds, got '\(method)'")
        }
    }

    func run() throws {
        let a = try loadNullSpaceMatrix(matrix)
        if let support {
            try printReport(try supportReport(a, support: try parseIndices(support)))
        } else if let order {
            let (report, interrupted) = try orderReport(a, order: order)
            try printReport(report)
            if let interrupted { throw ExitCode(interrupted) }
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
            let tau = try parseSigns(signs, count: support.count)
            let result = try library { () throws(NullSpacePropertyError) in try a.signedConstant(support: support, signs: tau) }
            var report = NSPReport(matrix: a, support: result.support, signs: result.signs, rho: result.value,
                                   witness: result.witness, lps: 1, naive: 1, seconds: start.elapsedSeconds)
            report.method = "signed-lp"
            if exact {
                let proven = try library { () throws(NullSpacePropertyError) in try a.exactSupportConstant(support, signs: tau) }
                report.exact = Nullable(ExactReport(proven))
            }
            return report
        }
        let result = try library { () throws(NullSpacePropertyError) in try a.supportConstant(support) }
        var report = NSPReport(matrix: a, support: result.support, signs: result.signs, rho: result.value,
                               witness: result.witness, lps: result.lpsSolved, naive: Double(result.lpsSolved),
                               seconds: start.elapsedSeconds)
        if exact {
            report.exact = Nullable(ExactReport(try library { () throws(NullSpacePropertyError) in try a.exactSupportConstant(support) }))
        }
        return report
    }

    // MARK: Order mode

    /// The report and, when SIGINT/SIGTERM stopped the search, the exit status to end with.
    private func orderReport(_ a: NullSpaceMatrix, order: Int) throws -> (NSPReport, Int32?) {
        var options = OrderSearchOptions()
        options.threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
        if let shard {
            do { options.shard = try ShardSpec(parsing: shard) } catch { throw CommandFailure(error.description) }
        }
        options.timeLimit = timeLimit.map { .milliseconds(Int64(($0 * 1000).rounded(.up))) }
        options.checkpointPath = checkpoint
        options.certifyBounds = exact && method == "bnb"
        if exact && (shard != nil || checkpoint != nil || method != "bnb") {
            throw CommandFailure("--exact re-verifies one uninterrupted branch-and-bound run: drop --shard, --checkpoint "
                + "and --method (or verify the winning support afterwards with --support … --exact)")
        }
        let bar = ProgressBar(enabled: !quiet && isatty(2) == 1)
        options.progress = bar.callback
        let interrupts = InterruptHandler()
        defer { interrupts.uninstall() }
        options.stop = interrupts.stop
        let result = try library { () throws(NullSpacePropertyError) in
            switch method {
            case "naive": try a.naiveOrderConstant(order: order, options: options)
            case "milp": try a.mixedIntegerOrderConstant(order: order, timeLimit: options.timeLimit)
            case "bounds": try a.orderBounds(order: order, options: options)
            default: try a.orderConstant(order: order, options: options)
            }
        }
        bar.finish()
        var report = NSPReport(matrix: a, result: result)
        if exact {
            let certificate = try library { () throws(NullSpacePropertyError) in try a.certifyExactly(result) }
            report.exact = Nullable(ExactReport(certificate))
            report.exactValue = certificate.isProven
            report.lower = certificate.winner.value?.doubleValue ?? .infinity
        }
        return (report, interrupts.exitStatus)
    }
}

/// `sparsecert nsp merge FILES…`.
struct NSPMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the --json results of 'nsp --order s --shard k/N' for k = 1 … N into ρ_s.",
        discussion: """
            Every file must come from the same matrix (checked by its digest), order and N, and each shard \
            must appear exactly once; the merged constant is exact when every shard finished.
            """)

    @Argument(help: "The shard results (JSON written with --json).")
    var files: [String]

    @OptionGroup var output: OutputOptions

    func run() throws {
        guard !files.isEmpty else { throw CommandFailure("name the shard result files to merge") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var parts: [OrderConstant] = []
        var shape = (rows: 0, columns: 0)
        for file in files {
            let report: NSPReport
            do { report = try decoder.decode(NSPReport.self, from: Data(contentsOf: URL(fileURLWithPath: file))) } catch {
                throw CommandFailure("\(file) is not a JSON result of 'sparsecert nsp --order s --json' (\(error))")
            }
            guard let part = report.orderConstant else {
                throw CommandFailure("\(file) is a --support result; only --order results can be merged")
            }
            shape = (report.rows, report.columns)
            parts.append(part)
        }
        let merged = try library { () throws(NullSpacePropertyError) in try OrderConstant.merging(parts) }
        let report = NSPReport(rows: shape.rows, columns: shape.columns, result: merged)
        if output.json { try printJSON(report) } else { print(report.text) }
    }
}

// MARK: - Report

/// The JSON document of `sparsecert nsp` (keys in snake_case). `constant`, `alpha` and `nsp_holds` are null
/// unless established; `lower`/`upper` always bound ρ.
struct NSPReport: Codable {
    var rows: Int
    var columns: Int
    var matrixDigest: String
    var order: Nullable<Int>
    var method: String
    var constant: Nullable<Double>
    var alpha: Nullable<Double>
    var lower: Double
    var upper: Double
    var lowerAlpha: Double
    var upperAlpha: Double
    var exactValue: Bool
    var complete: Bool
    var upperBoundSource: String
    var support: [Int]
    var signs: [Int]
    var witness: [Double]
    var nspHolds: Nullable<Bool>
    var lpsSolved: Int
    var naiveLps: Double
    var supportsSolved: Int
    var shard: String
    var seconds: Double
    var exact: Nullable<ExactReport> = Nullable(nil)

    /// A support-mode report (ρ_S from LPs; the caller sets `method` to "signed-lp" for one ϱ(S, τ)).
    init(matrix: NullSpaceMatrix, support: [Int], signs: [Int], rho: Double, witness: [Double], lps: Int, naive: Double,
         seconds: Double) {
        let alpha = rho.isInfinite ? 1 : rho / (1 + rho)
        rows = matrix.rows
        columns = matrix.columns
        matrixDigest = matrix.digest
        order = Nullable(nil)
        method = "lp"
        constant = Nullable(rho)
        self.alpha = Nullable(alpha)
        (lower, upper, lowerAlpha, upperAlpha) = (rho, rho, alpha, alpha)
        exactValue = true
        complete = true
        upperBoundSource = "the LP optimum (its dual certificate μ)"
        self.support = support
        self.signs = signs
        self.witness = witness
        nspHolds = Nullable(rho < 1)
        lpsSolved = lps
        naiveLps = naive
        supportsSolved = 1
        shard = "1/1"
        self.seconds = seconds
    }

    init(matrix: NullSpaceMatrix, result: OrderConstant) {
        self.init(rows: matrix.rows, columns: matrix.columns, result: result)
    }

    /// An order-mode report.
    init(rows: Int, columns: Int, result: OrderConstant) {
        self.rows = rows
        self.columns = columns
        matrixDigest = result.matrixDigest
        order = Nullable(result.order)
        method = result.method.rawValue
        constant = Nullable(result.isExact ? result.lower : nil)
        alpha = Nullable(result.isExact ? result.lowerAlpha : nil)
        (lower, upper, lowerAlpha, upperAlpha) = (result.lower, result.upper, result.lowerAlpha, result.upperAlpha)
        exactValue = result.isExact
        complete = result.complete
        upperBoundSource = result.upperBoundSource
        support = result.incumbent.support
        signs = result.incumbent.signs
        witness = result.incumbent.witness
        nspHolds = Nullable(result.nspHolds)
        lpsSolved = result.lpsSolved
        naiveLps = result.naiveLPs
        supportsSolved = result.supportsSolved
        shard = result.shard.description
        seconds = result.seconds
    }

    /// The order-mode result this report holds (`nil` for a support-mode report).
    var orderConstant: OrderConstant? {
        guard let s = order.value, let method = OrderConstant.Method(rawValue: method),
              let shard = try? ShardSpec(parsing: shard) else { return nil }
        return OrderConstant(
            order: s, method: method, lowerAlpha: lowerAlpha, upperAlpha: upperAlpha,
            incumbent: Incumbent(alpha: lowerAlpha, support: support, signs: signs, witness: witness), complete: complete,
            upperBoundSource: upperBoundSource, lpsSolved: lpsSolved, naiveLPs: naiveLps, supportsSolved: supportsSolved,
            shard: shard, matrixDigest: matrixDigest, seconds: seconds)
    }

    /// The human-readable account.
    var text: String {
        let name = order.value.map { "ρ_\($0)" } ?? (method == "signed-lp" ? "ϱ(S, τ)" : "ρ_S")
        let signText = signs.map { $0 > 0 ? "+" : "-" }.joined()
        var lines: [String] = []
        if let value = constant.value {
            lines.append("\(name) = \(format(value))   (α = ρ/(1+ρ) = \(format(alpha.value ?? 0)))")
        } else {
            lines.append("\(name) ∈ [\(format(lower)), \(format(upper))]   (α ∈ [\(format(lowerAlpha)), \(format(upperAlpha))]; "
                + "not exact: \(upperBoundSource))")
        }
        if shard != "1/1" { lines.append("shard \(shard): covers only its slice of the supports; combine with 'nsp merge'") }
        if let holds = nspHolds.value {
            let what = order.value.map { "null space property of order \($0)" }
                ?? (method == "signed-lp" ? "sign-specific null space property for (S, τ)" : "null space property for S")
            lines.append("\(what): " + (holds ? "holds (< 1)" : "fails (≥ 1)"))
        }
        if !support.isEmpty {
            lines.append("\(constant.value == nil ? "lower bound " : "")attained at S = \(support), τ = \(signText)   (0-based)")
        }
        lines.append("method \(method); \(lpsSolved) LPs solved (naive: \(String(format: "%.0f", naiveLps))); "
            + "\(String(format: "%.2f", seconds)) s")
        if let exact = exact.value {
            lines.append("exact re-verification: \(exact.verified ? "PROVEN" : "not proven")"
                + " ρ = \(exact.constant)")
            lines += exact.steps.map { "  • \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    private func format(_ x: Double, digits: Int = 9) -> String {
        x.isInfinite ? "∞" : String(format: "%.\(digits)g", x)
    }
}

/// The exact re-verification part of the report.
struct ExactReport: Codable {
    /// Whether the exact statements below are all proven.
    var verified: Bool
    /// ρ as "p/q" (or "inf").
    var constant: String
    var alpha: String
    var support: [Int]
    var signs: [Int]
    /// v ∈ ker A exactly, entries "p/q".
    var witness: [String]
    /// ‖v_S‖₁/‖v_{S^c}‖₁ from the exact witness.
    var witnessRatio: String
    /// For --order: the largest certified upper bound (α units, rounded up) over all pruned supports.
    var certifiedUpperAlpha: Nullable<Double> = Nullable(nil)
    var steps: [String]

    init(_ result: ExactSupportConstant) {
        verified = result.verified
        constant = result.value?.description ?? "inf"
        alpha = result.alpha.description
        support = result.support
        signs = result.signs
        witness = result.witness.map(\.description)
        witnessRatio = result.witnessRatio?.description ?? "inf"
        steps = result.steps
    }

    init(_ certificate: ExactOrderCertificate) {
        self.init(certificate.winner)
        verified = certificate.isProven
        certifiedUpperAlpha = Nullable(certificate.certifiedUpperAlpha)
        steps += certificate.steps
    }
}

/// `nsp merge` reads reports back, so the `null`-writing optional of `BPCommand.swift` decodes too.
extension Nullable: Decodable where Value: Decodable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(container.decodeNil() ? nil : try container.decode(Value.self))
    }
}

// MARK: - Input

/// Loads and checks the matrix of a matrix file or of a JSON problem file (its "A").
private func loadNullSpaceMatrix(_ path: String) throws -> NullSpaceMatrix {
    let exact: Matrix<Rational>
    do { exact = try ProblemFile.loadMatrix(path) } catch {
        guard path.lowercased().hasSuffix(".json"), FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(error.description)
        }
        do { exact = try ProblemFile.load(path).matrix } catch let problemError {
            throw CommandFailure("\(path) is neither a JSON matrix (\(error.description)) nor a JSON problem file "
                + "(\(problemError.description))")
        }
    }
    return try library { () throws(NullSpacePropertyError) in try NullSpaceMatrix(exact: exact) }
}

/// Runs a library call, turning its error into the command's `Error: …` message.
private func library<T>(_ body: () throws(NullSpacePropertyError) -> T) throws -> T {
    do { return try body() } catch { throw CommandFailure(error.description) }
}

/// "0,4,7" → [0, 4, 7].
private func parseIndices(_ text: String) throws -> [Int] {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    return try parts.map { part in
        guard let index = Int(part.trimmingCharacters(in: .whitespaces)), index >= 0 else {
            throw CommandFailure("--support: '\(part)' is not a 0-based column index (write e.g. --support 0,4,7)")
        }
        return index
    }
}

/// "+-+" or "1,-1,1" → [1, −1, 1].
private func parseSigns(_ text: String, count: Int) throws -> [Int] {
    let signs: [Int]
    if text.contains(",") {
        signs = try text.split(separator: ",").map { part in
            switch part.trimmingCharacters(in: .whitespaces) {
            case "1", "+1", "+": 1
            case "-1", "-": -1
            default: throw CommandFailure("--signs: '\(part)' is not +1 or -1")
            }
        }
    } else {
        signs = try text.map { character in
            switch character {
            case "+": 1
            case "-": -1
            default: throw CommandFailure("--signs: '\(character)' is not + or - (write e.g. --signs +-+)")
            }
        }
    }
    guard signs.count == count else {
        throw CommandFailure("--signs gives \(signs.count) signs for \(count) support indices; give one per index")
    }
    return signs
}

// MARK: - Progress

/// A one-line progress bar on stderr (only when stderr is a terminal): phase, percentage, LPs, rate, ETA,
/// and the current lower bound on α.
final class ProgressBar: Sendable {
    private let enabled: Bool
    private struct State {
        var lastDraw: ContinuousClock.Instant?
        var drawn = false
        var phase = ""
        var phaseStart = ContinuousClock.now
    }
    private let state = Mutex(State())

    init(enabled: Bool) { self.enabled = enabled }

    var callback: (@Sendable (SearchProgress) -> Void)? {
        guard enabled else { return nil }
        return { [self] progress in draw(progress) }
    }

    private func draw(_ progress: SearchProgress) {
        let now = ContinuousClock.now
        let phaseStart: ContinuousClock.Instant? = state.withLock { state in
            if state.phase != progress.phase { (state.phase, state.phaseStart) = (progress.phase, now) }
            if let last = state.lastDraw, now - last < .milliseconds(200), progress.done < progress.total { return nil }
            state.lastDraw = now
            state.drawn = true
            return state.phaseStart
        }
        guard let phaseStart else { return }
        let fraction = progress.total > 0 ? Double(progress.done) / Double(progress.total) : 0
        let width = 24, filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let rate = progress.seconds > 0 ? Double(progress.lpsSolved) / progress.seconds : 0
        // The ETA extrapolates the current phase's own pace.
        let elapsed = phaseStart.elapsedSeconds
        let eta = fraction > 0 && elapsed > 0 ? elapsed * (1 - fraction) / fraction : .nan
        let phase = progress.phase.padding(toLength: 10, withPad: " ", startingAt: 0)
        let etaText = eta.isFinite ? String(format: "%.0fs", eta) : "?"
        let line = "\r\(phase) [\(bar)] " + String(format: "%3.0f%%  %d LPs  %.0f LP/s", fraction * 100, progress.lpsSolved, rate)
            + "  ETA \(etaText)  " + String(format: "α ≥ %.6f ", progress.lowerAlpha)
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Ends the bar's line.
    func finish() {
        if enabled, state.withLock({ $0.drawn }) { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

extension ContinuousClock.Instant {
    fileprivate var elapsedSeconds: Double {
        let (seconds, attoseconds) = (ContinuousClock.now - self).components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
