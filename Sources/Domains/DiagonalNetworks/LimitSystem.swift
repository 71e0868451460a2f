import DenseLinearAlgebra
import Foundation

/// The interpolation equations E(v, b; α) = 0 whose root is the flow limit, in ``SupportCoordinates``.
///
/// Unknowns: the support coordinates v ∈ ℝˢ (z_S = offset + φ(v), see ``DepthPotential``) and b ∈ ℝ^(m−s).
/// Equations (E₁; E₂) = (x_S − x*_S + Mᵀe; Nᵀe − r₂) with e = x_{Sᶜ} = α·h_D(z_{Sᶜ}),
/// z_{Sᶜ} = M·(offset + φ(v)) + N·b. The Jacobian is
/// J = diag(dx_S/dv ⊕ 0) + [M | N]ᵀ·diag(α h_D'(z_{Sᶜ}))·[M·diag(φ') | N], an m×m matrix; its rows are
/// equilibrated (divided by their largest entry) so that a scaled residual reads as a distance in the
/// coordinates.
struct LimitSystem: Sendable {
    let coordinates: SupportCoordinates
    let potential: DepthPotential
    /// M·offset, the part of z_{Sᶜ} that does not move.
    let fixedOffSupport: [Double]

    init(coordinates: SupportCoordinates, potential: DepthPotential) {
        self.coordinates = coordinates
        self.potential = potential
        let offsets = coordinates.signs.map { potential.supportOffset(sign: $0) }
        self.fixedOffSupport = coordinates.supportCoupling.columns == 0
            ? Array(repeating: 0, count: coordinates.offSupport.count)
            : coordinates.supportCoupling.multiply(offsets)
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
        let offCount = c.offSupport.count, k2 = dimension - s
        let m = c.supportCoupling.elements, n = c.complementCoupling.elements
        var z = fixedOffSupport
        var e = [Double](repeating: 0, count: offCount), de = e
        for i in 0..<offCount {
            var sum = z[i]
            for k in 0..<s { sum += m[i * s + k] * shift[k] }
            for k in 0..<k2 { sum += n[i * k2 + k] * point[s + k] }
            guard potential.contains(sum) else { return nil }
            z[i] = sum
            (e[i], de[i]) = potential.scaledLink(sum, logAlpha: logAlpha)
        }
        var residual = [Double](repeating: 0, count: dimension)
        for k in 0..<s { residual[k] = xS[k] - c.referenceOnSupport[k] }
        for k in 0..<k2 { residual[s + k] = -c.complementTarget[k] }
        for i in 0..<offCount where e[i] != 0 {
            for k in 0..<s { residual[k] += m[i * s + k] * e[i] }
            for k in 0..<k2 { residual[s + k] += n[i * k2 + k] * e[i] }
        }
        return State(point: point, logAlpha: logAlpha, supportShiftSlope: shiftSlope, offSupportDual: z,
                     supportValue: xS, supportSlope: dxS, offSupportValue: e, offSupportSlope: de,
                     residual: residual)
    }

    /// J at a state (row-major m×m).
    /// - Complexity: O(m²(n − s)).
    func jacobian(_ state: State) -> Matrix<Double> {
        let s = supportSize, dim = dimension, c = coordinates
        let offCount = c.offSupport.count, k2 = dim - s
        let m = c.supportCoupling.elements, n = c.complementCoupling.elements
        // Row i of C = [M | N] and of B = [M·diag(φ') | N].
        var weighted = [Double](repeating: 0, count: dim * dim)
        var left = [Double](repeating: 0, count: dim), right = left
        for i in 0..<offCount {
            let w = state.offSupportSlope[i]
            guard w != 0 else { continue }
            for k in 0..<s { left[k] = m[i * s + k]; right[k] = m[i * s + k] * state.supportShiftSlope[k] }
            for k in 0..<k2 { left[s + k] = n[i * k2 + k]; right[s + k] = n[i * k2 + k] }
            for r in 0..<dim where left[r] != 0 {
                let lw = left[r] * w
                for col in 0..<dim { weighted[r * dim + col] += lw * right[col] }
            }
        }
        for k in 0..<s { weighted[k * dim + k] += state.supportSlope[k] }
        var result = Matrix<Double>(rows: dim, columns: dim)
        for r in 0..<dim { for col in 0..<dim { result[r, col] = weighted[r * dim + col] } }
        return result
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
