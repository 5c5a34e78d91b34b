/// One self-evaluation: a 项目支出绩效自评表 (or, with ``Kind-swift.enum/department``, a 部门整体支出绩效自评表).
///
/// An evaluation holds what the table holds: the budget execution block, the indicators with their points,
/// targets and actuals, and, when the table was published, the figures it printed. Build one in code or read
/// one from a perfscore/1 file with ``EvaluationReader``.
///
/// ```swift
/// let evaluation = Evaluation(
///     title: "政务服务和政务公开能力建设运行费",
///     budget: BudgetExecution(planned: ExactDecimal("894.13")!, executed: ExactDecimal("894.13")!),
///     indicators: [
///         Indicator(category: .output, subcategory: .quantity, name: "制发帮办代办工作情况通报",
///                   unit: "期", weight: 1, target: "4", actual: "3"),
///     ])
/// ```
public struct Evaluation: Sendable, Equatable {
    /// A performance goal with its ratio (Hubei's goal-ratio mode for 部门整体 self-evaluation): the goal's score is
    /// the sum of its indicators' scores × ratio ÷ 100.
    public struct Goal: Sendable, Equatable {
        /// The goal's name, as the indicators' `goal` names it.
        public var name: String
        /// The goal's share, in percent.
        public var ratio: ExactDecimal

        /// Creates a goal with its ratio in percent.
        public init(name: String, ratio: ExactDecimal) {
            self.name = name
            self.ratio = ratio
        }
    }

    /// Whether the table evaluates one project or a unit's whole spending.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// 项目支出绩效自评 (the default).
        case project
        /// 部门整体支出绩效自评.
        case department
    }

    /// The fields, in one box shared by copies until one of them changes (copy on write): an evaluation is handed
    /// from the reader to the scorer and into its score card, and a copy of thirteen fields counted a reference
    /// for each of their strings and arrays, atomically, several times an evaluation. Changed only when this value
    /// holds the only reference, so that no two values see each other's changes.
    struct Fields: Sendable, Equatable {
        var title: String?
        var agency: String?
        var year: Int?
        var kind: Kind
        var rules: RuleProfileID?
        var budget: BudgetExecution
        var indicators: [Indicator]
        var published: PublishedFigures?
        var declaredPoints: ExactDecimal?
        var goals: [Goal]
        var form: FormDetails
        var source: RawJSON?
        var additionalFields: [RawJSON.Member]
    }

    final class Storage: @unchecked Sendable, Equatable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }

        /// Evaluations are equal when every field is.
        static func == (lhs: Storage, rhs: Storage) -> Bool {
            lhs === rhs || lhs.fields == rhs.fields
        }
    }

    private var storage: Storage

    /// The storage, copied first when another value shares it.
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            return storage
        }
    }

    /// 项目名称.
    public var title: String? {
        get { storage.fields.title }
        set { unique.fields.title = newValue }
    }
    /// 单位名称: the budget unit that files the evaluation.
    public var agency: String? {
        get { storage.fields.agency }
        set { unique.fields.agency = newValue }
    }
    /// 年度: the budget year evaluated.
    public var year: Int? {
        get { storage.fields.year }
        set { unique.fields.year = newValue }
    }
    /// A project (the default) or a unit's whole spending.
    public var kind: Kind {
        get { storage.fields.kind }
        set { unique.fields.kind = newValue }
    }
    /// The rule profile named by the file; `nil` means the caller's choice (``RuleProfile/wuhan2023`` by default).
    public var rules: RuleProfileID? {
        get { storage.fields.rules }
        set { unique.fields.rules = newValue }
    }
    /// 预算执行情况.
    public var budget: BudgetExecution {
        get { storage.fields.budget }
        set { unique.fields.budget = newValue }
    }
    /// The 三级指标 rows, in table order.
    public var indicators: [Indicator] {
        get { storage.fields.indicators }
        // A row changed in place (`indicators[3].published = nil`) changes the array where it stands.
        _modify { yield &unique.fields.indicators }
    }
    /// What the published table printed, when it was published.
    public var published: PublishedFigures? {
        get { storage.fields.published }
        set { unique.fields.published = newValue }
    }
    /// The indicator points the table declares (指标权重比例, say 100), when it prints a total: lint compares it
    /// with the rows. An extension of perfscore/1.
    package var declaredPoints: ExactDecimal? {
        get { storage.fields.declaredPoints }
        set { unique.fields.declaredPoints = newValue }
    }
    /// Performance goals with ratios; when given, every indicator names its `goal` and the total is the budget
    /// score plus the goals' weighted scores. An extension of perfscore/1.
    public var goals: [Goal] {
        get { storage.fields.goals }
        set { unique.fields.goals = newValue }
    }
    /// The form's other cells: 实施单位, 年度总体目标, 填报人, 填报日期. An extension of perfscore/1.
    package var form: FormDetails {
        get { storage.fields.form }
        set { unique.fields.form = newValue }
    }
    /// Where the figures come from (document, lines, notes), as the file wrote it: carried along, never scored.
    /// An extension of perfscore/1, see `docs/FORMAT.md` in the repository.
    var source: RawJSON? {
        get { storage.fields.source }
        set { unique.fields.source = newValue }
    }
    /// Fields perfscore/1 does not define, kept so that a round trip loses nothing; reported as warnings.
    var additionalFields: [RawJSON.Member] {
        get { storage.fields.additionalFields }
        set { unique.fields.additionalFields = newValue }
    }

    /// Creates an evaluation; only the budget block and the indicators are required.
    public init(
        title: String? = nil,
        agency: String? = nil,
        year: Int? = nil,
        kind: Kind = .project,
        rules: RuleProfileID? = nil,
        budget: BudgetExecution,
        indicators: [Indicator],
        published: PublishedFigures? = nil,
        declaredPoints: ExactDecimal? = nil,
        goals: [Goal] = []
    ) {
        self.init(title: title, agency: agency, year: year, kind: kind, rules: rules, budget: budget, indicators: indicators,
                  published: published, declaredPoints: declaredPoints, goals: goals, form: FormDetails(), source: nil,
                  additionalFields: [])
    }

    /// An evaluation as a file gives it, with what only reading gives (the form's details, the `source` and other
    /// unknown fields as written), set in one go: setting them after `init` copied the whole evaluation.
    init(title: String?, agency: String?, year: Int?, kind: Kind, rules: RuleProfileID?, budget: BudgetExecution,
         indicators: [Indicator], published: PublishedFigures?, declaredPoints: ExactDecimal?, goals: [Goal],
         form: FormDetails, source: RawJSON?, additionalFields: [RawJSON.Member]) {
        storage = Storage(Fields(title: title, agency: agency, year: year, kind: kind, rules: rules, budget: budget,
                                 indicators: indicators, published: published, declaredPoints: declaredPoints, goals: goals,
                                 form: form, source: source, additionalFields: additionalFields))
    }

    /// The format tag every perfscore/1 file carries.
    static let formatTag = "perfscore/1"
}
