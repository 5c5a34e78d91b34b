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
    /// Whose points count: the file's as written, or the profile's.
    public enum PointAllocation: Sendable, Equatable {
        /// The file's budget and indicator points as written (the profile's budget points when the file sets none).
        case asWritten
        /// The profile's points, so that a table written for one rule can be scored under another: the budget
        /// block gets the profile's points; rows are scored with their written points under the profile's
        /// formulas, and each category's points and rounded score are then multiplied by the profile's indicator
        /// total ÷ the file's (80 → 90: × 1.125) and rounded half-up again. Printed figures are not compared.
        case profile
    }

    /// The rule evaluations are scored by.
    public var profile: RuleProfile
    /// The tolerance of the verification of published figures.
    public var verifier: Verifier
    /// Whose points count: the file's, or the profile's.
    public var allocation: PointAllocation
    /// Whether each score carries its explanation (on by default; batch scoring of figures alone turns it off).
    public var explains = true

    /// Creates a scorer.
    ///
    /// - Parameters:
    ///   - profile: the rule.
    ///   - verifier: the comparison of printed figures, with its tolerance.
    ///   - allocation: the file's points as written (default), or the profile's.
    public init(profile: RuleProfile, verifier: Verifier = Verifier(), allocation: PointAllocation = .asWritten) {
        self.profile = profile
        self.verifier = verifier
        self.allocation = allocation
    }

    /// The score card of `evaluation`. Never throws: what cannot be scored is an error diagnostic, and the total
    /// is then `nil`.
    public func score(_ written: Evaluation) -> ScoreCard {
        var diagnostics: [Diagnostic] = []
        var evaluation = written
        var scale: Decimal?
        if allocation == .profile {
            evaluation.budget.weight = nil
            evaluation.published = nil
            for index in evaluation.indicators.indices { evaluation.indicators[index].published = nil }
            let fileTotal = written.indicators.reduce(Decimal(0)) { $0 + $1.weight }
            if fileTotal > 0, fileTotal != profile.indicatorWeight { scale = profile.indicatorWeight / fileTotal }
            diagnostics.append(Diagnostic(.otherRules, .note,
                "scored under \(profile.id) with its points: budget \(profile.budgetWeight.plainText), indicators \(fileTotal.plainText) → \(profile.indicatorWeight.plainText); printed figures are not compared",
                at: JSONPath.root.appending("rules")))
        }
        diagnostics += TaxonomyCheck.diagnostics(for: evaluation)
        let (budget, budgetDiagnostics) = BudgetScorer(profile: profile, explains: explains).score(evaluation.budget)
        diagnostics += budgetDiagnostics

        let indicatorScorer = IndicatorScorer(profile: profile, explains: explains)
        var indicators: [IndicatorScore] = []
        indicators.reserveCapacity(evaluation.indicators.count)
        for (index, indicator) in evaluation.indicators.enumerated() {
            let (score, rowDiagnostics) = indicatorScorer.score(indicator, at: index)
            indicators.append(score)
            diagnostics += rowDiagnostics
        }

        var categories = Self.subtotals(indicators)
        if let scale {
            categories = categories.map { category in
                ScoreCard.CategoryScore(category: category.category, weight: category.weight * scale,
                                        score: category.score.map { profile.rounding.round($0 * scale) })
            }
        }
        let indicatorPoints = categories.reduce(Decimal(0)) { $0 + $1.weight }
        if !evaluation.indicators.isEmpty, evaluation.goals.isEmpty, indicatorPoints != profile.indicatorWeight {
            diagnostics.append(Diagnostic(.pointsTotal, .warning,
                "the indicators carry \(indicatorPoints.plainText) points; \(profile.id) expects \(profile.indicatorWeight.plainText)",
                at: JSONPath.root.appending("indicators")))
        }
        diagnostics += splitNotes(categories)
        var total: Decimal?
        var goals: [ScoreCard.GoalScore] = []
        if evaluation.goals.isEmpty {
            if categories.allSatisfy({ $0.score != nil }) {
                total = categories.reduce(budget.score) { $0 + ($1.score ?? 0) }
            }
        } else {
            let (goalScores, goalDiagnostics) = GoalRatios(profile: profile).score(evaluation, rows: indicators)
            goals = goalScores
            diagnostics += goalDiagnostics
            if goalDiagnostics.allSatisfy({ $0.severity != .error }), goals.allSatisfy({ $0.weighted != nil }),
               categories.allSatisfy({ $0.score != nil }) {
                total = goals.reduce(budget.score) { $0 + ($1.weighted ?? 0) }
            }
        }
        var card = ScoreCard(
            evaluation: evaluation, profile: profile, budget: budget, indicators: indicators, categories: categories,
            total: total, grade: total.flatMap(profile.grade(for:)), verification: nil, diagnostics: diagnostics,
            indicatorScale: scale)
        card.goals = goals
        card.verification = allocation == .profile ? nil : verifier.verify(card)
        return card
    }

    /// Notes where a category's points differ from the profile's default split (财预〔2020〕10号 sets it "原则上",
    /// in principle, so a difference is a note, not a warning).
    func splitNotes(_ categories: [ScoreCard.CategoryScore]) -> [Diagnostic] {
        let present = Set(categories.map(\.category))
        return profile.indicators.expectedSplit(present: present).compactMap { expected in
            let points = categories.first { $0.category == expected.category }?.weight ?? 0
            guard points != expected.points else { return nil }
            return Diagnostic(.categoryPoints, .note,
                "\(expected.category) carries \(points.plainText) points; \(profile.id) sets \(expected.points.plainText) in principle",
                at: JSONPath.root.appending("indicators"))
        }
    }


    /// Category subtotals in order of first appearance: points summed, rounded scores summed.
    static func subtotals(_ indicators: [IndicatorScore]) -> [ScoreCard.CategoryScore] {
        // A table has a handful of categories: a small array searched in order beats hashing every row's name.
        var subtotals: [ScoreCard.CategoryScore] = []
        for row in indicators {
            let index: Int
            if let found = subtotals.firstIndex(where: { $0.category == row.category }) {
                index = found
            } else {
                subtotals.append(ScoreCard.CategoryScore(category: row.category, weight: 0, score: 0))
                index = subtotals.count - 1
            }
            subtotals[index].weight += row.weight
            if let running = subtotals[index].score, let score = row.score {
                subtotals[index].score = running + score
            } else {
                subtotals[index].score = nil
            }
        }
        return subtotals
    }
}
