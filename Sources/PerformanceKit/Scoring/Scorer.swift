/// Scores a whole evaluation under a rule profile: the budget block, every indicator, the category subtotals,
/// the total and the grade.
///
/// ```swift
/// let card = Scorer(profile: .wuhan2023).score(evaluation)
/// print(card.total!, card.grade!)          // 99.75 优
/// print(card.indicators[4].explanation)    // 1 × 3 ÷ 4 = 0.75
/// ```
///
/// Each indicator is scored and rounded half-up to 2 decimals on its own (``IndicatorScorer``); a category is
/// the sum of its rounded scores, and the total is the rounded budget score plus the category scores, so that
/// the printed figures add up exactly as a published table's do. Printed figures are compared afterwards, by the
/// ``Verifier`` (``Evaluator`` runs both).
public struct Scorer: Sendable {
    /// Whose points count: the file's as written, or the profile's.
    enum PointAllocation: Sendable, Equatable {
        /// The file's budget and indicator points as written (the profile's budget points when the file sets none).
        case asWritten
        /// The profile's points, so that a table written for one rule can be scored under another: the budget
        /// block gets the profile's points; rows are scored with their written points under the profile's
        /// formulas, and each category's points and rounded score are then multiplied by the profile's indicator
        /// total ÷ the file's (80 → 90: × 1.125) and rounded half-up again. Printed figures are not compared.
        case profile
    }

    /// The rule evaluations are scored by.
    package var profile: RuleProfile
    /// Whose points count: the file's, or the profile's.
    var allocation: PointAllocation = .asWritten
    /// Values already read in this run of a batch; `nil` reads every value.
    var cache: NotationCache?

    /// Creates a scorer for a rule profile.
    public init(profile: RuleProfile) {
        self.profile = profile
    }

    /// The score card of `evaluation`, without verification. Never throws: what cannot be scored is an error
    /// diagnostic, and the total is then `nil`.
    public func score(_ written: Evaluation) -> ScoreCard {
        var diagnostics: [Diagnostic] = []
        var evaluation = written
        var scale: Quotient?
        if let reason = profile.unusableReason {
            diagnostics.append(Diagnostic(.undefinedScore, .error, reason, at: JSONPath.root.appending("rules")))
        }
        if allocation == .profile {
            evaluation.budget.weight = nil
            evaluation.published = nil
            for index in evaluation.indicators.indices { evaluation.indicators[index].published = nil }
            // In goal-ratio mode the table's indicator points are its goals' after their ratios (80 × 60 % + 80 ×
            // 40 % = 80), not every row's summed (160): each goal's rows carry the whole indicator points.
            let fileTotal = written.goals.isEmpty ? ExactDecimal.sum(written.indicators.map(\.weight))
                                                  : GoalRatios.pointsAfterRatios(written)
            if let fileTotal, fileTotal > .zero, fileTotal != profile.indicatorWeight {
                scale = Quotient(profile.indicatorWeight, over: fileTotal)
            }
            diagnostics.append(Diagnostic(.otherRules, .note,
                "scored under \(profile.id) with its points: budget \(profile.budgetWeight.plainText), indicators \(fileTotal?.plainText ?? "—") → \(profile.indicatorWeight.plainText); printed figures are not compared",
                at: JSONPath.root.appending("rules")))
        }
        diagnostics += TaxonomyCheck.diagnostics(for: evaluation)
        let (budget, budgetDiagnostics) = BudgetScorer(profile: profile).score(evaluation.budget)
        diagnostics += budgetDiagnostics

        let indicatorScorer = IndicatorScorer(profile: profile, cache: cache)
        var indicators: [IndicatorScore] = []
        indicators.reserveCapacity(evaluation.indicators.count)
        for index in evaluation.indicators.indices {
            indicators.append(indicatorScorer.score(evaluation.indicators[index], at: index, diagnostics: &diagnostics))
        }

        var categories = Self.subtotals(indicators)
        // A category's subtotal across goals is no figure of the form and no part of the total: in goal-ratio mode
        // the scale applies to the goals' scores (``GoalRatios``) and the categories keep the rows' points.
        if let scale, evaluation.goals.isEmpty {
            categories = categories.map { category in
                ScoreCard.CategoryScore(category: category.category,
                                        weight: scale.multiplied(by: category.weight)?.nearestDecimal ?? category.weight,
                                        score: category.score.flatMap { scale.multiplied(by: $0) }.flatMap(profile.rounding.round))
            }
        }
        // Every subtotal fits when the points of all rows do (scores never exceed points).
        let indicatorPoints = Self.pointsTotal(evaluation.indicators).flatMap { _ in ExactDecimal.sum(categories.lazy.map(\.weight)) }
        if indicatorPoints == nil {
            diagnostics.append(Diagnostic(.figureTooLarge, .error,
                "the indicators' points add up to more than a decimal holds (18 digits)", at: JSONPath.root.appending("indicators")))
        }
        if !evaluation.indicators.isEmpty, evaluation.goals.isEmpty, let indicatorPoints, indicatorPoints != profile.indicatorWeight {
            diagnostics.append(Diagnostic(.pointsTotal, .warning,
                "the indicators carry \(indicatorPoints.plainText) points; \(profile.id) expects \(profile.indicatorWeight.plainText)",
                at: JSONPath.root.appending("indicators")))
        }
        if evaluation.goals.isEmpty {
            diagnostics += splitNotes(categories)
        }
        var total: ExactDecimal?
        var goals: [ScoreCard.GoalScore] = []
        var maximum = indicatorPoints.flatMap { $0.adding(budget.weight) }
        if evaluation.goals.isEmpty {
            if categories.allSatisfy({ $0.score != nil }) {
                total = ExactDecimal.sum(budget.score, plus: categories.lazy.compactMap(\.score))
            }
        } else {
            let (goalScores, goalDiagnostics, goalMaximum) = GoalRatios(profile: profile, scale: scale).score(evaluation, rows: indicators)
            goals = goalScores
            diagnostics += goalDiagnostics
            maximum = goalMaximum.flatMap { $0.adding(budget.weight) }
            if goalDiagnostics.allSatisfy({ $0.severity != .error }), goals.allSatisfy({ $0.weighted != nil }),
               categories.allSatisfy({ $0.score != nil }) {
                total = ExactDecimal.sum(budget.score, plus: goals.lazy.compactMap(\.weighted))
            }
        }
        if diagnostics.contains(where: { $0.severity == .error && ($0.code == .figureTooLarge || $0.path == JSONPath.root.appending("rules")) }) {
            total = nil
        }
        // Made whole at once and returned: a card set up field by field afterwards was copied on the way out.
        return ScoreCard(
            evaluation: evaluation, profile: profile, budget: budget, indicators: indicators, categories: categories,
            total: total, grade: total.flatMap(profile.grade(for:)), verification: nil, diagnostics: diagnostics,
            indicatorScale: scale, goals: goals, exactMaximum: maximum)
    }

    /// Notes where a category's points differ from the profile's default split (财预〔2020〕10号 sets it "原则上",
    /// in principle, so a difference is a note, not a warning).
    func splitNotes(_ categories: [ScoreCard.CategoryScore]) -> [Diagnostic] {
        guard !profile.indicators.split.isEmpty else { return [] }
        let present = Set(categories.map(\.category))
        return profile.indicators.expectedSplit(present: present).compactMap { expected in
            let points = categories.first { $0.category == expected.category }?.weight ?? .zero
            guard points != expected.points else { return nil }
            return Diagnostic(.categoryPoints, .note,
                "\(expected.category) carries \(points.plainText) points; \(profile.id) sets \(expected.points.plainText) in principle",
                at: JSONPath.root.appending("indicators"))
        }
    }

    /// The rows' points summed (``ExactDecimal/sum(_:)``), or `nil` beyond what a decimal holds. Each row's points
    /// are read in place, by index: mapping the rows to their points counted a reference to each row's box in and
    /// out, atomically.
    static func pointsTotal(_ indicators: [Indicator]) -> ExactDecimal? {
        var total = WideDecimal.zero
        for index in indicators.indices {
            guard let next = total.adding(WideDecimal(indicators[index].weight)) else { return nil }
            total = next
        }
        return total.exact
    }

    /// Category subtotals in order of first appearance: points summed, rounded scores summed (exact, in full width).
    static func subtotals(_ indicators: [IndicatorScore]) -> [ScoreCard.CategoryScore] {
        // A table has a handful of categories: a small array searched in order beats hashing every row's name, and
        // a standard category finds its place by its index without comparing at all.
        var sums: [CategorySum] = []
        var standardPlaces = StandardPlaces()
        // Room for the four standard categories at once, instead of growing the array one by one.
        sums.reserveCapacity(4)
        // By index, not `for row in indicators`, which copies every row's score with its explanation.
        for position in indicators.indices {
            // The category and points read in place: binding the row's indicator retains and releases it.
            let category = indicators[position].indicator.category
            var index = -1
            if let standard = category.standardIndex {
                index = standardPlaces[standard]
            } else {
                index = sums.firstIndex { $0.category == category } ?? -1
            }
            if index < 0 {
                sums.append(CategorySum(category: category))
                index = sums.count - 1
                if let standard = category.standardIndex { standardPlaces[standard] = index }
            }
            sums[index].add(points: indicators[position].indicator.weight, score: indicators[position].score)
        }
        return sums.map { sum in
            ScoreCard.CategoryScore(category: sum.category, weight: sum.points.exact ?? .zero, score: sum.score?.exact)
        }
    }
}

/// One category's running subtotal: its rows' points, and their scores while every row has one.
private struct CategorySum {
    let category: IndicatorCategory
    var points = WideDecimal.zero
    var score: WideDecimal? = .zero

    init(category: IndicatorCategory) {
        self.category = category
    }

    mutating func add(points rowPoints: ExactDecimal, score rowScore: ExactDecimal?) {
        points = points.adding(WideDecimal(rowPoints)) ?? points
        if let running = score, let rowScore {
            score = running.adding(WideDecimal(rowScore))
        } else {
            score = nil
        }
    }
}

/// Where each of the four standard categories stands among a table's subtotals; -1 before it appears.
private struct StandardPlaces {
    private var places = (-1, -1, -1, -1)

    subscript(standard: Int8) -> Int {
        get {
            switch standard {
            case 0: return places.0
            case 1: return places.1
            case 2: return places.2
            default: return places.3
            }
        }
        set {
            switch standard {
            case 0: places.0 = newValue
            case 1: places.1 = newValue
            case 2: places.2 = newValue
            default: places.3 = newValue
            }
        }
    }
}
