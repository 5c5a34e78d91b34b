/// Writes a ZIP archive (APPNOTE 6.3) of stored entries: what an .xlsx workbook needs to be opened by Excel, WPS
/// and LibreOffice, and what the tests use to build workbooks part by part. Entries are not compressed (method 0)
/// and carry the DOS date 1980-01-01, so that the same entries always give the same bytes.
///
/// ```swift
/// var zip = ZipWriter()
/// zip.add("xl/workbook.xml", Array(xml.utf8))
/// let bytes = zip.finish()
/// ```
struct ZipWriter {
    var bytes: [UInt8] = []
    var directory: [UInt8] = []
    var count = 0

    /// Adds an entry. Names are UTF-8 (flag bit 11 set).
    mutating func add(_ name: String, _ contents: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = CRC32.checksum(contents)
        let offset = bytes.count
        // Local file header.
        append32(&bytes, 0x0403_4B50)
        appendCommon(&bytes, crc: crc, size: contents.count, nameLength: nameBytes.count)
        bytes += nameBytes
        bytes += contents
        // Central directory header.
        append32(&directory, 0x0201_4B50)
        append16(&directory, 20)
        appendCommon(&directory, crc: crc, size: contents.count, nameLength: nameBytes.count)
        append16(&directory, 0) // comment length
        append16(&directory, 0) // disk number
        append16(&directory, 0) // internal attributes
        append32(&directory, 0) // external attributes
        append32(&directory, UInt32(offset))
        directory += nameBytes
        count += 1
    }

    /// The archive: the entries, the central directory and its end record.
    func finish() -> [UInt8] {
        var result = bytes + directory
        append32(&result, 0x0605_4B50)
        append16(&result, 0)
        append16(&result, 0)
        append16(&result, UInt16(count))
        append16(&result, UInt16(count))
        append32(&result, UInt32(directory.count))
        append32(&result, UInt32(bytes.count))
        append16(&result, 0)
        return result
    }

    /// Version needed, flags, method, time, date, CRC, sizes, name and extra lengths: the fields both headers share.
    func appendCommon(_ out: inout [UInt8], crc: UInt32, size: Int, nameLength: Int) {
        append16(&out, 20)
        append16(&out, 1 << 11)
        append16(&out, 0)
        append16(&out, 0)
        append16(&out, 0x21)
        append32(&out, crc)
        append32(&out, UInt32(size))
        append32(&out, UInt32(size))
        append16(&out, UInt16(nameLength))
        append16(&out, 0)
    }

    func append16(_ out: inout [UInt8], _ value: UInt16) {
        out.append(UInt8(value & 0xFF))
        out.append(UInt8(value >> 8))
    }

    func append32(_ out: inout [UInt8], _ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
