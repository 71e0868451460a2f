import DenseLinearAlgebra
import ExactArithmetic

/// NumPy `.npy` files: 1-D arrays for vectors, 2-D arrays for matrices, of every real numeric dtype.
///
/// Read exactly as `numpy.load` reads them: format versions 1.0, 2.0 and 3.0 only (1.1 is refused, as
/// NumPy does), headers of at most 10,000 bytes, C and Fortran order; dtypes float16/32/64, signed and
/// unsigned integers of 1, 2, 4 and 8 bytes and bool, either byte order, in any spelling NumPy accepts
/// (``NumPyDType``). Every value converts exactly (integers beyond 2⁵³ as exact rationals); complex,
/// object, text and extended-precision dtypes are refused by name. A vector may also be a 2-D array with
/// one row or one column. Written: `<f8`, version 1.0, C order, header padded to a multiple of 64 bytes
/// as NumPy does. Errors give the byte offset of the first problem. - Complexity: O(file size).
enum NumPyFormat {
    /// The six magic bytes `\x93NUMPY`.
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
    /// The longest header `numpy.load` reads without `allow_pickle`.
    static let maximumHeaderBytes = 10_000
    /// Bytes enough to hold the preamble and the longest header.
    static let prefixBytes = 12 + maximumHeaderBytes

    /// Where the data of an `.npy` file are and how to read them.
    struct Layout {
        let header: NumPyHeader
        let dtype: NumPyDType
        let dataStart: Int
        let count: Int
        var byteCount: Int { count * dtype.size }
    }

    /// The layout described by the first bytes of a file (at least ``prefixBytes`` of them, or all),
    /// checked against the file's size when it is known — before the data are read.
    static func layout(_ bytes: [UInt8], fileSize: Int?, path: String?) throws(ProblemDataError) -> Layout {
        func fail(_ offset: Int, _ reason: String) -> ProblemDataError {
            ProblemDataError(path: path, location: .byteOffset(offset), reason)
        }
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
            throw fail(0, "not a NumPy .npy file: it does not start with \\x93NUMPY")
        }
        let (major, minor) = (bytes[6], bytes[7])
        guard [1, 2, 3].contains(major), minor == 0 else {
            throw fail(6, "unsupported .npy format version \(major).\(minor): NumPy reads only 1.0, 2.0 and 3.0")
        }
        let headerStart = major == 1 ? 10 : 12
        guard bytes.count >= headerStart else { throw fail(bytes.count, "the file ends inside the .npy preamble") }
        var headerLength = 0
        for k in (8..<headerStart).reversed() { headerLength = headerLength << 8 | Int(bytes[k]) }
        guard headerLength <= maximumHeaderBytes else {
            throw fail(
                8,
                "the header is \(headerLength) bytes long; NumPy reads at most \(maximumHeaderBytes) without allow_pickle"
            )
        }
        let dataStart = headerStart + headerLength
        guard bytes.count >= dataStart else {
            throw fail(bytes.count, "the file ends inside the header, which should run to byte \(dataStart)")
        }
        let header = try NumPyHeader(bytes: bytes[headerStart..<dataStart], path: path)
        let dtype: NumPyDType
        do { dtype = try NumPyDType(descr: header.descr) } catch { throw fail(header.descrOffset, error.text) }
        guard (1...2).contains(header.shape.count) else {
            throw fail(header.shapeOffset, "expected a 1-D or 2-D array, found shape \(header.shape)")
        }
        var count = 1
        for size in header.shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow, product <= MatrixMarketFormat.maximumEntries else {
                throw fail(
                    header.shapeOffset,
                    "shape \(header.shape) is too large (more than \(MatrixMarketFormat.maximumEntries) values)")
            }
            count = product
        }
        guard count > 0 else { throw fail(header.shapeOffset, "the array is empty (shape \(header.shape))") }
        let layout = Layout(header: header, dtype: dtype, dataStart: dataStart, count: count)
        if let fileSize {
            let available = fileSize - dataStart
            guard available >= layout.byteCount else {
                throw fail(
                    fileSize,
                    "the data end after \(available / dtype.size) of the \(count) values that shape \(header.shape) needs"
                )
            }
            guard available == layout.byteCount else {
                throw fail(
                    dataStart + layout.byteCount, "\(available - layout.byteCount) unexpected bytes after the data")
            }
        }
        return layout
    }

    /// The shape and values of the array in `bytes`, values in row-major (C) order.
    static func readArray(
        _ bytes: [UInt8], path: String?
    ) throws(ProblemDataError) -> (
        shape: [Int], values: ExactValues
    ) {
        let layout = try layout(bytes, fileSize: bytes.count, path: path)
        var values = try bytes.withUnsafeBufferPointer { buffer throws(ProblemDataError) in
            try NumPyValues.decode(
                UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[layout.dataStart...]), layout.dtype,
                count: layout.count, dataStart: layout.dataStart, path: path)
        }
        let shape = layout.header.shape
        if layout.header.fortranOrder, shape.count == 2, shape[0] > 1, shape[1] > 1 {
            values = values.permuted(count: layout.count) { k in (k % shape[1]) * shape[0] + k / shape[1] }
        }
        return (shape, values)
    }

    /// The matrix in `bytes` (a 2-D array).
    static func readMatrix(_ bytes: [UInt8], path: String?) throws(ProblemDataError) -> ArrayValues {
        let (shape, values) = try readArray(bytes, path: path)
        guard shape.count == 2 else {
            throw ProblemDataError(path: path, "expected a 2-D array for a matrix, found shape \(shape)")
        }
        return ArrayValues(rows: shape[0], columns: shape[1], values: values)
    }

    /// The vector in `bytes` (a 1-D array, or a 2-D array with one row or one column).
    static func readVector(_ bytes: [UInt8], path: String?) throws(ProblemDataError) -> ExactValues {
        let (shape, values) = try readArray(bytes, path: path)
        guard shape.count == 1 || shape.contains(1) else {
            throw ProblemDataError(path: path, "expected a vector (a 1-D array), found shape \(shape)")
        }
        return values
    }

    /// The `.npy` bytes of a 2-D array (matrix) or, with `shape == [n]`, a 1-D array.
    /// `doubles` are the values, `values` their spellings (which say whether each is exactly a double).
    /// - Throws: when a value is not exactly a double.
    static func bytes(
        shape: [Int], values: NumberTokens, doubles: [Double], path: String?
    ) throws(ProblemDataError)
        -> [UInt8]
    {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(\(shape.map(String.init).joined(separator: ", ")))"
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': \(shapeText), }"
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var bytes = magic + [1, 0, UInt8(header.utf8.count & 0xFF), UInt8(header.utf8.count >> 8)]
        bytes += Array(header.utf8)
        let columns = shape.count == 1 ? shape[0] : shape[1]
        bytes.reserveCapacity(bytes.count + 8 * doubles.count)
        for (k, double) in doubles.enumerated() {
            guard values.isDouble(k) else {
                throw .notADouble(
                    values.token(k).text, row: k / columns, column: k % columns, path: path, format: ".npy")
            }
            let bits = double.bitPattern
            for b in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: bits >> (8 * b))) }
        }
        return bytes
    }
}
