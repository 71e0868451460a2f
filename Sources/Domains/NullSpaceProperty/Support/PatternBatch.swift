import LinearProgramming
import SparseRecovery

/// ϱ(S, τ) for several sign patterns τ of one support S on one GLPK problem, in the null-space form
///
///     maximize ⟨τ, v_S⟩   s.t.   A_S v_S + A_{S^c}(p − q) = 0,   Σ (p + q) ≤ 1,   p, q ≥ 0,
///
/// whose feasible set does not depend on τ: only the objective changes from pattern to pattern, so each
/// simplex run starts from the previous optimum (primal feasible), and patterns in Gray-code order differ in
/// one cost. Every answer is checked as `SparseRecovery` checks its own: the witness v (the primal point)
/// and the certificate μ (the row duals of A v = 0, with (Aᵀμ)_S ≈ τ and ‖(Aᵀμ)_{S^c}‖_∞ ≈ ϱ) must agree
/// with each other and with the LP value to ``SparseRecovery/SignedNullSpaceLP/tolerance``. A pattern that
/// is not optimal (ϱ = ∞ makes the form unbounded) or fails the check is solved again by
/// ``NullSpaceMatrix/signedConstant(support:signs:solver:)``, with its exact handling of ∞.
enum PatternBatch {
    /// The fewest patterns worth a batch (below it, each pattern is solved on its own in the reciprocal form,
    /// which is faster cold).
    static let smallest = 2

    /// One solved pattern.
    struct Solution {
        let signs: [Int]
        let value: Double
        let certificate: [Double]
        let witness: [Double]
    }

    /// The patterns, solved in the order given.
    /// - Parameters:
    ///   - matrix: A (row-equilibrated).
    ///   - support: S, increasing, valid.
    ///   - patterns: pattern numbers (τ₀ = +1).
    ///   - solver: the GLPK tolerances; the method is always the primal simplex, without a warm start.
    /// - Throws: ``NullSpacePropertyError/sparseRecovery(_:)`` when GLPK fails.
    /// - Complexity: one LP of m + 1 rows and 2n − |S| columns per pattern, warm after the first; O(m·n) per
    ///   check.
    static func solve(
        _ matrix: NullSpaceMatrix, support: [Int], patterns: [Int], solver: LPSolver
    ) throws(NullSpacePropertyError) -> [Solution] {
        let m = matrix.rows, n = matrix.columns, k = support.count
        let a = matrix.matrix.elements
        var inSupport = Array(repeating: false, count: n)
        for j in support { inSupport[j] = true }
        let complement = (0..<n).filter { !inSupport[$0] }, c = complement.count
        var lp = LinearProgram<Double>(direction: .maximize)
        for _ in 0..<k { lp.addVariable(bounds: .free, cost: 0) }
        for _ in 0..<(2 * c) { lp.addVariable(bounds: .atLeast(0), cost: 0) }
        for i in 0..<m {
            var terms: [(column: Int, coefficient: Double)] = []
            terms.reserveCapacity(k + 2 * c)
            for (position, j) in support.enumerated() where a[i * n + j] != 0 { terms.append((position, a[i * n + j])) }
            for (position, j) in complement.enumerated() where a[i * n + j] != 0 {
                terms.append((k + position, a[i * n + j]))
                terms.append((k + c + position, -a[i * n + j]))
            }
            lp.addConstraint(terms, .fixed(0))
        }
        lp.addConstraint((0..<(2 * c)).map { (column: k + $0, coefficient: 1.0) }, .atMost(1))
        let signs = patterns.map { SignPattern.signs(mask: SignPattern.mask($0), length: k) }
        let objectives = signs.map { tau in tau.map(Double.init) + Array(repeating: 0, count: 2 * c) }
        var fast = solver
        fast.options.method = .primalSimplex
        fast.options.warmStart = nil
        let solutions: [LPSolution]
        do { solutions = try fast.solve(lp, objectives: objectives) } catch {
            throw .sparseRecovery(.linearProgram(error))
        }
        let entry = a.map(\.magnitude).max() ?? 0
        var results: [Solution] = []
        for (tau, solution) in zip(signs, solutions) {
            if solution.status == .optimal, solution.rowDuals.count == m + 1 {
                var v = Array(repeating: 0.0, count: n)
                for (position, j) in support.enumerated() { v[j] = solution.x[position] }
                for (position, j) in complement.enumerated() {
                    v[j] = solution.x[k + position] - solution.x[k + c + position]
                }
                let mu = Array(solution.rowDuals[0..<m])
                if isConsistent(
                    a, rows: m, columns: n, entry: entry, support: support, signs: tau, mu: mu, v: v,
                    value: solution.objective, inSupport: inSupport)
                {
                    results.append(Solution(signs: tau, value: solution.objective, certificate: mu, witness: v))
                    continue
                }
            }
            let fallback = try matrix.signedConstant(support: support, signs: tau, solver: solver)
            results.append(
                Solution(
                    signs: tau, value: fallback.value, certificate: fallback.certificate,
                    witness: fallback.witness))
        }
        return results
    }

    /// The tests of `SignedNullSpaceLP.isConsistent`, in plain loops: with w = Aᵀμ,
    /// ‖w_S − τ‖_∞ ≤ tol·(1 + |ϱ|)·max(1, ‖A‖_max), ‖A v‖_∞ ≤ tol·max(1, ‖A‖_max)·(1 + ‖v‖₁),
    /// ‖v_{S^c}‖₁ ≤ 1 + tol, and both bounds ‖w_{S^c}‖_∞ and ⟨τ, v_S⟩ within tol·(1 + |ϱ|) of ϱ.
    /// - Complexity: O(m·n).
    static func isConsistent(
        _ a: [Double], rows m: Int, columns n: Int, entry: Double, support: [Int], signs: [Int], mu: [Double],
        v: [Double], value: Double, inSupport: [Bool]
    ) -> Bool {
        let tolerance = SignedNullSpaceLP.tolerance, scale = 1 + value.magnitude, big = max(1, entry)
        var w = Array(repeating: 0.0, count: n), nullResidual = 0.0
        for i in 0..<m {
            var activity = 0.0
            for j in 0..<n {
                w[j] += a[i * n + j] * mu[i]
                activity += a[i * n + j] * v[j]
            }
            nullResidual = max(nullResidual, activity.magnitude)
        }
        var residual = 0.0, lower = 0.0
        for (j, sign) in zip(support, signs) {
            residual = max(residual, (w[j] - Double(sign)).magnitude)
            lower += Double(sign) * v[j]
        }
        var upper = 0.0, offMass = 0.0, mass = 0.0
        for j in 0..<n {
            mass += v[j].magnitude
            if !inSupport[j] {
                upper = max(upper, w[j].magnitude)
                offMass += v[j].magnitude
            }
        }
        return residual <= tolerance * scale * big && nullResidual <= tolerance * big * (1 + mass)
            && offMass <= 1 + tolerance && (upper - value).magnitude <= tolerance * scale
            && (lower - value).magnitude <= tolerance * scale
    }
}
