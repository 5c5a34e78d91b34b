/// The bytes an evaluation's texts were read from, shared by every row read from them.
///
/// A row read from a file keeps its texts (name, target, actual, unit, reason, …) as places in these bytes instead
/// of strings of their own: reading a table then makes no string for any cell, and a row is copied and let go of
/// without counting a reference per text. A string is made when one is asked for (``Indicator/name``), and the
/// scorer and the JSON writer read the bytes in place (``CellText``).
///
/// The file's bytes are kept as they are; a string that carried escapes (`\n`, `\"`) is kept unescaped after them,
/// in ``unescaped``. Written only while the file is read, before any row is handed out; read-only after.
final class TextStore: @unchecked Sendable {
    /// The file's UTF-8 bytes, as read (already checked to be UTF-8): a copy in memory the store owns, or the
    /// caller's bytes in place (``init(inPlace:)``). A text is read from them without counting a reference to an
    /// array, as reading a stored array would, several times a row.
    private let source: UnsafeMutableBufferPointer<UInt8>
    /// Whether `source` is the store's own copy, freed with it.
    private let ownsSource: Bool
    /// The unescaped bytes of the strings that carried escapes, one after another (written by the reader's thread
    /// alone, before the store is shared).
    @exclusivity(unchecked) private(set) var unescaped: [UInt8] = []

    /// A store over a copy of a file's bytes.
    init(source bytes: UnsafeBufferPointer<UInt8>) {
        source = UnsafeMutableBufferPointer.allocate(capacity: bytes.count)
        _ = source.initialize(from: bytes)
        ownsSource = true
    }

    /// A store over `bytes` where they stand, not copied: whoever makes it keeps them alive and unchanged for as
    /// long as any row read from them is in use. A batch does, whose lines outlive the score card made of each
    /// (the card is read and let go of before the line's piece is); copying every line, a few kilobytes each, had
    /// cost as much time as any single step of scoring.
    init(inPlace bytes: UnsafeBufferPointer<UInt8>) {
        source = UnsafeMutableBufferPointer(mutating: bytes)
        ownsSource = false
    }

    deinit {
        if ownsSource { source.deallocate() }
    }

    /// Keeps the unescaped bytes of a string, which `write` appends in place, and returns their place and count.
    /// Only while the file is read.
    func appendingUnescaped<Failure: Error>(_ write: (inout [UInt8]) throws(Failure) -> Void) throws(Failure) -> (text: CellText, count: Int) {
        // Room at once for the strings with escapes that a file holds (reasons with quotes and line breaks), rather
        // than growing the array by doubling from a few bytes, a copy each time.
        if unescaped.capacity == 0 { unescaped.reserveCapacity(min(max(256, source.count / 4), 1 << 16)) }
        let start = unescaped.count
        try write(&unescaped)
        return (CellText(unescapedAt: start, count: unescaped.count - start), unescaped.count - start)
    }

    /// Runs `body` over the bytes of a stored text.
    @inline(__always)
    func withBytes<Result, Failure: Error>(start: Int, count: Int, inUnescaped: Bool,
                                           _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result) throws(Failure) -> Result {
        // Each array read where it stands: choosing one by a conditional expression copies it (a reference
        // counted in and out for every text read).
        if inUnescaped {
            return try unescaped.withUnsafeBufferPointer { (buffer) throws(Failure) -> Result in
                try body(UnsafeBufferPointer(rebasing: buffer[start..<(start + count)]))
            }
        }
        return try body(UnsafeBufferPointer(rebasing: source[start..<(start + count)]))
    }
}

/// One text of a row: a place in the bytes of the file it was read from (``TextStore``), or a string given in code.
///
/// A stored text holds no reference of its own (its store is held once by the row), so that rows are built,
/// copied and let go of without counting references per text.
struct CellText: Sendable {
    private enum Storage: Sendable {
        /// `count` bytes at `start` of the store's source, or of its unescaped bytes when `unescaped`.
        case stored(start: UInt32, count: UInt32, unescaped: Bool)
        /// A string given in code (``Indicator/init(category:subcategory:name:unit:weight:target:actual:direction:judgement:score:deduction:reason:parts:aggregation:published:previous:basis:goal:)``, a setter).
        case string(String)
    }

    private var storage: Storage

    /// A text given as a string.
    init(_ string: String) {
        storage = .string(string)
    }

    /// The text at a place of a file's bytes.
    init(sourceAt start: Int, count: Int) {
        storage = .stored(start: UInt32(start), count: UInt32(count), unescaped: false)
    }

    fileprivate init(unescapedAt start: Int, count: Int) {
        storage = .stored(start: UInt32(start), count: UInt32(count), unescaped: true)
    }

    /// The text as a string, its bytes read from `store` when it is stored there.
    func string(in store: TextStore?) -> String {
        switch storage {
        case .string(let string):
            return string
        case .stored(let start, let count, let unescaped):
            guard let store else { return "" }
            return store.withBytes(start: Int(start), count: Int(count), inUnescaped: unescaped) {
                String(decoding: $0, as: UTF8.self)
            }
        }
    }

    /// Runs `body` over the text's UTF-8 bytes, in place wherever they are.
    @inline(__always)
    func withBytes<Result, Failure: Error>(in store: TextStore?,
                                           _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result) throws(Failure) -> Result {
        switch storage {
        case .string(let string):
            return try string.withBytes(body)
        case .stored(let start, let count, let unescaped):
            guard let store else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
            return try store.withBytes(start: Int(start), count: Int(count), inUnescaped: unescaped, body)
        }
    }
}

/// A text of a row where the row keeps it (``CellText`` and its store): written from its bytes in place, made a
/// string only when one is asked for. An explanation holds a row's reason this way, so that scoring a row with a
/// reason makes no string of it.
struct StoredText: Sendable {
    let store: TextStore?
    let cell: CellText

    /// The text as a string.
    var string: String {
        cell.string(in: store)
    }

    /// Runs `body` over the text's bytes, in place.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        cell.withBytes(in: store, body)
    }
}
