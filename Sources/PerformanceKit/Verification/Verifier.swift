/// Compares what a table printed with what its rule gives, figure by figure, under an explicit tolerance.
///
/// Every printed figure is checked: each row's score, the budget block, each category and the total. A
/// difference is named by its kind: `arithmetic` when the printed table contradicts itself (rows that do not
/// add up to their category, a score above its points), `rule` when the printed figure is what a known other
/// reading gives (``OtherReading``: reverse for forward, no cap, points × the actual percentage, whole-point
/// scores, one point off a missed target, the rate to a whole percent, the start-of-year budget, another
/// profile's step table),
/// `judgement` otherwise (the evaluator's own scoring, such as points taken off a met target).
///
/// The verifier works on the score card alone: the figures each ratio row compared travel on its score, so
/// nothing is read or parsed again; the other profiles whose readings it tries are given to it.
package struct Verifier: Sendable {
    /// Largest difference in points still counted as agreement; 0.01 by default, one printed cent.
    package var tolerance: ExactDecimal
    /// The profiles whose budget step tables are tried as other readings of the budget block.
    var catalog: [RuleProfile]

    /// Creates a verifier with a tolerance in points; `nil` is 0.01, one printed cent.
    package init(tolerance: ExactDecimal? = nil) {
        self.tolerance = tolerance ?? Self.cent
        self.catalog = RuleProfile.builtIn
    }

    /// 0.01: one printed cent.
    static let cent = ExactDecimal(unchecked: 1, scale: 2)

    /// A verifier that tries the readings of `catalog`'s profiles.
    init(tolerance: ExactDecimal, catalog: [RuleProfile]) {
        self.tolerance = tolerance
        self.catalog = catalog
    }

    /// The comparison of a score card with the figures its evaluation printed; `nil` when it printed none.
    ///
    /// A printed figure the rule gives nothing to compare with (a row it cannot score, a category or total over
    /// such a row) is listed as not compared, never counted as agreeing. A printed total is checked first against
    /// what is printed beneath it, the budget and each category (its printed subtotal, else its printed rows):
    /// a table that does not add up is `arithmetic`, whatever else differs.
    package func verify(_ card: ScoreCard) -> Verification? {
        let evaluation = card.evaluation
        let printedRows = evaluation.indicators.contains { $0.published != nil }
        guard evaluation.published != nil || printedRows else { return nil }
        var differences: [Verification.Difference] = []
        var compared = 0
        var differing = 0
        var rowKinds: [IndicatorCategory: Verification.Kind] = [:]
        let rounding = card.profile.rounding
        let wholePoints = printsWholePoints(evaluation)

        func record(_ difference: Verification.Difference?) {
            compared += 1
            guard let difference else { return }
            differing += 1
            differences.append(difference)
        }

        // By index: `for row in card.indicators` copies every row's score with its explanation.
        for position in card.indicators.indices {
            guard let printed = card.indicators[position].published else { continue }
            // Most rows agree with their printed score: told by their fields read in place, as the rest below
            // would tell it (inside the row's points, scored by the rule, within the tolerance), without binding
            // the row, which copies its score with its explanation.
            if let score = card.indicators[position].score, card.indicators[position].basis != .published,
               !liesOutsidePoints(printed, card.indicators[position].indicator.weight), isClose(score, printed) {
                record(nil)
                continue
            }
            let row = card.indicators[position]
            // Built only for a difference: most rows agree.
            var path: JSONPath { row.path.appending("published") }
            if let outside = rangeDifference(row, printed: printed) {
                record(outside)
            } else if row.basis == .published, row.missedTarget, isClose(printed, row.weight) {
                record(.init(path: path, printed: printed, recomputed: nil, kind: .judgement,
                    message: "\(row.name): printed \(printed.plainText), full marks on a missed target (\(row.actual ?? "") against \(row.target)): the evaluator's own judgement"))
            } else if row.basis == .published {
                differences.append(.init(path: path, printed: printed, recomputed: nil, kind: .notCompared,
                    message: "\(row.name): the rule gives no score for this row; the printed figure stands as the evaluator's judgement"))
            } else if row.score == nil {
                differences.append(.init(path: path, printed: printed, recomputed: nil, kind: .notCompared, message: "\(row.name): the row could not be scored"))
            } else {
                let difference = rowDifference(row, printed: printed, rounding: rounding, wholePoints: wholePoints)
                record(difference)
                if let difference, rowKinds[row.category] == nil { rowKinds[row.category] = difference.kind }
            }
        }

        let published = evaluation.published ?? PublishedFigures()
        if let printed = published.budget {
            record(budgetDifference(card, printed: printed, wholePoints: wholePoints))
        }

        let points = card.maximum
        if card.indicatorScale == nil, let expectedPoints = card.profile.budgetWeight.adding(card.profile.indicatorWeight),
           points != expectedPoints, let indicatorPoints = points.subtracting(card.budget.weight),
           let expectedIndicators = expectedPoints.subtracting(card.budget.weight) {
            differences.append(.init(path: JSONPath.root.appending("indicators"), printed: indicatorPoints,
                recomputed: expectedIndicators, kind: .arithmetic,
                message: "the rows carry \(indicatorPoints.plainText) points on top of the budget block's \(card.budget.weight.plainText): the table's points add up to \(points.plainText), not \(expectedPoints.plainText)"))
        }

        for printedCategory in published.categories {
            var path: JSONPath { JSONPath.root.appending("published").appending("categories").appending(printedCategory.category.rawValue) }
            let printed = printedCategory.score
            guard let recomputed = card.categories.first(where: { $0.category == printedCategory.category }) else {
                record(.init(path: path, printed: printed, recomputed: nil, kind: .arithmetic,
                    message: "the table prints \(printedCategory.category) \(printed.plainText) but has no row in it"))
                continue
            }
            if let printedRowSum = printedRowSum(of: printedCategory.category, in: evaluation), !isClose(printedRowSum, printed) {
                record(.init(path: path, printed: printed, recomputed: recomputed.score, kind: .arithmetic,
                    message: "the printed rows of \(printedCategory.category) add up to \(printedRowSum.plainText), not the printed \(printed.plainText)"))
                continue
            }
            guard let score = recomputed.score else {
                differences.append(.init(path: path, printed: printed, recomputed: nil, kind: .notCompared,
                    message: "\(printedCategory.category): a row in it has no score by the rule"))
                continue
            }
            guard !isClose(score, printed) else {
                record(nil)
                continue
            }
            if categoryCapReading(card, category: printedCategory.category, printed: printed) {
                record(.init(path: path, printed: printed, recomputed: score, kind: .rule,
                    message: "\(printedCategory.category): printed \(printed.plainText), recomputed \(score.plainText) (\(delta(printed, score))); the printed figure is what a cap per category instead of per indicator gives"))
                continue
            }
            let kind = rowKinds[printedCategory.category] ?? .judgement
            let cause = rowKinds[printedCategory.category] == nil
                ? "no printed row explains it" : "it follows from the rows above"
            record(.init(path: path, printed: printed, recomputed: score, kind: kind,
                message: "\(printedCategory.category): printed \(printed.plainText), recomputed \(score.plainText) (\(delta(printed, score))); \(cause)"))
        }

        if let printed = published.total {
            var path: JSONPath { JSONPath.root.appending("published").appending("total") }
            // In goal-ratio mode the total is the goals' weighted scores, not the categories' sum.
            if card.goals.isEmpty, let beneath = printedSumBeneathTotal(card, published: published), !isClose(beneath.sum, printed) {
                record(.init(path: path, printed: printed, recomputed: card.total, kind: .arithmetic,
                    message: "the printed \(beneath.what) add up to \(beneath.sum.plainText), not the printed total \(printed.plainText)"))
            } else if let total = card.total {
                if isClose(total, printed) {
                    record(nil)
                } else {
                    let kind = differences.first { $0.kind != .notCompared }?.kind ?? .judgement
                    record(.init(path: path, printed: printed, recomputed: total, kind: kind,
                        message: "total: printed \(printed.plainText), recomputed \(total.plainText) (\(delta(printed, total)))"))
                }
            } else {
                let unscored = card.indicators.filter { $0.score == nil }.count
                differences.append(.init(path: path, printed: printed, recomputed: nil, kind: .notCompared,
                    message: "the rule gives no total: \(unscored) row(s) could not be scored"))
            }
        }
        return Verification(tolerance: tolerance, publishedTotal: published.total, compared: compared, differing: differing,
                            differences: differences)
    }

    /// The sum of a category's printed row scores, when every row of it printed one.
    func printedRowSum(of category: IndicatorCategory, in evaluation: Evaluation) -> ExactDecimal? {
        // Summed as they come, in full width (``ExactDecimal/sum(_:)``), without gathering them first.
        var total = WideDecimal.zero
        for index in evaluation.indicators.indices where evaluation.indicators[index].category == category {
            guard let printed = evaluation.indicators[index].published, let next = total.adding(WideDecimal(printed)) else { return nil }
            total = next
        }
        return total.exact
    }

    /// What the table prints beneath its total, added up: the printed budget score and, for each category, its
    /// printed subtotal or else the sum of its printed rows; `nil` when any of them is not printed.
    func printedSumBeneathTotal(_ card: ScoreCard, published: PublishedFigures) -> (sum: ExactDecimal, what: String)? {
        guard let budget = published.budget else { return nil }
        var parts = [budget]
        parts.reserveCapacity(card.categories.count + 1)
        var usedRows = false
        var usedCategories = false
        for category in card.categories {
            if let printed = published.categories.first(where: { $0.category == category.category }) {
                parts.append(printed.score)
                usedCategories = true
            } else if let rows = printedRowSum(of: category.category, in: card.evaluation) {
                parts.append(rows)
                usedRows = true
            } else {
                return nil
            }
        }
        guard let sum = ExactDecimal.sum(parts) else { return nil }
        let what = switch (usedCategories, usedRows) {
        case (true, false): "budget and category scores"
        case (false, true): "budget and row scores"
        default: "budget, category and row scores"
        }
        return (sum, what)
    }

    /// Whether a printed row score lies outside 0…`points`.
    func liesOutsidePoints(_ printed: ExactDecimal, _ points: ExactDecimal) -> Bool {
        printed > points || printed.isNegative
    }

    /// An arithmetic difference when a printed row score lies outside 0…its points.
    func rangeDifference(_ row: IndicatorScore, printed: ExactDecimal) -> Verification.Difference? {
        guard liesOutsidePoints(printed, row.weight) else { return nil }
        return .init(path: row.path.appending("published"), printed: printed, recomputed: row.score, kind: .arithmetic,
                     message: "\(row.name): the printed \(printed.plainText) lies outside 0…\(row.weight.plainText), its points")
    }

    func rowDifference(_ row: IndicatorScore, printed: ExactDecimal, rounding: RoundingRule, wholePoints: Bool) -> Verification.Difference? {
        guard let score = row.score, !isClose(score, printed) else { return nil }
        let path = row.path.appending("published")
        let change = "printed \(printed.plainText), recomputed \(score.plainText) (\(delta(printed, score)))"
        switch row.basis {
        case .judgement?, .evaluator?:
            return .init(path: path, printed: printed, recomputed: score, kind: .judgement,
                         message: "\(row.name): \(change); the evaluator's own judgement")
        default:
            break
        }
        if let reading = rowReadings(row, rounding: rounding, wholePoints: wholePoints).first(where: { isClose($0.value, printed) }) {
            return .init(path: path, printed: printed, recomputed: score, kind: .rule,
                         message: "\(row.name): \(change); the printed figure is what \(reading.name) gives: \(reading.arithmetic)")
        }
        let cause = score == row.weight ? "points taken off a met target"
            : isClose(printed, row.weight) ? "full marks on a missed target: the evaluator's own judgement"
            : "no known reading of the rule gives it: the evaluator's own scoring"
        return .init(path: path, printed: printed, recomputed: score, kind: .judgement,
                     message: "\(row.name): \(change); \(cause)")
    }

    /// Whether the printed category is what capping the category's sum, rather than each row, gives. The rows'
    /// uncapped ratios are summed at ten places, far below the printed cent the comparison turns on.
    func categoryCapReading(_ card: ScoreCard, category: IndicatorCategory, printed: ExactDecimal) -> Bool {
        var sum = WideDecimal.zero
        var weight = WideDecimal.zero
        for row in card.indicators where row.category == category {
            guard let nextWeight = weight.adding(WideDecimal(row.weight)) else { return false }
            weight = nextWeight
            let term: ExactDecimal
            if let uncapped = uncappedRatio(row), let value = uncapped.rounded(scale: 10) {
                term = value
            } else if let score = row.score {
                term = score
            } else {
                return false
            }
            guard let next = sum.adding(WideDecimal(term)) else { return false }
            sum = next
        }
        guard let total = sum.exact, let points = weight.exact else { return false }
        return isClose(card.profile.rounding.round(min(total, points)), printed)
    }

    /// The ratio of a forward or reverse row before its cap.
    func uncappedRatio(_ row: IndicatorScore) -> Quotient? {
        guard let figures = row.ratioFigures, row.basis == .forward || row.basis == .reverse else { return nil }
        let (a, b) = (Quotient(figures.target), Quotient(figures.actual))
        return row.basis == .forward ? b.multiplied(by: row.weight)?.divided(by: a) : a.multiplied(by: row.weight)?.divided(by: b)
    }

    func budgetDifference(_ card: ScoreCard, printed: ExactDecimal, wholePoints: Bool) -> Verification.Difference? {
        var path: JSONPath { JSONPath.root.appending("published").appending("budget") }
        let budget = card.budget
        if printed > budget.weight || printed.isNegative {
            return .init(path: path, printed: printed, recomputed: budget.score, kind: .arithmetic,
                         message: "the printed budget score \(printed.plainText) lies outside 0…\(budget.weight.plainText)")
        }
        guard !isClose(budget.score, printed) else { return nil }
        let change = "budget: printed \(printed.plainText), recomputed \(budget.score.plainText) (\(delta(printed, budget.score)))"
        if let reading = budgetReadings(card, wholePoints: wholePoints).first(where: { isClose($0.value, printed) }) {
            return .init(path: path, printed: printed, recomputed: budget.score, kind: .rule,
                         message: "\(change); the printed figure is what \(reading.name) gives: \(reading.arithmetic)")
        }
        return .init(path: path, printed: printed, recomputed: budget.score, kind: .judgement, message: change)
    }

    func isClose(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Bool {
        guard let difference = lhs.subtracting(rhs) else { return false }
        return difference.magnitude <= tolerance
    }

    func delta(_ printed: ExactDecimal, _ recomputed: ExactDecimal) -> String {
        guard let difference = printed.subtracting(recomputed) else { return "Δ —" }
        return "Δ " + (difference > .zero ? "+" : "") + difference.plainText
    }
}
