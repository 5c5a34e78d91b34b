/// Scalars decoded from UTF-8 bytes in place, for the readers that walk a string's bytes (trimming, notation).
enum UTF8Bytes {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// The length of the UTF-8 sequence a lead byte starts.
    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The scalar starting at `index` (valid UTF-8, as every `String` is) and its length in bytes; U+FFFD for a
    /// sequence cut off by the end of `bytes`.
    @inline(__always)
    static func scalar(at index: Int, in bytes: Bytes) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        let length = scalarLength(UInt8(lead))
        guard index + length <= bytes.count else { return ("\u{FFFD}", length) }
        func next(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset] & 0x3F) }
        let value: UInt32
        switch length {
        case 2: value = (lead & 0x1F) << 6 | next(1)
        case 3: value = (lead & 0x0F) << 12 | next(1) << 6 | next(2)
        default: value = (lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The scalar ending just before `end`, and its length in bytes.
    static func scalar(endingAt end: Int, in bytes: Bytes) -> (scalar: Unicode.Scalar, length: Int) {
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return (scalar(at: start, in: bytes).scalar, end - start)
    }
}
