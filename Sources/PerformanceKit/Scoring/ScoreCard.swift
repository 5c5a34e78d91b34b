public import Foundation

/// The scored evaluation: budget block, every indicator, category subtotals, total and grade, with what was
/// found on the way.
public struct ScoreCard: Sendable, Equatable {
    /// The budget execution block's score.
    public struct BudgetScore: Sendable, Equatable {
        /// The block's points.
        public var weight: Decimal
        /// 全年预算数.
        public var planned: Decimal
        /// 全年执行数.
        public var executed: Decimal
        /// 年初预算数, when given; reported, never scored.
        public var initial: Decimal?
        /// `executed ÷ planned`, unrounded and uncapped; `nil` when `planned` is 0.
        public var rate: Decimal?
        /// `weight × min(rate, 1)`, rounded.
        public var score: Decimal
        /// How the score was reached: `20 × 894.13 ÷ 894.13 = 20`.
        public var explanation: String

        /// Creates the block's score; ``BudgetScorer`` makes it.
        public init(weight: Decimal, planned: Decimal, executed: Decimal, initial: Decimal?, rate: Decimal?,
                    score: Decimal, explanation: String) {
            self.weight = weight
            self.planned = planned
            self.executed = executed
            self.initial = initial
            self.rate = rate
            self.score = score
            self.explanation = explanation
        }
    }

    /// A first-level category's subtotal: the sum of its rows' points and of their rounded scores (times
    /// ``ScoreCard/indicatorScale`` when the table is scored with another rule's points).
    public struct CategoryScore: Sendable, Equatable {
        /// The category.
        public var category: IndicatorCategory
        /// The sum of its rows' points.
        public var weight: Decimal
        /// `nil` when a row in it could not be scored.
        public var score: Decimal?

        /// Creates a subtotal.
        public init(category: IndicatorCategory, weight: Decimal, score: Decimal?) {
            self.category = category
            self.weight = weight
            self.score = score
        }
    }

    /// A goal's score in goal-ratio mode: its rows' points and rounded scores summed, then weighted by its ratio.
    public struct GoalScore: Sendable, Equatable {
        /// The goal's name.
        public var name: String
        /// The goal's ratio in percent.
        public var ratio: Decimal
        /// Σ of its rows' points.
        public var weight: Decimal
        /// Σ of its rows' rounded scores; `nil` when a row could not be scored.
        public var score: Decimal?
        /// `score × ratio ÷ 100`, rounded half-up.
        public var weighted: Decimal?
        /// How the goal's score was reached: `79.37 × 60 ÷ 100 = 47.62`.
        public var explanation: String

        /// Creates a goal's score.
        public init(name: String, ratio: Decimal, weight: Decimal, score: Decimal?, weighted: Decimal?, explanation: String) {
            self.name = name
            self.ratio = ratio
            self.weight = weight
            self.score = score
            self.weighted = weighted
            self.explanation = explanation
        }
    }

    /// The evaluation scored (rescaled when scored with another rule's points).
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
    public var total: Decimal?
    /// The profile's grade for the total.
    public var grade: String?
    /// Comparison with the published figures, when the evaluation carries them.
    public var verification: Verification?
    /// Everything found, in input order.
    public var diagnostics: [Diagnostic]
    /// The factor category points and scores were converted by when the table was written for another rule's
    /// indicator total (``Scorer/PointAllocation/profile``); `nil` when rows and categories are as written.
    public var indicatorScale: Decimal?
    /// The goals' scores in goal-ratio mode (``Evaluation/goals``); empty otherwise.
    public var goals: [GoalScore] = []

    /// Creates a score card; ``Scorer`` makes them.
    public init(evaluation: Evaluation, profile: RuleProfile, budget: BudgetScore, indicators: [IndicatorScore],
                categories: [CategoryScore], total: Decimal?, grade: String?, verification: Verification?,
                diagnostics: [Diagnostic], indicatorScale: Decimal? = nil) {
        self.evaluation = evaluation
        self.profile = profile
        self.budget = budget
        self.indicators = indicators
        self.categories = categories
        self.total = total
        self.grade = grade
        self.verification = verification
        self.diagnostics = diagnostics
        self.indicatorScale = indicatorScale
    }

    /// Whether every row was scored, so that the total exists.
    public var isComplete: Bool {
        total != nil
    }

    /// The points the whole table carries: budget block plus every indicator (each goal's points × its ratio ÷ 100
    /// in goal-ratio mode).
    public var maximum: Decimal {
        if !goals.isEmpty {
            return goals.reduce(budget.weight) { $0 + $1.weight * $1.ratio / 100 }
        }
        return budget.weight + categories.reduce(0) { $0 + $1.weight }
    }

    /// The reason the evaluation gives for a row's lost points (its `reason`), if any.
    public func reason(for row: IndicatorScore) -> String? {
        evaluation.indicators.indices.contains(row.index) ? evaluation.indicators[row.index].reason : nil
    }

    /// The diagnostics of error severity.
    public var errors: [Diagnostic] {
        diagnostics.filter { $0.severity == .error }
    }
}
