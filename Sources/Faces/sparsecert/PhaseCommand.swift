import ArgumentParser
import Foundation
import PhaseTransitions
import ProblemData
import ScaleOut

/// `sparsecert phase`: Donoho–Tanner phase diagrams of basis pursuit and of gradient flow.
struct PhaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phase",
        abstract: "Phase diagrams: how often basis pursuit (and gradient flow by depth and α) recovers x₀ over (δ, ρ).",
        discussion: """
            For every cell (δ, ρ): m = round(δ·n), s = max(1, round(ρ·m)), and T instances A, x₀, y = A x₀ \
            (+ noise) drawn reproducibly from (seed, n, m, s, trial). Basis pursuit recovers x₀ when \
            ‖x̂ − x₀‖₂ ≤ 1e-6·‖x₀‖₂ (--threshold; with --exact: x̂ = x₀ proven exactly, and unique). \
            The theoretical curve is \
            m = n·ψ(s/n), ψ the statistical dimension of the ℓ1 descent cone (Amelunxen–Lotz–McCoy–Tropp). \
            'phase merge' combines --shard runs; 'phase theory' prints ψ and its curve.
            """,
        subcommands: [PhaseRunCommand.self, PhaseMergeCommand.self, PhaseTheoryCommand.self],
        defaultSubcommand: PhaseRunCommand.self)
}

/// `sparsecert phase --columns N --deltas … --rhos … --trials T --seed S …`.
struct PhaseRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Compute a phase diagram.",
        discussion: """
            Lists are written 0.25,0.5,0.75 or START:STOP:COUNT (evenly spaced; logarithmically for --alphas). \
            Examples:
              sparsecert phase --columns 100 --deltas 0.1:0.9:9 --rhos 0.05:0.95:19 --trials 20 --seed 1 --plot bp.svg
              sparsecert phase --columns 100 --deltas 0.1:0.9:9 --rhos 0.05:0.95:19 --trials 20 --seed 1 \\
                  --depths 2,3 --alphas 1e-3 --json > diagram.json
              sparsecert phase … --shard 2/4 --checkpoint part2.ckpt --json > part2.json
            """)

    @Option(help: "n, the signal length.")
    var columns: Int

    @Option(help: ArgumentHelp("δ = m/n values in (0, 1].", valueName: "LIST|START:STOP:COUNT"))
    var deltas: String

    @Option(help: ArgumentHelp("ρ = s/m values in (0, 1].", valueName: "LIST|START:STOP:COUNT"))
    var rhos: String

    @Option(help: "T, instances per cell (≥ 1).")
    var trials: Int

    @Option(help: "The seed of the instance stream.")
    var seed: UInt64

    @Option(help: "The measurement ensemble: gaussian, rademacher or dct.")
    var ensemble = "gaussian"

    @Option(help: ArgumentHelp("η ≥ 0: add η·g (g standard normal) to y.", valueName: "ETA"))
    var noise = 0.0

    @Option(
        help: ArgumentHelp("Depths D ≥ 2 of diagonal networks whose flow limits are also judged.", valueName: "LIST"))
    var depths: String?

    @Option(help: ArgumentHelp("Scales α > 0 (product convention) for --depths.", valueName: "LIST|START:STOP:COUNT"))
    var alphas: String?

    @Flag(help: "Prove every BP recovery exactly (x̂ = x₀ and unique, in rational arithmetic).")
    var exact = false

    @Option(
        help: ArgumentHelp(
            "Recovered iff ‖x − x₀‖₂ ≤ THRESHOLD·‖x₀‖₂, for BP and every flow limit.", valueName: "THRESHOLD"))
    var threshold = 1e-6

    @Option(help: ArgumentHelp("Write one CSV line per cell and method here.", valueName: "FILE"))
    var csv: String?

    @Option(help: ArgumentHelp("Write the SVG heatmap here.", valueName: "FILE"))
    var plot: String?

    @Option(
        help: ArgumentHelp(
            "Compute only the cells c with c mod K = k − 1 (combine with 'phase merge').", valueName: "k/K"))
    var shard: String?

    @Option(help: ArgumentHelp("Save finished cells to FILE and resume from it if it exists.", valueName: "FILE"))
    var checkpoint: String?

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    @Flag(help: "No progress bar on stderr.")
    var quiet = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        let grid = try makeGrid()
        var options = PhaseRunOptions()
        if let threads {
            guard threads >= 1 else { throw CommandFailure("--threads must be at least 1, not \(threads)") }
            options.threads = threads
        }
        if let shard {
            options.shard = try PhaseRunOptions.shard(parsing: shard)
        }
        options.checkpointPath = checkpoint
        let bar = ProgressBar(enabled: !quiet)
        options.progress = { progress in
            bar.update(phase: "phase", done: progress.cellsDone, total: progress.cellsTotal) {
                let rate = progress.seconds > 0 ? Double(progress.instancesSolved) / progress.seconds : 0
                return String(
                    format: "%d/%d cells  %d instances  %.0f/s", progress.cellsDone, progress.cellsTotal,
                    progress.instancesSolved, rate)
            }
        }
        let interrupts = InterruptHandler()
        defer { interrupts.uninstall() }
        options.stop = interrupts.stop
        let result = try PhaseDiagram.run(grid, options: options)
        bar.finish()
        try writePhaseOutputs(result, json: output.json, csv: csv, plot: plot)
        if let status = interrupts.exitStatus {
            FileHandle.standardError.write(
                Data(
                    ("interrupted: \(result.cells.count) of the shard's cells are finished"
                        + (checkpoint == nil
                            ? "" : " and saved to \(checkpoint ?? ""); rerun the same command to resume") + "\n").utf8))
            throw ExitCode(status)
        }
    }

    private func makeGrid() throws(PhaseTransitionError) -> PhaseGrid {
        guard let kind = MeasurementEnsemble(rawValue: ensemble) else {
            throw PhaseTransitionError("--ensemble must be gaussian, rademacher or dct, not '\(ensemble)'")
        }
        let grid = PhaseGrid(
            columns: columns, deltas: try ValueList.parse(deltas, name: "--deltas", spacing: .linear),
            rhos: try ValueList.parse(rhos, name: "--rhos", spacing: .linear), trials: trials, seed: seed,
            ensemble: kind,
            noise: noise,
            depths: try depths.map { text throws(PhaseTransitionError) in try ValueList.integers(text, name: "--depths")
            } ?? [],
            alphas: try alphas.map { text throws(PhaseTransitionError) in
                try ValueList.parse(text, name: "--alphas", spacing: .logarithmic)
            } ?? [],
            exact: exact, threshold: threshold)
        try grid.validate()
        return grid
    }
}

/// `sparsecert phase merge FILES…`.
struct PhaseMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the --json results of 'phase … --shard k/K' for k = 1 … K into the whole diagram.",
        discussion: """
            Every file must be of the same grid and K, each shard exactly once and finished; the merged \
            diagram is cell by cell the one an unsharded run computes.
            """)

    @Argument(help: "The shard results (JSON written with --json).")
    var files: [String] = []

    @Option(help: ArgumentHelp("Write one CSV line per cell and method here.", valueName: "FILE"))
    var csv: String?

    @Option(help: ArgumentHelp("Write the SVG heatmap here.", valueName: "FILE"))
    var plot: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        guard !files.isEmpty else { throw CommandFailure("name the shard result files to merge") }
        let parts = try files.map { file throws(PhaseTransitionError) in try PhaseDiagramResult.read(path: file) }
        let merged = try PhaseDiagramResult.merging(parts)
        try writePhaseOutputs(merged, json: output.json, csv: csv, plot: plot)
    }
}
