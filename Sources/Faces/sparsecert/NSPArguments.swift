import ArgumentParser
import Foundation
import NullSpaceProperty
import ScaleOut

/// `--shard k/N`: parsed by ScaleOut (1 ≤ k ≤ N).
extension ShardSpec: ExpressibleByArgument {
    /// Parses "k/N"; `nil` (argument-parser then names the option and its `k/N` form) when malformed.
    public init?(argument: String) {
        guard let shard = try? ShardSpec(parsing: argument) else { return nil }
        self = shard
    }
}

/// `--method` of `nsp --order`.
enum NSPMethod: String, ExpressibleByArgument, CaseIterable {
    case bnb, naive, milp, bounds
}

/// A sign pattern τ on the command line: `+-+` or `1,-1,1` (also `+1`).
struct SignList: ExpressibleByArgument, Hashable {
    /// ±1 values.
    let signs: [Int]

    /// Parses the text; `nil` for anything but + and − characters or a comma list of ±1.
    init?(argument: String) {
        let values: [Int?] =
            argument.contains(",")
            ? argument.split(separator: ",", omittingEmptySubsequences: false).map { part in
                switch part.trimmingCharacters(in: .whitespaces) {
                case "1", "+1", "+": 1
                case "-1", "-": -1
                default: nil
                }
            }
            : argument.map { $0 == "+" ? 1 : ($0 == "-" ? -1 : nil) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else { return nil }
        signs = values.compactMap { $0 }
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// A support S on the command line: 0-based column indices `0,4,7`.
struct IndexList: ExpressibleByArgument, Hashable {
    /// The indices, as given.
    let indices: [Int]

    /// Parses the text; `nil` unless it is a comma list of non-negative integers.
    init?(argument: String) {
        let values = argument.split(separator: ",", omittingEmptySubsequences: false)
            .map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ ($0 ?? -1) >= 0 }) else { return nil }
        indices = values.compactMap { $0 }
    }
}
