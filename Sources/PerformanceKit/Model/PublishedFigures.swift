public import Foundation

/// What a published table printed: the 总分, the budget block's score and the first-level category scores.
///
/// Per-indicator printed scores live on each ``Indicator/published``. Verification compares each of these with the
/// recomputed figure.
public struct PublishedFigures: Sendable, Equatable {
    /// 总分 as printed.
    public var total: Decimal?
    /// The budget execution block's printed score.
    public var budget: Decimal?
    /// Printed category scores, in file order.
    public var categories: [CategoryScore]

    /// One printed first-level category score.
    public struct CategoryScore: Sendable, Equatable {
        /// The category.
        public var category: IndicatorCategory
        /// Its printed score.
        public var score: Decimal

        /// Creates a printed category score.
        public init(category: IndicatorCategory, score: Decimal) {
            self.category = category
            self.score = score
        }
    }

    /// Creates the printed figures; give what the table printed.
    public init(total: Decimal? = nil, budget: Decimal? = nil, categories: [CategoryScore] = []) {
        self.total = total
        self.budget = budget
        self.categories = categories
    }
}
