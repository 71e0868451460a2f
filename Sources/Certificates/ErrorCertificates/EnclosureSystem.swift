import DenseLinearAlgebra
import Foundation
import IntervalArithmetic
import ScaleOut

/// The system F(X) = 0 of a ``SupportFrame`` at one depth and scale, in interval arithmetic.
///
/// The b part of the unknowns may be given in other coordinates c, b = R·c, for any square R (`basis`):
/// then N is replaced by N·R (enclosed) and F₂ by (N·R)ᵀe. A successful Krawczyk test proves the Jacobian
/// nonsingular, hence N·R of full column rank and R invertible, so the zero found is the zero of the original
/// system. With R = L⁻ᵀ from NᵀWN = LLᵀ the box is aligned with the conditioning of the off-support balance,
/// which keeps an axis-aligned box from wrapping when the off-support entries span many orders of magnitude.
///
/// F' = diag(x_S') + Bᵀ·diag(w)·B·diag(f) with B = [M | N·R] (row i: the coefficients of z_i), w = α·h'(z) and
/// f = du/dv (1 for D = 2 and on b, −σ for D ≥ 3 on v). F is evaluated in outward-rounded `Interval`
/// arithmetic; the Jacobian over a box, Bᵀ·diag(w)·B, and Krawczyk's products with the preconditioner are
/// enclosed in midpoint-radius form by BLAS with a priori rounding bounds (`EnclosedMatrix`); at a point the
/// Jacobian is formed in floating point (Newton steps and the preconditioner need no rigour). N·R stays in
/// infimum-supremum arithmetic: R = L⁻ᵀ cancels, and the a priori bound γ_q·|N|·|R| would widen F, and with it
/// the final enclosure, about tenfold (measured at 200×800).
struct EnclosureSystem: Sendable {
    let frame: SupportFrame
    let link: IntervalLink
    /// α.
    let alpha: Double
    /// R (q×q), or `nil` for R = I.
    let basis: Matrix<Double>?
    /// N·R enclosed, (n−s)×q row-major.
    let coupling: [Interval]
    /// B = [M | N·R] in midpoint-radius form, (n−s)×m: the Jacobian's factor.
    let coefficients: EnclosedMatrix

    var dimension: Int { frame.s + frame.nColumns }

    init(frame: SupportFrame, depth: Int, alpha: Double, basis: Matrix<Double>? = nil) {
        self.frame = frame
        let logAlpha = Interval.log(Interval(alpha)) ?? Interval(-Double.infinity, .infinity)
        self.link = IntervalLink(depth: depth, logAlpha: logAlpha)
        self.alpha = alpha
        self.basis = basis
        let s = frame.s, q = frame.nColumns, off = frame.offCount
        if let basis {
            // Row by row on every core: the rows of N·R are independent.
            let rows = ParallelWork.map(threads: ProcessInfo.processInfo.activeProcessorCount, count: off) { i in
                var row = [Interval](repeating: Interval(0), count: q)
                for k in 0..<q {
                    let entry = frame.n[i * q + k]
                    for j in 0..<q where basis[k, j] != 0 { row[j] += entry * basis[k, j] }
                }
                return row
            }
            coupling = rows.flatMap { $0 ?? [] }
        } else {
            coupling = frame.n
        }
        var entries = [Interval]()
        entries.reserveCapacity(off * (s + q))
        for i in 0..<off {
            entries += frame.m[(i * s)..<((i + 1) * s)]
            entries += coupling[(i * q)..<((i + 1) * q)]
        }
        coefficients = EnclosedMatrix(intervals: entries, rows: off, columns: s + q)
    }

    /// du_k/dv_k: 1 for D = 2, −σ_k for D ≥ 3.
    func supportFactor(_ k: Int) -> Double { link.depth == 2 ? 1 : -Double(frame.signs[k]) }

    /// F (and F' over the box when asked) over a box (thin for a point); `nil` when the box leaves the domain
    /// (t ≤ 0, |z| ≥ 1).
    /// - Complexity: O((n − s)·m) interval operations, plus O((n − s)·m²/2) for the Jacobian.
    func evaluate(_ box: [Interval], jacobian wantJacobian: Bool = false) -> LimitEnclosure.Evaluation? {
        let s = frame.s, q = frame.nColumns, off = frame.offCount, dim = s + q
        var supportValue: [Interval] = [], supportSlope: [Interval] = []
        for k in 0..<s {
            let v = box[k]
            let evaluated: (value: Interval, slope: Interval)?
            if link.depth == 2 {
                evaluated = link.evaluate(z: v)
            } else {
                guard v.lo > 0 else { return nil }
                let far = Interval(2) - v
                evaluated = frame.signs[k] > 0 ? link.evaluate(a: v, b: far) : link.evaluate(a: far, b: v)
            }
            guard let (value, slope) = evaluated else { return nil }
            supportValue.append(value)
            supportSlope.append(slope * supportFactor(k))
        }
        var e: [Interval] = [], w: [Interval] = []
        e.reserveCapacity(off)
        w.reserveCapacity(off)
        for i in 0..<off {
            var z = link.depth == 2 ? Interval(0) : frame.mSigma[i]
            for k in 0..<s { z += frame.m[i * s + k] * (box[k] * supportFactor(k)) }
            for j in 0..<q { z += coupling[i * q + j] * box[s + j] }
            guard let (value, slope) = link.evaluate(z: z) else { return nil }
            e.append(value)
            w.append(slope)
        }
        var f = [Interval](repeating: Interval(0), count: dim)
        for k in 0..<s { f[k] = supportValue[k] - frame.referenceOnSupport[k] }
        for i in 0..<off {
            for k in 0..<s { f[k] += frame.m[i * s + k] * e[i] }
            for j in 0..<q { f[s + j] += coupling[i * q + j] * e[i] }
        }
        var evaluation = LimitEnclosure.Evaluation(
            f: f, jacobian: nil, offSupport: e, supportValue: supportValue,
            slopes: w, supportSlope: supportSlope)
        if wantJacobian { evaluation.jacobian = intervalJacobian(evaluation) }
        return evaluation
    }

    /// F' over the box of an evaluation: Bᵀ·diag(w)·B enclosed by BLAS (``EnclosedMatrix``), its support
    /// columns multiplied by du/dv, and x_S' added on the diagonal.
    private func intervalJacobian(_ evaluation: LimitEnclosure.Evaluation) -> EnclosedMatrix {
        let s = frame.s, dim = dimension
        let weights = evaluation.slopes.map(\.midpointRadius)
        let weighted = coefficients.scalingRows(center: weights.map(\.center), radius: weights.map(\.radius))
        let symmetric = EnclosedMatrix.product(coefficients, weighted, transposingLeft: true)
        var center = symmetric.center.elements, radius = symmetric.radius?.elements ?? center.map { _ in 0 }
        for r in 0..<dim { for c in 0..<s { center[r * dim + c] *= supportFactor(c) } }
        for k in 0..<s {
            let (slope, spread) = evaluation.supportSlope[k].midpointRadius, index = k * dim + k
            center[index] += slope
            radius[index] = ((radius[index] + spread).nextUp + center[index].magnitude.ulp).nextUp
        }
        return EnclosedMatrix(
            center: Matrix(rows: dim, columns: dim, elements: center),
            radius: Matrix(rows: dim, columns: dim, elements: radius))
    }

    /// F' at a point in floating point (midpoints of B and w, BLAS), row-major: for Newton steps, the alignment
    /// and the preconditioner, which need no rigour.
    /// - Complexity: O((n − s)·m²) floating-point operations.
    func pointJacobian(_ evaluation: LimitEnclosure.Evaluation) -> [Double] {
        let s = frame.s, dim = dimension
        var jacobian = coefficients.center.weightedGram(evaluation.slopes.map(\.mid)).elements
        for r in 0..<dim { for c in 0..<s { jacobian[r * dim + c] *= supportFactor(c) } }
        for k in 0..<s { jacobian[k * dim + k] += evaluation.supportSlope[k].mid }
        return jacobian
    }

    /// The same system with b = R·c, R = L⁻ᵀ from the Cholesky factor of the b block NᵀWN of the Jacobian at a
    /// point, and that point in the new coordinates (c = Lᵀb); the system itself when there is no b or the
    /// block is not numerically positive definite.
    func aligned(at point: [Double]) -> (EnclosureSystem, [Double]) {
        let s = frame.s, q = frame.nColumns, dim = dimension
        guard q > 0, basis == nil, let evaluation = evaluate(point.map(Interval.init)) else { return (self, point) }
        let jacobian = pointJacobian(evaluation)
        var block = [Double](repeating: 0, count: q * q)
        for r in 0..<q { for c in 0..<q { block[r * q + c] = jacobian[(s + r) * dim + s + c] } }
        guard let lower = FloatingKernels.cholesky(block, q),
            let inverseTransposed = FloatingKernels.inverseTransposedLower(lower, q)
        else { return (self, point) }
        let b = Array(point[s...])
        let c = (0..<q).map { j in (j..<q).reduce(0.0) { $0 + lower[$1 * q + j] * b[$1] } }  // Lᵀb
        return (
            EnclosureSystem(
                frame: frame, depth: link.depth, alpha: alpha,
                basis: Matrix(rows: q, columns: q, elements: inverseTransposed)),
            Array(point[..<s]) + c
        )
    }

    /// C ≈ F'(X̂)⁻¹ from the point Jacobian, scaled to unit diagonal before the LU; `nil` if singular.
    func preconditioner(_ evaluation: LimitEnclosure.Evaluation) -> Matrix<Double>? {
        let dim = dimension, jacobian = pointJacobian(evaluation)
        let scale = (0..<dim).map { 1 / max(abs(jacobian[$0 * dim + $0]), .leastNormalMagnitude).squareRoot() }
        var scaled = jacobian
        for r in 0..<dim { for c in 0..<dim { scaled[r * dim + c] *= scale[r] * scale[c] } }
        guard var inverse = Matrix(rows: dim, columns: dim, elements: scaled).approximateInverse()?.elements else {
            return nil
        }
        for r in 0..<dim { for c in 0..<dim { inverse[r * dim + c] *= scale[r] * scale[c] } }
        return Matrix(rows: dim, columns: dim, elements: inverse)
    }

    /// Damped Newton in floating point (midpoints of the interval evaluations) from a starting point.
    func refine(_ start: [Double], iterations: Int = 8) -> [Double] {
        var point = start
        for _ in 0..<iterations {
            guard let evaluation = evaluate(point.map(Interval.init)), let c = preconditioner(evaluation) else { break }
            let step = c.multiply(evaluation.f.map(\.mid)).map { -$0 }
            var fraction = 1.0
            while fraction > 1e-6 {
                let trial = point.indices.map { point[$0] + fraction * step[$0] }
                if evaluate(trial.map(Interval.init)) != nil { point = trial; break }
                fraction /= 2
            }
        }
        return point
    }

    /// Krawczyk's test on the box center ± radius; returns K ∩ box when K ⊂ int box (else `nil`), and the
    /// componentwise distance |K − center| to grow or shrink the box by; `nil` when the box leaves the domain.
    ///
    /// C·F(X̂) and I − C·F'(𝐗) are enclosed by BLAS in midpoint-radius form (``EnclosedMatrix``), and
    /// (I − C·F'(𝐗))·(𝐗 − X̂) by (|E_c| + E_r)·d with d ≥ |𝐗 − X̂|.
    /// - Complexity: two evaluations (one with the interval Jacobian, O((n − s)·m²) flops) and O(m³) flops.
    func krawczyk(center: [Double], radius: [Double]) -> (proven: [Interval]?, spread: [Double])? {
        let dim = dimension
        let box = center.indices.map { Interval((center[$0] - radius[$0]).nextDown, (center[$0] + radius[$0]).nextUp) }
        guard let atCenter = evaluate(center.map(Interval.init)),
            let c = preconditioner(atCenter),
            let overBox = evaluate(box, jacobian: true), let jacobian = overBox.jacobian
        else { return nil }
        let preconditioner = EnclosedMatrix(exactly: c)
        let step = EnclosedMatrix.product(preconditioner, EnclosedMatrix(intervals: atCenter.f, rows: dim, columns: 1))
        let product = EnclosedMatrix.product(preconditioner, jacobian)
        var defect = product.center.elements.map { -$0 },
            defectRadius = product.radius?.elements ?? defect.map { _ in 0 }
        for r in 0..<dim {
            let index = r * dim + r
            defect[index] = 1 - product.center.elements[index]
            defectRadius[index] = (defectRadius[index] + defect[index].magnitude.ulp).nextUp
        }
        let distances = box.indices.map {
            Swift.max((box[$0].hi - center[$0]).nextUp, (center[$0] - box[$0].lo).nextUp)
        }
        let contraction = EnclosedMatrix(
            center: Matrix(rows: dim, columns: dim, elements: defect),
            radius: Matrix(rows: dim, columns: dim, elements: defectRadius)
        ).magnitudeBound(over: distances)
        let steps = step.intervals
        var k = [Interval]()
        var proven = true
        var spread = [Double](repeating: 0, count: dim)
        for r in 0..<dim {
            let value = Interval(center[r]) - steps[r] + Interval(-contraction[r], contraction[r])
            k.append(value)
            spread[r] = max(abs(value.lo - center[r]), abs(value.hi - center[r]))
            if !box[r].strictlyContains(value) { proven = false }
        }
        guard proven else { return (nil, spread) }
        return (k.indices.map { Interval(max(k[$0].lo, box[$0].lo), min(k[$0].hi, box[$0].hi)) }, spread)
    }
}

extension Interval {
    /// (c, r) with [lo, hi] ⊂ [c − r, c + r]: the midpoint and a radius rounded up.
    var midpointRadius: (center: Double, radius: Double) {
        let c = mid
        return (c, Swift.max((hi - c).nextUp, (c - lo).nextUp))
    }
}

extension EnclosedMatrix {
    /// The midpoint-radius form of a row-major interval matrix (it contains every matrix of the intervals).
    init(intervals: [Interval], rows: Int, columns: Int) {
        let forms = intervals.map(\.midpointRadius)
        self.init(
            center: Matrix(rows: rows, columns: columns, elements: forms.map(\.center)),
            radius: Matrix(rows: rows, columns: columns, elements: forms.map(\.radius)))
    }

    /// The entries as intervals [c − r, c + r], rounded outwards, row-major.
    var intervals: [Interval] {
        let c = center.elements, r = radius?.elements
        return c.indices.map { index in
            let spread = r?[index] ?? 0
            return Interval((c[index] - spread).nextDown, (c[index] + spread).nextUp)
        }
    }
}
