import DenseLinearAlgebra
import ExactArithmetic

/// A matrix (or, with one column, a vector) as the text formats spell its values (``NumberText``), made
/// from doubles without any exact conversion when the data are doubles.
struct NumberTokens {
    let rows: Int
    let columns: Int
    private let doubles: [Double]?
    private let exact: [Rational]?

    /// The spellings of double values.
    init(rows: Int, columns: Int, doubles: [Double]) {
        (self.rows, self.columns, self.doubles, exact) = (rows, columns, doubles, nil)
    }

    /// The spellings of exact values.
    init(rows: Int, columns: Int, exact: [Rational]) {
        (self.rows, self.columns, doubles, self.exact) = (rows, columns, nil, exact)
    }

    /// A's spellings.
    init(matrix: Matrix<Rational>) { self.init(rows: matrix.rows, columns: matrix.columns, exact: matrix.elements) }

    /// A vector's spellings, as one column.
    init(vector: [Rational]) { self.init(rows: vector.count, columns: 1, exact: vector) }

    /// The spelling of value k (row-major), and whether it is exactly a double.
    func token(_ k: Int) -> (text: String, isDouble: Bool) {
        if let doubles { return (NumberText.text(of: doubles[k]), true) }
        return NumberText.text(of: exact?[k] ?? .zero)
    }

    /// Whether value k is exactly a double.
    func isDouble(_ k: Int) -> Bool { doubles != nil || NumberText.exactDouble(exact?[k] ?? .zero) != nil }

    /// The spelling of entry (i, j).
    subscript(i: Int, j: Int) -> (text: String, isDouble: Bool) { token(i * columns + j) }

    /// The rows of spellings.
    var rowTokens: [[(text: String, isDouble: Bool)]] {
        (0..<rows).map { i in (0..<columns).map { token(i * columns + $0) } }
    }

    /// Every spelling, row-major.
    var tokens: [(text: String, isDouble: Bool)] { (0..<rows * columns).map(token) }

    /// The problem's parts: A, y and x₀, from the doubles when every value is one.
    static func parts(
        of problem: Problem
    ) -> (
        matrix: NumberTokens, observations: NumberTokens, groundTruth: NumberTokens?
    ) {
        let (m, n) = (problem.doubleMatrix.rows, problem.doubleMatrix.columns)
        guard problem.isExactlyDouble else {
            return (
                NumberTokens(matrix: problem.matrix), NumberTokens(vector: problem.observations),
                problem.groundTruth.map(NumberTokens.init(vector:))
            )
        }
        return (
            NumberTokens(rows: m, columns: n, doubles: problem.doubleMatrix.elements),
            NumberTokens(rows: m, columns: 1, doubles: problem.doubleObservations),
            problem.doubleGroundTruth.map { NumberTokens(rows: n, columns: 1, doubles: $0) }
        )
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
