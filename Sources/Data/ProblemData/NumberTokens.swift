import DenseLinearAlgebra
import ExactArithmetic

/// A matrix (or, with one column, a vector) as the text formats spell its values (``NumberText``), made
/// from doubles without any exact conversion when the data are doubles.
struct NumberTokens {
    let rows: Int
    let columns: Int
    /// Row-major spellings, and whether each value is exactly a double.
    let tokens: [(text: String, isDouble: Bool)]

    /// The spellings of double values.
    init(rows: Int, columns: Int, doubles: [Double]) {
        self.rows = rows
        self.columns = columns
        tokens = doubles.map { (NumberText.text(of: $0), true) }
    }

    /// The spellings of exact values.
    init(rows: Int, columns: Int, exact: [Rational]) {
        self.rows = rows
        self.columns = columns
        tokens = exact.map { NumberText.text(of: $0) }
    }

    /// A's spellings.
    init(matrix: Matrix<Rational>) { self.init(rows: matrix.rows, columns: matrix.columns, exact: matrix.elements) }

    /// A vector's spellings, as one column.
    init(vector: [Rational]) { self.init(rows: vector.count, columns: 1, exact: vector) }

    /// The spelling of entry (i, j).
    subscript(i: Int, j: Int) -> (text: String, isDouble: Bool) { tokens[i * columns + j] }

    /// The rows of spellings.
    var rowTokens: [ArraySlice<(text: String, isDouble: Bool)>] {
        (0..<rows).map { tokens[$0 * columns..<($0 + 1) * columns] }
    }

    /// The problem's parts: A, y and x₀, from the doubles when every value is one.
    static func parts(of problem: Problem) -> (matrix: NumberTokens, observations: NumberTokens, groundTruth: NumberTokens?) {
        let (m, n) = (problem.doubleMatrix.rows, problem.doubleMatrix.columns)
        guard problem.isExactlyDouble else {
            return (NumberTokens(matrix: problem.matrix), NumberTokens(vector: problem.observations),
                    problem.groundTruth.map(NumberTokens.init(vector:)))
        }
        return (NumberTokens(rows: m, columns: n, doubles: problem.doubleMatrix.elements),
                NumberTokens(rows: m, columns: 1, doubles: problem.doubleObservations),
                problem.doubleGroundTruth.map { NumberTokens(rows: n, columns: 1, doubles: $0) })
    }
}

extension NumberText {
    /// The spelling of a finite double, the same as ``text(of:)-(Rational)`` gives for its exact value:
    /// an integer below 2⁵³ in magnitude as digits, any other value in its shortest round-trip form.
    static func text(of double: Double) -> String {
        if double == double.rounded(), double.magnitude < 0x1p53 { return String(Int64(double)) }
        if double == double.rounded() { return (Rational(exactly: double) ?? .zero).description }
        return "\(double)"
    }
}
