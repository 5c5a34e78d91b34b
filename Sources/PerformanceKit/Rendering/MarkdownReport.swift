import Foundation

/// The self-evaluation table as Markdown, to paste into a document: the budget block, the indicator table with
/// subtotals, 总分 and grade, and where points were lost.
package enum MarkdownReport {
    /// The report of one score card, ending in a newline.
    package static func render(_ card: ScoreCard) -> String {
        let evaluation = card.evaluation
        var lines: [String] = []
        lines.append("## \(cell(evaluation.title ?? "项目支出绩效自评表"))")
        lines.append("")
        var facts: [String] = []
        if let agency = evaluation.agency { facts.append("单位：\(cell(agency))") }
        if let year = evaluation.year { facts.append("年度：\(year)") }
        facts.append("规则：\(card.profile.id)")
        lines.append(facts.joined(separator: "　"))
        lines.append("")
        let budget = card.budget
        lines.append("| 预算执行情况（万元） | 预算数（A） | 执行数（B） | 执行率（B/A） | 得分（\(budget.weight.scoreText())分） |")
        lines.append("| --- | ---: | ---: | ---: | ---: |")
        let rate = budget.ratePercentText
        lines.append("| 年度财政资金总额 | \(budget.planned.plainText) | \(budget.executed.plainText) | \(rate) | \(budget.score.scoreText()) |")
        lines.append("")
        lines.append("| 一级指标 | 二级指标 | 三级指标 | 分值 | 年初目标值 | 实际完成值 | 得分 |")
        lines.append("| --- | --- | --- | ---: | --- | --- | ---: |")
        for category in card.categories {
            var first = true
            var previous: IndicatorSubcategory??
            for row in card.indicators where row.category == category.category {
                let subcategory = previous == .some(row.subcategory) ? "" : (row.subcategory?.rawValue ?? "")
                previous = .some(row.subcategory)
                lines.append("| \(first ? cell(category.category.rawValue) : "") | \(cell(subcategory)) | \(cell(row.name)) | "
                    + "\(row.weight.scoreText()) | \(cell(row.target)) | \(cell(row.actual ?? "")) | \(row.score.map { $0.scoreText() } ?? "—") |")
                first = false
            }
            lines.append("| | | **小计 \(cell(category.category.rawValue))** | **\(category.weight.scoreText())** | | | **\(category.score.map { $0.scoreText() } ?? "—")** |")
        }
        lines.append("")
        lines.append("**总分 \(card.total.map { $0.scoreText() } ?? "—")**（满分 \(card.maximum.scoreText())）" + (card.grade.map { "　**等级 \($0)**" } ?? ""))
        let lost = card.indicators.filter { $0.score != $0.weight }
        if !lost.isEmpty {
            lines.append("")
            lines.append("偏差及原因：")
            lines.append("")
            for row in lost {
                let reason = card.reason(for: row)
                lines.append("- \(cell(row.name))：\(cell(row.explanation))" + (reason.map { "。原因：\(cell($0))" } ?? ""))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A cell's text with the characters Markdown tables treat specially escaped.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\n", with: " ")
    }
}
