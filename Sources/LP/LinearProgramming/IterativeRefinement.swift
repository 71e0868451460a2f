import BigInt
import ExactArithmetic
import Foundation

/// Iterative refinement of a floating-point LP solve (Gleixner, Steffy and Wolter; SoPlex): double-precision
/// solves that find the basis which is optimal for the exact data, so that it is verified once, exactly.
///
/// A double solve of data that are not exactly consistent (y = fl(A x₀)) returns a basis optimal for the
/// rounded problem; the exact optimum may differ in basic values of the size of the rounding, whose signs
/// double precision cannot see. Refinement keeps an exact point ẑ = (r̂, x̂) with r̂ = A x̂ computed exactly,
/// measures its largest bound violation ε exactly, and solves the correction LP
///
///     minimize cᵀΔx  subject to  Δ·(lᵣ − r̂) ≤ A Δx ≤ Δ·(uᵣ − r̂),  Δ·(l − x̂) ≤ Δx ≤ Δ·(u − x̂)
///
/// with Δ = 2ᵏ ≈ 1/ε (a power of two: scaling changes no digit), warm-started from the last basis. It is the
/// same LP, shifted and magnified, so its optimal basis is the original one; after x̂ ← x̂ + Δx/Δ the error is
/// about ε·2⁻⁵³. The rounds end when the basis no longer changes. The result is only a candidate: optimality is
/// claimed after ``ExactVerifier/verify(_:basis:)`` has checked that basis in exact arithmetic.
struct IterativeRefinement {
    /// The basis of the last correction solve.
    var basis: Basis
    /// What each round did, for the record.
    var steps: [String] = []

    /// Refines the optimal floating-point `solution` of `program` (rounded to `rounded`).
    ///
    /// - Parameters:
    ///   - rounds: at most this many correction solves.
    ///   - solver: the GLPK configuration (its warm start is replaced by the current basis).
    /// - Throws: ``LPError`` when GLPK fails internally.
    /// - Complexity: per round, O(m·n) big-integer operations for the exact residual plus one warm-started
    ///   GLPK solve.
    init(
        _ form: ExactStandardForm, rounded: LinearProgram<Double>, solution: LPSolution, basis start: Basis,
        solver: LPSolver, rounds: Int = 8
    ) throws(LPError) {
        basis = start
        var x = solution.x.map { Rational(exactly: $0) ?? .zero }
        var solver = solver
        // Violations are measured in the units GLPK sees (each row and column equilibrated by a power of two),
        // so that one magnification Δ serves rows given at 10¹² and at 10⁻¹² alike.
        let scaling = PowerOfTwoScaling(rounded)
        let units = scaling.rowExponents + scaling.columnExponents.map { -$0 }
        for round in 1...rounds {
            let z = form.rowActivities(of: x) + x
            let violation = form.largestViolation(z, units: units)
            guard violation != .zero else {
                steps.append("refinement round \(round): the point is exactly feasible")
                return
            }
            let exponent = min(
                900, max(0, violation.denominator.magnitude.bitWidth - violation.numerator.magnitude.bitWidth))
            let scale = Rational(BigInt(1) << exponent)
            solver.options.warmStart = basis
            let correction = try solver.solve(
                Self.correctionProgram(rounded, form: form, z: z, scale: scale, units: units))
            guard correction.status == .optimal, let next = correction.basis else {
                steps.append("refinement round \(round) (Δ = 2^\(exponent)): \(correction.status.rawValue), stopped")
                return
            }
            for j in x.indices where correction.x[j] != 0 {
                x[j] += (Rational(exactly: correction.x[j]) ?? .zero) / scale
            }
            let normalized = form.normalized(next)
            let changed = zip(normalized.rows + normalized.columns, basis.rows + basis.columns).count { $0 != $1 }
            steps.append(
                "refinement round \(round): violation \(violation.doubleValue), Δ = 2^\(exponent), "
                    + "\(correction.iterations) pivots, \(changed) basis statuses changed")
            basis = normalized
            if changed == 0 { return }
        }
    }

    /// Bounds of the correction LP farther than this from the current point are left out.
    static let farBound = 0x1p12

    /// The correction LP: `rounded` with every bound [l, u] of z replaced by [Δ·(l − ẑ), Δ·(u − ẑ)].
    ///
    /// Bounds farther than ``farBound`` from 0 (in the equilibrated units 2^(w_k) of `units`, as the
    /// violations are measured) are left out: the correction moves z by O(1), so they cannot
    /// be reached, and kept they would dominate GLPK's equilibration (which brings the largest bound near 1,
    /// and the violations, of order 1, below its tolerances). Should a correction cross one, the next round
    /// sees a large violation and a small Δ, and keeps it.
    static func correctionProgram(
        _ rounded: LinearProgram<Double>, form: ExactStandardForm, z: [Rational], scale: Rational, units: [Int]
    ) -> LinearProgram<Double> {
        var program = rounded
        func shifted(_ k: Int) -> Bounds<Double> {
            let near = { (value: Double) in scalbn(value, units[k]).magnitude <= farBound ? value : nil }
            let lower = form.lower[k].flatMap { near((scale * ($0 - z[k])).doubleValue) }
            let upper = form.upper[k].flatMap { near((scale * ($0 - z[k])).doubleValue) }
            switch (lower, upper) {
            case (nil, nil): return .free
            case let (l?, nil): return .atLeast(l)
            case let (nil, u?): return .atMost(u)
            case let (l?, u?): return l == u ? .fixed(l) : .between(l, u)
            }
        }
        for i in program.constraints.indices { program.constraints[i].bounds = shifted(i) }
        for j in program.variables.indices { program.variables[j].bounds = shifted(form.rows + j) }
        return program
    }
}

extension ExactStandardForm {
    /// A x, exactly, from the integer-scaled columns: (S·A x)ᵢ·D = −Σⱼ M̃ᵢ,ₘ₊ⱼ·Nⱼ with x = N / D.
    ///
    /// - Complexity: O(m·n) big-integer multiplications and m fractions.
    func rowActivities(of x: [Rational]) -> [Rational] {
        let (numerators, denominator) = Rational.overCommonDenominator(x)
        var sums = [BigInt](repeating: 0, count: rows)
        for j in 0..<columns where !numerators[j].isZero {
            for (i, a) in scaledColumns[rows + j].enumerated() where !a.isZero { sums[i] -= a * numerators[j] }
        }
        return (0..<rows).map { Rational(sums[$0], rowScales[$0] * denominator) }
    }

    /// The largest bound violation max_k 2^(w_k)·max(l_k − z_k, z_k − u_k, 0), exactly, with each entry of z
    /// weighted by the power of two 2^(w_k) of `units` (its equilibration).
    func largestViolation(_ z: [Rational], units: [Int]) -> Rational {
        var largest = Rational.zero
        for k in z.indices {
            let excess =
                if let l = lower[k], z[k] < l { l - z[k] } else if let u = upper[k], z[k] > u { z[k] - u } else {
                    Rational.zero
                }
            guard excess != .zero else { continue }
            let unit = BigInt(1) << units[k].magnitude
            largest = max(largest, units[k] >= 0 ? excess * Rational(unit) : excess / Rational(unit))
        }
        return largest
    }

    /// `basis` with the statuses a correction LP may give but the LP does not allow mapped to allowed ones: a
    /// narrow interval rounded to a point (`fixed`) or a far bound left out (`free`) becomes `atLower` (or
    /// `atUpper` when there is no lower bound).
    func normalized(_ basis: Basis) -> Basis {
        var status = basis.rows + basis.columns
        for k in status.indices where lower[k] != upper[k] || lower[k] == nil {
            if status[k] == .fixed || (status[k] == .free && (lower[k] != nil || upper[k] != nil)) {
                status[k] = lower[k] != nil ? .atLower : .atUpper
            }
        }
        return Basis(rows: Array(status[..<rows]), columns: Array(status[rows...]))
    }
}
