import DenseLinearAlgebra
import ExactArithmetic
import Foundation
import ProblemData
import TestSupport
import Testing

@Suite("CSV, Matrix Market and NumPy files")
struct ArrayFormatTests {
    /// [[1.5, −2, 0.25], [3, 0.1, −7]] as NumPy writes it (C order, Fortran order, format 2.0).
    static let numpyMatrices = [
        "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAD4PwAAAAAAAADAAAAAAAAA0D8AAAAAAAAIQJqZmZmZmbk/AAAAAAAAHMA=",
        "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAoMiwgMyksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAD4PwAAAAAAAAhAAAAAAAAAAMCamZmZmZm5PwAAAAAAANA/AAAAAAAAHMA=",
        "k05VTVBZAgB0AAAAeydkZXNjcic6ICc8ZjgnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoMiwgMyksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAD4PwAAAAAAAADAAAAAAAAA0D8AAAAAAAAIQJqZmZmZmbk/AAAAAAAAHMA=",
    ]
    static let expected = Matrix<Rational>(
        rows: 2, columns: 3, elements: [1.5, -2, 0.25, 3, 0.1, -7].map { Rational(exactly: $0)! })

    @Test("NumPy's own files read in C order, Fortran order and format 2.0", arguments: numpyMatrices)
    func numpyMatrix(base64: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("A.npy", bytes: [UInt8](try #require(Data(base64Encoded: base64))))
        #expect(try ProblemFile.loadMatrix(path) == Self.expected)
    }

    @Test("a 1-D NumPy array is a vector")
    func numpyVector() throws {
        let folder = try TemporaryFolder()
        let bytes = try #require(
            Data(
                base64Encoded:
                    "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAADwPwAAAAAAAOC/AAAAAAAAAEA="
            ))
        #expect(
            try ProblemFile.loadVector(try folder.write("y.npy", bytes: [UInt8](bytes))) == [1, Rational(-1, 2), 2])
    }

    @Test("CSV with commas, white space, comments, fractions and CRLF")
    func delimited() throws {
        let folder = try TemporaryFolder()
        let comma = try folder.write("A.csv", "# header\r\n1.5, -2 ,0.25\r\n\r\n3,0.1,-7\r\n")
        let spaces = try folder.write("A.txt", "  1.5\t-2   0.25\n3 0.1 -7")
        #expect(try ProblemFile.loadMatrix(comma) == Self.expected)
        #expect(try ProblemFile.loadMatrix(spaces) == Self.expected)
        #expect(try ProblemFile.loadVector(try folder.write("y.dat", "1/3\n2\n")) == [Rational(1, 3), 2])
        #expect(try ProblemFile.loadVector(try folder.write("row.csv", "1,2,3")) == [1, 2, 3])
    }

    @Test("Matrix Market coordinate, array, integer and symmetric files")
    func matrixMarket() throws {
        let folder = try TemporaryFolder()
        let coordinate = try folder.write(
            "c.mtx",
            """
            %%MatrixMarket matrix coordinate real general
            % a comment
            2 3 5
            1 1 1.5
            1 2 -2
            1 3 0.25
            2 1 3
            2 3 -7
            """)
        var sparse = Self.expected
        sparse[1, 1] = 0
        #expect(try ProblemFile.loadMatrix(coordinate) == sparse)
        let array = try folder.write(
            "a.mtx", "%%MatrixMarket matrix array real general\n2 3\n1.5\n3\n-2\n0.1\n0.25\n-7\n")
        #expect(try ProblemFile.loadMatrix(array) == Self.expected)
        let symmetric = try folder.write(
            "s.mtx", "%%MatrixMarket matrix coordinate integer symmetric\n2 2 2\n1 1 4\n2 1 -1\n")
        #expect(try ProblemFile.loadMatrix(symmetric) == Matrix(rows: 2, columns: 2, elements: [4, -1, -1, 0]))
        let skew = try folder.write("k.mtx", "%%MatrixMarket matrix array real skew-symmetric\n2 2\n3\n")
        #expect(try ProblemFile.loadMatrix(skew) == Matrix(rows: 2, columns: 2, elements: [0, -3, 3, 0]))
    }

    @Test(
        "a problem written as matrix plus companion files reads back identically",
        arguments: [ProblemFormat.csv, .mtx, .npy, .json])
    func problemRoundTrip(format: ProblemFormat) throws {
        let folder = try TemporaryFolder()
        let problem = try RandomProblemRecipe(
            ensemble: .gaussian, rows: 4, columns: 9, sparsity: 2, seed: 3, noiseLevel: 0.1
        ).generate()
        let path = folder.path("inst.\(format.fileExtension)")
        let written = try ProblemFile.write(problem, to: path)
        #expect(written.count == (format == .json ? 1 : 3))
        var loaded = try ProblemFile.load(path)
        loaded.name = problem.name
        #expect(loaded == problem)
        if format != .json {
            #expect(written[1] == folder.path("inst.y.\(format.fileExtension)"))
            let explicit = try ProblemFile.load(path, observations: written[1])
            #expect(explicit.observations == problem.observations && explicit.groundTruth == nil)
        }
    }

    @Test("formats that hold only doubles refuse to round an exact fraction", arguments: [ProblemFormat.mtx, .npy])
    func refusesRounding(format: ProblemFormat) throws {
        let folder = try TemporaryFolder()
        let instance = try TightnessFamily.oneR(Rational(1, 3))
        let error = #expect(throws: ProblemDataError.self) {
            try ProblemFile.write(instance.problem, to: folder.path("p.\(format.fileExtension)"))
        }
        #expect(error?.reason.contains("1/3") == true)
        try ProblemFile.write(instance.problem, to: folder.path("p.csv"))
        #expect(try ProblemFile.load(folder.path("p.csv")).matrix[0, 1] == Rational(1, 3))
    }
}
