// Per-LP overhead of SparseCert's GLPK layer against calling GLPK's C API directly.
//
// Both sides solve the same basis-pursuit LPs (min Σ(p + q) s.t. A(p − q) = y, p, q ≥ 0, Gaussian A with
// fixed seeds of ProblemData's SplitMix64) with the same method (dual simplex, no presolve, messages off) and read back the
// same results (objective, primal and dual values, basis statuses). The SparseCert side adds validation,
// the setjmp guard and Swift arrays. Runs alternate between the two sides so that machine noise hits both
// alike; the report gives medians and their ratio.
//
// This target is the one exception to "only LinearProgramming imports C": it measures the raw C API.
import CGLPK
import DenseLinearAlgebra
import Dispatch
import Foundation
import LinearProgramming
import ProblemData

/// A Gaussian m×n matrix (entries N(0, 1/m)) and y = A x₀ for a random s-sparse x₀.
func instance(rows m: Int, columns n: Int, seed: UInt64) -> (a: [[Double]], y: [Double]) {
    var random = SplitMix64(seed: seed)
    let scale = 1 / Double(m).squareRoot()
    let a = (0..<m).map { _ in (0..<n).map { _ in random.nextGaussian() * scale } }
    var x = [Double](repeating: 0, count: n)
    for _ in 0..<max(1, m / 7) { x[Int(random.next() % UInt64(n))] = random.nextGaussian() }
    let y = a.map { row in zip(row, x).reduce(0) { $0 + $1.0 * $1.1 } }
    return (a, y)
}

func basisPursuitLP(_ a: [[Double]], _ y: [Double]) -> LinearProgram<Double> {
    let n = a[0].count
    var lp = LinearProgram<Double>()
    for _ in 0..<(2 * n) { lp.addVariable(cost: 1) }
    for (row, value) in zip(a, y) {
        lp.addConstraint(
            row.enumerated().flatMap { [($0.offset, $0.element), (n + $0.offset, -$0.element)] }, .fixed(value))
    }
    return lp
}

/// What the direct path reads back: the same as `LPSolution` holds.
struct DirectResult {
    var objective = 0.0
    var rowValue: [Double], rowDual: [Double], rowStatus: [Int32]
    var value: [Double], dual: [Double], status: [Int32]
}

/// The same LP through GLPK's C API.
func solveDirectly(_ a: [[Double]], _ y: [Double]) -> DirectResult {
    let m = a.count, n = a[0].count
    let problem = glp_create_prob()
    defer { glp_delete_prob(problem) }
    glp_set_obj_dir(problem, GLP_MIN)
    glp_add_rows(problem, Int32(m))
    glp_add_cols(problem, Int32(2 * n))
    for i in 0..<m { glp_set_row_bnds(problem, Int32(i + 1), GLP_FX, y[i], y[i]) }
    for j in 0..<(2 * n) {
        glp_set_col_bnds(problem, Int32(j + 1), GLP_LO, 0, 0)
        glp_set_obj_coef(problem, Int32(j + 1), 1)
    }
    var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
    for i in 0..<m {
        for j in 0..<n {
            ia.append(Int32(i + 1)); ja.append(Int32(j + 1)); ar.append(a[i][j])
            ia.append(Int32(i + 1)); ja.append(Int32(n + j + 1)); ar.append(-a[i][j])
        }
    }
    glp_load_matrix(problem, Int32(ar.count - 1), ia, ja, ar)
    var parameters = glp_smcp()
    glp_init_smcp(&parameters)
    parameters.msg_lev = GLP_MSG_OFF
    parameters.meth = GLP_DUALP
    glp_simplex(problem, &parameters)
    var result = DirectResult(
        rowValue: .init(repeating: 0, count: m), rowDual: .init(repeating: 0, count: m),
        rowStatus: .init(repeating: 0, count: m), value: .init(repeating: 0, count: 2 * n),
        dual: .init(repeating: 0, count: 2 * n), status: .init(repeating: 0, count: 2 * n))
    result.objective = glp_get_obj_val(problem)
    for i in 0..<m {
        result.rowValue[i] = glp_get_row_prim(problem, Int32(i + 1))
        result.rowDual[i] = glp_get_row_dual(problem, Int32(i + 1))
        result.rowStatus[i] = glp_get_row_stat(problem, Int32(i + 1))
    }
    for j in 0..<(2 * n) {
        result.value[j] = glp_get_col_prim(problem, Int32(j + 1))
        result.dual[j] = glp_get_col_dual(problem, Int32(j + 1))
        result.status[j] = glp_get_col_stat(problem, Int32(j + 1))
    }
    return result
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
}

func median(_ values: [Double]) -> Double { let s = values.sorted(); return s[s.count / 2] }

glp_term_out(GLP_OFF)
print("Per-LP time, basis pursuit LPs (dual simplex), medians over alternating runs")
print("size        instances  GLPK direct (ms)  SparseCert (ms)  ratio")
for (m, n, count) in [(20, 60, 40), (50, 200, 20), (100, 400, 10)] {
    let instances = (0..<count).map { instance(rows: m, columns: n, seed: UInt64(1000 * m + $0)) }
    let programs = instances.map { basisPursuitLP($0.a, $0.y) }
    var direct: [Double] = [], layered: [Double] = []
    for round in 0..<5 {
        for (index, (a, y)) in instances.enumerated() {
            let runDirect = { _ = solveDirectly(a, y) }
            let runLayer = { _ = try LPSolver().solve(programs[index]) }
            if round % 2 == 0 {
                direct.append(seconds(runDirect)); layered.append(try seconds(runLayer))
            } else {
                layered.append(try seconds(runLayer)); direct.append(seconds(runDirect))
            }
        }
    }
    let d = median(direct) * 1e3, l = median(layered) * 1e3
    print(
        "\(m)×\(n)".padding(toLength: 12, withPad: " ", startingAt: 0)
            + "\(count)".padding(toLength: 11, withPad: " ", startingAt: 0)
            + String(format: "%-18.3f%-17.3f%.3f", d, l, l / d))
}
