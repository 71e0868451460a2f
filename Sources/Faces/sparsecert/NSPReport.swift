import Foundation
import NullSpaceProperty

/// The JSON document of `sparsecert nsp` (keys in snake_case). `constant`, `alpha` and `nsp_holds` are null
/// unless established; `lower`/`upper` always bound ρ.
struct NSPReport: Encodable {
    var rows: Int
    var columns: Int
    var matrixDigest: String
    var order: Nullable<Int>
    var method: String
    var constant: Nullable<Double>
    var alpha: Nullable<Double>
    var lower: Double
    var upper: Double
    var lowerAlpha: Double
    var upperAlpha: Double
    var exactValue: Bool
    var complete: Bool
    var upperBoundSource: String
    var support: [Int]
    var signs: [Int]
    var witness: [Double]
    var nspHolds: Nullable<Bool>
    var lpsSolved: Int
    var naiveLps: Double
    var supportsSolved: Int
    var shard: String
    var seconds: Double
    var exact: Nullable<ExactReport> = Nullable(nil)

    /// A support-mode report (ρ_S from LPs; the caller sets `method` to "signed-lp" for one ϱ(S, τ)).
    init(
        matrix: NullSpaceMatrix, support: [Int], signs: [Int], rho: Double, witness: [Double], lps: Int, naive: Double,
        seconds: Double
    ) {
        let alpha = rho.isInfinite ? 1 : rho / (1 + rho)
        rows = matrix.rows
        columns = matrix.columns
        matrixDigest = matrix.digest
        order = Nullable(nil)
        method = "lp"
        constant = Nullable(rho)
        self.alpha = Nullable(alpha)
        (lower, upper, lowerAlpha, upperAlpha) = (rho, rho, alpha, alpha)
        exactValue = true
        complete = true
        upperBoundSource = "the LP optimum (its dual certificate μ)"
        self.support = support
        self.signs = signs
        self.witness = witness
        nspHolds = Nullable(rho < 1)
        lpsSolved = lps
        naiveLps = naive
        supportsSolved = 1
        shard = "1/1"
        self.seconds = seconds
    }

    init(matrix: NullSpaceMatrix, result: OrderConstant) {
        self.init(rows: matrix.rows, columns: matrix.columns, result: result)
    }

    /// An order-mode report.
    init(rows: Int, columns: Int, result: OrderConstant) {
        self.rows = rows
        self.columns = columns
        matrixDigest = result.matrixDigest
        order = Nullable(result.order)
        method = result.method.rawValue
        constant = Nullable(result.isExact ? result.lower : nil)
        alpha = Nullable(result.isExact ? result.lowerAlpha : nil)
        (lower, upper, lowerAlpha, upperAlpha) = (result.lower, result.upper, result.lowerAlpha, result.upperAlpha)
        exactValue = result.isExact
        complete = result.complete
        upperBoundSource = result.upperBoundSource
        support = result.incumbent.support
        signs = result.incumbent.signs
        witness = result.incumbent.witness
        nspHolds = Nullable(result.nspHolds)
        lpsSolved = result.lpsSolved
        naiveLps = result.naiveLPs
        supportsSolved = result.supportsSolved
        shard = result.shard.description
        seconds = result.seconds
    }

    /// The human-readable account.
    var text: String {
        let name = order.value.map { "ρ_\($0)" } ?? (method == "signed-lp" ? "ϱ(S, τ)" : "ρ_S")
        let signText = signs.map { $0 > 0 ? "+" : "-" }.joined()
        var lines: [String] = []
        if let value = constant.value {
            lines.append("\(name) = \(format(value))   (α = ρ/(1+ρ) = \(format(alpha.value ?? 0)))")
        } else {
            lines.append(
                "\(name) ∈ [\(format(lower)), \(format(upper))]   (α ∈ [\(format(lowerAlpha)), \(format(upperAlpha))]; "
                    + "not exact: \(upperBoundSource))")
        }
        if shard != "1/1" {
            lines.append("shard \(shard): covers only its slice of the supports; combine with 'nsp merge'")
        }
        if let holds = nspHolds.value {
            let what =
                order.value.map { "null space property of order \($0)" }
                ?? (method == "signed-lp"
                    ? "sign-specific null space property for (S, τ)" : "null space property for S")
            lines.append("\(what): " + (holds ? "holds (< 1)" : "fails (≥ 1)"))
        }
        if !support.isEmpty {
            lines.append(
                "\(constant.value == nil ? "lower bound " : "")attained at S = \(support), τ = \(signText)   (0-based)")
        }
        lines.append(
            "method \(method); \(lpsSolved) LPs solved (naive: \(String(format: "%.0f", naiveLps))); "
                + "\(String(format: "%.2f", seconds)) s")
        if let exact = exact.value {
            lines.append(
                "exact re-verification: \(exact.verified ? "PROVEN" : "not proven")"
                    + " ρ = \(exact.constant)")
            lines += exact.steps.map { "  • \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    private func format(_ x: Double, digits: Int = 9) -> String {
        x.isInfinite ? "∞" : String(format: "%.\(digits)g", x)
    }
}

/// The exact re-verification part of the report.
struct ExactReport: Encodable {
    /// Whether the exact statements below are all proven.
    var verified: Bool
    /// ρ as "p/q" (or "inf").
    var constant: String
    var alpha: String
    var support: [Int]
    var signs: [Int]
    /// v ∈ ker A exactly, entries "p/q".
    var witness: [String]
    /// ‖v_S‖₁/‖v_{S^c}‖₁ from the exact witness.
    var witnessRatio: String
    /// For --order: the largest certified upper bound (α units, rounded up) over all pruned supports.
    var certifiedUpperAlpha: Nullable<Double> = Nullable(nil)
    var steps: [String]

    init(_ result: ExactSupportConstant) {
        verified = result.verified
        constant = result.value?.description ?? "inf"
        alpha = result.alpha.description
        support = result.support
        signs = result.signs
        witness = result.witness.map(\.description)
        witnessRatio = result.witnessRatio?.description ?? "inf"
        steps = result.steps
    }

    init(_ certificate: ExactOrderCertificate) {
        self.init(certificate.winner)
        verified = certificate.isProven
        certifiedUpperAlpha = Nullable(certificate.certifiedUpperAlpha)
        steps += certificate.steps
    }
}
