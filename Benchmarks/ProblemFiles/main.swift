import DenseLinearAlgebra
import Foundation
import ProblemData

/// problem-files-benchmark: read throughput of the problem readers on a dense m×n problem of raw float64
/// data (SplitMix64 Gaussians, every value written with its 17 significant digits, as Python's json and
/// NumPy write them), for each format; plus the one-time cost of the exact (rational) view.
///
/// Usage: problem-files-benchmark [--rows M] [--columns N] [--repeat R]
/// Prints one Markdown table row per format: file size, best of R whole loads, MB/s.
let arguments = CommandLine.arguments
func option(_ name: String) -> Int? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? Int(arguments[$0 + 1]) : nil }
}
let (m, n, repeats) = (option("--rows") ?? 1500, option("--columns") ?? 1500, option("--repeat") ?? 3)

var generator = SplitMix64(seed: 7)
let a = Matrix(rows: m, columns: n, elements: (0..<m * n).map { _ in generator.nextGaussian() })
let y = (0..<m).map { _ in generator.nextGaussian() }
let problem = try Problem(doubleMatrix: a, observations: y)
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("problem-files-benchmark-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

print("| format | \(m)×\(n) file (MB) | load (s, best of \(repeats)) | MB/s |")
print("|---|---|---|---|")
for format in [ProblemFormat.json, .npy, .csv, .mtx] {
    let path = folder.appendingPathComponent("p.\(format.fileExtension)").path
    let files = try ProblemFile.write(problem, to: path)
    let bytes = try files.reduce(0) {
        $0 + ((try FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0)
    }
    var best = Double.infinity
    for _ in 0..<repeats {
        var loaded: Problem?
        best = min(best, try seconds { loaded = try ProblemFile.load(path) })
        guard loaded?.doubleMatrix == a, loaded?.isExactlyDouble == true else {
            fatalError("\(format) read back different values")
        }
    }
    let megabytes = Double(bytes) / 1e6
    print(String(format: "| %@ | %.1f | %.3f | %.0f |", format.rawValue, megabytes, best, megabytes / best))
}
let loaded = try ProblemFile.load(folder.appendingPathComponent("p.npy").path)
let exactSeconds = seconds { _ = loaded.matrix }
print(
    String(format: "\nexact view (%d rationals made once, on first use of Problem.matrix): %.3f s", m * n, exactSeconds)
)
