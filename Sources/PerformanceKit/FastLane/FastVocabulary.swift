/// The words the fast lane recognises, as UTF-8 bytes, taken from the library's own vocabularies (comparator
/// spellings, magnitudes, suffix words, unit spellings, the taxonomy, judgements) so that there is one list of
/// each, never a second copy to drift.
final class FastVocabulary: Sendable {
    /// Comparator symbols in ``IndicatorValue/Comparator/symbolSpellings`` order (longest spelling of a prefix
    /// first, as the ordinary reader tries them), each with its comparator and its canonical symbol.
    let comparators: [(spelling: [UInt8], comparator: IndicatorValue.Comparator, symbol: [UInt8])]
    /// Magnitude words with their powers of ten, the longest first (万亿 before 万), as the ordinary reader tries
    /// them; a unit must not start with one.
    let magnitudes: [(word: [UInt8], exponent: Int)]
    /// Words a unit must not end with (以上, 以内: the ordinary reader takes them as a comparator).
    let suffixWords: [[UInt8]]
    /// Unit spellings the ordinary reader rewrites (平方米 → ㎡); a cell with one goes to the ordinary path.
    let rewrittenUnits: [[UInt8]]
    /// The four standard first-level categories, in ``IndicatorCategory/standard`` order.
    let categories: [[UInt8]]
    /// The standard second-level names, each with the indices (into ``categories``) of the categories it belongs
    /// under, and whether it is a kind of cost (``IndicatorSubcategory/costs``).
    let subcategories: [(name: [UInt8], categories: [Int], isCost: Bool)]
    /// The index of 成本指标 in ``categories``.
    let costCategory: Int
    /// Judgement spellings: the Chinese word and the English id of each.
    let judgements: [(spelling: [UInt8], judgement: Indicator.Judgement)]

    /// The one vocabulary, built once.
    static let shared = FastVocabulary()

    private init() {
        comparators = IndicatorValue.Comparator.symbolSpellings.map { spelling, comparator in
            (Array(spelling.utf8), comparator, Array(comparator.description.utf8))
        }
        magnitudes = Quantity.Magnitude.allCases.filter { $0 != .one }
            .map { (Array($0.rawValue.utf8), $0.factor.plainText.count - 1) }
            .sorted { $0.word.count > $1.word.count }
        suffixWords = IndicatorValue.Comparator.suffixWords.map { Array($0.0.utf8) }
        rewrittenUnits = Quantity.unitSpellings.keys.map { Array($0.utf8) }
        categories = IndicatorCategory.standard.map { Array($0.rawValue.utf8) }
        subcategories = IndicatorSubcategory.standard.map { entry in
            (Array(entry.subcategory.rawValue.utf8),
             entry.categories.compactMap { category in IndicatorCategory.standard.firstIndex(of: category) },
             IndicatorSubcategory.costs.contains(entry.subcategory))
        }
        costCategory = IndicatorCategory.standard.firstIndex(of: .cost) ?? -1
        judgements = Indicator.Judgement.allCases.flatMap { judgement in
            [(Array(judgement.rawValue.utf8), judgement), (Array(judgement.englishID.utf8), judgement)]
        }
    }

    /// The comparator spelled at `index`, with its position in ``comparators`` and its length in bytes.
    func comparator(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> (index: Int, length: Int)? {
        for (position, entry) in comparators.enumerated()
        where Self.matches(entry.spelling, at: index, in: bytes, end: end) {
            return (position, entry.spelling.count)
        }
        return nil
    }

    /// Whether a unit of Chinese characters is read as it stands: no magnitude before it, no suffix word at its
    /// end, no other spelling of a unit.
    func isPlainUnit(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        if magnitude(at: range.lowerBound, in: bytes, end: range.upperBound) != nil { return false }
        for word in suffixWords where word.count <= range.count
            && Self.matches(word, at: range.upperBound - word.count, in: bytes, end: range.upperBound) {
            return false
        }
        for unit in rewrittenUnits where unit.count == range.count
            && Self.matches(unit, at: range.lowerBound, in: bytes, end: range.upperBound) {
            return false
        }
        return true
    }

    /// The magnitude word at `index`, as an index into ``magnitudes``.
    func magnitude(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Int? {
        magnitudes.firstIndex { Self.matches($0.word, at: index, in: bytes, end: end) }
    }

    /// Whether Latin letters are a unit the ordinary reader accepts (``IndicatorValueParser/latinUnits``, in any
    /// case) and keeps as written (not `m2`, which it rewrites to `㎡`).
    func isLatinUnit(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let unit = String(decoding: bytes[range], as: UTF8.self)
        return IndicatorValueParser.latinUnits.contains(unit.lowercased()) && Quantity.unitSpellings[unit] == nil
    }

    /// The index in `list` of the entry equal to `bytes[range]`.
    static func index(of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, among list: [[UInt8]]) -> Int? {
        list.firstIndex { $0.count == range.count && matches($0, at: range.lowerBound, in: bytes, end: range.upperBound) }
    }

    /// Whether `word` stands at `index` within `bytes[..<end]`.
    @inline(__always)
    static func matches(_ word: [UInt8], at index: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Bool {
        guard index + word.count <= end else { return false }
        for offset in 0..<word.count where bytes[index + offset] != word[offset] { return false }
        return true
    }
}
