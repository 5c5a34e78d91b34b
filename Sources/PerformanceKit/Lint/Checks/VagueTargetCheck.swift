import Foundation

/// Vague words (提升, 有效, 是, 好) as targets where a figure is possible: rows whose name measures something (a
/// rate, a count, a time, an amount) or that stand in a measurable slot (数量, 质量, 时效, 经济效益, 成本); and a 效益
/// block whose every target is such a word (seed 002: the whole 20-point 效益 block is `是` in seven tables).
package struct VagueTargetCheck: LintCheck {
    /// The code of the check's findings.
    package var code: Diagnostic.Code { .vagueTarget }
    /// What the check looks for.
    package var summary: String { "no 提升 / 有效 / 是 / 好 where the indicator has a measurable form" }

    /// Creates the check.
    package init() {}

    static let measurableWords = ["率", "数", "量", "次", "时间", "时长", "天", "金额", "成本", "费用", "面积", "人数", "满意度", "分值"]
    static let measurableSlots: [IndicatorSubcategory] = [.quantity, .quality, .timeliness, .economicBenefit, .cost,
                                                          .economicCost]

    /// The check's findings on one table.
    package func check(_ table: LintTable) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var benefitRows = 0
        var vagueBenefitRows = 0
        for (index, indicator, target) in table.rows {
            guard case .text(let text)? = target else {
                if indicator.category == .benefit { benefitRows += 1 }
                continue
            }
            // A placeholder (`*`, `XXX`) is an unfilled cell (UnfilledCellCheck), not a vague target; a deadline
            // (`三季度`, `12月底前`) is as measurable as a 时效 target gets.
            let vague = [.affirmative, .rating, .trend, .statement].contains(text.kind) && !UnfilledCellCheck.isPlaceholder(text.text)
                && Deadline.target(of: indicator) == nil
            if indicator.category == .benefit {
                benefitRows += 1
                if vague { vagueBenefitRows += 1 }
            }
            guard vague else { continue }
            let measurableName = Self.measurableWords.contains { indicator.name.utf8.containsBytes(of: $0) }
            let measurableSlot = indicator.subcategory.map(Self.measurableSlots.contains) ?? false
            guard measurableName || measurableSlot else { continue }
            let why = measurableName ? "its name measures something" : "\(indicator.subcategory?.rawValue ?? "") is a measurable slot"
            findings.append(Diagnostic(.vagueTarget, .warning,
                "\(indicator.name): the target \"\(text.text)\" cannot be measured, but \(why); give a figure (≥95%, ≤3天, 100%)",
                at: table.path(index).appending("target")))
        }
        if benefitRows > 0, vagueBenefitRows == benefitRows {
            findings.append(Diagnostic(.binaryBenefitBlock, .warning,
                "every 效益指标 target is a yes or a word: the benefit block cannot show an effect", at: JSONPath.root.appending("indicators")))
        }
        return findings
    }
}
