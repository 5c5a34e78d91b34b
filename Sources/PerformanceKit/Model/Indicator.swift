/// One 三级指标 row of a self-evaluation table: its place in the taxonomy, its points, its target and its actual.
///
/// Targets and actuals are kept as the text the table printed (`"≥1800"`, `"＜48小时"`, `"全年未发生安全事故"`);
/// ``IndicatorValue/init(parsing:)`` reads their meaning when the indicator is scored, so that a value nobody can
/// read is reported against this row rather than lost.
public struct Indicator: Sendable, Equatable {
    /// How the score relates to the actual value, when the target's notation does not say it or says it wrongly.
    public enum Direction: String, Sendable, Equatable, CaseIterable {
        /// 正向: more is better; `w × B ÷ A`.
        case forward
        /// 反向: less is better; `w × A ÷ B`.
        case reverse
        /// The actual must equal the target.
        case equal
        /// 定性: scored by tier (``Judgement``), not by ratio.
        case qualitative
    }

    /// The tier of a qualitative indicator (定性指标计分原则).
    public enum Judgement: String, Sendable, Equatable, CaseIterable {
        /// 达成预期指标.
        case achieved = "达成"
        /// 部分达成预期指标并具有一定效果.
        case partial = "部分达成"
        /// 未达成预期指标且效果较差.
        case unachieved = "未达成"

        /// Reads the Chinese tier names and their English ids (`achieved`, `partial`, `unachieved`): one of
        /// ``spellings``, with white space around it.
        package init?(parsing text: String) {
            let trimmed = text.trimmingWhitespace
            guard let spelling = Self.spellings.first(where: { $0.text == trimmed }) else { return nil }
            self = spelling.judgement
        }

        /// Every way a tier is written, each with its tier: the short and the long Chinese names, and the English id.
        static let spellings: [(text: String, judgement: Judgement)] = [
            ("达成", .achieved), ("达成预期指标", .achieved), ("achieved", .achieved),
            ("部分达成", .partial), ("部分达成预期指标", .partial), ("部分达成预期指标并具有一定效果", .partial), ("partial", .partial),
            ("未达成", .unachieved), ("未达成预期指标", .unachieved), ("未达成预期指标且效果较差", .unachieved), ("unachieved", .unachieved),
        ]

        /// The English id used in JSON output.
        var englishID: String {
            switch self {
            case .achieved: return "achieved"
            case .partial: return "partial"
            case .unachieved: return "unachieved"
            }
        }
    }

    /// One budget unit's row for an indicator that several units report (perfscore/1 `parts`).
    public struct Part: Sendable, Equatable {
        /// The budget unit the row is for.
        public var agency: String?
        /// The unit's funds, which weight relative values and qualitative scores.
        public var fund: ExactDecimal?
        /// The unit's actual, as printed; `nil` when the part gives only a qualitative `score`.
        public var actual: String?
        /// The unit's own score of a qualitative indicator, fund-weighted into the indicator's.
        public var score: ExactDecimal?

        /// Creates a unit's row: an actual for a quantitative indicator, a score for a qualitative one.
        public init(agency: String? = nil, fund: ExactDecimal? = nil, actual: String? = nil, score: ExactDecimal? = nil) {
            self.agency = agency
            self.fund = fund
            self.actual = actual
            self.score = score
        }
    }

    /// How several units' actuals combine (备注 2: "绝对值直接累加计算，相对值按照资金额度加权平均计算").
    public enum Aggregation: String, Sendable, Equatable, CaseIterable {
        /// Counts and amounts: summed.
        case absolute
        /// Rates and percentages: weighted by each unit's funds.
        case relative
    }

    /// The row's fields, shared by copies until one of them changes (copy on write): a row is copied into its
    /// score and passed through every stage, and a shared reference is all such a copy costs. Mutated only when
    /// this value holds the only reference, so that no two values ever see each other's changes.
    ///
    /// Texts are ``CellText``s: a row read from a file keeps them as places in the file's bytes (`store`), and a
    /// string is made only when one is asked for.
    final class Storage: @unchecked Sendable {
        var store: TextStore?
        var category: IndicatorCategory
        var subcategory: IndicatorSubcategory?
        var name: CellText
        var unit: CellText?
        var weight: ExactDecimal
        var target: CellText
        var actual: CellText?
        var direction: Direction?
        var judgement: Judgement?
        var score: ExactDecimal?
        var deduction: ExactDecimal?
        var reason: CellText?
        var parts: [Part]?
        var aggregation: Aggregation?
        var published: ExactDecimal?
        var previous: CellText?
        var basis: CellText?
        var goal: CellText?
        var additionalFields: [RawJSON.Member]

        init(
            store: TextStore?, category: IndicatorCategory, subcategory: IndicatorSubcategory?, name: CellText, unit: CellText?,
            weight: ExactDecimal, target: CellText, actual: CellText?, direction: Direction?, judgement: Judgement?,
            score: ExactDecimal?, deduction: ExactDecimal?, reason: CellText?, parts: [Part]?,
            aggregation: Aggregation?, published: ExactDecimal?, previous: CellText?, basis: CellText?, goal: CellText?,
            additionalFields: [RawJSON.Member]
        ) {
            self.store = store
            self.category = category
            self.subcategory = subcategory
            self.name = name
            self.unit = unit
            self.weight = weight
            self.target = target
            self.actual = actual
            self.direction = direction
            self.judgement = judgement
            self.score = score
            self.deduction = deduction
            self.reason = reason
            self.parts = parts
            self.aggregation = aggregation
            self.published = published
            self.previous = previous
            self.basis = basis
            self.goal = goal
            self.additionalFields = additionalFields
        }

        func copy() -> Storage {
            Storage(
                store: store, category: category, subcategory: subcategory, name: name, unit: unit, weight: weight,
                target: target, actual: actual, direction: direction, judgement: judgement, score: score,
                deduction: deduction, reason: reason, parts: parts, aggregation: aggregation, published: published,
                previous: previous, basis: basis, goal: goal, additionalFields: additionalFields
            )
        }
    }

    private var storage: Storage

    /// The storage, copied first when another value shares it.
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// 一级指标.
    public var category: IndicatorCategory {
        get { storage.category }
        set { unique().category = newValue }
    }
    /// 二级指标.
    public var subcategory: IndicatorSubcategory? {
        get { storage.subcategory }
        set { unique().subcategory = newValue }
    }
    /// 三级指标: the indicator's name.
    public var name: String {
        get { storage.name.string(in: storage.store) }
        set { unique().name = CellText(newValue) }
    }
    /// 计量单位, when the target and actual do not carry it.
    public var unit: String? {
        get { storage.unit?.string(in: storage.store) }
        set { unique().unit = newValue.map(CellText.init) }
    }
    /// 分值: the indicator's points.
    public var weight: ExactDecimal {
        get { storage.weight }
        set { unique().weight = newValue }
    }
    /// 年初目标值 / 年度指标值, as printed.
    public var target: String {
        get { storage.target.string(in: storage.store) }
        set { unique().target = CellText(newValue) }
    }
    /// 实际完成值, as printed; `nil` in a target table (绩效目标表) or when ``parts`` carry the actuals.
    public var actual: String? {
        get { storage.actual?.string(in: storage.store) }
        set { unique().actual = newValue.map(CellText.init) }
    }
    /// Overrides the direction the target's notation implies.
    public var direction: Direction? {
        get { storage.direction }
        set { unique().direction = newValue }
    }
    /// The tier of a qualitative indicator.
    public var judgement: Judgement? {
        get { storage.judgement }
        set { unique().judgement = newValue }
    }
    /// An evaluator's own score for the row (inside its tier's band, or a deliberate adjustment with ``reason``).
    public var score: ExactDecimal? {
        get { storage.score }
        set { unique().score = newValue }
    }
    /// Points taken off the computed score; the score never falls below 0.
    public var deduction: ExactDecimal? {
        get { storage.deduction }
        set { unique().deduction = newValue }
    }
    /// Why the evaluator's ``score`` or ``deduction`` departs from the rule.
    public var reason: String? {
        get { storage.reason?.string(in: storage.store) }
        set { unique().reason = newValue.map(CellText.init) }
    }
    /// Several budget units' rows for this indicator.
    public var parts: [Part]? {
        get { storage.parts }
        set { unique().parts = newValue }
    }
    /// How ``parts`` combine, when the unit does not say it (`%` and names in 率 / 比例 / 满意度 are relative).
    public var aggregation: Aggregation? {
        get { storage.aggregation }
        set { unique().aggregation = newValue }
    }
    /// The score printed in the published table.
    public var published: ExactDecimal? {
        get { storage.published }
        set { unique().published = newValue }
    }
    /// Last year's target (上年指标值), as printed: lint compares it with this year's.
    package var previous: String? {
        get { storage.previous?.string(in: storage.store) }
        set { unique().previous = newValue.map(CellText.init) }
    }
    /// 指标值确定依据 (计划标准, 历史标准, 行业标准 …), as printed.
    package var basis: String? {
        get { storage.basis?.string(in: storage.store) }
        set { unique().basis = newValue.map(CellText.init) }
    }
    /// The name of the performance goal (``Evaluation/goals``) the row belongs to, in goal-ratio mode.
    public var goal: String? {
        get { storage.goal?.string(in: storage.store) }
        set { unique().goal = newValue.map(CellText.init) }
    }
    /// Fields perfscore/1 does not define, kept for round trips.
    var additionalFields: [RawJSON.Member] {
        get { storage.additionalFields }
        set { unique().additionalFields = newValue }
    }

    /// Rows are equal when every field is.
    public static func == (lhs: Indicator, rhs: Indicator) -> Bool {
        lhs.storage === rhs.storage || (lhs.category == rhs.category && lhs.subcategory == rhs.subcategory && lhs.name == rhs.name && lhs.unit == rhs.unit && lhs.weight == rhs.weight && lhs.target == rhs.target && lhs.actual == rhs.actual && lhs.direction == rhs.direction && lhs.judgement == rhs.judgement && lhs.score == rhs.score && lhs.deduction == rhs.deduction && lhs.reason == rhs.reason && lhs.parts == rhs.parts && lhs.aggregation == rhs.aggregation && lhs.published == rhs.published && lhs.previous == rhs.previous && lhs.basis == rhs.basis && lhs.goal == rhs.goal && lhs.additionalFields == rhs.additionalFields)
    }

    /// Creates a row; the category, name, points and target are required.
    public init(
        category: IndicatorCategory,
        subcategory: IndicatorSubcategory? = nil,
        name: String,
        unit: String? = nil,
        weight: ExactDecimal,
        target: String,
        actual: String? = nil,
        direction: Direction? = nil,
        judgement: Judgement? = nil,
        score: ExactDecimal? = nil,
        deduction: ExactDecimal? = nil,
        reason: String? = nil,
        parts: [Part]? = nil,
        aggregation: Aggregation? = nil,
        published: ExactDecimal? = nil,
        previous: String? = nil,
        basis: String? = nil,
        goal: String? = nil
    ) {
        storage = Storage(
            store: nil, category: category, subcategory: subcategory, name: CellText(name), unit: unit.map(CellText.init),
            weight: weight, target: CellText(target), actual: actual.map(CellText.init), direction: direction,
            judgement: judgement, score: score, deduction: deduction, reason: reason.map(CellText.init), parts: parts,
            aggregation: aggregation, published: published, previous: previous.map(CellText.init),
            basis: basis.map(CellText.init), goal: goal.map(CellText.init), additionalFields: []
        )
    }

    /// A row read from a file: its texts are places in the file's bytes, `store` (``CellText``).
    init(
        store: TextStore, category: IndicatorCategory, subcategory: IndicatorSubcategory?, name: CellText, unit: CellText?,
        weight: ExactDecimal, target: CellText, actual: CellText?, direction: Direction?, judgement: Judgement?,
        score: ExactDecimal?, deduction: ExactDecimal?, reason: CellText?, parts: [Part]?, aggregation: Aggregation?,
        published: ExactDecimal?, previous: CellText?, basis: CellText?, goal: CellText?, additionalFields: [RawJSON.Member]
    ) {
        storage = Storage(
            store: store, category: category, subcategory: subcategory, name: name, unit: unit, weight: weight, target: target,
            actual: actual, direction: direction, judgement: judgement, score: score, deduction: deduction, reason: reason,
            parts: parts, aggregation: aggregation, published: published, previous: previous, basis: basis, goal: goal,
            additionalFields: additionalFields
        )
    }

    /// Runs `body` over the target's bytes, in place.
    @inline(__always)
    func withTargetBytes<Result, Failure: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result) throws(Failure) -> Result {
        try storage.target.withBytes(in: storage.store, body)
    }

    /// Runs `body` over the actual's bytes (empty when there is none), in place.
    @inline(__always)
    func withActualBytes<Result, Failure: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result) throws(Failure) -> Result {
        guard let actual = storage.actual else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try actual.withBytes(in: storage.store, body)
    }

    /// Runs `body` over the unit column's bytes, in place; `nil` when the row has no unit column.
    @inline(__always)
    func withUnitBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard let unit = storage.unit else { return nil }
        return unit.withBytes(in: storage.store, body)
    }

    /// The reason, where the row keeps it: an explanation holds it without making a string of it.
    var storedReason: StoredText? {
        storage.reason.map { StoredText(store: storage.store, cell: $0) }
    }

    /// The row's texts, by name, for reading their bytes in place (``withBytes(of:_:)``).
    enum TextField {
        case name, unit, target, actual, reason, previous, basis, goal
    }

    /// Runs `body` over the bytes of one of the row's texts, in place; `nil` when the row has none.
    @inline(__always)
    func withBytes<Result>(of field: TextField, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        let cell: CellText?
        switch field {
        case .name: cell = storage.name
        case .unit: cell = storage.unit
        case .target: cell = storage.target
        case .actual: cell = storage.actual
        case .reason: cell = storage.reason
        case .previous: cell = storage.previous
        case .basis: cell = storage.basis
        case .goal: cell = storage.goal
        }
        return cell?.withBytes(in: storage.store, body)
    }

}

extension Indicator {
    /// Whether the row is a cost row: under 成本指标 as first level, or under 成本指标 as second level (the 2020
    /// layout's 产出 / 成本指标, and the 2021 layout's 经济 / 社会 / 生态环境成本指标).
    var isCost: Bool {
        category == .cost || storage.subcategory?.isCost == true
    }

    /// Whether the row states no actual: none of its own and no parts to make one, as a target table's (绩效目标表)
    /// rows do.
    var givesNoActual: Bool {
        storage.actual == nil && storage.parts == nil
    }
}
