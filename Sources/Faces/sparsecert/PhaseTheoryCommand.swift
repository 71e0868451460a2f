import ArgumentParser
import PhaseTransitions

/// `sparsecert phase theory`: the statistical dimension ψ and the theoretical transition curve.
struct PhaseTheoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theory",
        abstract: "Print ψ(ε) and the theoretical transition ρ(δ) (recovery iff m > n·ψ(s/n)).",
        discussion: """
            ψ(ε) = inf over τ ≥ 0 of ε(1 + τ²) + (1 − ε)·2·((1 + τ²)Q(τ) − τφ(τ)), the statistical dimension of \
            the ℓ1 descent cone at an εn-sparse vector divided by n; ρ(δ) = ε/δ where ψ(ε) = δ, which equals \
            Donoho and Tanner's weak threshold ρ_W(δ) asymptotically.
            """)

    @Option(help: ArgumentHelp("δ values in (0, 1]: print ρ(δ).", valueName: "LIST|START:STOP:COUNT"))
    var deltas: String?

    @Option(
        help: ArgumentHelp(
            "ε = s/n values in [0, 1]: print ψ(ε) and its minimizer τ*.", valueName: "LIST|START:STOP:COUNT"))
    var epsilons: String?

    @OptionGroup var output: OutputOptions

    struct Report: Encodable {
        struct Curve: Encodable {
            let delta: Double
            let rhoTheory: Double
        }
        struct Value: Encodable {
            let epsilon: Double
            let psi: Double
            let tau: Nullable<Double>
        }
        let transition: [Curve]
        let psi: [Value]
    }

    func run() throws {
        guard deltas != nil || epsilons != nil else { throw CommandFailure("give --deltas, --epsilons or both") }
        let deltaValues =
            try deltas.map { text in
                try ValueList.parse(text, name: "--deltas", spacing: .linear)
            } ?? []
        let epsilonValues =
            try epsilons.map { text in
                try ValueList.parse(text, name: "--epsilons", spacing: .linear)
            } ?? []
        if let bad = deltaValues.first(where: { !($0 > 0 && $0 <= 1) }) {
            throw CommandFailure("--deltas: δ = \(bad) is outside (0, 1]")
        }
        if let bad = epsilonValues.first(where: { !($0 >= 0 && $0 <= 1) }) {
            throw CommandFailure("--epsilons: ε = \(bad) is outside [0, 1]")
        }
        let report = Report(
            transition: deltaValues.map {
                Report.Curve(delta: $0, rhoTheory: StatisticalDimension.transition(delta: $0))
            },
            psi: epsilonValues.map { e in
                Report.Value(
                    epsilon: e, psi: StatisticalDimension.psi(e),
                    tau: Nullable(e > 0 && e < 1 ? StatisticalDimension.minimizer(epsilon: e) : nil))
            })
        if output.json {
            try printJSON(report)
            return
        }
        if !report.transition.isEmpty {
            print("       δ   ρ(δ) = ε/δ with ψ(ε) = δ")
            for point in report.transition { print(String(format: "%8.4f   %.9f", point.delta, point.rhoTheory)) }
        }
        if !report.psi.isEmpty {
            print("       ε   ψ(ε)          τ*(ε)")
            for value in report.psi {
                print(
                    String(format: "%8.4f   %.9f  ", value.epsilon, value.psi)
                        + (value.tau.value.map { String(format: "%.9f", $0) } ?? "-"))
            }
        }
    }
}
