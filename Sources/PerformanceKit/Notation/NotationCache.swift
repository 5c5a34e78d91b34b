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
    ///
    /// Its memory is the cache's own, allocated once and freed by the cache's `deinit`: a lookup reads the slot's
    /// bytes and value in place, without counting a reference to an array for each (atomic operations, two or three
    /// a lookup, twice a row), and a miss writes them without asking whether an array is shared.
    struct Table<Value> {
        /// The bytes each slot's value was read from, ``longestKey`` bytes a slot, and how many of them there are
        /// (0 for an empty slot); compared in place, so that a lookup copies nothing but the value found.
        private let keys: UnsafeMutablePointer<UInt8>
        private let lengths: UnsafeMutablePointer<UInt8>
        private let values: UnsafeMutablePointer<Value>
        private let slots: Int

        init(slots: Int, empty: Value) {
            keys = .allocate(capacity: slots * NotationCache.longestKey)
            keys.initialize(repeating: 0, count: slots * NotationCache.longestKey)
            lengths = .allocate(capacity: slots)
            lengths.initialize(repeating: 0, count: slots)
            values = .allocate(capacity: slots)
            values.initialize(repeating: empty, count: slots)
            self.slots = slots
        }

        /// Lets go of the values and frees the memory; once, from the cache's `deinit`.
        func deallocate() {
            values.deinitialize(count: slots)
            values.deallocate()
            lengths.deallocate()
            keys.deallocate()
        }

        /// The value of `bytes`: found here when the same bytes were read before, else read by `read` and kept.
        /// `read` must depend on the bytes alone.
        @inline(__always)
        func value<Failure: Error>(of bytes: UnsafeBufferPointer<UInt8>,
                                   read: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Value) throws(Failure) -> Value {
            let count = bytes.count
            guard count > 0, count <= NotationCache.longestKey, let base = bytes.baseAddress else {
                return try read(bytes)
            }
            // FNV-1a over the bytes.
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            let slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & (slots - 1)
            let key = keys + slot * NotationCache.longestKey
            if Int(lengths[slot]) == count, memcmpEqual(key, base, count) { return values[slot] }
            let value = try read(bytes)
            key.update(from: base, count: count)
            lengths[slot] = UInt8(count)
            values[slot] = value
            return value
        }
    }

    /// Texts longer than this are read each time (a long text is seldom repeated, and costs its comparison).
    static let longestKey = 32

    /// A target's value, and whether it may be a deadline (``Deadline/mayBeDeadlineOrOnTime(_:)-(UnsafeBufferPointer<UInt8>)``),
    /// which the rule asks of every row's target before it reads it as a figure.
    struct Target {
        var value: IndicatorValue
        var mayBeDeadlineOrOnTime: Bool
    }

    private let targets: Table<Target>
    private let actuals: Table<IndicatorValue>
    /// Unit columns (计量单位) split into magnitude and unit: a table has a handful of them.
    private let columns: Table<UnitConversion.Column>

    /// An empty cache of `slots` slots (a power of two) for targets and as many for actuals, and a few for unit
    /// columns.
    package init(slots: Int = 512) {
        targets = Table(slots: slots, empty: Target(value: .empty, mayBeDeadlineOrOnTime: false))
        actuals = Table(slots: slots, empty: .empty)
        columns = Table(slots: 64, empty: UnitConversion.Column(magnitude: .one, unit: nil))
    }

    deinit {
        targets.deallocate()
        actuals.deallocate()
        columns.deallocate()
    }

    /// The value of a target's bytes, and whether it may be a deadline.
    func target(of bytes: UnsafeBufferPointer<UInt8>) throws(NotationError) -> Target {
        try targets.value(of: bytes) { (bytes) throws(NotationError) in
            Target(value: try IndicatorValueParser.parse(bytes), mayBeDeadlineOrOnTime: Deadline.mayBeDeadlineOrOnTime(bytes))
        }
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
