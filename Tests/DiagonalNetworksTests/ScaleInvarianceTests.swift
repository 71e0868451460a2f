import DenseLinearAlgebra
import DiagonalNetworks
import ExactArithmetic
import Testing

/// Metamorphic tests: transformations of the data with a known effect on the flow limit.
///
/// x_∞(α) minimizes Q_α(x) = α Σ q_D(xᵢ/α) over {A x = y} (DESIGN.md §1.3), so
/// - an invertible row transformation (A, y) → (R A, R y), e.g. row scaling, leaves x_∞(α) unchanged;
/// - y → c·y (c > 0): Q_α(c x') = c·Q_{α/c}(x'), hence x_∞(α; c y) = c·x_∞(α/c; y);
/// - a column permutation permutes x_∞, a column negation negates its entry (q_D is even).
/// Column scaling has no such law (it reweights the implicit bias) and is not tested here.
@Suite("Scale invariance of the flow limit")
struct ScaleInvarianceTests {
    static let instance = TestInstances.recoverable(rows: 5, columns: 12, sparsity: 2, seed: 8)

    static func limit(
        _ matrix: Matrix<Rational>, _ y: [Rational], _ reference: [Rational], depth: Int,
        alpha: Double
    ) throws -> FlowLimit {
        let network = try DiagonalNetwork(exactMatrix: matrix, observations: y, depth: depth, alpha: alpha)
        return try FlowLimitSolver(network: network, exactReference: reference).solve()
    }

    static func power(_ k: Int) -> Rational { k >= 0 ? Rational(10).power(k) : Rational(10).power(-k).reciprocal }

    /// max |aᵢ − bᵢ| / max(max|a|, max|b|): agreement relative to the size of the answer.
    static func relativeDifference(_ a: [Double], _ b: [Double]) -> Double {
        let size = max(a.map(abs).max() ?? 0, b.map(abs).max() ?? 0)
        return size == 0 ? 0 : TestInstances.maxDifference(a, b) / size
    }

    /// Relative difference of two positive errors.
    static func relative(_ a: Double?, _ b: Double?) -> Double {
        guard let a, let b, a > 0, b > 0 else { return .infinity }
        return abs(a / b - 1)
    }

    @Test("rows scaled by 10^(±k), alternating: x_∞ and the error unchanged", arguments: [2, 3], [-12, -6, 3, 12])
    func rows(depth: Int, k: Int) throws {
        let a = Self.instance.exactMatrix, y = Self.instance.exactObservations, x0 = Self.instance.exactSolution
        var scaled = a, scaledY = y
        for i in 0..<a.rows {
            let factor = Self.power(i % 2 == 0 ? k : -k)
            for j in 0..<a.columns { scaled[i, j] = a[i, j] * factor }
            scaledY[i] = y[i] * factor
        }
        for alpha in [1e-3, 1e-30] {
            let original = try Self.limit(a, y, x0, depth: depth, alpha: alpha)
            let transformed = try Self.limit(scaled, scaledY, x0, depth: depth, alpha: alpha)
            #expect(Self.relativeDifference(original.x, transformed.x) < 1e-9, "α = \(alpha)")
            #expect(Self.relative(original.errorL1, transformed.errorL1) < 1e-7, "α = \(alpha)")
        }
    }

    @Test("y scaled by c = 10^k: x_∞(c α; c y) = c·x_∞(α; y)", arguments: [2, 3, 4], [-12, -5, 4, 12])
    func observations(depth: Int, k: Int) throws {
        let a = Self.instance.exactMatrix, y = Self.instance.exactObservations, x0 = Self.instance.exactSolution
        let c = Self.power(k), cDouble = c.doubleValue
        for alpha in [1e-3, 1e-30] {
            let original = try Self.limit(a, y, x0, depth: depth, alpha: alpha)
            let transformed = try Self.limit(
                a, y.map { $0 * c }, x0.map { $0 * c }, depth: depth,
                alpha: alpha * cDouble)
            #expect(Self.relativeDifference(original.x.map { $0 * cDouble }, transformed.x) < 1e-9, "α = \(alpha)")
            #expect(Self.relative(original.errorL1.map { $0 * cDouble }, transformed.errorL1) < 1e-7, "α = \(alpha)")
        }
    }

    @Test("columns permuted and negated: x_∞ permuted and negated", arguments: [2, 3], [1e-3, 1e-30])
    func columns(depth: Int, alpha: Double) throws {
        let a = Self.instance.exactMatrix, y = Self.instance.exactObservations, x0 = Self.instance.exactSolution
        let n = a.columns
        let permutation = (0..<n).map { (7 * $0 + 3) % n }  // column j of the new A is column permutation[j]
        let negated = Set(stride(from: 0, to: n, by: 3))
        var transformed = a
        for i in 0..<a.rows {
            for j in 0..<n { transformed[i, j] = negated.contains(j) ? -a[i, permutation[j]] : a[i, permutation[j]] }
        }
        let reference = (0..<n).map { negated.contains($0) ? -x0[permutation[$0]] : x0[permutation[$0]] }
        let original = try Self.limit(a, y, x0, depth: depth, alpha: alpha)
        let result = try Self.limit(transformed, y, reference, depth: depth, alpha: alpha)
        let expected = (0..<n).map { negated.contains($0) ? -original.x[permutation[$0]] : original.x[permutation[$0]] }
        #expect(Self.relativeDifference(expected, result.x) < 1e-10)
        #expect(Self.relative(original.errorL1, result.errorL1) < 1e-9)
    }
}
