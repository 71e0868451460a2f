import DenseLinearAlgebra
import ExactArithmetic
import Foundation
import ProblemData
import SparseRecovery
import Testing

/// Random basis pursuit instances and the transformations of the metamorphic suite (issue 9, "Must show").
struct MetamorphicInstance: Sendable, CustomTestStringConvertible {
    enum Data: String, Sendable { case dyadic, raw }
    let rows: Int, columns: Int, sparsity: Int, data: Data, seed: UInt64
    let matrix: Matrix<Double>
    let observations: [Double]

    /// A on multiples of 2⁻¹⁰ and x₀ on multiples of 2⁻⁴ with y = A x₀ exact (dyadic), or Gaussian doubles
    /// with y = fl(A x₀) (raw float64, as NumPy writes them).
    init(rows: Int, columns: Int, sparsity: Int, data: Data, seed: UInt64) {
        self.rows = rows
        self.columns = columns
        self.sparsity = sparsity
        self.data = data
        self.seed = seed
        var generator = SplitMix64(seed: seed)
        var entries = (0..<(rows * columns)).map { _ in generator.nextGaussian() / Double(rows).squareRoot() }
        var x0 = [Double](repeating: 0, count: columns)
        var chosen = Set<Int>()
        while chosen.count < sparsity { chosen.insert(generator.nextInt(below: columns)) }
        for j in chosen { x0[j] = generator.nextGaussian() + (generator.nextUniform() < 0.5 ? -1 : 1) }
        if data == .dyadic {
            entries = entries.map { ($0 * 1024).rounded() / 1024 }
            x0 = x0.map { ($0 * 16).rounded() / 16 }
        }
        matrix = Matrix(rows: rows, columns: columns, elements: entries)
        observations = matrix.multiply(x0)
    }

    var testDescription: String { "\(data.rawValue) \(rows)×\(columns) s=\(sparsity) seed \(seed)" }

    var problem: BasisPursuitProblem<Double> { BasisPursuitProblem(matrix: matrix, observations: observations) }

    static let all: [MetamorphicInstance] = [
        .init(rows: 4, columns: 8, sparsity: 1, data: .dyadic, seed: 1),
        .init(rows: 6, columns: 15, sparsity: 2, data: .dyadic, seed: 2),
        .init(rows: 8, columns: 20, sparsity: 3, data: .dyadic, seed: 3),
        .init(rows: 6, columns: 6, sparsity: 6, data: .dyadic, seed: 4),
        .init(rows: 5, columns: 12, sparsity: 2, data: .raw, seed: 5),
        .init(rows: 6, columns: 14, sparsity: 2, data: .raw, seed: 6),
        .init(rows: 6, columns: 6, sparsity: 6, data: .raw, seed: 7),
    ]
}

/// One transformation and how the minimizer transforms with it.
enum MetamorphicTransform: Sendable, CustomStringConvertible {
    /// Every other row (and its yᵢ) times 10ᵏ: x* unchanged.
    case scaleRows(Int)
    /// Even columns times 10ᵏ, odd ones times 10⁻ᵏ: plain BP of A·C is weighted BP of A (w = 1/c), a new
    /// problem; its claims are judged against its own independently re-checked exact solution.
    case scaleColumns(Int)
    /// y times 10ᵏ: x* times 10ᵏ.
    case scaleObservations(Int)
    /// Columns reversed: x* reversed.
    case permuteColumns
    /// Every other column negated: those x*ⱼ negated.
    case negateColumns
    /// Every row twice: x* unchanged.
    case duplicateRows

    var description: String {
        switch self {
        case let .scaleRows(k): "rows ×10^\(k)"
        case let .scaleColumns(k): "columns ×10^±\(k)"
        case let .scaleObservations(k): "y ×10^\(k)"
        case .permuteColumns: "columns permuted"
        case .negateColumns: "columns negated"
        case .duplicateRows: "rows duplicated"
        }
    }

    static let all: [MetamorphicTransform] =
        (-12...12).flatMap { [.scaleRows($0), .scaleColumns($0), .scaleObservations($0)] }
        + [.permuteColumns, .negateColumns, .duplicateRows]

    /// Whether the exact mode runs too (every k would take minutes: 10ᵏ-scaled doubles are big fractions).
    var runsExactMode: Bool {
        switch self {
        case .scaleRows(let k), .scaleObservations(let k): k.magnitude == 12
        case .scaleColumns(let k): k == 12
        case .permuteColumns, .negateColumns, .duplicateRows: true
        }
    }

    /// The optimal objective of the transformed problem predicted from the original one (`nil` for column
    /// scaling, which makes a new problem: weighted BP of A with w = 1/c).
    func predictObjective(_ objective: Double) -> Double? {
        switch self {
        case .scaleColumns: nil
        case let .scaleObservations(k): objective * Foundation.pow(10.0, Double(k))
        default: objective
        }
    }

    /// Whether the transformed data are the same numbers up to sign, order and repetition (then the exact
    /// objective must be equal, not just close).
    var isExact: Bool {
        switch self {
        case .permuteColumns, .negateColumns, .duplicateRows: true
        case let .scaleRows(k), let .scaleColumns(k), let .scaleObservations(k): k == 0
        }
    }

    /// The transformed problem.
    func apply(_ problem: BasisPursuitProblem<Double>) -> BasisPursuitProblem<Double> {
        let a = problem.matrix, y = problem.observations, m = a.rows, n = a.columns
        let power = { (k: Int) in Foundation.pow(10.0, Double(k)) }
        switch self {
        case let .scaleRows(k):
            var b = a, z = y
            for i in stride(from: 0, to: m, by: 2) {
                for j in 0..<n { b[i, j] *= power(k) }
                z[i] *= power(k)
            }
            return BasisPursuitProblem(matrix: b, observations: z)
        case let .scaleColumns(k):
            var b = a
            let factors = (0..<n).map { power($0.isMultiple(of: 2) ? k : -k) }
            for i in 0..<m { for j in 0..<n { b[i, j] *= factors[j] } }
            return BasisPursuitProblem(matrix: b, observations: y)
        case let .scaleObservations(k):
            return BasisPursuitProblem(matrix: a, observations: y.map { $0 * power(k) })
        case .permuteColumns:
            var b = a
            for i in 0..<m { for j in 0..<n { b[i, j] = a[i, n - 1 - j] } }
            return BasisPursuitProblem(matrix: b, observations: y)
        case .negateColumns:
            var b = a
            for i in 0..<m { for j in stride(from: 1, to: n, by: 2) { b[i, j] = -a[i, j] } }
            return BasisPursuitProblem(matrix: b, observations: y)
        case .duplicateRows:
            let b = Matrix(rows: 2 * m, columns: n, elements: a.elements + a.elements)
            return BasisPursuitProblem(matrix: b, observations: y + y)
        }
    }
}
