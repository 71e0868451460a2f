import ExactArithmetic

/// One field of a line of text, with the place where it starts.
struct TextField {
    /// The field's text, without surrounding white space.
    let text: Substring
    /// 1-based line number.
    let line: Int
    /// 1-based column (in characters) of the field's first character.
    let column: Int

    var location: FileLocation { .lineColumn(line: line, column: column) }
}

/// Splits text into lines of fields, the common ground of the CSV and Matrix Market readers.
enum TextLines {
    /// The lines of `text` (`\n`, `\r\n` or `\r` line ends) with their 1-based numbers.
    static func numbered(_ text: String) -> [(number: Int, content: Substring)] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .enumerated().map { index, line in (index + 1, line) }
    }

    /// The fields of one line: separated by commas when the line has one (empty fields are kept, so that
    /// `1,,2` can be reported), by runs of white space otherwise.
    static func fields(of line: Substring, number: Int) -> [TextField] {
        var fields: [TextField] = []
        if line.contains(",") {
            var start = line.startIndex
            var column = 1
            while true {
                let end = line[start...].firstIndex(of: ",") ?? line.endIndex
                let raw = line[start..<end]
                let leading = raw.prefix(while: \.isWhitespace).count
                let trailing = raw.dropFirst(leading).reversed().prefix(while: \.isWhitespace).count
                fields.append(TextField(text: raw.dropFirst(leading).dropLast(trailing), line: number, column: column + leading))
                guard end < line.endIndex else { break }
                column += raw.count + 1
                start = line.index(after: end)
            }
            return fields
        }
        var column = 1
        var index = line.startIndex
        while index < line.endIndex {
            if line[index].isWhitespace {
                index = line.index(after: index)
                column += 1
                continue
            }
            let end = line[index...].firstIndex(where: \.isWhitespace) ?? line.endIndex
            let token = line[index..<end]
            fields.append(TextField(text: token, line: number, column: column))
            column += token.count
            index = end
        }
        return fields
    }

    /// The number a field holds (see ``NumberText``), or an error naming its place in `path`.
    static func number(_ field: TextField, path: String?) throws(ProblemDataError) -> Rational {
        guard !field.text.isEmpty else {
            throw ProblemDataError(path: path, location: field.location, "an empty field where a number was expected")
        }
        switch NumberText.value(of: field.text) {
        case let .success(value): return value
        case let .failure(reason): throw ProblemDataError(path: path, location: field.location, reason.text)
        }
    }

    /// The number a field holds, as a reader stores it, or an error naming its place in `path`.
    static func value(_ field: TextField, path: String?) throws(ProblemDataError) -> NumberValue {
        guard !field.text.isEmpty else {
            throw ProblemDataError(path: path, location: field.location, "an empty field where a number was expected")
        }
        let value = NumberText.number(of: field.text)
        if case let .failure(reason) = value { throw ProblemDataError(path: path, location: field.location, reason) }
        return value
    }
}
