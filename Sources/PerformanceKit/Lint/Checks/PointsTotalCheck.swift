import Foundation

/// Points that do not add up: to the profile's indicator total (`points-total`), or to the total the table itself
/// declares (`declared-total`, seed 002: 指标权重比例 100 over rows adding up to 80).
package struct PointsTotalCheck: LintCheck {
    /// The code of the check's findings.
    package var code: Diagnostic.Code { .pointsTotal }
    /// What the check looks for.
    package var summary: String { "indicator points add up to the profile's total and to the total the table declares" }

    /// Creates the check.
    package init() {}

    /// The check's findings on one table.
    package func check(_ table: LintTable) -> [Diagnostic] {
        guard table.hasWeights else { return [] }
        guard let sum = ExactDecimal.sum(table.evaluation.indicators.map(\.weight)) else {
            return [Diagnostic(.figureTooLarge, .error, "the indicators' points add up to more than a decimal holds (18 digits)",
                               at: JSONPath.root.appending("indicators"))]
        }
        var findings: [Diagnostic] = []
        let path = JSONPath.root.appending("indicators")
        if sum != table.profile.indicatorWeight {
            findings.append(Diagnostic(.pointsTotal, .error,
                "the indicators carry \(sum.plainText) points; \(table.profile.id) gives indicators \(table.profile.indicatorWeight.plainText) (and the budget block \(table.profile.budgetWeight.plainText))",
                at: path))
        }
        if let declared = table.evaluation.declaredPoints, declared != sum {
            findings.append(Diagnostic(.declaredTotal, .error,
                "the table declares \(declared.plainText) points but its rows add up to \(sum.plainText)",
                at: JSONPath.root.appending("declaredPoints")))
        }
        return findings
    }
}
