/// The entries of a ZIP archive (APPNOTE 6.3), as an .xlsx workbook is one: found through the central directory at
/// the end, each read from its local header, stored (method 0) or deflated (method 8), and checked against its CRC-32.
///
/// Limits keep a hostile file from costing more than a large workbook would: at most ``maximumEntries`` entries, and
/// no entry expands past the `limit` its reader gives (the size the archive declares is not trusted). ZIP64, split
/// archives, encryption and other methods are errors that say so.
struct ZipArchive {
    /// Why the bytes are not a ZIP archive this reader can open, in words.
    struct Failure: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    /// One entry of the central directory.
    struct Entry {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var localHeaderOffset: Int
    }

    static let maximumEntries = 10_000

    let bytes: [UInt8]
    /// The entries, by name.
    let entries: [String: Entry]

    /// Opens an archive.
    ///
    /// - Throws: ``Failure`` when there is no end-of-central-directory record, or the directory is damaged.
    init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        // The end-of-central-directory record: 22 bytes and a comment of at most 65,535, so it starts in the last 65,557.
        var end: Int?
        if bytes.count >= 22 {
            var position = bytes.count - 22
            let lowest = max(0, bytes.count - 65_557)
            while position >= lowest {
                if Self.uint32(bytes, position) == 0x0605_4B50 { end = position; break }
                position -= 1
            }
        }
        guard let end else { throw Failure(description: "not a ZIP archive (no end-of-central-directory record)") }
        let count = Int(Self.uint16(bytes, end + 10))
        let directorySize = Int(Self.uint32(bytes, end + 12))
        let directoryOffset = Int(Self.uint32(bytes, end + 16))
        guard count != 0xFFFF, directoryOffset != 0xFFFF_FFFF else { throw Failure(description: "a ZIP64 archive, which this reader does not open") }
        guard Self.uint16(bytes, end + 4) == 0, Self.uint16(bytes, end + 6) == 0 else {
            throw Failure(description: "a split (multi-part) ZIP archive")
        }
        guard count <= Self.maximumEntries else { throw Failure(description: "more than \(Self.maximumEntries) entries") }
        guard directoryOffset + directorySize <= end else { throw Failure(description: "a central directory outside the file") }
        var entries: [String: Entry] = [:]
        var position = directoryOffset
        for _ in 0..<count {
            guard position + 46 <= end, Self.uint32(bytes, position) == 0x0201_4B50 else {
                throw Failure(description: "a damaged central directory")
            }
            let nameLength = Int(Self.uint16(bytes, position + 28))
            let extraLength = Int(Self.uint16(bytes, position + 30))
            let commentLength = Int(Self.uint16(bytes, position + 32))
            guard position + 46 + nameLength <= end else { throw Failure(description: "a damaged central directory") }
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            let entry = Entry(name: name, method: Self.uint16(bytes, position + 10), flags: Self.uint16(bytes, position + 8),
                              crc: Self.uint32(bytes, position + 16), compressedSize: Int(Self.uint32(bytes, position + 20)),
                              size: Int(Self.uint32(bytes, position + 24)), localHeaderOffset: Int(Self.uint32(bytes, position + 42)))
            entries[name] = entry
            position += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The bytes of the entry `name`, or `nil` when the archive has none.
    ///
    /// - Throws: ``Failure`` for an entry that is encrypted, uses another method, is damaged or expands past `limit`.
    func contents(of name: String, limit: Int) throws(Failure) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        guard entry.flags & 1 == 0 else { throw Failure(description: "\(name) is encrypted") }
        let header = entry.localHeaderOffset
        guard header + 30 <= bytes.count, Self.uint32(bytes, header) == 0x0403_4B50 else {
            throw Failure(description: "\(name): a damaged local header")
        }
        let start = header + 30 + Int(Self.uint16(bytes, header + 26)) + Int(Self.uint16(bytes, header + 28))
        guard start + entry.compressedSize <= bytes.count else { throw Failure(description: "\(name) ends after the file") }
        let data = bytes[start..<(start + entry.compressedSize)]
        let contents: [UInt8]
        switch entry.method {
        case 0:
            guard data.count <= limit else { throw Failure(description: "\(name) is larger than \(limit) bytes") }
            contents = Array(data)
        case 8:
            do {
                contents = try Inflater.inflate(data, limit: limit, expectedSize: entry.size)
            } catch {
                throw Failure(description: "\(name): \(error.description)")
            }
        default:
            throw Failure(description: "\(name) is compressed with method \(entry.method); only stored (0) and deflated (8) are read")
        }
        guard contents.count == entry.size, CRC32.checksum(contents) == entry.crc else {
            throw Failure(description: "\(name) is damaged: its size or checksum differs from the directory's")
        }
        return contents
    }

    static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        guard offset + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        guard offset + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
