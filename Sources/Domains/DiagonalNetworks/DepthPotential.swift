import Foundation

/// The scalar functions of a depth-D network: the link h_D, its slope, the potential H_D, and the
/// support coordinate of the limit solver.
///
/// - D = 2: h₂(z) = 2 sinh z, H₂(z) = 2 cosh z, z ∈ ℝ.
/// - D ≥ 3: with p = D/(D−2), h_D(z) = (1−z)^(−p) − (1+z)^(−p) and
///   H_D(z) = ((D−2)/2)·[(1−z)^(−2/(D−2)) + (1+z)^(−2/(D−2))], |z| < 1.
///
/// H_D' = h_D, and x = α·h_D(z) is the network output when z = Aᵀλ (DESIGN.md §1.3). Every function
/// that multiplies by α takes ln α instead, so that α may be as small as 1e-300 without underflow in
/// intermediate products.
public struct DepthPotential: Sendable, Hashable {
    /// The depth D ≥ 2.
    public let depth: Int
    /// p = D/(D−2) for D ≥ 3 (unused for D = 2).
    let power: Double

    /// The potential of depth D.
    /// - Precondition: `depth ≥ 2` (``DiagonalNetwork`` validates user input).
    public init(depth: Int) {
        precondition(depth >= 2, "DepthPotential needs D ≥ 2")
        self.depth = depth
        self.power = depth == 2 ? 0 : Double(depth) / Double(depth - 2)
    }

    /// Whether z is inside the domain (ℝ for D = 2, (−1, 1) for D ≥ 3).
    public func contains(_ z: Double) -> Bool { z.isFinite && (depth == 2 || abs(z) < 1) }

    /// h_D(z).
    public func link(_ z: Double) -> Double { scaledLink(z, logAlpha: 0).value }

    /// h_D'(z).
    public func linkSlope(_ z: Double) -> Double { scaledLink(z, logAlpha: 0).slope }

    /// H_D(z).
    public func potential(_ z: Double) -> Double {
        if depth == 2 { return 2 * cosh(z) }
        let q = 2 / Double(depth - 2)
        return Double(depth - 2) / 2 * (pow(1 - z, -q) + pow(1 + z, -q))
    }

    /// (α·h_D(z), α·h_D'(z)) for ln α = `logAlpha`, without overflow or cancellation:
    /// D = 2 uses e^(ln α ± z); D ≥ 3 writes h_D(z) = −(1−z)^(−p)·expm1(p·log1p(−2z/(1+z))).
    /// - Complexity: O(1).
    public func scaledLink(_ z: Double, logAlpha: Double) -> (value: Double, slope: Double) {
        if depth == 2 {
            if abs(z) < 20 {
                let alpha = exp(logAlpha)
                return (2 * alpha * sinh(z), 2 * alpha * cosh(z))
            }
            let big = exp(logAlpha + abs(z)), small = exp(logAlpha - abs(z))
            return (z < 0 ? small - big : big - small, big + small)
        }
        let p = power
        let lowerLog = log1p(-z), upperLog = log1p(z)
        let value = -exp(logAlpha - p * lowerLog) * expm1(p * log1p(-2 * z / (1 + z)))
        let slope = p * (exp(logAlpha - (p + 1) * lowerLog) + exp(logAlpha - (p + 1) * upperLog))
        return (value, slope)
    }

    // MARK: Support coordinate

    /// The part of z_i that does not depend on the support coordinate v: 0 for D = 2, σ for D ≥ 3.
    func supportOffset(sign: Double) -> Double { depth == 2 ? 0 : sign }

    /// z_i − offset as a function of the support coordinate v, and its derivative:
    /// D = 2: z = v; D ≥ 3: z = σ(1 − eᵛ), i.e. v = ln t with t = 1 − σz the distance to the boundary.
    func supportShift(_ v: Double, sign: Double) -> (shift: Double, slope: Double) {
        if depth == 2 { return (v, 1) }
        let t = exp(v)
        return (-sign * t, -sign * t)
    }

    /// Whether v is a valid support coordinate (D ≥ 3: t = eᵛ < 2, so that |z| < 1).
    func supportContains(_ v: Double) -> Bool { v.isFinite && (depth == 2 || v < log(2.0)) }

    /// (x_i, dx_i/dv) on the support: x = α·h_D(z(v)) evaluated from t = eᵛ directly, so that z may be
    /// within 1e-100 of ±1 without losing digits: x = σα[t^(−p) − (2−t)^(−p)].
    func supportValue(_ v: Double, sign: Double, logAlpha: Double) -> (value: Double, slope: Double) {
        if depth == 2 { return scaledLink(v, logAlpha: logAlpha) }
        let p = power, t = exp(v), logFar = log(2 - t)
        let near = exp(logAlpha - p * v), far = exp(logAlpha - p * logFar)
        let value = sign * (near - far)
        let slope = -sign * p * (near + t * exp(logAlpha - (p + 1) * logFar))
        return (value, slope)
    }

    /// The support coordinate v of an output x ≠ 0: the inverse in v of x = α·h_D(z(v)) on the support, σ = sign x
    /// (the coordinate ``FlowLimit/supportCoordinates`` carries).
    ///
    /// D = 2: v = asinh(x/(2α)), written as ln(|x|/α) with the sign of x once asinh's correction 1/(4r²) is
    /// below an ulp. D ≥ 3: v = ln t with σα[t^(−p) − (2−t)^(−p)] = x, by bisection on
    /// ln α − p·v + ln(1 − (t/(2−t))^p) = ln|x| (with expm1 and log1p, so that t → 1, x ≪ α, keeps its digits)
    /// in v ∈ [min(v₀, 0) − 50, 0), v₀ = (ln α − ln|x|)/p (the root when the far term is negligible; the
    /// bracket holds because the far term only lowers the value).
    ///
    /// - Parameters:
    ///   - value: x, finite and non-zero.
    ///   - logAlpha: ln α.
    /// - Returns: v, to about an ulp of its magnitude.
    /// - Complexity: O(1) for D = 2, at most 64 evaluations for D ≥ 3.
    public func supportCoordinate(ofValue value: Double, logAlpha: Double) -> Double {
        let sign: Double = value < 0 ? -1 : 1, logValue = log(abs(value))
        if depth == 2 {
            let logRatio = logValue - log(2) - logAlpha
            return logRatio > 20 ? sign * (logRatio + log(2)) : asinh(sign * exp(logRatio))
        }
        let p = power
        func logOutput(_ v: Double) -> Double {
            logAlpha - p * v + log(-expm1(p * (v - log1p(-expm1(v)))))
        }
        // Bisection on the bit patterns of u = −v ∈ (0, 50 − min(v₀, 0)]: positive doubles are ordered as their
        // bit patterns, so 64 halvings reach the neighbouring doubles whether v is −1e-290 or −700.
        var low: UInt64 = 0, high = (50 - min((logAlpha - logValue) / p, 0)).bitPattern
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if logOutput(-Double(bitPattern: middle)) > logValue { high = middle } else { low = middle }
        }
        return -Double(bitPattern: high)
    }

    /// κ in the closed form z(t) = κ·s(t) with s(t) = −∫₀ᵗ Aᵀ(A x − y): κ = 4 for D = 2 and
    /// D(D−2)·α^((D−2)/D) for D ≥ 3 (α the product scale).
    public func flowTimeScale(logAlpha: Double) -> Double {
        depth == 2 ? 4 : Double(depth * (depth - 2)) * exp(logAlpha * Double(depth - 2) / Double(depth))
    }
}
