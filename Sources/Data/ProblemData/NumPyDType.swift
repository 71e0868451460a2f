/// A real numeric NumPy dtype, as NumPy itself reads a descr string (`'<f8'`, `'>i4'`, `'|b1'`,
/// `'float64'`, `'d'`, `'=f8'`…; `=` and no prefix mean little-endian, the native order of every
/// platform SparseCert runs on).
struct NumPyDType: Sendable, Hashable {
    /// How the bytes of one value are read.
    enum Kind: Sendable, Hashable { case float, signed, unsigned, bool }

    /// What a value is.
    let kind: Kind
    /// Bytes per value.
    let size: Int
    /// Whether the bytes are big-endian.
    let bigEndian: Bool

    private static let letters: [Character: (Kind, Int)] = [
        "d": (.float, 8), "f": (.float, 4), "e": (.float, 2), "b": (.signed, 1), "B": (.unsigned, 1),
        "h": (.signed, 2), "H": (.unsigned, 2), "i": (.signed, 4), "I": (.unsigned, 4), "l": (.signed, 8),
        "L": (.unsigned, 8), "q": (.signed, 8), "Q": (.unsigned, 8), "p": (.signed, 8), "P": (.unsigned, 8),
        "?": (.bool, 1),
    ]

    private static let names: [String: (Kind, Int)] = [
        "float64": (.float, 8), "double": (.float, 8), "float": (.float, 8), "float32": (.float, 4),
        "single": (.float, 4), "float16": (.float, 2), "half": (.float, 2), "int8": (.signed, 1),
        "byte": (.signed, 1), "int16": (.signed, 2), "short": (.signed, 2), "int32": (.signed, 4),
        "intc": (.signed, 4), "int64": (.signed, 8), "int": (.signed, 8), "long": (.signed, 8),
        "longlong": (.signed, 8), "intp": (.signed, 8), "int_": (.signed, 8), "uint8": (.unsigned, 1),
        "ubyte": (.unsigned, 1), "uint16": (.unsigned, 2), "ushort": (.unsigned, 2), "uint32": (.unsigned, 4),
        "uintc": (.unsigned, 4), "uint64": (.unsigned, 8), "uint": (.unsigned, 8), "ulong": (.unsigned, 8),
        "ulonglong": (.unsigned, 8), "uintp": (.unsigned, 8), "bool": (.bool, 1), "bool_": (.bool, 1),
    ]

    /// The dtype a descr string names.
    /// - Throws: a reason naming the fix for complex, object, text, date and extended-precision dtypes and
    ///   for anything NumPy does not read either.
    init(descr: String) throws(ReasonText) {
        let fix = "save a real array, e.g. array.astype('<f8')"
        if let (kind, size) = Self.names[descr] {
            self.init(kind: kind, size: size, bigEndian: false)
            return
        }
        var body = Substring(descr)
        var bigEndian = false
        if let order = body.first, "<>=|".contains(order) {
            bigEndian = order == ">"
            body = body.dropFirst()
        }
        guard let code = body.first else { throw ReasonText("the dtype '\(descr)' is empty") }
        let sizeText = body.dropFirst()
        if sizeText.isEmpty, let (kind, size) = Self.letters[code] {
            self.init(kind: kind, size: size, bigEndian: bigEndian)
            return
        }
        if "cFDG".contains(code) || descr.hasPrefix("complex") || descr.hasPrefix("clongdouble") {
            throw ReasonText(
                "the dtype '\(descr)' is complex: SparseCert needs real data (\(fix), or split real and imaginary parts)"
            )
        }
        if code == "O" { throw ReasonText("the dtype '\(descr)' holds Python objects, which are not numbers: \(fix)") }
        if "SUaVMm".contains(code) {
            throw ReasonText("the dtype '\(descr)' is not numeric (text, bytes or dates): \(fix)")
        }
        if code == "g" || descr == "longdouble" || descr == "float128"
            || (code == "f" && ["12", "16"].contains(sizeText))
        {
            throw ReasonText(
                "the dtype '\(descr)' is extended precision, whose layout depends on the machine that wrote it: \(fix)")
        }
        let sized: [Character: (Kind, Set<Int>)] = [
            "f": (.float, [2, 4, 8]), "i": (.signed, [1, 2, 4, 8]), "u": (.unsigned, [1, 2, 4, 8]), "b": (.bool, [1]),
        ]
        guard let (kind, sizes) = sized[code], let size = Int(sizeText), sizes.contains(size) else {
            throw ReasonText("the dtype '\(descr)' is not a NumPy dtype SparseCert knows: \(fix)")
        }
        self.init(kind: kind, size: size, bigEndian: bigEndian)
    }

    private init(kind: Kind, size: Int, bigEndian: Bool) {
        self.kind = kind
        self.size = size
        self.bigEndian = bigEndian
    }
}
