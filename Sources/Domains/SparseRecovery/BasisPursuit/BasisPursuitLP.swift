import DenseLinearAlgebra
import LinearProgramming

/// The LP of a ``BasisPursuitProblem`` and the map back from LP values to x and μ.
///
/// Columns: x = p − q with p, q ≥ 0 (cost w on both), or x ≥ 0 alone (non-negative variant); for an ℓ1 noise
/// ball also r⁺, r⁻ ≥ 0 with r = r⁺ − r⁻. Rows 0..<m: (A x)ᵢ = yᵢ, or yᵢ − η ≤ (A x)ᵢ ≤ yᵢ + η (ℓ∞ ball), or
/// (A x)ᵢ − rᵢ = yᵢ (ℓ1 ball, with one more row Σ(r⁺ + r⁻) ≤ η). The dual certificate μ is the row duals of
/// rows 0..<m: the reduced costs of p and q are w ∓ Aᵀμ ≥ 0, i.e. |Aᵀμ| ≤ w.
struct BasisPursuitLP<Scalar: LinearAlgebraScalar> {
    let problem: BasisPursuitProblem<Scalar>
    let program: LinearProgram<Scalar>

    init(_ problem: BasisPursuitProblem<Scalar>) {
        self.problem = problem
        let a = problem.matrix, m = a.rows, n = a.columns
        var lp = LinearProgram<Scalar>(direction: .minimize)
        for j in 0..<n { lp.addVariable(bounds: .atLeast(.zero), cost: problem.weight(j)) }
        if !problem.nonnegative {
            for j in 0..<n { lp.addVariable(bounds: .atLeast(.zero), cost: problem.weight(j)) }
        }
        let residualOffset = lp.variables.count
        let l1Ball = problem.noise?.norm == .one
        if l1Ball { for _ in 0..<(2 * m) { lp.addVariable(bounds: .atLeast(.zero)) } }
        for i in 0..<m {
            var terms: [(column: Int, coefficient: Scalar)] = []
            for j in 0..<n where a[i, j] != .zero {
                terms.append((j, a[i, j]))
                if !problem.nonnegative { terms.append((n + j, -a[i, j])) }
            }
            if l1Ball { terms += [(residualOffset + i, -1), (residualOffset + m + i, 1)] }
            let y = problem.observations[i]
            if let noise = problem.noise, noise.norm == .infinity, noise.bound > .zero {
                lp.addConstraint(terms, .between(y - noise.bound, y + noise.bound))
            } else {
                lp.addConstraint(terms, .fixed(y))
            }
        }
        if l1Ball, let noise = problem.noise {
            lp.addConstraint((0..<(2 * m)).map { (column: residualOffset + $0, coefficient: 1) }, .atMost(noise.bound))
        }
        self.program = lp
    }

    /// x from the LP's column values.
    func x<Value: LinearAlgebraScalar>(_ values: [Value]) -> [Value] {
        let n = problem.matrix.columns
        return problem.nonnegative ? Array(values[0..<n]) : (0..<n).map { values[$0] - values[n + $0] }
    }

    /// μ from the LP's row duals.
    func dual(_ rowDuals: [Scalar]) -> [Scalar] { Array(rowDuals[0..<problem.matrix.rows]) }
}
