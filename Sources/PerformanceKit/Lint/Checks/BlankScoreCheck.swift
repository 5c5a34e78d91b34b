import Foundation

/// A filed table that prints its rows' scores (得分) with one of them left blank: the row's score cell was not
/// filled in, and the printed total cannot be checked against the rows.
package struct BlankScoreCheck: LintCheck {
    /// The code of the check's findings.
    package var code: Diagnostic.Code { .blankScore }
    /// What the check looks for.
    package var summary: String { "in a table that prints its rows' scores, no row's score cell is blank" }

    /// Creates the check.
    package init() {}

    /// The check's findings on one table.
    package func check(_ table: LintTable) -> [Diagnostic] {
        let indicators = table.evaluation.indicators
        let printed = indicators.filter { $0.published != nil }.count
        guard printed > 0, printed < indicators.count else { return [] }
        return indicators.enumerated().compactMap { index, indicator in
            guard indicator.published == nil else { return nil }
            return Diagnostic(.blankScore, .error,
                "\(indicator.name): the score cell (得分) is blank while \(printed) of \(indicators.count) rows print theirs; fill it in",
                at: table.path(index).appending("published"))
        }
    }
}
