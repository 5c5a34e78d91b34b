/// Text as tables hold it: compared byte for byte, and trimmed of the white space a spreadsheet or a transcriber
/// leaves (ASCII, the ideographic space, no-break spaces).
///
/// Names, units and words in a table are compared as printed, without Unicode normalisation: exact, and free of
/// the normalisation tables that `String ==` and hashing consult for non-ASCII text.
extension String {
    /// Whether both texts are the same UTF-8 bytes.
    @inline(__always)
    func hasSameBytes(as other: String) -> Bool {
        let a = utf8
        let b = other.utf8
        guard a.count == b.count else { return false }
        if let equal = a.withContiguousStorageIfAvailable({ left in
            b.withContiguousStorageIfAvailable { right in
                left.count == 0 || memcmpEqual(left.baseAddress, right.baseAddress, left.count)
            }
        }), let equal { return equal }
        return a.elementsEqual(b)
    }

    /// Whether any scalar of the text is one of `scalars`': a quick test that settles most texts before their
    /// characters are looked at one by one (which breaks them into graphemes and, in a set, normalises each to hash
    /// it). A character equal to one of these is that scalar alone, so a text without any of them has none of them.
    func holdsAnyScalar(of scalars: String) -> Bool {
        let wanted = scalars.unicodeScalars
        return unicodeScalars.contains { wanted.contains($0) }
    }

    /// Whether the text starts with one of `labels`, as `hasPrefix` tells, told by the bytes where the text has one
    /// scalar to a character (``hasOneScalarPerCharacter``, asked once): for labels of the forms (`填报人`, `总分`)
    /// whose characters have no other spelling among those scalars, the same answer without comparing character by
    /// character.
    func startsWithAnyLabel(_ labels: [String]) -> Bool {
        if hasOneScalarPerCharacter { return labels.contains { utf8.startsBytes(with: $0) } }
        return labels.contains { hasPrefix($0) }
    }

    /// The first place at or after `start` where `needle`'s bytes stand in the text's, or `nil`. The bounds are on
    /// scalar boundaries (a UTF-8 sequence starts with a byte no other sequence holds inside); they are on character
    /// boundaries where the text has one scalar to a character (``hasOneScalarPerCharacter``), which is where a
    /// search byte by byte finds what a search character by character would, for a needle whose characters have no
    /// other spelling among those scalars.
    func rangeOfBytes(_ needle: String, from start: String.Index) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return start..<start }
        let bytes = utf8
        var position = start
        while let candidate = bytes[position...].firstIndex(of: first) {
            guard let end = bytes.index(candidate, offsetBy: pattern.count, limitedBy: bytes.endIndex) else { return nil }
            if bytes[candidate..<end].elementsEqual(pattern) { return candidate..<end }
            position = bytes.index(after: candidate)
        }
        return nil
    }

    /// A text of `scalars`, encoded into one buffer (building a text scalar by scalar grows it scalar by scalar).
    init<Scalars: Sequence<Unicode.Scalar>>(scalars: Scalars) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount * 3)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        self.init(decoding: bytes, as: UTF8.self)
    }

    /// Whether every Unicode scalar of the text is a character of its own (an extended grapheme cluster), as in the
    /// Chinese, ASCII and full-width text of the forms: a text that may be worked on scalar by scalar with the same
    /// result as character by character, without breaking it into graphemes. Decided by the scalars' blocks, and
    /// cautiously: `false` for any scalar outside the blocks below, whose characters never join a neighbour
    /// (Latin before the combining marks; general punctuation; letterlike symbols, number forms, arrows,
    /// mathematical and technical symbols, enclosed alphanumerics, shapes and dingbats; CJK punctuation before its
    /// tone marks; CJK ideographs; full-width forms before the half-width sound marks). A CR LF pair is one
    /// character, but only white space is ever dropped from such a text, and both go.
    var hasOneScalarPerCharacter: Bool {
        unicodeScalars.allSatisfy(\.isOfFormText)
    }

    /// Whether the text's bytes equal `bytes`.
    @inline(__always)
    func hasSameBytes(as bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let a = utf8
        guard a.count == bytes.count else { return false }
        return a.withContiguousStorageIfAvailable { left in
            left.count == 0 || memcmpEqual(left.baseAddress, bytes.base.baseAddress.map { $0 + bytes.startIndex }, left.count)
        } ?? a.elementsEqual(bytes)
    }

    /// Feeds the text's bytes to a hasher.
    func hashBytes(into hasher: inout Hasher) {
        if utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            for byte in utf8 { hasher.combine(byte) }
        }
    }

    /// The text without leading and trailing white space (ASCII, ideographic space, no-break spaces and line
    /// breaks: Unicode's White_Space).
    var trimmingWhitespace: String {
        // Told from the first and last bytes: a text that starts and ends with a byte no white space starts or
        // ends with (an ASCII letter or digit, the last byte of a CJK character) is returned as it is.
        // Otherwise the first and last scalars are decoded from the bytes (a String's bytes are valid UTF-8).
        let untouched = withBytes { bytes in
            guard let first = bytes.first, let last = bytes.last else { return true }
            if !Self.mayBeWhitespace(first: first) && !Self.mayBeWhitespace(last: last) { return true }
            return !UTF8Bytes.scalar(at: 0, in: bytes).scalar.isTableWhitespace
                && !UTF8Bytes.scalar(endingAt: bytes.count, in: bytes).scalar.isTableWhitespace
        }
        if untouched { return self }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last, first.isTableWhitespace || last.isTableWhitespace else { return self }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].isTableWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].isTableWhitespace { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    /// Runs `body` over the text's UTF-8 bytes: in place for a native string (they are contiguous), else a copy.
    /// What `body` throws is thrown as it is.
    @inline(__always)
    func withBytes<Result, Failure: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result) throws(Failure) -> Result {
        // `withContiguousStorageIfAvailable` only rethrows untyped errors: the error is carried out by hand.
        var failure: Failure?
        let inPlace = utf8.withContiguousStorageIfAvailable { bytes -> Result? in
            do throws(Failure) { return try body(bytes) } catch { failure = error; return nil }
        }
        if let failure { throw failure }
        if let inPlace { return inPlace! }
        return try Array(utf8).withUnsafeBufferPointer(body)
    }

    /// Whether a text starting with `byte` may start with white space: an ASCII control or space, or the lead byte
    /// of U+0085 / U+00A0 (C2), U+1680 (E1), U+2000–U+205F (E2), U+3000 (E3).
    @inline(__always)
    static func mayBeWhitespace(first byte: UInt8) -> Bool {
        byte <= 0x20 || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3
    }

    /// Whether a text ending with `byte` may end with white space: an ASCII control or space, or the last byte of
    /// one of the white-space scalars above (85, A0, 80, 80–8A, A8, A9, AF, 9F).
    @inline(__always)
    static func mayBeWhitespace(last byte: UInt8) -> Bool {
        byte <= 0x20 || byte == 0x85 || byte == 0xA0 || (0x80...0x8A).contains(byte) || byte == 0xA8 || byte == 0xA9
            || byte == 0xAF || byte == 0x9F
    }

    /// Whether the text is empty or white space only.
    var isBlank: Bool {
        unicodeScalars.allSatisfy(\.isTableWhitespace)
    }
}

/// `memcmp(a, b, count) == 0` without importing the C library into the model.
///
/// Eight bytes at a time, the last eight overlapping the ones before (a key or a name of 9 to 16 bytes is two
/// loads a side); four at a time, overlapping, for 4 to 7 bytes; byte by byte below.
@inline(__always)
func memcmpEqual(_ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
    guard let a, let b else { return count == 0 }
    @inline(__always) func word(_ pointer: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UnsafeRawPointer(pointer + offset).loadUnaligned(as: UInt64.self)
    }
    @inline(__always) func half(_ pointer: UnsafePointer<UInt8>, _ offset: Int) -> UInt32 {
        UnsafeRawPointer(pointer + offset).loadUnaligned(as: UInt32.self)
    }
    if count >= 8 {
        var index = 0
        while index + 8 < count {
            if word(a, index) != word(b, index) { return false }
            index += 8
        }
        return word(a, count - 8) == word(b, count - 8)
    }
    if count >= 4 {
        return half(a, 0) == half(b, 0) && half(a, count - 4) == half(b, count - 4)
    }
    var index = 0
    while index < count {
        if a[index] != b[index] { return false }
        index += 1
    }
    return true
}

extension Unicode.Scalar {
    /// Unicode's White_Space property, from its table (U+0009–000D, U+0020, U+0085, U+00A0, U+1680, U+2000–200A,
    /// U+2028, U+2029, U+202F, U+205F, U+3000), without the property lookup: the property `Character.isWhitespace`
    /// asks of a character's first scalar, fixed since Unicode 6.3.
    @inline(__always)
    var isTableWhitespace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}

/// A few words (achievement words, classes of text), found by their bytes.
struct WordList: Sendable, Equatable {
    var words: [String]

    init(_ words: some Sequence<String>) {
        self.words = Array(words)
    }

    func contains(_ text: String) -> Bool {
        words.contains { $0.hasSameBytes(as: text) }
    }
}

extension String.UTF8View {
    /// Whether the bytes start with `prefix`'s bytes (compared in place when both are contiguous, as native
    /// strings are).
    func startsBytes(with prefix: String) -> Bool {
        let head = prefix.utf8
        guard head.count <= count else { return false }
        if let found = withContiguousStorageIfAvailable({ bytes in
            head.withContiguousStorageIfAvailable { head in memcmpEqual(bytes.baseAddress, head.baseAddress, head.count) }
        }), let found { return found }
        return starts(with: head)
    }

    /// Whether the bytes end with `suffix`'s bytes.
    func endsBytes(with suffix: String) -> Bool {
        let tail = suffix.utf8
        guard tail.count <= count else { return false }
        return self[index(endIndex, offsetBy: -tail.count)...].elementsEqual(tail)
    }

    /// Whether `needle`'s bytes stand anywhere in these bytes.
    func containsBytes(of needle: String) -> Bool {
        let pattern = needle.utf8
        guard !pattern.isEmpty else { return true }
        guard pattern.count <= count else { return false }
        // In place, without copying either side, when both are contiguous (native strings are).
        if let found = withContiguousStorageIfAvailable({ haystack in
            pattern.withContiguousStorageIfAvailable { pattern -> Bool in
                guard let base = haystack.baseAddress, let first = pattern.first else { return false }
                var index = 0
                while index + pattern.count <= haystack.count {
                    if haystack[index] == first, memcmpEqual(base + index, pattern.baseAddress, pattern.count) { return true }
                    index += 1
                }
                return false
            }
        }), let found {
            return found
        }
        let haystack = Array(self)
        let bytes = Array(pattern)
        var index = 0
        while index + bytes.count <= haystack.count {
            if haystack[index..<(index + bytes.count)].elementsEqual(bytes) { return true }
            index += 1
        }
        return false
    }
}

extension Unicode.Scalar {
    /// Whether the scalar is of the blocks whose characters never join a neighbour (``Swift/String/hasOneScalarPerCharacter``):
    /// next to another such scalar, each is a character of its own (CR before LF aside).
    var isOfFormText: Bool {
        switch value {
        case 0..<0x300, 0x2010...0x205E, 0x2100...0x27BF, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xFF01...0xFF9D:
            return true
        default:
            return false
        }
    }
}
