import Foundation

/// How the initialization scale α of a diagonal network is meant.
///
/// Both factors start equal, u(0) = v(0) = c·𝟙, so x(0) = 0; the conventions differ in what α measures:
/// - ``product``: α is the scale of the product, u(0)^D = α, i.e. c = α^(1/D). Under this convention
///   ‖x_∞(α) − x*‖ is Θ(α^(1−ϱ)) for D = 2 and Θ(α) for D ≥ 3 (DESIGN.md §1.3). The default.
/// - ``perFactor``: every factor starts at α, c = α, so the product scale is α^D and the same rates read
///   α^(2(1−ϱ)) and α^D.
///
/// Conversion: per-factor α_f is product scale α = α_f^D; product α is per-factor α_f = α^(1/D).
public enum InitializationConvention: String, Sendable, CaseIterable, Codable {
    /// u(0)^D = α (α is the scale of x).
    case product
    /// u(0) = α (every factor starts at α).
    case perFactor

    /// The natural logarithm of the product scale u(0)^D for a given α and depth D.
    /// - Complexity: O(1).
    public func logProductScale(alpha: Double, depth: Int) -> Double {
        switch self {
        case .product: log(alpha)
        case .perFactor: Double(depth) * log(alpha)
        }
    }
}
