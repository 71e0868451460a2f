import DenseLinearAlgebra
import Foundation

/// The interpolation equations E(v, b; α) = 0 whose root is the flow limit, in ``SupportCoordinates``.
///
/// Unknowns: the support coordinates v ∈ ℝˢ (z_S = offset + φ(v), see ``DepthPotential``) and b ∈ ℝ^(m−s).
/// Equations (E₁; E₂) = (x_S − x*_S + Mᵀe; Nᵀe − r₂) with e = x_{Sᶜ} = α·h_D(z_{Sᶜ}),
/// z_{Sᶜ} = M·(offset + φ(v)) + N·b. E is the gradient of the dual Φ_α in the affine coordinates (z_S, b),
/// so its Jacobian with respect to (z_S, b) is the symmetric positive definite Hessian
/// H = [M | N]ᵀ·diag(α h_D'(z_{Sᶜ}))·[M | N] + diag(dx_S/dz_S ⊕ 0); the solver maps steps in z_S to steps in
/// v through φ'(v).
struct LimitSystem: Sendable {
    let coordinates: SupportCoordinates
    let potential: DepthPotential
    /// M·offset, the part of z_{Sᶜ} that does not move.
    let fixedOffSupport: [Double]
    /// [M | N], (n − s)×m: z_{Sᶜ}'s coefficients and the Hessian's factor.
    let coefficients: Matrix<Double>

    init(coordinates: SupportCoordinates, potential: DepthPotential) {
        self.coordinates = coordinates
        self.potential = potential
        let offsets = coordinates.signs.map { potential.supportOffset(sign: $0) }
        self.fixedOffSupport =
            coordinates.supportCoupling.columns == 0
            ? Array(repeating: 0, count: coordinates.offSupport.count)
            : coordinates.supportCoupling.multiply(offsets)
        let offCount = coordinates.offSupport.count, s = coordinates.support.count
        let k2 = coordinates.dualDimension - s
        let m = coordinates.supportCoupling.elements, n = coordinates.complementCoupling.elements
        var entries = [Double]()
        entries.reserveCapacity(offCount * (s + k2))
        for i in 0..<offCount {
            entries += m[(i * s)..<((i + 1) * s)]
            entries += n[(i * k2)..<((i + 1) * k2)]
        }
        self.coefficients = Matrix(rows: offCount, columns: s + k2, elements: entries)
    }

    /// Number of unknowns and equations, m.
    var dimension: Int { coordinates.dualDimension }
    /// s.
    var supportSize: Int { coordinates.support.count }

    /// Everything evaluated at one point.
    struct State: Sendable {
        var point: [Double]
        var logAlpha: Double
        var supportShiftSlope: [Double]
        var offSupportDual: [Double]
        var supportValue: [Double]
        var supportSlope: [Double]
        var offSupportValue: [Double]
        var offSupportSlope: [Double]
        var residual: [Double]
    }

    /// The state at `point` = (v; b), or `nil` when the point is outside the domain (|z| ≥ 1 for D ≥ 3).
    /// - Complexity: O(m·n).
    func evaluate(_ point: [Double], logAlpha: Double) -> State? {
        let s = supportSize, c = coordinates
        var shift = [Double](repeating: 0, count: s), shiftSlope = shift
        var xS = shift, dxS = shift
        for k in 0..<s {
            let v = point[k]
            guard potential.supportContains(v) else { return nil }
            (shift[k], shiftSlope[k]) = potential.supportShift(v, sign: c.signs[k])
            (xS[k], dxS[k]) = potential.supportValue(v, sign: c.signs[k], logAlpha: logAlpha)
        }
        // z_{Sᶜ} = M·offset + [M | N]·(φ(v); b), and E = (x_S − x*_S; −r₂) + [M | N]ᵀe.
        let offCount = c.offSupport.count, dim = dimension, b = coefficients.elements
        let moving = shift + point[s...]
        var z = fixedOffSupport
        var e = [Double](repeating: 0, count: offCount), de = e
        for i in 0..<offCount {
            var sum = z[i]
            for k in 0..<dim { sum += b[i * dim + k] * moving[k] }
            guard potential.contains(sum) else { return nil }
            z[i] = sum
            (e[i], de[i]) = potential.scaledLink(sum, logAlpha: logAlpha)
        }
        var residual = [Double](repeating: 0, count: dim)
        for k in 0..<s { residual[k] = xS[k] - c.referenceOnSupport[k] }
        for k in s..<dim { residual[k] = -c.complementTarget[k - s] }
        for i in 0..<offCount where e[i] != 0 {
            for k in 0..<dim { residual[k] += b[i * dim + k] * e[i] }
        }
        return State(
            point: point, logAlpha: logAlpha, supportShiftSlope: shiftSlope, offSupportDual: z,
            supportValue: xS, supportSlope: dxS, offSupportValue: e, offSupportSlope: de,
            residual: residual)
    }

    /// The symmetric positive definite Jacobian of E with respect to (z_S, b), row-major m×m:
    /// H = [M | N]ᵀ·diag(α h_D'(z_{Sᶜ}))·[M | N] + diag(dx_S/dz_S ⊕ 0), one BLAS product. E is the gradient of
    /// the dual Φ_α in these affine coordinates, so H is its Hessian.
    /// - Complexity: O(m²(n − s)) flops.
    func hessian(_ state: State) -> [Double] {
        let s = supportSize, dim = dimension
        var h = coefficients.weightedGram(state.offSupportSlope).elements
        for k in 0..<s { h[k * dim + k] += state.supportSlope[k] / state.supportShiftSlope[k] }
        return h
    }

    /// dz/dX for each unknown: φ'(v) on the support coordinates, 1 for b.
    func coordinateSlopes(_ state: State) -> [Double] {
        state.supportShiftSlope + Array(repeating: 1, count: dimension - supportSize)
    }

    /// ∂E/∂ln α at fixed coordinates: (x_S + Mᵀe; Nᵀe), since x = α·h_D(z).
    func scaleDerivative(_ state: State) -> [Double] {
        var d = state.residual
        let s = supportSize
        for k in 0..<s { d[k] += coordinates.referenceOnSupport[k] }
        for k in s..<dimension { d[k] += coordinates.complementTarget[k - s] }
        return d
    }
}
