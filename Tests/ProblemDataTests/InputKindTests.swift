import DenseLinearAlgebra
import ExactArithmetic
import Foundation
import ProblemData
import TestSupport
import Testing

/// The files NumPy and SciPy users have: every real `.npy` dtype, `.npz` archives, gzip, Matrix Market
/// fields, and NumPy's and Python's own strictness.
@Suite("input kinds")
struct InputKindTests {
    /// An `.npy` file: version, descr, shape text and the raw data bytes.
    static func npy(_ descr: String, shape: String, data: [UInt8], version: (UInt8, UInt8) = (1, 0)) -> [UInt8] {
        var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shape), }"
        header += String(repeating: " ", count: (64 - (10 + header.utf8.count + 1) % 64) % 64) + "\n"
        let length = header.utf8.count
        return [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, version.0, version.1, UInt8(length & 0xFF), UInt8(length >> 8)]
            + Array(header.utf8) + data
    }

    static func bytes<T: FixedWidthInteger>(_ values: [T], bigEndian: Bool = false) -> [UInt8] {
        values.flatMap { value in
            let ordered = bigEndian ? value.bigEndian : value.littleEndian
            return (0..<MemoryLayout<T>.size).map { UInt8(truncatingIfNeeded: ordered >> (8 * $0)) }
        }
    }

    struct DType: Sendable, CustomTestStringConvertible {
        let descr: String
        let data: [UInt8]
        let expected: [Rational]
        var testDescription: String { descr }
    }

    static let values: [Double] = [1.5, -2, 0.25]
    static let dtypes: [DType] = [
        DType(descr: "<f8", data: bytes(values.map(\.bitPattern)), expected: [Rational(3, 2), -2, Rational(1, 4)]),
        DType(
            descr: ">f8", data: bytes(values.map(\.bitPattern), bigEndian: true),
            expected: [Rational(3, 2), -2, Rational(1, 4)]),
        DType(descr: "float64", data: bytes(values.map(\.bitPattern)), expected: [Rational(3, 2), -2, Rational(1, 4)]),
        DType(descr: "d", data: bytes(values.map(\.bitPattern)), expected: [Rational(3, 2), -2, Rational(1, 4)]),
        DType(descr: "=f8", data: bytes(values.map(\.bitPattern)), expected: [Rational(3, 2), -2, Rational(1, 4)]),
        DType(
            descr: "<f4", data: bytes([Float(0.1).bitPattern, Float(-2).bitPattern, Float(1e-40).bitPattern]),
            expected: [Rational(exactly: Double(Float(0.1)))!, -2, Rational(exactly: Double(Float(1e-40)))!]),
        DType(
            descr: ">f4", data: bytes([Float(0.1).bitPattern, 0, 0], bigEndian: true),
            expected: [Rational(exactly: Double(Float(0.1)))!, 0, 0]),
        DType(descr: "<f2", data: bytes([UInt16(0x3C00), 0xC000, 0x0001]), expected: [1, -2, Rational(1, 1 << 24)]),
        DType(descr: "|i1", data: [0x7F, 0x80, 0xFF], expected: [127, -128, -1]),
        DType(descr: "|u1", data: [0xFF, 0, 1], expected: [255, 0, 1]),
        DType(descr: "<i2", data: bytes([Int16.min, 0, 7]), expected: [-32768, 0, 7]),
        DType(descr: ">u2", data: bytes([UInt16.max, 1, 2], bigEndian: true), expected: [65535, 1, 2]),
        DType(descr: "<i4", data: bytes([Int32.min, -1, 3]), expected: [Rational(exactly: Int32.min)!, -1, 3]),
        DType(descr: "<u4", data: bytes([UInt32.max, 0, 3]), expected: [Rational(exactly: UInt32.max)!, 0, 3]),
        DType(
            descr: "<i8", data: bytes([Int64.min, Int64.max, (1 << 53) + 1]),
            expected: [Rational(exactly: Int64.min)!, Rational(exactly: Int64.max)!, Rational(exactly: (1 << 53) + 1)!]),
        DType(descr: "<u8", data: bytes([UInt64.max, 0, 5]), expected: [Rational(exactly: UInt64.max)!, 0, 5]),
        DType(descr: "|b1", data: [1, 0, 1], expected: [1, 0, 1]),
        DType(descr: "int16", data: bytes([Int16(-3), 0, 9]), expected: [-3, 0, 9]),
    ]

    @Test("every real dtype converts exactly", arguments: dtypes)
    func dtype(_ dtype: DType) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("y.npy", bytes: Self.npy(dtype.descr, shape: "(3,)", data: dtype.data))
        #expect(try ProblemFile.loadVector(path) == dtype.expected)
    }

    @Test(
        "refused as NumPy refuses, or with the fix named",
        arguments: [
            ("<c16", "(1,)", [UInt8](repeating: 0, count: 16), (1, 0), "complex"),
            ("|O", "(1,)", [UInt8](repeating: 0, count: 8), (1, 0), "Python objects"),
            ("<U3", "(1,)", [UInt8](repeating: 0, count: 12), (1, 0), "not numeric"),
            ("<f16", "(1,)", [UInt8](repeating: 0, count: 16), (1, 0), "extended precision"),
            ("<f8", "(1,)", [UInt8](repeating: 0, count: 8), (1, 1), "version 1.1"),
            ("<f8", "(1)", [UInt8](repeating: 0, count: 8), (1, 0), "tuple like (3,)"),
            ("|b1", "(1,)", [2], (1, 0), "not a bool"),
            ("<f8", "(2,)", [UInt8](repeating: 0, count: 8), (1, 0), "end after 1 of the 2"),
        ] as [(String, String, [UInt8], (UInt8, UInt8), String)])
    func refused(descr: String, shape: String, data: [UInt8], version: (UInt8, UInt8), reason: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("y.npy", bytes: Self.npy(descr, shape: shape, data: data, version: version))
        let error = #expect(throws: ProblemDataError.self) { _ = try ProblemFile.loadVector(path) }
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
    }

    /// [[1.5, −2, 0.25], [3, 0.1, −7]], y = [1, −0.5], x0 = [0, 1, 0.5] from numpy.savez and savez_compressed.
    static let archives = [
        "UEsDBC0AAAAAAAAAIQDQ+XMJ//////////8FABQAQS5ucHkBABAAsAAAAAAAAACwAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzogJzxmOCcsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgyLCAzKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKAAAAAAAA+D8AAAAAAAAAwAAAAAAAANA/AAAAAAAACECamZmZmZm5PwAAAAAAABzAUEsDBC0AAAAAAAAAIQAFR9bM//////////8FABQAeS5ucHkBABAAkAAAAAAAAACQAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzogJzxmOCcsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgyLCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKAAAAAAAA8D8AAAAAAADgv1BLAwQtAAAAAAAAACEAZb4ltf//////////BgAUAHgwLm5weQEAEACYAAAAAAAAAJgAAAAAAAAAk05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAAAAAAAAAAAAPA/AAAAAAAA4D9QSwECLQMtAAAAAAAAACEA0PlzCbAAAACwAAAABQAAAAAAAAAAAAAAgAEAAAAAQS5ucHlQSwECLQMtAAAAAAAAACEABUfWzJAAAACQAAAABQAAAAAAAAAAAAAAgAHnAAAAeS5ucHlQSwECLQMtAAAAAAAAACEAZb4ltZgAAACYAAAABgAAAAAAAAAAAAAAgAGuAQAAeDAubnB5UEsFBgAAAAADAAMAmgAAAH4CAAAAAA==",
        "UEsDBC0AAAAIAAAAIQDQ+XMJ//////////8FABQAQS5ucHkBABAAsAAAAAAAAABeAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxcpG6loG6TZqGuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GkY6CsaaOgq1CmQDLgYw+GEPoRkOQKgLUD6Hw6yZILATypc5AABQSwMELQAAAAgAAAAhAAVH1sz//////////wUAFAB5Lm5weQEAEACQAAAAAAAAAE0AAAAAAAAAm+wX6hsQychQxlCtnpJanFykbqWgbpNmoa6joJ6WX1RSlJgXn1+UkgoSd0vMKU4FihdnJBakAvkaRjqaOgq1ChQALgYw+GAPoR/sBwBQSwMELQAAAAgAAAAhAGW+JbX//////////wYAFAB4MC5ucHkBABAAmAAAAAAAAABNAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxcpG6loG6TZqGuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GsY6mjoKtQoUAC4GFPDBHkI/sAcAUEsBAi0DLQAAAAgAAAAhAND5cwleAAAAsAAAAAUAAAAAAAAAAAAAAIABAAAAAEEubnB5UEsBAi0DLQAAAAgAAAAhAAVH1sxNAAAAkAAAAAUAAAAAAAAAAAAAAIABlQAAAHkubnB5UEsBAi0DLQAAAAgAAAAhAGW+JbVNAAAAmAAAAAYAAAAAAAAAAAAAAIABGQEAAHgwLm5weVBLBQYAAAAAAwADAJoAAACeAQAAAAA=",
    ]
    static let matrix = Matrix<Rational>(
        rows: 2, columns: 3, elements: [1.5, -2, 0.25, 3, 0.1, -7].map { Rational(exactly: $0)! })

    @Test("numpy.savez and savez_compressed archives are problem files", arguments: archives)
    func archive(base64: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("p.npz", bytes: [UInt8](try #require(Data(base64Encoded: base64))))
        let problem = try ProblemFile.load(path)
        #expect(problem.matrix == Self.matrix)
        #expect(problem.observations == [1, Rational(-1, 2)])
        #expect(problem.groundTruth == [0, 1, Rational(1, 2)])
        #expect(problem.isExactlyDouble)
        var damaged = [UInt8](try #require(Data(base64Encoded: base64)))
        damaged[100] ^= 0x10  // inside A.npy: its CRC-32 no longer matches
        let error = #expect(throws: ProblemDataError.self) {
            _ = try ProblemFile.load(try folder.write("d.npz", bytes: damaged))
        }
        #expect(error != nil)
    }

    @Test("gzip files read as what they hold; Matrix Market unsigned-integer, pattern, skew zeros")
    func gzipAndMatrixMarket() throws {
        let folder = try TemporaryFolder()
        let gz =
            "H4sIAAAAAAACA1NV9U0sKcqs8E0syk4tUcgFcxQSi4oSKxWKUhNzFNJT81KLEnO4jBSMuQz1TLmMuXSNuAz0DIHYyJRL15wLABoSeqlCAAAA"
        let path = try folder.write("A.mtx.gz", bytes: [UInt8](try #require(Data(base64Encoded: gz))))
        #expect(try ProblemFile.loadMatrix(path) == Self.matrix)
        let unsigned = try folder.write(
            "u.mtx", "%%MatrixMarket matrix array unsigned-integer general\n1 2\n9223372036854775808\n3\n")
        #expect(try ProblemFile.loadMatrix(unsigned).elements == [Rational(exactly: UInt64(1) << 63)!, 3])
        let negative = try folder.write("n.mtx", "%%MatrixMarket matrix array unsigned-integer general\n1 1\n-1\n")
        #expect(throws: ProblemDataError.self) { _ = try ProblemFile.loadMatrix(negative) }
        let pattern = try folder.write("p.mtx", "%%MatrixMarket matrix coordinate pattern symmetric\n2 2 2\n1 1\n2 1\n")
        #expect(try ProblemFile.loadMatrix(pattern).elements == [1, 1, 1, 0])
        let skew = try folder.write(
            "s.mtx", "%%MatrixMarket matrix coordinate real skew-symmetric\n2 2 2\n1 1 0\n2 1 3\n")
        #expect(try ProblemFile.loadMatrix(skew).elements == [0, -3, 3, 0])
        let badSkew = try folder.write("b.mtx", "%%MatrixMarket matrix coordinate real skew-symmetric\n2 2 1\n1 1 5\n")
        #expect(throws: ProblemDataError.self) { _ = try ProblemFile.loadMatrix(badSkew) }
    }

    @Test("JSON as strict as Python's json; a problem without y is a matrix file")
    func jsonStrictness() throws {
        let folder = try TemporaryFolder()
        for text in [
            "{\"A\": [[01]], \"y\": [1]}", "{\"A\": [[1.]], \"y\": [1]}", "{\"A\": [[.5]], \"y\": [1]}",
            "{\"A\": [[+1]], \"y\": [1]}", "{\"A\": [[1]], \"y\": [1],}", "{\"A\": [[0x1]], \"y\": [1]}",
        ] {
            #expect(throws: ProblemDataError.self, "\(text)") {
                _ = try ProblemFile.load(try folder.write("p.json", text))
            }
        }
        let noY = try folder.write("a.json", "{\"A\": [[1, 2], [3, 4]], \"note\": [\"x\"]}")
        #expect(try ProblemFile.loadMatrix(noY) == Matrix(rows: 2, columns: 2, elements: [1, 2, 3, 4]))
    }

    @Test("doubles are stored as doubles; rationals are made on demand and exact ones kept")
    func storage() throws {
        let folder = try TemporaryFolder()
        let doubles = try ProblemFile.load(try folder.write("d.json", "{\"A\": [[0.1, 2]], \"y\": [1e-300]}"))
        #expect(doubles.isExactlyDouble)
        #expect(doubles.doubleMatrix.elements == [0.1, 2])
        #expect(doubles.matrix.elements == [Rational(exactly: 0.1)!, 2])
        let exact = try ProblemFile.load(
            try folder.write("e.json", "{\"A\": [[\"1/3\", 2]], \"y\": [123456789012345678901]}"))
        #expect(!exact.isExactlyDouble)
        #expect(exact.matrix.elements == [Rational(1, 3), 2])
        #expect(exact.observations == [try Rational(parsing: "123456789012345678901")])
        #expect(exact.doubleMatrix.elements == [1.0 / 3, 2])
        let same = try Problem(doubleMatrix: Matrix(rows: 1, columns: 2, elements: [0.1, 2]), observations: [1e-300])
        #expect(same == doubles && same.hashValue == doubles.hashValue)
        #expect(throws: ProblemDataError.self) {
            _ = try Problem(doubleMatrix: Matrix(rows: 1, columns: 1, elements: [.nan]), observations: [1])
        }
    }
}
