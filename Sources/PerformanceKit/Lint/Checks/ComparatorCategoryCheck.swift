import Foundation

/// A comparator that contradicts the row's category: more is not better for a cost (`≥` on 成本指标), less is not
/// better for satisfaction (`≤` on 满意度指标).
package struct ComparatorCategoryCheck: LintCheck {
    /// The code of the check's findings.
    package var code: Diagnostic.Code { .comparatorContradictsCategory }
    /// What the check looks for.
    package var summary: String { "no ≥ on a cost, no ≤ on satisfaction" }

    /// Creates the check.
    package init() {}

    /// The check's findings on one table.
    package func check(_ table: LintTable) -> [Diagnostic] {
        table.rows.compactMap { index, indicator, target in
            guard let comparator = target?.measure?.comparator else { return nil }
            let path = table.path(index).appending("target")
            if indicator.isCost, comparator.pointsForward {
                return Diagnostic(.comparatorContradictsCategory, .warning,
                    "\(comparator) on a cost row: a cost target is a ceiling (≤), or the row is not a cost", at: path)
            }
            if indicator.category == .satisfaction, comparator.pointsBackward {
                return Diagnostic(.comparatorContradictsCategory, .warning,
                    "\(comparator) on a satisfaction row: satisfaction is a floor (≥)", at: path)
            }
            return nil
        }
    }
}
