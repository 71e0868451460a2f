/// The best lower bound found so far on α_s: a support S with |S| = s, signs τ and v ∈ ker A whose
/// ratio proves α_s ≥ ``alpha`` (α_S ≥ ‖v_S‖₁ / ‖v‖₁, and ρ_S ≥ ‖v_S‖₁ / ‖v_{S^c}‖₁).
public struct Incumbent: Sendable, Hashable, Codable {
    /// The lower bound on α_s.
    public var alpha: Double
    /// S, increasing, 0-based.
    public var support: [Int]
    /// τ aligned with ``support``.
    public var signs: [Int]
    /// v ∈ ker A (floating point).
    public var witness: [Double]

    /// An incumbent from its parts (no check is made that v attains α on S).
    public init(alpha: Double, support: [Int], signs: [Int], witness: [Double]) {
        self.alpha = alpha
        self.support = support
        self.signs = signs
        self.witness = witness
    }

    /// ρ_S ≥ ‖v_S‖₁ / ‖v_{S^c}‖₁ for the witness (+∞ when v vanishes off S); `nil` without a witness.
    /// - Complexity: O(n).
    public var rho: Double? {
        guard !witness.isEmpty else { return nil }
        let inside = Set(support)
        var onSupport = 0.0, offSupport = 0.0
        for (i, value) in witness.enumerated() {
            if inside.contains(i) { onSupport += abs(value) } else { offSupport += abs(value) }
        }
        return onSupport + offSupport > 0 ? onSupport / offSupport : nil
    }

    /// No bound yet (α_s ≥ 0 trivially).
    static let none = Incumbent(alpha: 0, support: [], signs: [], witness: [])

    /// The bound a null-space vector gives for order s: its s largest entries in magnitude,
    /// α = Σ_{top s} |vᵢ| / ‖v‖₁; `nil` for v = 0 or a non-finite v.
    /// - Complexity: O(n log n).
    static func fromWitness(_ v: [Double], order s: Int) -> Incumbent? {
        let mass = v.reduce(0) { $0 + abs($1) }
        guard mass > 0, mass.isFinite else { return nil }
        let top = v.indices.sorted { (abs(v[$0]), $1) > (abs(v[$1]), $0) }.prefix(s).sorted()
        let inside = top.reduce(0) { $0 + abs(v[$1]) }
        let signs = top.map { v[$0] < 0 ? -1 : 1 }
        let flip = signs.first == -1 ? -1 : 1
        return Incumbent(
            alpha: inside / mass, support: Array(top), signs: signs.map { $0 * flip },
            witness: v.map { $0 * Double(flip) })
    }
}
