/// A number as a workbook stores it (`<v>19.600000000000001</v>`, `1.2E-3`) turned into the text a person sees in
/// the cell, without ever passing through `Double`.
///
/// Excel keeps 15 significant digits and writes some values with 17 (`19.600000000000001` for a typed 19.6), so the
/// stored digits are rounded half-up to 15 significant digits, then written plainly with no exponent and no trailing
/// zeros: `19.6`, `0.0012`. A cell formatted as a percentage shows its value × 100 with `%` (`0.9489` → `94.89%`,
/// from the stored value, not the format's decimals); a date shows its day as `2023年6月30日` (1900 date system,
/// with Excel's phantom 29 February 1900, or the 1904 system when the workbook says so).
enum StoredNumber {
    /// The digits of a stored number, or `nil` when it is not one.
    struct Digits: Equatable {
        var isNegative: Bool
        /// Significant digits, no leading zeros.
        var digits: [UInt8]
        /// The value is `digits × 10^exponent`.
        var exponent: Int

        init?(_ text: String) {
            var isNegative = false
            var digits: [UInt8] = []
            var exponent = 0
            var seenPoint = false
            var seenDigit = false
            var iterator = text.utf8.makeIterator()
            var byte = iterator.next()
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
                isNegative = byte == UInt8(ascii: "-")
                byte = iterator.next()
            }
            while let current = byte {
                if current >= UInt8(ascii: "0"), current <= UInt8(ascii: "9") {
                    seenDigit = true
                    if !(digits.isEmpty && current == UInt8(ascii: "0")) { digits.append(current - UInt8(ascii: "0")) }
                    if seenPoint { exponent -= 1 }
                    guard digits.count <= 40 else { return nil }
                } else if current == UInt8(ascii: "."), !seenPoint {
                    seenPoint = true
                } else {
                    break
                }
                byte = iterator.next()
            }
            guard seenDigit else { return nil }
            if let marker = byte {
                guard marker == UInt8(ascii: "E") || marker == UInt8(ascii: "e") else { return nil }
                var rest = String(decoding: Array(IteratorSequence(iterator)), as: UTF8.self)
                if rest.hasPrefix("+") { rest.removeFirst() }
                guard let power = Int(rest), abs(power) <= 400 else { return nil }
                exponent += power
            }
            while let last = digits.last, last == 0 {
                digits.removeLast()
                exponent += 1
            }
            if digits.isEmpty { exponent = 0 }
            self.isNegative = isNegative && !digits.isEmpty
            self.digits = digits
            self.exponent = exponent
        }

        /// Rounded half-up to `count` significant digits.
        func rounded(toSignificant count: Int) -> Digits {
            guard digits.count > count else { return self }
            var result = self
            result.exponent += digits.count - count
            var kept = Array(digits[..<count])
            if digits[count] >= 5 {
                var index = count - 1
                while index >= 0 {
                    if kept[index] < 9 { kept[index] += 1; break }
                    kept[index] = 0
                    index -= 1
                }
                if index < 0 { kept.insert(1, at: 0); kept.removeLast(); result.exponent += 1 }
            }
            while let last = kept.last, last == 0 { kept.removeLast(); result.exponent += 1 }
            result.digits = kept
            return result
        }

        /// `19.6`, `0.0012`, `1800`, `-3`.
        var plain: String {
            guard !digits.isEmpty else { return "0" }
            var text = digits.map { Character(Unicode.Scalar($0 + UInt8(ascii: "0"))) }
            if exponent >= 0 {
                text += repeatElement("0", count: exponent)
            } else if -exponent >= text.count {
                text = ["0", "."] + Array(repeating: "0", count: -exponent - text.count) + text
            } else {
                text.insert(".", at: text.count + exponent)
            }
            return (isNegative ? "-" : "") + String(text)
        }

        /// The whole part, when the value is whole and small enough.
        var integer: Int? {
            guard exponent >= 0, digits.count + exponent <= 12 else { return nil }
            var value = 0
            for digit in digits { value = value * 10 + Int(digit) }
            for _ in 0..<exponent { value *= 10 }
            return isNegative ? -value : value
        }
    }

    /// How a cell's style shows its number.
    enum Display: Equatable {
        case general
        case percent
        case date
    }

    /// The text a cell holding `stored` shows under `display`; the stored text itself when it is not a number.
    static func text(_ stored: String, display: Display, uses1904: Bool = false) -> String {
        guard let parsed = Digits(stored.trimmingWhitespace) else { return stored }
        let value = parsed.rounded(toSignificant: 15)
        switch display {
        case .general:
            return value.plain
        case .percent:
            var shifted = value
            shifted.exponent += 2
            return shifted.plain + "%"
        case .date:
            var whole = value
            // The day: the serial's whole part (a time of day, the fraction, is not shown in a deadline).
            if whole.exponent < 0 {
                let drop = min(-whole.exponent, whole.digits.count)
                whole.digits.removeLast(drop)
                whole.exponent += drop
                if whole.digits.isEmpty { whole.exponent = 0 }
            }
            guard let serial = whole.integer, serial >= 1, serial < 2_958_466 else { return value.plain }
            return day(serial: serial, uses1904: uses1904)
        }
    }

    /// `2023年6月30日` for a date serial.
    static func day(serial: Int, uses1904: Bool) -> String {
        // Days since 1899-12-31 (serial 1 = 1900-01-01), skipping Excel's 1900-02-29 (serial 60); 1904 system: serial 0 = 1904-01-01.
        var days: Int
        if uses1904 {
            days = serial + 1461
        } else {
            if serial == 60 { return "1900年2月29日" }
            days = serial < 60 ? serial : serial - 1
        }
        // Civil date from days since 1899-12-31 (Howard Hinnant's algorithm, shifted to the 1970 epoch).
        let z = days - 25_568 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return "\(year)年\(month)月\(day)日"
    }

    /// How a number format shows numbers: built-in ids 9 and 10 and any code with `%` are percentages; the built-in
    /// date ids (14–22, 27–36, 45–47, 50–58) and codes with y, m, d, h or s outside quotes and brackets are dates.
    static func display(formatID: Int, code: String?) -> Display {
        if let code {
            var inQuote = false
            var inBracket = false
            var hasDatePart = false
            for character in code {
                switch character {
                case "\"": inQuote.toggle()
                case "[" where !inQuote: inBracket = true
                case "]" where !inQuote: inBracket = false
                case "%" where !inQuote && !inBracket: return .percent
                case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S", "年", "月", "日":
                    if !inQuote && !inBracket { hasDatePart = true }
                default: break
                }
            }
            if code.lowercased() == "general" { return .general }
            return hasDatePart ? .date : .general
        }
        switch formatID {
        case 9, 10: return .percent
        case 14...22, 27...36, 45...47, 50...58: return .date
        default: return .general
        }
    }
}
