import DenseLinearAlgebra
import ExactArithmetic

/// NumPy `.npy` files holding float64 (`<f8`) arrays: 1-D for vectors, 2-D for matrices.
///
/// Read: format versions 1.0, 2.0 and 3.0, C and Fortran order; a vector may also be a 2-D array with one
/// row or one column. Other dtypes are refused by name ("expected <f8, found <i4"). Every double converts
/// exactly. Written: version 1.0, C order, header padded to a multiple of 64 bytes as NumPy does.
/// Errors give the byte offset of the first problem.
enum NumPyFormat {
    /// The six magic bytes `\x93NUMPY`.
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]

    /// The shape and values of the array in `bytes`, values in row-major (C) order.
    static func readArray(_ bytes: [UInt8], path: String?) throws(ProblemDataError) -> (shape: [Int], values: [Rational]) {
        func fail(_ offset: Int, _ reason: String) -> ProblemDataError {
            ProblemDataError(path: path, location: .byteOffset(offset), reason)
        }
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
            throw fail(0, "not a NumPy .npy file: it does not start with \\x93NUMPY")
        }
        let major = bytes[6]
        guard (1...3).contains(major) else { throw fail(6, "unsupported .npy format version \(major).\(bytes[7])") }
        let headerStart = major == 1 ? 10 : 12
        guard bytes.count >= headerStart else { throw fail(bytes.count, "the file ends inside the .npy preamble") }
        let headerLength = major == 1
            ? Int(bytes[8]) | Int(bytes[9]) << 8
            : Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
        let dataStart = headerStart + headerLength
        guard bytes.count >= dataStart else {
            throw fail(bytes.count, "the file ends inside the header, which should run to byte \(dataStart)")
        }
        let header = try NumPyHeader(bytes: bytes[headerStart..<dataStart], path: path)
        guard header.descr == "<f8" else {
            throw fail(header.descrOffset, "expected <f8 (little-endian float64), found \(header.descr): save with array.astype('<f8')")
        }
        guard (1...2).contains(header.shape.count) else {
            throw fail(header.shapeOffset, "expected a 1-D or 2-D array, found shape \(header.shape)")
        }
        var count = 1
        for size in header.shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow, product <= MatrixMarketFormat.maximumEntries else { throw fail(header.shapeOffset, "shape \(header.shape) is too large") }
            count = product
        }
        guard count > 0 else { throw fail(header.shapeOffset, "the array is empty (shape \(header.shape))") }
        let available = bytes.count - dataStart
        guard available >= count * 8 else {
            throw fail(bytes.count, "the data end after \(available / 8) of the \(count) values that shape \(header.shape) needs")
        }
        guard available == count * 8 else { throw fail(dataStart + count * 8, "\(available - count * 8) unexpected bytes after the data") }

        var values = [Rational](repeating: .zero, count: count)
        let (rows, columns) = header.shape.count == 1 ? (1, header.shape[0]) : (header.shape[0], header.shape[1])
        for k in 0..<count {
            let offset = dataStart + 8 * k
            var bits: UInt64 = 0
            for b in 0..<8 { bits |= UInt64(bytes[offset + b]) << (8 * b) }
            guard let value = Rational(exactly: Double(bitPattern: bits)) else {
                throw fail(offset, "value \(k) is \(Double(bitPattern: bits)): NaN and infinities are not allowed")
            }
            let target = header.fortranOrder ? (k % rows) * columns + k / rows : k
            values[target] = value
        }
        return (header.shape, values)
    }

    /// The matrix in `bytes` (a 2-D array).
    static func readMatrix(_ bytes: [UInt8], path: String?) throws(ProblemDataError) -> Matrix<Rational> {
        let (shape, values) = try readArray(bytes, path: path)
        guard shape.count == 2 else {
            throw ProblemDataError(path: path, "expected a 2-D array for a matrix, found shape \(shape)")
        }
        return Matrix(rows: shape[0], columns: shape[1], elements: values)
    }

    /// The vector in `bytes` (a 1-D array, or a 2-D array with one row or one column).
    static func readVector(_ bytes: [UInt8], path: String?) throws(ProblemDataError) -> [Rational] {
        let (shape, values) = try readArray(bytes, path: path)
        guard shape.count == 1 || shape.contains(1) else {
            throw ProblemDataError(path: path, "expected a vector (a 1-D array), found shape \(shape)")
        }
        return values
    }

    /// The `.npy` bytes of a 2-D array (matrix) or, with `shape == [n]`, a 1-D array.
    /// - Throws: when a value is not exactly a double.
    static func bytes(shape: [Int], values: [Rational], path: String?) throws(ProblemDataError) -> [UInt8] {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(\(shape.map(String.init).joined(separator: ", ")))"
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': \(shapeText), }"
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var bytes = magic + [1, 0, UInt8(header.utf8.count & 0xFF), UInt8(header.utf8.count >> 8)]
        bytes += Array(header.utf8)
        let columns = shape.count == 1 ? shape[0] : shape[1]
        for (k, value) in values.enumerated() {
            guard let double = NumberText.exactDouble(value) else {
                throw .notADouble(value, row: k / columns, column: k % columns, path: path, format: ".npy")
            }
            let bits = double.bitPattern
            for b in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: bits >> (8 * b))) }
        }
        return bytes
    }
}
