import Foundation
import ProblemData
import TestSupport
import Testing

/// Every malformed file is reported at the place of its first problem, with a reason, and never crashes.
@Suite("malformed files")
struct MalformedFileTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let contents: String
        let location: FileLocation?
        let reason: String
        var testDescription: String { "\(name): \(reason)" }
    }

    static let problemCases: [Case] = [
        Case(
            name: "p.json", contents: "{\"A\": [[1, 2], [3]], \"y\": [1, 2]}",
            location: .lineColumn(line: 1, column: 16), reason: "row 1 of \"A\" has 1 entries"),
        Case(
            name: "p.json", contents: "{\"A\": [[1, 2]],\n \"y\": [1, 2]}", location: .lineColumn(line: 2, column: 7),
            reason: "y has 2 entries but A has 1 rows"),
        Case(
            name: "p.json", contents: "{\"A\": [[1, 2]],\n \"y\": [1,]}", location: .lineColumn(line: 2, column: 10),
            reason: "expected a JSON value"),
        Case(
            name: "p.json", contents: "{\"A\": [[1, NaN]], \"y\": [1]}", location: .lineColumn(line: 1, column: 12),
            reason: "NaN and infinities are not allowed"),
        Case(
            name: "p.json", contents: "{\"A\": [[1, \"inf\"]], \"y\": [1]}", location: .lineColumn(line: 1, column: 12),
            reason: "not finite"),
        Case(
            name: "p.json", contents: "{\"A\": [[1, 1e999]], \"y\": [1]}", location: .lineColumn(line: 1, column: 12),
            reason: "overflows"),
        Case(
            name: "p.json", contents: "{\"A\": [[1, \"1/0\"]], \"y\": [1]}", location: .lineColumn(line: 1, column: 12),
            reason: "denominator is zero"),
        Case(
            name: "p.json", contents: "{\"A\": [], \"y\": []}", location: .lineColumn(line: 1, column: 7),
            reason: "non-empty array of rows"),
        Case(name: "p.json", contents: "{\"y\": [1]}", location: .lineColumn(line: 1, column: 1), reason: "\"A\""),
        Case(
            name: "p.json", contents: "{\"A\": [[1]], \"y\": [true]}", location: .lineColumn(line: 1, column: 20),
            reason: "y[0] must be a number"),
        Case(
            name: "p.json", contents: "{\"A\": [[1]], \"A\": [[2]], \"y\": [1]}",
            location: .lineColumn(line: 1, column: 14), reason: "appears twice"),
        Case(
            name: "p.json", contents: "{\"A\": [[1]], \"y\": [1]} x", location: .lineColumn(line: 1, column: 24),
            reason: "after the end"),
        Case(
            name: "p.json", contents: "{\"A\": [[1]], \"y\": [1], \"x0\": [1, 2]}",
            location: .lineColumn(line: 1, column: 30), reason: "x0 has 2 entries"),
        Case(
            name: "p.json", contents: "{\"näme\": \"é\", \"A\": [[x]], \"y\": [1]}",
            location: .lineColumn(line: 1, column: 22), reason: "expected a JSON value"),
        Case(
            name: "p.json", contents: "", location: .lineColumn(line: 1, column: 1),
            reason: "ends where a value was expected"),
        Case(
            name: "p.json", contents: String(repeating: "[", count: 100), location: .lineColumn(line: 1, column: 65),
            reason: "nested more than 64"),
        Case(
            name: "p.json", contents: "[[1]]", location: .lineColumn(line: 1, column: 1), reason: "expected an object"),
    ]

    static let matrixCases: [Case] = [
        Case(
            name: "A.csv", contents: "1,2,3\n4,abc,6\n", location: .lineColumn(line: 2, column: 3),
            reason: "'abc' is not a number"),
        Case(
            name: "A.csv", contents: "1,2,3\n4,,6\n", location: .lineColumn(line: 2, column: 3), reason: "empty field"),
        Case(
            name: "A.csv", contents: "1,2,3\n# c\n4,5\n", location: .lineColumn(line: 3, column: 3),
            reason: "first row (line 1) has 3"),
        Case(name: "A.txt", contents: "1 2\n3 nan\n", location: .lineColumn(line: 2, column: 3), reason: "not finite"),
        Case(name: "A.txt", contents: "1 2\n3 -inf\n", location: .lineColumn(line: 2, column: 3), reason: "not finite"),
        Case(name: "A.csv", contents: "# only a comment\n\n", location: nil, reason: "holds no numbers"),
        Case(
            name: "A.mtx", contents: "%%MatrixMarket matrix coordinate complex general\n1 1 1\n1 1 1 0\n",
            location: .lineColumn(line: 1, column: 1), reason: "field is 'complex'"),
        Case(
            name: "A.mtx", contents: "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1\n3 1 1\n",
            location: .lineColumn(line: 4, column: 1), reason: "row index '3' is not in 1…2"),
        Case(
            name: "A.mtx", contents: "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1\n1 1 2\n",
            location: .lineColumn(line: 4, column: 1), reason: "given twice"),
        Case(
            name: "A.mtx", contents: "%%MatrixMarket matrix coordinate real general\n2 2 3\n1 1 1\n2 2 2\n",
            location: .lineColumn(line: 5, column: 1), reason: "declares 3 entries but the file ends after 2"),
        Case(
            name: "A.mtx", contents: "%%MatrixMarket matrix array real general\n1 2\n1\n2\n3\n",
            location: .lineColumn(line: 5, column: 1), reason: "more entries than the 2"),
        Case(
            name: "A.mtx", contents: "%%MatrixMarket matrix array integer general\n1 1\n1.5\n",
            location: .lineColumn(line: 3, column: 1), reason: "not an integer"),
        Case(
            name: "A.mtx", contents: "%%MatrixMarket matrix coordinate real general\n99999999 99999999 0\n",
            location: .lineColumn(line: 2, column: 1), reason: "too large"),
        Case(
            name: "A.mtx", contents: "1 2\n", location: .lineColumn(line: 1, column: 1), reason: "expected the header"),
        Case(
            name: "A.mtx", contents: "%%MatrixMarket matrix array real general\n2 x\n",
            location: .lineColumn(line: 2, column: 1), reason: "size line"),
    ]

    @Test("problem files", arguments: problemCases)
    func problem(_ testCase: Case) throws {
        try check(testCase) { path throws(ProblemDataError) in _ = try ProblemFile.load(path) }
    }

    @Test("matrix files", arguments: matrixCases)
    func matrix(_ testCase: Case) throws {
        try check(testCase) { path throws(ProblemDataError) in _ = try ProblemFile.loadMatrix(path) }
    }

    @Test(
        "NumPy files report byte offsets",
        arguments: [
            // <c16 array: the dtype is named and the fix given.
            (
                "k05VTVBZAQB2AHsnZGVzY3InOiAnPGMxNicsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgyLCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAADwPwAAAAAAAABAAAAAAAAACEAAAAAAAAAAAA==",
                20, "the dtype '<c16' is complex"
            ),
            // [1, NaN]: the NaN's offset.
            (
                "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAADwPwAAAAAAAPh/",
                136, "NaN"
            ),
            // the same file cut short.
            (
                "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAADwPw==",
                136, "end after 1 of the 2 values"
            ),
            ("bm90IG51bXB5", 0, "not a NumPy .npy file"),
        ] as [(String, Int, String)])
    func numpy(base64: String, offset: Int, reason: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("y.npy", bytes: [UInt8](try #require(Data(base64Encoded: base64))))
        let error = #expect(throws: ProblemDataError.self) { _ = try ProblemFile.loadVector(path) }
        #expect(error?.location == .byteOffset(offset))
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
    }

    @Test("vectors of the wrong shape or length, missing files, unknown extensions")
    func vectorsAndFiles() throws {
        let folder = try TemporaryFolder()
        let matrix = try folder.write("A.csv", "1,2\n3,4\n")
        let table = try folder.write("t.csv", "1,2\n3,4\n")
        #expect(throws: ProblemDataError.self) { _ = try ProblemFile.loadVector(table) }
        let short = try folder.write("short.csv", "1\n")
        let error = #expect(throws: ProblemDataError.self) { _ = try ProblemFile.load(matrix, observations: short) }
        #expect(error?.reason.contains("y has 1 entries but A has 2 rows") == true)
        let missing = #expect(throws: ProblemDataError.self) { _ = try ProblemFile.load(matrix) }
        #expect(missing?.reason.contains("A.y.csv") == true)
        #expect(throws: ProblemDataError.self) { _ = try ProblemFile.load(folder.path("nope.json")) }
        #expect(throws: ProblemDataError.self) { _ = try ProblemFile.load(folder.path("A.xlsx")) }
        #expect(throws: ProblemDataError.self) { _ = try ProblemFile.loadMatrix(folder.url.path, format: .csv) }
        let binary = try folder.write("bin.csv", bytes: [0xFF, 0xFE, 0x00])
        #expect(throws: ProblemDataError.self) { _ = try ProblemFile.loadMatrix(binary) }
    }

    private func check(_ testCase: Case, _ load: (String) throws(ProblemDataError) -> Void) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(testCase.name, testCase.contents)
        do {
            try load(path)
            Issue.record("\(testCase.name) was accepted: \(testCase.contents)")
        } catch {
            #expect(error.location == testCase.location, "\(error)")
            #expect(error.reason.contains(testCase.reason), "\(error)")
            #expect(error.path == path)
            #expect(error.description.hasPrefix(path))
        }
    }
}

/// Random damage to valid files (flipped, deleted and inserted bytes, truncation) is reported, never fatal.
@Suite("damaged files")
struct DamagedFileTests {
    /// Bytes that make a file almost right: separators, signs, brackets, quotes, comment marks.
    static let noise = Array("-,.e/[]{}\"%\n 9".utf8)

    @Test(
        "every damaged file loads or throws ProblemDataError", arguments: ProblemFormat.allCases.filter { $0 != .npz })
    func damage(format: ProblemFormat) throws {
        let folder = try TemporaryFolder()
        let problem = try RandomProblemRecipe(ensemble: .gaussian, rows: 3, columns: 5, sparsity: 2, seed: 1).generate()
        let path = folder.path("p.\(format.fileExtension)")
        try ProblemFile.write(problem, to: path)
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var generator = SplitMix64(seed: 99)
        var rejected = 0
        for _ in 0..<150 {
            var bytes = original
            for _ in 0...generator.nextInt(below: 3) {
                let position = generator.nextInt(below: bytes.count)
                switch generator.nextInt(below: 4) {
                case 0: bytes[position] = UInt8(truncatingIfNeeded: generator.next())
                case 1: bytes.remove(at: position)
                case 2: bytes.insert(Self.noise[generator.nextInt(below: Self.noise.count)], at: position)
                default: bytes.removeLast(bytes.count - position)
                }
                if bytes.isEmpty { break }
            }
            try folder.write("p.\(format.fileExtension)", bytes: bytes)
            do {
                _ = try ProblemFile.load(path)
            } catch {
                rejected += 1
                #expect(!error.description.isEmpty)
            }
        }
        #expect(rejected > 50)
    }
}
