// Basis pursuit: SparseCert (GLPK dual simplex through BasisPursuit.solve) against SciPy's HiGHS
// (scipy.optimize.linprog(method="highs")), side by side in one run on the same instances.
//
// Instances: RandomProblemRecipe (ProblemData) — Gaussian A with entries N(0, 1/m) on multiples of 2⁻¹⁰,
// an s-sparse x₀ with s = round(m/7), y = A x₀ exactly — seeds 1000·m + k. They are written as .npy
// files to a temporary folder, SciPy solves them in a subprocess (highs_reference.py beside this file),
// and SparseCert solves them here; both report the median per-solve time. The table also gives the time of
// SparseCert's full certified solve (BP + the ϱ-LP for uniqueness) and, for m ≤ 50, of the exact mode
// (GLPK + exact rational re-verification of the BP basis).
//
// Usage: bp-benchmark [--repeats R] [--python PYTHON]   (run from the package root, release build)
import DenseLinearAlgebra
import ExactArithmetic
import Foundation
import ProblemData
import SparseRecovery

struct Size {
    let rows: Int, columns: Int, instances: Int
    var sparsity: Int { max(1, Int((Double(rows) / 7).rounded())) }
    var label: String { "\(rows)×\(columns)" }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let elapsed = clock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

func argument(_ name: String, default value: String) -> String {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return value }
    return arguments[index + 1]
}

let repeats = Int(argument("--repeats", default: "5")) ?? 5
let python = argument("--python", default: "python3")
let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("highs_reference.py").path
let sizes = [Size(rows: 20, columns: 60, instances: 10), Size(rows: 50, columns: 200, instances: 6),
             Size(rows: 100, columns: 400, instances: 4), Size(rows: 200, columns: 800, instances: 3)]
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bp-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

var problems: [String: Problem] = [:]
for size in sizes {
    for k in 0..<size.instances {
        let recipe = RandomProblemRecipe(ensemble: .gaussian, rows: size.rows, columns: size.columns,
                                         sparsity: size.sparsity, seed: UInt64(1000 * size.rows + k))
        let problem = try recipe.generate()
        let name = String(format: "m%03d-k%02d", size.rows, k)
        try ProblemFile.write(Problem(matrix: problem.matrix, observations: problem.observations), to: folder.appendingPathComponent("\(name).npy").path)
        problems[name] = problem
    }
}

// SciPy HiGHS, in a subprocess (started first; it runs while nothing else does).
let process = Process()
process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
process.arguments = [python, script, folder.path, String(repeats)]
let pipe = Pipe()
process.standardOutput = pipe
try process.run()
let pythonOutput = pipe.fileHandleForReading.readDataToEndOfFile()
process.waitUntilExit()
guard process.terminationStatus == 0 else { fatalError("highs_reference.py failed (is SciPy installed?)") }
var highs: [String: (seconds: [Double], objective: Double)] = [:]
for line in String(decoding: pythonOutput, as: UTF8.self).split(separator: "\n") {
    guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
          let name = object["name"] as? String, let times = object["seconds"] as? [Double],
          let objective = object["objective"] as? Double else { continue }
    highs[name] = (times, objective)
}

// SparseCert, same instances, same number of repeats.
var plain = BasisPursuitOptions()
plain.analyzeUniqueness = false
print("Basis pursuit per-solve time, medians over \(repeats) repeats of every instance (s = round(m/7))")
print("size      inst  HiGHS (ms)  SparseCert BP (ms)  speed-up  BP + ϱ/uniqueness (ms)  exact BP (ms)  max rel. objective diff")
for size in sizes {
    var ours: [Double] = [], theirs: [Double] = [], certified: [Double] = [], exact: [Double] = []
    var worstDifference = 0.0
    for k in 0..<size.instances {
        let name = String(format: "m%03d-k%02d", size.rows, k)
        guard let problem = problems[name], let reference = highs[name] else { fatalError("instance \(name) missing") }
        let floating = BasisPursuitProblem(matrix: problem.doubleMatrix, observations: problem.doubleObservations)
        var objective = 0.0
        for _ in 0..<repeats {
            ours.append(try seconds { objective = try BasisPursuit.solve(floating, options: plain).objective ?? .nan })
        }
        certified.append(try seconds { _ = try BasisPursuit.solve(floating) })
        if size.rows <= 50 {
            let exactProblem = BasisPursuitProblem(matrix: problem.matrix, observations: problem.observations)
            exact.append(try seconds {
                let result = try BasisPursuit.solveExactly(exactProblem, options: plain)
                guard result.verified else { fatalError("\(name): exact verification failed") }
            })
        }
        theirs += reference.seconds
        worstDifference = max(worstDifference, abs(objective - reference.objective) / max(1, abs(reference.objective)))
    }
    let h = median(theirs) * 1e3, o = median(ours) * 1e3
    print(size.label.padding(toLength: 10, withPad: " ", startingAt: 0)
        + "\(size.instances)".padding(toLength: 6, withPad: " ", startingAt: 0)
        + String(format: "%-12.2f%-20.2f%-10.1f%-24.2f", h, o, h / o, median(certified) * 1e3)
        + (exact.isEmpty ? "—".padding(toLength: 15, withPad: " ", startingAt: 0) : String(format: "%-15.1f", median(exact) * 1e3))
        + String(format: "%.1e", worstDifference))
}
