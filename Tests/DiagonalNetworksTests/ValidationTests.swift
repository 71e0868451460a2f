import DenseLinearAlgebra
import DiagonalNetworks
import ExactArithmetic
import Testing

/// Bad input is rejected with the module's error, naming what to fix.
@Suite("Input validation")
struct ValidationTests {
    static let matrix = try! Matrix<Double>([[1, 0.5, 0], [0, 1, 1]])

    @Test("α must be finite and positive", arguments: [0.0, -1.0, .nan, .infinity])
    func scale(alpha: Double) {
        let error = #expect(throws: DiagonalNetworkError.self) {
            try DiagonalNetwork(matrix: Self.matrix, observations: [1, 1], depth: 2, alpha: alpha)
        }
        guard case .invalidScale = error else {
            Issue.record("expected invalidScale, got \(String(describing: error))"); return
        }
    }

    @Test("D ≥ 2")
    func depth() {
        #expect(throws: DiagonalNetworkError.invalidDepth(1)) {
            try DiagonalNetwork(matrix: Self.matrix, observations: [1, 1], depth: 1, alpha: 0.1)
        }
    }

    @Test("a per-factor α whose product underflows")
    func underflow() {
        #expect(throws: DiagonalNetworkError.scaleUnderflow(alpha: 1e-100, depth: 4)) {
            try DiagonalNetwork(
                matrix: Self.matrix, observations: [1, 1], depth: 4, alpha: 1e-100, convention: .perFactor)
        }
    }

    @Test("empty and mismatched data")
    func shapes() throws {
        #expect(throws: DiagonalNetworkError.emptyMatrix) {
            try DiagonalNetwork(matrix: Matrix<Double>(rows: 0, columns: 0), observations: [], depth: 2, alpha: 0.1)
        }
        #expect(throws: DiagonalNetworkError.shapeMismatch(rows: 2, observations: 3)) {
            try DiagonalNetwork(matrix: Self.matrix, observations: [1, 1, 1], depth: 2, alpha: 0.1)
        }
        #expect(throws: DiagonalNetworkError.nonFiniteObservation(index: 1)) {
            try DiagonalNetwork(matrix: Self.matrix, observations: [1, .nan], depth: 2, alpha: 0.1)
        }
        var bad = Self.matrix
        bad[1, 2] = .infinity
        #expect(throws: DiagonalNetworkError.nonFiniteEntry(row: 1, column: 2)) {
            try DiagonalNetwork(matrix: bad, observations: [1, 1], depth: 2, alpha: 0.1)
        }
    }

    @Test("y outside range(A) is not interpolable; a repeated row is named")
    func range() throws {
        let repeated = try Matrix<Rational>([[1, 2, 3], [2, 4, 6]])
        let error = #expect(throws: DiagonalNetworkError.self) {
            try DiagonalNetwork(exactMatrix: repeated, observations: [1, 3], depth: 2, alpha: 0.1)
        }
        guard case .notInterpolable = error else {
            Issue.record("expected notInterpolable, got \(String(describing: error))"); return
        }
        #expect(throws: DiagonalNetworkError.dependentRow(1)) {
            try DiagonalNetwork(exactMatrix: repeated, observations: [1, 2], depth: 2, alpha: 0.1)
        }
        #expect(error?.description.contains("not interpolable") == true)
    }

    @Test("a reference that does not solve A x = y")
    func reference() throws {
        let network = try DiagonalNetwork(matrix: Self.matrix, observations: [1, 1], depth: 3, alpha: 0.1)
        #expect(throws: DiagonalNetworkError.referenceLength(expected: 3, found: 2)) {
            try FlowLimitSolver(network: network, reference: [1, 1])
        }
        #expect(throws: DiagonalNetworkError.self) { try FlowLimitSolver(network: network, reference: [1, 0, 0.5]) }
        #expect(throws: DiagonalNetworkError.nonFiniteReference(index: 1)) {
            try FlowLimitSolver(network: network, reference: [1, .nan, 0.5])
        }
        #expect(throws: DiagonalNetworkError.invalidStep(-1)) {
            try GradientDescentSimulator(network: network, step: -1)
        }
    }

    @Test("conventions convert: per-factor α_f is product scale α_f^D")
    func conventions() throws {
        let factor = try DiagonalNetwork(
            matrix: Self.matrix, observations: [1, 1], depth: 3, alpha: 1e-2, convention: .perFactor)
        let product = try DiagonalNetwork(matrix: Self.matrix, observations: [1, 1], depth: 3, alpha: 1e-6)
        #expect(abs(factor.productScale / product.productScale - 1) < 1e-12)
        #expect(abs(product.factorScale - 1e-2) < 1e-15)
        let a = try FlowLimitSolver(network: factor).solve(), b = try FlowLimitSolver(network: product).solve()
        #expect(TestInstances.maxDifference(a.x, b.x) < 1e-12)
    }
}
