/// The members of a zip archive (what `numpy.savez` and `numpy.savez_compressed` write: stored or
/// deflated members, Zip64 sizes), read through the central directory and checked against their CRC-32,
/// as Python's `zipfile` does. Encrypted members, other compression methods and multi-disk archives are
/// refused. - Complexity: O(archive size).
struct ZipArchive {
    /// One member: its name and where its data are.
    struct Member {
        let name: String
        let method: Int
        let crc: UInt32
        let compressedSize: Int
        let size: Int
        let localHeaderOffset: Int
    }

    let bytes: [UInt8]
    let members: [Member]
    let path: String?

    private static func fail(_ offset: Int, _ reason: String, _ path: String?) -> ProblemDataError {
        ProblemDataError(path: path, location: .byteOffset(offset), "bad .npz (zip) file: \(reason)")
    }

    /// The archive in `bytes`.
    /// - Throws: the byte offset of the first structure that is not a valid zip.
    init(_ bytes: [UInt8], path: String?) throws(ProblemDataError) {
        self.bytes = bytes
        self.path = path
        func u16(_ at: Int) -> Int { at >= 0 && at <= bytes.count - 2 ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : -1 }
        func u32(_ at: Int) -> Int { at >= 0 && at <= bytes.count - 4 ? u16(at) | u16(at + 2) << 16 : -1 }
        func u64(_ at: Int) -> Int {
            at >= 0 && at <= bytes.count - 8 && bytes[at + 7] < 0x80 ? u32(at) | u32(at + 4) << 32 : -1
        }
        let floor = max(0, bytes.count - 22 - 0xFFFF)
        guard let end = stride(from: bytes.count - 22, through: floor, by: -1).first(where: { u32($0) == 0x0605_4B50 })
        else {
            throw Self.fail(0, "no end-of-central-directory record (is this a zip or .npz file?)", path)
        }
        var (count, directorySize, directoryOffset) = (u16(end + 10), u32(end + 12), u32(end + 16))
        guard u16(end + 4) == 0, u16(end + 6) == 0 else {
            throw Self.fail(end, "multi-disk archives are not supported", path)
        }
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            let locator = end - 20
            guard locator >= 0, u32(locator) == 0x0706_4B50, case let record = u64(locator + 8), record >= 0,
                u32(record) == 0x0606_4B50
            else {
                throw Self.fail(max(locator, 0), "the Zip64 end-of-central-directory record is missing", path)
            }
            (count, directorySize, directoryOffset) = (u64(record + 32), u64(record + 40), u64(record + 48))
        }
        guard count >= 0, directoryOffset >= 0, directorySize >= 0, directoryOffset <= bytes.count,
            directorySize <= bytes.count - directoryOffset
        else {
            throw Self.fail(end, "the central directory lies outside the file", path)
        }
        var members: [Member] = []
        var at = directoryOffset
        for _ in 0..<count {
            guard u32(at) == 0x0201_4B50 else { throw Self.fail(at, "expected a central directory entry", path) }
            let (nameLength, extraLength, commentLength) = (u16(at + 28), u16(at + 30), u16(at + 32))
            let nameEnd = at + 46 + nameLength
            guard nameLength >= 0, extraLength >= 0, commentLength >= 0, nameEnd + extraLength <= bytes.count else {
                throw Self.fail(at, "a central directory entry runs past the end of the file", path)
            }
            guard u16(at + 8) & 1 == 0 else { throw Self.fail(at, "the member is encrypted", path) }
            var sizes = [u32(at + 24), u32(at + 20), u32(at + 42)]
            var field = nameEnd
            while field + 4 <= nameEnd + extraLength {
                let (id, length) = (u16(field), u16(field + 2))
                if id == 1 {
                    var next = field + 4
                    for k in sizes.indices where sizes[k] == 0xFFFF_FFFF && next <= field + 4 + length - 8 {
                        sizes[k] = u64(next)
                        next += 8
                    }
                }
                field += 4 + length
            }
            guard sizes.allSatisfy({ $0 >= 0 && $0 != 0xFFFF_FFFF }) else {
                throw Self.fail(at, "a member's sizes are missing or too large", path)
            }
            let name = String(decoding: bytes[at + 46..<nameEnd], as: UTF8.self)
            members.append(
                Member(
                    name: name, method: u16(at + 10), crc: UInt32(u32(at + 16)), compressedSize: sizes[1],
                    size: sizes[0], localHeaderOffset: sizes[2]))
            at = nameEnd + extraLength + commentLength
        }
        self.members = members
    }

    /// The uncompressed data of the member called `name`, or `nil` when there is none.
    /// - Throws: when the member's data are corrupt, compressed with an unknown method or larger than `limit`.
    func data(of name: String, limit: Int) throws(ProblemDataError) -> [UInt8]? {
        guard let member = members.first(where: { $0.name == name }) else { return nil }
        let at = member.localHeaderOffset
        func u16(_ at: Int) -> Int { at >= 0 && at + 2 <= bytes.count ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : -1 }
        guard at >= 0, at <= bytes.count - 30, u16(at) | u16(at + 2) << 16 == 0x0403_4B50 else {
            throw Self.fail(at, "the local header of \(name) is missing", path)
        }
        let start = at + 30 + u16(at + 26) + u16(at + 28)
        guard start <= bytes.count, member.compressedSize <= bytes.count - start else {
            throw Self.fail(at, "the data of \(name) run past the end of the file", path)
        }
        guard member.size <= limit else {
            throw Self.fail(at, "\(name) holds \(member.size) bytes, more than the \(limit) allowed", path)
        }
        let stored = bytes[start..<start + member.compressedSize]
        let data: [UInt8]
        switch member.method {
        case 0:
            guard member.size == member.compressedSize else {
                throw Self.fail(at, "the sizes of the stored member \(name) disagree", path)
            }
            data = Array(stored)
        case 8:
            do { data = try Compression.inflateRaw(stored, size: member.size) } catch {
                throw Self.fail(start, "\(name): \(error.text)", path)
            }
        default:
            throw Self.fail(
                at, "\(name) is compressed with method \(member.method); only stored (0) and deflate (8) are supported",
                path)
        }
        guard Compression.crc32(data) == member.crc else {
            throw Self.fail(start, "the CRC-32 of \(name) does not match: the file is corrupt", path)
        }
        return data
    }
}
