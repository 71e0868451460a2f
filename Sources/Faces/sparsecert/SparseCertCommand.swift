import ArgumentParser

/// The `sparsecert` command-line tool: a thin face over the library — parse, call, print.
///
/// Conventions every subcommand follows:
/// - Human-readable output on stdout by default; `--json` prints one JSON document instead, with
///   snake_case keys that stay stable across versions, 0-based indices, exact values as "p/q" strings.
/// - Progress and diagnostics go to stderr, never into the JSON.
/// - Invalid input or an impossible request prints `Error: <what to fix>` on stderr and exits non-zero
///   (64 for bad command-line usage, 1 for everything else); a computed answer whose requested claim is
///   not proven exits 3 (`ExitStatus`).
@main
struct SparseCertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sparsecert",
        abstract: "Certified sparse recovery and implicit ℓ1-regularization.",
        discussion: """
            Solves basis pursuit through GLPK and proves the answer in exact arithmetic, computes null space \
            property constants, and finds where gradient flow on diagonal linear networks ends.
            Run 'sparsecert help <subcommand>' for the options of each subcommand.

            \(ExitStatus.summary)
            """,
        version: "0.1.0",
        subcommands: [
            DemoCommand.self, GenerateCommand.self, LPCommand.self, BPCommand.self, NSPCommand.self,
            FlowCommand.self, CertifyCommand.self, VerifyCommand.self, SweepCommand.self,
            PhaseCommand.self,
        ])
}
