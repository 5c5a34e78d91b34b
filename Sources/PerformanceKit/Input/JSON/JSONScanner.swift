/// Reads JSON text one token at a time, straight from its bytes, without losing a digit.
///
/// The one JSON reader of the library: the evaluation reader pulls values from it field by field into the model
/// (no tree in between), and ``readTree()`` builds a ``JSONValue`` for the small documents that want one (rule
/// profiles). Numbers are handed over as the byte range of their literal, so that they become exact decimals;
/// strings without escapes become `String`s in one copy; nesting is bounded; every syntax error says what was
/// expected, what was found and where.
struct JSONScanner {
    /// The deepest nesting of arrays and objects accepted; deeper input is refused instead of exhausting the stack.
    static let maximumDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int
    let end: Int
    /// What messages call `end`: `the end of the file`, or `the end of the line` for a line of JSON Lines.
    let endName: String

    /// A scanner over `bytes` from `start` to `end` (the buffer's end when `nil`); the buffer must outlive the
    /// scanner. Locations count lines and columns from the buffer's start, whatever part is scanned.
    init(_ bytes: UnsafeBufferPointer<UInt8>, start: Int = 0, end: Int? = nil, endName: String = "the end of the file") {
        self.bytes = bytes
        self.index = start
        self.end = end ?? bytes.count
        self.endName = endName
    }

    typealias Problem = EvaluationFileError.Problem

    // MARK: - Whole documents

    /// Checks the bytes are UTF-8, skips a byte-order mark, and runs `body` on a scanner at the first token;
    /// after `body`, only white space may follow.
    static func document<Result>(_ bytes: [UInt8], _ body: (inout JSONScanner) throws(Problem) -> Result)
        throws(EvaluationFileError) -> Result {
        try bytes.withUnsafeBufferPointer { (buffer) throws(EvaluationFileError) -> Result in try document(buffer, body) }
    }

    /// ``document(_:_:)-([UInt8],_)`` over bytes in place: a file's, or a line of JSON Lines handed over on its own
    /// (`endName` the end of the line), which starts the file, and may begin with a byte-order mark, only when it is
    /// the first (`startsTheFile`).
    static func document<Result>(_ buffer: UnsafeBufferPointer<UInt8>, endName: String = "the end of the file", startsTheFile: Bool = true,
                                 _ body: (inout JSONScanner) throws(Problem) -> Result) throws(EvaluationFileError) -> Result {
        if let bad = UTF8Validation.firstInvalidOffset(in: buffer) {
            throw EvaluationFileError(problems: [.notUTF8(byteOffset: bad, location: TextLocation(offset: bad, in: buffer))])
        }
        var scanner = JSONScanner(buffer, start: 0, end: buffer.count, endName: endName)
        if startsTheFile, buffer.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index = 3 }
        do throws(Problem) {
            scanner.skipWhitespace()
            let value = try body(&scanner)
            let afterValue = scanner.index
            scanner.skipWhitespace()
            if scanner.index < scanner.end {
                // A second object on a line of its own: most likely JSON Lines under another name.
                let onNewLine = scanner.current == UInt8(ascii: "{") && buffer[afterValue..<scanner.index].contains(0x0A)
                throw scanner.syntaxError(expected: onNewLine
                    ? "\(scanner.endName) (one evaluation per line is JSON Lines: name the file .jsonl, or read it with --input jsonl or --jsonl)"
                    : scanner.endName)
            }
            return value
        } catch {
            throw EvaluationFileError(problems: [error])
        }
    }

    // MARK: - Tokens

    @inline(__always)
    mutating func skipWhitespace() {
        while index < end {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// The byte at the cursor, or `nil` at the end.
    @inline(__always)
    var current: UInt8? {
        index < end ? bytes[index] : nil
    }

    func location(_ offset: Int) -> TextLocation {
        TextLocation(offset: offset, in: bytes)
    }

    func syntaxError(expected: String) -> Problem {
        .syntax(expected: expected, found: foundDescription, location: location(index))
    }

    var foundDescription: String {
        guard index < end else { return endName }
        var stop = index + 1
        while stop < end, bytes[stop] & 0xC0 == 0x80 { stop += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<stop]), as: UTF8.self)
        switch text {
        case "\n": return "a line break"
        case "\t": return "a tab"
        default: return "'\(text)'"
        }
    }

    /// Consumes `byte` after white space, or throws.
    @inline(__always)
    mutating func expect(_ byte: UInt8, _ expected: @autoclosure () -> String) throws(Problem) {
        skipWhitespace()
        guard index < end, bytes[index] == byte else { throw syntaxError(expected: expected()) }
        index += 1
    }

    /// After a member or an element: `true` when another follows (a `,` was read), `false` at `close`.
    @inline(__always)
    mutating func nextAfterItem(close: UInt8) throws(Problem) -> Bool {
        skipWhitespace()
        guard index < end else { throw syntaxError(expected: close == UInt8(ascii: "}") ? "',' or '}'" : "',' or ']'") }
        if bytes[index] == UInt8(ascii: ",") {
            index += 1
            return true
        }
        if bytes[index] == close {
            index += 1
            return false
        }
        throw syntaxError(expected: close == UInt8(ascii: "}") ? "',' or '}'" : "',' or ']'")
    }

    /// After `{` or `[`: `true` when the container is empty (its closing bracket was read).
    @inline(__always)
    mutating func closesAtOnce(_ close: UInt8) -> Bool {
        skipWhitespace()
        if index < end, bytes[index] == close {
            index += 1
            return true
        }
        return false
    }

    /// Reads `"key":` and returns the key's bytes and where its quote stands.
    @inline(__always)
    mutating func readKey() throws(Problem) -> (key: Slice<UnsafeBufferPointer<UInt8>>, offset: Int, escaped: String?) {
        skipWhitespace()
        guard index < end, bytes[index] == UInt8(ascii: "\"") else { throw syntaxError(expected: "a key in double quotes") }
        let offset = index
        let (range, escaped) = try readStringRange()
        skipWhitespace()
        guard index < end, bytes[index] == UInt8(ascii: ":") else {
            throw syntaxError(expected: "':' after the key \"\((escaped ?? text(range)).truncatedForMessage)\"")
        }
        index += 1
        return (bytes[range], offset, escaped)
    }

    /// Checks the nesting depth before entering an object or an array at `depth`.
    func checkDepth(_ depth: Int) throws(Problem) {
        guard depth <= Self.maximumDepth else {
            throw .nestingTooDeep(limit: Self.maximumDepth, location: location(index))
        }
    }

    // MARK: - Strings

    /// Reads a string at the cursor (which stands on its opening quote).
    mutating func readString() throws(Problem) -> String {
        let (range, escaped) = try readStringRange()
        if let escaped { return escaped }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Reads a string at the cursor: the byte range of its contents when it has no escapes, else the unescaped text.
    @inline(__always)
    mutating func readStringRange() throws(Problem) -> (range: Range<Int>, escaped: String?) {
        let (range, unescaped) = try readStringBytes()
        return (range, unescaped.map { String(decoding: $0, as: UTF8.self) })
    }

    /// Reads a string at the cursor (on its opening quote) for its bytes: the range of its contents when it has no
    /// escapes, else its unescaped bytes.
    @inline(__always)
    mutating func readStringBytes() throws(Problem) -> (range: Range<Int>, unescaped: [UInt8]?) {
        var unescaped: [UInt8] = []
        let (range, escaped) = try readStringBytes(unescapingInto: &unescaped)
        return (range, escaped ? unescaped : nil)
    }

    /// Reads a string at the cursor (on its opening quote) for its bytes: the range of its contents, and whether it
    /// carries escapes, when its unescaped bytes are appended to `unescaped` (a reader's buffer of them, which
    /// grows once for many strings).
    @inline(__always)
    mutating func readStringBytes(unescapingInto unescaped: inout [UInt8]) throws(Problem) -> (range: Range<Int>, escaped: Bool) {
        index += 1  // opening quote
        let start = index
        skipToSpecialByte()
        if index < end, bytes[index] == UInt8(ascii: "\"") {
            index += 1
            return (start..<(index - 1), false)
        }
        try appendEscapedBytes(from: start, to: &unescaped)
        return (start..<(index - 1), true)
    }

    /// Appends to `pieces` the unescaped bytes of a string whose plain bytes from `start` end at the cursor on a
    /// backslash, a control character or the end of the input; the cursor after its closing quote.
    @inline(never)
    mutating func appendEscapedBytes(from start: Int, to pieces: inout [UInt8]) throws(Problem) {
        guard index < end else { throw syntaxError(expected: "a closing '\"'") }
        // Escapes: unescape from here on, a run of plain bytes at a time.
        pieces.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return
            }
            if byte < 0x20 {
                throw syntaxError(expected: "a closing '\"' (control characters must be escaped inside strings)")
            }
            index += 1  // a backslash
            try readEscape(into: &pieces)
            let run = index
            skipToSpecialByte()
            pieces.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
        }
        throw syntaxError(expected: "a closing '\"'")
    }

    /// Moves the cursor to the next quote, backslash or control character inside a string (the bytes that end
    /// a run of plain bytes); to the end when there is none.
    @inline(__always)
    mutating func skipToSpecialByte() {
        index = Self.firstSpecialByte(in: bytes, from: index)
    }

    /// The offset of the first quote, backslash or control character in `bytes` from `start`, eight bytes at a
    /// time; `bytes.count` when there is none. The scanner finds a string's end with it, the writer what to escape.
    @inline(__always)
    static func firstSpecialByte(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let end = bytes.count
        if let base = bytes.baseAddress {
            while index + 8 <= end {
                let special = specialBytes(UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)))
                if special != 0 { return index + firstSpecialOffset(special) }
                index += 8
            }
        }
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return index }
            index += 1
        }
        return end
    }

    /// The high bit of each of the eight bytes of `word` (read little-endian: the first byte lowest) that is `"`,
    /// `\` or below 0x20, the bytes a string's end or escape needs; zero when there is none.
    ///
    /// Each test is the classic "has a zero byte" test, `(v − 0x01…01) & ~v & 0x80…80`: a borrow runs only upwards
    /// from a byte that matched, so a bit above the lowest match may be false, but the lowest set bit is always the
    /// first matching byte (``firstSpecialOffset(_:)``).
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let quote = zeroBytes(word ^ (ones &* 0x22))
        let backslash = zeroBytes(word ^ (ones &* 0x5C))
        // A byte below 0x20: (byte − 0x20) borrows into its high bit while the byte's own high bit is clear.
        let control = (word &- ones &* 0x20) & ~word & highs
        return quote | backslash | control
    }

    /// The offset in its word of the first byte that ``specialBytes(_:)`` marked (`special` must not be zero).
    @inline(__always)
    static func firstSpecialOffset(_ special: UInt64) -> Int {
        special.trailingZeroBitCount >> 3
    }

    mutating func readEscape(into pieces: inout [UInt8]) throws(Problem) {
        guard index < end else { throw syntaxError(expected: "an escape after '\\'") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): pieces.append(0x22)
        case UInt8(ascii: "\\"): pieces.append(0x5C)
        case UInt8(ascii: "/"): pieces.append(0x2F)
        case UInt8(ascii: "b"): pieces.append(0x08)
        case UInt8(ascii: "f"): pieces.append(0x0C)
        case UInt8(ascii: "n"): pieces.append(0x0A)
        case UInt8(ascii: "r"): pieces.append(0x0D)
        case UInt8(ascii: "t"): pieces.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard index + 1 < end, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { throw syntaxError(expected: "the low half of a surrogate pair (\\uDC00-\\uDFFF)") }
                index += 2
                let low = try readHex4()
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw syntaxError(expected: "the low half of a surrogate pair (\\uDC00-\\uDFFF)")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else {
                throw syntaxError(expected: "a Unicode scalar (a lone surrogate cannot stand alone)")
            }
            pieces.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
            index -= 1
            throw syntaxError(expected: "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u")
        }
    }

    mutating func readHex4() throws(Problem) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < end else { throw syntaxError(expected: "four hexadecimal digits after \\u") }
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw syntaxError(expected: "four hexadecimal digits after \\u")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    // MARK: - Numbers and keywords

    /// Reads a number literal at the cursor and returns its byte range.
    mutating func readNumber() throws(Problem) -> Range<Int> {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < end, isDigit(bytes[index]) else { throw syntaxError(expected: "a digit") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < end, isDigit(bytes[index]) {
                throw syntaxError(expected: "'.' or the end of the number (JSON numbers have no leading zeros)")
            }
        } else {
            skipDigits()
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < end, isDigit(bytes[index]) else { throw syntaxError(expected: "a digit after '.'") }
            skipDigits()
        }
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < end, isDigit(bytes[index]) else { throw syntaxError(expected: "a digit in the exponent") }
            skipDigits()
        }
        return start..<index
    }

    /// The text of a range (a number's literal, a key).
    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    @inline(__always)
    func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    @inline(__always)
    mutating func skipDigits() {
        while index < end, isDigit(bytes[index]) { index += 1 }
    }

    mutating func readKeyword(_ word: StaticString) throws(Problem) {
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { expected in
            index + count <= end && bytes[index..<index + count].elementsEqual(expected)
        }
        guard matches else { throw syntaxError(expected: "a value") }
        index += count
    }

    // MARK: - Any value

    /// Reads the value at the cursor whole, checking it as ``skipValue(depth:)`` does, without describing it: what
    /// passing over a value nobody reads costs (a `source` object, an unknown field's value, the members inside a
    /// value described as a whole).
    mutating func skip(depth: Int) throws(Problem) {
        skipWhitespace()
        guard index < end else { throw syntaxError(expected: "a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            try checkDepth(depth + 1)
            index += 1
            if !closesAtOnce(UInt8(ascii: "}")) {
                repeat {
                    _ = try readKey()
                    try skip(depth: depth + 1)
                } while try nextAfterItem(close: UInt8(ascii: "}"))
            }
        case UInt8(ascii: "["):
            try checkDepth(depth + 1)
            index += 1
            if !closesAtOnce(UInt8(ascii: "]")) {
                repeat {
                    try skip(depth: depth + 1)
                } while try nextAfterItem(close: UInt8(ascii: "]"))
            }
        case UInt8(ascii: "\""): _ = try readStringBytes()
        case UInt8(ascii: "t"): try readKeyword("true")
        case UInt8(ascii: "f"): try readKeyword("false")
        case UInt8(ascii: "n"): try readKeyword("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try readNumber()
        default: throw syntaxError(expected: "a value (an object, array, string, number, true, false or null)")
        }
    }

    /// What kind of value starts at the cursor, as messages name it, after reading it whole: `the number 7`,
    /// `the string "七"`, `an array`, `an object`, `true`, `null`.
    mutating func skipValue(depth: Int) throws(Problem) -> String {
        skipWhitespace()
        guard index < end else { throw syntaxError(expected: "a value") }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return "the string \"\(try readString().truncatedForMessage)\""
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "the number \(text(try readNumber()))"
        case let first:
            try skip(depth: depth)
            switch first {
            case UInt8(ascii: "{"): return "an object"
            case UInt8(ascii: "["): return "an array"
            case UInt8(ascii: "t"): return "true"
            case UInt8(ascii: "f"): return "false"
            default: return "null"
            }
        }
    }

    /// Reads any value into a tree (rule profiles and other small documents).
    mutating func readTree(depth: Int = 0) throws(Problem) -> JSONValue {
        skipWhitespace()
        guard index < end else { throw syntaxError(expected: "a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            try checkDepth(depth + 1)
            index += 1
            var members: [JSONValue.Member] = []
            if !closesAtOnce(UInt8(ascii: "}")) {
                repeat {
                    let key = try readKey()
                    let name = key.escaped ?? String(decoding: UnsafeBufferPointer(rebasing: key.key), as: UTF8.self)
                    members.append(JSONValue.Member(key: name, value: try readTree(depth: depth + 1), offset: key.offset))
                } while try nextAfterItem(close: UInt8(ascii: "}"))
            }
            return .object(members)
        case UInt8(ascii: "["):
            try checkDepth(depth + 1)
            index += 1
            var elements: [JSONValue] = []
            if !closesAtOnce(UInt8(ascii: "]")) {
                repeat {
                    elements.append(try readTree(depth: depth + 1))
                } while try nextAfterItem(close: UInt8(ascii: "]"))
            }
            return .array(elements)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try readKeyword("true"); return .bool(true)
        case UInt8(ascii: "f"): try readKeyword("false"); return .bool(false)
        case UInt8(ascii: "n"): try readKeyword("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(text(try readNumber()))
        default: throw syntaxError(expected: "a value (an object, array, string, number, true, false or null)")
        }
    }
}

extension TextLocation {
    /// The line and column (in characters) of a byte offset in UTF-8 text held in a buffer.
    init(offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var column = 1
        for byte in bytes[0..<end] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.init(line: line, column: column)
    }
}

/// Finds the first byte that breaks UTF-8, so that the error can point at it.
///
/// Sixteen bytes at a time while they are valid (``wrongBytes(_:at:)``), one scalar at a time from where a block
/// is not (to name the byte) and for the last bytes.
enum UTF8Validation {
    typealias Block = SIMD16<UInt8>

    /// The offset of the first byte at which no valid scalar starts (the lead of a short or malformed sequence, a
    /// stray continuation byte), or `nil` when all of `buffer` is UTF-8.
    static func firstInvalidOffset(in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = buffer.count
        guard let base = buffer.baseAddress else { return nil }
        // Blocks look three bytes back, so they start at a scalar's start from offset 3; after a block that
        // fails, the scalars up to its end are read one at a time, to name the byte.
        var blocksFrom = 3
        while index < count {
            if index >= blocksFrom, index + Block.scalarCount <= count {
                var stop = index
                // Two blocks at a time, their wrong bytes gathered once; then one, which also finds the block of
                // a pair that failed.
                while stop + 2 * Block.scalarCount <= count,
                      isNoneSet(wrongBytes(base, at: stop) | wrongBytes(base, at: stop + Block.scalarCount)) {
                    stop += 2 * Block.scalarCount
                }
                while stop + Block.scalarCount <= count, isNoneSet(wrongBytes(base, at: stop)) { stop += Block.scalarCount }
                blocksFrom = stop + Block.scalarCount
                if stop > index {
                    // Resume at the start of the last scalar that starts before `stop`: every byte before it
                    // is a whole scalar, and the scalar itself may go on into the block not yet checked.
                    index = stop - 1
                    while base[index] & 0xC0 == 0x80 { index -= 1 }
                }
            }
            let lead = buffer[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // Continuation bytes are 10xxxxxx; the second byte's range rules out overlong forms, surrogates
            // and scalars above U+10FFFF.
            @inline(__always) func continuation(_ offset: Int) -> Bool { buffer[index + offset] & 0xC0 == 0x80 }
            let length: Int
            switch lead {
            case 0xC2...0xDF:
                guard index + 2 <= count, continuation(1) else { return index }
                length = 2
            case 0xE0...0xEF:
                guard index + 3 <= count, continuation(1), continuation(2) else { return index }
                let second = buffer[index + 1]
                if lead == 0xE0, second < 0xA0 { return index }
                if lead == 0xED, second > 0x9F { return index }
                length = 3
            case 0xF0...0xF4:
                guard index + 4 <= count, continuation(1), continuation(2), continuation(3) else { return index }
                let second = buffer[index + 1]
                if lead == 0xF0, second < 0x90 { return index }
                if lead == 0xF4, second > 0x8F { return index }
                length = 4
            default:
                return index
            }
            index += length
        }
        return nil
    }

    /// Above 0 at each of the sixteen bytes at `offset` (at least 3, the three bytes before it whole scalars or the
    /// start of one) that breaks the rules of UTF-8, every byte checked against the three before it at once:
    ///
    /// - a byte is a continuation byte (10xxxxxx) exactly when the byte before it is a lead byte (≥ C0), or the one
    ///   two before starts a three- or four-byte scalar (≥ E0), or the one three before starts a four-byte scalar
    ///   (≥ F0);
    /// - C0, C1 and F5–FF never occur (they begin only overlong forms or scalars above U+10FFFF);
    /// - after E0 comes A0–BF (not an overlong form), after ED 80–9F (not a surrogate), after F0 90–BF (not an
    ///   overlong form), after F4 80–8F (not above U+10FFFF).
    ///
    /// Together these are the whole definition of UTF-8 (RFC 3629 §4) for the bytes of the block; a scalar that
    /// begins in the block and ends after it is checked by the next block, or byte by byte at the end.
    ///
    /// "At least" is a subtraction that stops at 0 (`max(x, c) − c`, one instruction on most machines): it is
    /// above 0 exactly where `x > c`. A continuation byte, read as a signed byte, is below −64.
    @inline(__always)
    static func wrongBytes(_ base: UnsafePointer<UInt8>, at offset: Int) -> Block {
        let raw = UnsafeRawPointer(base + offset)
        let current = raw.loadUnaligned(as: Block.self)
        let back1 = raw.loadUnaligned(fromByteOffset: -1, as: Block.self)
        let back2 = raw.loadUnaligned(fromByteOffset: -2, as: Block.self)
        let back3 = raw.loadUnaligned(fromByteOffset: -3, as: Block.self)
        // Above 0 where the byte must be a continuation byte: one before ≥ C0, two before ≥ E0, three before ≥ F0.
        let needsContinuation = above(back1, 0xBF) | above(back2, 0xDF) | above(back3, 0xEF)
        let isContinuation = unsafeBitCast(current, to: SIMD16<Int8>.self) .< SIMD16<Int8>(repeating: -64)
        // Above 0 where a byte is wrong: "is a continuation byte" and "needs none" agree; C0 or C1; above F4. Kept
        // as bytes, not as a mask: a mask carried past the branch below was taken apart lane by lane at the end.
        var bad = bytes(isContinuation .== (needsContinuation .== Block(repeating: 0)))
            | bytes(current & Block(repeating: 0xFE) .== Block(repeating: 0xC0)) | above(current, 0xF4)
        // The second bytes after E0, ED, F0 and F4 are checked only where such a lead stands: the leads of Chinese
        // text are E3 to E9, so most blocks have none.
        let lead = bytes(back1 .== Block(repeating: 0xE0)) | above(back1, 0xEC)
        if isAnySet(lead .!= Block(repeating: 0)) {
            bad |= bytes((back1 .== Block(repeating: 0xE0)) .& (current .< Block(repeating: 0xA0)))
            bad |= bytes((back1 .== Block(repeating: 0xED)) .& (current .>= Block(repeating: 0xA0)))
            bad |= bytes((back1 .== Block(repeating: 0xF0)) .& (current .< Block(repeating: 0x90)))
            bad |= bytes((back1 .== Block(repeating: 0xF4)) .& (current .>= Block(repeating: 0x90)))
        }
        return bad
    }

    /// Whether no lane of `bytes` is above 0.
    @inline(__always)
    static func isNoneSet(_ bytes: Block) -> Bool {
        !isAnySet(bytes .!= Block(repeating: 0))
    }

    /// A mask's lanes as bytes: FF where set, 0 where not.
    @inline(__always)
    static func bytes(_ mask: SIMDMask<SIMD16<Int8>>) -> Block {
        unsafeBitCast(mask, to: Block.self)
    }

    /// `x − c` where `x > c`, else 0, lane by lane (written so, the compiler makes it one saturating subtraction;
    /// `pointwiseMax` was a call).
    @inline(__always)
    static func above(_ x: Block, _ c: UInt8) -> Block {
        let c = Block(repeating: c)
        return (x &- c) & unsafeBitCast(x .> c, to: Block.self)
    }

    /// Whether any lane of a mask is set: compared with a mask of none, which the compiler makes one instruction
    /// that gathers a bit of each lane (`any(_:)` is a generic call here, and reading the lanes as two words went
    /// through four more instructions).
    @inline(__always)
    static func isAnySet(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
        mask != SIMDMask(repeating: false)
    }
}
