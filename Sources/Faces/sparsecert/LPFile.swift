import DenseLinearAlgebra
import ExactArithmetic
import Foundation
import LinearProgramming
import ProblemData

/// Reads the `sparsecert lp` file format (SciPy `linprog`'s names) into an exact LP.
enum LPFile {
    /// One number of the file: a JSON number or a string with an exact value.
    struct Number: Decodable {
        let value: Rational
        init(from decoder: any Decoder) throws { value = try Rational(from: decoder) }
    }

    struct Contents: Decodable {
        var sense: String?
        var c: [Number]
        var A_ub: [[Number]]?
        var b_ub: [Number]?
        var A_eq: [[Number]]?
        var b_eq: [Number]?
        var bounds: Bounds?
        var integrality: [Int]?
    }

    /// One pair for all variables, or one per variable.
    enum Bounds: Decodable {
        case shared([Number?])
        case each([[Number?]])
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let each = try? container.decode([[Number?]].self) {
                self = .each(each)
            } else {
                self = .shared(try container.decode([Number?].self))
            }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func load(_ path: String) throws -> LinearProgram<Rational> {
        let data: Data
        do {
            data =
                path == "-"
                ? FileHandle.standardInput.readDataToEndOfFile()
                : try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Failure(description: "cannot read '\(path)': \((error as NSError).localizedDescription)")
        }
        do {
            try JSONSyntax.check(Array(data), path: path)
        } catch {
            throw Failure(description: error.description)
        }
        let contents: Contents
        do {
            contents = try JSONDecoder().decode(Contents.self, from: data)
        } catch let error as DecodingError {
            throw Failure(description: "\(path) is not a valid LP file: \(describe(error))")
        } catch {
            throw Failure(description: "\(path) is not a valid LP file: \(error)")
        }
        do {
            return try program(contents)
        } catch let failure as Failure {
            throw Failure(description: "\(path): \(failure.description)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func at(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "" : " at " + path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case let .dataCorrupted(context):
            let underlying = context.underlyingError.map { " (\($0))" } ?? ""
            return context.debugDescription + underlying + at(context.codingPath)
        case let .keyNotFound(key, context): return "the key \"\(key.stringValue)\" is missing\(at(context.codingPath))"
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return context.debugDescription + at(context.codingPath)
        @unknown default: return "\(error)"
        }
    }

    private static func program(_ contents: Contents) throws -> LinearProgram<Rational> {
        let n = contents.c.count
        guard n > 0 else { throw Failure(description: "\"c\" is empty: the LP needs at least one variable") }
        let direction: OptimizationDirection
        switch contents.sense?.lowercased() ?? "minimize" {
        case "min", "minimize": direction = .minimize
        case "max", "maximize": direction = .maximize
        case let other: throw Failure(description: "\"sense\" must be \"minimize\" or \"maximize\", not \"\(other)\"")
        }
        let pairs: [[Number?]]
        switch contents.bounds {
        case nil: pairs = Array(repeating: [Number(0), nil], count: n)
        case let .shared(pair): pairs = Array(repeating: pair, count: n)
        case let .each(list):
            guard list.count == n else {
                throw Failure(description: "\"bounds\" has \(list.count) pairs for \(n) variables")
            }
            pairs = list
        }
        if let integrality = contents.integrality, integrality.count != n {
            throw Failure(description: "\"integrality\" has \(integrality.count) entries for \(n) variables")
        }
        var lp = LinearProgram<Rational>(direction: direction)
        for j in 0..<n {
            guard pairs[j].count == 2 else { throw Failure(description: "bounds[\(j)] must be a pair [lower, upper]") }
            let bounds: LinearProgramming.Bounds<Rational> =
                switch (pairs[j][0]?.value, pairs[j][1]?.value) {
                case (nil, nil): .free
                case let (l?, nil): .atLeast(l)
                case let (nil, u?): .atMost(u)
                case let (l?, u?): l == u ? .fixed(l) : .between(l, u)
                }
            lp.addVariable(bounds: bounds, cost: contents.c[j].value, isInteger: (contents.integrality?[j] ?? 0) != 0)
        }
        try addRows(&lp, contents.A_ub, contents.b_ub, names: ("A_ub", "b_ub"), columns: n) { .atMost($0) }
        try addRows(&lp, contents.A_eq, contents.b_eq, names: ("A_eq", "b_eq"), columns: n) { .fixed($0) }
        return lp
    }

    private static func addRows(
        _ lp: inout LinearProgram<Rational>, _ matrix: [[Number]]?, _ rhs: [Number]?,
        names: (String, String), columns n: Int,
        bounds: (Rational) -> LinearProgramming.Bounds<Rational>
    ) throws {
        let rows = matrix ?? [], values = rhs ?? []
        guard rows.count == values.count else {
            throw Failure(
                description: "\"\(names.0)\" has \(rows.count) rows but \"\(names.1)\" has \(values.count) entries")
        }
        for (i, row) in rows.enumerated() {
            guard row.count == n else {
                throw Failure(description: "\(names.0)[\(i)] has \(row.count) entries; \"c\" has \(n)")
            }
            let terms = row.enumerated().filter { $0.element.value != .zero }.map {
                (column: $0.offset, coefficient: $0.element.value)
            }
            lp.addConstraint(terms, bounds(values[i].value))
        }
    }
}

extension LPFile.Number {
    init(_ value: Rational) { self.value = value }
}
