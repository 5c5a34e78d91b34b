/// The values of targets already read in one run of a batch, found again by their bytes.
///
/// A batch of tables repeats a few dozen targets (`≥95%`, `100%`, `是`, `7x24小时`) over and over: each is read
/// once (``IndicatorValueParser``) and then found here, by a hash of its bytes and a comparison of them. Reading a value depends on its bytes alone, so a value found here is the
/// one reading would give. A text that cannot be read is not kept (its error is made again), nor is a long one.
///
/// Confined to one thread: each run of ``BatchScorer`` makes its own, and nothing else holds it.
package final class NotationCache: @unchecked Sendable {
    /// One value and the bytes it was read from.
    private struct Entry {
        var key: [UInt8]
        var value: IndicatorValue
    }

    /// A direct-mapped table: a value goes to the slot its bytes' hash picks, replacing what was there. (Confined
    /// to one thread, so no access needs checking at run time.)
    @exclusivity(unchecked) private var entries: [Entry?]
    private let mask: Int
    /// Texts longer than this are read each time (a long text is seldom repeated, and costs its comparison).
    static let longestKey = 32

    /// An empty cache of `slots` slots (a power of two).
    package init(slots: Int = 512) {
        entries = Array(repeating: nil, count: slots)
        mask = slots - 1
    }

    /// The value of `bytes`: found here when the same bytes were read before, else read and kept.
    func value(of bytes: UnsafeBufferPointer<UInt8>) throws(NotationError) -> IndicatorValue {
        guard bytes.count <= Self.longestKey, let base = bytes.baseAddress else {
            return try IndicatorValueParser.parse(bytes)
        }
        // FNV-1a over the bytes.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        if let entry = entries[slot], entry.key.count == bytes.count,
           entry.key.withUnsafeBufferPointer({ memcmpEqual($0.baseAddress, base, bytes.count) }) {
            return entry.value
        }
        let value = try IndicatorValueParser.parse(bytes)
        entries[slot] = Entry(key: Array(bytes), value: value)
        return value
    }
}
