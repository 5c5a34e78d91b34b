import Foundation

/// Scores the budget execution block (预算执行).
///
/// ```
/// proportional:  score = weight × min(executed ÷ planned, 1)
/// steps:         score = the points of the first step whose minimum rate executed ÷ planned reaches
/// ```
///
/// - `planned` is the adjusted full-year budget (全年预算数), never the start-of-year one.
/// - `planned = 0`: the rate is undefined; the block scores 0 and a warning says so.
/// - `executed > planned`: the rate is reported as it is (say 1.05) but the score is capped at `weight`.
public struct BudgetScorer: Sendable {
    /// The rule whose budget block is scored.
    public var profile: RuleProfile
    /// Whether the score carries its explanation.
    public var explains: Bool

    /// Creates a scorer for a profile's budget block; `explains` off leaves the explanation empty.
    public init(profile: RuleProfile, explains: Bool = true) {
        self.profile = profile
        self.explains = explains
    }

    /// The block's score and the findings about it.
    public func score(_ budget: BudgetExecution) -> (ScoreCard.BudgetScore, [Diagnostic]) {
        let rounding = profile.rounding
        let weight = budget.weight ?? profile.budgetWeight
        var diagnostics: [Diagnostic] = []
        let path = JSONPath.root.appending("budget")
        if budget.weight != nil, weight != profile.budgetWeight {
            diagnostics.append(Diagnostic(.budgetWeight, .warning,
                "the budget block carries \(weight.plainText) points; \(profile.id) gives it \(profile.budgetWeight.plainText)",
                at: path.appending("weight")))
        }
        guard budget.planned > 0 else {
            diagnostics.append(Diagnostic(.zeroBudget, .warning,
                "the adjusted budget (planned) is 0, so there is no execution rate; the block scores 0",
                at: path.appending("planned")))
            let result = ScoreCard.BudgetScore(
                weight: weight, planned: budget.planned, executed: budget.executed, initial: budget.initial,
                rate: nil, score: 0, explanation: "planned 0: no execution rate, 0")
            return (result, diagnostics)
        }
        let rate = budget.executed / budget.planned
        var explanation: String
        var score: Decimal
        switch profile.budget.scoring {
        case .proportional:
            let raw = weight * budget.executed / budget.planned
            score = min(raw, weight)
            if explains {
                explanation = "\(weight.plainText) × \(budget.executed.plainText) ÷ \(budget.planned.plainText) = \(ExplanationText.figure(raw, cap: weight, rounding: rounding))"
                if raw > weight { explanation += ", capped at \(weight.plainText)" }
            } else {
                explanation = ""
            }
        case .steps(let steps):
            // The step table is written for the profile's points; a file that sets other points scales it.
            let scale = profile.budget.weight == 0 ? 1 : weight / profile.budget.weight
            let step = steps.first { rate >= $0.minimumRate } ?? RuleProfile.BudgetRule.Step(minimumRate: 0, points: 0)
            score = step.points * scale
            let table = steps.map { "\(percent($0.minimumRate)) → \(($0.points * scale).plainText)" }.joined(separator: ", ")
            explanation = "rate \(percent(rate, scale: 2)) reaches the step \(percent(step.minimumRate)): \(score.plainText) (steps \(table))"
        }
        if budget.executed > budget.planned {
            diagnostics.append(Diagnostic(.overExecuted, .note,
                "executed \(budget.executed.plainText) is more than planned \(budget.planned.plainText); the block is capped at \(weight.plainText)",
                at: path.appending("executed")))
        }
        let result = ScoreCard.BudgetScore(
            weight: weight, planned: budget.planned, executed: budget.executed, initial: budget.initial,
            rate: rate, score: rounding.round(score), explanation: explanation)
        return (result, diagnostics)
    }
}

extension BudgetScorer {
    /// `86.19 %`, `100 %`: a rate as a percentage, rounded half-up to `scale` places.
    func percent(_ rate: Decimal, scale: Int = 2) -> String {
        RoundingRule(scale: scale).round(rate * 100).plainText + " %"
    }
}

/// How explanations print intermediate figures.
enum ExplanationText {
    /// A raw figure rounded as scores are (`9.46`); where that would hide an excess over the cap
    /// (`3.001` → `3`), four places are shown instead (`3.0011`).
    static func figure(_ raw: Decimal, cap: Decimal, rounding: RoundingRule) -> String {
        let shown = rounding.round(raw)
        if raw > cap, shown <= cap {
            return RoundingRule(scale: rounding.scale + 2).round(raw).plainText
        }
        return shown.plainText
    }
}
