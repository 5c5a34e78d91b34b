/// The values of targets and actuals already read in one run of a batch, found again by their bytes.
///
/// A batch of tables repeats a few dozen targets (`≥95%`, `100%`, `是`, `7x24小时`) over and over, and a good share
/// of its actuals (`100%`, `完成`, `较好`): each is read once (``IndicatorValueParser``) and then found here, by a
/// hash of its bytes and a comparison of them. Reading a value depends on its bytes alone, so a value found here is
/// the one reading would give. A text that cannot be read is not kept (its error is made again), nor is a long one.
/// Targets and actuals have tables of their own, so that actuals read once (most figures) push out no target; unit
/// columns have a small one, split once into magnitude and unit.
///
/// Confined to one thread: each run of ``BatchScorer`` makes its own, and nothing else holds it.
package final class NotationCache: @unchecked Sendable {
    /// A direct-mapped table: a value goes to the slot its bytes' hash picks, replacing what was there.
    struct Table<Value> {
        /// The bytes each slot's value was read from, ``longestKey`` bytes a slot, and how many of them there are
        /// (0 for an empty slot); compared in place, so that a lookup copies nothing but the value found.
        var keys: [UInt8]
        var lengths: [UInt8]
        var values: [Value]
        let mask: Int

        init(slots: Int, empty: Value) {
            keys = Array(repeating: 0, count: slots * NotationCache.longestKey)
            lengths = Array(repeating: 0, count: slots)
            values = Array(repeating: empty, count: slots)
            mask = slots - 1
        }

        /// The value of `bytes`: found here when the same bytes were read before, else read by `read` and kept.
        /// `read` must depend on the bytes alone.
        @inline(__always)
        mutating func value<Failure: Error>(of bytes: UnsafeBufferPointer<UInt8>,
                                            read: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Value) throws(Failure) -> Value {
            let count = bytes.count
            guard count > 0, count <= NotationCache.longestKey, let base = bytes.baseAddress else {
                return try read(bytes)
            }
            // FNV-1a over the bytes.
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            let slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            let start = slot * NotationCache.longestKey
            let found = lengths.withUnsafeBufferPointer { lengths in
                Int(lengths[slot]) == count && keys.withUnsafeBufferPointer { memcmpEqual($0.baseAddress! + start, base, count) }
            }
            if found { return values[slot] }
            let value = try read(bytes)
            keys.withUnsafeMutableBufferPointer { keys in
                for offset in 0..<count { keys[start + offset] = base[offset] }
            }
            lengths[slot] = UInt8(count)
            values[slot] = value
            return value
        }
    }

    /// Texts longer than this are read each time (a long text is seldom repeated, and costs its comparison).
    static let longestKey = 32

    /// Confined to one thread, so no access needs checking at run time.
    @exclusivity(unchecked) private var targets: Table<IndicatorValue>
    @exclusivity(unchecked) private var actuals: Table<IndicatorValue>
    /// Unit columns (计量单位) split into magnitude and unit: a table has a handful of them.
    @exclusivity(unchecked) private var columns: Table<UnitConversion.Column>

    /// An empty cache of `slots` slots (a power of two) for targets and as many for actuals, and a few for unit
    /// columns.
    package init(slots: Int = 512) {
        targets = Table(slots: slots, empty: .empty)
        actuals = Table(slots: slots, empty: .empty)
        columns = Table(slots: 64, empty: UnitConversion.Column(magnitude: .one, unit: nil))
    }

    /// The value of a target's bytes.
    func target(of bytes: UnsafeBufferPointer<UInt8>) throws(NotationError) -> IndicatorValue {
        try targets.value(of: bytes) { (bytes) throws(NotationError) in try IndicatorValueParser.parse(bytes) }
    }

    /// The value of an actual's bytes.
    func actual(of bytes: UnsafeBufferPointer<UInt8>) throws(NotationError) -> IndicatorValue {
        try actuals.value(of: bytes) { (bytes) throws(NotationError) in try IndicatorValueParser.parse(bytes) }
    }

    /// A unit column's bytes split into magnitude and unit (``UnitConversion/split(column:)``).
    func column(of bytes: UnsafeBufferPointer<UInt8>) -> UnitConversion.Column {
        columns.value(of: bytes) { UnitConversion.split(column: String(decoding: $0, as: UTF8.self)) }
    }
}
