public import Foundation

/// Compares what a table printed with what its rule gives, figure by figure, under an explicit tolerance.
///
/// Every printed figure is checked: each row's score, the budget block, each category and the total. A
/// difference is named by its kind: `arithmetic` when the printed table contradicts itself (rows that do not
/// add up to their category, a score above its points), `rule` when the printed figure is what a known other
/// reading gives (reverse for forward, no cap, the start-of-year budget), `judgement` otherwise (the evaluator's
/// own scoring, such as points taken off a met target).
public struct Verifier: Sendable {
    /// Largest difference in points still counted as agreement; 0.01 by default, one printed cent.
    public var tolerance: Decimal

    /// Creates a verifier with a tolerance in points (0.01, one printed cent, by default).
    public init(tolerance: Decimal = Decimal(string: "0.01")!) {
        self.tolerance = tolerance
    }

    /// The comparison of a score card with the figures its evaluation printed; `nil` when it printed none.
    public func verify(_ card: ScoreCard) -> Verification? {
        let evaluation = card.evaluation
        let printedRows = evaluation.indicators.contains { $0.published != nil }
        guard evaluation.published != nil || printedRows else { return nil }
        var differences: [Verification.Difference] = []
        var compared = 0
        var rowKinds: [IndicatorCategory: Verification.Kind] = [:]

        for (row, indicator) in zip(card.indicators, evaluation.indicators) {
            guard let printed = indicator.published else { continue }
            compared += 1
            if let difference = rowDifference(row, printed: printed, indicator: indicator, rounding: card.profile.rounding) {
                differences.append(difference)
                if rowKinds[row.category] == nil { rowKinds[row.category] = difference.kind }
            }
        }

        let published = evaluation.published ?? PublishedFigures()
        if let printed = published.budget {
            compared += 1
            if let difference = budgetDifference(card, printed: printed) { differences.append(difference) }
        }

        let points = card.maximum
        let expectedPoints = card.profile.budgetWeight + card.profile.indicatorWeight
        if card.indicatorScale == nil, points != expectedPoints {
            let indicatorPoints = points - card.budget.weight
            differences.append(.init(path: JSONPath.root.appending("indicators"), printed: indicatorPoints,
                recomputed: expectedPoints - card.budget.weight, kind: .arithmetic,
                message: "the rows carry \(indicatorPoints.plainText) points on top of the budget block's \(card.budget.weight.plainText): the table's points add up to \(points.plainText), not \(expectedPoints.plainText)"))
        }

        for printedCategory in published.categories {
            compared += 1
            let path = JSONPath.root.appending("published").appending("categories").appending(printedCategory.category.rawValue)
            let printed = printedCategory.score
            guard let recomputed = card.categories.first(where: { $0.category == printedCategory.category }) else {
                differences.append(.init(path: path, printed: printed, recomputed: nil, kind: .arithmetic,
                    message: "the table prints \(printedCategory.category) \(printed.plainText) but has no row in it"))
                continue
            }
            let rows = evaluation.indicators.filter { $0.category == printedCategory.category }
            let printedRowSum = rows.allSatisfy { $0.published != nil }
                ? rows.reduce(Decimal(0)) { $0 + ($1.published ?? 0) } : nil
            if let printedRowSum, !isClose(printedRowSum, printed) {
                differences.append(.init(path: path, printed: printed, recomputed: recomputed.score, kind: .arithmetic,
                    message: "the printed rows of \(printedCategory.category) add up to \(printedRowSum.plainText), not the printed \(printed.plainText)"))
                continue
            }
            guard let score = recomputed.score, !isClose(score, printed) else { continue }
            if categoryCapReading(card, category: printedCategory.category, printed: printed) {
                differences.append(.init(path: path, printed: printed, recomputed: score, kind: .rule,
                    message: "\(printedCategory.category): printed \(printed.plainText), recomputed \(score.plainText) (\(delta(printed, score))); the printed figure is what a cap per category instead of per indicator gives"))
                continue
            }
            let kind = rowKinds[printedCategory.category] ?? .judgement
            let cause = rowKinds[printedCategory.category] == nil
                ? "no printed row explains it" : "it follows from the rows above"
            differences.append(.init(path: path, printed: printed, recomputed: score, kind: kind,
                message: "\(printedCategory.category): printed \(printed.plainText), recomputed \(score.plainText) (\(delta(printed, score))); \(cause)"))
        }

        if let printed = published.total {
            compared += 1
            let path = JSONPath.root.appending("published").appending("total")
            let partsPrinted = published.budget != nil && card.categories.allSatisfy { category in
                published.categories.contains { $0.category == category.category }
            }
            let printedSum = published.categories.reduce(published.budget ?? 0) { $0 + $1.score }
            // In goal-ratio mode the total is the goals' weighted scores, not the categories' sum.
            if partsPrinted, card.goals.isEmpty, !isClose(printedSum, printed) {
                differences.append(.init(path: path, printed: printed, recomputed: card.total, kind: .arithmetic,
                    message: "the printed budget and category scores add up to \(printedSum.plainText), not the printed total \(printed.plainText)"))
            } else if let total = card.total, !isClose(total, printed) {
                let kind = differences.first?.kind ?? .judgement
                differences.append(.init(path: path, printed: printed, recomputed: total, kind: kind,
                    message: "total: printed \(printed.plainText), recomputed \(total.plainText) (\(delta(printed, total)))"))
            }
        }
        return Verification(tolerance: tolerance, publishedTotal: published.total, compared: compared, differences: differences)
    }

    func rowDifference(_ row: IndicatorScore, printed: Decimal, indicator: Indicator, rounding: RoundingRule)
        -> Verification.Difference? {
        let path = row.path.appending("published")
        if printed > row.weight || printed < 0 {
            return .init(path: path, printed: printed, recomputed: row.score, kind: .arithmetic,
                         message: "\(row.name): the printed \(printed.plainText) lies outside 0…\(row.weight.plainText), its points")
        }
        guard let score = row.score, !isClose(score, printed) else { return nil }
        let change = "printed \(printed.plainText), recomputed \(score.plainText) (\(delta(printed, score)))"
        switch row.basis {
        case .judgement?, .evaluator?:
            return .init(path: path, printed: printed, recomputed: score, kind: .judgement,
                         message: "\(row.name): \(change); the evaluator's own judgement")
        default:
            break
        }
        if let reading = otherReading(row, printed: printed, indicator: indicator, rounding: rounding) {
            return .init(path: path, printed: printed, recomputed: score, kind: .rule,
                         message: "\(row.name): \(change); the printed figure is what \(reading) gives")
        }
        let cause = score == row.weight ? "points taken off a met target"
                                        : "no known reading of the rule gives it: the evaluator's own scoring"
        return .init(path: path, printed: printed, recomputed: score, kind: .judgement,
                     message: "\(row.name): \(change); \(cause)")
    }

    /// Whether the printed category is what capping the category's sum, rather than each row, gives.
    func categoryCapReading(_ card: ScoreCard, category: IndicatorCategory, printed: Decimal) -> Bool {
        var sum = Decimal(0)
        var weight = Decimal(0)
        for (row, indicator) in zip(card.indicators, card.evaluation.indicators) where row.category == category {
            weight += row.weight
            if let uncapped = uncappedRatio(row, indicator: indicator) {
                sum += uncapped
            } else if let score = row.score {
                sum += score
            } else {
                return false
            }
        }
        return isClose(card.profile.rounding.round(min(sum, weight)), printed)
    }

    /// Target and actual of a row the ratio rule scored, both above 0: the figures the other readings need.
    func ratioFigures(_ row: IndicatorScore, indicator: Indicator) -> (a: Decimal, b: Decimal)? {
        guard row.basis == .forward || row.basis == .reverse,
              case .measure(let target)? = try? IndicatorValue(parsing: indicator.target),
              case .measure(let actual)? = try? IndicatorValue(parsing: indicator.actual ?? ""),
              target.quantity.value > 0, actual.quantity.value > 0 else { return nil }
        return (target.quantity.value, actual.quantity.value)
    }

    /// The ratio of a forward or reverse row before its cap.
    func uncappedRatio(_ row: IndicatorScore, indicator: Indicator) -> Decimal? {
        guard let (a, b) = ratioFigures(row, indicator: indicator) else { return nil }
        return row.basis == .forward ? row.weight * b / a : row.weight * a / b
    }

    /// Known other readings of the ratio rule: the opposite direction, no cap, the other reverse formula.
    func otherReading(_ row: IndicatorScore, printed: Decimal, indicator: Indicator, rounding: RoundingRule) -> String? {
        guard let (a, b) = ratioFigures(row, indicator: indicator) else { return nil }
        let w = row.weight
        let forward = w * b / a
        let reverse = w * a / b
        var readings: [(String, Decimal)] = row.basis == .forward
            ? [("the reverse reading (w × A ÷ B)", min(reverse, w)), ("the forward ratio without the cap", forward)]
            : [("the forward reading (w × B ÷ A)", min(forward, w)), ("the reverse ratio without the cap", reverse)]
        if row.basis == .reverse, b > a {
            let linear = max(0, w * (1 - (b - a) / a))
            readings.append(("the linear reverse formula w × (1 − (B − A) ÷ A) (as mof-2020-linear)", linear))
            readings.append(("the ratio reverse formula w × A ÷ B (as wuhan-2023)", min(reverse, w)))
        }
        return readings.first { isClose(rounding.round($0.1), printed) }?.0
    }

    func budgetDifference(_ card: ScoreCard, printed: Decimal) -> Verification.Difference? {
        let path = JSONPath.root.appending("published").appending("budget")
        let budget = card.budget
        if printed > budget.weight || printed < 0 {
            return .init(path: path, printed: printed, recomputed: budget.score, kind: .arithmetic,
                         message: "the printed budget score \(printed.plainText) lies outside 0…\(budget.weight.plainText)")
        }
        guard !isClose(budget.score, printed) else { return nil }
        let change = "budget: printed \(printed.plainText), recomputed \(budget.score.plainText) (\(delta(printed, budget.score)))"
        for other in RuleProfile.builtIn where other.id != card.profile.id && other.budget != card.profile.budget {
            guard other.budget.weight == budget.weight, case .steps = other.budget.scoring else { continue }
            let execution = BudgetExecution(planned: budget.planned, executed: budget.executed, initial: budget.initial)
            let alternative = BudgetScorer(profile: other).score(execution).0.score
            if isClose(alternative, printed) {
                return .init(path: path, printed: printed, recomputed: budget.score, kind: .rule,
                             message: "\(change); the printed figure is what the step table of \(other.id) gives")
            }
        }
        if let initial = budget.initial, initial > 0 {
            let alternative = card.profile.rounding.round(min(budget.weight * budget.executed / initial, budget.weight))
            if isClose(alternative, printed) {
                return .init(path: path, printed: printed, recomputed: budget.score, kind: .rule,
                             message: "\(change); the printed figure is what the start-of-year budget (年初预算数) gives")
            }
        }
        return .init(path: path, printed: printed, recomputed: budget.score, kind: .judgement, message: change)
    }

    func isClose(_ lhs: Decimal, _ rhs: Decimal) -> Bool {
        abs(lhs - rhs) <= tolerance
    }

    func delta(_ printed: Decimal, _ recomputed: Decimal) -> String {
        let difference = printed - recomputed
        return "Δ " + (difference > 0 ? "+" : "") + difference.plainText
    }
}
