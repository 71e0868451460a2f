import ExactArithmetic
import ProblemData
import TestSupport
import Testing

@Suite("LP files (SciPy linprog's names)")
struct LinearProgramFileTests {
    private func load(_ text: String) throws -> LinearProgramFile {
        let folder = try TemporaryFolder("lp-file")
        defer { folder.remove() }
        return try LinearProgramFile.load(try folder.write("lp.json", text))
    }

    @Test("every key: numbers exactly, strings exact, null for no bound, defaults as in linprog")
    func everyKey() throws {
        let file = try load(
            """
            {"sense": "max", "c": [1, "1/3", 0.1], "A_ub": [[1, 1, 1]], "b_ub": ["4"],
             "A_eq": [[1, -1, 0]], "b_eq": [0], "bounds": [[0, null], [null, 2], [-1, -1]],
             "integrality": [0, 1, 0], "note": "ignored"}
            """)
        #expect(file.sense == .maximize)
        #expect(file.costs == [1, Rational(1, 3), Rational(exactly: 0.1)!])
        #expect(file.inequalities == [.init(coefficients: [1, 1, 1], rightHandSide: 4)])
        #expect(file.equalities == [.init(coefficients: [1, -1, 0], rightHandSide: 0)])
        #expect(file.bounds.map(\.lower) == [0, nil, -1])
        #expect(file.bounds.map(\.upper) == [nil, 2, -1])
        #expect(file.integrality == [false, true, false])
        let defaults = try load(#"{"c": [1, 2]}"#)
        #expect(defaults.sense == .minimize && defaults.inequalities.isEmpty && defaults.equalities.isEmpty)
        #expect(defaults.bounds == Array(repeating: .init(lower: 0, upper: nil), count: 2))
        #expect(defaults.integrality == [false, false])
        let shared = try load(#"{"c": [1, 2], "bounds": [null, 5]}"#)
        #expect(shared.bounds == Array(repeating: .init(lower: nil, upper: 5), count: 2))
    }

    @Test(
        "a file that does not describe an LP is refused with the place and what to fix",
        arguments: [
            (#"[1, 2]"#, "expected an object"),
            (#"{"A_eq": [[1]], "b_eq": [1]}"#, "the key \"c\""),
            (#"{"c": []}"#, "\"c\" is empty"),
            (#"{"c": [1], "c": [2]}"#, "the key \"c\" appears twice"),
            (#"{"c": [1, 1], "A_ub": [[1, 1], [1]], "b_ub": [1, 2]}"#, "A_ub[1] has 1 entries; \"c\" has 2"),
            (#"{"c": [1], "A_eq": [[1]], "b_eq": [1, 2]}"#, "\"A_eq\" has 1 rows but \"b_eq\" has 2 entries"),
            (#"{"c": [1], "A_eq": [[1]]}"#, "\"A_eq\" needs \"b_eq\""),
            (#"{"c": [1], "b_ub": [1]}"#, "\"b_ub\" is given without \"A_ub\""),
            (#"{"c": [1, 1], "bounds": [[0, 1]]}"#, "\"bounds\" has 1 pairs for 2 variables"),
            (#"{"c": [1], "bounds": [[0, 1, 2]]}"#, "bounds[0] must be a pair"),
            (#"{"c": [1], "bounds": [0, "x"]}"#, "bounds[1]"),
            (#"{"c": [1], "integrality": [2]}"#, "semi-continuous"),
            (#"{"c": [1], "sense": "up"}"#, "\"sense\" must be \"minimize\" or \"maximize\""),
            (#"{"c": [1, true]}"#, "c[1] must be a number"),
            (#"{"c": [1e999]}"#, "c[0]"),
        ])
    func refused(text: String, message: String) throws {
        #expect {
            _ = try load(text)
        } throws: { error in
            let description = (error as? ProblemDataError)?.description ?? ""
            return description.contains(message) && description.contains("line 1, column")
        }
    }
}
