import Foundation

/// Scores a whole evaluation under a rule profile and, when it carries published figures, verifies them.
///
/// ```swift
/// let card = Scorer(profile: .wuhan2023).score(evaluation)
/// print(card.total!, card.grade!)          // 99.75 优
/// print(card.indicators[4].explanation)    // 1 × 3 ÷ 4 = 0.75
/// ```
///
/// Each indicator is scored and rounded half-up to 2 decimals on its own (``IndicatorScorer``); a category is
/// the sum of its rounded scores, and the total is the rounded budget score plus the category scores, so that
/// the printed figures add up exactly as a published table's do.
public struct Scorer: Sendable {
    public var profile: RuleProfile
    /// The tolerance of the verification of published figures.
    public var verifier: Verifier

    public init(profile: RuleProfile, verifier: Verifier = Verifier()) {
        self.profile = profile
        self.verifier = verifier
    }

    /// The score card of `evaluation`. Never throws: what cannot be scored is an error diagnostic, and the total
    /// is then `nil`.
    public func score(_ evaluation: Evaluation) -> ScoreCard {
        var diagnostics: [Diagnostic] = []
        diagnostics += TaxonomyCheck.diagnostics(for: evaluation)
        let (budget, budgetDiagnostics) = BudgetScorer(profile: profile).score(evaluation.budget)
        diagnostics += budgetDiagnostics

        let indicatorScorer = IndicatorScorer(profile: profile)
        var indicators: [IndicatorScore] = []
        indicators.reserveCapacity(evaluation.indicators.count)
        for (index, indicator) in evaluation.indicators.enumerated() {
            let (score, rowDiagnostics) = indicatorScorer.score(indicator, at: index)
            indicators.append(score)
            diagnostics += rowDiagnostics
        }

        let categories = Self.subtotals(indicators)
        let indicatorPoints = categories.reduce(Decimal(0)) { $0 + $1.weight }
        if !evaluation.indicators.isEmpty, indicatorPoints != profile.indicatorWeight {
            diagnostics.append(Diagnostic(.pointsTotal, .warning,
                "the indicators carry \(indicatorPoints.plainText) points; \(profile.id) expects \(profile.indicatorWeight.plainText)",
                at: JSONPath.root.appending("indicators")))
        }
        var total: Decimal?
        if categories.allSatisfy({ $0.score != nil }) {
            total = categories.reduce(budget.score) { $0 + ($1.score ?? 0) }
        }
        var card = ScoreCard(
            evaluation: evaluation, profile: profile, budget: budget, indicators: indicators, categories: categories,
            total: total, grade: total.flatMap(profile.grade(for:)), verification: nil, diagnostics: diagnostics)
        card.verification = verifier.verify(card)
        return card
    }

    /// Category subtotals in order of first appearance: points summed, rounded scores summed.
    static func subtotals(_ indicators: [IndicatorScore]) -> [ScoreCard.CategoryScore] {
        var order: [IndicatorCategory] = []
        var weights: [IndicatorCategory: Decimal] = [:]
        var scores: [IndicatorCategory: Decimal?] = [:]
        for row in indicators {
            if weights[row.category] == nil {
                order.append(row.category)
                weights[row.category] = 0
                scores[row.category] = .some(0)
            }
            weights[row.category]! += row.weight
            if let running = scores[row.category] ?? nil, let score = row.score {
                scores[row.category] = .some(running + score)
            } else {
                scores[row.category] = .some(nil)
            }
        }
        return order.map { ScoreCard.CategoryScore(category: $0, weight: weights[$0] ?? 0, score: scores[$0] ?? nil) }
    }
}
