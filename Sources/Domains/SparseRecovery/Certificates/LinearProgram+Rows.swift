import DenseLinearAlgebra
import LinearProgramming

extension LinearProgram {
    /// Appends the constraint `bounds ∋ Σ coefficient·x[column]`, like `addConstraint(_:_:name:)`, but builds
    /// the sparse row here, in code the compiler specializes for the concrete scalar. (`addConstraint` runs as
    /// unspecialized generic code across the module boundary: ~0.5 µs per term, 160 ms for a 200×800 BP LP.)
    ///
    /// - Complexity: O(terms.count).
    @discardableResult
    mutating func addRow(_ terms: [(column: Int, coefficient: Scalar)], _ bounds: Bounds<Scalar>) -> Int {
        let row = addConstraint([], bounds)
        constraints[row].terms = terms.map { LinearTerm(column: $0.column, coefficient: $0.coefficient) }
        return row
    }
}

extension Matrix {
    /// aᵢⱼ read from the stored elements (specialized in this module, unlike the generic subscript).
    func entry(_ i: Int, _ j: Int) -> Scalar { elements[i * columns + j] }
}
