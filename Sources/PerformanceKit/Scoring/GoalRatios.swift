/// Goal-ratio mode (Hubei, 部门整体支出绩效自评): indicators are grouped under performance goals, each with a
/// ratio in percent.
///
/// ```
/// goal score = (Σ of its indicators' rounded scores) × ratio ÷ 100, rounded half-up
/// total      = budget score + Σ goal scores
/// ```
///
/// Every indicator must name one of the goals; ratios that do not add up to 100, and a goal whose points times
/// its ratio do not match the others, are warnings, since the published mode leaves the points to each goal.
///
/// Scored under another rule's points (`--rules`), each goal's score is then multiplied by the profile's indicator
/// points ÷ the table's after the ratios (80 → 90: × 1.125) and rounded half-up again, as a category's subtotal is
/// outside goal-ratio mode: `79.37 × 60 ÷ 100 = 47.62; × 1.125 = 53.57`.
struct GoalRatios {
    var profile: RuleProfile
    /// The profile's indicator points ÷ the table's after the ratios, when scored under another rule's points.
    var scale: Quotient?

    init(profile: RuleProfile, scale: Quotient? = nil) {
        self.profile = profile
        self.scale = scale
    }

    /// The indicators' points after the goals' ratios: Σ over the goals of the points of the rows naming the goal
    /// × its ratio ÷ 100 (exact, since dividing by 100 moves the point); `nil` beyond what a decimal holds.
    static func pointsAfterRatios(_ evaluation: Evaluation) -> ExactDecimal? {
        pointsAfterRatios(evaluation.goals.map { goal in
            (ExactDecimal.sum(evaluation.indicators.lazy.filter { $0.goal == goal.name }.map(\.weight)), goal.ratio)
        })
    }

    private static func pointsAfterRatios(_ goals: [(points: ExactDecimal?, ratio: ExactDecimal)]) -> ExactDecimal? {
        var terms: [ExactDecimal] = []
        for goal in goals {
            guard let points = goal.points, let term = points.multiplied(by: goal.ratio)?.timesPowerOfTen(-2) else { return nil }
            terms.append(term)
        }
        return ExactDecimal.sum(terms)
    }

    /// The goals' scores, the findings, and the indicators' maximum after the ratios (Σ points × ratio ÷ 100).
    func score(_ evaluation: Evaluation, rows: [IndicatorScore]) -> ([ScoreCard.GoalScore], [Diagnostic], ExactDecimal?) {
        var diagnostics: [Diagnostic] = []
        let names = Set(evaluation.goals.map(\.name))
        for (index, indicator) in evaluation.indicators.enumerated() where indicator.goal.map(names.contains) != true {
            let known = evaluation.goals.map(\.name).joined(separator: ", ")
            diagnostics.append(Diagnostic(.unknownGoal, .error,
                indicator.goal.map { "\"\($0)\" is not one of the goals (\(known))" } ?? "the row names no goal; give one of \(known)",
                at: JSONPath.indicator(index).appending("goal")))
        }
        let ratioSum = ExactDecimal.sum(evaluation.goals.map(\.ratio))
        if ratioSum != 100 {
            diagnostics.append(Diagnostic(.goalRatios, .warning,
                "the goals' ratios add up to \(ratioSum?.plainText ?? "more than a decimal holds") %, not 100 %", at: JSONPath.root.appending("goals")))
        }
        let goals = evaluation.goals.map { goal -> ScoreCard.GoalScore in
            let members = rows.filter { $0.indicator.goal == goal.name }
            let weight = ExactDecimal.sum(members.map(\.weight)) ?? .zero
            let scores = members.compactMap(\.score)
            guard scores.count == members.count, let sum = ExactDecimal.sum(scores),
                  let weighted = WideDecimal.product(sum, goal.ratio).exact?.timesPowerOfTen(-2).map(profile.rounding.round) else {
                return .init(name: goal.name, ratio: goal.ratio, weight: weight, score: nil, weighted: nil, reasoning: .goalIncomplete)
            }
            guard let scale else {
                return .init(name: goal.name, ratio: goal.ratio, weight: weight, score: sum, weighted: weighted,
                             reasoning: .goal(sum: sum, ratio: goal.ratio, weighted: weighted))
            }
            guard let factor = scale.rounded(scale: 12)?.normalized,
                  let scaled = scale.multiplied(by: weighted).flatMap(profile.rounding.round) else {
                return .init(name: goal.name, ratio: goal.ratio, weight: weight, score: sum, weighted: nil, reasoning: .goalIncomplete)
            }
            return .init(name: goal.name, ratio: goal.ratio, weight: weight, score: sum, weighted: scaled,
                         reasoning: .scaledGoal(sum: sum, ratio: goal.ratio, weighted: weighted, factor: factor, scaled: scaled))
        }
        let pointsAfterRatios = Self.pointsAfterRatios(goals.map { ($0.weight, $0.ratio) })
        // Under another rule's points the scale makes them the profile's: (its points ÷ the table's) × the table's.
        let indicatorMaximum = scale == nil ? pointsAfterRatios : pointsAfterRatios.map { _ in profile.indicatorWeight }
        if scale == nil, !goals.isEmpty, let indicatorMaximum, indicatorMaximum != profile.indicatorWeight {
            diagnostics.append(Diagnostic(.pointsTotal, .warning,
                "the goals carry \(profile.rounding.round(indicatorMaximum).plainText) points after their ratios; \(profile.id) expects \(profile.indicatorWeight.plainText)",
                at: JSONPath.root.appending("goals")))
        }
        return (goals, diagnostics, indicatorMaximum)
    }
}
