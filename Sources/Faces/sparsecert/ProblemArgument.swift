import ArgumentParser
import ProblemData

/// The PROBLEM argument of the commands that take a whole problem (A and y).
struct ProblemArgument: ParsableArguments {
    @Argument(help: """
        Problem file: JSON {"A": …, "y": …} with numbers or exact strings like "1/3", or a matrix file \
        (CSV, .mtx, .npy) with its y beside it (see docs/problem-files.md).
        """)
    var problem: String

    /// Reads the file; a malformed one becomes `Error: <where and what>`.
    func load() throws -> Problem {
        do { return try ProblemFile.load(problem) } catch { throw CommandFailure(error.description) }
    }
}
