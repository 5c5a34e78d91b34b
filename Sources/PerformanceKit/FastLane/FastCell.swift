/// A target or actual cell as the fast lane reads it, straight from the line's bytes: the common printed forms
/// only, each read exactly as ``IndicatorValue/init(parsing:)`` reads it.
///
/// ```
/// measure:  [comparator] digits[.digits] [unit]      ≥1800个  ＜48分钟  99.9%  51.09  0
/// text:     Chinese characters only                   是  完成  较好  全年未发生安全事故
///           digits x digits [Chinese characters]      7x24小时
/// ```
///
/// Anything else (spaces, separators, signs, magnitudes such as 万, Latin units, labels, suffix words such as 以上,
/// compound values, full-width digits, punctuation) is not read here: ``FastCell/read(_:_:vocabulary:)``
/// returns `nil` and the line goes to the ordinary path.
enum FastCell {
    /// A figure: the index of its comparator in ``FastVocabulary/comparators`` (or `nil`), its number, and the
    /// byte range of its unit (or `nil`).
    case measure(comparator: Int?, number: FixedDecimal, unit: Range<Int>?)
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
        let numberStart = index
        while index < range.upperBound, isDigit(bytes[index]) { index += 1 }
        guard index > numberStart else { return nil }
        if index < range.upperBound, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < range.upperBound, isDigit(bytes[index]) { index += 1 }
            guard index > fractionStart else { return nil }
        } else if comparator == nil, index < range.upperBound, bytes[index] == UInt8(ascii: "x") || bytes[index] == UInt8(ascii: "X") {
            // 7x24小时: a schedule, which the ordinary reader keeps as text.
            var rest = index + 1
            let digitsStart = rest
            while rest < range.upperBound, isDigit(bytes[rest]) { rest += 1 }
            guard rest > digitsStart, rest == range.upperBound || isChineseOnly(bytes, rest..<range.upperBound) else { return nil }
            return .text(range)
        }
        guard let number = FixedDecimal.read(bytes, numberStart..<index) else { return nil }
        if index == range.upperBound { return .measure(comparator: comparator, number: number, unit: nil) }
        let unit = index..<range.upperBound
        if unit.count == 1, bytes[index] == UInt8(ascii: "%") {
            return .measure(comparator: comparator, number: number, unit: unit)
        }
        guard isChineseOnly(bytes, unit), vocabulary.isPlainUnit(bytes, unit) else { return nil }
        return .measure(comparator: comparator, number: number, unit: unit)
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
