import DenseLinearAlgebra
import ExactArithmetic
import LinearProgramming

/// The linear programs behind the exponent ϱ(S, τ) and their solution, in floating point or exactly.
///
/// Three equivalent LPs: the min-t form below (``program(matrix:support:signs:)``), the dual "null-space"
/// form (``dualProgram(matrix:support:signs:)``, m + 1 rows: the exact mode uses it) and the reciprocal form
/// (``reciprocalProgram(matrix:support:signs:)``, fastest in GLPK: the floating-point mode uses it).
///
/// Min-t ("certificate") form, variables (μ, t) ∈ ℝ^m × ℝ₊:
///
///     minimize t   s.t.   (Aᵀμ)_j = τ_j        for j ∈ S         (rows 0..<s, in the order of S)
///                         (Aᵀμ)_j − t ≤ 0      for j ∈ S^c       (row s + 2k for the k-th index of S^c)
///                         (Aᵀμ)_j + t ≥ 0      for j ∈ S^c       (row s + 2k + 1)
///
/// Its row duals λ give the maximizer of the dual ("null-space") form: v_j = λ_j on S and
/// v_j = λ_{s+2k} + λ_{s+2k+1} on S^c. Zero reduced costs of the free μ say A v = 0, the reduced cost of t
/// says ‖v_{S^c}‖₁ ≤ 1, and the dual objective is ⟨τ, v_S⟩ = ϱ.
public enum SignedNullSpaceLP {
    /// Relative tolerance of the floating-point consistency checks between μ and v.
    public static let tolerance = 1e-7

    /// The primal LP above, columns μ₀…μ_{m−1} (free) then t (≥ 0, cost 1).
    ///
    /// - Parameters:
    ///   - matrix: A, m×n.
    ///   - support: S, distinct 0-based column indices.
    ///   - signs: τ, one of ±1 per index of S.
    /// - Throws: ``SparseRecoveryError`` for an empty matrix or an invalid support or sign pattern.
    /// - Complexity: O(m·n) to build; s + 2(n − s) rows, m + 1 columns.
    public static func program<Scalar: LinearAlgebraScalar>(
        matrix: Matrix<Scalar>, support: [Int], signs: [Int]
    )
        throws(SparseRecoveryError) -> LinearProgram<Scalar>
    {
        let pattern = try SignedSupport(support: support, signs: signs, rows: matrix.rows, columns: matrix.columns)
        return program(matrix, pattern)
    }

    /// The dual LP, an independent formulation for cross-checks: variables v_S (free), then p, q ≥ 0 on S^c
    /// (v_{S^c} = p − q), in the order of S and of S^c:
    ///
    ///     maximize ⟨τ, v_S⟩   s.t.   A_S v_S + A_{S^c}(p − q) = 0,   Σ (p + q) ≤ 1.
    ///
    /// Its optimal value is ϱ(S, τ); it is unbounded exactly when ϱ = +∞.
    ///
    /// - Throws: ``SparseRecoveryError`` for an empty matrix or an invalid support or sign pattern.
    /// - Complexity: O(m·n); m + 1 rows, 2n − s columns.
    public static func dualProgram<Scalar: LinearAlgebraScalar>(
        matrix: Matrix<Scalar>, support: [Int], signs: [Int]
    )
        throws(SparseRecoveryError) -> LinearProgram<Scalar>
    {
        let pattern = try SignedSupport(support: support, signs: signs, rows: matrix.rows, columns: matrix.columns)
        return dualProgram(matrix, pattern)
    }

    /// The reciprocal LP, variables (ν, s) ∈ ℝ^m × ℝ₊, one row per column j of A (row j):
    ///
    ///     maximize s   s.t.   (Aᵀν)_j − s·τ_j = 0   for j ∈ S,     −1 ≤ (Aᵀν)_j ≤ 1   for j ∈ S^c.
    ///
    /// Its optimal value is s* = 1/ϱ(S, τ) with μ = ν*/s* (s* = 0 ⇔ ϱ = +∞; unbounded ⇔ ϱ = 0), and its row
    /// duals λ give the witness v = −λ/s*. The origin is a feasible vertex, so the primal simplex starts
    /// without a phase 1 — this is the form ``solve(matrix:support:signs:solver:)`` uses.
    ///
    /// - Throws: ``SparseRecoveryError`` for an empty matrix or an invalid support or sign pattern.
    /// - Complexity: O(m·n) to build; n rows, m + 1 columns.
    public static func reciprocalProgram<Scalar: LinearAlgebraScalar>(
        matrix: Matrix<Scalar>, support: [Int], signs: [Int]
    )
        throws(SparseRecoveryError) -> LinearProgram<Scalar>
    {
        let pattern = try SignedSupport(support: support, signs: signs, rows: matrix.rows, columns: matrix.columns)
        return reciprocalProgram(matrix, pattern)
    }

    /// Computes ϱ(S, τ) with GLPK, with the certificate μ and the witness v, checked against each other.
    ///
    /// Solves ``reciprocalProgram(matrix:support:signs:)`` with the primal simplex (whatever
    /// `solver.options.method` says: that form starts feasible, which makes it 3–4× faster than the other
    /// forms on Gaussian 50×200 … 200×800 matrices). When that LP is unbounded (ϱ = 0), has s* = 0 (ϱ = +∞),
    /// or its μ and v disagree beyond ``tolerance``, the min-t form ``program(matrix:support:signs:)`` is
    /// solved instead, then ``dualProgram(matrix:support:signs:)`` for v if needed, and the ray LP for ϱ = +∞.
    ///
    /// - Parameters:
    ///   - matrix: A, m×n, finite entries.
    ///   - support: S, distinct 0-based column indices (may be empty).
    ///   - signs: τ ∈ {−1, +1}^|S|.
    ///   - solver: the GLPK configuration (tolerances, limits). `options.method` and `options.warmStart` are
    ///     ignored: the primal simplex from the feasible origin is what is fast here, and a warm start from the
    ///     optimal basis for another τ made it slower (measured at 200×800: 1.6 s warm against 0.77 s cold,
    ///     because that basis is not feasible for the new τ).
    /// - Returns: the value with μ and v; `value == .infinity` with a ray when (Aᵀμ)_S = τ is infeasible.
    /// - Throws: ``SparseRecoveryError`` for invalid input; `.numericalFailure` when no form yields an optimal
    ///   or infeasible status, or μ and v disagree beyond ``tolerance`` in every form.
    /// - Complexity: one primal-simplex solve of an n×(m + 1) LP, plus O(m·n) for the checks.
    public static func solve(
        matrix: Matrix<Double>, support: [Int], signs: [Int],
        solver: LPSolver = LPSolver()
    ) throws(SparseRecoveryError) -> SignedNullSpaceConstant {
        try matrix.validateEntries(\.isFinite)
        let pattern = try SignedSupport(support: support, signs: signs, rows: matrix.rows, columns: matrix.columns)
        let reciprocal = reciprocalProgram(matrix, pattern)
        var fast = solver.withoutWarmStart
        fast.options.method = .primalSimplex
        let solution = try run(fast, reciprocal)
        if solution.status == .optimal, solution.objective > 0 {
            let scale = solution.objective
            let mu = solution.x[0..<matrix.rows].map { $0 / scale }
            let witness = solution.rowDuals.map { -$0 / scale }
            let check = SignedNullSpaceCheck(matrix: matrix, support: pattern, certificate: mu, witness: witness)
            if isConsistent(check, matrix: matrix, value: 1 / scale) {
                return SignedNullSpaceConstant(
                    support: support, signs: signs, value: 1 / scale, certificate: mu,
                    witness: witness, dualityGap: check.gap, basis: solution.basis,
                    iterations: solution.iterations)
            }
        }
        return try solveMinimumForm(
            matrix: matrix, pattern: pattern, solver: solver.withoutWarmStart,
            iterations: solution.iterations)
    }

    /// The fallback of ``solve(matrix:support:signs:solver:)``: the min-t form with v from its duals (or from
    /// the dual form), and the ray LP when ϱ = +∞. The result carries no basis (it would not fit the
    /// reciprocal form that warm starts are for).
    static func solveMinimumForm(
        matrix: Matrix<Double>, pattern: SignedSupport, solver: LPSolver,
        iterations spent: Int
    ) throws(SparseRecoveryError) -> SignedNullSpaceConstant {
        let solution = try run(solver, program(matrix, pattern))
        var iterations = spent + solution.iterations
        switch solution.status {
        case .optimal:
            let mu = Array(solution.x[0..<matrix.rows])
            var witness = witness(fromRowDuals: solution.rowDuals, pattern, columns: matrix.columns)
            var check = SignedNullSpaceCheck(matrix: matrix, support: pattern, certificate: mu, witness: witness)
            if !isConsistent(check, matrix: matrix, value: solution.objective) {
                let dual = try run(solver, dualProgram(matrix, pattern))
                iterations += dual.iterations
                if dual.status == .optimal {
                    witness = vector(fromDualProgramX: dual.x, pattern, columns: matrix.columns)
                    check = SignedNullSpaceCheck(matrix: matrix, support: pattern, certificate: mu, witness: witness)
                }
                guard isConsistent(check, matrix: matrix, value: solution.objective) else {
                    throw .numericalFailure(
                        "ϱ(S, τ) ≈ \(solution.objective), but its certificate and witness disagree: "
                            + "‖(Aᵀμ)_S − τ‖_∞ = \(check.equalityResidual), ‖A v‖_∞ = \(check.nullResidual), "
                            + "‖v_{S^c}‖₁ = \(check.offSupportMass), bounds \(check.lowerBound) ≤ ϱ ≤ \(check.upperBound)"
                    )
                }
            }
            return SignedNullSpaceConstant(
                support: pattern.indices, signs: pattern.signs, value: solution.objective,
                certificate: mu, witness: witness, dualityGap: check.gap, basis: nil,
                iterations: iterations)
        case .infeasible, .infeasibleOrUnbounded:
            let ray = try run(solver, rayProgram(matrix, pattern))
            guard ray.status == .optimal else {
                throw .numericalFailure(
                    "GLPK finds (Aᵀμ)_S = τ infeasible but no ray v with A_S v_S = 0, ⟨τ, v_S⟩ = 1 "
                        + "(status \(ray.status.rawValue)); A_S is probably nearly rank-deficient — try the exact mode")
            }
            return SignedNullSpaceConstant(
                support: pattern.indices, signs: pattern.signs, value: .infinity, certificate: [],
                witness: scatter(ray.x, pattern, columns: matrix.columns), dualityGap: 0,
                basis: nil, iterations: iterations + ray.iterations)
        default:
            throw .numericalFailure("GLPK ended the ϱ-LP with status \(solution.status.rawValue) \(solution.message)")
        }
    }

    /// Computes ϱ(S, τ) exactly on rational data.
    ///
    /// Solves ``dualProgram(matrix:support:signs:)`` (m + 1 rows, so the exact verification works with an
    /// (m + 1)×(m + 1) basis) through `LinearProgramming/LPSolver/solveCertified(_:)`: its primal values
    /// are v, its row duals μ (first m) and ϱ (last). The exact μ and v are then checked against each other
    /// with no tolerance (see ``ExactSignedNullSpaceConstant``). When the dual form is unbounded, ϱ = +∞ and
    /// the ray LP gives the exact infeasibility ray.
    ///
    /// - Parameters:
    ///   - matrix: A, m×n, exact.
    ///   - support: S.
    ///   - signs: τ ∈ {−1, +1}^|S|.
    ///   - solver: the GLPK configuration of the floating-point solves.
    /// - Returns: the exact value (`nil` for +∞), μ, v, and `verified`.
    /// - Throws: ``SparseRecoveryError`` for invalid input, or `.numericalFailure` when GLPK ends without a
    ///   basis to verify and no exact infeasibility ray can be found.
    /// - Complexity: one or two GLPK solves plus O(m³ + m·n) integer/rational operations per exact verification.
    public static func solveExactly(
        matrix: Matrix<Rational>, support: [Int], signs: [Int],
        solver: LPSolver = LPSolver()
    ) throws(SparseRecoveryError)
        -> ExactSignedNullSpaceConstant
    {
        let pattern = try SignedSupport(support: support, signs: signs, rows: matrix.rows, columns: matrix.columns)
        let result = try certify(solver.withoutWarmStart, dualProgram(matrix, pattern))
        if let certificate = result.certificate, result.solution.status == .optimal {
            let mu = Array(certificate.rowDuals[0..<matrix.rows])
            let witness = vector(fromDualProgramX: certificate.x, pattern, columns: matrix.columns)
            let check = SignedNullSpaceCheck(matrix: matrix, support: pattern, certificate: mu, witness: witness)
            let proven =
                result.isCertified && check.equalityResidual == .zero && check.nullResidual == .zero
                && check.offSupportMass <= 1 && check.upperBound == certificate.objective
                && check.lowerBound == certificate.objective
            return ExactSignedNullSpaceConstant(
                support: support, signs: signs, value: certificate.objective, certificate: mu, witness: witness,
                verified: proven,
                steps: result.steps + [
                    "exact check of μ and v against each other: \(proven ? "consistent, ϱ proven" : "FAILED")"
                ],
                basis: certificate.basis)
        }
        guard [.unbounded, .infeasibleOrUnbounded].contains(result.solution.status) else {
            throw .numericalFailure(
                "GLPK ended the ϱ-LP with status \(result.solution.status.rawValue) "
                    + result.solution.message)
        }
        let ray = try certify(solver.withoutWarmStart, rayProgram(matrix, pattern))
        guard let rayCertificate = ray.certificate, ray.solution.status == .optimal else {
            throw .numericalFailure(
                "GLPK finds max ⟨τ, v_S⟩ unbounded but no ray v with A_S v_S = 0, ⟨τ, v_S⟩ = 1 "
                    + "exists in the rounded data (status \(ray.solution.status.rawValue))")
        }
        let witness = scatter(rayCertificate.x, pattern, columns: matrix.columns)
        let pairing = zip(pattern.indices, pattern.signs).reduce(Rational.zero) {
            $0 + Rational($1.1, 1) * witness[$1.0]
        }
        let proven = matrix.multiply(witness).allSatisfy { $0 == .zero } && pairing == 1
        return ExactSignedNullSpaceConstant(
            support: support, signs: signs, value: nil, certificate: [], witness: witness, verified: proven,
            steps: result.steps + ray.steps
                + [
                    "exact check of the ray (A v = 0, v_{S^c} = 0, ⟨τ, v_S⟩ = 1): \(proven ? "holds, ϱ = +∞ proven" : "FAILED")"
                ],
            basis: nil)
    }
}

extension SignedNullSpaceLP {
    static func dualProgram<Scalar: LinearAlgebraScalar>(
        _ matrix: Matrix<Scalar>, _ pattern: SignedSupport
    ) -> LinearProgram<Scalar> {
        var lp = LinearProgram<Scalar>(direction: .maximize)
        for sign in pattern.signs { lp.addVariable(bounds: .free, cost: sign > 0 ? 1 : -1) }
        for _ in 0..<(2 * pattern.complement.count) { lp.addVariable() }
        let s = pattern.indices.count, c = pattern.complement.count
        for i in 0..<matrix.rows {
            var terms: [(column: Int, coefficient: Scalar)] = []
            for (k, j) in pattern.indices.enumerated() where matrix[i, j] != .zero { terms.append((k, matrix[i, j])) }
            for (k, j) in pattern.complement.enumerated() where matrix[i, j] != .zero {
                terms.append((s + k, matrix[i, j]))
                terms.append((s + c + k, -matrix[i, j]))
            }
            lp.addConstraint(terms, .fixed(.zero))
        }
        lp.addConstraint((0..<(2 * c)).map { (column: s + $0, coefficient: 1) }, .atMost(1))
        return lp
    }

    static func reciprocalProgram<Scalar: LinearAlgebraScalar>(
        _ matrix: Matrix<Scalar>, _ pattern: SignedSupport
    ) -> LinearProgram<Scalar> {
        var lp = LinearProgram<Scalar>(direction: .maximize)
        for _ in 0..<matrix.rows { lp.addVariable(bounds: .free) }
        let s = lp.addVariable(bounds: .atLeast(.zero), cost: 1)
        var signOf = Array(repeating: 0, count: matrix.columns)
        for (j, sign) in zip(pattern.indices, pattern.signs) { signOf[j] = sign }
        for j in 0..<matrix.columns {
            var terms = (0..<matrix.rows).compactMap { i in
                matrix[i, j] == .zero ? nil : (column: i, coefficient: matrix[i, j])
            }
            if signOf[j] != 0 {
                terms.append((s, signOf[j] > 0 ? -1 : 1))
                lp.addConstraint(terms, .fixed(.zero))
            } else {
                lp.addConstraint(terms, .between(-1, 1))
            }
        }
        return lp
    }

    static func program<Scalar: LinearAlgebraScalar>(
        _ matrix: Matrix<Scalar>, _ pattern: SignedSupport
    ) -> LinearProgram<Scalar> {
        var lp = LinearProgram<Scalar>(direction: .minimize)
        for _ in 0..<matrix.rows { lp.addVariable(bounds: .free) }
        let t = lp.addVariable(bounds: .atLeast(.zero), cost: 1)
        func column(_ j: Int) -> [(column: Int, coefficient: Scalar)] {
            (0..<matrix.rows).compactMap { i in matrix[i, j] == .zero ? nil : (i, matrix[i, j]) }
        }
        for (j, sign) in zip(pattern.indices, pattern.signs) { lp.addConstraint(column(j), .fixed(sign > 0 ? 1 : -1)) }
        for j in pattern.complement {
            let terms = column(j)
            lp.addConstraint(terms + [(t, -1)], .atMost(.zero))
            lp.addConstraint(terms + [(t, 1)], .atLeast(.zero))
        }
        return lp
    }

    /// Feasibility LP for the infeasibility ray: v_S free with A_S v_S = 0 and ⟨τ, v_S⟩ = 1.
    static func rayProgram<Scalar: LinearAlgebraScalar>(
        _ matrix: Matrix<Scalar>, _ pattern: SignedSupport
    ) -> LinearProgram<Scalar> {
        var lp = LinearProgram<Scalar>(direction: .minimize)
        for _ in pattern.indices { lp.addVariable(bounds: .free) }
        for i in 0..<matrix.rows {
            lp.addConstraint(
                pattern.indices.enumerated().compactMap { k, j in
                    matrix[i, j] == .zero ? nil : (k, matrix[i, j])
                }, .fixed(.zero))
        }
        lp.addConstraint(pattern.signs.enumerated().map { ($0.offset, $0.element > 0 ? 1 : -1) }, .fixed(1))
        return lp
    }

    /// v from the row duals of the primal LP (see the type's description).
    static func witness<Scalar: LinearAlgebraScalar>(
        fromRowDuals duals: [Scalar], _ pattern: SignedSupport,
        columns: Int
    ) -> [Scalar] {
        var v = Array(repeating: Scalar.zero, count: columns)
        for (k, j) in pattern.indices.enumerated() { v[j] = duals[k] }
        let s = pattern.indices.count
        for (k, j) in pattern.complement.enumerated() { v[j] = duals[s + 2 * k] + duals[s + 2 * k + 1] }
        return v
    }

    /// v from the variables (v_S, p, q) of ``dualProgram(matrix:support:signs:)``.
    static func vector<Scalar: LinearAlgebraScalar>(
        fromDualProgramX x: [Scalar], _ pattern: SignedSupport,
        columns: Int
    ) -> [Scalar] {
        var v = scatter(x, pattern, columns: columns)
        let s = pattern.indices.count, c = pattern.complement.count
        for (k, j) in pattern.complement.enumerated() { v[j] = x[s + k] - x[s + c + k] }
        return v
    }

    /// The vector with `values[k]` at the k-th support index and zeros elsewhere.
    static func scatter<Scalar: LinearAlgebraScalar>(
        _ values: [Scalar], _ pattern: SignedSupport, columns: Int
    ) -> [Scalar] {
        var v = Array(repeating: Scalar.zero, count: columns)
        for (k, j) in pattern.indices.enumerated() { v[j] = values[k] }
        return v
    }

    /// Whether μ and v agree with each other and with the LP value to ``tolerance``, relative to the
    /// magnitudes involved.
    static func isConsistent(_ check: SignedNullSpaceCheck<Double>, matrix: Matrix<Double>, value: Double) -> Bool {
        let entry = matrix.elements.map(\.magnitude).max() ?? 0
        let scale = 1 + value.magnitude
        return check.equalityResidual <= tolerance * scale * max(1, entry)
            && check.nullResidual <= tolerance * max(1, entry) * (1 + check.witnessMass)
            && check.offSupportMass <= 1 + tolerance
            && check.gap <= tolerance * scale
    }

    static func run(_ solver: LPSolver, _ lp: LinearProgram<Double>) throws(SparseRecoveryError) -> LPSolution {
        do { return try solver.solve(lp) } catch { throw .linearProgram(error) }
    }

    static func certify(
        _ solver: LPSolver, _ lp: LinearProgram<Rational>
    ) throws(SparseRecoveryError) -> CertifiedSolution {
        do { return try solver.solveCertified(lp) } catch { throw .linearProgram(error) }
    }
}

extension LPSolver {
    /// The same configuration without a warm start (for LPs of another shape).
    var withoutWarmStart: LPSolver {
        var copy = self
        copy.options.warmStart = nil
        return copy
    }
}
