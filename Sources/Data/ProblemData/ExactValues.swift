import DenseLinearAlgebra
import ExactArithmetic
import Synchronization

/// A list of finite values as a reader produced them: the doubles, plus the exact rationals when some
/// value is not exactly a double.
///
/// Readers append values one by one; as long as every value is a double (the usual case: binary files,
/// decimal text) no `Rational` is ever made. The first value that is not a double switches the list to
/// keep rationals as well, and from then on `doubles[k]` is the double nearest to `rationals[k]`.
struct ExactValues: Sendable, Hashable {
    /// Every value, rounded to the nearest double when it is not one.
    private(set) var doubles: [Double] = []
    /// Every value exactly, or `nil` when every value is exactly its double.
    private(set) var rationals: [Rational]?

    init() {}

    /// Values that are all doubles.
    init(doubles: [Double]) { self.doubles = doubles }

    /// Exact values; the rationals are kept only when some value is not a double.
    init(rationals values: [Rational]) {
        doubles.reserveCapacity(values.count)
        for value in values { append(value) }
    }

    /// The number of values.
    var count: Int { doubles.count }

    /// Whether every value is exactly the double stored for it.
    var isExactlyDouble: Bool { rationals == nil }

    /// Reserves room for `count` values.
    mutating func reserve(_ count: Int) { doubles.reserveCapacity(count) }

    /// Appends a finite double.
    mutating func append(_ value: Double) {
        doubles.append(value)
        rationals?.append(Rational(exactly: value) ?? .zero)
    }

    /// Appends an exact value, keeping it as a rational only when it is not a double.
    mutating func append(_ value: Rational) {
        let nearest = value.doubleValue
        if rationals == nil, nearest.isFinite, Rational(exactly: nearest) == value {
            doubles.append(nearest)
            return
        }
        if rationals == nil { rationals = doubles.map { Rational(exactly: $0) ?? .zero } }
        doubles.append(nearest)
        rationals?.append(value)
    }

    /// Appends every value of `other`.
    mutating func append(contentsOf other: ExactValues) {
        if rationals == nil, other.rationals == nil {
            doubles += other.doubles
            return
        }
        if rationals == nil { rationals = doubles.map { Rational(exactly: $0) ?? .zero } }
        rationals? += other.exactValues
        doubles += other.doubles
    }

    /// Every value as an exact rational (made from the doubles when they are exact).
    /// - Complexity: O(count) conversions when the values are doubles.
    var exactValues: [Rational] { rationals ?? doubles.map { Rational(exactly: $0) ?? .zero } }

    /// The value at `index`, exactly.
    func exactValue(at index: Int) -> Rational { rationals?[index] ?? Rational(exactly: doubles[index]) ?? .zero }
}

/// Rationals made from doubles the first time they are asked for, then kept; shared by copies of a
/// ``Problem`` (the values never change, only whether they have been made yet).
final class ExactCache<Value: Sendable>: Sendable {
    private let state: Mutex<Value?>

    /// A cache holding `value` already, or empty.
    init(_ value: Value?) { state = Mutex(value) }

    /// The cached value, made by `make` on the first call.
    func value(orMake make: () -> Value) -> Value {
        state.withLock { cached in
            if let cached { return cached }
            let made = make()
            cached = made
            return made
        }
    }
}

extension ExactValues {
    /// The values reordered: entry k of the result is entry `source(k)` of `self`.
    func permuted(count: Int, _ source: (Int) -> Int) -> ExactValues {
        var result = ExactValues()
        result.doubles = (0..<count).map { doubles[source($0)] }
        result.rationals = rationals.map { exact in (0..<count).map { exact[source($0)] } }
        return result
    }
}

/// A matrix's shape and its values in row-major order, as a reader produced them.
struct ArrayValues: Sendable {
    let rows: Int
    let columns: Int
    let values: ExactValues

    /// The matrix, exactly.
    var matrix: Matrix<Rational> { Matrix(rows: rows, columns: columns, elements: values.exactValues) }
}

extension ExactValues {
    /// `count` zeros, to be filled by ``set(_:_:)`` in any order.
    init(zeros count: Int) { self.init(doubles: [Double](repeating: 0, count: count)) }

    /// Sets value `index` to a number as a reader converted it.
    mutating func set(_ index: Int, _ value: NumberValue) {
        switch value {
        case .double(let double):
            doubles[index] = double
            rationals?[index] = Rational(exactly: double) ?? .zero
        case .rational(let exact):
            if rationals == nil { rationals = doubles.map { Rational(exactly: $0) ?? .zero } }
            doubles[index] = exact.doubleValue
            rationals?[index] = exact
        case .failure:
            preconditionFailure("set(_:_:) takes finite values only")
        }
    }

    /// Appends a number as a reader converted it.
    /// - Precondition: `value` is not a failure.
    mutating func append(_ value: NumberValue) {
        switch value {
        case .double(let double): append(double)
        case .rational(let exact): append(exact)
        case .failure: preconditionFailure("append(_:) takes finite values only")
        }
    }
}
