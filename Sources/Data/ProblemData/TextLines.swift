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
    /// - Complexity: O(text size), on UTF-8 bytes.
    static func numbered(_ text: String) -> [(number: Int, content: Substring)] {
        let bytes = text.utf8
        var lines: [(number: Int, content: Substring)] = []
        var start = bytes.startIndex, index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = bytes.index(after: index)
                continue
            }
            lines.append((lines.count + 1, Substring(bytes[start..<index])))
            index = bytes.index(after: index)
            if byte == 0x0D, index < bytes.endIndex, bytes[index] == 0x0A { index = bytes.index(after: index) }
            start = index
        }
        lines.append((lines.count + 1, Substring(bytes[start..<bytes.endIndex])))
        return lines
    }

    /// Whether a byte is ASCII white space (space, tab, vertical tab, form feed).
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// The fields of one line: separated by commas when the line has one (empty fields are kept, so that
    /// `1,,2` can be reported), by runs of white space otherwise. Columns count characters (code points).
    static func fields(of line: Substring, number: Int) -> [TextField] {
        let bytes = line.utf8
        let commas = bytes.contains(UInt8(ascii: ","))
        var fields: [TextField] = []
        var column = 1, index = bytes.startIndex
        func advance(_ index: inout Substring.UTF8View.Index, _ column: inout Int) {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index = bytes.index(after: index)
        }
        while true {
            while index < bytes.endIndex, isSpace(bytes[index]) { advance(&index, &column) }
            let (start, startColumn) = (index, column)
            var end = index
            while index < bytes.endIndex, commas ? bytes[index] != UInt8(ascii: ",") : !isSpace(bytes[index]) {
                advance(&index, &column)
                if !isSpace(bytes[bytes.index(before: index)]) { end = index }
            }
            if commas || start < end {
                fields.append(TextField(text: Substring(bytes[start..<end]), line: number, column: startColumn))
            }
            guard index < bytes.endIndex else { return fields }
            if commas { advance(&index, &column) }
        }
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
