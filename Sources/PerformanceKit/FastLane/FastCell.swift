/// A target or actual cell as the fast lane reads it, straight from the line's bytes: the common printed forms
/// only, each read exactly as ``IndicatorValue/init(parsing:)`` reads it.
///
/// ```
/// measure:  [comparator] digits[.digits] [万|亿|万亿] [unit]   ≥1800个  ＜48分钟  99.9%  0  ≥80,000㎡  ≤40ms  808.44亿条
/// text:     Chinese characters only                   是  完成  较好  全年未发生安全事故
///           digits x digits [Chinese characters]      7x24小时
/// ```
///
/// A unit is `%`, a Latin unit the ordinary reader knows (`ms`, `km`, `GB`), or Chinese characters with `㎡ ㎥ ℃`.
/// Anything else (spaces, signs, other Latin words, labels, suffix words such as 以上,
/// compound values, full-width digits, punctuation) is not read here: ``FastCell/read(_:_:vocabulary:)``
/// returns `nil` and the line goes to the ordinary path.
enum FastCell {
    /// A figure: the index of its comparator in ``FastVocabulary/comparators`` (or `nil`), its number as written,
    /// the index of its magnitude word in ``FastVocabulary/magnitudes`` (or `nil`), and the byte range of its unit
    /// (or `nil`).
    case measure(comparator: Int?, number: FixedDecimal, magnitude: Int?, unit: Range<Int>?)
    /// Words, read as they stand.
    case text(Range<Int>)

    /// Reads `bytes[range]`; `nil` when the cell is not of a form the fast lane reads.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, vocabulary: FastVocabulary) -> FastCell? {
        guard !range.isEmpty else { return nil }
        var index = range.lowerBound
        var comparator: Int?
        if !isDigit(bytes[index]) {
            if let found = vocabulary.comparator(at: index, in: bytes, end: range.upperBound) {
                comparator = found.index
                index += found.length
            } else {
                return isChineseOnly(bytes, range) ? .text(range) : nil
            }
        }
        if comparator == nil, let schedule = scheduleEnd(bytes, from: index, end: range.upperBound) {
            // 7x24小时: a schedule, which the ordinary reader keeps as text.
            return schedule ? .text(range) : nil
        }
        guard let number = FixedDecimal.read(bytes, &index, end: range.upperBound) else { return nil }
        var magnitude: Int?
        if let found = vocabulary.magnitude(at: index, in: bytes, end: range.upperBound) {
            magnitude = found
            index += vocabulary.magnitudes[found].word.count
        }
        if index == range.upperBound { return .measure(comparator: comparator, number: number, magnitude: magnitude, unit: nil) }
        let unit = index..<range.upperBound
        if unit.count == 1, bytes[index] == UInt8(ascii: "%") {
            return .measure(comparator: comparator, number: number, magnitude: magnitude, unit: unit)
        }
        if isLatin(bytes, unit) {
            guard vocabulary.isLatinUnit(bytes, unit) else { return nil }
            return .measure(comparator: comparator, number: number, magnitude: magnitude, unit: unit)
        }
        guard isChineseUnit(bytes, unit), vocabulary.isPlainUnit(bytes, unit) else { return nil }
        return .measure(comparator: comparator, number: number, magnitude: magnitude, unit: unit)
    }

    /// For digits followed by `x` or `X`: `true` when the cell is a schedule (`7x24`, `7x24小时`), `false` when it
    /// starts like one but is not one the lane reads, `nil` when it is no schedule at all.
    static func scheduleEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Bool? {
        var index = start
        while index < end, isDigit(bytes[index]) { index += 1 }
        guard index > start, index < end, bytes[index] == UInt8(ascii: "x") || bytes[index] == UInt8(ascii: "X") else { return nil }
        var rest = index + 1
        let digitsStart = rest
        while rest < end, isDigit(bytes[rest]) { rest += 1 }
        return rest > digitsStart && (rest == end || isChineseOnly(bytes, rest..<end))
    }

    /// Whether `bytes[range]` is ASCII letters only (`ms`, `km`, `GB`).
    static func isLatin(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        !range.isEmpty && range.allSatisfy { (bytes[$0] | 0x20) >= UInt8(ascii: "a") && (bytes[$0] | 0x20) <= UInt8(ascii: "z") }
    }

    /// Whether a unit is Chinese characters and the unit signs `㎡ ㎥ ℃`, in any order (`亿条`, `㎡`, `万元`).
    static func isChineseUnit(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count % 3 == 0 else { return false }
        var index = range.lowerBound
        while index < range.upperBound {
            let sign = (bytes[index], bytes[index + 1], bytes[index + 2])
            // ㎡ E3 8E A1, ㎥ E3 8E A5, ℃ E2 84 83
            let isSign = sign == (0xE3, 0x8E, 0xA1) || sign == (0xE3, 0x8E, 0xA5) || sign == (0xE2, 0x84, 0x83)
            guard isSign || isChineseOnly(bytes, index..<(index + 3)) else { return false }
            index += 3
        }
        return true
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10
    }

    /// Whether `bytes[range]` is one or more CJK unified ideographs (U+4E00–U+9FFF, letters every one) and
    /// nothing else. The line's strings are valid UTF-8 by the time a cell is read, so a lead byte `E5`–`E9`, or
    /// `E4` with a second byte from `B8`, starts exactly such a three-byte character.
    static func isChineseOnly(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count % 3 == 0 else { return false }
        var index = range.lowerBound
        while index < range.upperBound {
            let lead = bytes[index]
            // E4 B8 80 is U+4E00; below it in E4 lie Extension A and the Yijing hexagram symbols.
            guard lead >= 0xE4, lead <= 0xE9, lead != 0xE4 || bytes[index + 1] >= 0xB8 else { return false }
            index += 3
        }
        return true
    }
}
