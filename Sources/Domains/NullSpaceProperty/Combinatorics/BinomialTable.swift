/// Binomial coefficients C(a, b) for 0 ≤ a ≤ n, 0 ≤ b ≤ k, saturating at `Int.max`.
///
/// Used to rank and unrank supports (the combinatorial number system) and to count LPs;
/// a saturated entry means "too many to enumerate", never a wrapped-around number.
struct BinomialTable: Sendable {
    private let table: [[Int]]

    /// - Complexity: O(n·k).
    init(upTo n: Int, choose k: Int) {
        var table = Array(repeating: Array(repeating: 0, count: k + 1), count: n + 1)
        for a in 0...n {
            table[a][0] = 1
            if a == 0 { continue }
            for b in 1...min(a, k) {
                let (sum, overflow) = table[a - 1][b - 1].addingReportingOverflow(table[a - 1][b])
                table[a][b] = overflow ? Int.max : sum
            }
        }
        self.table = table
    }

    /// C(a, b); 0 when b > a.
    func callAsFunction(_ a: Int, _ b: Int) -> Int {
        guard a >= 0, b >= 0, b < table[0].count else { return 0 }
        return a < table.count ? table[a][b] : 0
    }
}

/// C(n, k) as a `Double` (exact up to 2⁵³, approximate beyond): for counts that may exceed `Int`.
func binomialDouble(_ n: Int, _ k: Int) -> Double {
    guard k >= 0, k <= n else { return 0 }
    var result = 1.0
    for i in 0..<min(k, n - k) { result = result * Double(n - i) / Double(i + 1) }
    return result.rounded()
}
