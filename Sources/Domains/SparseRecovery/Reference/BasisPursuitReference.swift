import DenseLinearAlgebra
import ExactArithmetic
import Foundation
import LinearProgramming

/// The basis pursuit solution x* = argmin ‖x‖₁ s.t. A x = y that flow limits and certificates are measured
/// against, exact, with the proof that was run for it: the one BP reference of `flow`, `sweep` and `certify`.
///
/// The cheap path: GLPK solves BP in floating point (rows and y scaled by powers of two); on its support the
/// equations A_S x_S = y are solved **exactly** (over integers) and checked on every row, so x*
/// is exact and y ∈ range(A_S) holds exactly — the consistency every small-α statement rests on (DESIGN.md
/// §1.3). Then GLPK's dual μ either certifies x* to a relative tolerance in floating point (scale-free:
/// `certifies(dual:dualInfeasibility:objective:observations:tolerance:)`), or — with `exactDual` — the
/// multiplier of the floating ϱ-LP (strictly feasible when ϱ < 1, unlike GLPK's vertex dual) is made exact on S
/// (``SupportDual``) and ‖Aᵀμ‖_∞ ≤ 1 is checked exactly, which proves x* optimal exactly. When that
/// fails (y = fl(A x₀) makes the true support larger than the floating one, or the certificate does not hold),
/// the exact mode runs instead: GLPK's basis re-verified in rational arithmetic.
public struct BasisPursuitReference: Sendable, Hashable {
    /// Which proof stands behind ``x``.
    public enum Proof: String, Sendable, Hashable, Codable {
        /// A_S x*_S = y exactly, and GLPK's optimality certificate holds to ``certificateTolerance``
        /// (relative) in floating point: optimality is checked, not proven exactly.
        case floatingCertificate
        /// A_S x*_S = y exactly, and the ϱ-LP's multiplier corrected on S (``dual``) has (Aᵀμ)_S = σ and
        /// ‖Aᵀμ‖_∞ ≤ 1 exactly: x* is proven optimal exactly (⟨y, μ⟩ = ‖x*‖₁ follows from A x* = y), and
        /// unique when ``dualBound`` < 1 and A_S is injective.
        case exactDual
        /// GLPK's final basis re-verified in exact rational arithmetic: x* is proven optimal exactly.
        case exact
    }

    /// x*, exactly (n entries).
    public let x: [Rational]
    /// S = supp(x*), increasing.
    public let support: [Int]
    /// sign(x*_S) as ±1.
    public let signs: [Int]
    /// How x* was proven.
    public let proof: Proof
    /// An exact dual certificate μ of x* ((Aᵀμ)_S = σ, ‖Aᵀμ‖_∞ ≤ 1, ⟨y, μ⟩ = ‖x*‖₁), with
    /// ``Proof/exactDual`` and ``Proof/exact``; `nil` with ``Proof/floatingCertificate``.
    public let dual: [Rational]?
    /// max_{Sᶜ}|(Aᵀμ)ⱼ| of ``dual``, exactly, with ``Proof/exactDual``: an upper bound of ϱ(S, σ).
    public let dualBound: Rational?
    /// The floating-point ϱ-LP whose multiplier became ``dual``, with ``Proof/exactDual``.
    public let exponent: SignedNullSpaceConstant?
    /// The relative tolerance of the floating-point certificate check (0 when the proof is exact).
    public let certificateTolerance: Double
    /// What was checked, in order, in words.
    public let steps: [String]

    /// Computes x* for exact data, by the cheap path when it proves enough and by the exact mode otherwise.
    /// - Parameters:
    ///   - matrix: A (m×n), exactly.
    ///   - observations: y, exactly.
    ///   - roundedMatrix: A rounded to doubles, when the caller has it (saves converting it again).
    ///   - certificateTolerance: the relative tolerance of the floating-point optimality check (default 1e-7).
    ///   - exactDual: prove optimality exactly (``Proof/exactDual`` or ``Proof/exact``, never
    ///     ``Proof/floatingCertificate``).
    ///   - solver: the GLPK configuration.
    /// - Throws: ``SparseRecoveryError`` for data the BP layer rejects, ``SparseRecoveryError/noReference(_:)``
    ///   when BP is proven infeasible, ``SparseRecoveryError/referenceNotProven(_:)`` when x* cannot be proven.
    /// - Complexity: one floating-point BP solve, an exact s×s integer solve and O(m·s) integer checks
    ///   (one ϱ-LP and O(m·n) big-integer products more with `exactDual`); the exact mode (O(m³) rational work
    ///   per verification) only when those do not prove x*.
    public static func compute(
        matrix: Matrix<Rational>, observations: [Rational], roundedMatrix: Matrix<Double>? = nil,
        certificateTolerance: Double = 1e-7, exactDual: Bool = false, solver: LPSolver = LPSolver()
    ) throws(SparseRecoveryError) -> BasisPursuitReference {
        var options = BasisPursuitOptions()
        options.analyzeUniqueness = false
        options.certificateTolerance = certificateTolerance
        options.solver = solver
        // GLPK's tolerances are absolute: solve on rows equilibrated by powers of two and y scaled by 2^(−p) to
        // max|yᵢ| ∈ [1, 2) (x* scales by 2^(−p), its support and signs do not), then check on the given data.
        let a = roundedMatrix ?? matrix.map(\.doubleValue)
        let rows = RowEquilibration(a)
        var y = rows.apply(observations.map(\.doubleValue))
        let largestY = y.map(abs).max() ?? 0
        let yExponent = largestY > 0 && largestY.isFinite ? Int(largestY.exponent) : 0
        y = y.map { scalbn($0, -yExponent) }
        let rounded = BasisPursuitProblem(matrix: rows.apply(a), observations: y)
        let method = options.solver.options.method.rawValue
        if let floating = try? BasisPursuit.solve(rounded, options: options), floating.status == .optimal,
            let check = floating.optimality
        {
            // The support relative to ‖x‖_∞ (the library's rule is absolute below ‖x‖_∞ = 1).
            let largest = floating.x.map(abs).max() ?? 0
            let support = floating.x.indices.filter { abs(floating.x[$0]) > 1e-9 * largest }
            if let x = SupportEquations.solveExactly(matrix: matrix, observations: observations, support: support),
                support.allSatisfy({ x[$0].signum == (floating.x[$0] > 0 ? 1 : -1) })
            {
                let signs = support.map { x[$0].signum }
                let found = [
                    "GLPK \(method) on the data rounded to doubles (rows and y scaled by powers of two): optimal",
                    "A_S x*_S = y solved and checked exactly on every row (|S| = \(support.count))",
                ]
                if exactDual {
                    // GLPK's BP dual is a vertex, tight (|Aᵀμ| = 1 up to rounding) off S; the ϱ-LP's multiplier is
                    // strictly inside when ϱ < 1, so the exact correction keeps it there.
                    if let exponent = try? SignedNullSpaceLP.solve(
                        matrix: a, support: support, signs: signs, solver: solver),
                        exponent.value < 1,
                        let dual = SupportDual(
                            matrix: matrix, support: support, signs: signs, dual: exponent.certificate),
                        dual.offSupportMaximum <= 1
                    {
                        return BasisPursuitReference(
                            x: x, support: support, signs: signs, proof: .exactDual, dual: dual.multiplier,
                            dualBound: dual.offSupportMaximum, exponent: exponent, certificateTolerance: 0,
                            steps: found + [
                                "the ϱ-LP's μ corrected on S: (Aᵀμ)_S = σ and max_{Sᶜ}|Aᵀμ| ≤ 1 exactly (x* is optimal)"
                            ])
                    }
                } else if Self.certifies(
                    dual: floating.dual, dualInfeasibility: check.dualInfeasibility,
                    objective: scalbn(x.reduce(0) { $0 + abs($1.doubleValue) }, -yExponent),
                    observations: y, tolerance: certificateTolerance)
                {
                    return BasisPursuitReference(
                        x: x, support: support, signs: signs, proof: .floatingCertificate, dual: nil,
                        dualBound: nil, exponent: nil,
                        certificateTolerance: certificateTolerance,
                        steps: found + [
                            "GLPK's dual μ certifies x*: ‖Aᵀμ‖_∞ ≤ 1 + \(certificateTolerance), "
                                + "|‖x*‖₁ − ⟨y, μ⟩| ≤ \(certificateTolerance)·‖x*‖₁ (floating point)"
                        ])
                }
            }
        }
        let exact = try BasisPursuit.solveExactly(
            BasisPursuitProblem(matrix: matrix, observations: observations), options: options)
        guard exact.verified else {
            throw .referenceNotProven(
                "basis pursuit could not be proven exactly: \(exact.steps.joined(separator: "; "))")
        }
        guard exact.solution.status == .optimal else {
            throw .noReference("basis pursuit is \(exact.solution.status.rawValue) (y is not in the range of A)")
        }
        return BasisPursuitReference(
            x: exact.solution.x, support: exact.solution.support, signs: exact.solution.signs, proof: .exact,
            dual: exact.solution.dual, dualBound: nil, exponent: nil, certificateTolerance: 0, steps: exact.steps)
    }
}

extension BasisPursuitReference {
    /// Whether μ certifies x* scale-free: ‖Aᵀμ‖_∞ ≤ 1 + τ (`dualInfeasibility` ≤ τ, dimensionless) and
    /// |‖x*‖₁ − ⟨y, μ⟩| ≤ τ·‖x*‖₁, both on the scaled problem μ belongs to (x* feasibility is proven exactly
    /// by ``SupportEquations``). Weak duality makes ‖x*‖₁ then within a factor 1 + O(τ) of the optimum.
    static func certifies(
        dual: [Double], dualInfeasibility: Double, objective: Double, observations: [Double],
        tolerance: Double
    ) -> Bool {
        let dualObjective = zip(observations, dual).reduce(0) { $0 + $1.0 * $1.1 }
        return dualInfeasibility <= tolerance && abs(objective - dualObjective) <= tolerance * objective
    }
}
