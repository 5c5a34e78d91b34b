/// 一级指标: the first level of the indicator taxonomy.
///
/// An open set: the four categories of the national framework are static members, and a jurisdiction's own
/// first-level name is kept as printed (a warning says it is not one of the four). The raw value is the Chinese
/// name as tables print it (`产出指标`).
public struct IndicatorCategory: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The name: a standard one by its place in ``standardNames``, or a name of the table's own.
    private var name: TaxonomyName

    /// The printed name (`产出指标`).
    public var rawValue: String {
        get { name.text(among: Self.standardNames) }
        set { name = TaxonomyName(newValue, among: Self.standardNames) }
    }

    /// The category's place among the four of the national framework, so that comparing and classifying
    /// categories, row after row, costs an integer comparison.
    var standardIndex: Int8? { name.standardIndex }

    /// Creates a category from its printed name, as is; ``init(parsing:)`` also reads short names and English ids.
    public init(rawValue: String) {
        name = TaxonomyName(rawValue, among: Self.standardNames)
    }

    private init(standard index: Int8) {
        name = .standard(index)
    }

    /// The printed names of the four, in the order of ``standard``.
    private static let standardNames = ["成本指标", "产出指标", "效益指标", "满意度指标"]

    /// 成本指标: first-level in the 2021 layout (经济 / 社会 / 生态环境成本); under 产出 in the 2020 one.
    public static let cost = IndicatorCategory(standard: 0)
    /// 产出指标: 数量, 质量, 时效 (and 成本 in the 2020 layout).
    public static let output = IndicatorCategory(standard: 1)
    /// 效益指标: 经济, 社会, 生态效益 and 可持续影响.
    public static let benefit = IndicatorCategory(standard: 2)
    /// 满意度指标: 服务对象满意度.
    public static let satisfaction = IndicatorCategory(standard: 3)

    /// The four categories of the national framework, in the order the 2021 layout prints them.
    static let standard: [IndicatorCategory] = [.cost, .output, .benefit, .satisfaction]

    /// Reads a printed name or an English id: `产出指标`, `产出`, `output` all give ``output``.
    ///
    /// Any other non-empty text is kept as an open category; ``isStandard`` tells which.
    package init?(parsing text: String) {
        if let known = Self.spellings.first(where: { $0.0.hasSameBytes(as: text) }) {
            self = known.1
            return
        }
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { return nil }
        for category in Self.standard where trimmed == category.rawValue
            || trimmed == category.shortName || trimmed.lowercased() == category.englishID {
            self = category
            return
        }
        self.init(rawValue: trimmed)
    }

    /// Every exact spelling of the four categories, for the common case of a name printed as is.
    static let spellings: [(String, IndicatorCategory)] = standard.flatMap { category in
        [(category.rawValue, category), (category.shortName, category), (category.englishID, category)]
    }

    /// Whether this is one of the four categories of the national framework.
    package var isStandard: Bool {
        standardIndex != nil
    }

    /// Whether two categories have the same name, byte for byte (names are compared as printed, without Unicode
    /// normalisation, which is both exact and fast).
    public static func == (lhs: IndicatorCategory, rhs: IndicatorCategory) -> Bool {
        lhs.name.isSame(as: rhs.name)
    }

    /// Hashes the name's bytes.
    public func hash(into hasher: inout Hasher) {
        rawValue.hashBytes(into: &hasher)
    }

    /// `产出` for `产出指标`.
    var shortName: String {
        rawValue.hasSuffix("指标") ? String(rawValue.dropLast(2)) : rawValue
    }

    /// `cost`, `output`, `benefit`, `satisfaction`; the printed name for other categories.
    var englishID: String {
        switch self {
        case .cost: return "cost"
        case .output: return "output"
        case .benefit: return "benefit"
        case .satisfaction: return "satisfaction"
        default: return rawValue
        }
    }

    /// The printed name.
    public var description: String {
        rawValue
    }
}
