import DenseLinearAlgebra
import ExactArithmetic
import LinearProgramming

/// The linear programs behind the exponent ϱ(S, τ) and their solution, in floating point or exactly.
///
/// Primal ("certificate") form, variables (μ, t) ∈ ℝ^m × ℝ₊:
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
    public static func program<Scalar: LinearAlgebraScalar>(matrix: Matrix<Scalar>, support: [Int], signs: [Int])
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
    public static func dualProgram<Scalar: LinearAlgebraScalar>(matrix: Matrix<Scalar>, support: [Int], signs: [Int])
        throws(SparseRecoveryError) -> LinearProgram<Scalar>
    {
        let pattern = try SignedSupport(support: support, signs: signs, rows: matrix.rows, columns: matrix.columns)
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

    /// Computes ϱ(S, τ) with GLPK, with μ from the primal LP and v from its duals, and checks them
    /// against each other.
    ///
    /// - Parameters:
    ///   - matrix: A, m×n, finite entries.
    ///   - support: S, distinct 0-based column indices (may be empty).
    ///   - signs: τ ∈ {−1, +1}^|S|.
    ///   - solver: the GLPK configuration (set `options.warmStart` to a basis of a related ϱ-LP to speed up
    ///     enumeration over sign patterns).
    /// - Returns: the value with μ and v; `value == .infinity` with a ray when (Aᵀμ)_S = τ is infeasible.
    /// - Throws: ``SparseRecoveryError`` for invalid input; `.numericalFailure` when GLPK ends without an
    ///   optimal or infeasible status, or when μ and v disagree beyond ``tolerance`` even after solving
    ///   ``dualProgram(matrix:support:signs:)`` for v directly.
    /// - Complexity: one dual-simplex solve of an (2n − s)×(m + 1) LP, plus O(m·n) for the checks.
    public static func solve(matrix: Matrix<Double>, support: [Int], signs: [Int],
                             solver: GLPKSolver = GLPKSolver()) throws(SparseRecoveryError) -> SignedNullSpaceConstant
    {
        try matrix.validateEntries(\.isFinite)
        let pattern = try SignedSupport(support: support, signs: signs, rows: matrix.rows, columns: matrix.columns)
        let solution = try run(solver, program(matrix, pattern))
        switch solution.status {
        case .optimal:
            let mu = Array(solution.x[0..<matrix.rows])
            var witness = witness(fromRowDuals: solution.rowDuals, pattern, columns: matrix.columns)
            var check = SignedNullSpaceCheck(matrix: matrix, support: pattern, certificate: mu, witness: witness)
            var iterations = solution.iterations
            if !isConsistent(check, matrix: matrix, value: solution.objective) {
                var dualSolver = solver
                dualSolver.options.warmStart = nil
                let dual = try run(dualSolver, dualProgram(matrix: matrix, support: support, signs: signs))
                iterations += dual.iterations
                if dual.status == .optimal {
                    witness = vector(fromDualProgramX: dual.x, pattern, columns: matrix.columns)
                    check = SignedNullSpaceCheck(matrix: matrix, support: pattern, certificate: mu, witness: witness)
                }
                guard isConsistent(check, matrix: matrix, value: solution.objective) else {
                    throw .numericalFailure("ϱ(S, τ) ≈ \(solution.objective), but its certificate and witness disagree: "
                        + "‖(Aᵀμ)_S − τ‖_∞ = \(check.equalityResidual), ‖A v‖_∞ = \(check.nullResidual), "
                        + "‖v_{S^c}‖₁ = \(check.offSupportMass), bounds \(check.lowerBound) ≤ ϱ ≤ \(check.upperBound)")
                }
            }
            return SignedNullSpaceConstant(support: support, signs: signs, value: solution.objective, certificate: mu,
                                           witness: witness, dualityGap: check.gap, basis: solution.basis,
                                           iterations: iterations)
        case .infeasible, .infeasibleOrUnbounded:
            let ray = try run(solver.withoutWarmStart, rayProgram(matrix, pattern))
            guard ray.status == .optimal else {
                throw .numericalFailure("GLPK finds (Aᵀμ)_S = τ infeasible but no ray v with A_S v_S = 0, ⟨τ, v_S⟩ = 1 "
                    + "(status \(ray.status.rawValue)); A_S is probably nearly rank-deficient — try the exact mode")
            }
            return SignedNullSpaceConstant(support: support, signs: signs, value: .infinity, certificate: [],
                                           witness: scatter(ray.x, pattern, columns: matrix.columns), dualityGap: 0,
                                           basis: nil, iterations: solution.iterations + ray.iterations)
        default:
            throw .numericalFailure("GLPK ended the ϱ-LP with status \(solution.status.rawValue) \(solution.message)")
        }
    }

    /// Computes ϱ(S, τ) exactly on rational data: GLPK solves the rounded LP, its basis is re-verified (and if
    /// needed repaired) in exact arithmetic by ``LinearProgramming/GLPKSolver/solveCertified(_:)``, and the
    /// exact μ and v are then checked against each other with no tolerance.
    ///
    /// - Parameters:
    ///   - matrix: A, m×n, exact.
    ///   - support: S; signs: τ ∈ {−1, +1}^|S|; solver: the GLPK configuration of the floating-point solve.
    /// - Returns: the exact value (`nil` for +∞), μ, v, and `verified` (see ``ExactSignedNullSpaceConstant``).
    /// - Throws: ``SparseRecoveryError`` for invalid input, or `.numericalFailure` when GLPK ends without a
    ///   basis to verify and no exact infeasibility ray can be found.
    /// - Complexity: one or two GLPK solves plus O(m³ + m·n) rational operations per exact verification.
    public static func solveExactly(matrix: Matrix<Rational>, support: [Int], signs: [Int],
                                    solver: GLPKSolver = GLPKSolver()) throws(SparseRecoveryError)
        -> ExactSignedNullSpaceConstant
    {
        let pattern = try SignedSupport(support: support, signs: signs, rows: matrix.rows, columns: matrix.columns)
        let result = try certify(solver, program(matrix, pattern))
        if let certificate = result.certificate, result.solution.status == .optimal {
            let mu = Array(certificate.x[0..<matrix.rows])
            let witness = witness(fromRowDuals: certificate.rowDuals, pattern, columns: matrix.columns)
            let check = SignedNullSpaceCheck(matrix: matrix, support: pattern, certificate: mu, witness: witness)
            let proven = result.isCertified && check.equalityResidual == .zero && check.nullResidual == .zero
                && check.offSupportMass <= 1 && check.upperBound == certificate.objective
                && check.lowerBound == certificate.objective
            return ExactSignedNullSpaceConstant(
                support: support, signs: signs, value: certificate.objective, certificate: mu, witness: witness,
                verified: proven,
                steps: result.steps + ["exact check of μ and v against each other: \(proven ? "consistent, ϱ proven" : "FAILED")"],
                basis: certificate.basis)
        }
        guard [.infeasible, .infeasibleOrUnbounded].contains(result.solution.status) else {
            throw .numericalFailure("GLPK ended the ϱ-LP with status \(result.solution.status.rawValue) "
                + result.solution.message)
        }
        let ray = try certify(solver.withoutWarmStart, rayProgram(matrix, pattern))
        guard let rayCertificate = ray.certificate, ray.solution.status == .optimal else {
            throw .numericalFailure("GLPK finds (Aᵀμ)_S = τ infeasible but no ray v with A_S v_S = 0, ⟨τ, v_S⟩ = 1 "
                + "exists in the rounded data (status \(ray.solution.status.rawValue))")
        }
        let witness = scatter(rayCertificate.x, pattern, columns: matrix.columns)
        let pairing = zip(pattern.indices, pattern.signs).reduce(Rational.zero) { $0 + Rational($1.1, 1) * witness[$1.0] }
        let proven = matrix.multiply(witness).allSatisfy { $0 == .zero } && pairing == 1
        return ExactSignedNullSpaceConstant(
            support: support, signs: signs, value: nil, certificate: [], witness: witness, verified: proven,
            steps: result.steps + ray.steps
                + ["exact check of the ray (A v = 0, v_{S^c} = 0, ⟨τ, v_S⟩ = 1): \(proven ? "holds, ϱ = +∞ proven" : "FAILED")"],
            basis: nil)
    }
}

extension SignedNullSpaceLP {
    static func program<Scalar: LinearAlgebraScalar>(_ matrix: Matrix<Scalar>, _ pattern: SignedSupport) -> LinearProgram<Scalar> {
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
    static func rayProgram<Scalar: LinearAlgebraScalar>(_ matrix: Matrix<Scalar>, _ pattern: SignedSupport) -> LinearProgram<Scalar> {
        var lp = LinearProgram<Scalar>(direction: .minimize)
        for _ in pattern.indices { lp.addVariable(bounds: .free) }
        for i in 0..<matrix.rows {
            lp.addConstraint(pattern.indices.enumerated().compactMap { k, j in
                matrix[i, j] == .zero ? nil : (k, matrix[i, j])
            }, .fixed(.zero))
        }
        lp.addConstraint(pattern.signs.enumerated().map { ($0.offset, $0.element > 0 ? 1 : -1) }, .fixed(1))
        return lp
    }

    /// v from the row duals of the primal LP (see the type's description).
    static func witness<Scalar: LinearAlgebraScalar>(fromRowDuals duals: [Scalar], _ pattern: SignedSupport,
                                                      columns: Int) -> [Scalar] {
        var v = Array(repeating: Scalar.zero, count: columns)
        for (k, j) in pattern.indices.enumerated() { v[j] = duals[k] }
        let s = pattern.indices.count
        for (k, j) in pattern.complement.enumerated() { v[j] = duals[s + 2 * k] + duals[s + 2 * k + 1] }
        return v
    }

    /// v from the variables (v_S, p, q) of ``dualProgram(matrix:support:signs:)``.
    static func vector<Scalar: LinearAlgebraScalar>(fromDualProgramX x: [Scalar], _ pattern: SignedSupport,
                                                     columns: Int) -> [Scalar] {
        var v = scatter(x, pattern, columns: columns)
        let s = pattern.indices.count, c = pattern.complement.count
        for (k, j) in pattern.complement.enumerated() { v[j] = x[s + k] - x[s + c + k] }
        return v
    }

    /// The vector with `values[k]` at the k-th support index and zeros elsewhere.
    static func scatter<Scalar: LinearAlgebraScalar>(_ values: [Scalar], _ pattern: SignedSupport, columns: Int) -> [Scalar] {
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

    static func run(_ solver: GLPKSolver, _ lp: LinearProgram<Double>) throws(SparseRecoveryError) -> LPSolution {
        do { return try solver.solve(lp) } catch { throw .linearProgram(error) }
    }

    static func certify(_ solver: GLPKSolver, _ lp: LinearProgram<Rational>) throws(SparseRecoveryError) -> CertifiedSolution {
        do { return try solver.solveCertified(lp) } catch { throw .linearProgram(error) }
    }
}

extension GLPKSolver {
    /// The same configuration without a warm start (for LPs of another shape).
    var withoutWarmStart: GLPKSolver {
        var copy = self
        copy.options.warmStart = nil
        return copy
    }
}
