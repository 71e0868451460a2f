import ArgumentParser
import Foundation
import NullSpaceProperty

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
        let reports = try files.map { file in
            try ShardReport.read(path: file)
        }
        let parts = try reports.map { report in
            try report.orderConstant()
        }
        let merged = try OrderConstant.merging(parts)
        let report = NSPReport(rows: reports[0].rows, columns: reports[0].columns, result: merged)
        if output.json { try printJSON(report) } else { print(report.text) }
    }
}
