/// A few words (comparator signs and words, magnitude words) found by their UTF-8 bytes at a place in a text.
///
/// The byte at the place picks the words that may stand there, and only those are compared, in the order the
/// list gives them, so that a list written longest first (`>=` before `>`) finds the longest word. A place whose
/// byte starts no word is passed over with one look at a table; no string is made and nothing is counted.
///
/// ```swift
/// let signs = ByteVocabulary([(">=", 1), (">", 2)])
/// signs.match(in: bytes, at: 0)      // (1, 2) for ">=5", (2, 1) for ">5", nil for "5"
/// ```
struct ByteVocabulary<Value: Sendable>: Sendable {
    /// A word: where its bytes stand in ``bytes``, how many there are, and what it means.
    private struct Entry: Sendable {
        var start: Int
        var length: Int
        var value: Value
    }

    /// Every word's bytes, one after another, grouped by first byte.
    private let bytes: [UInt8]
    /// The words grouped by first byte, in the list's order within a group.
    private let entries: [Entry]
    /// For each byte value `b`, the words starting with it are `entries[groups[b]..<groups[b + 1]]`.
    private let groups: [Int]

    /// The words and their meanings, in the order they are to be tried.
    init(_ words: [(String, Value)]) {
        var bytes: [UInt8] = []
        var entries: [Entry] = []
        var groups = [Int](repeating: 0, count: 257)
        for first in 0..<256 {
            groups[first] = entries.count
            for (word, value) in words where word.utf8.first == UInt8(first) {
                entries.append(Entry(start: bytes.count, length: word.utf8.count, value: value))
                bytes.append(contentsOf: word.utf8)
            }
        }
        groups[256] = entries.count
        self.bytes = bytes
        self.entries = entries
        self.groups = groups
    }

    /// Whether some word starts with `byte`.
    @inline(__always)
    func mayStart(with byte: UInt8) -> Bool {
        groups.withUnsafeBufferPointer { $0[Int(byte)] != $0[Int(byte) + 1] }
    }

    /// The first word (in the list's order) that stands at `index` of `text`, with its length in bytes.
    @inline(__always)
    func match(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: Value, length: Int)? {
        guard index < text.count else { return nil }
        return find(in: text, at: index, wholeRest: false)
    }

    /// The word that is all of `text` from `index` to its end (`以上` in `99%以上`), with its length in bytes.
    @inline(__always)
    func matchRest(of text: UnsafeBufferPointer<UInt8>, from index: Int) -> (value: Value, length: Int)? {
        guard index < text.count else { return nil }
        return find(in: text, at: index, wholeRest: true)
    }

    private func find(in text: UnsafeBufferPointer<UInt8>, at index: Int, wholeRest: Bool) -> (value: Value, length: Int)? {
        groups.withUnsafeBufferPointer { groups in
            let first = Int(text[index])
            let lower = groups[first]
            let upper = groups[first + 1]
            guard lower < upper, let base = text.baseAddress else { return nil }
            let rest = text.count - index
            return entries.withUnsafeBufferPointer { entries in
                bytes.withUnsafeBufferPointer { bytes in
                    for position in lower..<upper {
                        let entry = entries[position]
                        guard wholeRest ? entry.length == rest : entry.length <= rest else { continue }
                        if memcmpEqual(base + index, bytes.baseAddress! + entry.start, entry.length) {
                            return (entry.value, entry.length)
                        }
                    }
                    return nil
                }
            }
        }
    }
}
