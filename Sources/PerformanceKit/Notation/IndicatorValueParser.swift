import Foundation

/// Reads the notation of FORMAT.md §2 one step at a time from a `Substring`: label, comparator, sign, number,
/// magnitude, unit, suffix comparator, compound figures. Each step is one small method.
struct IndicatorValueParser {
    let original: String
    let normalized: String
    private var rest: Substring

    init(_ text: String) {
        original = text
        normalized = Self.normalize(text)
        rest = Substring(normalized)
    }

    // MARK: - Whole value

    mutating func parse() throws(NotationError) -> IndicatorValue {
        if normalized.isEmpty { return .empty }
        let hasDigit = normalized.contains(where: \.isASCIIDigit)
        if !hasDigit {
            if let comparator = Self.symbol(at: rest) {
                throw error(at: rest.index(rest.startIndex, offsetBy: comparator.length),
                            expected: "a number after '\(comparator.spelling)'")
            }
            return .text(TextValue(text: normalized, kind: TextValue.classify(normalized)))
        }
        do {
            return .measure(try parseMeasure())
        } catch let failure {
            if TextValue.isSchedule(normalized) {
                return .text(TextValue(text: normalized, kind: .schedule))
            }
            throw failure
        }
    }

    mutating func parseMeasure() throws(NotationError) -> IndicatorValue.Measure {
        let label = readLabel()
        skipSpaces()
        var comparator = readComparator()
        skipSpaces()
        let quantity = try readQuantity(after: comparator)
        skipSpaces()
        if let suffix = readSuffixComparator() {
            if let prefix = comparator, prefix != suffix {
                throw error(at: rest.startIndex, expected: "no second comparator that contradicts '\(prefix)'")
            }
            comparator = suffix
        }
        var alongside: [Quantity] = []
        while rest.first == "/" {
            rest.removeFirst()
            skipSpaces()
            alongside.append(try readQuantity(after: nil))
            skipSpaces()
        }
        guard rest.isEmpty else {
            throw error(at: rest.startIndex, expected: "the end of the value after '\(normalized[..<rest.startIndex])'")
        }
        return IndicatorValue.Measure(label: label, comparator: comparator, quantity: quantity, alongside: alongside)
    }

    // MARK: - Steps

    /// Words before the figure that are not a comparator: `合同金额` in `合同金额=25万元`, `是` in `是≥4次`.
    mutating func readLabel() -> String? {
        var end = rest.startIndex
        while end < rest.endIndex {
            let here = rest[end...]
            let character = here.first!
            if character.isASCIIDigit || character == "-" || character == "−" || character == "+" || character == "."
                || Self.symbol(at: here) != nil || Self.prefixWord(at: here) != nil {
                break
            }
            end = rest.index(after: end)
        }
        guard end > rest.startIndex else { return nil }
        var label = String(rest[..<end]).trimmingWhitespace
        while let last = label.last, last == ":" || last == "：" { label.removeLast() }
        rest = rest[end...]
        return label.isEmpty ? nil : label
    }

    mutating func readComparator() -> IndicatorValue.Comparator? {
        if let symbol = Self.symbol(at: rest) {
            rest = rest.dropFirst(symbol.length)
            return symbol.comparator
        }
        if let word = Self.prefixWord(at: rest) {
            rest = rest.dropFirst(word.0.count)
            return word.1
        }
        return nil
    }

    /// Sign, digits with optional thousands separators, optional fraction, magnitude, unit.
    mutating func readQuantity(after comparator: IndicatorValue.Comparator?) throws(NotationError) -> Quantity {
        let negative = readSign()
        let digits = try readNumber(after: comparator, negative: negative)
        guard let number = Decimal(string: (negative ? "-" : "") + digits) else {
            throw error(at: rest.startIndex, expected: "a number of at most 38 digits")
        }
        skipSpaces()
        let magnitude = readMagnitude()
        skipSpaces()
        let unit = try readUnit()
        return Quantity(number: number, magnitude: magnitude, unit: unit.map(Quantity.normalizedUnit))
    }

    mutating func readSign() -> Bool {
        guard let first = rest.first, first == "-" || first == "−" || first == "+" else { return false }
        rest.removeFirst()
        return first != "+"
    }

    /// `80,000` → `80000`; `0.17`; `.5` is refused (a digit must come first).
    mutating func readNumber(after comparator: IndicatorValue.Comparator?, negative: Bool) throws(NotationError) -> String {
        guard rest.first?.isASCIIDigit == true else {
            let what = negative ? "a digit after the sign" : comparator.map { "a number after '\($0)'" } ?? "a number"
            throw error(at: rest.startIndex, expected: what)
        }
        var digits = ""
        var groupLength = 0
        while let character = rest.first {
            if character.isASCIIDigit {
                digits.append(character)
                groupLength += 1
                rest.removeFirst()
            } else if character == ",", groupLength > 0, Self.isThousandsGroup(rest.dropFirst()) {
                groupLength = 0
                rest.removeFirst()
            } else {
                break
            }
        }
        if rest.first == "." {
            rest.removeFirst()
            guard rest.first?.isASCIIDigit == true else {
                throw error(at: rest.startIndex, expected: "a digit after '.'")
            }
            digits.append(".")
            while let character = rest.first, character.isASCIIDigit {
                digits.append(character)
                rest.removeFirst()
            }
        }
        guard digits.filter(\.isASCIIDigit).count <= 38 else {
            throw error(at: rest.startIndex, expected: "a number of at most 38 digits")
        }
        return digits
    }

    /// A comma is a thousands separator only when exactly three digits follow it and then no further digit.
    static func isThousandsGroup(_ text: Substring) -> Bool {
        let group = text.prefix(4)
        let digits = group.prefix(3)
        guard digits.count == 3, digits.allSatisfy(\.isASCIIDigit) else { return false }
        return group.count == 3 || !group.last!.isASCIIDigit
    }

    mutating func readMagnitude() -> Quantity.Magnitude {
        for magnitude in [Quantity.Magnitude.trillion, .tenThousand, .hundredMillion] where rest.hasPrefix(magnitude.rawValue) {
            rest = rest.dropFirst(magnitude.rawValue.count)
            return magnitude
        }
        return .one
    }

    /// A unit runs to the end, to a suffix comparator word, or to a `/` that starts another figure.
    mutating func readUnit() throws(NotationError) -> String? {
        let start = rest.startIndex
        var end = start
        while end < rest.endIndex {
            let here = rest[end...]
            if Self.suffixWord(exactly: here) != nil { break }
            let character = here.first!
            if character == "/", here.dropFirst().first?.isASCIIDigit == true { break }
            if character.isASCIIDigit || character.isWhitespace || !Self.isUnitCharacter(character) { break }
            end = rest.index(after: end)
        }
        guard end > start else { return nil }
        let unit = String(rest[start..<end])
        if unit.contains("%") && unit != "%" && !unit.hasPrefix("%/") {
            throw error(at: rest.index(start, offsetBy: unit.firstIndex(of: "%") == unit.startIndex ? 1 : 0),
                        expected: "a unit ('%' stands alone)")
        }
        let latin = unit.filter { $0.isASCII && $0.isLetter }
        if !latin.isEmpty, !Self.latinUnits.contains(unit.lowercased()) {
            throw error(at: start, expected: "a unit (\(Self.latinUnitList))")
        }
        rest = rest[end...]
        return unit
    }

    mutating func readSuffixComparator() -> IndicatorValue.Comparator? {
        guard let word = Self.suffixWord(exactly: rest) else { return nil }
        rest = rest.dropFirst(word.0.count)
        return word.1
    }

    mutating func skipSpaces() {
        while let first = rest.first, first.isWhitespace { rest.removeFirst() }
    }

    // MARK: - Vocabulary

    static func symbol(at text: Substring) -> (comparator: IndicatorValue.Comparator, spelling: String, length: Int)? {
        for (spelling, comparator) in IndicatorValue.Comparator.symbolSpellings where text.hasPrefix(spelling) {
            return (comparator, spelling, spelling.count)
        }
        return nil
    }

    static func prefixWord(at text: Substring) -> (String, IndicatorValue.Comparator)? {
        IndicatorValue.Comparator.prefixWords.first { text.hasPrefix($0.0) }
    }

    static func suffixWord(exactly text: Substring) -> (String, IndicatorValue.Comparator)? {
        IndicatorValue.Comparator.suffixWords.first { text == $0.0 }
    }

    static func isUnitCharacter(_ character: Character) -> Bool {
        if character.isLetter { return true }
        return "%‰/㎡㎥²³·℃°".contains(character)
    }

    /// Units written in Latin letters that the seeds and common tables use.
    static let latinUnits: Set<String> = [
        "ms", "s", "min", "h", "m", "km", "cm", "mm", "m²", "m2", "m³", "m3", "kg", "g", "t", "mg", "l", "ml",
        "kb", "mb", "gb", "tb", "pb", "mbps", "gbps", "kw", "kwh", "mw", "mwh", "db", "hz", "mhz", "ghz", "ppm",
        "km/h", "m/s", "kva", "gpu", "cpu", "pue",
    ]
    static let latinUnitList = "a Chinese unit, %, or one of ms, s, h, m, km, kg, t, GB, TB, Mbps, kWh …"

    // MARK: - Normalisation and errors

    /// Full-width digits, letters and signs become ASCII; ends are trimmed, with a trailing `。`, `；` or `，`.
    static func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF0E, 0xFF0B, 0xFF0D:
                scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0xFF05: scalars.append("%")
            case 0x3000, 0x00A0: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        var result = String(scalars).trimmingWhitespace
        while let last = result.last {
            if "；;。，,、".contains(last) {
                result.removeLast()
            } else if last == ".", result.dropLast().last.map({ !$0.isASCIIDigit }) ?? true {
                result.removeLast()
            } else {
                break
            }
            result = result.trimmingWhitespace
        }
        return result
    }

    func error(at index: Substring.Index, expected: String) -> NotationError {
        NotationError(text: original, normalized: normalized,
                      offset: normalized.distance(from: normalized.startIndex, to: index), expected: expected)
    }
}
