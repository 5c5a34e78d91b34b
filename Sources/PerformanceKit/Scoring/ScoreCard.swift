/// The scored evaluation: budget block, every indicator, category subtotals, total and grade, with what was
/// found on the way.
public struct ScoreCard: Sendable, Equatable {
    /// The budget execution block's score.
    public struct BudgetScore: Sendable, Equatable {
        /// The block's points.
        public var weight: ExactDecimal
        /// `executed ÷ planned`, uncapped, as a quotient; `nil` when `planned` is 0.
        var exactRate: Quotient?
        /// `weight × min(rate, 1)`, rounded.
        public var score: ExactDecimal
        /// How the score was reached, as values.
        var reasoning: Explanation
        /// The block as the table gives it.
        var block: BudgetExecution

        /// `executed ÷ planned`, uncapped, rounded half-up to 4 places (0.8619); `nil` when `planned` is 0.
        public var rate: ExactDecimal? {
            exactRate?.rounded(scale: 4)
        }

        /// How the score was reached: `20 × 894.13 ÷ 894.13 = 20`.
        public var explanation: String {
            reasoning.text
        }

        var planned: ExactDecimal { block.planned }
        var executed: ExactDecimal { block.executed }
        var initial: ExactDecimal? { block.initial }
    }

    /// A first-level category's subtotal: the sum of its rows' points and of their rounded scores (converted to
    /// the profile's points when the table is scored with another rule's).
    public struct CategoryScore: Sendable, Equatable {
        /// The category.
        public var category: IndicatorCategory
        /// The sum of its rows' points.
        public var weight: ExactDecimal
        /// `nil` when a row in it could not be scored.
        public var score: ExactDecimal?
    }

    /// A goal's score in goal-ratio mode: its rows' points and rounded scores summed, then weighted by its ratio.
    struct GoalScore: Sendable, Equatable {
        var name: String
        /// The goal's ratio in percent.
        var ratio: ExactDecimal
        /// Σ of its rows' points.
        var weight: ExactDecimal
        /// Σ of its rows' rounded scores; `nil` when a row could not be scored.
        var score: ExactDecimal?
        /// `score × ratio ÷ 100`, rounded half-up.
        var weighted: ExactDecimal?
        var reasoning: Explanation
        var explanation: String { reasoning.text }
    }

    /// The evaluation scored (with the profile's points when scored under another rule's).
    public var evaluation: Evaluation
    /// The rule it was scored by.
    public var profile: RuleProfile
    /// The budget execution block.
    public var budget: BudgetScore
    /// Every row, in table order.
    public var indicators: [IndicatorScore]
    /// In the order the categories first appear in the table.
    public var categories: [CategoryScore]
    /// Budget score plus the category scores; `nil` when any row could not be scored.
    public var total: ExactDecimal?
    /// The profile's grade for the total.
    public var grade: String?
    /// Comparison with the published figures, when the evaluation carries them.
    public var verification: Verification?
    /// Everything found, in input order.
    public var diagnostics: [Diagnostic]
    /// The factor category points and scores were converted by when the table was written for another rule's
    /// indicator total (`perfscore --rules`); `nil` when rows and categories are as written.
    var indicatorScale: Quotient?
    /// The goals' scores in goal-ratio mode (``Evaluation/goals``); empty otherwise.
    var goals: [GoalScore] = []
    /// The points the whole table carries: budget block plus every indicator (each goal's points × its ratio ÷ 100
    /// in goal-ratio mode); `nil` only when they add up beyond what a decimal holds.
    var exactMaximum: ExactDecimal?

    /// The points the whole table carries: budget block plus every indicator (each goal's points × its ratio ÷ 100
    /// in goal-ratio mode).
    public var maximum: ExactDecimal {
        exactMaximum ?? budget.weight
    }

    /// Whether every row was scored, so that the total exists.
    package var isComplete: Bool {
        total != nil
    }

    /// The reason the evaluation gives for a row's lost points (its `reason`), if any.
    func reason(for row: IndicatorScore) -> String? {
        row.indicator.reason
    }

    /// The diagnostics of error severity.
    public var errors: [Diagnostic] {
        diagnostics.filter { $0.severity == .error }
    }

    /// The cells of a workbook read as blank because they hold a formula saved without its value: figures, printed
    /// or not, that could not be compared.
    package var unreadCells: [Diagnostic] {
        diagnostics.filter { $0.code == .uncalculatedFormula }
    }

    /// Whether every printed figure was compared and agrees: no difference, nothing left uncompared, and no workbook
    /// cell read as blank for want of its saved value (``unreadCells``). True of a table that prints none.
    package var printedFiguresAgree: Bool {
        verification?.agrees != false && unreadCells.isEmpty
    }

    /// The warnings on the field an error is on, which say why it could not be read (a workbook formula saved
    /// without its value, ``Diagnostic/Code/uncalculatedFormula``).
    package func causes(of error: Diagnostic) -> [Diagnostic] {
        diagnostics.filter { $0.severity == .warning && $0.path == error.path }
    }
}

extension ScoreCard.BudgetScore {
    /// The execution rate as reports print it, `86.19%`, or `—` when there is none.
    var ratePercentText: String {
        guard let percent = exactRate?.multiplied(by: ExactDecimal(100)).flatMap({ RoundingRule(scale: 2).round($0) }) else { return "—" }
        return percent.plainText + "%"
    }
}

extension ScoreCard {
    /// The factor category points were converted by, as reports print it (`1.125`), to at most 12 places.
    var indicatorScaleText: String? {
        indicatorScale.map { $0.rounded(scale: 12).map { $0.normalized.plainText } ?? "—" }
    }

    /// What the reports say of a table scored under another rule's points, so that a subtotal above its rows'
    /// points reads as converted: `小计按 mof-2020 的分值换算: 指标 80 → 90（× 1.125）`, `目标得分按 …` in
    /// goal-ratio mode (where the goals' scores are converted); `nil` when nothing was converted.
    var conversionSentence: String? {
        guard let scale = indicatorScaleText else { return nil }
        // The table's indicator points the scale converts: its denominator (after the ratios in goal-ratio mode).
        let written = indicatorScale?.denominator.exact
        let converted = goals.isEmpty ? "小计" : "目标得分"
        return "\(converted)按 \(profile.id) 的分值换算: 指标 \(written?.scoreText() ?? "—") → \(profile.indicatorWeight.scoreText())（× \(scale)）"
    }
}
