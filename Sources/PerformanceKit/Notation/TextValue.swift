/// A target or actual written in words, with what kind of words they are.
///
/// The kind decides what the rule can do with it: an ``Kind-swift.enum/affirmative`` actual (`是`, `完成`) meets
/// a text target; a ``Kind-swift.enum/zeroEvent`` phrase (`全年未发生安全事故`) reads as the count 0; everything
/// else scores only when the actual equals the target, or through an evaluator's judgement.
package struct TextValue: Sendable, Hashable, CustomStringConvertible {
    /// What a piece of value text says.
    package enum Kind: String, Sendable, Hashable, CaseIterable {
        /// An achievement word: 是, 完成, 通过, 达成, 达标, 满意, 合格 ….
        case affirmative
        /// A denial: 否, 未完成, 未达成, 不合格 ….
        case negative
        /// A rating: 优, 良, 好, 较好, 一般, 差 ….
        case rating
        /// A zero-event phrase: 无, 零, 全年未发生安全事故 …; it reads as the count 0.
        case zeroEvent
        /// A direction of change with no figure: 提升, 有所提升, 优化, 压减 ….
        case trend
        /// A schedule such as `7x24小时`, compared as text.
        case schedule
        /// Any other statement: 等保三级, 符合合同要求, 效果显著 ….
        case statement
    }

    /// The text as printed, with surrounding white space removed.
    package var text: String
    /// What the words say.
    package var kind: Kind

    /// Creates a text value; ``IndicatorValue/init(parsing:)`` classifies text by itself.
    package init(text: String, kind: Kind) {
        self.text = text
        self.kind = kind
    }

    /// The text itself, which parses back to this value.
    package var description: String {
        text
    }

    /// Text as two cells are compared: surrounding white space removed, full-width ASCII forms (`，`, `（`, `１`)
    /// and the ideographic space read as their half-width forms. `完成1部宣传片，2套方案` and `完成1部宣传片,2套方案`
    /// fold to the same text.
    package static func folded(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace
        // Full-width forms are U+FF01–U+FF5E (EF BC 81 – EF BD 9E in UTF-8) and U+3000 (E3 80 80): each folds to
        // the one ASCII byte of its half-width form. Most cells hold none and fold to themselves, without a copy.
        guard trimmed.withBytes({ $0.contains { $0 == 0xEF || $0 == 0xE3 } }) else { return trimmed }
        var bytes = Array(trimmed.utf8)
        var read = 0
        var written = 0
        var changed = false
        while read < bytes.count {
            let byte = bytes[read]
            if read + 2 < bytes.count, byte == 0xEF || byte == 0xE3 {
                let second = bytes[read + 1]
                let third = bytes[read + 2]
                var folded: UInt8?
                if byte == 0xEF, second == 0xBC, third >= 0x81 { folded = third - 0x60 }
                if byte == 0xEF, second == 0xBD, third <= 0x9E { folded = third - 0x20 }
                if byte == 0xE3, second == 0x80, third == 0x80 { folded = 0x20 }
                if let folded {
                    bytes[written] = folded
                    written += 1
                    read += 3
                    changed = true
                    continue
                }
            }
            bytes[written] = byte
            written += 1
            read += 1
        }
        guard changed else { return trimmed }
        return String(decoding: bytes[..<written], as: UTF8.self)
    }

    static let affirmativeWords = WordList([
        "是", "完成", "已完成", "全部完成", "按时完成", "如期完成", "通过", "已通过", "达成", "已达成", "达标", "已达标",
        "满意", "合格", "符合", "实现", "已实现", "有", "已落实", "落实", "按期完成",
    ])
    static let negativeWords = WordList([
        "否", "未完成", "未达成", "未达标", "不合格", "不满意", "未通过", "未实现", "没有",
    ])
    static let ratingWords = WordList([
        "优", "优秀", "良", "良好", "好", "较好", "很好", "中", "中等", "一般", "差", "较差",
    ])
    static let trendWords = ["提升", "提高", "优化", "减轻", "压减", "降低", "下降", "减少", "增加", "增长", "增强", "改善", "加强"]

    /// Decides what kind of words `text` is. Never fails: unknown words are a ``Kind-swift.enum/statement``.
    static func classify(_ text: String) -> Kind {
        if affirmativeWords.contains(text) { return .affirmative }
        if negativeWords.contains(text) { return .negative }
        if ratingWords.contains(text) { return .rating }
        if isZeroEventPhrase(text) { return .zeroEvent }
        if isSchedule(text) { return .schedule }
        if text.unicodeScalars.count <= 8, trendWords.contains(where: { text.utf8.containsBytes(of: $0) }) { return .trend }
        return .statement
    }

    /// What a statement says was done, without its perfective mark: `已建立` → `建立`, `已经完成` → `完成`;
    /// `nil` when it does not start with 已 or 已经, or nothing follows.
    static func statedAsDone(_ text: String) -> String? {
        remainder(of: text, after: ["已经", "已"])
    }

    /// What a statement says was not done, without its negation: `未建立` → `建立`, `尚未完成` → `完成`,
    /// `没有建立` → `建立`; `nil` when it starts with none of 尚未, 未, 没有, 没, or nothing follows.
    static func statedAsNotDone(_ text: String) -> String? {
        remainder(of: text, after: ["尚未", "未", "没有", "没"])
    }

    /// `text` after the first of `marks` it starts with, when something follows (compared byte for byte, as cells
    /// are).
    private static func remainder(of text: String, after marks: [String]) -> String? {
        let bytes = text.utf8
        for mark in marks where bytes.startsBytes(with: mark) {
            let length = mark.utf8.count
            guard bytes.count > length else { return nil }
            return String(bytes.dropFirst(length))
        }
        return nil
    }

    /// `无`, `零`, `全年未发生安全事故`, `未发生重大事故`, `无安全事故`, `零事故`.
    static func isZeroEventPhrase(_ text: String) -> Bool {
        let bytes = text.utf8
        if text.hasSameBytes(as: "无") || text.hasSameBytes(as: "零") || text.hasSameBytes(as: "没有发生") { return true }
        if bytes.startsBytes(with: "全年未发生") || bytes.startsBytes(with: "未发生") || bytes.startsBytes(with: "全年无") { return true }
        if (bytes.startsBytes(with: "无") || bytes.startsBytes(with: "零")) && (bytes.endsBytes(with: "事故") || bytes.endsBytes(with: "事件")) { return true }
        return false
    }

    /// A schedule with its times sign spelled one way (`7×24小时`, `7*24小时`, `7X24小时` → `7x24小时`), so that
    /// the spellings of one schedule compare equal.
    static func scheduleSpelling(_ text: String) -> String {
        String(folded(text).map { $0 == "×" || $0 == "*" || $0 == "X" ? "x" : $0 })
    }

    /// `7x24小时`, `7×24小时`, `7*24`: digits, a times sign, digits, an optional unit.
    static func isSchedule(_ text: String) -> Bool {
        var rest = Substring(text).unicodeScalars[...]
        func isDigit(_ scalar: Unicode.Scalar?) -> Bool { scalar.map { $0.value >= 0x30 && $0.value <= 0x39 } ?? false }
        guard isDigit(rest.first) else { return false }
        while isDigit(rest.first) { rest.removeFirst() }
        guard let sign = rest.first, sign == "x" || sign == "X" || sign == "×" || sign == "*" else { return false }
        rest.removeFirst()
        guard isDigit(rest.first) else { return false }
        while isDigit(rest.first) { rest.removeFirst() }
        return rest.allSatisfy { !isDigit($0) }
    }
}

extension TextValue {
    /// A unit's or project's name as one spelling: half-width brackets made full-width and spaces beside Chinese
    /// text taken out (`某局 (某中心)` → `某局（某中心）`), as the forms print them and as roll-ups group them.
    static func unitName(_ text: String) -> String {
        let characters: [Character] = text.map { $0 == "(" ? "（" : $0 == ")" ? "）" : $0 }
        func isChinese(_ character: Character) -> Bool {
            character.unicodeScalars.first.map { $0.value >= 0x3000 && $0.value <= 0x9FFF || $0.value >= 0xFF00 && $0.value <= 0xFFEF } ?? false
        }
        var result = ""
        for (position, character) in characters.enumerated() {
            if character == " ", position > 0, position + 1 < characters.count,
               isChinese(characters[position - 1]) || isChinese(characters[position + 1]) { continue }
            result.append(character)
        }
        return result
    }
}

extension Character {
    var isASCIIDigit: Bool {
        isASCII && isNumber
    }
}
