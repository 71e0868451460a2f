import Foundation
import ProblemData
import TestSupport
import Testing

/// A bounded fuzz campaign over every reader: seeded random damage (flipped, deleted and inserted bytes,
/// truncation) to valid files of every format. No input may crash a reader, and none may be misread:
/// - every file that loads holds finite values in consistent shapes, and writes and reads back identically;
/// - a damaged checksummed file (`.npz`, gzip: CRC-32) that loads holds exactly the original values;
/// - a damaged JSON file that loads is valid JSON to Foundation's independent parser, with the same numbers.
@Suite("reader fuzz campaign")
struct ReaderFuzzTests {
    struct Seed: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let checksummed: Bool
        var testDescription: String { name }
    }

    static let mutationsPerFile = 400
    static let noise = Array("-,.e/[]{}\"%\n 90'()".utf8)

    static func seeds() throws -> [Seed] {
        let problem = try RandomProblemRecipe(ensemble: .gaussian, rows: 3, columns: 5, sparsity: 2, seed: 1).generate()
        let folder = try TemporaryFolder()
        var seeds: [Seed] = []
        for format in [ProblemFormat.json, .csv, .mtx, .npy] {
            let path = folder.path("p.\(format.fileExtension)")
            let files = try ProblemFile.write(problem, to: path)
            seeds.append(
                Seed(
                    name: "p.\(format.fileExtension)",
                    bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: files[0]))),
                    checksummed: false))
        }
        for (index, archive) in InputKindTests.archives.enumerated() {
            seeds.append(
                Seed(
                    name: index == 0 ? "stored.npz" : "deflated.npz",
                    bytes: [UInt8](Data(base64Encoded: archive) ?? Data()), checksummed: true))
        }
        let gz =
            "H4sIAAAAAAACA1NV9U0sKcqs8E0syk4tUcgFcxQSi4oSKxWKUhNzFNJT81KLEnO4jBSMuQz1TLmMuXSNuAz0DIHYyJRL15wLABoSeqlCAAAA"
        seeds.append(Seed(name: "A.mtx.gz", bytes: [UInt8](Data(base64Encoded: gz) ?? Data()), checksummed: true))
        return seeds
    }

    /// Loads `path` as a problem, or for the array formats (whose y is in a companion file) as a matrix with
    /// a fixed y, so that the damage always hits the file being read.
    static func load(_ path: String, matrixOnly: Bool, folder: TemporaryFolder) throws(ProblemDataError) -> Problem {
        guard matrixOnly else { return try ProblemFile.load(path) }
        let matrix = try ProblemFile.loadMatrix(path)
        return try Problem(matrix: matrix, observations: Array(repeating: 1, count: matrix.rows))
    }

    @Test("damaged files of every format: no crash, no misread", arguments: try seeds())
    func campaign(_ seed: Seed) throws {
        let folder = try TemporaryFolder()
        let matrixOnly = seed.name.hasSuffix(".gz") || [".csv", ".mtx", ".npy"].contains { seed.name.hasSuffix($0) }
        let path = try folder.write(seed.name, bytes: seed.bytes)
        let original = try Self.load(path, matrixOnly: matrixOnly, folder: folder)
        var generator = SplitMix64(seed: 2026)
        var (read, refused) = (0, 0)
        for _ in 0..<Self.mutationsPerFile {
            var bytes = seed.bytes
            for _ in 0...generator.nextInt(below: 3) where !bytes.isEmpty {
                let position = generator.nextInt(below: bytes.count)
                switch generator.nextInt(below: 5) {
                case 0: bytes[position] = UInt8(truncatingIfNeeded: generator.next())
                case 1: bytes.remove(at: position)
                case 2: bytes.insert(Self.noise[generator.nextInt(below: Self.noise.count)], at: position)
                case 3: bytes[position] ^= 1 << UInt8(generator.nextInt(below: 8))
                default: bytes.removeLast(bytes.count - position)
                }
            }
            try folder.write(seed.name, bytes: bytes)
            let problem: Problem
            do {
                problem = try Self.load(path, matrixOnly: matrixOnly, folder: folder)
            } catch {
                refused += 1
                #expect(!error.reason.isEmpty && error.path != nil)
                continue
            }
            read += 1
            try check(problem, original: original, bytes: bytes, seed: seed, folder: folder)
        }
        print("reader fuzz \(seed.name): \(Self.mutationsPerFile) damaged files, \(read) read, \(refused) refused")
        #expect(refused > 0)
    }

    private func check(
        _ problem: Problem, original: Problem, bytes: [UInt8], seed: Seed, folder: TemporaryFolder
    ) throws {
        let a = problem.doubleMatrix
        #expect(a.elements.allSatisfy(\.isFinite) && problem.doubleObservations.allSatisfy(\.isFinite))
        #expect(problem.doubleObservations.count == a.rows && a.elements.count == a.rows * a.columns)
        let copy = folder.path("copy.json")
        try ProblemFile.write(problem, to: copy)
        #expect(try ProblemFile.load(copy) == problem, "\(seed.name) did not read back identically")
        if seed.checksummed {
            #expect(
                problem.matrix == original.matrix && problem.observations == original.observations,
                "\(seed.name): a damaged checksummed file was read with other values")
        }
        if seed.name.hasSuffix(".json") {
            let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
            let rows = (parsed?["A"] as? [[Any]])?.map { $0.map { ($0 as? NSNumber)?.doubleValue ?? .nan } }
            let reference = rows?.flatMap { $0 }.enumerated().allSatisfy { k, value in
                value.isNaN || value == a.elements[k]
            }
            #expect(
                reference == true,
                "\(seed.name): Foundation reads other numbers from \(String(decoding: bytes, as: UTF8.self))")
        }
    }
}
