// Basis pursuit: SparseCert (BasisPursuit.solve: GLPK dual simplex plus the Swift layer, certificate check
// included) against SciPy's HiGHS (scipy.optimize.linprog(method="highs") on the same LP), side by side in
// one run on the same instances.
//
// Instances: RandomProblemRecipe (ProblemData) — Gaussian A with entries N(0, 1/m) on multiples of 2⁻¹⁰,
// an s-sparse x₀ with s = round(m/7), y = A x₀ exactly — seeds 1000·m + k. They are written as .npy files
// to a temporary folder; highs_reference.py (beside this file) runs as a subprocess that solves one named
// instance per request, so the two solvers alternate solve by solve (the order flips every round) and the
// machine's load hits both alike. The table reports medians per solve and their ratio, plus the time of
// the full certified solve (BP + the ϱ-LP for uniqueness) and, for m ≤ 50, of the exact mode (GLPK + exact
// rational re-verification of the BP basis, without the ϱ-LP). A second table (DenseKernels.swift) times the dense
// Double kernels, generic Swift against BLAS/LAPACK. Whole-process runs against SciPy: whole_process.py.
//
// Usage: bp-benchmark [--repeats R] [--python PYTHON]   (release build)
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

/// Stops the benchmark with a message on standard error.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("bp-benchmark: \(message)\n".utf8))
    exit(1)
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

/// The HiGHS subprocess: one request line in, one JSON line out.
final class HiGHSReference {
    let process = Process()
    let input = Pipe(), output = Pipe()
    var buffer = Data()

    init(python: String, script: String, folder: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, script, folder]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
    }

    /// Solves one instance; returns (seconds, objective).
    func solve(_ name: String) -> (seconds: Double, objective: Double) {
        input.fileHandleForWriting.write(Data("\(name)\n".utf8))
        var found = buffer.firstIndex(of: UInt8(ascii: "\n"))
        while found == nil {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { fail("highs_reference.py ended early (is SciPy installed?)") }
            buffer.append(chunk)
            found = buffer.firstIndex(of: UInt8(ascii: "\n"))
        }
        guard let newline = found else { fail("no answer from highs_reference.py") }
        let line = buffer[buffer.startIndex..<newline]
        buffer = Data(buffer[(newline + 1)...])
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
            let time = object["seconds"] as? Double, let objective = object["objective"] as? Double
        else {
            fail("HiGHS did not solve \(name): \(String(decoding: line, as: UTF8.self))")
        }
        return (time, objective)
    }

    func close() {
        input.fileHandleForWriting.closeFile()
        process.waitUntilExit()
    }
}

let repeats = Int(argument("--repeats", default: "5")) ?? 5
let python = argument("--python", default: "python3")
let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("highs_reference.py")
    .path
let sizes = [
    Size(rows: 20, columns: 60, instances: 10), Size(rows: 50, columns: 200, instances: 6),
    Size(rows: 100, columns: 400, instances: 4), Size(rows: 200, columns: 800, instances: 3),
]
let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "bp-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
do {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var problems: [String: Problem] = [:]
    for size in sizes {
        for k in 0..<size.instances {
            let recipe = RandomProblemRecipe(
                ensemble: .gaussian, rows: size.rows, columns: size.columns,
                sparsity: size.sparsity, seed: UInt64(1000 * size.rows + k))
            let problem = try recipe.generate()
            let name = String(format: "m%03d-k%02d", size.rows, k)
            try ProblemFile.write(
                Problem(matrix: problem.matrix, observations: problem.observations),
                to: folder.appendingPathComponent("\(name).npy").path)
            problems[name] = problem
        }
    }
    let highs = try HiGHSReference(python: python, script: script, folder: folder.path)
    var plain = BasisPursuitOptions()
    plain.analyzeUniqueness = false
    print(
        "Basis pursuit per-solve time, medians over \(repeats) alternating repeats of every instance (s = round(m/7))")
    print(
        "size      inst  HiGHS (ms)  SparseCert BP (ms)  speed-up  BP + ϱ/uniqueness (ms)  exact BP (ms)  max rel. objective diff"
    )
    for size in sizes {
        var ours: [Double] = [], theirs: [Double] = [], certified: [Double] = [], exact: [Double] = []
        var worstDifference = 0.0
        let names = (0..<size.instances).map { String(format: "m%03d-k%02d", size.rows, $0) }
        for round in 0..<repeats {
            for name in names {
                guard let problem = problems[name] else { fail("instance \(name) missing") }
                let floating = BasisPursuitProblem(
                    matrix: problem.doubleMatrix, observations: problem.doubleObservations)
                var objective = Double.nan
                let solveOurs = {
                    ours.append(
                        try seconds { objective = try BasisPursuit.solve(floating, options: plain).objective ?? .nan })
                }
                var reference = (seconds: 0.0, objective: 0.0)
                if round % 2 == 0 {
                    try solveOurs()
                    reference = highs.solve(name)
                } else {
                    reference = highs.solve(name)
                    try solveOurs()
                }
                theirs.append(reference.seconds)
                worstDifference = max(
                    worstDifference, abs(objective - reference.objective) / max(1, abs(reference.objective)))
            }
        }
        for name in names {
            guard let problem = problems[name] else { fail("instance \(name) missing") }
            let floating = BasisPursuitProblem(matrix: problem.doubleMatrix, observations: problem.doubleObservations)
            certified.append(try seconds { _ = try BasisPursuit.solve(floating) })
            if size.rows <= 50 {
                let exactProblem = BasisPursuitProblem(matrix: problem.matrix, observations: problem.observations)
                exact.append(
                    try seconds {
                        let result = try BasisPursuit.solveExactly(exactProblem, options: plain)
                        if !result.verified { fail("\(name): exact verification failed") }
                    })
            }
        }
        let h = median(theirs) * 1e3, o = median(ours) * 1e3
        print(
            size.label.padding(toLength: 10, withPad: " ", startingAt: 0)
                + "\(size.instances)".padding(toLength: 6, withPad: " ", startingAt: 0)
                + String(format: "%-12.2f%-20.2f%-10.1f%-24.2f", h, o, h / o, median(certified) * 1e3)
                + (exact.isEmpty
                    ? "—".padding(toLength: 15, withPad: " ", startingAt: 0)
                    : String(format: "%-15.1f", median(exact) * 1e3))
                + String(format: "%.1e", worstDifference))
    }
    highs.close()
    try DenseKernels.run(sizes: [200, 400, 800, 1500], swiftLimit: 800)
} catch {
    fail("\(error)")
}
