#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading the bytes of an input file, or of standard input for the path `-`, with the size checked
/// before anything is read whole and gzip data (`1f 8b`) inflated.
enum FileInput {
    /// The largest input read, in bytes (compressed or not): 1 GiB, enough for 50 million values in text.
    static let maximumBytes = 1 << 30

    /// The path that names standard input.
    static let standardInput = "-"

    /// The bytes of `path` (inflated when they are gzip data).
    /// - Parameters:
    ///   - path: a file, or `-` for standard input.
    ///   - check: called with the first `prefixBytes` bytes and the total size (when the file is a regular,
    ///     uncompressed file) before the rest is read, so that a header can refuse a file early.
    /// - Throws: ``ProblemDataError`` for a missing file, a folder, an unreadable or too large file.
    static func read(
        _ path: String, prefixBytes: Int = 0,
        check: ((_ prefix: [UInt8], _ size: Int) throws(ProblemDataError) -> Void)? = nil
    ) throws(ProblemDataError) -> [UInt8] {
        let fd = path == standardInput ? STDIN_FILENO : open(path, O_RDONLY)
        guard fd >= 0 else {
            throw ProblemDataError(
                path: path,
                errno == ENOENT ? "no such file" : "the file cannot be opened: \(String(cString: strerror(errno)))")
        }
        defer { if fd != STDIN_FILENO { close(fd) } }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw ProblemDataError(path: path, "the file cannot be read") }
        let kind = status.st_mode & S_IFMT
        guard kind != S_IFDIR else { throw ProblemDataError(path: path, "this is a folder, not a file") }
        let size = kind == S_IFREG ? Int(status.st_size) : nil
        if let size, size > maximumBytes {
            throw ProblemDataError(
                path: path, "the file has \(size) bytes, more than the \(maximumBytes) SparseCert reads")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((size ?? 1 << 16) + 1)
        if let size, let check, prefixBytes > 0 {
            try readChunk(fd, into: &bytes, upTo: min(size, prefixBytes), path: path)
            if !Compression.isGzip(bytes) { try check(bytes, size) }
        }
        try readChunk(fd, into: &bytes, upTo: maximumBytes + 1, path: path)
        guard bytes.count <= maximumBytes else {
            throw ProblemDataError(path: path, "the input has more than the \(maximumBytes) bytes SparseCert reads")
        }
        guard Compression.isGzip(bytes) else { return bytes }
        do { return try Compression.gunzip(bytes, limit: maximumBytes) } catch {
            throw ProblemDataError(path: path, error.text)
        }
    }

    /// Appends what `fd` holds until `bytes` has `limit` bytes or the input ends.
    private static func readChunk(
        _ fd: Int32, into bytes: inout [UInt8], upTo limit: Int, path: String
    )
        throws(ProblemDataError)
    {
        while bytes.count < limit {
            let spare = bytes.capacity - bytes.count
            let want = min(limit - bytes.count, spare > 0 ? spare : 1 << 20)
            let start = bytes.count
            bytes += repeatElement(0, count: want)
            let got = bytes.withUnsafeMutableBytes { raw in systemRead(fd, raw.baseAddress! + start, want) }
            if got < 0, errno == EINTR {
                bytes.removeLast(want)
                continue
            }
            guard got >= 0 else {
                throw ProblemDataError(path: path, "reading failed: \(String(cString: strerror(errno)))")
            }
            bytes.removeLast(want - got)
            if got == 0 { return }
        }
    }
}

/// The C library's `read`, which ``FileInput/read(_:prefixBytes:check:)`` hides by its name.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }
