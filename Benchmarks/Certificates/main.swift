// certify-benchmark: wall time of CertificateBuilder.certify (exact BP, ϱ-LP, ρ_S, limit solve, Krawczyk proof,
// barrier certificate for D ≥ 3) on Gaussian instances 20×60 (s = 3, seed 1) and 50×200 (s = 5, seed 2) — the
// ones `sparsecert generate gaussian --rows m --columns n --sparsity s --seed k` writes — for D = 2, 3, 4 at
// α = 1e-10 and 1e-30, and the relative width upper/lower − 1 of each enclosure.
// Usage: swift run -c release certify-benchmark
import ErrorCertificates
import Foundation
import ProblemData

let clock = ContinuousClock()
print("instance        D  α       seconds  upper/lower − 1")
for (rows, columns, sparsity, seed) in [(20, 60, 3, UInt64(1)), (50, 200, 5, UInt64(2))] {
    let problem = try RandomProblemRecipe(ensemble: .gaussian, rows: rows, columns: columns, sparsity: sparsity, seed: seed).generate()
    for depth in [2, 3, 4] {
        for alpha in [1e-10, 1e-30] {
            let start = clock.now
            let certificate = try CertificateBuilder(depth: depth, alpha: alpha).certify(matrix: problem.matrix, observations: problem.observations)
            let seconds = Double((clock.now - start).components.attoseconds) / 1e18 + Double((clock.now - start).components.seconds)
            let name = "\(rows)×\(columns), s = \(sparsity)".padding(toLength: 15, withPad: " ", startingAt: 0)
            print(name + String(format: " %d  %.0e  %7.2f  %.1e", depth, alpha, seconds, certificate.flow.relativeWidth ?? .nan))
        }
    }
}
