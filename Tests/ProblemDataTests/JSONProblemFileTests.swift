import DenseLinearAlgebra
import ExactArithmetic
import ProblemData
import TestSupport
import Testing

@Suite("JSON problem files")
struct JSONProblemFileTests {
    @Test("numbers are the doubles they denote, strings are exact")
    func numbersAndStrings() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(
            "p.json",
            """
            {"name": "tiny", "A": [[1, "1/3", 0.1], [-2.5e-1, "0.1", 7]],
             "y": ["2", -1], "x0": [1, 0, 0], "note": {"ignored": [true, null]}}
            """)
        let problem = try ProblemFile.load(path)
        #expect(problem.name == "tiny")
        #expect(problem.matrix.rows == 2 && problem.matrix.columns == 3)
        #expect(problem.matrix[0, 1] == Rational(1, 3))
        #expect(problem.matrix[0, 2] == Rational(exactly: 0.1))
        #expect(problem.matrix[0, 2] != Rational(1, 10))
        #expect(problem.matrix[1, 1] == Rational(1, 10))
        #expect(problem.matrix[1, 0] == Rational(-1, 4))
        #expect(problem.observations == [2, -1])
        #expect(problem.groundTruth == [1, 0, 0])
        #expect(problem.doubleMatrix[0, 1] == 1.0 / 3)
    }

    @Test("writing and reading back keeps every value exactly, doubles as JSON numbers")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        let matrix = Matrix<Rational>(
            rows: 2, columns: 2, elements: [Rational(1, 3), Rational(3, 1024), -5, Rational(exactly: 0.1)!])
        let problem = try Problem(
            matrix: matrix, observations: [Rational(22, 7), 0], groundTruth: [1, Rational(-1, 16)],
            name: "quote \" and\nnewline")
        let path = folder.path("p.json")
        try ProblemFile.write(problem, to: path)
        #expect(try ProblemFile.load(path) == problem)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"1/3\"") && text.contains("0.0029296875") && !text.contains("\"0.0029296875\""))
    }

    @Test("bare JSON arrays are matrices and vectors")
    func bareArrays() throws {
        let folder = try TemporaryFolder()
        #expect(
            try ProblemFile.loadMatrix(try folder.write("A.json", "[[1, 2], [3, 4]]"))
                == Matrix(rows: 2, columns: 2, elements: [1, 2, 3, 4]))
        #expect(try ProblemFile.loadVector(try folder.write("y.json", "[\"1/2\", 3]")) == [Rational(1, 2), 3])
        let mixed = try ProblemFile.load(folder.path("A.json"), observations: try folder.write("y.csv", "1\n1/3\n"))
        #expect(mixed.observations == [1, Rational(1, 3)] && mixed.matrix[1, 1] == 4)
    }
}
