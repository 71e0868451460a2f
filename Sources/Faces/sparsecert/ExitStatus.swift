import ArgumentParser

/// The exit statuses every `sparsecert` command uses, documented in `sparsecert --help`.
///
/// | status | meaning |
/// |---|---|
/// | 0 | the answer was computed and every claim printed with it holds (every proof that was asked for passed) |
/// | 1 | invalid input or an impossible request: `Error: …` on stderr says what to fix; nothing was claimed |
/// | 3 | an answer was computed, but a claim that was asked for is not proven: undecided in floating point, a requested exact proof failed, or (for `verify`) a certificate was rejected |
/// | 64 | bad command-line usage (argument-parser) |
enum ExitStatus {
    /// Status 3: an answer is printed, but a requested claim is undecided or its check failed.
    static let notProven = ExitCode(3)

    /// The text `sparsecert --help` shows about exit statuses.
    static let summary = """
        Exit status: 0 when the answer and every claim printed with it hold; 1 for invalid input (the message \
        says what to fix); 3 when an answer was computed but a claim asked for is not proven (undecided, a \
        requested proof failed, a certificate rejected); 64 for bad command-line usage.
        """
}
