import Foundation

/// In an evaluation (rows with actuals): every row that lost points needs a stated reason (the table's
/// 偏差大或目标未完成原因分析), given as `reason`: an error on a filed table (``LintTable/isFiled``), a warning on a
/// draft.
package struct UnmetReasonCheck: LintCheck {
    /// The code of the check's findings.
    package var code: Diagnostic.Code { .unmetWithoutReason }
    /// What the check looks for.
    package var summary: String { "in an evaluation, every row that lost points says why (reason)" }

    /// Creates the check.
    package init() {}

    /// The check's findings on one table.
    package func check(_ table: LintTable) -> [Diagnostic] {
        guard table.evaluation.indicators.allSatisfy({ $0.actual != nil }) else { return [] }
        let scorer = IndicatorScorer(profile: table.profile)
        let severity: Diagnostic.Severity = table.isFiled ? .error : .warning
        return table.evaluation.indicators.enumerated().compactMap { index, indicator in
            var ignored: [Diagnostic] = []
            let score = scorer.score(indicator, at: index, diagnostics: &ignored)
            guard indicator.reason == nil else { return nil }
            if score.missedTarget {
                // 否 against 是: missed, whatever score stands for it.
                return Diagnostic(.unmetWithoutReason, severity,
                    "\(indicator.name): the actual \"\(indicator.actual ?? "")\" misses the target \"\(indicator.target)\" and gives no reason; say why the target was missed",
                    at: table.path(index).appending("reason"))
            }
            guard let value = score.score, value < indicator.weight else { return nil }
            return Diagnostic(.unmetWithoutReason, severity,
                "\(indicator.name) scores \(value.plainText) of \(indicator.weight.plainText) and gives no reason; say why the target was missed",
                at: table.path(index).appending("reason"))
        }
    }
}
