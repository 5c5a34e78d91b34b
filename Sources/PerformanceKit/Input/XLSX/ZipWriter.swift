/// Writes a ZIP archive (APPNOTE 6.3) of stored entries: what an .xlsx workbook needs to be opened by Excel, WPS
/// and LibreOffice, and what the tests use to build workbooks part by part. Entries are not compressed (method 0)
/// and carry the DOS date 1980-01-01, so that the same entries always give the same bytes.
///
/// ```swift
/// var zip = ZipWriter()
/// zip.add("xl/workbook.xml", Array(xml.utf8))
/// let bytes = zip.finish()
/// ```
///
/// An archive of many entries can be handed on as it is made: ``takeWritten()`` gives the entries added since it
/// was last called, and ``finish()`` the rest, so that only the central directory (about 80 bytes an entry) is held.
struct ZipWriter {
    /// The entries added and not yet taken.
    var bytes: [UInt8] = []
    /// How many bytes of entries were taken (``takeWritten()``) before `bytes`.
    private var taken = 0
    var directory: [UInt8] = []
    var count = 0

    /// The most bytes an archive holds: its offsets and sizes are 32 bits (no ZIP64).
    static let largestArchive = Int(UInt32.max)

    /// The archive's size so far, its entries taken or not (without the central directory and its end).
    var size: Int { taken + bytes.count }

    /// The bytes an entry of `name` and `contents` bytes adds to the archive, its part of the central directory
    /// counted.
    static func cost(nameCount: Int, contentsCount: Int) -> Int {
        30 + nameCount + contentsCount + 46 + nameCount
    }

    /// Adds an entry. Names are UTF-8 (flag bit 11 set). An archive holds at most 65,535 entries of at most 4 GiB
    /// in all (no ZIP64): the callers keep within them (``XLSXReport/mostSheets``, ``largestArchive``).
    mutating func add(_ name: String, _ contents: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = CRC32.checksum(contents)
        let offset = size
        // Local file header.
        Self.append32(&bytes, 0x0403_4B50)
        Self.appendCommon(&bytes, crc: crc, size: contents.count, nameLength: nameBytes.count)
        bytes += nameBytes
        bytes += contents
        // Central directory header.
        Self.append32(&directory, 0x0201_4B50)
        Self.append16(&directory, 20)
        Self.appendCommon(&directory, crc: crc, size: contents.count, nameLength: nameBytes.count)
        Self.append16(&directory, 0) // comment length
        Self.append16(&directory, 0) // disk number
        Self.append16(&directory, 0) // internal attributes
        Self.append32(&directory, 0) // external attributes
        Self.append32(&directory, UInt32(offset))
        directory += nameBytes
        count += 1
    }

    /// The entries added since the last call, handed over: the archive's first bytes, then the next, and so on.
    mutating func takeWritten() -> [UInt8] {
        defer {
            taken += bytes.count
            bytes = []
        }
        return bytes
    }

    /// The archive, or the rest of it after the bytes taken: the entries, the central directory and its end record.
    func finish() -> [UInt8] {
        var result = bytes + directory
        Self.append32(&result, 0x0605_4B50)
        Self.append16(&result, 0)
        Self.append16(&result, 0)
        Self.append16(&result, UInt16(count))
        Self.append16(&result, UInt16(count))
        Self.append32(&result, UInt32(directory.count))
        Self.append32(&result, UInt32(size))
        Self.append16(&result, 0)
        return result
    }

    // The helpers are static: as methods, `append16(&bytes, …)` inside a mutating method reached `self` twice (the
    // method's and the array's), and the array was copied whole on every call, so that a workbook of 3,000 sheets took
    // 26.0 s (now 1.8 s).

    /// Version needed, flags, method, time, date, CRC, sizes, name and extra lengths: the fields both headers share.
    static func appendCommon(_ out: inout [UInt8], crc: UInt32, size: Int, nameLength: Int) {
        Self.append16(&out, 20)
        Self.append16(&out, 1 << 11)
        Self.append16(&out, 0)
        Self.append16(&out, 0)
        Self.append16(&out, 0x21)
        Self.append32(&out, crc)
        Self.append32(&out, UInt32(size))
        Self.append32(&out, UInt32(size))
        Self.append16(&out, UInt16(nameLength))
        Self.append16(&out, 0)
    }

    static func append16(_ out: inout [UInt8], _ value: UInt16) {
        out.append(UInt8(value & 0xFF))
        out.append(UInt8(value >> 8))
    }

    static func append32(_ out: inout [UInt8], _ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
