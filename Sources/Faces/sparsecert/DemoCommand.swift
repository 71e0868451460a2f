import ArgumentParser
import DenseLinearAlgebra
import ExactArithmetic
import Foundation
import NullSpaceProperty
import RateSweeps
import SparseRecovery

/// `sparsecert demo`: exactly certifies basis pursuit on a built-in instance, proves ϱ and ρ_S, sweeps α for
/// D = 2, 3, 4 and plots the errors against the predicted slopes.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Certify basis pursuit on a built-in instance, then sweep α for depths 2, 3, 4 and plot the rates.",
        discussion: """
            The instance is a 4×8 system A x = y with entries on a dyadic grid and y = A x₀ for a 2-sparse x₀, \
            so that y lies exactly in the range of the columns on x₀'s support. Basis pursuit \
            (min ‖x‖₁ s.t. A x = y) is solved as an LP by GLPK, and GLPK's final basis is then re-verified in \
            exact rational arithmetic against the data: the printed x* and objective are exact fractions, \
            and 'proven optimal' means exactly that. ϱ(S, σ) and ρ_S are then proven exactly, and \
            ‖x_∞(α) − x*‖₁ is computed for D = 2, 3, 4 and 12 values of α from 1e-1 to 1e-30: the fitted \
            slopes are compared with the predictions 1 − ϱ (D = 2) and 1 (D ≥ 3), and a log–log plot is written.
            """)

    @Option(help: ArgumentHelp("Where to write the SVG plot.", valueName: "FILE"))
    var plot = "sparsecert-demo.svg"

    @OptionGroup var output: OutputOptions

    struct Report: Encodable {
        let matrix: [[String]]
        let observations: [String]
        let status: String
        let x: [String]
        let xFloat: [Double]
        let objective: String
        let support: [Int]
        let verified: Bool
        let steps: [String]
        let rho: String
        let supportConstant: String
        let predictedSlopes: [Double]
        let fittedSlopes: [Double]
        let plot: String
    }

    func run() throws {
        let instance = DemoInstance()
        let bp: ExactBasisPursuitSolution
        do {
            bp = try BasisPursuit.solveExactly(
                BasisPursuitProblem(
                    matrix: instance.matrix,
                    observations: instance.observations))
        } catch { throw CommandFailure("the demo instance could not be solved: \(error.description)") }
        // `verified` covers the basis, the optimality certificate and the exact ϱ of the uniqueness analysis.
        guard bp.verified, bp.solution.status == .optimal, let objective = bp.solution.objective,
            let uniqueness = bp.solution.uniqueness, uniqueness.isUnique == true, let rhoValue = uniqueness.rho
        else {
            throw CommandFailure("the demo instance could not be certified: \(bp.steps.joined(separator: "; "))")
        }
        let x = bp.solution.x, support = bp.solution.support
        let supportConstant = try NullSpaceMatrix(exact: instance.matrix).exactSupportConstant(support)
        guard let rhoS = supportConstant.value, supportConstant.verified else {
            throw CommandFailure("the demo instance's ρ_S could not be proven")
        }
        let sweep = RateSweep(
            matrix: instance.matrix, observations: instance.observations, reference: x, rho: rhoValue.doubleValue)
        let alphas = RateSweep.alphaGrid("1e-1:1e-30:12") ?? []
        let points = sweep.run(depths: [2, 3, 4], alphas: alphas)
        let summaries = sweep.summarize(points, depths: [2, 3, 4])
        try SweepCommand.writePlot(points, summaries, to: plot, title: "sparsecert demo: ‖x∞(α) − x*‖₁ by depth")
        if output.json {
            try printJSON(
                Report(
                    matrix: instance.matrix.rowArrays.map { $0.map(\.description) },
                    observations: instance.observations.map(\.description),
                    status: bp.solution.status.rawValue, x: x.map(\.description), xFloat: x.map(\.doubleValue),
                    objective: objective.description, support: support, verified: bp.verified,
                    steps: bp.steps, rho: rhoValue.description, supportConstant: rhoS.description,
                    predictedSlopes: summaries.map(\.predictedSlope), fittedSlopes: summaries.map(\.fittedSlope),
                    plot: plot))
            return
        }
        print(
            "Basis pursuit  min ‖x‖₁  s.t.  A x = y   (A is \(instance.matrix.rows)×\(instance.matrix.columns), built in)"
        )
        print("")
        for step in bp.steps { print("  • \(step)") }
        print("")
        print("x* = [\(x.map(\.description).joined(separator: ", "))]")
        print("support S = \(support)   (0-based)")
        print("‖x*‖₁ = \(objective)   (exact; ≈ \(objective.doubleValue))")
        print("The basis GLPK returned is proven optimal in exact rational arithmetic on the given data.")
        print(
            "ϱ(S, σ) = \(rhoValue) ≈ \(String(format: "%.6f", rhoValue.doubleValue))   ρ_S = \(rhoS) ≈ "
                + "\(String(format: "%.6f", rhoS.doubleValue))   (both proven exactly; ϱ < 1: x* is the unique minimizer)"
        )
        print("")
        print("Gradient-flow limits x_∞(α) of depth-D diagonal networks (u(0) = v(0) = α^(1/D)):")
        SweepCommand.printTable(points, summaries, alphas: alphas, rho: sweep.rho)
        print("plot written to \(plot)")
    }
}

/// The demo's built-in instance: A on multiples of 2⁻⁴, x₀ = (0, 3/2, 0, −1/2, 0, 0, 0, 0), y = A x₀;
/// basis pursuit recovers x₀ exactly.
struct DemoInstance {
    let matrix: Matrix<Rational>
    let observations: [Rational]

    init() {
        let sixteenths: [[Int]] = [
            [16, -5, 9, 3, -12, 7, 1, -8],
            [-4, 11, 6, -14, 2, 10, -7, 5],
            [8, 3, -13, 6, 9, -2, 15, -1],
            [-10, 7, 4, 12, -6, -9, 3, 14],
        ]
        let matrix = Matrix<Rational>(rows: 4, columns: 8, elements: sixteenths.flatMap { $0.map { Rational($0, 16) } })
        let groundTruth: [Rational] = [0, Rational(3, 2), 0, Rational(-1, 2), 0, 0, 0, 0]
        self.matrix = matrix
        self.observations = matrix.multiply(groundTruth)
    }

}
