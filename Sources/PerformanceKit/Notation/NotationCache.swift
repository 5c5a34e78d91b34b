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
            let slot = Int(truncatingIfNeeded: NotationCache.hash(base, count)) & (slots - 1)
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

    /// A hash of `count` bytes (at least 1), eight at a time: each word (the last one overlapping the one before,
    /// as ``memcmpEqual(_:_:_:)`` reads them; under eight bytes, two overlapping halves or the bytes themselves)
    /// multiplied in, and the result folded and multiplied once more, so that its low bits, the slot, depend on
    /// every byte (a product's low bits depend only on its factors' low bits). A key is compared in full after its
    /// slot is found, so the hash decides only which keys share a slot.
    @inline(__always)
    static func hash(_ base: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        @inline(__always) func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
            (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        }
        @inline(__always) func finish(_ hash: UInt64) -> UInt64 {
            let product = (hash ^ hash >> 32) &* 0x9E37_79B9_7F4A_7C15
            return product ^ product >> 32
        }
        let raw = UnsafeRawPointer(base)
        var hash = UInt64(truncatingIfNeeded: count)
        if count >= 8 {
            var index = 0
            while index + 8 < count {
                hash = mix(hash, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                index += 8
            }
            return finish(mix(hash, raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)))
        }
        if count >= 4 {
            let low = UInt64(raw.loadUnaligned(as: UInt32.self))
            let high = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return finish(mix(hash, low | high << 32))
        }
        var word: UInt64 = 0
        for index in 0..<count { word = word << 8 | UInt64(base[index]) }
        return finish(mix(hash, word))
    }

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
        try targets.value(of: bytes) { (bytes) throws(NotationError) in try Target(reading: bytes) }
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

extension NotationCache.Target {
    /// Reads a target's bytes (``IndicatorValueParser``), and tells whether they may be a deadline: what the cache
    /// keeps, and what the rule reads when there is no cache.
    init(reading bytes: UnsafeBufferPointer<UInt8>) throws(NotationError) {
        self.init(value: try IndicatorValueParser.parse(bytes), mayBeDeadlineOrOnTime: Deadline.mayBeDeadlineOrOnTime(bytes))
    }
}
