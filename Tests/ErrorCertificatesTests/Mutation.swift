import ExactArithmetic

@testable import ErrorCertificates

/// One mutant of a JSON document: where, what, and the text.
struct Mutation {
    let path: String
    let what: String
    let text: String

    /// JSON text of a tree; `duplicate` adds, in the object at that path, a second copy of its first key with
    /// the value `1`.
    static func render(_ value: StrictJSON.Value, path: String = "", duplicate: String? = nil) -> String {
        switch value {
        case let .object(members):
            var parts = members.keys.sorted().map { key in
                "\(quote(key)): "
                    + render(members[key]!, path: path.isEmpty ? key : path + "." + key, duplicate: duplicate)
            }
            if path == duplicate, let first = members.keys.sorted().first { parts.append("\(quote(first)): 1") }
            return "{" + parts.joined(separator: ", ") + "}"
        case let .array(items):
            return "["
                + items.enumerated().map { render($1, path: path + "[\($0)]", duplicate: duplicate) }
                .joined(separator: ", ") + "]"
        case let .string(text): return quote(text)
        case let .number(number): return "\(number)"
        case let .bool(flag): return "\(flag)"
        case .null: return "null"
        }
    }

    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Every mutant of `tree` (see CertificateFuzzTests).
    static func mutants(of tree: StrictJSON.Value) -> [Mutation] {
        var result: [Mutation] = []
        func visit(_ value: StrictJSON.Value, _ path: String, _ replace: (StrictJSON.Value) -> StrictJSON.Value) {
            func add(_ what: String, _ changed: StrictJSON.Value) {
                guard changed != value else { return }  // not a mutation (0·(1 + 2⁻³⁰) = 0)
                result.append(Mutation(path: path, what: what, text: render(replace(changed))))
            }
            switch value {
            case let .object(members):
                result.append(Mutation(path: path, what: "duplicate key", text: render(tree, duplicate: path)))
                var extended = members
                extended["unknown_field"] = .number(1)
                add("unknown member", .object(extended))
                for key in members.keys.sorted() {
                    var reduced = members
                    reduced[key] = nil
                    add("without \(key)", .object(reduced))
                    let inner = path.isEmpty ? key : path + "." + key
                    visit(members[key]!, inner) { changed in
                        var copy = members
                        copy[key] = changed
                        return replace(.object(copy))
                    }
                }
            case let .array(items):
                if !items.isEmpty { add("last element dropped", .array(Array(items.dropLast()))) }
                if let last = items.last { add("last element repeated", .array(items + [last])) }
                for index in items.indices {
                    visit(items[index], path + "[\(index)]") { changed in
                        var copy = items
                        copy[index] = changed
                        return replace(.array(copy))
                    }
                }
            case let .number(x):
                add("+1", .number(x + 1))
                add("×(1 + 2⁻³⁰)", .number(x * (1 + 0x1p-30)))
                if x != 0 { add("negated", .number(-x)); add("zeroed", .number(0)) }
                add("as a string", .string("\(x)"))
            case let .string(text):
                if let r = Rational(text) {
                    add("+1", .string((r + 1).description))
                    if r != .zero { add("doubled", .string((r * 2).description)) }
                } else {
                    add("edited", .string(text + "!"))
                }
                add("as a number", .number(1))
            case let .bool(flag):
                add("flipped", .bool(!flag))
            case .null:
                add("as a number", .number(0))
            }
        }
        visit(tree, "") { $0 }
        return result
    }
}
