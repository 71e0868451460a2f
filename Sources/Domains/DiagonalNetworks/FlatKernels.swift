/// Dense floating-point kernels on flat row-major arrays for the hot loops of the depth-D ≥ 3 barrier problem:
/// N·b, Nᵀv and NᵀWN without the generic `Matrix` subscripts, on unsafe buffers.
enum FlatKernels {
    /// base + N·b for an r×q row-major N (r = base.count).
    /// - Complexity: O(r·q).
    static func multiplyAdding(_ n: [Double], _ b: [Double], to base: [Double]) -> [Double] {
        let q = b.count
        guard q > 0 else { return base }
        var result = base
        n.withUnsafeBufferPointer { entries in
            b.withUnsafeBufferPointer { vector in
                result.withUnsafeMutableBufferPointer { out in
                    for i in 0..<out.count {
                        var sum = 0.0
                        let row = i * q
                        for k in 0..<q { sum += entries[row + k] * vector[k] }
                        out[i] += sum
                    }
                }
            }
        }
        return result
    }

    /// Nᵀv for an r×q row-major N (r = v.count).
    /// - Complexity: O(r·q).
    static func multiplyTransposed(_ n: [Double], columns q: Int, _ v: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: q)
        n.withUnsafeBufferPointer { entries in
            result.withUnsafeMutableBufferPointer { out in
                for i in 0..<v.count where v[i] != 0 {
                    let row = i * q, value = v[i]
                    for k in 0..<q { out[k] += entries[row + k] * value }
                }
            }
        }
        return result
    }

    /// NᵀWN = Σᵢ wᵢ·nᵢnᵢᵀ (nᵢ the rows of the r×q row-major N, W = diag(w)), q×q row-major, symmetric.
    /// - Complexity: O(r·q²/2).
    static func weightedGram(_ n: [Double], columns q: Int, weights w: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: q * q)
        n.withUnsafeBufferPointer { entries in
            result.withUnsafeMutableBufferPointer { out in
                for i in 0..<w.count where w[i] != 0 {
                    let row = i * q, weight = w[i]
                    for r in 0..<q {
                        let scaled = weight * entries[row + r]
                        guard scaled != 0 else { continue }
                        for c in r..<q { out[r * q + c] += scaled * entries[row + c] }
                    }
                }
                for r in 0..<q { for c in 0..<r { out[r * q + c] = out[c * q + r] } }
            }
        }
        return result
    }
}
