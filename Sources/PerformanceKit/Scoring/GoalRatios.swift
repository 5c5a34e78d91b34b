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
struct GoalRatios {
    var profile: RuleProfile

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
            return .init(name: goal.name, ratio: goal.ratio, weight: weight, score: sum, weighted: weighted,
                         reasoning: .goal(sum: sum, ratio: goal.ratio, weighted: weighted))
        }
        // Σ points × ratio ÷ 100: exact, since dividing by 100 moves the point.
        let indicatorMaximum = ExactDecimal.sum(goals.compactMap { $0.weight.multiplied(by: $0.ratio)?.timesPowerOfTen(-2) })
        if !goals.isEmpty, let indicatorMaximum, indicatorMaximum != profile.indicatorWeight {
            diagnostics.append(Diagnostic(.pointsTotal, .warning,
                "the goals carry \(profile.rounding.round(indicatorMaximum).plainText) points after their ratios; \(profile.id) expects \(profile.indicatorWeight.plainText)",
                at: JSONPath.root.appending("goals")))
        }
        return (goals, diagnostics, indicatorMaximum)
    }
}
