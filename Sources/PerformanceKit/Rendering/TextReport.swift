/// The self-evaluation table as a terminal shows it, laid out like the published 项目支出绩效自评表: the budget
/// block, then 一级 / 二级 / 三级 rows with 分值, 年初目标值, 实际完成值 and 得分, category subtotals, 总分 and
/// grade; then what lost points and why, the verification of printed figures and the diagnostics.
///
/// Columns are aligned by display width, so Chinese text lines up; long names are cut with `…` at
/// ``nameWidth`` columns (the JSON result always has them whole).
package struct TextReport: Sendable {
    /// Widest 三级指标 column, in display columns.
    package var nameWidth: Int
    /// Whether every row's explanation is listed, not only those of rows that lost points.
    package var explainAll: Bool
    /// Where the fields stand when the table was read from a spreadsheet: findings then name the row and column.
    package var places = CellPlaces()

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - nameWidth: the widest 三级指标 column, in display columns.
    ///   - explainAll: whether every row's explanation is listed.
    package init(nameWidth: Int = 40, explainAll: Bool = false) {
        self.nameWidth = nameWidth
        self.explainAll = explainAll
    }

    /// The report of one score card, ending in a newline.
    package func render(_ card: ScoreCard, file: String? = nil) -> String {
        var lines: [String] = []
        lines += header(card, file: file)
        lines.append("")
        lines += budgetBlock(card.budget, printed: differingPrinted(card, at: "published.budget", card.evaluation.published?.budget))
        lines.append("")
        lines += indicatorTable(card)
        lines.append("")
        lines += explanations(card)
        lines += verification(card)
        lines += diagnostics(card)
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    func header(_ card: ScoreCard, file: String?) -> [String] {
        let evaluation = card.evaluation
        var lines = [evaluation.title ?? file ?? "(untitled)"]
        var facts: [String] = []
        if let agency = evaluation.agency { facts.append(agency) }
        if let year = evaluation.year { facts.append("\(year)年度") }
        facts.append("rules \(card.profile.id)")
        if let file { facts.append(file) }
        lines.append(facts.joined(separator: " · "))
        return lines
    }

    /// The printed figure at `path` with its kind as the form names it (`19.6 规则差异`, `7 未核对`), as the Markdown
    /// and HTML reports name it, when it differs from the recomputed one or could not be compared; `nil` when it
    /// agrees or nothing was printed. A table that printed other figures shows them beside the rule's.
    func differingPrinted(_ card: ScoreCard, at path: String, _ figure: ExactDecimal?) -> String? {
        let check = PrintedBeside(card).check(figure, at: path)
        guard !check.printed.isEmpty, check.check != "agrees" else { return nil }
        return "\(check.printed) \(FormLayout.kindName(check.check))"
    }

    func budgetBlock(_ budget: ScoreCard.BudgetScore, printed: String? = nil) -> [String] {
        let rate = budget.ratePercentText
        var headings = ["预算数（A）", "执行数（B）", "执行率（B/A）", "得分（\(budget.weight.plainText)分）"]
        var values = [budget.planned.plainText, budget.executed.plainText, rate, budget.score.scoreText()]
        if let printed {
            headings.append("表中得分")
            values.append(printed)
        }
        if let initial = budget.initial {
            headings.insert("年初预算数", at: 0)
            values.insert(initial.plainText, at: 0)
        }
        let widths = zip(headings, values).map { max(DisplayWidth.of($0), DisplayWidth.of($1)) }
        return [
            "预算执行情况（万元）",
            "  " + zip(headings, widths).map { DisplayWidth.pad($0, to: $1) }.joined(separator: "  "),
            "  " + zip(values, widths).map { DisplayWidth.pad($0, to: $1, alignRight: true) }.joined(separator: "  "),
        ]
    }

    func indicatorTable(_ card: ScoreCard) -> [String] {
        // A table whose printed figures differ shows them in a column of their own, with the kind of difference.
        let showsPrinted = !(card.verification?.differences.isEmpty ?? true)
        let headings = ["一级指标", "二级指标", "三级指标", "分值", "年初目标值", "实际完成值", "得分"] + (showsPrinted ? ["表中得分"] : [])
        var rows: [[String]] = []
        var kinds: [RowKind] = []
        for category in card.categories {
            var previousSubcategory: IndicatorSubcategory?? = .none
            var first = true
            for row in card.indicators where row.category == category.category {
                let subcategoryCell = previousSubcategory == .some(row.subcategory) ? "" : (row.subcategory?.rawValue ?? "")
                previousSubcategory = .some(row.subcategory)
                rows.append([
                    first ? category.category.rawValue : "",
                    subcategoryCell,
                    row.printedName,
                    row.weight.plainText,
                    row.target,
                    row.actual ?? "",
                    row.score.map { $0.scoreText() } ?? "—",
                ] + (showsPrinted ? [differingPrinted(card, at: row.path.appending("published").description, row.published)
                                     ?? row.published.map { $0.scoreText() } ?? ""] : []))
                kinds.append(.indicator)
                first = false
            }
            rows.append(["", "", "小计 \(category.category.rawValue)", category.weight.plainText, "", "",
                         category.score.map { $0.scoreText() } ?? "—"] + (showsPrinted ? [""] : []))
            kinds.append(.subtotal)
        }
        var widths = headings.map(DisplayWidth.of)
        for row in rows {
            for (column, cell) in row.enumerated() {
                widths[column] = max(widths[column], DisplayWidth.of(cell))
            }
        }
        widths[2] = min(widths[2], nameWidth)
        widths[4] = min(widths[4], 16)
        widths[5] = min(widths[5], 16)
        let rightAligned: Set<Int> = [3, 6, 7]
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, cell in
                DisplayWidth.pad(cell, to: widths[column], alignRight: rightAligned.contains(column))
            }
            return ("  " + padded.joined(separator: "  ")).trimmingTrailingSpaces
        }
        var lines = ["年度绩效指标", line(headings)]
        for (row, kind) in zip(rows, kinds) {
            lines.append(line(row))
            if kind == .subtotal { lines.append("") }
        }
        if !card.goals.isEmpty {
            lines.append("绩效目标（目标权重）")
            let width = card.goals.map { DisplayWidth.of($0.name) }.max() ?? 0
            for goal in card.goals {
                lines.append("  " + DisplayWidth.pad(goal.name, to: width) + "  \(goal.ratio.plainText)%  分值 \(goal.weight.scoreText())  得分 \(goal.explanation)")
            }
        }
        if let conversion = card.conversionSentence { lines.append(conversion) }
        let total = card.total.map { $0.scoreText() } ?? "—"
        let grade = card.grade.map { "  等级 \($0)" } ?? ""
        let printedTotal = differingPrinted(card, at: "published.total", card.evaluation.published?.total).map { "  表中 \($0)" } ?? ""
        lines.append("总分 \(total)（满分 \(card.maximum.scoreText())）\(grade)\(printedTotal)")
        return lines
    }

    private enum RowKind {
        case indicator
        case subtotal
    }

    func explanations(_ card: ScoreCard) -> [String] {
        let rows = card.indicators.filter { explainAll || $0.score == nil || $0.score != $0.weight }
        var lines: [String] = []
        if explainAll || card.budget.score != card.budget.weight {
            lines.append("  预算执行: \(card.budget.explanation)")
        }
        for row in rows {
            lines.append("  \(row.name): \(row.explanation)")
            if let reason = card.reason(for: row), !row.reasoning.givesReason {
                // A reason typed with line breaks in its cell keeps them, each line under the first.
                let reasonLines = reason.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
                lines.append("    原因: " + reasonLines.joined(separator: "\n          "))
            }
        }
        guard !lines.isEmpty else { return [] }
        return [explainAll ? "How each score was reached" : "Where points were lost"] + lines + [""]
    }

    func verification(_ card: ScoreCard) -> [String] {
        guard let verification = card.verification else { return [] }
        if verification.agrees {
            return ["Published figures: all \(verification.compared) agree (tolerance \(verification.tolerance.plainText))", ""]
        }
        return ["Published figures: \(VerificationReport.counts(verification, noun: "")) (tolerance \(verification.tolerance.plainText))"]
            + VerificationReport.details(verification) + [""]
    }

    func diagnostics(_ card: ScoreCard) -> [String] {
        guard !card.diagnostics.isEmpty else { return [] }
        return card.diagnostics.map(places.describe)
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
