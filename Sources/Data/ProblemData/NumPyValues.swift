import ExactArithmetic

/// The values of an `.npy` data block, converted exactly to ``ExactValues``.
enum NumPyValues {
    /// Decodes `count` values of `dtype` from `raw`.
    /// - Throws: the byte offset (from `dataStart`) of the first NaN, infinity or bool byte other than 0 and 1.
    /// - Complexity: O(count); float64 in native order is one copy and one pass.
    static func decode(
        _ raw: UnsafeRawBufferPointer, _ dtype: NumPyDType, count: Int, dataStart: Int,
        path: String?
    ) throws(ProblemDataError) -> ExactValues {
        func fail(_ k: Int, _ reason: String) -> ProblemDataError {
            ProblemDataError(path: path, location: .byteOffset(dataStart + k * dtype.size), "value \(k) \(reason)")
        }
        func load<T: FixedWidthInteger>(_ k: Int, as type: T.Type) -> T {
            let value = raw.loadUnaligned(fromByteOffset: k * dtype.size, as: T.self)
            return dtype.bigEndian ? T(bigEndian: value) : T(littleEndian: value)
        }
        switch (dtype.kind, dtype.size) {
        case (.float, 8):
            let doubles = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
                let target = UnsafeMutableRawBufferPointer(buffer)
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[0..<count * 8]))
                if dtype.bigEndian {
                    for k in 0..<count { buffer[k] = Double(bitPattern: UInt64(bigEndian: buffer[k].bitPattern)) }
                }
                initialized = count
            }
            if let k = doubles.firstIndex(where: { !$0.isFinite }) {
                throw fail(k, "is \(doubles[k]): NaN and infinities are not allowed")
            }
            return ExactValues(doubles: doubles)
        case (.float, _):
            var doubles = [Double](repeating: 0, count: count)
            for k in 0..<count {
                doubles[k] =
                    dtype.size == 4
                    ? Double(Float(bitPattern: load(k, as: UInt32.self))) : half(load(k, as: UInt16.self))
                guard doubles[k].isFinite else { throw fail(k, "is \(doubles[k]): NaN and infinities are not allowed") }
            }
            return ExactValues(doubles: doubles)
        case (.bool, _):
            var doubles = [Double](repeating: 0, count: count)
            for k in 0..<count {
                let byte = raw[k]
                guard byte <= 1 else { throw fail(k, "is the byte \(byte), which is not a bool (0 or 1)") }
                doubles[k] = Double(byte)
            }
            return ExactValues(doubles: doubles)
        case (.signed, _), (.unsigned, _):
            var values = ExactValues()
            values.reserve(count)
            let signed = dtype.kind == .signed
            for k in 0..<count {
                switch (dtype.size, signed) {
                case (1, true): values.append(Double(Int8(bitPattern: raw[k])))
                case (1, false): values.append(Double(raw[k]))
                case (2, true): values.append(Double(load(k, as: Int16.self)))
                case (2, false): values.append(Double(load(k, as: UInt16.self)))
                case (4, true): values.append(Double(load(k, as: Int32.self)))
                case (4, false): values.append(Double(load(k, as: UInt32.self)))
                case (_, true): append(load(k, as: Int64.self), to: &values)
                default: append(load(k, as: UInt64.self), to: &values)
                }
            }
            return values
        }
    }

    /// Appends a 64-bit integer exactly: as a double when it is one, else as a rational.
    private static func append<T: FixedWidthInteger>(_ value: T, to values: inout ExactValues) {
        if value.magnitude <= 1 << 53 {
            values.append(Double(value))
        } else {
            values.append(Rational(exactly: value) ?? .zero)
        }
    }

    /// The double equal to an IEEE half-precision value (infinite or NaN for exponent 31).
    static func half(_ bits: UInt16) -> Double {
        let sign: Double = bits & 0x8000 == 0 ? 1 : -1
        let exponent = Int(bits >> 10 & 0x1F)
        let fraction = Double(bits & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1024 + fraction) * Double(sign: .plus, exponent: exponent - 25, significand: 1)
        }
    }
}
