import ArgumentParser
import Foundation

/// The `--json` flag every subcommand offers.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print one JSON document (snake_case keys, 0-based indices) instead of text.")
    var json = false
}

/// Prints an encodable value as the JSON document of a command.
///
/// Keys are converted to snake_case and sorted, so scripts can rely on them; doubles that are not finite
/// are written as the strings "inf", "-inf" and "nan".
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// A failure the tool reports as `Error: <message>` with exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
