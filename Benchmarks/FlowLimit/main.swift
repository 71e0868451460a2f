import DenseLinearAlgebra
import DiagonalNetworks
import ExactArithmetic
import Foundation
import ProblemData

// flow-benchmark: time of the limit solver x_∞(α) on random exactly consistent instances, side by side with
// plain NumPy gradient descent (numpy_gd.py) run to relative accuracy 1e-6 of x_∞, to its own O(η)-biased
// limit, or to a wall-time cap (60 s by default), whichever comes first.
//
// Usage: flow-benchmark [--gd-cap SECONDS] [--no-gd] [--python PATH]
// Instances: ProblemData's RandomProblemRecipe (Gaussian A on 2⁻¹⁰ℤ, x₀ on 2⁻⁴ℤ, y = A x₀ exact), sparsity m/5,
// seeds from 2026 up to the first whose x₀ is the unique BP solution (see `instance`). Solver times are the median of 5 runs.

struct Arguments {
    var gdCap = 60.0
    var runGD = true
    var python = "python3"

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst().makeIterator()
        while let argument = rest.next() {
            switch argument {
            case "--gd-cap": gdCap = rest.next().flatMap(Double.init) ?? gdCap
            case "--no-gd": runGD = false
            case "--python": python = rest.next() ?? python
            default: FileHandle.standardError.write(Data("ignoring unknown argument \(argument)\n".utf8))
            }
        }
    }
}

/// The instance of one size: ProblemData's Gaussian recipe with seeds 2026, 2027, …, the first whose x₀ the
/// support-aware limit solver can follow down to α = 1e-30 at D = 2 (x₀ is then the unique BP solution: the
/// off-support balance has no solution as α → 0 otherwise).
func instance(rows: Int, columns: Int) -> Problem {
    for seed in UInt64(2026)... {
        let recipe = RandomProblemRecipe(
            ensemble: .gaussian, rows: rows, columns: columns, sparsity: max(1, rows / 5),
            seed: seed)
        guard let drawn = try? recipe.generate(), let x0 = drawn.groundTruth,
            let network = try? DiagonalNetwork(
                exactMatrix: drawn.matrix, observations: drawn.observations,
                depth: 2, alpha: 1e-30),
            (try? FlowLimitSolver(network: network, exactReference: x0).solve()) != nil
        else { continue }
        return drawn
    }
    fatalError("unreachable: the seeds do not run out")
}

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    var times: [Double] = []
    for _ in 0..<5 {
        let elapsed = try clock.measure(body)
        times.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15)
    }
    return times.sorted()[2]
}

struct GDResult: Decodable {
    let seconds: Double; let iterations: Int; let relativeError: Double; let reached: Bool; let stop: String
}

func numpyGD(_ data: Problem, limit: [Double], depth: Int, alpha: Double, arguments: Arguments) -> GDResult? {
    let payload: [String: Any] = [
        "A": data.doubleMatrix.rowArrays, "y": data.doubleObservations, "x_limit": limit, "depth": depth,
        "alpha": alpha,
        "cap_seconds": arguments.gdCap, "target": 1e-6,
    ]
    guard let input = try? JSONSerialization.data(withJSONObject: payload) else { return nil }
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("numpy_gd.py").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [arguments.python, script]
    let stdin = Pipe(), stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    do { try process.run() } catch { return nil }
    stdin.fileHandleForWriting.write(input)
    try? stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try? decoder.decode(GDResult.self, from: output)
}

let arguments = Arguments(CommandLine.arguments)
/// Prints one line unbuffered, so that progress shows when the output goes to a file.
func emit(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

emit(
    "| m×n | D | α | limit solver (ms) | Newton its | ‖x_∞−x*‖₁ | NumPy GD | GD iterations | GD ‖x−x_∞‖₁/‖x_∞‖₁ | time ratio |"
)
emit("|---|---|---|---|---|---|---|---|---|---|")
for (rows, columns) in [(20, 60), (50, 200)] {
    let data = instance(rows: rows, columns: columns)
    let x0 = (data.groundTruth ?? []).map(\.doubleValue)
    for depth in [2, 3, 4] {
        for alpha in [1e-2, 1e-4, 1e-10, 1e-30] {
            do {
                let network = try DiagonalNetwork(
                    matrix: data.doubleMatrix, observations: data.doubleObservations,
                    depth: depth, alpha: alpha)
                var limit: FlowLimit?
                let time = try milliseconds {
                    limit = try FlowLimitSolver(network: network, reference: x0).solve()
                }
                guard let limit else { continue }
                var gdColumns = "– | – | – | –"
                if arguments.runGD,
                    let gd = numpyGD(data, limit: limit.x, depth: depth, alpha: alpha, arguments: arguments)
                {
                    let status =
                        switch gd.stop {
                        case "reached": String(format: "%.2f s", gd.seconds)
                        case "own limit": String(format: "%.2f s (own limit)", gd.seconds)
                        default: String(format: "> %.0f s (cap)", gd.seconds)
                        }
                    let ratio = String(format: "%.0f×", gd.seconds * 1e3 / time)
                    gdColumns =
                        "\(status) | \(gd.iterations) | \(String(format: "%.1e", gd.relativeError)) | "
                        + (gd.stop == "cap" ? "> " + ratio : ratio)
                }
                emit(
                    "| \(rows)×\(columns) | \(depth) | \(String(format: "%.0e", alpha)) | \(String(format: "%.2f", time)) | "
                        + "\(limit.newtonIterations) | \(String(format: "%.3e", limit.errorL1 ?? .nan)) | \(gdColumns) |"
                )
            } catch {
                emit("| \(rows)×\(columns) | \(depth) | \(String(format: "%.0e", alpha)) | failed: \(error) |")
            }
        }
    }
}
