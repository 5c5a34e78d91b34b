/// A date or a period as 时效指标 write them: `2023年6月30日前`, `12月底前完成`, `11月完成`, `第三季度`, `上半年`,
/// `年底前`, `2023-06-30`.
///
/// A deadline is read as the span of days it may mean, from ``earliest`` to ``latest``: `11月` is 11月1日 to
/// 11月30日, `12月底` 12月21日 to 12月31日, `第三季度` 7月1日 to 9月30日, `年底前` by 12月31日. A target is met when
/// the actual's latest day is not later than the target's latest day; missed when the actual's earliest day is
/// later; otherwise the actual may or may not be late, and the rule cannot tell. `前`, `之前`, `以前` and `内` mean
/// "by" that day, inclusive, as tables use them. Words after the date without digits (`完成`, `上线`) are kept and
/// not read; words with digits are not a deadline.
package struct Deadline: Sendable, Equatable {
    /// A day of a year: the year when the text gives one.
    package struct Day: Sendable, Equatable {
        package var year: Int?
        package var month: Int
        package var day: Int

        /// `2023年6月30日`, `6月30日`.
        package var text: String {
            (year.map { "\($0)年" } ?? "") + "\(month)月\(day)日"
        }

        /// The day as a number that orders days, in `year` when the day has none.
        func key(assuming year: Int?) -> Int {
            (self.year ?? year ?? 0) * 10_000 + month * 100 + day
        }
    }

    /// The text as printed, trimmed.
    package var text: String
    /// The first day the text may mean.
    package var earliest: Day
    /// The last day the text may mean: the deadline, when the text is a target.
    package var latest: Day
    /// Whether the text says "by" (`前`, `底`, `末`, `内`, a day, a quarter, a half-year): a target with none of these
    /// (`12月`) could be a count of months, and is read as a deadline only under 时效指标.
    package var hasDeadlineMarker: Bool

    /// How an actual stands against a deadline.
    package enum Standing: Sendable, Equatable {
        /// Not later than the deadline.
        case met
        /// Later than the deadline, at its earliest.
        case missed
        /// Between: it may be late or not.
        case undetermined
    }

    /// How `actual` stands against this deadline. A day without a year takes the other side's year.
    package func standing(of actual: Deadline) -> Standing {
        let year = latest.year ?? actual.latest.year
        let deadline = latest.key(assuming: actual.latest.year ?? year)
        if actual.latest.key(assuming: year) <= deadline { return .met }
        if actual.earliest.key(assuming: year) > deadline { return .missed }
        return .undetermined
    }

    /// Words that say "on time" without a date: `按时`, `按期`, `如期`, `及时`, `准时`, alone or before words without
    /// digits (`按时完成`). A negation before them (`未按时完成`) is not one.
    static let onTimeWords = ["按时", "按期", "如期", "及时", "准时"]

    /// The scalars a date or period can start with (after `于`, `在`): a digit, half- or full-width once folded,
    /// `一` to `四` (`三季度`), `年` (`年底`), `全` (`全年`), `上` / `下` (`上半年`), `第` (`第三季度`).
    static let spanStarts: Set<Unicode.Scalar> = Set("0123456789一二三四年全上下第".unicodeScalars)

    /// Whether `text` says "on time" without a date (``onTimeWords``).
    package static func saysOnTime(_ text: String) -> Bool {
        // Each of ``onTimeWords`` starts with one of these scalars, which folding leaves as they are: a text
        // starting otherwise is none, and is not folded.
        switch text.unicodeScalars.first(where: { !$0.isTableWhitespace }) {
        case "按"?, "如"?, "及"?, "准"?: break
        default: return false
        }
        let folded = TextValue.folded(text)
        guard onTimeWords.contains(where: { folded.hasPrefix($0) }) else { return false }
        return !folded.unicodeScalars.contains { ($0.value >= 0x30 && $0.value <= 0x39) || $0 == "未" || $0 == "不" }
    }

    /// The deadline an indicator's target sets, as the deadline rule reads it (时效): a date or period with a
    /// deadline marker (`12月底前`, `2024年12月31日前`, `三季度`), or any date or period under 时效指标 (`12月`);
    /// `nil` otherwise. The scorer and lint both ask this, so that they agree on what a deadline is.
    package static func target(of indicator: Indicator) -> Deadline? {
        guard mayBeDeadlineOrOnTime(indicator.target), let deadline = Deadline(parsing: indicator.target),
              deadline.hasDeadlineMarker || indicator.subcategory == .timeliness else { return nil }
        return deadline
    }

    /// Reads a deadline, or `nil` when the text is not one.
    package init?(parsing raw: String) {
        guard Self.mayHoldDate(raw) else { return nil }
        self.init(scanning: raw)
    }

    /// Reads a deadline without first asking ``mayHoldDate(_:)``: what that necessary condition is tested against.
    init?(scanning raw: String) {
        // Folding trims the text first; the trimmed text itself is kept only for a deadline read.
        let foldedText = TextValue.folded(raw)
        let folded = foldedText.unicodeScalars
        // Most targets are not dates: told from the first scalar, before the text is copied to be scanned.
        var start = folded.startIndex
        if start < folded.endIndex, folded[start] == "于" || folded[start] == "在" { start = folded.index(after: start) }
        guard start < folded.endIndex, Self.spanStarts.contains(folded[start]) else { return nil }
        var scanner = Scanner(Array(folded))
        _ = scanner.skip(["于", "在"])
        guard let span = scanner.span() else { return nil }
        var marker = span.marker
        if scanner.skip(["之前", "以前", "前", "以内", "内"]) { marker = true }
        // What follows may be words (完成, 上线), never another figure.
        guard scanner.rest.allSatisfy({ !($0.value >= 0x30 && $0.value <= 0x39) }) else { return nil }
        self.text = raw.trimmingWhitespace
        self.earliest = span.earliest
        self.latest = span.latest
        self.hasDeadlineMarker = marker
    }

    /// Whether a text may hold a date or period: every one holds 年, 月 or 季, or the separator of 2023-06-30,
    /// 2023/6/30, 2023.6.30 twice, half- or full-width (`－`, `／`, `．` fold to `-`, `/`, `.`). Told from the bytes as
    /// printed, before the text is folded or trimmed: a text with none of them (`99.9%`, `-5%`) is no date.
    static func mayHoldDate(_ text: String) -> Bool {
        text.withBytes(mayHoldDate)
    }

    /// ``mayHoldDate(_:)-(String)`` of the text's UTF-8 bytes.
    static func mayHoldDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var separators = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            index += 1
            if byte == 0x2D || byte == 0x2F || byte == 0x2E {
                separators += 1
                continue
            }
            // 年 E5 B9 B4, 月 E6 9C 88, 季 E5 AD A3; － EF BC 8D, ． EF BC 8E, ／ EF BC 8F.
            guard byte == 0xE5 || byte == 0xE6 || byte == 0xEF, index + 1 < count else { continue }
            switch (byte, bytes[index], bytes[index + 1]) {
            case (0xE5, 0xB9, 0xB4), (0xE6, 0x9C, 0x88), (0xE5, 0xAD, 0xA3): return true
            case (0xEF, 0xBC, 0x8D...0x8F): separators += 1
            default: continue
            }
        }
        return separators >= 2
    }

    /// Whether a target may be a deadline or say "on time" (``saysOnTime(_:)``): a necessary condition, told from
    /// the bytes and the first scalar, so that the rows that are neither (most) are passed over without trimming or
    /// folding their texts.
    package static func mayBeDeadlineOrOnTime(_ text: String) -> Bool {
        text.withBytes(mayBeDeadlineOrOnTime)
    }

    /// ``mayBeDeadlineOrOnTime(_:)-(String)`` of the text's UTF-8 bytes (a row's target in place).
    static func mayBeDeadlineOrOnTime(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if mayHoldDate(bytes) { return true }
        // The first scalar that is not white space: 按 E6 8C 89, 如 E5 A6 82, 及 E5 8F 8A, 准 E5 87 86.
        var index = 0
        while index < bytes.count {
            let (scalar, length) = UTF8Bytes.scalar(at: index, in: bytes)
            guard scalar.isTableWhitespace else {
                switch scalar {
                case "按", "如", "及", "准": return true
                default: return false
                }
            }
            index += length
        }
        return false
    }

    /// The last day of a month; February has 29 days unless the year is known and not a leap year.
    static func lastDay(of month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let year else { return 29 }
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// A cursor over the text's scalars.
    struct Scanner {
        var scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        var rest: ArraySlice<Unicode.Scalar> { scalars[index...] }

        /// Skips the first of `words` found here; whether one was.
        mutating func skip(_ words: [String]) -> Bool {
            for word in words {
                var position = index
                var matched = true
                for scalar in word.unicodeScalars {
                    guard position < scalars.count, scalars[position] == scalar else {
                        matched = false
                        break
                    }
                    position += 1
                }
                if matched {
                    index = position
                    return true
                }
            }
            return false
        }

        /// Digits here, as a number (at most 4 of them).
        mutating func number() -> Int? {
            var value = 0
            var count = 0
            while index < scalars.count, let digit = Self.digit(scalars[index]), count < 4 {
                value = value * 10 + digit
                index += 1
                count += 1
            }
            return count == 0 ? nil : value
        }

        static func digit(_ scalar: Unicode.Scalar) -> Int? {
            if scalar.value >= 0x30 && scalar.value <= 0x39 { return Int(scalar.value - 0x30) }
            switch scalar {
            case "一": return 1
            case "二": return 2
            case "三": return 3
            case "四": return 4
            default: return nil
            }
        }

        /// The span a date or period names: its first and last day, and whether it carries a deadline word.
        mutating func span() -> (earliest: Day, latest: Day, marker: Bool)? {
            let start = index
            if skip(["年底", "年末"]) {
                return (Day(year: nil, month: 12, day: 1), Day(year: nil, month: 12, day: 31), true)
            }
            if skip(["年内", "年中", "全年"]) {
                return (Day(year: nil, month: 1, day: 1), Day(year: nil, month: 12, day: 31), true)
            }
            if let half = halfYear(year: nil) { return half }
            if let quarter = quarter(year: nil) { return quarter }
            guard let first = number() else { return nil }
            // 2023-06-30, 2023/6/30, 2023.6.30.
            if first >= 1000, index < scalars.count, ["-", "/", "."].contains(scalars[index]) {
                let separator = scalars[index]
                index += 1
                guard let month = number(), (1...12).contains(month), index < scalars.count, scalars[index] == separator else { index = start; return nil }
                index += 1
                guard let day = number(), (1...Deadline.lastDay(of: month, year: first)).contains(day) else { index = start; return nil }
                let date = Day(year: first, month: month, day: day)
                return (date, date, true)
            }
            var year: Int?
            var month = first
            if skip(["年"]) {
                guard first >= 1000 else { index = start; return nil }
                year = first
                if skip(["底", "末"]) {
                    return (Day(year: year, month: 12, day: 1), Day(year: year, month: 12, day: 31), true)
                }
                if let half = halfYear(year: year) { return half }
                if let quarter = quarter(year: year) { return quarter }
                guard let next = number() else {
                    return (Day(year: year, month: 1, day: 1), Day(year: year, month: 12, day: 31), false)
                }
                month = next
            }
            guard (1...12).contains(month), skip(["月份", "月"]) else { index = start; return nil }
            let last = Deadline.lastDay(of: month, year: year)
            let save = index
            if let day = number() {
                guard skip(["日", "号"]), (1...last).contains(day) else { index = start; return nil }
                let date = Day(year: year, month: month, day: day)
                return (date, date, true)
            }
            index = save
            let parts: [(words: [String], from: Int, to: Int)] = [
                (["底", "末", "下旬"], 21, last), (["中旬"], 11, 20), (["初", "上旬"], 1, 10),
            ]
            for part in parts where skip(part.words) {
                return (Day(year: year, month: month, day: part.from), Day(year: year, month: month, day: part.to), true)
            }
            return (Day(year: year, month: month, day: 1), Day(year: year, month: month, day: last), false)
        }

        /// `上半年`, `下半年`.
        mutating func halfYear(year: Int?) -> (earliest: Day, latest: Day, marker: Bool)? {
            if skip(["上半年"]) { return (Day(year: year, month: 1, day: 1), Day(year: year, month: 6, day: 30), true) }
            if skip(["下半年"]) { return (Day(year: year, month: 7, day: 1), Day(year: year, month: 12, day: 31), true) }
            return nil
        }

        /// `第三季度`, `第3季度`, `三季度`, `Q3`.
        mutating func quarter(year: Int?) -> (earliest: Day, latest: Day, marker: Bool)? {
            let start = index
            _ = skip(["第"])
            if index < scalars.count, let n = Self.digit(scalars[index]), (1...4).contains(n) {
                index += 1
                if skip(["季度"]) {
                    let lastMonth = n * 3
                    return (Day(year: year, month: lastMonth - 2, day: 1),
                            Day(year: year, month: lastMonth, day: Deadline.lastDay(of: lastMonth, year: year)), true)
                }
            }
            index = start
            return nil
        }
    }
}
