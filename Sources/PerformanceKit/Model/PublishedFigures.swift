/// What a published table printed: the 总分, the budget block's score and the first-level category scores.
///
/// Per-indicator printed scores live on each ``Indicator/published``. Verification compares each of these with the
/// recomputed figure.
public struct PublishedFigures: Sendable, Equatable {
    /// 总分 as printed.
    public var total: ExactDecimal?
    /// The budget execution block's printed score.
    public var budget: ExactDecimal?
    /// Printed category scores, in file order.
    public var categories: [CategoryScore]

    /// One printed first-level category score.
    public struct CategoryScore: Sendable, Equatable {
        /// The category.
        public var category: IndicatorCategory
        /// Its printed score.
        public var score: ExactDecimal

        /// Creates a printed category score.
        public init(category: IndicatorCategory, score: ExactDecimal) {
            self.category = category
            self.score = score
        }
    }

    /// Creates the printed figures; give what the table printed.
    public init(total: ExactDecimal? = nil, budget: ExactDecimal? = nil, categories: [CategoryScore] = []) {
        self.total = total
        self.budget = budget
        self.categories = categories
    }
}
