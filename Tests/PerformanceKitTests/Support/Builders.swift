import Foundation
@testable import PerformanceKit

/// An indicator row built in code for a rule test.
func row(_ target: String, _ actual: String?, weight: String = "1", category: IndicatorCategory = .output,
         subcategory: IndicatorSubcategory? = .quantity, unit: String? = nil, name: String = "指标",
         direction: Indicator.Direction? = nil, judgement: Indicator.Judgement? = nil, score: String? = nil,
         deduction: String? = nil, reason: String? = nil, published: String? = nil) -> Indicator {
    Indicator(category: category, subcategory: subcategory, name: name, unit: unit, weight: dec(weight),
              target: target, actual: actual, direction: direction, judgement: judgement, score: score.map(dec),
              deduction: deduction.map(dec), reason: reason, published: published.map(dec))
}

/// Scores one row under wuhan-2023.
func scoreRow(_ indicator: Indicator) -> (score: IndicatorScore, diagnostics: [Diagnostic]) {
    let (score, diagnostics) = IndicatorScorer(profile: .wuhan2023).score(indicator, at: 0)
    return (score, diagnostics)
}

/// An evaluation around some rows, with a fully executed budget.
func evaluation(_ indicators: [Indicator], planned: String = "100", executed: String = "100",
                published: PublishedFigures? = nil) -> Evaluation {
    Evaluation(title: "测试项目", budget: BudgetExecution(planned: dec(planned), executed: dec(executed)),
               indicators: indicators, published: published)
}

extension IndicatorScorer {
    /// A row's score and its findings as one value, as the rule tests read them.
    func score(_ indicator: Indicator, at index: Int) -> (IndicatorScore, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let result = score(indicator, at: index, diagnostics: &diagnostics)
        return (result, diagnostics)
    }
}
