// certify-benchmark: wall time of CertificateBuilder.certify (the BP reference with its exact dual, ϱ-LP, exact
// support frame, limit solve, Krawczyk proof, barrier certificate for D ≥ 3, and the claim checks) and of
// CertificateVerifier.verify on
// Gaussian instances — the ones `sparsecert generate gaussian --rows m --columns n --sparsity s --seed k`
// writes — and the relative width upper/lower − 1 of each enclosure. ρ_S is not computed (opt-in).
// Rows: 20×60 and 50×200 for D = 2, 3, 4 at α = 1e-10 and 1e-30, then the issue-10 sizes 50×200 (s = 7, D = 4),
// 100×400 (s = 14, D = 2) and 200×800 (s = 28, D = 2) at α = 1e-10.
// Usage: swift run -c release certify-benchmark [--quick]   (--quick: the first block only)
//        swift run -c release certify-benchmark --stages ROWS COLUMNS SPARSITY [SEED]   (Stages.swift)
//        swift run -c release certify-benchmark --exact-solves ROWS COLUMNS SPARSITY [SEED]   (ExactSolves.swift)
import ErrorCertificates
import Foundation
import ProblemData

let clock = ContinuousClock()
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

if let index = CommandLine.arguments.firstIndex(of: "--stages") {
    try runStages(Array(CommandLine.arguments[(index + 1)...]))
    exit(0)
}
if let index = CommandLine.arguments.firstIndex(of: "--exact-solves") {
    try runExactSolves(Array(CommandLine.arguments[(index + 1)...]))
    exit(0)
}

var cases: [(rows: Int, columns: Int, sparsity: Int, seed: UInt64, depth: Int, alpha: Double)] = []
for (rows, columns, sparsity, seed) in [(20, 60, 3, UInt64(1)), (50, 200, 5, UInt64(2))] {
    for depth in [2, 3, 4] {
        for alpha in [1e-10, 1e-30] { cases.append((rows, columns, sparsity, seed, depth, alpha)) }
    }
}
if !CommandLine.arguments.contains("--quick") {
    cases += [(50, 200, 7, 1, 4, 1e-10), (100, 400, 14, 1, 2, 1e-10), (200, 800, 28, 1, 2, 1e-10)]
}
print("instance           D  α       certify s  verify s  upper/lower − 1")
for c in cases {
    let problem = try RandomProblemRecipe(
        ensemble: .gaussian, rows: c.rows, columns: c.columns, sparsity: c.sparsity,
        seed: c.seed
    ).generate()
    let start = clock.now
    let certificate = try CertificateBuilder(depth: c.depth, alpha: c.alpha)
        .certify(matrix: problem.matrix, observations: problem.observations)
    let certified = clock.now
    let report = try CertificateVerifier.verify(certificate)
    let verified = clock.now
    guard certificate.verdict.certified, report.isValid else { fatalError("not certified: \(report.failed)") }
    let name = "\(c.rows)×\(c.columns), s = \(c.sparsity)".padding(toLength: 18, withPad: " ", startingAt: 0)
    print(
        name
            + String(
                format: " %d  %.0e  %9.2f  %8.2f  %.1e", c.depth, c.alpha, seconds(certified - start),
                seconds(verified - certified), certificate.flow.relativeWidth ?? .nan))
}
