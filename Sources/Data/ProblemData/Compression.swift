import CZlib

/// gzip and zip "deflate" data through the system's zlib, with the size of the result bounded before
/// it is allocated in full.
enum Compression {
    /// Whether `bytes` start like a gzip stream (`1f 8b`).
    static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

    /// The data of a gzip file (every member of a multi-member file, as `gzip -d` gives them).
    /// - Throws: a reason when the stream is corrupt or inflates beyond `limit` bytes.
    static func gunzip(_ bytes: [UInt8], limit: Int) throws(ReasonText) -> [UInt8] {
        try inflate(bytes, windowBits: 15 + 32, expectedSize: nil, limit: limit, what: "gzip")
    }

    /// The `size` bytes of a raw deflate stream (a zip member stored with method 8).
    static func inflateRaw(_ bytes: ArraySlice<UInt8>, size: Int) throws(ReasonText) -> [UInt8] {
        try inflate(Array(bytes), windowBits: -15, expectedSize: size, limit: size, what: "zip member")
    }

    /// The CRC-32 of `bytes`, as zip and gzip store it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: uLong = CZlib.crc32(0, nil, 0)
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let chunk = min(buffer.count - offset, 1 << 30)
                crc = CZlib.crc32(crc, buffer.baseAddress! + offset, uInt(chunk))
                offset += chunk
            }
        }
        return UInt32(truncatingIfNeeded: crc)
    }

    private static func inflate(
        _ input: [UInt8], windowBits: Int32, expectedSize: Int?, limit: Int,
        what: String
    ) throws(ReasonText) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ReasonText("zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: min(limit, max(expectedSize ?? input.count * 4, 1 << 16)) + 1)
        var produced = 0
        var input = input
        let status: Int32 = input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                if produced == output.count {
                    guard output.count <= limit else { return Z_BUF_ERROR }
                    output += [UInt8](repeating: 0, count: min(output.count, limit + 1 - output.count))
                }
                let status = output.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress! + produced
                    stream.avail_out = uInt(min(target.count - produced, Int(UInt32.max)))
                    let before = stream.avail_out
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    produced += Int(before - stream.avail_out)
                    return status
                }
                if status == Z_STREAM_END {
                    // A gzip file may hold several members; a raw zip member holds one stream.
                    guard windowBits > 0, stream.avail_in > 0 else { return Z_STREAM_END }
                    guard inflateReset(&stream) == Z_OK else { return Z_DATA_ERROR }
                    continue
                }
                guard status == Z_OK else { return status }
                if stream.avail_in == 0, stream.avail_out > 0 { return Z_BUF_ERROR }
            }
        }
        guard produced <= limit else { throw ReasonText("the \(what) inflates to more than \(limit) bytes") }
        guard status == Z_STREAM_END else {
            throw ReasonText(status == Z_BUF_ERROR ? "the \(what) data end too early" : "the \(what) data are corrupt")
        }
        if let expectedSize, produced != expectedSize {
            throw ReasonText("the \(what) inflates to \(produced) bytes, not the \(expectedSize) its header says")
        }
        output.removeLast(output.count - produced)
        return output
    }
}
