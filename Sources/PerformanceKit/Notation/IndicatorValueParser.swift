/// Reads the notation of FORMAT.md §2 one step at a time: label, comparator, sign, number, magnitude, unit, suffix
/// comparator, compound figures. Each step is one small method.
///
/// The reader walks Unicode scalars rather than `Character`s: every decision it makes is about single scalars
/// (digits, comparator signs, letters), and scalars spare it the grapheme breaking that made Character walks
/// the slowest part of batch scoring.
struct IndicatorValueParser {
    typealias Scalars = [Unicode.Scalar]

    let original: String
    let normalized: String
    private let scalars: Scalars
    private var position = 0

    init(_ text: String) {
        original = text
        let scalars = Self.normalize(text)
        self.scalars = scalars
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        normalized = String(view)
    }

    // MARK: - Whole value

    mutating func parse() throws(NotationError) -> IndicatorValue {
        if scalars.isEmpty { return .empty }
        let hasDigit = scalars.contains(where: Self.isDigit)
        if !hasDigit {
            if let symbol = Self.match(Self.symbolSpellings, in: scalars, at: 0) {
                throw error(at: symbol.length, expected: "a number after '\(symbol.spelling)'")
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
                throw error(at: position, expected: "no second comparator that contradicts '\(prefix)'")
            }
            comparator = suffix
        }
        var alongside: [Quantity] = []
        while current == "/" {
            position += 1
            skipSpaces()
            alongside.append(try readQuantity(after: nil))
            skipSpaces()
        }
        guard position == scalars.count else {
            throw error(at: position, expected: "the end of the value after '\(Self.string(scalars[..<position]))'")
        }
        return IndicatorValue.Measure(label: label, comparator: comparator, quantity: quantity, alongside: alongside)
    }

    // MARK: - Steps

    /// Words before the figure that are not a comparator: `合同金额` in `合同金额=25万元`, `是` in `是≥4次`.
    mutating func readLabel() -> String? {
        var end = position
        while end < scalars.count {
            let scalar = scalars[end]
            if Self.isDigit(scalar) || scalar == "-" || scalar == "−" || scalar == "+" || scalar == "."
                || Self.match(Self.symbolSpellings, in: scalars, at: end) != nil
                || Self.match(Self.prefixWords, in: scalars, at: end) != nil {
                break
            }
            end += 1
        }
        guard end > position else { return nil }
        var label = Array(scalars[position..<end])
        position = end
        while let last = label.last, Self.isSpace(last) || last == ":" || last == "：" { label.removeLast() }
        while let first = label.first, Self.isSpace(first) { label.removeFirst() }
        return label.isEmpty ? nil : Self.string(label[...])
    }

    mutating func readComparator() -> IndicatorValue.Comparator? {
        if let symbol = Self.match(Self.symbolSpellings, in: scalars, at: position) {
            position += symbol.length
            return symbol.comparator
        }
        if let word = Self.match(Self.prefixWords, in: scalars, at: position) {
            position += word.length
            return word.comparator
        }
        return nil
    }

    /// Sign, digits with optional thousands separators, optional fraction, magnitude, unit.
    mutating func readQuantity(after comparator: IndicatorValue.Comparator?) throws(NotationError) -> Quantity {
        let negative = readSign()
        let (digits, fractionDigits) = try readNumber(after: comparator, negative: negative)
        guard let number = Self.decimal(digits: digits, fractionDigits: fractionDigits, negative: negative) else {
            throw error(at: position, expected: "a number of at most 18 digits")
        }
        skipSpaces()
        let magnitudeStart = position
        let magnitude = readMagnitude()
        skipSpaces()
        let unit = try readUnit()
        guard let quantity = Quantity(number: number, magnitude: magnitude, unit: unit.map(Quantity.normalizedUnit)) else {
            throw error(at: magnitudeStart, expected: "a figure of at most 18 digits after its magnitude")
        }
        return quantity
    }

    mutating func readSign() -> Bool {
        guard let first = current, first == "-" || first == "−" || first == "+" else { return false }
        position += 1
        return first != "+"
    }

    /// `80,000` → digits `80000`; `0.17` → digits `017`, 2 of them after the point. `.5` is refused (a digit
    /// must come first).
    mutating func readNumber(after comparator: IndicatorValue.Comparator?, negative: Bool) throws(NotationError)
        -> (digits: [UInt8], fractionDigits: Int) {
        guard let first = current, Self.isDigit(first) else {
            let what = negative ? "a digit after the sign" : comparator.map { "a number after '\($0)'" } ?? "a number"
            throw error(at: position, expected: what)
        }
        var digits: [UInt8] = []
        var groupLength = 0
        while let scalar = current {
            if Self.isDigit(scalar) {
                digits.append(UInt8(scalar.value - 0x30))
                groupLength += 1
                position += 1
            } else if scalar == ",", groupLength > 0, isThousandsGroup(after: position) {
                groupLength = 0
                position += 1
            } else {
                break
            }
        }
        var fractionDigits = 0
        if current == "." {
            position += 1
            guard let next = current, Self.isDigit(next) else {
                throw error(at: position, expected: "a digit after '.'")
            }
            while let scalar = current, Self.isDigit(scalar) {
                digits.append(UInt8(scalar.value - 0x30))
                fractionDigits += 1
                position += 1
            }
        }
        guard digits.count <= 40 else {
            throw error(at: position, expected: "a number of at most 18 digits")
        }
        return (digits, fractionDigits)
    }

    /// A comma is a thousands separator only when exactly three digits follow it and then no further digit.
    func isThousandsGroup(after comma: Int) -> Bool {
        let start = comma + 1
        guard start + 3 <= scalars.count, scalars[start..<start + 3].allSatisfy(Self.isDigit) else { return false }
        return start + 3 == scalars.count || !Self.isDigit(scalars[start + 3])
    }

    mutating func readMagnitude() -> Quantity.Magnitude {
        for (spelling, magnitude) in Self.magnitudes where Self.starts(scalars, at: position, with: spelling) {
            position += spelling.count
            return magnitude
        }
        return .one
    }

    /// A unit runs to the end, to a suffix comparator word, or to a `/` that starts another figure.
    mutating func readUnit() throws(NotationError) -> String? {
        let start = position
        var end = start
        while end < scalars.count {
            if Self.suffixWord(exactly: scalars[end...]) != nil { break }
            let scalar = scalars[end]
            if scalar == "/", startsFigure(at: end + 1) { break }
            if Self.isDigit(scalar) || Self.isSpace(scalar) || !Self.isUnitScalar(scalar) { break }
            end += 1
        }
        guard end > start else { return nil }
        let unitScalars = scalars[start..<end]
        let unit = Self.string(unitScalars)
        if unitScalars.first == "/" || unitScalars.last == "/" {
            // `次/年` divides one unit by another; a `/` with nothing on one side is no unit.
            throw error(at: unitScalars.first == "/" ? start : end - 1, expected: "a unit on both sides of '/'")
        }
        if unitScalars.contains("%"), unit != "%", !unit.hasPrefix("%/") {
            throw error(at: unitScalars.first == "%" ? start + 1 : start, expected: "a unit ('%' stands alone)")
        }
        if unitScalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic }),
           !Self.latinUnits.contains(unit.lowercased()) {
            throw error(at: start, expected: "a unit (\(Self.latinUnitList))")
        }
        position = end
        return unit
    }

    /// Whether a figure starts at `index`: a digit, or a sign followed by a digit.
    func startsFigure(at index: Int) -> Bool {
        guard index < scalars.count else { return false }
        if Self.isDigit(scalars[index]) { return true }
        let sign = scalars[index]
        return (sign == "-" || sign == "−" || sign == "+") && index + 1 < scalars.count && Self.isDigit(scalars[index + 1])
    }

    mutating func readSuffixComparator() -> IndicatorValue.Comparator? {
        guard let word = Self.suffixWord(exactly: scalars[position...]) else { return nil }
        position += word.length
        return word.comparator
    }

    mutating func skipSpaces() {
        while let scalar = current, Self.isSpace(scalar) { position += 1 }
    }

    var current: Unicode.Scalar? {
        position < scalars.count ? scalars[position] : nil
    }

    // MARK: - Vocabulary

    typealias Spelling = (scalars: Scalars, spelling: String, comparator: IndicatorValue.Comparator)

    static let symbolSpellings: [Spelling] = IndicatorValue.Comparator.symbolSpellings.map { (Array($0.0.unicodeScalars), $0.0, $0.1) }
    static let prefixWords: [Spelling] = IndicatorValue.Comparator.prefixWords.map { (Array($0.0.unicodeScalars), $0.0, $0.1) }
    static let suffixWords: [Spelling] = IndicatorValue.Comparator.suffixWords.map { (Array($0.0.unicodeScalars), $0.0, $0.1) }
    static let magnitudes: [(Scalars, Quantity.Magnitude)] = [Quantity.Magnitude.trillion, .tenThousand, .hundredMillion]
        .map { (Array($0.rawValue.unicodeScalars), $0) }

    /// The first spelling that stands at `index`, longest spellings being listed first.
    static func match(_ spellings: [Spelling], in scalars: Scalars, at index: Int)
        -> (comparator: IndicatorValue.Comparator, spelling: String, length: Int)? {
        for entry in spellings where starts(scalars, at: index, with: entry.scalars) {
            return (entry.comparator, entry.spelling, entry.scalars.count)
        }
        return nil
    }

    static func suffixWord(exactly rest: ArraySlice<Unicode.Scalar>) -> (comparator: IndicatorValue.Comparator, length: Int)? {
        suffixWords.first { $0.scalars.elementsEqual(rest) }.map { ($0.comparator, $0.scalars.count) }
    }

    static func starts(_ scalars: Scalars, at index: Int, with prefix: Scalars) -> Bool {
        guard index + prefix.count <= scalars.count else { return false }
        for offset in 0..<prefix.count where scalars[index + offset] != prefix[offset] { return false }
        return true
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || (scalar.value > 0x7F && scalar.properties.isWhitespace)
    }

    static func isUnitScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isAlphabetic { return true }
        return "%‰/㎡㎥²³·℃°".unicodeScalars.contains(scalar)
    }

    /// Units written in Latin letters that the seeds and common tables use.
    static let latinUnits: Set<String> = [
        "ms", "s", "min", "h", "m", "km", "cm", "mm", "m²", "m2", "m³", "m3", "kg", "g", "t", "mg", "l", "ml",
        "kb", "mb", "gb", "tb", "pb", "mbps", "gbps", "kw", "kwh", "mw", "mwh", "db", "hz", "mhz", "ghz", "ppm",
        "km/h", "m/s", "kva", "gpu", "cpu", "pue",
    ]
    static let latinUnitList = "a Chinese unit, %, or one of ms, s, h, m, km, kg, t, GB, TB, Mbps, kWh …"

    /// The decimal of a digit string with `fractionDigits` of them after the point; `nil` beyond 18 significant
    /// digits or 18 places.
    static func decimal(digits: [UInt8], fractionDigits: Int, negative: Bool) -> ExactDecimal? {
        var accumulator = ExactDecimal.DigitAccumulator()
        let integerCount = digits.count - fractionDigits
        for (index, digit) in digits.enumerated() {
            accumulator.append(digit, fractional: index >= integerCount)
        }
        return accumulator.value(negative: negative, exponent: 0)
    }

    // MARK: - Normalisation and errors

    /// Full-width digits, letters and signs become ASCII; ends are trimmed, with a trailing `。`, `；` or `，`.
    static func normalize(_ text: String) -> Scalars {
        var scalars: Scalars = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF0E, 0xFF0B, 0xFF0D:
                scalars.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
            case 0xFF05: scalars.append("%")
            case 0x3000, 0x00A0: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        func trim() {
            while let last = scalars.last, isSpace(last) { scalars.removeLast() }
        }
        var leading = 0
        while leading < scalars.count, isSpace(scalars[leading]) { leading += 1 }
        if leading > 0 { scalars.removeFirst(leading) }
        trim()
        while let last = scalars.last {
            if "；;。，,、".unicodeScalars.contains(last) {
                scalars.removeLast()
            } else if last == ".", scalars.count < 2 || !isDigit(scalars[scalars.count - 2]) {
                scalars.removeLast()
            } else {
                break
            }
            trim()
        }
        return scalars
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The error at scalar position `index`, reported as a character offset into ``normalized``.
    func error(at index: Int, expected: String) -> NotationError {
        let offset = Self.string(scalars[..<min(index, scalars.count)]).count
        return NotationError(text: original, normalized: normalized, offset: offset, expected: expected)
    }
}
