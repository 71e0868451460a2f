internal import CLAPACK

/// The Double kernels DenseLinearAlgebra takes from BLAS and LAPACK (OpenBLAS, through LAPACKE and CBLAS): the
/// one place this module calls C. Every matrix is row-major, as ``Matrix`` stores it; LAPACKE transposes where
/// LAPACK needs column-major storage, unless `transposedStorage` asks to treat the row-major buffer of A as the
/// column-major buffer of Aᵀ (no copy: the factors are then those of Aᵀ). The generic Swift code stays the implementation for exact and interval
/// scalars, and for Double at small sizes.
enum LAPACK {
    /// P·A = L·U with partial pivoting (`dgetrf`) of an m×n matrix, in place: L (unit lower, below the
    /// diagonal) and U packed in `elements`.
    ///
    /// - Returns: the row interchanges, 0-based (row k was swapped with row `swaps[k]` ≥ k, in order k = 0, 1, …),
    ///   and the first column without a non-zero pivot (`nil` when every pivot is non-zero).
    /// - Complexity: O(m·n·min(m, n)) flops.
    static func factor(
        _ elements: inout [Double], rows: Int, columns: Int, transposedStorage: Bool = false
    ) -> (swaps: [Int], zeroPivot: Int?) {
        var pivots = [Int32](repeating: 0, count: Swift.max(1, Swift.min(rows, columns)))
        let layout = transposedStorage ? LAPACK_COL_MAJOR : LAPACK_ROW_MAJOR
        let info = elements.withUnsafeMutableBufferPointer { a in
            pivots.withUnsafeMutableBufferPointer { p in
                LAPACKE_dgetrf(layout, Int32(rows), Int32(columns), a.baseAddress, Int32(columns), p.baseAddress)
            }
        }
        let swaps = pivots.prefix(Swift.min(rows, columns)).map { Int($0) - 1 }
        return (swaps, info > 0 ? Int(info) - 1 : nil)
    }

    /// A⁻¹ from the packed factors of ``factor(_:rows:columns:)`` of a square matrix (`dgetri`), in place.
    ///
    /// - Returns: whether LAPACK succeeded (it fails only on a zero pivot).
    /// - Complexity: O(n³) flops.
    static func invert(
        _ factors: inout [Double], dimension n: Int, swaps: [Int], transposedStorage: Bool = false
    )
        -> Bool
    {
        var pivots = swaps.map { Int32($0 + 1) }
        let layout = transposedStorage ? LAPACK_COL_MAJOR : LAPACK_ROW_MAJOR
        let info = factors.withUnsafeMutableBufferPointer { a in
            pivots.withUnsafeMutableBufferPointer { p in
                LAPACKE_dgetri(layout, Int32(n), a.baseAddress, Int32(n), p.baseAddress)
            }
        }
        return info == 0
    }

    /// The solution of A·x = b (or Aᵀ·x = b) from the packed factors of a square A (`dgetrs`).
    /// - Complexity: O(n²) flops.
    static func solve(
        factors: [Double], dimension n: Int, swaps: [Int], _ b: [Double], transposed: Bool,
        transposedStorage: Bool = false
    ) -> [Double] {
        var x = b
        let layout = transposedStorage ? LAPACK_COL_MAJOR : LAPACK_ROW_MAJOR
        var pivots = swaps.map { Int32($0 + 1) }
        let trans: CChar = transposed ? CChar(UInt8(ascii: "T")) : CChar(UInt8(ascii: "N"))
        _ = factors.withUnsafeBufferPointer { a in
            pivots.withUnsafeMutableBufferPointer { p in
                x.withUnsafeMutableBufferPointer { v in
                    LAPACKE_dgetrs(
                        layout, trans, Int32(n), 1, a.baseAddress, Int32(n), p.baseAddress, v.baseAddress,
                        transposedStorage ? Int32(n) : 1)
                }
            }
        }
        return x
    }

    /// A·B, or Aᵀ·B with `transposingLeft` (`dgemm`).
    /// - Complexity: O(m·k·p) flops.
    static func multiply(_ a: Matrix<Double>, _ b: Matrix<Double>, transposingLeft: Bool = false) -> Matrix<Double> {
        let rows = transposingLeft ? a.columns : a.rows, inner = transposingLeft ? a.rows : a.columns
        var c = [Double](repeating: 0, count: rows * b.columns)
        guard rows > 0, b.columns > 0, inner > 0 else { return Matrix(rows: rows, columns: b.columns, elements: c) }
        a.elements.withUnsafeBufferPointer { pa in
            b.elements.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(
                        CblasRowMajor, transposingLeft ? CblasTrans : CblasNoTrans, CblasNoTrans, Int32(rows),
                        Int32(b.columns), Int32(inner), 1, pa.baseAddress, Int32(Swift.max(1, a.columns)),
                        pb.baseAddress, Int32(Swift.max(1, b.columns)), 0, pc.baseAddress,
                        Int32(Swift.max(1, b.columns)))
                }
            }
        }
        return Matrix(rows: rows, columns: b.columns, elements: c)
    }

    /// `scale`·A·x + `shift` (or with Aᵀ) (`dgemv`).
    /// - Complexity: O(m·n) flops.
    static func multiply(
        _ a: Matrix<Double>, _ x: [Double], transposed: Bool = false, scale: Double = 1, shift: [Double]? = nil
    ) -> [Double] {
        var y = shift ?? [Double](repeating: 0, count: transposed ? a.columns : a.rows)
        a.elements.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in
                    cblas_dgemv(
                        CblasRowMajor, transposed ? CblasTrans : CblasNoTrans, Int32(a.rows), Int32(a.columns), scale,
                        pa.baseAddress, Int32(Swift.max(1, a.columns)), px.baseAddress, 1, shift == nil ? 0 : 1,
                        py.baseAddress, 1)
                }
            }
        }
        return y
    }
}
