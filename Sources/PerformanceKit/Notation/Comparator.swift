extension IndicatorValue {
    /// The comparator in front of (or after) a target or actual value.
    ///
    /// A closed set: the published rules know at least, at most, strictly less, strictly more and equal. Every
    /// spelling the tables use is accepted (``spellings``); ``description`` prints the canonical one.
    package enum Comparator: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// `≥ ≧ >= 不低于 不少于 …以上`: at least.
        case atLeast = "≥"
        /// `≤ ≦ <= 不高于 不超过 …以内`: at most.
        case atMost = "≤"
        /// `＜ < 低于 小于`: strictly less.
        case lessThan = "<"
        /// `＞ > 高于 大于`: strictly more.
        case greaterThan = ">"
        /// `= ＝ ═`: equal.
        case equal = "="

        /// Symbol spellings, longest first so that `>=` is read before `>`.
        static let symbolSpellings: [(String, Comparator)] = [
            (">=", .atLeast), ("≥", .atLeast), ("≧", .atLeast), ("⩾", .atLeast), ("＞＝", .atLeast),
            ("<=", .atMost), ("≤", .atMost), ("≦", .atMost), ("⩽", .atMost), ("＜＝", .atMost),
            ("＜", .lessThan), ("<", .lessThan),
            ("＞", .greaterThan), (">", .greaterThan),
            ("==", .equal), ("=", .equal), ("＝", .equal), ("═", .equal),
        ]

        /// Word spellings that stand before the number.
        static let prefixWords: [(String, Comparator)] = [
            ("大于等于", .atLeast), ("大于或等于", .atLeast), ("不低于", .atLeast), ("不少于", .atLeast), ("不小于", .atLeast),
            ("小于等于", .atMost), ("小于或等于", .atMost), ("不高于", .atMost), ("不超过", .atMost), ("不多于", .atMost),
            ("不大于", .atMost),
            ("低于", .lessThan), ("小于", .lessThan), ("少于", .lessThan),
            ("高于", .greaterThan), ("大于", .greaterThan), ("多于", .greaterThan), ("超过", .greaterThan),
            ("等于", .equal),
        ]

        /// Word spellings that stand after the value: `99.9%以上`, `3天以内`.
        static let suffixWords: [(String, Comparator)] = [
            ("及以上", .atLeast), ("以上", .atLeast), ("以内", .atMost), ("及以下", .atMost), ("以下", .atMost),
        ]

        /// Every accepted spelling of this comparator.
        package var spellings: [String] {
            (Self.symbolSpellings + Self.prefixWords + Self.suffixWords).filter { $0.1 == self }.map(\.0)
        }

        /// Whether a larger actual is better under this comparator (`≥`, `>`), as the rule's direction inference uses it.
        package var pointsForward: Bool {
            self == .atLeast || self == .greaterThan
        }

        /// Whether a smaller actual is better (`≤`, `<`).
        package var pointsBackward: Bool {
            self == .atMost || self == .lessThan
        }

        /// The canonical symbol: `≥`, `≤`, `<`, `>`, `=`.
        package var description: String {
            rawValue
        }
    }
}
