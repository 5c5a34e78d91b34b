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
struct BudgetScorer: Sendable {
    /// The rule whose budget block is scored.
    var profile: RuleProfile

    /// The block's score and the findings about it.
    func score(_ budget: BudgetExecution) -> (ScoreCard.BudgetScore, [Diagnostic]) {
        let rounding = profile.rounding
        let weight = budget.weight ?? profile.budgetWeight
        var diagnostics: [Diagnostic] = []
        // Built only for a finding: a path is an array, made anew each time.
        var path: JSONPath { JSONPath.root.appending("budget") }
        if budget.weight != nil, weight != profile.budgetWeight {
            diagnostics.append(Diagnostic(.budgetWeight, .warning,
                "the budget block carries \(weight.plainText) points; \(profile.id) gives it \(profile.budgetWeight.plainText)",
                at: path.appending("weight")))
        }
        guard budget.planned > .zero, let rate = Quotient(budget.executed, over: budget.planned) else {
            diagnostics.append(Diagnostic(.zeroBudget, .warning,
                "the adjusted budget (planned) is 0, so there is no execution rate; the block scores 0",
                at: path.appending("planned")))
            return (ScoreCard.BudgetScore(weight: weight, exactRate: nil, score: .zero, reasoning: .noBudget, block: budget), diagnostics)
        }
        var score: ExactDecimal
        var reasoning: Explanation
        switch profile.budget.scoring {
        case .proportional:
            let raw = rate.multiplied(by: weight)
            let capped = raw.flatMap { Quotient.compare($0, Quotient(weight)) }.map { $0 > 0 } ?? false
            guard let raw, let rounded = capped ? rounding.round(weight) : rounding.round(raw),
                  let shown = Explanation.shownFigure(raw, cap: weight, scale: rounding.scale, capped: capped) else {
                diagnostics.append(Diagnostic(.figureTooLarge, .error,
                    "\(weight.plainText) × \(budget.executed.plainText) ÷ \(budget.planned.plainText) needs more digits than a decimal holds",
                    at: path))
                return (ScoreCard.BudgetScore(weight: weight, exactRate: rate, score: .zero,
                                              reasoning: .undefined("the budget block's figures are too large to compute exactly"), block: budget),
                        diagnostics)
            }
            score = rounded
            reasoning = .budgetRatio(weight: weight, executed: budget.executed, planned: budget.planned, result: shown, capped: capped)
        case .steps(let steps):
            // The step table is written for the profile's points; a file that sets other points scales it.
            let factor = profile.budget.weight.isZero ? nil : Quotient(weight, over: profile.budget.weight)
            func scaled(_ points: ExactDecimal) -> ExactDecimal {
                guard let factor, let product = factor.multiplied(by: points) else { return points }
                return product.nearestDecimal ?? points
            }
            let step = steps.first { (rate.compare(to: $0.minimumRate) ?? -1) >= 0 }
                ?? RuleProfile.BudgetRule.Step(minimumRate: .zero, points: .zero)
            score = rounding.round(scaled(step.points))
            reasoning = .budgetStep(rate: rate.rounded(scale: 4) ?? .zero, step: step.minimumRate, score: scaled(step.points),
                                    table: steps.map { ($0.minimumRate, scaled($0.points)) })
        }
        if budget.executed > budget.planned {
            diagnostics.append(Diagnostic(.overExecuted, .note,
                "executed \(budget.executed.plainText) is more than planned \(budget.planned.plainText); the block is capped at \(weight.plainText)",
                at: path.appending("executed")))
        }
        return (ScoreCard.BudgetScore(weight: weight, exactRate: rate, score: score, reasoning: reasoning, block: budget), diagnostics)
    }
}
