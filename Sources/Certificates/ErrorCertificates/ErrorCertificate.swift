import ExactArithmetic
import Foundation

/// A self-contained, re-checkable certificate for ‖x_∞(α) − x*‖₁ of a depth-D diagonal network on (A, y).
///
/// Every number a claim rests on is inside: the exact data, x* with its dual certificate, the exponent ϱ
/// with its LP certificate (μ and the null-space witness v), ρ_S, the verified Krawczyk box of the limit
/// equations, the enclosure of the error it implies, the rate law, and a verdict with reasons.
/// Every claim is defined once, in `CertificateClaims`, and checked by that code both when ``CertificateBuilder``
/// writes the document (its verdict is the outcome) and when ``CertificateVerifier`` reads it. Exact numbers
/// are `Rational` (JSON strings "p/q" in lowest terms). The JSON form has snake_case keys (``encoded()``,
/// ``decode(_:)``), documented by docs/certificate.schema.json; reading rejects unknown and duplicate keys
/// and non-canonical values.
public struct ErrorCertificate: Codable, Sendable, Equatable {
    /// The format tag, "sparsecert-error-certificate/2".
    public var format: String
    /// A and y exactly.
    public var problem: ProblemSection
    /// D ≥ 2.
    public var depth: Int
    /// α (product convention: u(0) = v(0) = α^(1/D)).
    public var alpha: Double
    /// Always "product" (α is the scale of x).
    public var initConvention: String
    /// x*, its proofs, ϱ and ρ_S.
    public var basisPursuit: BasisPursuitSection
    /// x_∞(α) and the proven error enclosure.
    public var flow: FlowSection
    /// The predicted law and the measured ratio.
    public var rate: RateSection
    /// The closed-form two-sided bound when the instance is a 1×2 tightness instance [a₁, a₂].
    public var closedForm: ClosedFormSection?
    /// Whether everything is certified, and why.
    public var verdict: Verdict

    /// The value of ``format`` this version writes and reads.
    public static let formatTag = "sparsecert-error-certificate/2"

    /// A and y, exactly.
    public struct ProblemSection: Codable, Sendable, Equatable {
        /// A, row by row, exact.
        public var matrix: [[Rational]]
        /// y, exact.
        public var observations: [Rational]
    }

    /// x* with its optimality and uniqueness proof, ϱ with its certificate, ρ_S.
    public struct BasisPursuitSection: Codable, Sendable, Equatable {
        /// x* exactly.
        public var xStar: [Rational]
        /// S = supp(x*), 0-based.
        public var support: [Int]
        /// σ = sign(x*_S).
        public var signs: [Int]
        /// ‖x*‖₁ exactly.
        public var objective: Rational
        /// μ with (Aᵀμ)_S = σ, ‖Aᵀμ‖_∞ ≤ 1 and ⟨y, μ⟩ = ‖x*‖₁ (exact).
        public var dualCertificate: [Rational]
        /// Whether ϱ (and ρ_S when present) were computed and proven in exact arithmetic (`--exact`).
        public var exact: Bool
        /// ϱ(S, σ) exactly, with `exact` (absent otherwise).
        public var rho: Rational?
        /// ϱ(S, σ) as a double: the nearest double of ``rho`` with `exact`, else the floating-point LP value.
        public var rhoValue: Double
        /// μ_ϱ (exact): (Aᵀμ_ϱ)_S = σ exactly; max_{Sᶜ}|Aᵀμ_ϱ| is a proven upper bound of ϱ (and < 1 proves
        /// uniqueness together with rank A_S = |S|).
        public var rhoCertificate: [Rational]
        /// max_{Sᶜ}|Aᵀμ_ϱ|, exactly.
        public var rhoUpperBound: Rational
        /// v ∈ ker A with ‖v_{Sᶜ}‖₁ ≤ 1 and ⟨σ, v_S⟩ = ϱ (exact with `exact`; floating otherwise).
        public var rhoWitness: [Rational]
        /// ρ_S = max_τ ϱ(S, τ) over all 2^(s−1) sign patterns: only with `--support-constant` (exponential work).
        public var supportConstant: Double?
        /// ρ_S exactly (with `exact` and `--support-constant`).
        public var supportConstantExact: Rational?
        /// How x* and μ were found, then the statements the exact checks of x* prove
        /// (`CertificateClaims/proofSteps(_:origin:)`).
        public var proofSteps: [String]
    }

    /// x_∞(α) and the rigorous enclosure of the error.
    public struct FlowSection: Codable, Sendable, Equatable {
        /// Midpoints of the enclosures of x_∞(α).
        public var x: [Double]
        /// Lower ends of the enclosures of x_∞(α).
        public var xLower: [Double]
        /// Upper ends of the enclosures of x_∞(α).
        public var xUpper: [Double]
        /// The Krawczyk box in (v, b) coordinates (v = z_S for D = 2, t = 1 − σz_S for D ≥ 3).
        public var boxCenter: [Double]
        /// The componentwise radius of the box.
        public var boxRadius: [Double]
        /// R (rows) with b = R·c when the box's b part is in aligned coordinates c; `nil` for R = I.
        public var boxBasis: [[Double]]?
        /// ‖x_∞(α) − x*‖₁ ∈ [errorL1Lower, errorL1Upper].
        public var errorL1Lower: Double
        /// The upper end of the error enclosure.
        public var errorL1Upper: Double
        /// upper/lower − 1, rounded up; absent when the lower end is 0.
        public var relativeWidth: Double?
    }

    /// The predicted law and the measured ratio.
    public struct RateSection: Codable, Sendable, Equatable {
        /// "c·α^(1−ϱ)" for D = 2, "C_D·α" for D ≥ 3 (`CertificateClaims/law(depth:)`).
        public var law: String
        /// 1 − ϱ for D = 2, 1 for D ≥ 3.
        public var exponent: Double
        /// The leading constant, `nil` when unknown: C_D (D ≥ 3, from the barrier certificate), or
        /// (1 + r)·|y/a₁|^r for the 1×2 family [a₁, a₂], r = |a₂/a₁| < 1 (D = 2). Not a proven bound.
        public var constant: Double?
        /// err / α^exponent at the midpoint of the error enclosure.
        public var scaledError: Double
        /// err / (constant·α^exponent) when the constant is known.
        public var ratio: Double?
    }

    /// The closed-form non-asymptotic two-sided bound of the 1×2 family.
    public struct ClosedFormSection: Codable, Sendable, Equatable {
        /// Which family and its r.
        public var family: String
        /// The closed-form lower bound of the error.
        public var lower: Double
        /// The closed-form upper bound of the error.
        public var upper: Double
        /// Whether [lower, upper] contains the certified enclosure.
        public var consistent: Bool
    }

    /// The verdict and the reasons for it.
    public struct Verdict: Codable, Sendable, Equatable {
        /// Whether every part is proven and consistent.
        public var certified: Bool
        /// One sentence per proven claim.
        public var reasons: [String]
    }

    /// The JSON document (snake_case keys, sorted, pretty-printed).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }

    /// Reads a JSON certificate strictly: the text must be within the size limits, name every key once, and
    /// be exactly the canonical encoding of the certificate it decodes to (no unknown keys, no null for an
    /// absent field, rationals in lowest terms as strings).
    /// - Throws: ``ErrorCertificatesError/unreadable(_:)`` naming the field at fault.
    /// - Complexity: O(bytes) for the strict scan, plus parsing the rationals.
    public static func decode(_ data: Data) throws(ErrorCertificatesError) -> ErrorCertificate {
        let tree = try StrictJSON.parse(data)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let certificate: ErrorCertificate
        do { certificate = try decoder.decode(ErrorCertificate.self, from: data) } catch let DecodingError.keyNotFound(
            key, context)
        {
            throw .unreadable("missing field '\(path(context.codingPath + [key]))'")
        } catch let DecodingError.typeMismatch(_, context) {
            throw .unreadable("field '\(path(context.codingPath))' has the wrong type: \(context.debugDescription)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw .unreadable("field '\(path(context.codingPath))' is null")
        } catch let DecodingError.dataCorrupted(context) {
            let cause = context.underlyingError.map { "\($0)" } ?? context.debugDescription
            throw .unreadable("field '\(path(context.codingPath))': \(cause)")
        } catch {
            throw .unreadable("\(error)")
        }
        let canonical: StrictJSON.Value
        do {
            canonical = try StrictJSON.parse(try certificate.encoded(), limits: .init(bytes: .max, stringBytes: .max))
        } catch { throw .unreadable("cannot re-encode the certificate: \(error)") }
        if let difference = StrictJSON.difference(tree, canonical) { throw .unreadable(difference) }
        return certificate
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
