/// The CRC-32 of ZIP (ISO 3309, polynomial 0xEDB88320 reflected), with which every entry's bytes are checked when
/// read and stamped when written.
///
/// ```swift
/// CRC32.checksum(Array("123456789".utf8)) // 0xCBF43926
/// ```
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { byte in
        var value = UInt32(byte)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    /// The checksum of `bytes`.
    static func checksum<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }
}
