import DenseLinearAlgebra
import ExactArithmetic

/// A sparse-recovery instance: the linear system `A x = y`, validated once and stored exactly.
///
/// A is m×n (usually m < n), y has m entries, and the optional ground truth x₀ (n entries) is the signal
/// the instance was generated from. Every value is finite and kept exactly: as the double it is when the
/// data are doubles (``isExactlyDouble``; every binary file and decimal text), as an exact rational
/// otherwise (fractions like `"1/3"`, integers beyond 2⁵³, generated instances on fine grids). The
/// rational views ``matrix``, ``observations`` and ``groundTruth`` are made from the doubles only when
/// first asked for (exact arithmetic), and then kept; the double views cost nothing.
public struct Problem: Sendable, Hashable {
    /// A with every entry rounded to the nearest double (exactly A when ``isExactlyDouble``).
    /// - Complexity: O(1); stored.
    public private(set) var doubleMatrix: Matrix<Double>
    /// y with every entry rounded to the nearest double (exactly y when ``isExactlyDouble``).
    public private(set) var doubleObservations: [Double]
    /// x₀ with every entry rounded to the nearest double, when known.
    public private(set) var doubleGroundTruth: [Double]?
    /// Whether every value of A, y and x₀ is exactly the double stored for it, so that the double views
    /// are the data themselves and no rounding happened anywhere.
    public var isExactlyDouble: Bool { exactness == [true, true, true] }
    /// A short name for reports and file metadata.
    public var name: String?

    private var exactness: [Bool]
    private var exactMatrix: ExactCache<Matrix<Rational>>
    private var exactObservations: ExactCache<[Rational]>
    private var exactGroundTruth: ExactCache<[Rational]?>

    /// A problem from exact parts, after checking that they fit together.
    ///
    /// - Parameters:
    ///   - matrix: A, with at least one row and one column.
    ///   - observations: y, one entry per row of A.
    ///   - groundTruth: x₀, one entry per column of A, or `nil`.
    ///   - name: an optional name.
    /// - Throws: ``ProblemDataError`` when A is empty or y or x₀ has the wrong length.
    /// - Complexity: O(m·n) to round the values and to check which are doubles.
    public init(
        matrix: Matrix<Rational>, observations: [Rational], groundTruth: [Rational]? = nil,
        name: String? = nil
    ) throws(ProblemDataError) {
        try self.init(
            rows: matrix.rows, columns: matrix.columns, matrix: ExactValues(rationals: matrix.elements),
            observations: ExactValues(rationals: observations),
            groundTruth: groundTruth.map(ExactValues.init(rationals:)), name: name)
    }

    /// A problem from double data, which are exact as they are (no rational is made until one is asked for).
    ///
    /// - Parameters:
    ///   - doubleMatrix: A, with at least one row and one column, every entry finite.
    ///   - observations: y, one finite entry per row of A.
    ///   - groundTruth: x₀, one finite entry per column of A, or `nil`.
    ///   - name: an optional name.
    /// - Throws: ``ProblemDataError`` when A is empty, a length is wrong or a value is NaN or infinite.
    public init(
        doubleMatrix: Matrix<Double>, observations: [Double], groundTruth: [Double]? = nil,
        name: String? = nil
    ) throws(ProblemDataError) {
        for (part, values) in [("A", doubleMatrix.elements), ("y", observations), ("x0", groundTruth ?? [])] {
            if let k = values.firstIndex(where: { !$0.isFinite }) {
                throw ProblemDataError("\(part) entry \(k) is \(values[k]): NaN and infinities are not allowed")
            }
        }
        try self.init(
            rows: doubleMatrix.rows, columns: doubleMatrix.columns,
            matrix: ExactValues(doubles: doubleMatrix.elements), observations: ExactValues(doubles: observations),
            groundTruth: groundTruth.map(ExactValues.init(doubles:)), name: name)
    }

    /// A problem from the values a reader produced (finite already), after checking the lengths.
    init(
        rows: Int, columns: Int, matrix: ExactValues, observations: ExactValues, groundTruth: ExactValues?,
        name: String?
    ) throws(ProblemDataError) {
        guard rows > 0, columns > 0 else {
            throw ProblemDataError("the matrix A is \(rows)×\(columns): it needs at least one row and one column")
        }
        guard observations.count == rows else {
            throw ProblemDataError(
                "y has \(observations.count) entries but A has \(rows) rows: y needs one entry per row of A")
        }
        if let groundTruth, groundTruth.count != columns {
            throw ProblemDataError(
                "x0 has \(groundTruth.count) entries but A has \(columns) columns: x0 needs one entry per column of A")
        }
        doubleMatrix = Matrix(rows: rows, columns: columns, elements: matrix.doubles)
        doubleObservations = observations.doubles
        doubleGroundTruth = groundTruth?.doubles
        self.name = name
        exactness = [matrix.isExactlyDouble, observations.isExactlyDouble, groundTruth?.isExactlyDouble ?? true]
        exactMatrix = ExactCache(matrix.rationals.map { Matrix(rows: rows, columns: columns, elements: $0) })
        exactObservations = ExactCache(observations.rationals)
        let knownGroundTruth: [Rational]?? =
            if let groundTruth { groundTruth.rationals.map { .some($0) } } else { .some(nil) }
        exactGroundTruth = ExactCache(knownGroundTruth)
    }

    /// The m×n matrix A, exactly.
    /// - Complexity: O(m·n) exact conversions on the first access when A holds doubles, O(1) after.
    public var matrix: Matrix<Rational> {
        get { exactMatrix.value { doubleMatrix.map { Rational(exactly: $0) ?? .zero } } }
        set {
            let values = ExactValues(rationals: newValue.elements)
            doubleMatrix = Matrix(rows: newValue.rows, columns: newValue.columns, elements: values.doubles)
            exactness[0] = values.isExactlyDouble
            exactMatrix = ExactCache(newValue)
        }
    }

    /// The observations y (m entries), exactly.
    /// - Complexity: O(m) exact conversions on the first access when y holds doubles, O(1) after.
    public var observations: [Rational] {
        get { exactObservations.value { doubleObservations.map { Rational(exactly: $0) ?? .zero } } }
        set {
            let values = ExactValues(rationals: newValue)
            doubleObservations = values.doubles
            exactness[1] = values.isExactlyDouble
            exactObservations = ExactCache(newValue)
        }
    }

    /// The signal x₀ (n entries) the problem was generated from, when known, exactly.
    public var groundTruth: [Rational]? {
        get { exactGroundTruth.value { doubleGroundTruth.map { $0.map { Rational(exactly: $0) ?? .zero } } } }
        set {
            let values = newValue.map(ExactValues.init(rationals:))
            doubleGroundTruth = values?.doubles
            exactness[2] = values?.isExactlyDouble ?? true
            exactGroundTruth = ExactCache(.some(newValue))
        }
    }

    /// Whether two problems hold the same name and the same values (however they are stored).
    public static func == (lhs: Problem, rhs: Problem) -> Bool {
        guard lhs.name == rhs.name, lhs.doubleMatrix.rows == rhs.doubleMatrix.rows,
            lhs.doubleMatrix.columns == rhs.doubleMatrix.columns,
            (lhs.doubleGroundTruth == nil) == (rhs.doubleGroundTruth == nil)
        else { return false }
        if lhs.isExactlyDouble, rhs.isExactlyDouble {
            return lhs.doubleMatrix == rhs.doubleMatrix && lhs.doubleObservations == rhs.doubleObservations
                && lhs.doubleGroundTruth == rhs.doubleGroundTruth
        }
        return lhs.matrix == rhs.matrix && lhs.observations == rhs.observations && lhs.groundTruth == rhs.groundTruth
    }

    /// Hashes the name, the shape and the nearest doubles (equal values have equal nearest doubles).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(doubleMatrix.rows)
        hasher.combine(doubleMatrix.columns)
        for value in doubleMatrix.elements + doubleObservations + (doubleGroundTruth ?? []) {
            hasher.combine(value == 0 ? 0 : value)
        }
        hasher.combine(doubleGroundTruth == nil)
    }
}
