// swift-tools-version:6.0
//
// SparseCert — certified sparse recovery and implicit ℓ1-regularization.
//
// Targets are grouped by layer (DESIGN.md §2, README "Layout"); dependencies point downwards only:
//   Sources/C             CGLPK (system library), CGLPKShims (setjmp guard), CZlib (zlib)       — the only C
//                         CLAPACK (OpenBLAS + LAPACKE; used by DenseLinearAlgebra's Double kernels only)
//   Sources/Support       ScaleOut (shards, parallel chunks, checkpoints), Plots (SVG)          — no mathematics
//   Sources/Numbers       ExactArithmetic, IntervalArithmetic, DenseLinearAlgebra               — no solver knowledge
//   Sources/Data          ProblemData (problem files, instance generators)                      — numbers only
//   Sources/LP            LinearProgramming (model, GLPK backend, exact verification)           — the only GLPK importer
//   Sources/Domains       SparseRecovery, NullSpaceProperty, DiagonalNetworks (no GLPK)
//   Sources/Certificates  ErrorCertificates (typed claims, one checker per claim)
//   Sources/Studies       RateSweeps, PhaseTransitions                        — experiments built on the domains
//   Sources/Faces         the `sparsecert` command-line tool                  — parse, call the library, print
import PackageDescription

let package = Package(
    name: "SparseCert",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ExactArithmetic", targets: ["ExactArithmetic"]),
        .library(name: "DenseLinearAlgebra", targets: ["DenseLinearAlgebra"]),
        .library(name: "IntervalArithmetic", targets: ["IntervalArithmetic"]),
        .library(name: "DiagonalNetworks", targets: ["DiagonalNetworks"]),
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
        .library(name: "SparseRecovery", targets: ["SparseRecovery"]),
        .library(name: "NullSpaceProperty", targets: ["NullSpaceProperty"]),
        .library(name: "ScaleOut", targets: ["ScaleOut"]),
        .library(name: "ProblemData", targets: ["ProblemData"]),
        .library(name: "ErrorCertificates", targets: ["ErrorCertificates"]),
        .library(name: "RateSweeps", targets: ["RateSweeps"]),
        .library(name: "Plots", targets: ["Plots"]),
        .library(name: "PhaseTransitions", targets: ["PhaseTransitions"]),
        .executable(name: "sparsecert", targets: ["sparsecert"]),
    ],
    dependencies: [
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // C layer.
        .systemLibrary(
            name: "CGLPK",
            path: "Sources/C/CGLPK",
            providers: [.apt(["libglpk-dev"])]),
        .systemLibrary(
            name: "CZlib",
            path: "Sources/C/CZlib",
            providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CLAPACK",
            path: "Sources/C/CLAPACK",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),
        .target(
            name: "CGLPKShims",
            dependencies: ["CGLPK"],
            path: "Sources/C/CGLPKShims"),

        // Support layer: generic machinery that knows no mathematics (depends on no SparseCert module).
        .target(
            name: "ScaleOut",
            path: "Sources/Support/ScaleOut"),
        .target(
            name: "Plots",
            path: "Sources/Support/Plots"),

        // Numbers layer.
        .target(
            name: "ExactArithmetic",
            dependencies: [.product(name: "BigInt", package: "BigInt")],
            path: "Sources/Numbers/ExactArithmetic"),
        .target(
            name: "DenseLinearAlgebra",
            dependencies: ["ExactArithmetic", "CLAPACK", .product(name: "BigInt", package: "BigInt")],
            path: "Sources/Numbers/DenseLinearAlgebra"),
        .target(
            name: "IntervalArithmetic",
            dependencies: ["ExactArithmetic", .product(name: "BigInt", package: "BigInt")],
            path: "Sources/Numbers/IntervalArithmetic"),

        // LP layer.
        .target(
            name: "LinearProgramming",
            dependencies: [
                "ExactArithmetic", "DenseLinearAlgebra", "ProblemData", "CGLPK", "CGLPKShims",
                .product(name: "BigInt", package: "BigInt"),
            ],
            path: "Sources/LP/LinearProgramming"),

        // Data layer: problem files and instance generators.
        .target(
            name: "ProblemData",
            dependencies: ["ExactArithmetic", "DenseLinearAlgebra", "CZlib"],
            path: "Sources/Data/ProblemData"),

        // Domains layer.
        .target(
            name: "DiagonalNetworks",
            dependencies: ["DenseLinearAlgebra", "ExactArithmetic", .product(name: "BigInt", package: "BigInt")],
            path: "Sources/Domains/DiagonalNetworks"),
        .target(
            name: "SparseRecovery",
            dependencies: [
                "ExactArithmetic", "DenseLinearAlgebra", "LinearProgramming",
                .product(name: "BigInt", package: "BigInt"),
            ],
            path: "Sources/Domains/SparseRecovery"),
        .target(
            name: "NullSpaceProperty",
            dependencies: ["SparseRecovery", "LinearProgramming", "DenseLinearAlgebra", "ExactArithmetic", "ScaleOut"],
            path: "Sources/Domains/NullSpaceProperty"),

        // Certificates layer.
        .target(
            name: "ErrorCertificates",
            dependencies: [
                "SparseRecovery", "NullSpaceProperty", "DiagonalNetworks", "LinearProgramming",
                "DenseLinearAlgebra", "ExactArithmetic", "IntervalArithmetic", "ScaleOut",
                .product(name: "BigInt", package: "BigInt"),
            ],
            path: "Sources/Certificates/ErrorCertificates"),

        // Studies layer: experiments over many instances or many α, built on the domains.
        .target(
            name: "RateSweeps",
            dependencies: [
                "DiagonalNetworks", "SparseRecovery", "Plots", "DenseLinearAlgebra", "ExactArithmetic",
                .product(name: "BigInt", package: "BigInt"),
            ],
            path: "Sources/Studies/RateSweeps"),
        .target(
            name: "PhaseTransitions",
            dependencies: [
                "ProblemData", "SparseRecovery", "DiagonalNetworks", "Plots", "ScaleOut",
                "DenseLinearAlgebra", "ExactArithmetic",
            ],
            path: "Sources/Studies/PhaseTransitions"),

        // Faces.
        .executableTarget(
            name: "sparsecert",
            dependencies: [
                "PhaseTransitions",
                "ExactArithmetic", "LinearProgramming", "ProblemData", "DiagonalNetworks", "SparseRecovery",
                "NullSpaceProperty", "ErrorCertificates", "RateSweeps", "Plots", "ScaleOut",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/Faces/sparsecert"),

        // Benchmarks (not tests). The overhead benchmark imports CGLPK itself: it measures the raw C API
        // against the LinearProgramming layer — the one exception to "only LinearProgramming imports C".
        .executableTarget(
            name: "lp-overhead-benchmark",
            dependencies: ["LinearProgramming", "ProblemData", "CGLPK"],
            path: "Benchmarks/LPOverhead"),
        .executableTarget(
            name: "flow-benchmark",
            dependencies: ["DiagonalNetworks", "DenseLinearAlgebra", "ProblemData"],
            path: "Benchmarks/FlowLimit",
            exclude: ["numpy_gd.py"]),

        .executableTarget(
            name: "bp-benchmark",
            dependencies: ["SparseRecovery", "ProblemData", "DenseLinearAlgebra", "ExactArithmetic"],
            path: "Benchmarks/BasisPursuit",
            exclude: ["highs_reference.py", "whole_process.py"]),
        .executableTarget(
            name: "nsp-benchmark",
            dependencies: ["NullSpaceProperty", "ProblemData"],
            path: "Benchmarks/NullSpaceProperty"),

        .executableTarget(
            name: "problem-files-benchmark",
            dependencies: ["ProblemData"],
            path: "Benchmarks/ProblemFiles"),
        .executableTarget(
            name: "certify-benchmark",
            dependencies: [
                "ErrorCertificates", "ProblemData", "SparseRecovery", "LinearProgramming", "DenseLinearAlgebra",
                "ExactArithmetic", .product(name: "BigInt", package: "BigInt"),
            ],
            path: "Benchmarks/Certificates",
            exclude: ["large_crosscheck.py"]),
        .executableTarget(
            name: "exact-lp-benchmark",
            dependencies: [
                "LinearProgramming", "DenseLinearAlgebra", "ExactArithmetic", "ProblemData",
                .product(name: "BigInt", package: "BigInt"),
            ],
            path: "Benchmarks/ExactLP"),
        .executableTarget(
            name: "phase-benchmark",
            dependencies: ["PhaseTransitions"],
            path: "Benchmarks/PhaseTransitions"),

        // Example programs (DESIGN.md §1.3 tightness constructions; see examples/README.md).
        .executableTarget(
            name: "one-r-family",
            dependencies: ["RateSweeps", "DiagonalNetworks", "ProblemData", "ExactArithmetic"],
            path: "examples/OneRFamily"),
        .executableTarget(
            name: "block-family",
            dependencies: ["RateSweeps", "ProblemData", "ExactArithmetic"],
            path: "examples/BlockFamily"),
        .executableTarget(
            name: "compressed-sensing",
            dependencies: ["RateSweeps", "ProblemData"],
            path: "examples/CompressedSensing"),
        .executableTarget(
            name: "noise-and-depth",
            dependencies: ["RateSweeps", "Plots", "DiagonalNetworks", "ProblemData"],
            path: "examples/NoiseAndDepth"),
        .executableTarget(
            name: "phase-diagrams",
            dependencies: ["PhaseTransitions", "Plots"],
            path: "examples/PhaseDiagrams"),

        // Tests, and what they share (TestSupport: scratch folders, …).
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport"),
        .testTarget(
            name: "DiagonalNetworksTests",
            dependencies: ["DiagonalNetworks", "DenseLinearAlgebra", "ExactArithmetic", "ProblemData"]),
        .testTarget(
            name: "ExactArithmeticTests",
            dependencies: ["ExactArithmetic"]),
        .testTarget(
            name: "DenseLinearAlgebraTests",
            dependencies: ["DenseLinearAlgebra", .product(name: "BigInt", package: "BigInt")]),
        .testTarget(
            name: "LinearProgrammingTests",
            dependencies: ["TestSupport", "LinearProgramming", "ExactArithmetic", "ProblemData"]),
        .testTarget(
            name: "SparseRecoveryTests",
            dependencies: [
                "SparseRecovery", "ProblemData", "LinearProgramming", "DenseLinearAlgebra", "ExactArithmetic",
            ]),
        .testTarget(
            name: "NullSpacePropertyTests",
            dependencies: [
                "TestSupport", "NullSpaceProperty", "SparseRecovery", "LinearProgramming", "DenseLinearAlgebra",
                "ExactArithmetic", "ProblemData", "ScaleOut",
            ]),
        .testTarget(
            name: "ScaleOutTests",
            dependencies: ["TestSupport", "ScaleOut"]),
        .testTarget(
            name: "ProblemDataTests",
            dependencies: ["TestSupport", "ProblemData", "ExactArithmetic", "DenseLinearAlgebra"]),
        .testTarget(
            name: "ErrorCertificatesTests",
            dependencies: [
                "ErrorCertificates", "DenseLinearAlgebra", "ExactArithmetic", "IntervalArithmetic",
            ]),
        .testTarget(
            name: "IntervalArithmeticTests",
            dependencies: ["IntervalArithmetic", "ExactArithmetic", .product(name: "BigInt", package: "BigInt")]),
        .testTarget(
            name: "RateSweepsTests",
            dependencies: ["RateSweeps", "Plots", "DenseLinearAlgebra", "ExactArithmetic"]),
        .testTarget(
            name: "CommandLineTests",
            dependencies: ["TestSupport", "sparsecert"]),
        .testTarget(
            name: "PhaseTransitionsTests",
            dependencies: ["TestSupport", "PhaseTransitions", "ProblemData", "Plots", "ScaleOut", "ExactArithmetic"]),
    ],
    swiftLanguageModes: [.v6]
)
