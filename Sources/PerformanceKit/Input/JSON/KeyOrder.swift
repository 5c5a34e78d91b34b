/// The order in which the objects of one kind wrote their keys the last time, so that the reader tries the key it
/// expects next before it looks a key up.
///
/// The rows of one file nearly always write their keys in one order (`category`, `subcategory`, `name`, `target`,
/// …), whatever that order is. ``EvaluationDecoding`` keeps one `KeyOrder` per kind of repeated object (rows, parts)
/// and hands it from each object to the next: a key that follows the key before it as it did last time, or that
/// follows that one (the row left out a field the last row gave), is matched by comparing the sixteen bytes at the
/// cursor with `"key":` (``EvaluationDecoding/KeyTable/endOfKey(_:in:at:)``); only another key is looked up, and
/// learnt.
///
/// A guess only saves work: a key that is not the one expected, or is written another way (escaped, with a space
/// before its colon), is read and looked up as before, so what is read never depends on the order.
///
/// Entry 0 is the key an object begins with; entry `f + 1` the key after field `f`. Each entry is five bits in one
/// of two words, `31` for none, so that an order is two words to copy and no storage to count: 24 entries, for
/// tables of up to 23 fields, and fields numbered below 31; any other is never learnt.
struct KeyOrder {
    private var words: (UInt64, UInt64) = (~0, ~0)

    static let entriesPerWord = 12
    static let capacity = 2 * entriesPerWord
    private static let none: UInt64 = 31

    /// The entry that stands for the position after `field`.
    @inline(__always)
    static func entry(after field: Int) -> Int { field + 1 }

    /// The field that followed `entry` last time, or `nil` when none is known.
    @inline(__always)
    func field(after entry: Int) -> Int? {
        guard entry >= 0, entry < Self.capacity else { return nil }
        let value = entry < Self.entriesPerWord
            ? words.0 >> UInt64(5 &* entry) & 31
            : words.1 >> UInt64(5 &* (entry &- Self.entriesPerWord)) & 31
        return value == Self.none ? nil : Int(value)
    }

    /// Remembers that `field` followed `entry`.
    @inline(__always)
    mutating func learn(_ field: Int, after entry: Int) {
        guard entry >= 0, entry < Self.capacity, field >= 0, field < Int(Self.none) else { return }
        if entry < Self.entriesPerWord {
            let shift = UInt64(5 &* entry)
            words.0 = words.0 & ~(UInt64(31) << shift) | UInt64(field) << shift
        } else {
            let shift = UInt64(5 &* (entry &- Self.entriesPerWord))
            words.1 = words.1 & ~(UInt64(31) << shift) | UInt64(field) << shift
        }
    }
}
