import Foundation

/// Parsing of the value lists of a phase diagram: `0.25,0.5,0.75` or a range `START:STOP:COUNT`.
public enum ValueList {
    /// How the points of a `START:STOP:COUNT` range are spaced.
    public enum Spacing: Sendable, Hashable {
        /// START + k·(STOP − START)/(COUNT − 1) (δ and ρ).
        case linear
        /// Evenly spaced in log₁₀ (α, as in `sparsecert sweep`).
        case logarithmic
    }

    /// The values of `text`: a comma-separated list, or `START:STOP:COUNT` with COUNT ≥ 2 points from START
    /// to STOP inclusive (COUNT = 1 gives START alone).
    ///
    /// - Parameters:
    ///   - text: the list as typed.
    ///   - name: the option it came from, for messages (e.g. `--deltas`).
    ///   - spacing: how ranges are spaced.
    /// - Throws: ``PhaseTransitionError`` when the text is empty, a value is not a finite number, or a
    ///   logarithmic range has a non-positive end.
    /// - Complexity: O(length of text + COUNT).
    public static func parse(_ text: String, name: String, spacing: Spacing) throws(PhaseTransitionError) -> [Double] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw PhaseTransitionError("\(name) is empty: give values like 0.25,0.5,0.75 or a range START:STOP:COUNT")
        }
        if trimmed.contains(":") { return try range(trimmed, name: name, spacing: spacing) }
        var values: [Double] = []
        for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let item = part.trimmingCharacters(in: .whitespaces)
            guard let value = Double(item), value.isFinite else {
                throw PhaseTransitionError("\(name): '\(item)' is not a number (write e.g. \(name) 0.25,0.5,0.75)")
            }
            values.append(value)
        }
        return values
    }

    private static func range(_ text: String, name: String, spacing: Spacing) throws(PhaseTransitionError) -> [Double] {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard parts.count == 3, let start = Double(parts[0]), let stop = Double(parts[1]), let count = Int(parts[2]),
            start.isFinite, stop.isFinite
        else {
            throw PhaseTransitionError("\(name): '\(text)' is not a range START:STOP:COUNT (e.g. 0.1:0.9:9)")
        }
        guard (1...100_000).contains(count) else {
            throw PhaseTransitionError("\(name): the range needs a COUNT between 1 and 100000, not \(count)")
        }
        guard count > 1 else { return [start] }
        switch spacing {
        case .linear:
            // Rounded to 12 significant digits, so that 0.1:0.9:9 gives 0.3 and not 0.30000000000000004.
            return (0..<count).map { tidy(start + (stop - start) * Double($0) / Double(count - 1)) }
        case .logarithmic:
            guard start > 0, stop > 0 else {
                throw PhaseTransitionError("\(name): a logarithmic range needs positive ends, not '\(text)'")
            }
            let a = log10(start)
            let b = log10(stop)
            return (0..<count).map { pow(10, a + (b - a) * Double($0) / Double(count - 1)) }
        }
    }

    /// `value` rounded to 12 significant digits.
    static func tidy(_ value: Double) -> Double {
        guard value != 0 else { return 0 }
        let scale = pow(10, 11 - floor(log10(abs(value))))
        return (value * scale).rounded() / scale
    }

    /// The integers of a comma-separated list such as `2,3,4`.
    /// - Throws: ``PhaseTransitionError`` when the list is empty or an item is not an integer.
    public static func integers(_ text: String, name: String) throws(PhaseTransitionError) -> [Int] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw PhaseTransitionError("\(name) is empty: give integers like 2,3,4")
        }
        var values: [Int] = []
        for item in items {
            guard let value = Int(item) else {
                throw PhaseTransitionError("\(name): '\(item)' is not an integer (e.g. \(name) 2,3,4)")
            }
            values.append(value)
        }
        return values
    }
}
