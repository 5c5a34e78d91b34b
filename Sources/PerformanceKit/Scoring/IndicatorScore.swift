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
        /// A deadline (时效) met: the actual date or period is not later, or the actual says it was on time.
        case deadlineMet
        /// A qualitative tier and its band.
        case judgement
        /// Several units' scores, weighted by their funds.
        case fundWeighted
        /// The evaluator's own score.
        case evaluator
        /// The printed score, standing as the evaluator's judgement on a row the rule cannot score.
        case published
    }

    /// The row as the table gives it.
    public var indicator: Indicator
    /// Position of the row in the evaluation's indicators.
    var index: Int
    /// The direction the score was computed in, `nil` where no figure was compared.
    public var direction: Indicator.Direction?
    /// The branch of the rule; `nil` when the row could not be scored.
    public var basis: Basis?
    /// The score, rounded half-up; `nil` when the rule defines none and nothing stands in for it.
    public var score: ExactDecimal?
    /// How the score was reached, as values.
    var reasoning: Explanation
    /// The target and actual the ratio rule compared (`A` and `B`, both above 0), for the verifier's other
    /// readings; `nil` for rows scored any other way.
    var ratioFigures: RatioFigures?
    /// Whether the row's own values say its target was missed (`否` against `是`) though the rule gives no figure.
    var missedTarget = false

    /// The figures of a ratio row, as the rule read them.
    struct RatioFigures: Sendable, Equatable {
        /// `A`, the target's value.
        var target: ExactDecimal
        /// `B`, the actual's value.
        var actual: ExactDecimal
        /// The unit `B` is in, after any conversion (`%` for a rate); `nil` for a bare figure.
        var actualUnit: String?
    }

    /// How the score was reached: `1 × 3 ÷ 4 = 0.75`, `7 × 50 ÷ 37 = 9.46, capped at 7`.
    public var explanation: String {
        reasoning.text
    }

    /// The path of the row in the input: `indicators[3]`.
    public var path: JSONPath {
        .indicator(index)
    }

    // The row's own figures, for the layers above.
    var category: IndicatorCategory { indicator.category }
    var subcategory: IndicatorSubcategory? { indicator.subcategory }
    var name: String { indicator.name }
    /// The name as the published form prints it in its 三级指标 cell: with the unit (计量单位) after it in full-width
    /// brackets, `市民之家杂志期数（期）`, so that a bare target (`4`) is read in its unit; the name alone when it
    /// has no unit or already ends with it.
    var printedName: String {
        guard let unit = indicator.unit?.trimmingWhitespace, !unit.isEmpty else { return indicator.name }
        let bracketed = "（\(unit)）"
        return indicator.name.hasSuffix(bracketed) || indicator.name.hasSuffix("(\(unit))") ? indicator.name : indicator.name + bracketed
    }
    var weight: ExactDecimal { indicator.weight }
    var target: String { indicator.target }
    var actual: String? { indicator.actual }
    var published: ExactDecimal? { indicator.published }
}
