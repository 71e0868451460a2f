import DenseLinearAlgebra

/// A support S ⊆ {0, …, n−1} with a sign pattern τ ∈ {−1, +1}^|S|, validated against a matrix,
/// and its complement S^c in increasing order.
struct SignedSupport: Sendable, Hashable {
    /// S, in the order given.
    let indices: [Int]
    /// τ, aligned with `indices`.
    let signs: [Int]
    /// S^c, increasing.
    let complement: [Int]

    /// Validates S and τ for an m×n matrix.
    ///
    /// - Throws: ``SparseRecoveryError`` for an empty matrix, an index outside `0..<n`, a repeated index,
    ///   a sign other than ±1, or `signs.count ≠ support.count`.
    /// - Complexity: O(n).
    init(support: [Int], signs: [Int], rows: Int, columns: Int) throws(SparseRecoveryError) {
        guard rows > 0, columns > 0 else { throw .emptyMatrix(rows: rows, columns: columns) }
        guard support.count == signs.count else {
            throw .dimensionMismatch("the support has \(support.count) indices but \(signs.count) signs were given")
        }
        var inSupport = Array(repeating: false, count: columns)
        for index in support {
            guard (0..<columns).contains(index) else { throw .supportIndexOutOfRange(index: index, columns: columns) }
            guard !inSupport[index] else { throw .duplicateSupportIndex(index) }
            inSupport[index] = true
        }
        for (position, sign) in signs.enumerated() where sign != 1 && sign != -1 {
            throw .invalidSign(position: position, value: sign)
        }
        self.indices = support
        self.signs = signs
        self.complement = (0..<columns).filter { !inSupport[$0] }
    }
}

extension Matrix {
    /// Throws unless every entry passes `isUsable` (finite, for doubles); names the first bad entry.
    func validateEntries(_ isUsable: (Scalar) -> Bool, name: String = "A") throws(SparseRecoveryError) {
        for i in 0..<rows {
            for j in 0..<columns where !isUsable(self[i, j]) {
                throw .unusableNumber(
                    place: "\(name)[\(i), \(j)] (row \(i), column \(j), 0-based)",
                    value: self[i, j].doubleValue)
            }
        }
    }
}
