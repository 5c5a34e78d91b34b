import Foundation

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

    func score(_ evaluation: Evaluation, rows: [IndicatorScore]) -> ([ScoreCard.GoalScore], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let names = Set(evaluation.goals.map(\.name))
        for (index, indicator) in evaluation.indicators.enumerated() where indicator.goal.map(names.contains) != true {
            let known = evaluation.goals.map(\.name).joined(separator: ", ")
            diagnostics.append(Diagnostic(.unknownGoal, .error,
                indicator.goal.map { "\"\($0)\" is not one of the goals (\(known))" } ?? "the row names no goal; give one of \(known)",
                at: JSONPath.root.appending("indicators").appending(index).appending("goal")))
        }
        let ratioSum = evaluation.goals.reduce(Decimal(0)) { $0 + $1.ratio }
        if ratioSum != 100 {
            diagnostics.append(Diagnostic(.goalRatios, .warning,
                "the goals' ratios add up to \(ratioSum.plainText) %, not 100 %", at: JSONPath.root.appending("goals")))
        }
        let goals = evaluation.goals.map { goal -> ScoreCard.GoalScore in
            let members = zip(rows, evaluation.indicators).filter { $0.1.goal == goal.name }.map(\.0)
            let weight = members.reduce(Decimal(0)) { $0 + $1.weight }
            let scores = members.compactMap(\.score)
            guard scores.count == members.count else {
                return .init(name: goal.name, ratio: goal.ratio, weight: weight, score: nil, weighted: nil,
                             explanation: "a row of the goal could not be scored")
            }
            let sum = scores.reduce(0, +)
            let weighted = profile.rounding.round(sum * goal.ratio / 100)
            return .init(name: goal.name, ratio: goal.ratio, weight: weight, score: sum, weighted: weighted,
                         explanation: "\(sum.plainText) × \(goal.ratio.plainText) ÷ 100 = \(weighted.plainText)")
        }
        let indicatorMaximum = goals.reduce(Decimal(0)) { $0 + $1.weight * $1.ratio / 100 }
        if !goals.isEmpty, indicatorMaximum != profile.indicatorWeight {
            diagnostics.append(Diagnostic(.pointsTotal, .warning,
                "the goals carry \(profile.rounding.round(indicatorMaximum).plainText) points after their ratios; \(profile.id) expects \(profile.indicatorWeight.plainText)",
                at: JSONPath.root.appending("goals")))
        }
        return (goals, diagnostics)
    }
}
