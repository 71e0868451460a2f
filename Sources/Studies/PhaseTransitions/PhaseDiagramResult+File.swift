import Foundation

extension PhaseDiagramResult {
    /// Reads a result written by `sparsecert phase … --json` (a shard or a whole grid).
    ///
    /// - Parameter path: the JSON file.
    /// - Throws: ``PhaseTransitionError`` naming the file and what is wrong with it: missing or unreadable,
    ///   not JSON, a missing or mistyped key.
    /// - Complexity: O(file size).
    public static func read(path: String) throws(PhaseTransitionError) -> PhaseDiagramResult {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            let missing = !FileManager.default.fileExists(atPath: path)
            throw PhaseTransitionError(missing ? "\(path) does not exist" : "\(path) cannot be read")
        }
        do { return try JSONDecoder().decode(PhaseDiagramResult.self, from: data) } catch {
            func place(_ context: DecodingError.Context) -> String {
                let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                return keys.isEmpty ? "the top level" : keys
            }
            let what =
                switch error as? DecodingError {
                case let .keyNotFound(key, context)?: "the key \"\(key.stringValue)\" is missing at \(place(context))"
                case let .typeMismatch(_, context)?, let .valueNotFound(_, context)?:
                    "the value at \(place(context)) has the wrong type"
                case let .dataCorrupted(context)? where !context.codingPath.isEmpty:
                    "the value at \(place(context)) is invalid"
                default: "it is not valid JSON"
                }
            throw PhaseTransitionError("\(path) is not a JSON result of 'sparsecert phase … --json': \(what)")
        }
    }
}
