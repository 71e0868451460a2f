import DenseLinearAlgebra
import ExactArithmetic
import LinearProgramming

/// Re-checks every claim of an ``ErrorCertificate`` from its data alone, trusting nothing the producer
/// computed, with the checkers of `CertificateClaims` — the same code the builder ran:
/// - BP: A x* = y, (Aᵀμ)_S = σ, ‖Aᵀμ‖_∞ ≤ 1, ⟨y, μ⟩ = ‖x*‖₁ (exact); support and signs read from x*;
/// - uniqueness: A_S injective and (Aᵀμ_ϱ)_S = σ exactly with max_{Sᶜ}|Aᵀμ_ϱ| = the stated bound < 1;
/// - ϱ: exact mode — the witness v has A v = 0, ‖v_{Sᶜ}‖₁ ≤ 1, ⟨σ, v_S⟩ = ϱ = the bound (weak duality);
///   floating mode — value and witness are those of the ϱ-LP on the data, below the proven bound;
/// - ρ_S, when stated: recomputed (exactly in exact mode), and ρ_S ≥ ϱ;
/// - flow: Krawczyk's test re-run on the stated box in the frame rebuilt from the data; the recomputed
///   enclosures of x_∞ and of the error must lie inside the stated ones; midpoints and width recomputed;
/// - rate, closed form, proof steps and the verdict's reasons recomputed and equal; the verdict must be
///   `certified`.
public enum CertificateVerifier {
    /// The checks performed, each with its outcome.
    public struct Report: Sendable {
        /// The checks that hold.
        public var passed: [String] = []
        /// The checks that fail (empty for a valid certificate).
        public var failed: [String] = []
        /// Whether every check holds.
        public var isValid: Bool { failed.isEmpty }
        mutating func check(_ condition: Bool, _ what: String) {
            if condition { passed.append(what) } else { failed.append(what) }
        }
    }

    /// The default bound on |S| for re-checking a stated ρ_S: 2^12 = 4096 LPs.
    public static let supportConstantSparsityLimit = 13

    /// Verifies; never throws for a wrong certificate — the failures are in the report.
    /// - Parameters:
    ///   - c: the certificate, as read (nothing in it is trusted).
    ///   - solver: the GLPK configuration of the ϱ-LP (and of ρ_S when stated); the builder's default.
    ///   - supportConstantSparsityLimit: a ρ_S stated for a larger |S| is not recomputed (2^(|S|−1) LPs) and
    ///     fails the check; `nil` removes the limit.
    /// - Throws: ``ErrorCertificatesError/unreadable(_:)`` when the data are not a non-empty rectangular matrix.
    /// - Complexity: see `CertificateClaims/check(_:context:)`.
    public static func verify(
        _ c: ErrorCertificate, solver: LPSolver = LPSolver(),
        supportConstantSparsityLimit: Int? = Self.supportConstantSparsityLimit
    )
        throws(ErrorCertificatesError) -> Report
    {
        let rows = c.problem.matrix
        guard !rows.isEmpty, !rows[0].isEmpty, let matrix = try? Matrix(rows) else {
            throw .unreadable("problem.matrix is empty or its rows have different lengths")
        }
        var context = CertificateClaims.Context(matrix: matrix, observations: c.problem.observations, solver: solver)
        context.supportConstantSparsityLimit = supportConstantSparsityLimit ?? .max
        var report = CertificateClaims.check(c, context: &context)
        report.check(c.verdict.certified, "verdict is 'certified'")
        return report
    }
}
