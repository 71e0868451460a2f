import BigInt
import DenseLinearAlgebra
import ExactArithmetic

/// The columns of an exact matrix scaled to integers, A_j = Â_j / d_j (d_j the least common denominator of
/// column j), with dot products in machine integers while they do not overflow and in big integers otherwise.
///
/// Scaling columns by positive integers changes no kernel and cancels from M = A_{Sᶜ}ᵀA_S(A_SᵀA_S)⁻¹, so the
/// support frame is built from integer dot products and one fraction-free solve instead of rational sums.
struct IntegerColumns {
    /// Â_j, big integers.
    let big: [[BigInt]]
    /// Â_j as machine integers when every entry fits.
    let small: [[Int]?]
    /// d_j.
    let scales: [BigInt]

    /// - Complexity: O(m·n) big-integer operations.
    init(_ matrix: Matrix<Rational>) {
        var big: [[BigInt]] = [], small: [[Int]?] = [], scales: [BigInt] = []
        for j in 0..<matrix.columns {
            let (numerators, denominator) = Rational.overCommonDenominator(matrix.column(j))
            big.append(numerators)
            let fitted = numerators.compactMap { Int(exactly: $0) }
            small.append(fitted.count == numerators.count ? fitted : nil)
            scales.append(denominator)
        }
        self.big = big
        self.small = small
        self.scales = scales
    }

    /// Âⱼᵀ Âₖ.
    func dot(_ j: Int, _ k: Int) -> BigInt {
        if let a = small[j], let b = small[k] {
            var sum = 0, overflow = false
            for i in a.indices {
                let (product, o1) = a[i].multipliedReportingOverflow(by: b[i])
                let (next, o2) = sum.addingReportingOverflow(product)
                if o1 || o2 { overflow = true; break }
                sum = next
            }
            if !overflow { return BigInt(sum) }
        }
        var sum = BigInt(0)
        for i in big[j].indices where !big[j][i].isZero && !big[k][i].isZero { sum += big[j][i] * big[k][i] }
        return sum
    }

    /// Âⱼᵀ q for a sparse integer vector q given by its non-zero entries.
    /// - Complexity: O(Σₜ words(qₜ)) word operations when Âⱼ fits in machine words (``ProductSum``), s + 1
    ///   big-integer products otherwise.
    func dot(_ j: Int, sparse q: [(index: Int, value: BigInt)]) -> BigInt {
        guard let entries = small[j] else {
            var sum = BigInt(0)
            for (index, value) in q where !big[j][index].isZero { sum += big[j][index] * value }
            return sum
        }
        var sum = ProductSum()
        for (index, value) in q { sum.add(value, times: entries[index]) }
        return sum.value
    }
}
