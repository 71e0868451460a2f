import DenseLinearAlgebra
import ExactArithmetic
import ProblemData

extension LinearProgram<Rational> {
    /// The LP of an LP file (SciPy `linprog`'s names, read by `ProblemData`'s `LinearProgramFile`): one
    /// variable per cost with its bounds and integrality, the rows of A_ub as ≤ constraints, then the rows of
    /// A_eq as equalities; zero coefficients are left out.
    ///
    /// - Parameter file: the file's contents, already checked for shape.
    /// - Complexity: O(m·n) for m rows and n variables.
    public init(_ file: LinearProgramFile) {
        self.init(direction: file.sense == .maximize ? .maximize : .minimize)
        for (j, cost) in file.costs.enumerated() {
            let bounds: Bounds<Rational> =
                switch (file.bounds[j].lower, file.bounds[j].upper) {
                case (nil, nil): .free
                case let (lower?, nil): .atLeast(lower)
                case let (nil, upper?): .atMost(upper)
                case let (lower?, upper?): lower == upper ? .fixed(lower) : .between(lower, upper)
                }
            addVariable(bounds: bounds, cost: cost, isInteger: file.integrality[j])
        }
        for (rows, bounds) in [(file.inequalities, Bounds<Rational>.atMost), (file.equalities, Bounds.fixed)] {
            for row in rows {
                let terms = row.coefficients.enumerated().filter { $0.element != .zero }.map {
                    (column: $0.offset, coefficient: $0.element)
                }
                addConstraint(terms, bounds(row.rightHandSide))
            }
        }
    }
}
