import ExactArithmetic
import LinearProgramming
import ProblemData
import TestSupport
import Testing

@Suite("An LP file becomes the LinearProgram it describes")
struct LinearProgramFromFileTests {
    @Test("bounds, integrality, ≤ rows then = rows, zero coefficients left out")
    func program() throws {
        let folder = try TemporaryFolder("lp-program")
        defer { folder.remove() }
        let path = try folder.write(
            "lp.json",
            """
            {"sense": "maximize", "c": [1, 2, 3, 4], "A_ub": [[1, 0, 1, 0]], "b_ub": [5],
             "A_eq": [[0, 1, 0, 1]], "b_eq": ["1/2"], "bounds": [[0, null], [null, null], [null, 3], [1, 1]],
             "integrality": [1, 0, 0, 0]}
            """)
        let lp = LinearProgram(try LinearProgramFile.load(path))
        #expect(lp.direction == .maximize)
        #expect(lp.variables.map(\.cost) == [1, 2, 3, 4])
        #expect(lp.variables.map(\.bounds) == [.atLeast(0), .free, .atMost(3), .fixed(1)])
        #expect(lp.variables.map(\.isInteger) == [true, false, false, false])
        #expect(lp.constraints.count == 2)
        #expect(lp.constraints[0].terms.map(\.column) == [0, 2] && lp.constraints[0].bounds == .atMost(5))
        #expect(lp.constraints[1].terms.map(\.column) == [1, 3] && lp.constraints[1].bounds == .fixed(Rational(1, 2)))
    }
}
