import ArgumentParser

#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Darwin)
    @preconcurrency import Darwin
#endif

/// The `sparsecert` command-line tool: a thin face over the library — parse, call, print.
///
/// Conventions every subcommand follows:
/// - Human-readable output on stdout by default; `--json` prints one JSON document instead, with
///   snake_case keys that stay stable across versions, 0-based indices, exact values as "p/q" strings.
/// - Progress and diagnostics go to stderr, never into the JSON.
/// - Invalid input or an impossible request prints `Error: <what to fix>` on stderr and exits non-zero
///   (64 for bad command-line usage, 1 for everything else); a computed answer whose requested claim is
///   not proven exits 3 (`ExitStatus`).
/// - Output cannot be lost silently: when standard output cannot be written (a full disk, `/dev/full`, a
///   closed pipe) the command says so on stderr and exits 1, whatever it computed; files are written by
///   `OutputFile`; JSON follows `JSONOutput` (no "inf" strings: `null` plus a `non_finite` map).
@main
struct SparseCertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sparsecert",
        abstract: "Certified sparse recovery and implicit ℓ1-regularization.",
        discussion: """
            Solves basis pursuit through GLPK and proves the answer in exact arithmetic, computes null space \
            property constants, and finds where gradient flow on diagonal linear networks ends.
            Run 'sparsecert help <subcommand>' for the options of each subcommand.

            \(ExitStatus.summary) A failed write to standard output or to a file exits 1 with a message.

            JSON: every number is a JSON number; an infinite or NaN value is null, and the document's \
            top-level "non_finite" object maps its JSON Pointer to "inf", "-inf" or "nan".
            """,
        version: "0.1.0",
        subcommands: [
            DemoCommand.self, GenerateCommand.self, LPCommand.self, BPCommand.self, NSPCommand.self,
            FlowCommand.self, CertifyCommand.self, VerifyCommand.self, SweepCommand.self,
            PhaseCommand.self,
        ])

    /// Runs the command like `ParsableCommand.main()`, with standard output checked at exit: SIGPIPE is
    /// ignored, so that a closed pipe is a write error (EPIPE) instead of a silent death, and the final
    /// flush of stdout is checked before the process exits.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        atexit { StandardOutput.checkAtExit() }
        main(nil)
    }
}

/// The check that what a command printed reached standard output.
enum StandardOutput {
    /// Flushes stdout; when that fails, or an earlier write failed, prints `Error: …` on stderr and ends the
    /// process with status 1 (runs from `atexit`, before the C library closes the streams).
    static func checkAtExit() {
        let flushed = fflush(stdout) == 0
        let code = errno
        guard !flushed || ferror(stdout) != 0 else { return }
        let reason = flushed ? "an earlier write failed" : String(cString: strerror(code))
        let message = "Error: cannot write to standard output (\(reason)): the output is incomplete\n"
        _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
        _exit(1)
    }
}
