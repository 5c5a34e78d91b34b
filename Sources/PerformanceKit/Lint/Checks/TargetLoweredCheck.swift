import Foundation

/// A target less demanding than last year's (seed 001: "2022年…指标值为90%，2023年设置为80%"): lower for a forward
/// indicator, higher for a reverse one. Needs `previous` on the row, in the same unit.
package struct TargetLoweredCheck: LintCheck {
    /// The code of the check's findings.
    package var code: Diagnostic.Code { .targetLowered }
    /// What the check looks for.
    package var summary: String { "no target less demanding than last year's (previous)" }

    /// Creates the check.
    package init() {}

    /// The check's findings on one table.
    package func check(_ table: LintTable) -> [Diagnostic] {
        let scorer = IndicatorScorer(profile: table.profile)
        return table.rows.compactMap { index, indicator, target in
            guard let previousText = indicator.previous, let current = target?.measure,
                  let previous = (try? IndicatorValue(parsing: previousText))?.measure,
                  current.quantity.unit == previous.quantity.unit else { return nil }
            let direction = indicator.direction ?? scorer.inferredDirection(indicator, target: current)
            let now = current.quantity.value
            let before = previous.quantity.value
            let easier = direction == .forward ? now < before : direction == .reverse ? now > before : false
            guard easier else { return nil }
            return Diagnostic(.targetLowered, .warning,
                "\(indicator.name): the target \(indicator.target) is less demanding than last year's \(previousText); targets should be challenging",
                at: table.path(index).appending("target"))
        }
    }
}
