import Foundation

/// Points finer than the scores will be printed with (`points-precision`): a row of 2.125 points, whose full score
/// will print as 2.13 (``PointsPrecision``), told before the table is filed.
package struct PointsPrecisionCheck: LintCheck {
    /// The code of the check's findings.
    package var code: Diagnostic.Code { .pointsPrecision }
    /// What the check looks for.
    package var summary: String { "each row's points have no more decimals than the profile's scores" }

    /// Creates the check.
    package init() {}

    /// The check's findings on one table.
    package func check(_ table: LintTable) -> [Diagnostic] {
        guard table.hasWeights else { return [] }
        return table.evaluation.indicators.indices.compactMap { index in
            PointsPrecision.finding(points: table.evaluation.indicators[index].weight, rounding: table.profile.rounding,
                                    at: JSONPath.indicator(index).appending("weight"))
        }
    }
}
