/// 二级指标: the second level of the indicator taxonomy.
///
/// An open set like ``IndicatorCategory``. Printed variants are normalised when read: a numbered copy
/// (`数量指标1`, `数量指标（2）`) and a short form (`社会效益`) both give the standard name (`社会效益指标`).
///
/// Two layouts exist. The 2020 one (财预〔2020〕10号 annex) files 成本指标 under 产出指标; the 2021 one makes 成本指标
/// a first-level category with 经济成本指标, 社会成本指标 and 生态环境成本指标 under it. ``expectedCategories`` accepts both.
public struct IndicatorSubcategory: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The name: a standard one by its place in ``standardNames``, or a name of the table's own.
    private var name: TaxonomyName

    /// The printed name (`数量指标`).
    public var rawValue: String {
        get { name.text(among: Self.standardNames) }
        set { name = TaxonomyName(newValue, among: Self.standardNames) }
    }

    /// The name's place in ``standard``.
    var standardIndex: Int8? { name.standardIndex }

    /// Creates a second-level name as is; ``init(parsing:)`` also normalises numbered and short variants.
    public init(rawValue: String) {
        name = TaxonomyName(rawValue, among: Self.standardNames)
    }

    private init(standard index: Int8) {
        name = .standard(index)
    }

    /// The standard names, in the order of ``standard``.
    private static let standardNames = ["数量指标", "质量指标", "时效指标", "成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
                                        "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标"]

    /// 数量指标: how much is delivered.
    public static let quantity = IndicatorSubcategory(standard: 0)
    /// 质量指标: to what standard.
    public static let quality = IndicatorSubcategory(standard: 1)
    /// 时效指标: how fast or on time.
    public static let timeliness = IndicatorSubcategory(standard: 2)
    /// 成本指标 as a second-level name, under 产出指标 in the 2020 layout.
    public static let cost = IndicatorSubcategory(standard: 3)
    /// 经济成本指标 (2021 layout, under 成本指标).
    package static let economicCost = IndicatorSubcategory(standard: 4)
    /// 社会成本指标 (2021 layout, under 成本指标).
    package static let socialCost = IndicatorSubcategory(standard: 5)
    /// 生态环境成本指标 (2021 layout, under 成本指标).
    package static let environmentalCost = IndicatorSubcategory(standard: 6)
    /// 经济效益指标.
    public static let economicBenefit = IndicatorSubcategory(standard: 7)
    /// 社会效益指标.
    public static let socialBenefit = IndicatorSubcategory(standard: 8)
    /// 生态效益指标.
    public static let ecologicalBenefit = IndicatorSubcategory(standard: 9)
    /// 可持续影响指标.
    public static let sustainableImpact = IndicatorSubcategory(standard: 10)
    /// 服务对象满意度指标.
    public static let serviceRecipientSatisfaction = IndicatorSubcategory(standard: 11)

    /// Every standard second-level name with the first-level categories it may stand under (both layouts).
    static let standard: [(subcategory: IndicatorSubcategory, categories: [IndicatorCategory])] = [
        (.quantity, [.output]),
        (.quality, [.output]),
        (.timeliness, [.output]),
        (.cost, [.output, .cost]),
        (.economicCost, [.cost]),
        (.socialCost, [.cost]),
        (.environmentalCost, [.cost]),
        (.economicBenefit, [.benefit]),
        (.socialBenefit, [.benefit]),
        (.ecologicalBenefit, [.benefit]),
        (.sustainableImpact, [.benefit]),
        (.serviceRecipientSatisfaction, [.satisfaction]),
    ]

    /// The second-level names of cost (成本指标 and its 经济 / 社会 / 生态环境 kinds), under which a bare target
    /// reads as a ceiling.
    static let costs: [IndicatorSubcategory] = [.cost, .economicCost, .socialCost, .environmentalCost]

    /// Whether this is one of ``costs``: told from the standard index (3 to 6), without comparing names.
    var isCost: Bool {
        guard let index = standardIndex else { return false }
        return index >= Self.cost.standardIndex! && index <= Self.environmentalCost.standardIndex!
    }

    /// Reads a printed second-level name, normalising numbered and short variants.
    ///
    /// `数量指标1`, `数量指标（2）`, `数量` → ``quantity``; `社会效益` → ``socialBenefit``;
    /// `生态效益指标` → ``ecologicalBenefit``; `服务对象满意度` → ``serviceRecipientSatisfaction``.
    /// Other non-empty text is kept as printed, less a trailing number.
    package init?(parsing text: String) {
        if let known = Self.standard.first(where: { $0.subcategory.rawValue.hasSameBytes(as: text) }) {
            self = known.subcategory
            return
        }
        var name = Substring(text.trimmingWhitespace)
        // A trailing number, bare or in brackets: 数量指标1, 数量指标（2）, 数量指标(3).
        if let last = name.last, last == ")" || last == "）" {
            if let open = name.lastIndex(where: { $0 == "(" || $0 == "（" }),
               name[name.index(after: open)..<name.index(before: name.endIndex)].allSatisfy(\.isNumber) {
                name = name[..<open]
            }
        }
        while let last = name.last, last.isNumber { name.removeLast() }
        let trimmed = String(name).trimmingWhitespace
        guard !trimmed.isEmpty else { return nil }
        let aliases: [String: IndicatorSubcategory] = [
            "生态环境效益指标": .ecologicalBenefit,
            "社会公众或服务对象满意度指标": .serviceRecipientSatisfaction,
        ]
        for (subcategory, _) in Self.standard {
            let short = String(subcategory.rawValue.dropLast(2))
            if trimmed == subcategory.rawValue || trimmed == short {
                self = subcategory
                return
            }
        }
        let withSuffix = trimmed.hasSuffix("指标") ? trimmed : trimmed + "指标"
        if let alias = aliases[withSuffix] {
            self = alias
            return
        }
        self.init(rawValue: trimmed)
    }

    /// Whether two names are the same, byte for byte.
    public static func == (lhs: IndicatorSubcategory, rhs: IndicatorSubcategory) -> Bool {
        lhs.name.isSame(as: rhs.name)
    }

    /// Hashes the name's bytes.
    public func hash(into hasher: inout Hasher) {
        rawValue.hashBytes(into: &hasher)
    }

    /// The first-level categories this name may stand under, or `nil` when it is not a standard name.
    ///
    /// Asked of every row, in its cheap form ``mayStand(under:)``.
    var expectedCategories: [IndicatorCategory]? {
        standardIndex.map { Self.standard[Int($0)].categories }
    }

    /// Whether this name may stand under `category`: `true` or `false` for a standard name under a standard
    /// category, `nil` when either is a table's own (no rule says where it stands). The same answer as
    /// ``expectedCategories``, read from a mask of the standard categories' indices.
    func mayStand(under category: IndicatorCategory) -> Bool? {
        guard let index = standardIndex, let categoryIndex = category.standardIndex else { return nil }
        return Self.categoryMasks[Int(index)] & (1 << UInt8(categoryIndex)) != 0
    }

    /// For each standard name, a bit for each standard category it may stand under.
    private static let categoryMasks: [UInt8] = standard.map { entry in
        entry.categories.reduce(0) { mask, category in mask | (1 << UInt8(category.standardIndex ?? 0)) }
    }

    /// The printed name.
    public var description: String {
        rawValue
    }
}
