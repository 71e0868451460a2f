import DenseLinearAlgebra
import ExactArithmetic
import ProblemData
import Testing

@Suite("instance generators")
struct GeneratorTests {
    @Test("SplitMix64 matches the reference outputs (Vigna's splitmix64.c)")
    func splitMixReference() {
        var zero = SplitMix64(seed: 0)
        #expect(
            [zero.next(), zero.next(), zero.next()] == [
                0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F,
            ])
        var answer = SplitMix64(seed: 42)
        #expect(answer.next() == 0xBDD7_3226_2FEB_6E95)
    }

    @Test("Gaussians have mean 0 and variance 1, subsets are distinct and sorted")
    func distributions() {
        var generator = SplitMix64(seed: 7)
        let samples = (0..<20_000).map { _ in generator.nextGaussian() }
        let mean = samples.reduce(0, +) / Double(samples.count)
        let variance = samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(samples.count)
        #expect(abs(mean) < 0.03 && abs(variance - 1) < 0.05)
        let subset = generator.nextSubset(of: 50, count: 10)
        #expect(
            subset.count == 10 && subset == subset.sorted() && Set(subset).count == 10
                && subset.allSatisfy { (0..<50).contains($0) })
        #expect((0..<1000).allSatisfy { _ in (0..<3).contains(generator.nextInt(below: 3)) })
    }

    @Test("the same recipe gives the same instance, another seed another one", arguments: MeasurementEnsemble.allCases)
    func reproducible(ensemble: MeasurementEnsemble) throws {
        let recipe = RandomProblemRecipe(ensemble: ensemble, rows: 6, columns: 15, sparsity: 3, seed: 11)
        #expect(try recipe.generate() == recipe.generate())
        var other = recipe
        other.seed = 12
        #expect(try other.generate().matrix != recipe.generate().matrix)
    }

    @Test(
        "generated data are exactly consistent: A, x₀, y on their dyadic grids and y = A x₀ exactly",
        arguments: MeasurementEnsemble.allCases)
    func exactConsistency(ensemble: MeasurementEnsemble) throws {
        let recipe = RandomProblemRecipe(ensemble: ensemble, rows: 10, columns: 30, sparsity: 4, seed: 5)
        let problem = try recipe.generate()
        let x0 = try #require(problem.groundTruth)
        #expect(problem.observations == problem.matrix.multiply(x0))
        #expect(x0.filter { $0 != 0 }.count == 4)
        #expect(x0.allSatisfy { $0.magnitude == 0 || $0.magnitude >= 1 })
        #expect(problem.matrix.elements.allSatisfy { ($0 * 1024).isInteger })
        #expect(x0.allSatisfy { ($0 * 16).isInteger })
        #expect(problem.observations.allSatisfy { ($0 * 16384).isInteger && Rational(exactly: $0.doubleValue) == $0 })
    }

    @Test("ensemble scaling: column norms ≈ 1 and values on the expected grid points")
    func scaling() throws {
        var generator = SplitMix64(seed: 1)
        for ensemble in MeasurementEnsemble.allCases {
            let a = ensemble.matrix(rows: 64, columns: 128, grid: DyadicGrid(exponent: 10), generator: &generator).map(
                \.doubleValue)
            let meanSquaredNorm =
                (0..<a.columns).map { j in a.column(j).map { $0 * $0 }.reduce(0, +) }.reduce(0, +) / Double(a.columns)
            #expect(abs(meanSquaredNorm - 1) < 0.05, "\(ensemble): \(meanSquaredNorm)")
        }
        let rademacher = MeasurementEnsemble.rademacher.matrix(
            rows: 16, columns: 5, grid: DyadicGrid(exponent: 10), generator: &generator)
        #expect(Set(rademacher.elements.map(\.magnitude)) == [Rational(256, 1024)])
        // The partial DCT of all n rows, unscaled (m = n), is orthogonal up to the grid rounding.
        let dct = MeasurementEnsemble.dct.matrix(
            rows: 8, columns: 8, grid: DyadicGrid(exponent: 20), generator: &generator
        ).map(\.doubleValue)
        let gram = dct.transposed.multiply(dct)
        #expect((0..<8).allSatisfy { i in (0..<8).allSatisfy { j in abs(gram[i, j] - (i == j ? 1 : 0)) < 1e-5 } })
    }

    @Test("given signs are used, and change neither A nor the support")
    func givenSigns() throws {
        var recipe = RandomProblemRecipe(ensemble: .gaussian, rows: 5, columns: 12, sparsity: 3, seed: 9)
        let random = try recipe.generate()
        recipe.signs = [1, -1, 1]
        let signed = try recipe.generate()
        #expect(signed.matrix == random.matrix)
        let x0 = try #require(signed.groundTruth), xr = try #require(random.groundTruth)
        #expect(x0.filter { $0 != 0 }.map(\.signum) == [1, -1, 1])
        #expect(x0.map(\.magnitude) == xr.map(\.magnitude))
    }

    @Test("noise moves y off A x₀ by about η, on y's grid")
    func noise() throws {
        let recipe = RandomProblemRecipe(
            ensemble: .gaussian, rows: 120, columns: 130, sparsity: 5, seed: 2, noiseLevel: 0.1)
        let problem = try recipe.generate()
        let clean = problem.matrix.multiply(try #require(problem.groundTruth))
        let noise = zip(problem.observations, clean).map { ($0 - $1).doubleValue }
        let rms = (noise.map { $0 * $0 }.reduce(0, +) / Double(noise.count)).squareRoot()
        #expect(abs(rms - 0.1) < 0.02)
        #expect(problem.observations.allSatisfy { ($0 * 16384).isInteger })
    }

    @Test(
        "bad recipes are refused with a reason",
        arguments: [
            RandomProblemRecipe(ensemble: .gaussian, rows: 0, columns: 5, sparsity: 1, seed: 0),
            RandomProblemRecipe(ensemble: .gaussian, rows: 3, columns: 5, sparsity: 6, seed: 0),
            RandomProblemRecipe(ensemble: .gaussian, rows: 3, columns: 5, sparsity: -1, seed: 0),
            RandomProblemRecipe(ensemble: .dct, rows: 6, columns: 5, sparsity: 1, seed: 0),
            RandomProblemRecipe(ensemble: .gaussian, rows: 3, columns: 5, sparsity: 2, seed: 0, signs: [1]),
            RandomProblemRecipe(ensemble: .gaussian, rows: 3, columns: 5, sparsity: 1, seed: 0, signs: [2]),
            RandomProblemRecipe(ensemble: .gaussian, rows: 3, columns: 5, sparsity: 1, seed: 0, noiseLevel: -1),
            RandomProblemRecipe(ensemble: .gaussian, rows: 3, columns: 5, sparsity: 1, seed: 0, noiseLevel: .nan),
            RandomProblemRecipe(ensemble: .gaussian, rows: 1 << 40, columns: 1 << 40, sparsity: 1, seed: 0),
        ])
    func badRecipes(recipe: RandomProblemRecipe) {
        #expect(throws: ProblemDataError.self) { _ = try recipe.generate() }
    }

    @Test("dyadic rounding is exact and to the nearest grid point")
    func grid() {
        let grid = DyadicGrid(exponent: 4)
        #expect(grid.round(0.3) == Rational(5, 16))
        #expect(grid.round(-0.03125) == Rational(-1, 16))
        #expect(grid.round(1) == 1)
        #expect(grid.spacing == Rational(1, 16))
    }
}
