import Foundation

/// A first-level category the table should have: 产出指标 and 效益指标 always (seed 001: "指标结构不完整，缺少效益
/// 指标"), 成本指标 where the 2021 layout (财预〔2021〕101号) applies: budget years from 2022, or a table that uses
/// the layout elsewhere; 满意度指标 where the profile requires it (`missingSatisfaction: required`).
package struct MissingCategoryCheck: LintCheck {
    /// The code of the check's findings.
    package var code: Diagnostic.Code { .missingCategory }
    /// What the check looks for.
    package var summary: String { "产出 and 效益 present; 成本 too under the 2021 layout (years from 2022)" }

    /// Creates the check.
    package init() {}

    /// The check's findings on one table.
    package func check(_ table: LintTable) -> [Diagnostic] {
        let present = Set(table.evaluation.indicators.map(\.category))
        let path = JSONPath.root.appending("indicators")
        var findings: [Diagnostic] = []
        if !present.contains(.output) {
            findings.append(Diagnostic(.missingCategory, .error, "no 产出指标: the table states no output", at: path))
        }
        if !present.contains(.benefit) {
            findings.append(Diagnostic(.missingCategory, .error,
                "no 效益指标: the structure is incomplete (reviewers' \"指标结构不完整，缺少效益指标\")", at: path))
        }
        if table.profile.indicators.missingSatisfaction == .required, !present.contains(.satisfaction) {
            findings.append(Diagnostic(.missingCategory, .error,
                "no 满意度指标: \(table.profile.id) requires a satisfaction indicator", at: path))
        }
        let layout2021 = (table.evaluation.year ?? 0) >= 2022
            || table.evaluation.indicators.contains { [.economicCost, .socialCost, .environmentalCost].contains($0.subcategory) }
        if layout2021, !present.contains(.cost), !table.evaluation.indicators.contains(where: \.isCost) {
            let year = table.evaluation.year.map { "a \($0) table" } ?? "this table"
            findings.append(Diagnostic(.missingCategory, .warning,
                "no 成本指标: \(year) follows the 2021 layout (财预〔2021〕101号), which makes 成本 a first-level category",
                at: path))
        }
        return findings
    }
}
