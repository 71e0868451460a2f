import DenseLinearAlgebra
import Dispatch
import LinearProgramming
import ProblemData
import Synchronization
import Testing

/// Many solves at once on many threads give exactly the serial answers (GLPK state is per thread).
@Suite("Concurrent solves")
struct ConcurrencyTests {
    /// A random basis-pursuit LP min Σ(p + q) s.t. A(p − q) = y from a SplitMix64 stream.
    static func randomBasisPursuit(seed: UInt64, rows: Int = 12, columns: Int = 30) -> LinearProgram<Double> {
        var generator = SplitMix64(seed: seed)
        var lp = LinearProgram<Double>()
        for _ in 0..<(2 * columns) { lp.addVariable(cost: 1) }
        for _ in 0..<rows {
            var terms: [(column: Int, coefficient: Double)] = []
            for j in 0..<columns {
                let a = generator.nextUniform() * 2 - 1
                terms.append((j, a))
                terms.append((columns + j, -a))
            }
            lp.addConstraint(terms, .fixed(generator.nextUniform()))
        }
        return lp
    }

    @Test("128 concurrent solves equal the serial ones")
    func concurrentEqualsSerial() throws {
        let programs = (0..<128).map { Self.randomBasisPursuit(seed: UInt64($0)) }
        let serial = try programs.map { try LPSolver().solve($0) }
        let results = ResultBox(count: programs.count)
        DispatchQueue.concurrentPerform(iterations: programs.count) { index in
            results.store(index, Result { () throws(LPError) in try LPSolver().solve(programs[index]) })
        }
        for (index, expected) in serial.enumerated() {
            let concurrent = try results.value(index).get()
            #expect(concurrent == expected)
            #expect(concurrent.status == .optimal)
        }
    }
}

/// Collects results written from several threads.
final class ResultBox: Sendable {
    private let results: Mutex<[Result<LPSolution, LPError>?]>

    init(count: Int) { results = Mutex(Array(repeating: nil, count: count)) }

    func store(_ index: Int, _ result: Result<LPSolution, LPError>) { results.withLock { $0[index] = result } }
    func value(_ index: Int) -> Result<LPSolution, LPError> { results.withLock { $0[index]! } }
}
