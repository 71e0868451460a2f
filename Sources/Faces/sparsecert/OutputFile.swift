#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one way every command writes a file (`--out`, `--csv`, `--plot`, `--trajectory`, the demo's plot).
///
/// - A regular file (or a new one) is replaced atomically: the bytes go to a temporary file in the same
///   folder, which is flushed to disk and renamed over the target, so a reader sees the old file or the
///   new one, never a part; an existing file keeps its permissions.
/// - A symbolic link is followed: the file it points to is replaced the same way, the link stays.
/// - A device or FIFO (`/dev/stdout`, `/dev/full`, a named pipe) is written through, never replaced.
/// Every write is checked: a full disk or a closed pipe is an error that names the file.
enum OutputFile {
    /// Writes `bytes` to `path` as described above.
    /// - Throws: ``CommandFailure`` naming the file and the system's reason.
    static func write(_ bytes: [UInt8], to path: String) throws {
        var target = path
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                // A dangling link: create the file it names.
                return try writeThrough(bytes, to: path, create: true)
            }
            target = String(cString: resolved)
            free(resolved)
            guard lstat(target, &status) == 0 else { return try writeThrough(bytes, to: target, create: true) }
        } else if lstat(path, &status) != 0 {
            guard errno == ENOENT else { throw failure(path, "cannot inspect it") }
            return try replace(target, with: bytes, mode: nil)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: try replace(target, with: bytes, mode: status.st_mode & 0o7777)
        case S_IFDIR: throw CommandFailure("cannot write \(path): it is a folder")
        default: try writeThrough(bytes, to: target, create: false)
        }
    }

    /// Writes `text` as UTF-8 (see ``write(_:to:)-(_,_)``).
    static func write(_ text: String, to path: String) throws { try write(Array(text.utf8), to: path) }

    private static func failure(_ path: String, _ what: String, _ code: Int32 = errno) -> CommandFailure {
        CommandFailure("cannot write \(path): \(what) (\(String(cString: strerror(code))))")
    }

    private static func replace(_ path: String, with bytes: [UInt8], mode: mode_t?) throws {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(folder).\(name).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(path, "cannot create a temporary file beside it") }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do {
            try writeAll(fd, bytes, path)
            // mkstemp makes the file private; give it the old file's mode, or what the umask allows.
            let umaskValue = umask(0)
            umask(umaskValue)
            guard fchmod(fd, mode ?? (0o666 & ~umaskValue)) == 0 else {
                throw failure(path, "cannot set its permissions")
            }
            guard fsync(fd) == 0 else { throw failure(path, "cannot flush it to disk") }
            guard close(fd) == 0 else {
                unlink(temporary)
                throw failure(path, "cannot close it")
            }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure(path, "cannot move the new file into place", code)
        }
    }

    private static func writeThrough(_ bytes: [UInt8], to path: String, create: Bool) throws {
        let fd = create ? open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o666) : open(path, O_WRONLY | O_TRUNC)
        guard fd >= 0 else { throw failure(path, "cannot open it") }
        do {
            try writeAll(fd, bytes, path)
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw failure(path, "cannot close it") }
    }

    /// Writes every byte, retrying after interruptions and short writes.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], _ path: String) throws {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                systemWrite(fd, raw.baseAddress! + written, bytes.count - written)
            }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { throw failure(path, "writing failed") }
            written += result
        }
    }
}

/// The C library's `write`, which ``OutputFile/write(_:to:)-(_,_)`` hides by its name.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(fd, buffer, count) }
