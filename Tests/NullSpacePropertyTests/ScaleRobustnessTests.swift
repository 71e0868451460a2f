import DenseLinearAlgebra
import NullSpaceProperty
import ProblemData
import Testing

/// Issue 9 item 7: rank decided without tolerance, power-of-two row equilibration, no false ∞.
@Suite("NSP under scaling: row equilibration, exact rank, no false infinity")
struct ScaleRobustnessTests {
    @Test("[[1, 0, 1], [0, 1e-7, 1e-7]]: ker A = span(1, 1, −1), so ρ_{j} = 1/2 and ρ₁ = 1/2")
    func smallRow() throws {
        let a = try NullSpaceMatrix(Matrix([[1, 0, 1], [0, 1e-7, 1e-7]]))
        for j in 0..<3 { #expect(abs(try a.supportConstant([j]).value - 0.5) < 1e-9) }
        let rho = try a.orderConstant(order: 1, options: Fixtures.options())
        #expect(rho.isExact && abs(rho.lower - 0.5) < 1e-9)
    }

    @Test("[[1e20, 1, 2], [1, 1e20, 3]] (ρ₁ = 2e19): no value is claimed rather than a false ∞")
    func noFalseInfinity() throws {
        let a = try NullSpaceMatrix(Matrix([[1e20, 1, 2], [1, 1e20, 3]]))
        do {
            let rho = try a.orderConstant(order: 1, options: Fixtures.options())
            #expect(rho.upper >= 1.9e19 && (rho.upper.isFinite || !rho.isExact))
        } catch {
            guard case .undecided = error else { Issue.record("unexpected error \(error)"); return }
        }
    }

    @Test("a truly infinite ρ_S (dependent columns) is still reported as ∞")
    func trueInfinity() throws {
        let a = try NullSpaceMatrix(Matrix([[1, 2, 0, 1], [1e-9, 2e-9, 1e-9, 0]]))
        #expect(try a.supportConstant([0, 1]).value == .infinity)
        #expect(try a.signedConstant(support: [0, 1], signs: [1, -1]).value == .infinity)
    }

    @Test(
        "full-row-rank matrices at extreme scales are accepted with the unscaled constants",
        arguments: [1e-300, 1e-8, 1e155, 1e300])
    func extremeScales(scale: Double) throws {
        let base = try Fixtures.gaussian(4, 8, seed: 91)
        let reference = try base.orderConstant(order: 2, options: Fixtures.options())
        let rows = base.exact.map(\.doubleValue).rowArrays
        let scaled = try NullSpaceMatrix(Matrix([rows[0].map { $0 * scale }] + rows.dropFirst()))
        let all = try NullSpaceMatrix(Matrix(rows.map { $0.map { $0 * scale } }))
        for a in [scaled, all] {
            let rho = try a.orderConstant(order: 2, options: Fixtures.options())
            #expect(rho.isExact && abs(rho.lower - reference.lower) <= 1e-7 * reference.lower)
        }
    }

    /// (With 10⁻¹² instead of 2⁻⁴⁰ the products 3·10⁻¹², 4·10⁻¹² round: the rows are exactly independent.)
    @Test(
        "an exactly dependent row is refused as rank deficient, however it is scaled",
        arguments: [0x1p-40, 1.0, 0x1p40, 0x1p-1000])
    func dependentRows(scale: Double) {
        let rows: [[Double]] = [[1, 2, 3, 4], [0, 1, 1, 0], [scale, 3 * scale, 4 * scale, 4 * scale]]
        #expect(throws: NullSpacePropertyError.rankDeficient(rows: 3, columns: 4, rank: 2, proven: true)) {
            try NullSpaceMatrix(Matrix(rows))
        }
    }

    /// One transform of A and the value of ρ_2 it must leave unchanged (or refuse cleanly).
    enum Transform: CustomStringConvertible {
        case scaleRow(Int, power: Int), permuteColumns(UInt64), negateColumns(UInt64), duplicateRow(Int)
        var description: String {
            switch self {
            case let .scaleRow(i, k): "row \(i) × 10^\(k)"
            case let .permuteColumns(seed): "column permutation \(seed)"
            case let .negateColumns(seed): "column negation \(seed)"
            case let .duplicateRow(i): "duplicated row \(i)"
            }
        }

        func apply(_ rows: [[Double]]) -> [[Double]] {
            var generator = SplitMix64(seed: seedValue)
            switch self {
            case let .scaleRow(i, k):
                return rows.enumerated().map { r, row in r == i ? row.map { $0 * pow10(k) } : row }
            case .permuteColumns:
                var order = Array(rows[0].indices)
                for j in order.indices.reversed() { order.swapAt(j, Int(generator.next() % UInt64(j + 1))) }
                return rows.map { row in order.map { row[$0] } }
            case .negateColumns:
                let flips = rows[0].indices.map { _ in generator.next() % 2 == 0 ? 1.0 : -1.0 }
                return rows.map { row in zip(row, flips).map(*) }
            case let .duplicateRow(i):
                return rows + [rows[i]]
            }
        }

        private var seedValue: UInt64 {
            switch self {
            case let .permuteColumns(seed), let .negateColumns(seed): seed
            default: 0
            }
        }

        private func pow10(_ k: Int) -> Double {
            k >= 0 ? (0..<k).reduce(1) { x, _ in x * 10 } : 1 / pow10(-k)
        }
    }

    static let transforms: [Transform] =
        (-12...12).map { .scaleRow($0 & 1, power: $0) }
        + (1...3).map { .permuteColumns(UInt64($0)) } + (1...3).map { .negateColumns(UInt64($0)) }
        + [.duplicateRow(0)]

    @Test(
        "metamorphic: ρ_2 unchanged by rows × 10^k (k = −12 … 12), column permutation and negation; duplicates refused",
        arguments: [(3, 6, UInt64(31), true), (4, 8, 32, false), (5, 9, 33, true)])
    func metamorphic(m: Int, n: Int, seed: UInt64, dyadic: Bool) throws {
        var generator = SplitMix64(seed: seed)
        let rows: [[Double]] =
            dyadic
            ? try Fixtures.gaussian(m, n, seed: seed).exact.map(\.doubleValue).rowArrays
            : (0..<m).map { _ in (0..<n).map { _ in Double(generator.next() % 1_000_000) / 7919 - 63.1 } }
        let reference = try NullSpaceMatrix(Matrix(rows)).orderConstant(order: 2, options: Fixtures.options())
        var falseClaims = 0
        for transform in Self.transforms {
            let value: Double
            do {
                let a = try NullSpaceMatrix(Matrix(transform.apply(rows)))
                value = try a.orderConstant(order: 2, options: Fixtures.options()).lower
            } catch {
                if case .duplicateRow = transform { continue }
                Issue.record("\(transform) was refused: \(error)")
                continue
            }
            if case .duplicateRow = transform { falseClaims += 1 }
            if abs(value - reference.lower) > 1e-7 * max(1, reference.lower) { falseClaims += 1 }
        }
        #expect(falseClaims == 0)
    }
}
