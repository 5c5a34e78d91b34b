import Foundation

/// One evaluation as the fast lane scans it: byte ranges into the line and fixed-point figures, no strings.
struct ScannedEvaluation {
    /// One indicator row.
    struct Row {
        /// Index into ``FastVocabulary/categories``.
        var category = -1
        /// Index into ``FastVocabulary/subcategories``, or -1 for none.
        var subcategory = -1
        var name = 0..<0
        var weight = FixedDecimal(0)
        var target = 0..<0
        var actual = 0..<0
        var unit: Range<Int>?
        /// Index into ``Indicator/Judgement/allCases``, or -1 for none.
        var judgement = -1
        /// The score the table prints for the row.
        var published: FixedDecimal?
    }

    /// The figures a published table prints above its rows (`published`).
    struct Published {
        var total: FixedDecimal?
        var budget: FixedDecimal?
        /// Category (index into ``FastVocabulary/categories``) and printed score, in the file's order.
        var categories: [(category: Int, score: FixedDecimal)] = []
    }

    var title: Range<Int>?
    var agency: Range<Int>?
    var year: Range<Int>?
    var rules: Range<Int>?
    var planned = FixedDecimal(0)
    var executed = FixedDecimal(0)
    var budgetWeight: FixedDecimal?
    var rows: [Row] = []
    var published: Published?
    /// Whether any row prints its score.
    var printsRows = false

    /// Empties the evaluation for the next line, keeping the rows' storage.
    mutating func reset() {
        title = nil
        agency = nil
        year = nil
        rules = nil
        budgetWeight = nil
        rows.removeAll(keepingCapacity: true)
        published = nil
        printsRows = false
    }
}

/// Scans one perfscore/1 line of the common shape into a ``ScannedEvaluation``, or gives up.
///
/// It accepts exactly what ``EvaluationReader`` reads without a problem or a warning, restricted further to the
/// fields the fast lane scores: `format`, `title`, `agency`, `year`, `kind` (`project`), `rules`, `budget`
/// (`planned`, `executed`, `weight`), `published` (`total`, `budget`, `categories`) and `indicators` (`category`,
/// `subcategory`, `name`, `weight`, `target`, `actual`, `unit`, `judgement`, `published`). Strings must be valid UTF-8 with no escapes; numbers plain (no sign, no
/// exponent). Any other key, a duplicate key, a `null`, a non-standard category name, or any syntax error makes
/// ``scan(_:)`` return `false`; the line then goes to the ordinary path, which reports what is wrong.
struct FastLineScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let vocabulary: FastVocabulary
    private var index: Int
    private let end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, vocabulary: FastVocabulary = .shared) {
        self.bytes = bytes
        self.vocabulary = vocabulary
        index = 0
        end = bytes.count
    }

    /// Fills `evaluation`; `false` when the line is not of the shape the fast lane reads.
    mutating func scan(_ evaluation: inout ScannedEvaluation) -> Bool {
        evaluation.reset()
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return false }
        var seen = 0
        var first = true
        while true {
            guard let member = nextMember(&first) else { return false }
            guard case .key(let key) = member else { break }
            guard let field = topLevelField(key), seen & (1 << field) == 0 else { return false }
            seen |= 1 << field
            switch field {
            case 0:
                guard let value = string(), equals(value, Self.formatTag) else { return false }
            case 1:
                guard let value = text() else { return false }
                evaluation.title = value
            case 2:
                guard let value = text() else { return false }
                evaluation.agency = value
            case 3:
                guard let value = year() else { return false }
                evaluation.year = value
            case 4:
                guard let value = string(), equals(value, Self.projectKind) else { return false }
            case 5:
                guard let value = text() else { return false }
                evaluation.rules = value
            case 6:
                guard budget(&evaluation) else { return false }
            case 7:
                guard indicators(&evaluation) else { return false }
            default:
                guard let published = published() else { return false }
                evaluation.published = published
            }
        }
        evaluation.printsRows = evaluation.rows.contains { $0.published != nil }
        skipSpace()
        // format, budget and indicators are required.
        return index == end && seen & 0b1100_0001 == 0b1100_0001
    }

    static let formatTag = Array(Evaluation.formatTag.utf8)
    static let projectKind = Array(Evaluation.Kind.project.rawValue.utf8)

    // MARK: - Keys

    /// What comes next in an object whose `{` has been read.
    private enum Member {
        /// A key, the scanner standing at its value.
        case key(Range<Int>)
        /// The object's `}`, read.
        case end
    }

    /// The next member of an object: the first must be a key (an empty object lacks required fields); later ones
    /// follow a comma. `nil` on anything else.
    private mutating func nextMember(_ first: inout Bool) -> Member? {
        skipSpace()
        if !first {
            if take(UInt8(ascii: "}")) { return .end }
            guard take(UInt8(ascii: ",")) else { return nil }
            skipSpace()
        }
        first = false
        guard let key = string() else { return nil }
        skipSpace()
        guard take(UInt8(ascii: ":")) else { return nil }
        skipSpace()
        return .key(key)
    }

    /// `format title agency year kind rules budget indicators published` → 0…8.
    private func topLevelField(_ key: Range<Int>) -> Int? {
        switch key.count {
        case 4: return equals(key, "year") ? 3 : equals(key, "kind") ? 4 : nil
        case 5: return equals(key, "title") ? 1 : equals(key, "rules") ? 5 : nil
        case 6: return equals(key, "format") ? 0 : equals(key, "agency") ? 2 : equals(key, "budget") ? 6 : nil
        case 9: return equals(key, "published") ? 8 : nil
        case 10: return equals(key, "indicators") ? 7 : nil
        default: return nil
        }
    }

    /// `total budget categories` → 0…2.
    private func publishedField(_ key: Range<Int>) -> Int? {
        switch key.count {
        case 5: return equals(key, "total") ? 0 : nil
        case 6: return equals(key, "budget") ? 1 : nil
        case 10: return equals(key, "categories") ? 2 : nil
        default: return nil
        }
    }

    /// `planned executed weight` → 0…2.
    private func budgetField(_ key: Range<Int>) -> Int? {
        switch key.count {
        case 6: return equals(key, "weight") ? 2 : nil
        case 7: return equals(key, "planned") ? 0 : nil
        case 8: return equals(key, "executed") ? 1 : nil
        default: return nil
        }
    }

    /// `category subcategory name weight target actual unit judgement published` → 0…8.
    private func rowField(_ key: Range<Int>) -> Int? {
        switch key.count {
        case 4: return equals(key, "name") ? 2 : equals(key, "unit") ? 6 : nil
        case 6: return equals(key, "weight") ? 3 : equals(key, "target") ? 4 : equals(key, "actual") ? 5 : nil
        case 8: return equals(key, "category") ? 0 : nil
        case 9: return equals(key, "judgement") ? 7 : equals(key, "published") ? 8 : nil
        case 11: return equals(key, "subcategory") ? 1 : nil
        default: return nil
        }
    }

    @inline(__always)
    private func equals(_ range: Range<Int>, _ word: StaticString) -> Bool {
        word.withUTF8Buffer { literal in
            literal.count == range.count && memcmp(bytes.baseAddress! + range.lowerBound, literal.baseAddress!, literal.count) == 0
        }
    }

    // MARK: - Blocks

    private mutating func budget(_ evaluation: inout ScannedEvaluation) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        var seen = 0
        var first = true
        while true {
            guard let member = nextMember(&first) else { return false }
            guard case .key(let key) = member else { break }
            guard let field = budgetField(key), seen & (1 << field) == 0,
                  let literal = number(), let value = FixedDecimal.read(bytes, literal) else { return false }
            seen |= 1 << field
            switch field {
            case 0: evaluation.planned = value
            case 1: evaluation.executed = value
            default: evaluation.budgetWeight = value
            }
        }
        return seen & 0b11 == 0b11
    }

    /// `published`: `{"total": …, "budget": …, "categories": {"产出指标": …}}`, each part optional, figures only.
    private mutating func published() -> ScannedEvaluation.Published? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var published = ScannedEvaluation.Published()
        skipSpace()
        if take(UInt8(ascii: "}")) { return published }
        var seen = 0
        var first = true
        while true {
            guard let member = nextMember(&first) else { return nil }
            guard case .key(let key) = member else { break }
            guard let field = publishedField(key), seen & (1 << field) == 0 else { return nil }
            seen |= 1 << field
            switch field {
            case 0:
                guard let literal = number(), let value = FixedDecimal.read(bytes, literal) else { return nil }
                published.total = value
            case 1:
                guard let literal = number(), let value = FixedDecimal.read(bytes, literal) else { return nil }
                published.budget = value
            default:
                guard take(UInt8(ascii: "{")) else { return nil }
                skipSpace()
                if take(UInt8(ascii: "}")) { continue }
                var firstCategory = true
                while true {
                    guard let entry = nextMember(&firstCategory) else { return nil }
                    guard case .key(let name) = entry else { break }
                    guard let category = FastVocabulary.index(of: name, in: bytes, among: vocabulary.categories),
                          !published.categories.contains(where: { $0.category == category }),
                          let literal = number(), let value = FixedDecimal.read(bytes, literal) else { return nil }
                    published.categories.append((category, value))
                }
            }
        }
        return published
    }

    private mutating func indicators(_ evaluation: inout ScannedEvaluation) -> Bool {
        guard take(UInt8(ascii: "[")) else { return false }
        skipSpace()
        guard !take(UInt8(ascii: "]")) else { return false }  // at least one indicator
        while true {
            skipSpace()
            guard let row = row(), evaluation.rows.count < EvaluationReader.mostIndicators else { return false }
            evaluation.rows.append(row)
            skipSpace()
            if take(UInt8(ascii: "]")) { return true }
            guard take(UInt8(ascii: ",")) else { return false }
        }
    }

    private mutating func row() -> ScannedEvaluation.Row? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var row = ScannedEvaluation.Row()
        var seen = 0
        var first = true
        while true {
            guard let member = nextMember(&first) else { return nil }
            guard case .key(let key) = member else { break }
            guard let field = rowField(key), seen & (1 << field) == 0 else { return nil }
            seen |= 1 << field
            switch field {
            case 0:
                guard let value = string(),
                      let category = FastVocabulary.index(of: value, in: bytes, among: vocabulary.categories) else { return nil }
                row.category = category
            case 1:
                guard let value = string(),
                      let subcategory = vocabulary.subcategories.firstIndex(where: { equals(value, $0.name) }) else { return nil }
                row.subcategory = subcategory
            case 2:
                guard let value = text(), hasVisibleCharacter(value) else { return nil }
                row.name = value
            case 3:
                guard let literal = number(), let value = FixedDecimal.read(bytes, literal) else { return nil }
                row.weight = value
            case 4:
                guard let value = cell() else { return nil }
                row.target = value
            case 5:
                guard let value = cell() else { return nil }
                row.actual = value
            case 6:
                guard let value = text() else { return nil }
                row.unit = value
            case 8:
                guard let literal = number(), let value = FixedDecimal.read(bytes, literal) else { return nil }
                row.published = value
            default:
                guard let value = string(),
                      let judgement = vocabulary.judgements.first(where: { equals(value, $0.spelling) })?.judgement,
                      let position = Indicator.Judgement.allCases.firstIndex(of: judgement) else { return nil }
                row.judgement = position
            }
        }
        // category, name, weight, target and actual are required.
        guard seen & 0b11_1101 == 0b11_1101 else { return nil }
        if row.subcategory >= 0, !vocabulary.subcategories[row.subcategory].categories.contains(row.category) {
            return nil  // a second level under the wrong first level: the ordinary path warns about it
        }
        return row
    }

    // MARK: - Values

    /// A string of at most ``EvaluationReader/longestText`` bytes (so never over the reader's limit).
    private mutating func text() -> Range<Int>? {
        guard let value = string(), value.count <= EvaluationReader.longestText else { return nil }
        return value
    }

    /// A cell: a string, or a number literal, which the reader takes as its text.
    private mutating func cell() -> Range<Int>? {
        guard index < end else { return nil }
        return bytes[index] == UInt8(ascii: "\"") ? text() : number()
    }

    private mutating func year() -> Range<Int>? {
        guard let literal = number() else { return nil }
        var value = 0
        for position in literal {
            let digit = bytes[position] &- 0x30
            guard digit < 10, value < 10_000 else { return nil }
            value = value * 10 + Int(digit)
        }
        return (1900...2200).contains(value) ? literal : nil
    }

    /// The content of a string with no escapes and no control characters, checked to be valid UTF-8.
    private mutating func string() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < end {
            let byte = bytes[index]
            if byte >= 0x80 {
                // The common case first: a three-byte character of the BMP outside the surrogates (all of Chinese).
                if byte >= 0xE1, byte <= 0xEC, index + 2 < end, bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 {
                    index += 3
                    continue
                }
                guard let length = utf8Length(at: index) else { return nil }
                index += length
            } else if byte == UInt8(ascii: "\"") {
                index += 1
                return start..<(index - 1)
            } else {
                guard byte >= 0x20, byte != UInt8(ascii: "\\") else { return nil }
                index += 1
            }
        }
        return nil
    }

    /// The length of the UTF-8 sequence at `position`, or `nil` when it is not well-formed (Unicode table 3-7:
    /// no overlong forms, no surrogates, nothing above U+10FFFF).
    private func utf8Length(at position: Int) -> Int? {
        let lead = bytes[position]
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            position + offset < end && range.contains(bytes[position + offset])
        }
        switch lead {
        case 0xC2...0xDF: return continuation(1) ? 2 : nil
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : nil
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : nil
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : nil
        default: return nil
        }
    }

    /// A JSON number with no sign and no exponent: `0`, `12`, `7295.84`.
    private mutating func number() -> Range<Int>? {
        let start = index
        guard index < end else { return nil }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < end, bytes[index] &- 0x30 < 10 { index += 1 }
            guard index > start else { return nil }
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fraction = index
            while index < end, bytes[index] &- 0x30 < 10 { index += 1 }
            guard index > fraction else { return nil }
        }
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") { return nil }
        return start..<index
    }

    /// Whether a name has a character that is not white space: an ASCII letter, digit or sign, or a Chinese
    /// character (what the reader's "not empty after trimming" needs, conservatively).
    private func hasVisibleCharacter(_ range: Range<Int>) -> Bool {
        range.contains { (0x21...0x7E).contains(bytes[$0]) || (0xE4...0xE9).contains(bytes[$0]) }
    }

    private mutating func skipSpace() {
        while index < end {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < end, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private func equals(_ range: Range<Int>, _ word: [UInt8]) -> Bool {
        range.count == word.count && FastVocabulary.matches(word, at: range.lowerBound, in: bytes, end: range.upperBound)
    }
}
