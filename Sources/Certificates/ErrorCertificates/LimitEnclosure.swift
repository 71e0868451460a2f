import DenseLinearAlgebra
import IntervalArithmetic
import Foundation

/// A proven enclosure of the exact gradient-flow limit x_∞(α) and of ‖x_∞(α) − x*‖₁.
///
/// The unknowns are X = (v, b) ∈ ℝ^m in the exact ``SupportFrame``: v = z_S for D = 2 and v = t = 1 − σz_S
/// (the distance to the boundary, carried directly) for D ≥ 3. The proof is Krawczyk's test on the system
/// F(X) = 0 of the frame: for a box 𝐗 around a point X̂, a preconditioner C ≈ F'(X̂)⁻¹ and an interval
/// enclosure F'(𝐗) of the Jacobian over the box,
///
///     K = X̂ − C·F(X̂) + (I − C·F'(𝐗))·(𝐗 − X̂) ⊂ int 𝐗   ⇒   F has exactly one zero in 𝐗, and it lies in K.
///
/// F = 0 is the optimality condition of the strictly convex dual Φ_α, so that zero is λ*, and
/// x_∞ = αh(Aᵀλ*) lies in the interval image of K. All of F(X̂) and F'(𝐗) are evaluated in outward-rounded
/// ``Interval`` arithmetic on exactly enclosed M, N, x*_S and ln α, so the enclosure accounts for the
/// solver's residual and for every rounding; exp and log are enclosed without libm (IntervalArithmetic).
public struct LimitEnclosure: Sendable {
    /// The verified box (center X̂ and componentwise radius).
    public let center: [Double]
    /// The componentwise radius of the box.
    public let radius: [Double]
    /// x_∞(α) enclosed, n entries.
    public let x: [Interval]
    /// ‖x_∞(α) − x*‖₁ enclosed, as ‖e‖₁ + ‖Mᵀe‖₁ with e = x_{Sᶜ} (no cancellation).
    public let errorL1: Interval
    /// Krawczyk attempts until the box contracted.
    public let attempts: Int
    /// R with b = R·c: the box's b part is in c coordinates (`nil`: R = I). Row-major rows.
    public let basis: [[Double]]?

    /// Everything F, F' need at one box.
    struct Evaluation {
        var f: [Interval]
        var jacobian: [Interval]  // m×m row-major
        var offSupport: [Interval]  // e
        var supportValue: [Interval]  // x_S
    }
}

/// The system F(X) = 0 of a ``SupportFrame`` at one depth and scale, in interval arithmetic.
///
/// The b part of the unknowns may be given in other coordinates c, b = R·c, for any square R (`basis`):
/// then N is replaced by N·R (enclosed) and F₂ by (N·R)ᵀe. A successful Krawczyk test proves the Jacobian
/// nonsingular, hence N·R of full column rank and R invertible, so the zero found is the zero of the original
/// system. With R = L⁻ᵀ from NᵀWN = LLᵀ the box is aligned with the conditioning of the off-support balance,
/// which keeps an axis-aligned box from wrapping when the off-support entries span many orders of magnitude.
struct EnclosureSystem: Sendable {
    let frame: SupportFrame
    let link: IntervalLink
    /// α.
    let alpha: Double
    /// R (q×q), or `nil` for R = I.
    let basis: Matrix<Double>?
    /// N·R enclosed, (n−s)×q row-major.
    let coupling: [Interval]

    var dimension: Int { frame.s + frame.nColumns }

    init(frame: SupportFrame, depth: Int, alpha: Double, basis: Matrix<Double>? = nil) {
        self.frame = frame
        let logAlpha = Interval.log(Interval(alpha)) ?? Interval(log(alpha))
        self.link = IntervalLink(depth: depth, logAlpha: logAlpha)
        self.alpha = alpha
        self.basis = basis
        let q = frame.nColumns
        if let basis {
            var product = [Interval](repeating: Interval(0), count: frame.offCount * q)
            for i in 0..<frame.offCount {
                for k in 0..<q {
                    let entry = frame.n[i * q + k]
                    for j in 0..<q where basis[k, j] != 0 { product[i * q + j] += entry * basis[k, j] }
                }
            }
            coupling = product
        } else {
            coupling = frame.n
        }
    }

    /// du_k/dv_k: 1 for D = 2, −σ_k for D ≥ 3.
    func supportFactor(_ k: Int) -> Double { link.depth == 2 ? 1 : -Double(frame.signs[k]) }

    /// F and F' over a box (thin for a point); `nil` when the box leaves the domain (t ≤ 0, |z| ≥ 1).
    /// - Complexity: O((n − s)·m²) interval operations (O((n − s)·m) without the Jacobian).
    func evaluate(_ box: [Interval], jacobian wantJacobian: Bool = true) -> LimitEnclosure.Evaluation? {
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
        for i in 0..<off {
            var z = link.depth == 2 ? Interval(0) : frame.mSigma[i]
            for k in 0..<s {
                let coefficient = link.depth == 2 ? frame.m[i * s + k] : frame.m[i * s + k] * (-Double(frame.signs[k]))
                z += coefficient * box[k]
            }
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
        var jacobian: [Interval] = []
        if wantJacobian {
            jacobian = [Interval](repeating: Interval(0), count: dim * dim)
            for k in 0..<s { jacobian[k * dim + k] = supportSlope[k] }
            // Row r of the off-support coupling: [M_i, N_i]; column c scaled by du/dv on the support part.
            var rowCoefficients = [Interval](repeating: Interval(0), count: dim)
            for i in 0..<off {
                for k in 0..<s { rowCoefficients[k] = frame.m[i * s + k] }
                for j in 0..<q { rowCoefficients[s + j] = coupling[i * q + j] }
                for r in 0..<dim {
                    let left = rowCoefficients[r] * w[i]
                    for c in 0..<dim {
                        let right = c < s ? rowCoefficients[c] * supportFactor(c) : rowCoefficients[c]
                        jacobian[r * dim + c] += left * right
                    }
                }
            }
        }
        return LimitEnclosure.Evaluation(f: f, jacobian: jacobian, offSupport: e, supportValue: supportValue)
    }

    /// The same system with b = R·c, R = L⁻ᵀ from the Cholesky factor of the b block NᵀWN of the Jacobian at a
    /// point, and that point in the new coordinates (c = Lᵀb); the system itself when there is no b or the
    /// block is not numerically positive definite.
    func aligned(at point: [Double]) -> (EnclosureSystem, [Double]) {
        let s = frame.s, q = frame.nColumns, dim = dimension
        guard q > 0, basis == nil, let evaluation = evaluate(point.map(Interval.init)) else { return (self, point) }
        var block = Matrix<Double>(rows: q, columns: q)
        for r in 0..<q { for c in 0..<q { block[r, c] = evaluation.jacobian[(s + r) * dim + s + c].mid } }
        guard let lower = Self.cholesky(block), let inverseTransposed = Self.inverseTransposedLower(lower) else { return (self, point) }
        let b = Array(point[s...])
        let c = (0..<q).map { j in (j..<q).reduce(0.0) { $0 + lower[$1, j] * b[$1] } }  // Lᵀb
        return (EnclosureSystem(frame: frame, depth: link.depth, alpha: alpha, basis: inverseTransposed),
                Array(point[..<s]) + c)
    }

    /// L with LLᵀ = M for a symmetric positive definite M (`nil` otherwise).
    static func cholesky(_ m: Matrix<Double>) -> Matrix<Double>? {
        let n = m.rows
        var l = Matrix<Double>(rows: n, columns: n)
        for j in 0..<n {
            var d = m[j, j]
            for k in 0..<j { d -= l[j, k] * l[j, k] }
            guard d > 0, d.isFinite else { return nil }
            l[j, j] = d.squareRoot()
            for i in (j + 1)..<n {
                var v = m[i, j]
                for k in 0..<j { v -= l[i, k] * l[j, k] }
                l[i, j] = v / l[j, j]
            }
        }
        return l
    }

    /// L⁻ᵀ for a lower-triangular L with positive diagonal.
    static func inverseTransposedLower(_ l: Matrix<Double>) -> Matrix<Double>? {
        let n = l.rows
        var inverse = Matrix<Double>(rows: n, columns: n)  // L⁻¹, lower triangular
        for c in 0..<n {
            for r in c..<n {
                var v = r == c ? 1.0 : 0.0
                for k in c..<r { v -= l[r, k] * inverse[k, c] }
                inverse[r, c] = v / l[r, r]
            }
        }
        let result = inverse.transposed
        return result.elements.allSatisfy(\.isFinite) ? result : nil
    }

    /// The midpoint Jacobian's inverse (C), scaled to unit diagonal before the LU; `nil` if singular.
    func preconditioner(_ evaluation: LimitEnclosure.Evaluation) -> Matrix<Double>? {
        let dim = dimension
        let scale = (0..<dim).map { 1 / max(abs(evaluation.jacobian[$0 * dim + $0].mid), .leastNormalMagnitude).squareRoot() }
        var scaled = Matrix<Double>(rows: dim, columns: dim)
        for r in 0..<dim { for c in 0..<dim { scaled[r, c] = scale[r] * evaluation.jacobian[r * dim + c].mid * scale[c] } }
        guard let lu = try? LUDecomposition(scaled) else { return nil }
        var inverse = Matrix<Double>(rows: dim, columns: dim)
        for c in 0..<dim {
            var unit = [Double](repeating: 0, count: dim)
            unit[c] = 1
            guard let column = try? lu.solve(unit) else { return nil }
            for r in 0..<dim { inverse[r, c] = scale[r] * column[r] * scale[c] }
        }
        return inverse
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
                if evaluate(trial.map(Interval.init), jacobian: false) != nil { point = trial; break }
                fraction /= 2
            }
        }
        return point
    }

    /// Krawczyk's test on the box center ± radius; returns K ∩ box when K ⊂ int box, else the
    /// componentwise distance |K − center| to grow the box by.
    func krawczyk(center: [Double], radius: [Double]) -> (proven: [Interval]?, spread: [Double])? {
        let dim = dimension
        let box = center.indices.map { Interval((center[$0] - radius[$0]).nextDown, (center[$0] + radius[$0]).nextUp) }
        guard let atCenter = evaluate(center.map(Interval.init), jacobian: true),
              let c = preconditioner(atCenter),
              let overBox = evaluate(box) else { return nil }
        var k = [Interval]()
        var proven = true
        var spread = [Double](repeating: 0, count: dim)
        for r in 0..<dim {
            var value = Interval(center[r])
            for j in 0..<dim { value = value - Interval(c[r, j]) * atCenter.f[j] }
            for col in 0..<dim {
                var entry = Interval(r == col ? 1 : 0)
                for j in 0..<dim where c[r, j] != 0 { entry = entry - Interval(c[r, j]) * overBox.jacobian[j * dim + col] }
                value += entry * (box[col] - Interval(center[col]))
            }
            k.append(value)
            spread[r] = max(abs(value.lo - center[r]), abs(value.hi - center[r]))
            if !box[r].strictlyContains(value) { proven = false }
        }
        guard proven else { return (nil, spread) }
        return (k.indices.map { Interval(max(k[$0].lo, box[$0].lo), min(k[$0].hi, box[$0].hi)) }, spread)
    }
}

extension LimitEnclosure {
    /// Proves the enclosure for a box given by its center and radius (the verifier's entry point): runs
    /// Krawczyk's test once and, if it holds, encloses x_∞ and the error over K ∩ box.
    static func check(system: EnclosureSystem, center: [Double], radius: [Double], attempts: Int = 1) -> LimitEnclosure? {
        guard center.count == system.dimension, radius.count == system.dimension,
              radius.allSatisfy({ $0 >= 0 && $0.isFinite }), center.allSatisfy(\.isFinite),
              let (provenBox, _) = system.krawczyk(center: center, radius: radius), let provenBox,
              let evaluation = system.evaluate(provenBox, jacobian: false) else { return nil }
        let frame = system.frame
        let s = frame.s
        var coupled = [Interval](repeating: Interval(0), count: s)
        for i in 0..<frame.offCount { for k in 0..<s { coupled[k] += frame.m[i * s + k] * evaluation.offSupport[i] } }
        var x = [Interval](repeating: Interval(0), count: frame.s + frame.offCount)
        for (k, j) in frame.support.enumerated() { x[j] = evaluation.supportValue[k] }
        for (i, j) in frame.offSupport.enumerated() { x[j] = evaluation.offSupport[i] }
        var lower = 0.0, upper = 0.0
        for value in evaluation.offSupport + coupled {
            lower = (lower + value.mignitude).nextDown
            upper = (upper + value.magnitude).nextUp
        }
        // An overflow anywhere (∞ − ∞ = NaN) leaves nothing proven.
        guard lower.isFinite, upper.isFinite, x.allSatisfy({ $0.lo.isFinite && $0.hi.isFinite }) else { return nil }
        return LimitEnclosure(center: center, radius: radius, x: x, errorL1: Interval(max(0, lower), upper),
                              attempts: attempts, basis: system.basis?.rowArrays)
    }

    /// Refines a starting point by Newton and grows a box around it until Krawczyk's test proves it.
    /// - Throws: ``ErrorCertificatesError/enclosureFailed(_:)`` after 12 unsuccessful boxes.
    static func prove(system plain: EnclosureSystem, start: [Double]) throws(ErrorCertificatesError) -> LimitEnclosure {
        let (system, aligned) = plain.aligned(at: plain.refine(start))
        let center = system.refine(aligned, iterations: 3)
        guard let atCenter = system.evaluate(center.map(Interval.init)), let c = system.preconditioner(atCenter) else {
            throw .enclosureFailed("the Jacobian of the limit equations is singular at the computed point")
        }
        let newton = c.multiply(atCenter.f.map(\.mid))
        // Four Newton steps, but at least a relative 1e-14 (the coordinates have very different scales: t may be
        // 1e-40, c is normalized by the Jacobian); the loop below grows the box when K does not fit.
        var radius = center.indices.map { i in max(4 * abs(newton[i]), 1e-14 * abs(center[i]), 1e-300) }
        for attempt in 1...12 {
            if let enclosure = check(system: system, center: center, radius: radius, attempts: attempt) {
                return tightened(enclosure, system: system)
            }
            guard let (_, spread) = system.krawczyk(center: center, radius: radius) else {
                throw .enclosureFailed("the box around the computed point leaves the domain (radius \(radius.max() ?? 0))")
            }
            radius = radius.indices.map { max(2 * radius[$0], 2 * spread[$0]) }
        }
        throw .enclosureFailed("Krawczyk's test did not contract after 12 boxes")
    }

    /// Shrinks a proven box towards K (the Jacobian enclosure over a smaller box is tighter, so K shrinks
    /// too) while Krawczyk's test still holds and the error enclosure gets narrower; at most 4 rounds.
    static func tightened(_ proven: LimitEnclosure, system: EnclosureSystem) -> LimitEnclosure {
        var best = proven
        for _ in 0..<4 {
            guard let (_, spread) = system.krawczyk(center: best.center, radius: best.radius) else { break }
            let radius = best.radius.indices.map { min(best.radius[$0], 1.05 * spread[$0]) }
            guard let next = check(system: system, center: best.center, radius: radius, attempts: best.attempts + 1),
                  next.errorL1.hi - next.errorL1.lo < best.errorL1.hi - best.errorL1.lo else { break }
            best = next
        }
        return best
    }
}
