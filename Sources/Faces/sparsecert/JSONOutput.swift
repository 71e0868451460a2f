import ArgumentParser
import Foundation

/// The `--json` flag every subcommand offers.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print one JSON document (snake_case keys, 0-based indices) instead of text.")
    var json = false
}

/// The JSON every command writes, set up once.
///
/// Keys are converted to snake_case and sorted, so scripts can rely on them. Every number is a JSON
/// number, so `json.load` and NumPy read the document without surprises: a double that is infinite or NaN
/// is written as `null`, and the document then has a top-level key `non_finite` that maps the JSON
/// Pointer (RFC 6901) of each such value to `"inf"`, `"-inf"` or `"nan"`, e.g.
/// `{"non_finite": {"/rho": "inf"}, "rho": null}`. A document with only finite numbers has no `non_finite`.
/// A document that is an array (the `flow --trajectory` samples) has no place for the map: there a `null`
/// number is a non-finite value (a diverged run).
enum JSONOutput {
    /// Markers the encoder writes for non-finite doubles; replaced by `null` in the final text.
    private static let markers = [
        "inf": "sparsecert-non-finite:inf", "-inf": "sparsecert-non-finite:-inf",
        "nan": "sparsecert-non-finite:nan",
    ]

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: markers["inf"]!, negativeInfinity: markers["-inf"]!, nan: markers["nan"]!)
        return encoder
    }

    /// The JSON text of `value` under the convention above.
    /// - Throws: ``CommandFailure`` when the value cannot be encoded.
    static func data(_ value: some Encodable) throws -> [UInt8] {
        do {
            let plain = try encoder().encode(value)
            let found = try nonFinitePointers(in: plain)
            let isObject = plain.first(where: { $0 != 0x20 && $0 != 0x0A }) == UInt8(ascii: "{")
            let text =
                found.isEmpty || !isObject ? plain : try encoder().encode(Flagged(value: value, nonFinite: found))
            var result = String(decoding: text, as: UTF8.self)
            for marker in markers.values { result = result.replacingOccurrences(of: "\"\(marker)\"", with: "null") }
            return Array(result.utf8)
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw CommandFailure("cannot encode the JSON report: \(error)")
        }
    }

    /// The JSON Pointers of the marker strings in an encoded document, with what each stands for.
    private static func nonFinitePointers(in data: Data) throws -> [String: String] {
        guard data.range(of: Data("sparsecert-non-finite:".utf8)) != nil else { return [:] }
        var found: [String: String] = [:]
        func walk(_ node: Any, _ pointer: String) {
            if let object = node as? [String: Any] {
                for (key, child) in object {
                    walk(
                        child,
                        pointer + "/"
                            + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1"))
                }
            } else if let array = node as? [Any] {
                for (index, child) in array.enumerated() { walk(child, pointer + "/\(index)") }
            } else if let text = node as? String, let name = markers.first(where: { $0.value == text })?.key {
                found[pointer] = name
            }
        }
        walk(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]), "")
        return found
    }

    /// A document with the `non_finite` key added beside the value's own keys.
    private struct Flagged<Value: Encodable>: Encodable {
        let value: Value
        let nonFinite: [String: String]

        private enum Key: String, CodingKey { case nonFinite }

        func encode(to encoder: any Encoder) throws {
            try value.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(nonFinite, forKey: .nonFinite)
        }
    }
}

/// Prints an encodable value as the JSON document of a command (see ``JSONOutput``).
func printJSON(_ value: some Encodable) throws {
    print(String(decoding: try JSONOutput.data(value), as: UTF8.self))
}

/// A failure the tool reports as `Error: <message>` with exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// An optional that is written as JSON `null` instead of being left out.
struct Nullable<Value: Encodable>: Encodable {
    let value: Value?
    init(_ value: Value?) { self.value = value }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
