extension Matrix where Scalar == Double {
    /// A·x in concrete `Double` code. The generic ``Matrix/multiply(_:)-(Scalar)`` dispatches here for doubles:
    /// called from another module it would otherwise run unspecialized (~75 ns per multiply-add instead of ~1).
    /// - Complexity: O(m·n).
    func doubleProduct(_ x: [Double]) -> [Double] {
        elements.withUnsafeBufferPointer { a in
            (0..<rows).map { i in
                var sum = 0.0
                let offset = i * columns
                for j in 0..<columns { sum += a[offset + j] * x[j] }
                return sum
            }
        }
    }

    /// Aᵀ·y in concrete `Double` code (see ``doubleProduct(_:)``).
    /// - Complexity: O(m·n).
    func doubleTransposedProduct(_ y: [Double]) -> [Double] {
        var result = Array(repeating: 0.0, count: columns)
        elements.withUnsafeBufferPointer { a in
            for i in 0..<rows where y[i] != 0 {
                let offset = i * columns, factor = y[i]
                for j in 0..<columns { result[j] += a[offset + j] * factor }
            }
        }
        return result
    }
}
