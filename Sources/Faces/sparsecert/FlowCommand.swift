import ArgumentParser
import DiagonalNetworks
import Foundation
import ProblemData
import SparseRecovery

/// `sparsecert flow`: where gradient flow on a depth-D diagonal network ends, and how far that is from x*.
struct FlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flow",
        abstract: "Gradient-flow limit x_∞(α) of a depth-D diagonal linear network, and its distance to basis pursuit.",
        discussion: """
            Trains x = u^D − v^D on ½‖A x − y‖² from u(0) = v(0) = α^(1/D) (the product convention: α is the \
            scale of x; --init-convention factor starts every factor at α instead, i.e. product scale α^D). \
            x* is the basis pursuit solution: GLPK's floating-point solution with its optimality certificate \
            checked and A_S x*_S = y solved exactly, or, when that does not prove it, GLPK's basis verified in \
            exact arithmetic.
            Methods: 'newton' computes the limit directly (damped Newton on the dual, continuation in α, \
            support-aware coordinates around x*: accurate for α down to 1e-300); 'ode' integrates the flow in \
            dual coordinates with an adaptive stiff integrator; 'gd' runs plain gradient descent with step --step.
            Exit status 3 when 'ode' or 'gd' stops at --max-steps before its residual tolerance (the printed x is \
            then not x_∞).
            """)

    enum Method: String, ExpressibleByArgument, CaseIterable { case newton, ode, gd }
    enum Convention: String, ExpressibleByArgument, CaseIterable {
        case product, factor
        var library: InitializationConvention { self == .product ? .product : .perFactor }
    }

    @OptionGroup var input: ProblemArgument

    @Option(help: "Depth D ≥ 2.")
    var depth: Int

    @Option(help: "Initialization scale α > 0.")
    var alpha: Double

    @Option(help: "newton (the limit), ode (integrated flow) or gd (gradient descent).")
    var method: Method = .newton

    @Option(help: "Step size η for --method gd.")
    var step: Double = 1e-3

    @Option(help: "Iteration or step cap for --method ode and gd.")
    var maxSteps: Int = 1_000_000

    @Option(help: "What α means: product (u(0)^D = α) or factor (u(0) = α).")
    var initConvention: Convention = .product

    @Option(help: "Write the sampled trajectory (time, loss, ‖x − x*‖₁, active coordinates) as JSON here (ode, gd).")
    var trajectory: String?

    @OptionGroup var output: OutputOptions

    struct Report: Encodable {
        let depth: Int
        let alpha: Double
        let initConvention: String
        let productScale: Double
        let method: String
        let x: [Double]
        let xStar: [String]
        let support: [Int]
        let referenceProof: String
        let errorL1: Double
        let errorL2: Double
        let residual: Double
        let iterations: Int
        let converged: Bool
        let parametrization: String?
        let continuationSteps: Int?
        let flowTime: Double?
    }

    func validate() throws {
        if trajectory != nil && method == .newton {
            throw ValidationError(
                "--trajectory needs --method ode or gd: the Newton solver does not follow the flow in time")
        }
        guard maxSteps > 0 else { throw ValidationError("--max-steps must be positive, got \(maxSteps)") }
    }

    func run() throws {
        let loaded = try input.load()
        let network = try DiagonalNetwork(
            exactMatrix: loaded.matrix, observations: loaded.observations,
            depth: depth, alpha: alpha, convention: initConvention.library)
        let reference: BasisPursuitReference
        do {
            reference = try BasisPursuitReference.compute(
                matrix: loaded.matrix, observations: loaded.observations,
                roundedMatrix: network.matrix)
        } catch { throw CommandFailure("basis pursuit: \(error.description)") }
        let report = try solve(network, reference: reference)
        if output.json {
            try printJSON(report)
        } else {
            printText(report)
        }
        // A simulation stopped by its step cap has not reached x_∞: the answer printed is not the one asked for.
        if !report.converged { throw ExitStatus.notProven }
    }

    private func solve(_ network: DiagonalNetwork, reference: BasisPursuitReference) throws -> Report {
        func report(
            x: [Double], l1: Double?, l2: Double?, residual: Double, iterations: Int, converged: Bool,
            parametrization: String? = nil, continuationSteps: Int? = nil, flowTime: Double? = nil
        ) -> Report {
            Report(
                depth: network.depth, alpha: network.alpha, initConvention: initConvention.rawValue,
                productScale: network.productScale, method: method.rawValue, x: x,
                xStar: reference.x.map(\.description), support: reference.support,
                referenceProof: reference.proof.rawValue, errorL1: l1 ?? .nan, errorL2: l2 ?? .nan,
                residual: residual, iterations: iterations, converged: converged,
                parametrization: parametrization, continuationSteps: continuationSteps, flowTime: flowTime)
        }
        switch method {
        case .newton:
            let limit = try FlowLimitSolver(network: network, exactReference: reference.x).solve()
            return report(
                x: limit.x, l1: limit.errorL1, l2: limit.errorL2, residual: limit.residual,
                iterations: limit.newtonIterations, converged: true,
                parametrization: limit.parametrization.rawValue, continuationSteps: limit.continuationSteps)
        case .ode, .gd:
            var options = SimulationOptions()
            options.reference = reference.x.map(\.doubleValue)
            options.maxSteps = maxSteps
            options.sampleInterval = trajectory == nil ? 0 : 1
            let run =
                method == .ode
                ? try DualFlowSimulator(network: network).run(options: options)
                : try GradientDescentSimulator(network: network, step: step).run(options: options)
            if let trajectory {
                try OutputFile.write(JSONOutput.data(run.samples), to: trajectory)
            }
            return report(
                x: run.x, l1: run.errorL1, l2: run.errorL2, residual: run.residual,
                iterations: run.steps, converged: run.converged, flowTime: run.time)
        }
    }

    private func printText(_ report: Report) {
        print(
            "Depth-\(report.depth) diagonal network, α = \(report.alpha) (\(report.initConvention) convention; "
                + "product scale \(report.productScale)), method \(report.method)")
        let proof =
            switch BasisPursuitReference.Proof(rawValue: report.referenceProof) {
            case .exact: "proven optimal in exact arithmetic"
            case .exactDual: "exact dual certificate, A_S x*_S = y exactly"
            default: "optimality certificate holds in floating point, A_S x*_S = y exactly"
            }
        print("x* (basis pursuit; \(proof)) has support \(report.support)")
        print("x_∞ = [\(report.x.map { String(format: "%.6g", $0) }.joined(separator: ", "))]")
        print(
            "‖x_∞ − x*‖₁ = \(String(format: "%.6e", report.errorL1))   ‖x_∞ − x*‖₂ = \(String(format: "%.6e", report.errorL2))"
        )
        print(
            "‖A x_∞ − y‖₂ = \(String(format: "%.3e", report.residual))   iterations: \(report.iterations)"
                + (report.converged ? "" : "   (not converged: raise --max-steps)"))
        if let parametrization = report.parametrization { print("coordinates: \(parametrization)") }
    }
}
