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

    /// 项目名称.
    public var title: String?
    /// 单位名称: the budget unit that files the evaluation.
    public var agency: String?
    /// 年度: the budget year evaluated.
    public var year: Int?
    /// A project (the default) or a unit's whole spending.
    public var kind: Kind
    /// The rule profile named by the file; `nil` means the caller's choice (``RuleProfile/wuhan2023`` by default).
    public var rules: RuleProfileID?
    /// 预算执行情况.
    public var budget: BudgetExecution
    /// The 三级指标 rows, in table order.
    public var indicators: [Indicator]
    /// What the published table printed, when it was published.
    public var published: PublishedFigures?
    /// The indicator points the table declares (指标权重比例, say 100), when it prints a total: lint compares it
    /// with the rows. An extension of perfscore/1.
    package var declaredPoints: ExactDecimal?
    /// Performance goals with ratios; when given, every indicator names its `goal` and the total is the budget
    /// score plus the goals' weighted scores. An extension of perfscore/1.
    public var goals: [Goal]
    /// The form's other cells: 实施单位, 年度总体目标, 填报人, 填报日期. An extension of perfscore/1.
    package var form = FormDetails()
    /// Where the figures come from (document, lines, notes), as the file wrote it: carried along, never scored.
    /// An extension of perfscore/1, see `docs/FORMAT.md` in the repository.
    var source: RawJSON?
    /// Fields perfscore/1 does not define, kept so that a round trip loses nothing; reported as warnings.
    var additionalFields: [RawJSON.Member] = []

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
        self.title = title
        self.agency = agency
        self.year = year
        self.kind = kind
        self.rules = rules
        self.budget = budget
        self.indicators = indicators
        self.published = published
        self.declaredPoints = declaredPoints
        self.goals = goals
        self.form = form
        self.source = source
        self.additionalFields = additionalFields
    }

    /// The format tag every perfscore/1 file carries.
    static let formatTag = "perfscore/1"
}
