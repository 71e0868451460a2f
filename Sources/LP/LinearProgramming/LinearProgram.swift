import DenseLinearAlgebra

/// Whether the objective is minimized or maximized.
public enum OptimizationDirection: String, Sendable, Hashable, Codable {
    case minimize, maximize
}

/// The bounds of a variable or of a constraint's activity.
public enum Bounds<Scalar: LinearAlgebraScalar>: Sendable, Hashable {
    /// −∞ < v < +∞.
    case free
    /// v ≥ lower.
    case atLeast(Scalar)
    /// v ≤ upper.
    case atMost(Scalar)
    /// lower ≤ v ≤ upper.
    case between(Scalar, Scalar)
    /// v = value.
    case fixed(Scalar)

    /// The lower bound, `nil` for −∞.
    public var lower: Scalar? {
        switch self {
        case .free, .atMost: nil
        case let .atLeast(l), let .between(l, _), let .fixed(l): l
        }
    }

    /// The upper bound, `nil` for +∞.
    public var upper: Scalar? {
        switch self {
        case .free, .atLeast: nil
        case let .atMost(u), let .between(_, u): u
        case let .fixed(u): u
        }
    }

    /// The same bounds with every number converted by `transform`.
    public func map<Other>(_ transform: (Scalar) -> Other) -> Bounds<Other> {
        switch self {
        case .free: .free
        case let .atLeast(l): .atLeast(transform(l))
        case let .atMost(u): .atMost(transform(u))
        case let .between(l, u): .between(transform(l), transform(u))
        case let .fixed(v): .fixed(transform(v))
        }
    }
}

/// One coefficient of a sparse constraint row: `coefficient · x[column]`.
public struct LinearTerm<Scalar: LinearAlgebraScalar>: Sendable, Hashable {
    /// 0-based index of the variable.
    public var column: Int
    /// Its coefficient.
    public var coefficient: Scalar

    /// The term coefficient·x_column.
    @inlinable
    public init(column: Int, coefficient: Scalar) {
        self.column = column
        self.coefficient = coefficient
    }
}

/// A linear program, independent of any solver:
///
///     minimize (or maximize)  cᵀx + c₀
///     subject to              lᵣ ≤ A x ≤ uᵣ   (row by row, each side optional)
///                             l ≤ x ≤ u        (variable by variable, each side optional)
///                             xⱼ ∈ ℤ for integer variables (then it is a MILP)
///
/// Generic over the scalar: `LinearProgram<Double>` is what a floating-point solver takes,
/// `LinearProgram<Rational>` the exact data that a returned basis is re-verified against.
/// Indices are 0-based. The model is a plain value: build it on any thread, pass it anywhere.
public struct LinearProgram<Scalar: LinearAlgebraScalar>: Sendable, Hashable {
    /// A decision variable.
    public struct Variable: Sendable, Hashable {
        /// The bounds of the variable.
        public var bounds: Bounds<Scalar>
        /// Its objective coefficient cⱼ.
        public var cost: Scalar
        /// Whether xⱼ must be an integer.
        public var isInteger: Bool
        /// An optional name, used in messages.
        public var name: String?

        /// A variable with its bounds, objective coefficient and integrality.
        @inlinable
        public init(bounds: Bounds<Scalar>, cost: Scalar, isInteger: Bool = false, name: String? = nil) {
            self.bounds = bounds
            self.cost = cost
            self.isInteger = isInteger
            self.name = name
        }
    }

    /// A constraint lᵣ ≤ Σⱼ aᵣⱼ xⱼ ≤ uᵣ with a sparse row.
    public struct Constraint: Sendable, Hashable {
        /// The sparse row: (column, coefficient) pairs, columns distinct.
        public var terms: [LinearTerm<Scalar>]
        /// The bounds on the row activity Σ coefficient·x_column.
        public var bounds: Bounds<Scalar>
        /// An optional name, used in messages.
        public var name: String?

        /// A constraint from its sparse row and bounds.
        @inlinable
        public init(terms: [LinearTerm<Scalar>], bounds: Bounds<Scalar>, name: String? = nil) {
            self.terms = terms
            self.bounds = bounds
            self.name = name
        }
    }

    /// Minimize (default) or maximize.
    public var direction: OptimizationDirection
    /// The constant c₀ of the objective.
    public var objectiveConstant: Scalar
    /// The variables, in column order.
    public var variables: [Variable]
    /// The constraints, in row order.
    public var constraints: [Constraint]

    /// An LP with no variables and no constraints yet.
    public init(direction: OptimizationDirection = .minimize, objectiveConstant: Scalar = .zero) {
        self.direction = direction
        self.objectiveConstant = objectiveConstant
        self.variables = []
        self.constraints = []
    }

    /// Adds a variable and returns its index.
    @inlinable @discardableResult
    public mutating func addVariable(
        bounds: Bounds<Scalar> = .atLeast(.zero), cost: Scalar = .zero,
        isInteger: Bool = false, name: String? = nil
    ) -> Int {
        variables.append(Variable(bounds: bounds, cost: cost, isInteger: isInteger, name: name))
        return variables.count - 1
    }

    /// Adds the constraint `bounds ∋ Σ coefficient·x[column]` and returns its row index.
    /// (Inlinable, so that building large LPs runs specialized for the scalar in the caller's module.)
    @inlinable @discardableResult
    public mutating func addConstraint(
        _ terms: [(column: Int, coefficient: Scalar)], _ bounds: Bounds<Scalar>,
        name: String? = nil
    ) -> Int {
        let row = terms.map { LinearTerm(column: $0.column, coefficient: $0.coefficient) }
        constraints.append(Constraint(terms: row, bounds: bounds, name: name))
        return constraints.count - 1
    }

    /// Whether some variable is integer, which makes this a mixed-integer program.
    public var isMixedInteger: Bool { variables.contains(where: \.isInteger) }

    /// The same program with every number converted by `transform`
    /// (`exact.map(\.doubleValue)` rounds exact data for a floating-point solver).
    public func map<Other>(_ transform: (Scalar) -> Other) -> LinearProgram<Other> {
        var result = LinearProgram<Other>(direction: direction, objectiveConstant: transform(objectiveConstant))
        result.variables = variables.map {
            .init(bounds: $0.bounds.map(transform), cost: transform($0.cost), isInteger: $0.isInteger, name: $0.name)
        }
        result.constraints = constraints.map {
            .init(
                terms: $0.terms.map { LinearTerm(column: $0.column, coefficient: transform($0.coefficient)) },
                bounds: $0.bounds.map(transform), name: $0.name)
        }
        return result
    }
}
