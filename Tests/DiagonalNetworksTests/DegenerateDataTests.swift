import DenseLinearAlgebra
import DiagonalNetworks
import ExactArithmetic
import Testing

/// Square systems, full support, y = 0 and zero columns: every entry point answers correctly or throws the
/// module's error — never a trap (issue 9, item 9).
@Suite("Degenerate data")
struct DegenerateDataTests {
    /// A case: exact A and y, and the exact basis pursuit solution x*.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let matrix: [[Rational]]
        let observations: [Rational]
        let solution: [Rational]
        /// Whether the interpolating x is unique on the columns that matter (then x_∞(α) = x* for every α).
        let limitIsReference: Bool
        var testDescription: String { name }

        var exactMatrix: Matrix<Rational> { try! Matrix(matrix) }
        func network(depth: Int, alpha: Double) throws -> DiagonalNetwork {
            try DiagonalNetwork(exactMatrix: exactMatrix, observations: observations, depth: depth, alpha: alpha)
        }
    }

    static let cases: [Case] = [
        Case(name: "1×1", matrix: [[2]], observations: [3], solution: [Rational(3, 2)], limitIsReference: true),
        Case(
            name: "2×2 invertible, full support", matrix: [[2, 1], [1, 3]], observations: [3, -1],
            solution: [2, -1], limitIsReference: true),
        Case(
            name: "2×3, |S| = m", matrix: [[1, Rational(1, 2), Rational(1, 4)], [0, 1, 1]], observations: [3, -2],
            solution: [Rational(7, 2), 0, -2], limitIsReference: false),
        Case(
            name: "a zero column, square on the rest", matrix: [[1, 0, 2], [0, 0, 1]], observations: [1, 1],
            solution: [-1, 0, 1], limitIsReference: true),
        Case(
            name: "y = 0", matrix: [[1, 2, 0], [0, 1, 1]], observations: [0, 0], solution: [0, 0, 0],
            limitIsReference: true),
        Case(name: "1×1, y = 0", matrix: [[2]], observations: [0], solution: [0], limitIsReference: true),
    ]

    @Test("the limit solver, with exact, rounded and no reference", arguments: cases, [2, 3, 4])
    func limit(_ data: Case, depth: Int) throws {
        for alpha in [1e-2, 1e-30] {
            let network = try data.network(depth: depth, alpha: alpha)
            let reference = data.solution.map(\.doubleValue)
            let exact = try FlowLimitSolver(network: network, exactReference: data.solution).solve()
            let rounded = try FlowLimitSolver(network: network, reference: reference).solve()
            for limit in [exact, rounded] {
                let residual = zip(network.matrix.multiply(limit.x), network.observations).map { abs($0 - $1) }
                #expect(residual.allSatisfy { $0 <= 1e-14 * (1 + abs(reference.max() ?? 0)) })
                let error = try #require(limit.errorL1)
                if data.limitIsReference {
                    #expect(error <= 1e-15 * (1 + (reference.map(abs).max() ?? 0)), "x_∞ = x* here")
                    #expect(TestInstances.maxDifference(limit.x, reference) <= 1e-15 * 4)
                } else {
                    #expect(error > 0 && error.isFinite)
                }
            }
            let plain = try FlowLimitSolver(network: network.with(alpha: 1e-2)).solve()
            #expect(plain.x.count == reference.count && plain.lambda.count == network.matrix.rows)
        }
    }

    @Test("the simulators and the barrier certificate", arguments: cases)
    func simulators(_ data: Case) throws {
        let network = try data.network(depth: 3, alpha: 1e-2)
        var options = SimulationOptions()
        options.reference = data.solution.map(\.doubleValue)
        options.maxSteps = 50
        let ode = try DualFlowSimulator(network: network).run(options: options)
        let gd = try GradientDescentSimulator(network: network, step: 1e-2).run(options: options)
        #expect(ode.x.count == data.solution.count && gd.x.count == data.solution.count)
        options.reference = Array(repeating: 1, count: data.solution.count + 1)
        #expect(throws: DiagonalNetworkError.self) { try DualFlowSimulator(network: network).run(options: options) }
        if data.solution.allSatisfy({ $0 == .zero }) {
            #expect(throws: DiagonalNetworkError.self) {
                try BarrierCertificate(network: network, reference: data.solution.map(\.doubleValue))
            }
        } else {
            let barrier = try BarrierCertificate(network: network, reference: data.solution.map(\.doubleValue))
            #expect(barrier.offSupportMaximum < 1)
            if data.limitIsReference { #expect(barrier.limitConstant == 0) } else { #expect(barrier.limitConstant > 0) }
        }
    }

    @Test("a zero row or an all-zero A is refused by name")
    func zeroRow() throws {
        for matrix in [[[Rational(0)]], [[1, 2], [0, 0]]] {
            let error = #expect(throws: DiagonalNetworkError.self) {
                try DiagonalNetwork(
                    exactMatrix: try Matrix(matrix), observations: matrix.map { _ in .zero },
                    depth: 2, alpha: 0.1)
            }
            #expect(error?.description.contains("zero or a linear combination") == true)
        }
    }
}
