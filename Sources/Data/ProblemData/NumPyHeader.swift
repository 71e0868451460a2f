/// The Python-literal dictionary in an `.npy` header:
/// `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }`.
struct NumPyHeader {
    /// The dtype string, such as `<f8`.
    var descr = ""
    /// Whether the data are stored column after column.
    var fortranOrder = false
    /// The array's shape.
    var shape: [Int] = []
    /// Byte offsets of the values, for error messages.
    var descrOffset = 0, shapeOffset = 0

    /// Parses the header occupying `bytes` (indices are byte offsets in the file).
    /// - Throws: the byte offset of the first thing that is not a valid header.
    init(bytes: ArraySlice<UInt8>, path: String?) throws(ProblemDataError) {
        var index = bytes.startIndex
        func fail(_ reason: String) -> ProblemDataError {
            ProblemDataError(path: path, location: .byteOffset(index), "bad .npy header: \(reason)")
        }
        func skipSpace() {
            while index < bytes.endIndex, [0x20, 0x0A, 0x09, 0x0D].contains(bytes[index]) { index += 1 }
        }
        func expect(_ character: Character) throws(ProblemDataError) {
            skipSpace()
            guard index < bytes.endIndex, bytes[index] == character.asciiValue else {
                throw fail("expected '\(character)'")
            }
            index += 1
        }
        func peek(_ character: Character) -> Bool {
            skipSpace()
            return index < bytes.endIndex && bytes[index] == character.asciiValue
        }
        func string() throws(ProblemDataError) -> String {
            skipSpace()
            guard index < bytes.endIndex, bytes[index] == 0x27 || bytes[index] == 0x22 else {
                throw fail("expected a quoted string")
            }
            let quote = bytes[index]
            index += 1
            let start = index
            while index < bytes.endIndex, bytes[index] != quote { index += 1 }
            guard index < bytes.endIndex else { throw fail("unterminated string") }
            defer { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
        func word() -> String {
            skipSpace()
            let start = index
            while index < bytes.endIndex,
                Character(UnicodeScalar(bytes[index])).isLetter || Character(UnicodeScalar(bytes[index])).isNumber
            { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        var seen = Set<String>()
        try expect("{")
        while !peek("}") {
            let key = try string()
            try expect(":")
            switch key {
            case "descr":
                skipSpace()
                descrOffset = index
                if peek("[") {
                    throw fail("a structured (record) dtype is not a numeric array: save a plain real array")
                }
                descr = try string()
            case "fortran_order":
                switch word() {
                case "True": fortranOrder = true
                case "False": fortranOrder = false
                default: throw fail("fortran_order must be True or False")
                }
            case "shape":
                skipSpace()
                shapeOffset = index
                try expect("(")
                var commas = 0
                while !peek(")") {
                    guard let size = Int(word()), size >= 0 else {
                        throw fail("expected a non-negative integer in the shape")
                    }
                    shape.append(size)
                    if !peek(")") { try expect(","); commas += 1 }
                }
                // (3) is the integer 3 in Python, not a tuple: NumPy refuses it.
                guard shape.count != 1 || commas == 1 else {
                    throw fail("the shape must be a tuple like (3,), not (3)")
                }
                try expect(")")
            default:
                throw fail("unexpected key '\(key)'")
            }
            seen.insert(key)
            if !peek("}") { try expect(",") }
        }
        for key in ["descr", "fortran_order", "shape"] where !seen.contains(key) {
            throw fail("the key '\(key)' is missing")
        }
    }
}
