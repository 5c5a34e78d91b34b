import Foundation

/// The self-evaluation table as Markdown, to paste into a document: the project, the budget block, the indicator
/// table in the form's order (``FormLayout``) with subtotals, 总分 and grade, and where points were lost. Where the
/// table printed figures, each stands beside the recomputed one (表中得分, 核对) and the differences are listed with
/// their kind and the reading that explains them; 提示 lists the warnings and errors.
package enum MarkdownReport {
    /// The report of one score card, ending in a newline; `places` name the cells of a spreadsheet's table in its 提示.
    package static func render(_ card: ScoreCard, places: CellPlaces = CellPlaces()) -> String {
        let evaluation = card.evaluation
        let layout = FormLayout(card)
        var lines: [String] = []
        lines.append("## \(cell(evaluation.title ?? "项目支出绩效自评表"))")
        lines.append("")
        var facts: [String] = []
        if let agency = evaluation.agency { facts.append("主管部门：\(cell(agency))") }
        if let implementer = evaluation.form.implementer { facts.append("实施单位：\(cell(implementer))") }
        if let year = evaluation.year { facts.append("年度：\(year)") }
        facts.append("规则：\(cell(card.profile.title))")
        lines.append(facts.joined(separator: "　"))
        lines.append("")
        if let expected = evaluation.form.expectedGoal { lines += ["年度总体目标（预期目标）：\(cell(expected))", ""] }
        if let achieved = evaluation.form.achievedGoal { lines += ["年度总体目标（实际完成情况）：\(cell(achieved))", ""] }
        let budget = card.budget
        let budgetCheck = layout.printed.check(evaluation.published?.budget, at: "published.budget")
        let budgetPrinted = !budgetCheck.printed.isEmpty
        lines.append("| 预算执行情况（万元） | 预算数（A） | 执行数（B） | 执行率（B/A） | 得分（\(budget.weight.scoreText())分） |"
            + (budgetPrinted ? " 表中得分 | 核对 |" : ""))
        lines.append("| --- | ---: | ---: | ---: | ---: |" + (budgetPrinted ? " ---: | --- |" : ""))
        lines.append("| 年度资金总额 | \(budget.planned.plainText) | \(budget.executed.plainText) | \(budget.ratePercentText) | \(budget.score.scoreText()) |"
            + (budgetPrinted ? " \(budgetCheck.printed) | \(FormLayout.kindName(budgetCheck.check)) |" : ""))
        lines.append("")
        let printed = layout.showsPrintedRows
        lines.append("| 一级指标 | 二级指标 | 三级指标 | 分值 | 年初目标值 | 实际完成值 | 得分 |" + (printed ? " 表中得分 | 核对 |" : "") + " 偏差原因 |")
        lines.append("| --- | --- | --- | ---: | --- | --- | ---: |" + (printed ? " ---: | --- |" : "") + " --- |")
        for section in layout.sections {
            if let goal = section.goal {
                lines.append("| **\(cell(FormLayout.heading(of: goal)))** | | | | | | |" + (printed ? " | |" : "") + " |")
            }
            for group in section.groups {
                var first = true
                for subgroup in group.subgroups {
                    for (position, row) in subgroup.rows.enumerated() {
                        let check = layout.check(row)
                        lines.append("| \(first ? cell(group.category.category.rawValue) : "") | \(position == 0 ? cell(subgroup.subcategory?.rawValue ?? "") : "") | "
                            + "\(cell(row.printedName)) | \(row.weight.plainText) | \(cell(row.target)) | \(cell(row.actual ?? "")) | \(row.score.map { $0.scoreText() } ?? "—") |"
                            + (printed ? " \(check.printed) | \(check.printed.isEmpty ? "" : FormLayout.kindName(check.check)) |" : "")
                            + " \(cell(row.indicator.reason ?? "")) |")
                        first = false
                    }
                }
                let category = group.category
                lines.append("| | | **小计 \(cell(category.category.rawValue))** | **\(category.weight.plainText)** | | | **\(category.score.map { $0.scoreText() } ?? "—")** |"
                    + (printed ? " \(group.printed?.scoreText() ?? "") | |" : "") + " |")
            }
        }
        lines.append("")
        // Goal-ratio mode: each goal's rows summed and weighted by its ratio, then the total from them.
        if let working = FormLayout.goalTotalWorking(card) {
            lines += ["| 绩效目标 | 目标权重 | 分值 | 加权得分 | 计算过程 |", "| --- | ---: | ---: | ---: | --- |"]
            for goal in card.goals {
                lines.append("| \(cell(goal.name)) | \(goal.ratio.plainText)% | \(goal.weight.scoreText()) | \(goal.weighted?.scoreText() ?? "—") | \(cell(goal.explanation)) |")
            }
            lines += ["", "总分 = 预算执行 + 各目标加权得分：\(working)", ""]
        }
        if let conversion = card.conversionSentence { lines += [cell(conversion), ""] }
        let totalCheck = layout.printed.check(evaluation.published?.total, at: "published.total")
        lines.append("**总分 \(card.total.map { $0.scoreText() } ?? "—")**（满分 \(card.maximum.scoreText())）" + (card.grade.map { "　**等级 \($0)**" } ?? "")
            + (totalCheck.printed.isEmpty ? "" : "　表中总分 \(totalCheck.printed)（\(FormLayout.kindName(totalCheck.check))）"))
        let footer = [("填报人", evaluation.form.preparer), ("联系电话", evaluation.form.telephone), ("填报日期", evaluation.form.filedOn)]
            .compactMap { label, value in value.map { "\(label)：\(cell($0))" } }
        if !footer.isEmpty { lines += ["", footer.joined(separator: "　")] }
        if let verification = card.verification {
            lines.append("")
            if layout.differences.isEmpty {
                lines.append("核对：表中 \(verification.compared) 处得分与规则计算一致（容差 \(verification.tolerance.plainText)）。")
            } else {
                lines.append("核对：\(layout.differencesHeading)：")
                lines.append("")
                for difference in layout.differences {
                    lines.append("- **\(FormLayout.kindName(difference.kind.rawValue))** \(cell(difference.message))")
                }
            }
        }
        let lost = card.indicators.filter { $0.score != $0.weight }
        if !lost.isEmpty {
            lines.append("")
            lines.append("失分说明：")
            lines.append("")
            for row in lost {
                lines.append("- \(cell(row.name))：\(cell(row.explanation))")
            }
        }
        let notices = FormLayout.notices(card, places: places)
        if !notices.isEmpty {
            lines += ["", "提示：", ""]
            for notice in notices {
                lines.append("- **\(notice.severity)** `\(notice.code)` \(cell(notice.place))：\(cell(notice.message))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A cell's text with the characters Markdown tables treat specially escaped: `\` → `\\`, `|` → `\|`, a line
    /// break (`\n`, `\r\n` as Windows saves it, a lone `\r`) → a space, since a table's row is one line.
    ///
    /// Scalar by scalar, and not at all for the many cells with none of them (looked for in the bytes: all are
    /// ASCII): through Foundation's `replacingOccurrences`, three times a cell, it was three quarters of the time of
    /// a Markdown report.
    static func cell(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "|") || $0 == 0x0A || $0 == 0x0D }) else {
            return text
        }
        var escaped = String.UnicodeScalarView()
        var afterReturn = false
        for scalar in text.unicodeScalars {
            defer { afterReturn = scalar == "\r" }
            switch scalar {
            case "\\": escaped.append(contentsOf: "\\\\".unicodeScalars)
            case "|": escaped.append(contentsOf: "\\|".unicodeScalars)
            case "\r": escaped.append(" ")
            case "\n": if !afterReturn { escaped.append(" ") }
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }
}
