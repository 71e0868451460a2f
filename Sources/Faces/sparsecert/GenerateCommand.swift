import ArgumentParser
import ExactArithmetic
import ProblemData

/// `sparsecert generate`: writes a reproducible, exactly consistent test instance.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a reproducible test instance A x = y (random or with a known exponent ϱ).",
        discussion: """
            FAMILY, and the options it needs:
              gaussian    entries N(0, 1/m)            --rows m --columns n --sparsity s
              rademacher  entries ±1/√m                --rows m --columns n --sparsity s
              dct         m random DCT-II rows ×√(n/m) --rows m --columns n --sparsity s
              one-r       A = [1, r], y = 1; ϱ = r     --r R (exact, 0 ≤ R < 1)
              block       A = [I_s | B], y = x*_S      --rows s --columns n [--r R: ϱ = R]
              copy        the problem in --input FILE     [--observations FILE] [--input-format FORMAT]

            Random families draw everything from SplitMix64 seeded with --seed: A (rounded to multiples of \
            2^-grid-bits), then an s-sparse x₀ (support uniform, signs random or --signs, magnitudes 1 + |g| \
            on multiples of 2^-4), then y = A x₀ computed exactly, so y lies exactly in the range of A's \
            support columns; --noise η adds η·g to y (rounded to y's grid). The same options always give \
            the same files. See docs/problem-files.md.

            The format comes from --out's extension or --format: .json writes one file {"A", "y", "x0"}; \
            .csv/.txt/.dat, .mtx and .npy write A to FILE and y, x0 beside it as FILE-stem.y.ext and \
            FILE-stem.x0.ext. Values are stored exactly; .mtx and .npy hold doubles only, so exact \
            fractions (one-r with r = 1/3, block with --r) need .json or .csv. copy converts any problem \
            file SparseCert reads (.npz, .mtx.gz, standard input as -, …) into the format of --out, every \
            value exactly as it was read.
            """)

    /// The instance families.
    enum Family: String, ExpressibleByArgument, CaseIterable {
        case gaussian, rademacher, dct, oneR = "one-r", block, copy
    }

    @Argument(help: "The instance family (see above).")
    var family: Family

    @Option(help: "m, the number of rows (measurements); for block, s.")
    var rows: Int?

    @Option(help: "n, the number of columns (signal length).")
    var columns: Int?

    @Option(help: "s, the number of non-zeros of x₀ (random families).")
    var sparsity: Int?

    @Option(help: "The seed of the SplitMix64 stream.")
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Standard deviation η of the noise added to y (random families).", valueName: "η"))
    var noise: Double = 0

    @Option(
        name: .customLong("r"),
        help: ArgumentHelp("one-r: the exact r in [0, 1), e.g. 1/3 or 0.9; block: the exact ϱ wanted.", valueName: "R"))
    var r: String?

    @Option(
        help: ArgumentHelp(
            "Signs of x₀ on its sorted support, e.g. +-+ or 1,-1,1 (default: random).", valueName: "SIGNS"))
    var signs: SignList?

    @Option(name: .customLong("grid-bits"), help: "A's entries are rounded to multiples of 2^-k.")
    var gridBits: Int = 10

    @Option(help: "json, csv, mtx or npy (default: from --out's extension).")
    var format: ProblemFormat?

    @Option(help: ArgumentHelp("The file to write.", valueName: "FILE"))
    var out: String

    @Option(help: ArgumentHelp("copy: the problem file to read (- for standard input).", valueName: "FILE"))
    var input: String?

    @Option(help: ArgumentHelp("copy: the file holding y, for a matrix file.", valueName: "FILE"))
    var observations: String?

    @Option(
        name: .customLong("input-format"),
        help: ArgumentHelp("copy: the format of --input (default: its extension).", valueName: "FORMAT"))
    var inputFormat: ProblemFormat?

    @OptionGroup var output: OutputOptions

    struct Report: Encodable {
        let family: String
        let name: String
        let rows: Int
        let columns: Int
        let sparsity: Int
        let seed: UInt64?
        let noise: Double?
        let files: [String]
        let support: [Int]
        let signs: [Int]
        let rho: String?
        let rhoFloat: Double?
    }

    func validate() throws {
        let random = [.gaussian, .rademacher, .dct].contains(family)
        if family == .oneR, rows != nil || columns != nil || sparsity != nil {
            throw ValidationError("one-r is always 1×2 with s = 1: drop --rows, --columns and --sparsity")
        }
        if random || family == .block {
            guard rows != nil, columns != nil else {
                throw ValidationError("\(family.rawValue) needs --rows and --columns")
            }
        }
        if random, sparsity == nil { throw ValidationError("\(family.rawValue) needs --sparsity") }
        if family == .block, let sparsity, sparsity != rows {
            throw ValidationError("block has s = --rows; --sparsity \(sparsity) differs from --rows \(rows ?? 0)")
        }
        if family == .oneR, r == nil { throw ValidationError("one-r needs --r, the exact r in [0, 1)") }
        if random, r != nil { throw ValidationError("--r applies to one-r and block only") }
        if !random, noise != 0 { throw ValidationError("--noise applies to gaussian, rademacher and dct only") }
        if family == .copy, input == nil { throw ValidationError("copy needs --input, the problem file to read") }
        if family != .copy, input != nil || observations != nil || inputFormat != nil {
            throw ValidationError("--input, --observations and --input-format apply to copy only")
        }
        if family == .copy, rows != nil || columns != nil || sparsity != nil || r != nil || signs != nil {
            throw ValidationError(
                "copy takes the problem as it is: drop --rows, --columns, --sparsity, --r and --signs")
        }
        if family == .oneR, signs != nil { throw ValidationError("one-r has x* = (1, 0): --signs does not apply") }
        guard (0...30).contains(gridBits) else { throw ValidationError("--grid-bits must lie in 0…30") }
    }

    func run() throws {
        let parsedSigns = signs?.signs
        let parsedR = try r.map(Self.parseRational)
        let instance: (problem: Problem, rho: Rational?, support: [Int], signs: [Int])
        switch family {
        case .gaussian, .rademacher, .dct:
            let ensemble = MeasurementEnsemble(rawValue: family.rawValue) ?? .gaussian
            let recipe = RandomProblemRecipe(
                ensemble: ensemble, rows: rows ?? 0, columns: columns ?? 0, sparsity: sparsity ?? 0,
                seed: seed, signs: parsedSigns, noiseLevel: noise, matrixGrid: DyadicGrid(exponent: gridBits))
            let problem = try recipe.generate()
            let x0 = problem.groundTruth ?? []
            let support = x0.indices.filter { x0[$0] != .zero }
            instance = (problem, nil, support, support.map { x0[$0].signum })
        case .oneR:
            let tight = try TightnessFamily.oneR(parsedR ?? .zero)
            instance = (tight.problem, tight.rho, tight.support, tight.signs)
        case .block:
            let tight = try TightnessFamily.randomBlock(
                size: rows ?? 0, columns: columns ?? 0, seed: seed, rho: parsedR,
                signs: parsedSigns, grid: DyadicGrid(exponent: gridBits))
            instance = (tight.problem, tight.rho, tight.support, tight.signs)
        case .copy:
            let problem = try ProblemFile.load(input ?? "-", observations: observations, format: inputFormat)
            let x0 = problem.groundTruth ?? []
            let support = x0.indices.filter { x0[$0] != .zero }
            instance = (problem, nil, support, support.map { x0[$0].signum })
        }
        let encoded = try ProblemFile.encode(instance.problem, to: out, format: format)
        for file in encoded { try OutputFile.write(file.bytes, to: file.path) }
        let files = encoded.map(\.path)
        let problem = instance.problem
        let isRandom = (instance.rho == nil || family == .block) && family != .copy
        if output.json {
            try printJSON(
                Report(
                    family: family.rawValue, name: problem.name ?? "", rows: problem.doubleMatrix.rows,
                    columns: problem.doubleMatrix.columns,
                    sparsity: instance.support.count, seed: isRandom ? seed : nil,
                    noise: instance.rho == nil && family != .copy ? noise : nil,
                    files: files, support: instance.support, signs: instance.signs,
                    rho: instance.rho?.description, rhoFloat: instance.rho?.doubleValue))
            return
        }
        print(
            "Wrote \(problem.name ?? family.rawValue)  (A is \(problem.doubleMatrix.rows)×\(problem.doubleMatrix.columns))"
        )
        let parts = ["A", "y", "x0"]
        for (index, file) in files.enumerated() {
            print("  \(file)" + (files.count == 1 ? "   A, y and x0" : "   \(parts[index])"))
        }
        print("support S = \(instance.support)   (0-based)   signs σ = \(instance.signs)")
        if family == .copy {
            print("copied from \(input ?? "-"), every value exactly as read")
        } else if let rho = instance.rho {
            print("ϱ(S, σ) = \(rho)   (exact, known in closed form; ≈ \(rho.doubleValue))")
        } else {
            print(
                "A on multiples of 2^-\(gridBits), x0 on multiples of 2^-4, y = A x0"
                    + (noise > 0 ? " + noise (level \(noise))" : "") + " computed exactly")
        }
    }

    /// An exact number given on the command line (`1/3`, `0.9` = 9/10).
    static func parseRational(_ text: String) throws -> Rational {
        do {
            return try Rational(parsing: text)
        } catch {
            throw ValidationError("--r: \(error.description)")
        }
    }
}
