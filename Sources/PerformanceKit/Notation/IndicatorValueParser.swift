/// Reads the notation of FORMAT.md §2 one step at a time: label, comparator, sign, number, magnitude, unit, suffix
/// comparator, compound figures. Each step is one small method.
///
/// The reader walks the text's UTF-8 bytes in place: a value that needs no normalisation (nearly all of them) is
/// read without copying it, and a scalar is decoded only where a decision turns on one that is not ASCII (a
/// comparator sign, a unit's letters). Positions are byte offsets into the normalised text; an error reports its
/// place in characters, as people count them.
struct IndicatorValueParser {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// The value's bytes as given.
    private let raw: Bytes
    /// The value as given, when the caller has it as a string (it is made from `raw` otherwise, for a text value or
    /// a message).
    private let given: String?
    /// The normalised text's bytes.
    private let bytes: Bytes
    /// Whether normalisation changed anything; when it did not, the normalised text is the value as given.
    private let changed: Bool
    private var position = 0

    /// Reads a value: normalises it (into a copy only when something changes) and parses it.
    static func parse(_ text: String) throws(NotationError) -> IndicatorValue {
        try text.withBytes { (raw) throws(NotationError) in try parse(raw, given: text) }
    }

    /// Reads a value from its UTF-8 bytes (a row's text in place, ``CellText``).
    static func parse(_ raw: Bytes, given: String? = nil) throws(NotationError) -> IndicatorValue {
        if let normalized = normalize(raw) {
            return try normalized.withUnsafeBufferPointer { (buffer) throws(NotationError) in
                var parser = IndicatorValueParser(raw: raw, given: given, bytes: buffer, changed: true)
                return try parser.parse()
            }
        }
        var parser = IndicatorValueParser(raw: raw, given: given, bytes: raw, changed: false)
        return try parser.parse()
    }

    private init(raw: Bytes, given: String?, bytes: Bytes, changed: Bool) {
        self.raw = raw
        self.given = given
        self.bytes = bytes
        self.changed = changed
    }

    /// The value as given.
    var original: String {
        given ?? String(decoding: raw, as: UTF8.self)
    }

    /// The value after normalisation: full-width digits made ASCII, ends trimmed.
    var normalized: String {
        changed ? String(decoding: bytes, as: UTF8.self) : original
    }

    // MARK: - Whole value

    mutating func parse() throws(NotationError) -> IndicatorValue {
        if bytes.isEmpty { return .empty }
        if !bytes.contains(where: Self.isDigit) {
            if let symbol = Self.symbols.match(in: bytes, at: 0) {
                throw error(at: symbol.length, expected: "a number after '\(string(0..<symbol.length))'")
            }
            let text = normalized
            return .text(TextValue(text: text, kind: TextValue.classify(text)))
        }
        do {
            return .measure(try parseMeasure())
        } catch let failure {
            let text = normalized
            if TextValue.isSchedule(text) {
                return .text(TextValue(text: text, kind: .schedule))
            }
            throw failure
        }
    }

    @inline(__always)
    mutating func parseMeasure() throws(NotationError) -> IndicatorValue.Measure {
        let label = readLabel()
        skipSpaces()
        var comparator = readComparator()
        skipSpaces()
        let quantity = try readQuantity(after: comparator)
        skipSpaces()
        if let suffix = readSuffixComparator() {
            if let prefix = comparator, prefix != suffix {
                throw error(at: position, expected: "no second comparator that contradicts '\(prefix)'")
            }
            comparator = suffix
        }
        var alongside: [Quantity] = []
        while current == UInt8(ascii: "/") {
            position += 1
            skipSpaces()
            alongside.append(try readQuantity(after: nil))
            skipSpaces()
        }
        guard position == bytes.count else {
            throw error(at: position, expected: "the end of the value after '\(string(0..<position))'")
        }
        return IndicatorValue.Measure(label: label, comparator: comparator, quantity: quantity, alongside: alongside)
    }

    // MARK: - Steps

    /// Words before the figure that are not a comparator: `合同金额` in `合同金额=25万元`, `是` in `是≥4次`.
    @inline(__always)
    mutating func readLabel() -> String? {
        var end = position
        while end < bytes.count {
            let byte = bytes[end]
            if Self.isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                || (byte >= 0x80 && Self.starts(bytes, at: end, with: Self.minusSign))
                || (Self.comparators.mayStart(with: byte) && Self.comparators.match(in: bytes, at: end) != nil) {
                break
            }
            end += UTF8Bytes.scalarLength(bytes[end])
        }
        guard end > position else { return nil }
        var labelStart = position
        var labelEnd = end
        position = end
        // Trailing spaces and colons, leading spaces.
        while labelEnd > labelStart {
            let (scalar, length) = UTF8Bytes.scalar(endingAt: labelEnd, in: bytes)
            guard scalar.isTableWhitespace || scalar == ":" || scalar == "：" else { break }
            labelEnd -= length
        }
        while labelStart < labelEnd {
            let (scalar, length) = UTF8Bytes.scalar(at: labelStart, in: bytes)
            guard scalar.isTableWhitespace else { break }
            labelStart += length
        }
        return labelEnd > labelStart ? string(labelStart..<labelEnd) : nil
    }

    @inline(__always)
    mutating func readComparator() -> IndicatorValue.Comparator? {
        guard let (comparator, length) = Self.comparators.match(in: bytes, at: position) else { return nil }
        position += length
        return comparator
    }

    /// Sign, digits with optional thousands separators, optional fraction, magnitude, unit.
    @inline(__always)
    mutating func readQuantity(after comparator: IndicatorValue.Comparator?) throws(NotationError) -> Quantity {
        let negative = readSign()
        let accumulator = try readNumber(after: comparator, negative: negative)
        guard let number = accumulator.value(negative: negative, exponent: 0) else {
            throw error(at: position, expected: "a number of at most 18 digits")
        }
        skipSpaces()
        let magnitudeStart = position
        let magnitude = readMagnitude()
        skipSpaces()
        let unit = try readUnit()
        guard let quantity = Quantity(number: number, magnitude: magnitude, unit: unit) else {
            throw error(at: magnitudeStart, expected: "a figure of at most 18 digits after its magnitude")
        }
        return quantity
    }

    @inline(__always)
    mutating func readSign() -> Bool {
        guard let first = current else { return false }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            position += 1
            return first == UInt8(ascii: "-")
        }
        if first >= 0x80, Self.starts(bytes, at: position, with: Self.minusSign) {
            position += Self.minusSign.count
            return true
        }
        return false
    }

    /// `80,000` → 80000; `0.17` → 17 with 2 places. `.5` is refused (a digit must come first).
    @inline(__always)
    mutating func readNumber(after comparator: IndicatorValue.Comparator?, negative: Bool) throws(NotationError)
        -> ExactDecimal.DigitAccumulator {
        guard let first = current, Self.isDigit(first) else {
            let what = negative ? "a digit after the sign" : comparator.map { "a number after '\($0)'" } ?? "a number"
            throw error(at: position, expected: what)
        }
        var accumulator = ExactDecimal.DigitAccumulator()
        var count = 0
        var groupLength = 0
        while let byte = current {
            if Self.isDigit(byte) {
                accumulator.append(byte - 0x30, fractional: false)
                count += 1
                groupLength += 1
                position += 1
            } else if byte == UInt8(ascii: ","), groupLength > 0, isThousandsGroup(after: position) {
                groupLength = 0
                position += 1
            } else {
                break
            }
        }
        if current == UInt8(ascii: ".") {
            position += 1
            guard let next = current, Self.isDigit(next) else {
                throw error(at: position, expected: "a digit after '.'")
            }
            while let byte = current, Self.isDigit(byte) {
                accumulator.append(byte - 0x30, fractional: true)
                count += 1
                position += 1
            }
        }
        guard count <= 40 else {
            throw error(at: position, expected: "a number of at most 18 digits")
        }
        return accumulator
    }

    /// A comma is a thousands separator only when exactly three digits follow it and then no further digit.
    func isThousandsGroup(after comma: Int) -> Bool {
        let start = comma + 1
        guard start + 3 <= bytes.count, bytes[start..<start + 3].allSatisfy(Self.isDigit) else { return false }
        return start + 3 == bytes.count || !Self.isDigit(bytes[start + 3])
    }

    @inline(__always)
    mutating func readMagnitude() -> Quantity.Magnitude {
        guard let (magnitude, length) = Self.magnitudes.match(in: bytes, at: position) else { return .one }
        position += length
        return magnitude
    }

    /// A unit runs to the end, to a suffix comparator word, or to a `/` that starts another figure. It is given
    /// normalised (``Quantity/normalizedUnit(_:)``: `平方米` → `㎡`).
    mutating func readUnit() throws(NotationError) -> String? {
        let start = position
        var end = start
        var hasPercent = false
        var hasLatin = false
        while end < bytes.count {
            let byte = bytes[end]
            if byte < 0x80 {
                // ASCII: a letter, `%` or `/` goes on (a `/` before a figure starts another one); a digit, a space or
                // any other sign ends the unit.
                if byte == UInt8(ascii: "/") {
                    if startsFigure(at: end + 1) { break }
                } else if byte == UInt8(ascii: "%") {
                    hasPercent = true
                } else if (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) {
                    hasLatin = true
                } else {
                    break
                }
                end += 1
                continue
            }
            if Self.suffixWords.mayStart(with: byte), Self.suffixWords.matchRest(of: bytes, from: end) != nil { break }
            let (scalar, length) = UTF8Bytes.scalar(at: end, in: bytes)
            if scalar.isTableWhitespace || !Self.isUnitScalar(scalar) { break }
            end += length
        }
        guard end > start else { return nil }
        let startsWithSlash = bytes[start] == UInt8(ascii: "/")
        if startsWithSlash || bytes[end - 1] == UInt8(ascii: "/") {
            // `次/年` divides one unit by another; a `/` with nothing on one side is no unit.
            throw error(at: startsWithSlash ? start : end - 1, expected: "a unit on both sides of '/'")
        }
        // `%` stands alone, or as `%/…`.
        if hasPercent, end - start > 1, !(bytes[start] == UInt8(ascii: "%") && bytes[start + 1] == UInt8(ascii: "/")) {
            throw error(at: bytes[start] == UInt8(ascii: "%") ? start + 1 : start, expected: "a unit ('%' stands alone)")
        }
        let unit = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if let (normal, _) = Self.unitSpellings.matchRest(of: unit, from: 0) {
            position = end
            return normal
        }
        let text = String(decoding: unit, as: UTF8.self)
        if hasLatin, !Self.latinUnits.contains(text.lowercased()) {
            throw error(at: start, expected: "a unit (\(Self.latinUnitList))")
        }
        position = end
        return text
    }

    /// Whether a figure starts at `index`: a digit, or a sign followed by a digit.
    func startsFigure(at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        if Self.isDigit(bytes[index]) { return true }
        let signLength: Int
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            signLength = 1
        } else if bytes[index] >= 0x80, Self.starts(bytes, at: index, with: Self.minusSign) {
            signLength = Self.minusSign.count
        } else {
            return false
        }
        return index + signLength < bytes.count && Self.isDigit(bytes[index + signLength])
    }

    @inline(__always)
    mutating func readSuffixComparator() -> IndicatorValue.Comparator? {
        guard let (comparator, length) = Self.suffixWords.matchRest(of: bytes, from: position) else { return nil }
        position += length
        return comparator
    }

    @inline(__always)
    mutating func skipSpaces() {
        while position < bytes.count {
            // ASCII white space is 09–0D and 20; any other ASCII byte ends the spaces without decoding.
            let byte = bytes[position]
            if byte < 0x80, byte != 0x20, byte &- 0x09 > 0x0D - 0x09 { return }
            let (scalar, length) = UTF8Bytes.scalar(at: position, in: bytes)
            guard scalar.isTableWhitespace else { return }
            position += length
        }
    }

    var current: UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    // MARK: - Vocabulary

    /// Comparator signs, then words that stand before the number (`≥`, `>=`, `不低于`).
    static let comparators = ByteVocabulary(IndicatorValue.Comparator.symbolSpellings + IndicatorValue.Comparator.prefixWords)
    /// Comparator signs alone.
    static let symbols = ByteVocabulary(IndicatorValue.Comparator.symbolSpellings)
    /// Comparator words that stand after the value (`以上`, `以内`).
    static let suffixWords = ByteVocabulary(IndicatorValue.Comparator.suffixWords)
    /// Unit spellings that mean another unit (``Quantity/unitSpellings``), each with the unit it is read as.
    static let unitSpellings = ByteVocabulary(Quantity.unitSpellings)
    /// Magnitude words, 万亿 before 万.
    static let magnitudes = ByteVocabulary([Quantity.Magnitude.trillion, .tenThousand, .hundredMillion].map { ($0.rawValue, $0) })
    /// `−` (U+2212), a minus sign some tables print.
    static let minusSign: [UInt8] = Array("−".utf8)

    @inline(__always)
    static func starts(_ bytes: Bytes, at index: Int, with prefix: [UInt8]) -> Bool {
        guard index + prefix.count <= bytes.count else { return false }
        for offset in 0..<prefix.count where bytes[index + offset] != prefix[offset] { return false }
        return true
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10
    }

    static func isUnitScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x4E00...0x9FFF: return true   // Latin letters and CJK ideographs (Alphabetic)
        case 0x00...0x7F: return scalar == "%" || scalar == "/"
        default: break
        }
        if scalar.properties.isAlphabetic { return true }
        return "‰㎡㎥²³·℃°".unicodeScalars.contains(scalar)
    }

    /// Units written in Latin letters that the seeds and common tables use.
    static let latinUnits: Set<String> = [
        "ms", "s", "min", "h", "m", "km", "cm", "mm", "m²", "m2", "m³", "m3", "kg", "g", "t", "mg", "l", "ml",
        "kb", "mb", "gb", "tb", "pb", "mbps", "gbps", "kw", "kwh", "mw", "mwh", "db", "hz", "mhz", "ghz", "ppm",
        "km/h", "m/s", "kva", "gpu", "cpu", "pue",
    ]
    static let latinUnitList = "a Chinese unit, %, or one of ms, s, h, m, km, kg, t, GB, TB, Mbps, kWh …"

    // MARK: - Normalisation and errors

    /// The normalised bytes when normalisation changes anything, else `nil` (the text is read as it is): full-width
    /// digits, letters and signs become ASCII (`％` too, and `，` between digits), the ideographic and no-break
    /// spaces become spaces; ends are trimmed, with a trailing `。`, `；`, `，`, `、`, `;`, `,` or a `.` after a
    /// non-digit.
    static func normalize(_ raw: Bytes) -> [UInt8]? {
        var needsCopy = false
        var index = 0
        let count = raw.count
        while index < count {
            let byte = raw[index]
            index += 1
            // Only EF, E3 and C2 lead what is replaced; ASCII and other leads are passed over at once.
            guard byte >= 0xC2, byte == 0xEF || byte == 0xE3 || byte == 0xC2 else { continue }
            // EF BC 80–EF BD 9F: U+FF00–U+FF5F (full-width ASCII); E3 80 80: U+3000; C2 A0: U+00A0.
            let at = index - 1
            if byte == 0xEF, at + 1 < count, raw[at + 1] == 0xBC || raw[at + 1] == 0xBD { needsCopy = true; break }
            if byte == 0xE3, at + 2 < count, raw[at + 1] == 0x80, raw[at + 2] == 0x80 { needsCopy = true; break }
            if byte == 0xC2, at + 1 < count, raw[at + 1] == 0xA0 { needsCopy = true; break }
        }
        var out: [UInt8]
        if needsCopy {
            out = []
            out.reserveCapacity(raw.count)
            var index = 0
            while index < raw.count {
                let (scalar, length) = UTF8Bytes.scalar(at: index, in: raw)
                switch scalar.value {
                case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF0E, 0xFF0B, 0xFF0D:
                    out.append(UInt8(scalar.value - 0xFEE0))
                case 0xFF05: out.append(UInt8(ascii: "%"))
                case 0x3000, 0x00A0: out.append(UInt8(ascii: " "))
                // `１，７５０`: a full-width comma between digits is the comma of a figure typed in full width, read
                // by the rule of `,` (a thousands separator only before exactly three digits); elsewhere it is text.
                case 0xFF0C where out.last.map(isDigit) == true && index + length < raw.count
                    && (isDigit(raw[index + length]) || (0xFF10...0xFF19).contains(UTF8Bytes.scalar(at: index + length, in: raw).0.value)):
                    out.append(UInt8(ascii: ","))
                default: out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[index..<(index + length)]))
                }
                index += length
            }
        } else {
            // Nothing to replace: copy only when the ends need trimming.
            guard needsTrimming(raw) else { return nil }
            out = Array(raw)
        }
        let (start, end) = out.withUnsafeBufferPointer { buffer in trimmedBounds(buffer) }
        return Array(out[start..<end])
    }

    /// The bounds of `buffer` without white space at its ends and the trailing marks of ``normalize(_:)``.
    static func trimmedBounds(_ buffer: Bytes) -> (start: Int, end: Int) {
        var start = 0
        var end = buffer.count
        while start < end {
            let (scalar, length) = UTF8Bytes.scalar(at: start, in: buffer)
            guard scalar.isTableWhitespace else { break }
            start += length
        }
        end = trimmedEnd(buffer, start: start, end: end)
        while end > start {
            let (last, length) = UTF8Bytes.scalar(endingAt: end, in: buffer)
            if isTrailingMark(last) {
                end -= length
            } else if last == ".", end - start < 2 || !isDigit(buffer[end - 2]) {
                end -= 1
            } else {
                break
            }
            end = trimmedEnd(buffer, start: start, end: end)
        }
        return (start, end)
    }

    /// `end` moved back over white space, not before `start`.
    static func trimmedEnd(_ buffer: Bytes, start: Int, end: Int) -> Int {
        var end = end
        while end > start {
            let (scalar, length) = UTF8Bytes.scalar(endingAt: end, in: buffer)
            guard scalar.isTableWhitespace else { break }
            end -= length
        }
        return end
    }

    /// Whether the text has white space at either end, or a trailing punctuation mark.
    static func needsTrimming(_ raw: Bytes) -> Bool {
        guard let firstByte = raw.first, let lastByte = raw.last else { return false }
        // Told from the end bytes for most values: one that starts with a byte no white space starts with, and ends
        // with a byte that ends no white space and no trailing mark (`；` `;` `。` `，` `,` `、` `.` end in 9B, 3B, 82,
        // 8C, 2C, 81, 2E), needs no trimming.
        if !String.mayBeWhitespace(first: firstByte), !String.mayBeWhitespace(last: lastByte) {
            switch lastByte {
            case 0x9B, 0x3B, 0x82, 0x8C, 0x2C, 0x81, 0x2E: break
            default: return false
            }
        }
        let (first, _) = UTF8Bytes.scalar(at: 0, in: raw)
        let (last, _) = UTF8Bytes.scalar(endingAt: raw.count, in: raw)
        return first.isTableWhitespace || last.isTableWhitespace || isTrailingMark(last) || last == "."
    }

    /// `；`, `;`, `。`, `，`, `,`, `、`: marks a transcriber leaves after a value.
    @inline(__always)
    static func isTrailingMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFF1B, 0x3B, 0x3002, 0xFF0C, 0x2C, 0x3001: return true
        default: return false
        }
    }

    /// The error at byte position `index`, reported as a character offset into ``normalized``.
    func error(at index: Int, expected: String) -> NotationError {
        let offset = string(0..<min(index, bytes.count)).count
        return NotationError(text: original, normalized: normalized, offset: offset, expected: expected)
    }
}
