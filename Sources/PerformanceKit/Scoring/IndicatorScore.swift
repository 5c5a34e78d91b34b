public import Foundation

/// How one indicator scored, and why.
public struct IndicatorScore: Sendable, Equatable {
    /// Which branch of the rule produced the score, so that reports and verification can tell them apart.
    public enum Basis: String, Sendable, Equatable, CaseIterable {
        /// `w × B ÷ A`, capped at `w`.
        case forward
        /// `w × A ÷ B`, capped at `w`.
        case reverse
        /// Target 0 and actual 0: full points.
        case zeroTargetMet
        /// Target 0 and an actual above 0: no points.
        case zeroTargetMissed
        /// A reverse target met by an actual of 0: full points.
        case zeroActual
        /// Actual equal to the target (text or figure): full points.
        case equal
        /// An achievement word against a text target: full points.
        case achievementWord
        /// A qualitative tier and its band.
        case judgement
        /// Several units' scores, weighted by their funds.
        case fundWeighted
        /// The evaluator's own score.
        case evaluator
        /// The printed score, standing as the evaluator's judgement on a row the rule cannot score.
        case published
    }

    /// Position of the row in the evaluation's indicators.
    public var index: Int
    /// The row's 一级指标.
    public var category: IndicatorCategory
    /// The row's 二级指标.
    public var subcategory: IndicatorSubcategory?
    /// The row's 三级指标.
    public var name: String
    /// The row's points.
    public var weight: Decimal
    /// The target and actual as printed.
    public var target: String
    /// The actual as printed; `nil` when the row gives `parts`.
    public var actual: String?
    /// The direction the score was computed in, `nil` where no figure was compared.
    public var direction: Indicator.Direction?
    /// The branch of the rule; `nil` when the row could not be scored.
    public var basis: Basis?
    /// The score, rounded half-up; `nil` when the rule defines none and nothing stands in for it.
    public var score: Decimal?
    /// How the score was reached: `1 × 3 ÷ 4 = 0.75`, `7 × 50 ÷ 37 = 9.46, capped at 7`.
    public var explanation: String
    /// The score printed in the published table, if any.
    public var published: Decimal?

    /// Creates a row's score; ``IndicatorScorer`` makes them.
    public init(
        index: Int, category: IndicatorCategory, subcategory: IndicatorSubcategory?, name: String, weight: Decimal,
        target: String, actual: String?, direction: Indicator.Direction?, basis: Basis?, score: Decimal?,
        explanation: String, published: Decimal?
    ) {
        self.index = index
        self.category = category
        self.subcategory = subcategory
        self.name = name
        self.weight = weight
        self.target = target
        self.actual = actual
        self.direction = direction
        self.basis = basis
        self.score = score
        self.explanation = explanation
        self.published = published
    }

    /// The path of the row in the input: `indicators[3]`.
    public var path: JSONPath {
        JSONPath.root.appending("indicators").appending(index)
    }
}
