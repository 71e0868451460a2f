import ArgumentParser
import ProblemData

/// The PROBLEM argument group of every command that takes a whole problem (A and y): the file, the
/// observations file for a matrix file, and the format (needed for standard input).
struct ProblemArgument: ParsableArguments {
    @Argument(
        help: """
            Problem file: JSON {"A": …, "y": …} with numbers or exact strings like "1/3", NumPy .npz \
            (numpy.savez(f, A=A, y=y)), or a matrix file (CSV, .mtx, .npy) with its y beside it or in \
            --observations; any of them gzip-compressed (.gz); - reads standard input (give --format). \
            See docs/problem-files.md.
            """)
    var problem: String

    @Option(
        help: ArgumentHelp(
            "The file holding y, for a matrix file (it replaces the y of a problem file).",
            valueName: "FILE"))
    var observations: String?

    @Option(
        help: ArgumentHelp(
            "The format of PROBLEM: json, csv, mtx, npy or npz (default: from its extension).",
            valueName: "FORMAT"))
    var format: ProblemFormat?

    /// Reads the problem; a malformed file becomes `Error: <where and what>` (``ProblemDataError``'s text).
    func load() throws(ProblemDataError) -> Problem {
        try ProblemFile.load(problem, observations: observations, format: format)
    }
}

extension ProblemFormat: ExpressibleByArgument {}
