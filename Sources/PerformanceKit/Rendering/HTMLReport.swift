import Foundation

/// One self-contained HTML page laid out as the official 项目支出绩效自评表 of the table's profile, cell for cell:
/// 项目名称, 主管部门 and 实施单位, 年度总体目标 (预期目标 / 实际完成情况); the budget block with its points (年初预算数,
/// 预算数（A）, 执行数（B）, 执行率, 得分) and the rows of each source when given; the indicators grouped by 一级 and
/// 二级 in the form's order with merged cells (``FormLayout``), 偏差原因分析及改进措施 in its column; 总分 and grade;
/// 填报人, 联系电话, 填报日期 when given. Where the table printed figures, each stands beside the recomputed one
/// (表中得分, 核对), and the differences are listed with their kind and the reading that explains them. A chart
/// shows where points were lost, against the points available, or is left out when none were; 提示 lists the
/// warnings and errors (``FormLayout/notices(_:places:)``). No external resources; a print stylesheet for A4 that
/// keeps rows whole.
package enum HTMLReport {
    /// The page of one score card; `places` name the cells of a spreadsheet's table in its 提示.
    package static func render(_ card: ScoreCard, places: CellPlaces = CellPlaces()) -> String {
        let evaluation = card.evaluation
        let layout = FormLayout(card)
        let title = evaluation.title ?? "项目支出绩效自评表"
        let heading = evaluation.kind == .department ? "部门整体支出绩效自评表" : "项目支出绩效自评表"
        var html = pageHead(title: "\(title) · \(heading)") + """
            <style>
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
                   margin: 2em auto; max-width: 64em; color: #111; background: #fff; }
            h1 { font-size: 1.4em; text-align: center; margin-bottom: 0.2em; }
            h2 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
            p.meta { text-align: center; color: #333; margin-top: 0; }
            table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-size: 0.9em; table-layout: auto; }
            th, td { border: 1px solid #333; padding: 0.3em 0.45em; vertical-align: middle; overflow-wrap: break-word; }
            table.indicators td.value { min-width: 4.5em; }
            table.indicators col.name { width: 30%; }
            table.indicators col.reason { width: 16%; }
            th { background: #eef1f5; font-weight: 600; }
            table.project th { white-space: nowrap; width: 7em; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.check { white-space: nowrap; }
            td.lost { font-weight: 700; text-decoration: underline; }
            td.differs { font-weight: 700; background: #fde9d9; }
            td.reason { font-size: 0.92em; }
            tr.subtotal td { background: #f7f7f7; font-weight: 600; }
            tr.goal th { text-align: left; }
            tr.total td { font-size: 1.08em; font-weight: 700; background: #eef1f5; }
            p.footer { display: flex; gap: 3em; }
            figure { margin: 1em 0; }
            figcaption { color: #333; font-size: 0.9em; }
            ul.findings li, ul.lost li { margin: 0.2em 0; }
            @page { size: A4; margin: 12mm; }
            @media print { body { margin: 0; max-width: none; font-size: 9.5pt; }
                           table.project, table.budget, table.goals, tr.total, figure, li { break-inside: avoid; }
                           tr.goal { break-after: avoid; }
                           td:not([rowspan]) { break-inside: avoid; }
                           thead { display: table-header-group; } }
            </style>
            </head>
            <body>
            <h1>\(heading)</h1>
            <p class="meta">（\(escape(evaluation.year.map { "\($0)年度" } ?? "年度"))）</p>
            <table class="project">
            <tr><th>项目名称</th><td colspan="3">\(escape(title))</td></tr>
            <tr><th>主管部门</th><td>\(escape(evaluation.agency ?? ""))</td><th>实施单位</th><td>\(escape(evaluation.form.implementer ?? ""))</td></tr>
            <tr><th>评分规则</th><td colspan="3">\(escape(card.profile.title))</td></tr>

            """
        if evaluation.form.expectedGoal != nil || evaluation.form.achievedGoal != nil {
            html += "<tr><th rowspan=\"2\">年度总体目标</th><th colspan=\"2\">预期目标</th><th>实际完成情况</th></tr>\n"
            html += "<tr><td colspan=\"2\">\(escape(evaluation.form.expectedGoal ?? ""))</td><td>\(escape(evaluation.form.achievedGoal ?? ""))</td></tr>\n"
        }
        html += "</table>\n"
        html += budgetTable(card, layout: layout)
        html += indicatorTable(layout)
        html += goalTable(card)
        if let conversion = card.conversionSentence { html += "<p class=\"conversion\">\(escape(conversion))</p>\n" }
        let footer = [("填报人", evaluation.form.preparer), ("联系电话", evaluation.form.telephone), ("填报日期", evaluation.form.filedOn)]
            .compactMap { label, value in value.map { "<span>\(label)：\(escape($0))</span>" } }
        if !footer.isEmpty { html += "<p class=\"footer\">\(footer.joined())</p>\n" }
        html += findings(layout)
        html += chart(card)
        let lost = card.indicators.filter { $0.score != $0.weight }
        if !lost.isEmpty {
            html += "<h2>失分说明</h2>\n<ul class=\"lost\">\n"
            for row in lost {
                html += "<li>\(escape(row.name))：\(escape(row.explanation))</li>\n"
            }
            html += "</ul>\n"
        }
        let notices = FormLayout.notices(card, places: places)
        if !notices.isEmpty {
            html += "<h2>提示</h2>\n<ul class=\"findings\">\n"
            for notice in notices {
                html += "<li><b>\(notice.severity)</b> <code>\(notice.code)</code> \(escape(notice.place))：\(escape(notice.message))</li>\n"
            }
            html += "</ul>\n"
        }
        html += "</body>\n</html>\n"
        return html
    }

    /// The budget block in the columns of the profile's form (``FormColumns``; Hubei: 年初预算数, 预算数（A）,
    /// 执行数（B）, 执行率（B/A）, 分值, 得分), the printed 得分 and its check beside the score when the table printed
    /// one, then the rows of each source.
    static func budgetTable(_ card: ScoreCard, layout: FormLayout) -> String {
        let budget = card.budget
        let form = card.profile.form
        let printed = layout.printed.check(card.evaluation.published?.budget, at: "published.budget")
        let showsPrinted = !printed.printed.isEmpty
        let differs = printed.check != "agrees" && showsPrinted
        var html = "<table class=\"budget\">\n<tr><th>\(escape(form.budgetHeading))</th>"
        for (label, column) in form.budget {
            html += "<th>\(escape(label.replacingOccurrences(of: "（分×", with: "（\(budget.weight.scoreText())分×")))</th>"
            if column == .score, showsPrinted { html += "<th>表中得分</th><th>核对</th>" }
        }
        html += "</tr>\n<tr><td>年度资金总额</td>"
        for (_, column) in form.budget {
            let figure: String
            switch column {
            case .initial: figure = budget.initial?.plainText ?? ""
            case .planned: figure = budget.planned.plainText
            case .executed: figure = budget.executed.plainText
            case .rate: figure = budget.ratePercentText
            case .weight: figure = budget.weight.scoreText()
            case .score: figure = budget.score.scoreText()
            }
            html += "<td class=\"number\">\(figure)</td>"
            if column == .score, showsPrinted {
                html += "<td class=\"number\(differs ? " differs" : "")\">\(printed.printed)</td><td class=\"check\">\(FormLayout.kindName(printed.check))</td>"
            }
        }
        html += "</tr>\n"
        for source in card.evaluation.budget.sources {
            html += "<tr><td>\(escape(source.kind.formLabel))</td>"
            for (_, column) in form.budget {
                switch column {
                case .initial: html += "<td class=\"number\">\(source.initial?.plainText ?? "")</td>"
                case .planned: html += "<td class=\"number\">\(source.planned?.plainText ?? "")</td>"
                case .executed: html += "<td class=\"number\">\(source.executed?.plainText ?? "")</td>"
                case .rate, .weight: html += "<td>—</td>"
                case .score: html += "<td>—</td>" + (showsPrinted ? "<td>—</td><td></td>" : "")
                }
            }
            html += "</tr>\n"
        }
        return html + "</table>\n"
    }

    /// The indicator table in the columns of the profile's form (Hubei: 分值 before the targets; the Ministry's:
    /// after the actuals), 一级 and 二级 merged over their rows with their points, a 小计 row under each 一级, 总分;
    /// 表中得分 and 核对 beside 得分 when the table printed scores.
    static func indicatorTable(_ layout: FormLayout) -> String {
        let card = layout.card
        let printedColumns = layout.showsPrintedRows
        let columns = card.profile.form.indicators
        var colgroup = ""
        var header = ""
        for (label, column) in columns {
            colgroup += column == .name ? "<col class=\"name\">" : column == .reason ? "<col class=\"reason\">" : "<col>"
            header += "<th>\(escape(label))</th>"
            if column == .score, printedColumns {
                colgroup += "<col><col>"
                header += "<th>表中得分</th><th>核对</th>"
            }
        }
        var html = "<table class=\"indicators\">\n<colgroup>\(colgroup)</colgroup>\n<thead><tr>\(header)</tr></thead>\n<tbody>\n"
        for section in layout.sections {
            if let goal = section.goal {
                html += "<tr class=\"goal\"><th colspan=\"\(columns.count + (printedColumns ? 2 : 0))\">\(escape(FormLayout.heading(of: goal)))</th></tr>\n"
            }
            for group in section.groups { html += groupRows(group, layout: layout) }
        }
        let total = card.total.map { $0.scoreText() } ?? "—"
        let printedTotal = layout.printed.check(card.evaluation.published?.total, at: "published.total")
        let totalDiffers = !printedTotal.printed.isEmpty && printedTotal.check != "agrees"
        html += "<tr class=\"total\">"
        var gradeWritten = false
        for (position, (_, column)) in columns.enumerated() {
            switch column {
            case .category: html += "<td colspan=\"3\">总分</td>"
            case .subcategory, .name: break
            case .weight: html += "<td class=\"number\">\(card.maximum.scoreText())</td>"
            case .target, .actual:
                guard !gradeWritten else { break }
                gradeWritten = true
                // 等级 over the target and actual cells when they stand side by side.
                let next = position + 1 < columns.count ? columns[position + 1].column : nil
                let span = (column == .target && next == .actual) || (column == .actual && next == .target) ? 2 : 1
                html += "<td colspan=\"\(span)\">等级 \(escape(card.grade ?? "—"))</td>" + (span == 1 ? "<td></td>" : "")
            case .score:
                html += "<td class=\"number\">\(total)</td>"
                if printedColumns {
                    html += "<td class=\"number\(totalDiffers ? " differs" : "")\">\(printedTotal.printed)</td><td class=\"check\">\(printedTotal.printed.isEmpty ? "" : FormLayout.kindName(printedTotal.check))</td>"
                }
            case .reason:
                html += "<td>" + (!printedColumns && !printedTotal.printed.isEmpty ? "表中总分 \(printedTotal.printed)（\(FormLayout.kindName(printedTotal.check))）" : "") + "</td>"
            }
        }
        return html + "</tr>\n</tbody>\n</table>\n"
    }

    /// A 一级 category's rows, its merged 一级 and 二级 cells with their points, and its 小计 row.
    static func groupRows(_ group: FormLayout.Group, layout: FormLayout) -> String {
        let columns = layout.card.profile.form.indicators
        let printedColumns = layout.showsPrintedRows
        var html = ""
        var first = true
        for subgroup in group.subgroups {
            for (position, row) in subgroup.rows.enumerated() {
                html += "<tr>"
                for (_, column) in columns {
                    switch column {
                    case .category:
                        if first {
                            html += "<td rowspan=\"\(group.rowCount + 1)\">\(escape(group.category.category.rawValue))<br>（\(group.category.weight.plainText)分）</td>"
                            first = false
                        }
                    case .subcategory:
                        // The 二级 cell with its points, as the Hubei form prints it (数量指标（26分）).
                        if position == 0 {
                            let points = subgroup.subcategory == nil ? nil : ExactDecimal.sum(subgroup.rows.map(\.weight))
                            html += "<td rowspan=\"\(subgroup.rows.count)\">\(escape(subgroup.subcategory?.rawValue ?? ""))"
                                + (points.map { "<br>（\($0.scoreText())分）" } ?? "") + "</td>"
                        }
                    case .name: html += "<td>\(escape(row.printedName))</td>"
                    case .weight: html += "<td class=\"number\">\(row.weight.plainText)</td>"
                    case .target: html += "<td class=\"value\">\(escape(row.target))</td>"
                    case .actual: html += "<td class=\"value\">\(escape(row.actual ?? ""))</td>"
                    case .score:
                        let lost = row.score != row.weight ? " lost" : ""
                        html += "<td class=\"number\(lost)\" title=\"\(escape(row.explanation))\">\(row.score.map { $0.scoreText() } ?? "—")</td>"
                        if printedColumns {
                            let check = layout.check(row)
                            let differs = !check.printed.isEmpty && check.check != "agrees" ? " differs" : ""
                            html += "<td class=\"number\(differs)\">\(check.printed)</td><td class=\"check\">\(check.printed.isEmpty ? "" : FormLayout.kindName(check.check))</td>"
                        }
                    case .reason: html += "<td class=\"reason\">\(escape(row.indicator.reason ?? ""))</td>"
                    }
                }
                html += "</tr>\n"
            }
        }
        let category = group.category
        html += "<tr class=\"subtotal\">"
        for (_, column) in columns {
            switch column {
            case .category: break
            case .subcategory: html += "<td colspan=\"2\">小计</td>"
            case .name: break
            case .weight: html += "<td class=\"number\">\(category.weight.plainText)</td>"
            case .target, .actual, .reason: html += "<td></td>"
            case .score:
                html += "<td class=\"number\">\(category.score.map { $0.scoreText() } ?? "—")</td>"
                if printedColumns { html += "<td class=\"number\">\(group.printed?.scoreText() ?? "")</td><td></td>" }
            }
        }
        html += "</tr>\n"
        return html
    }

    /// In goal-ratio mode, each goal with its ratio, points, weighted score and working, and how the total follows
    /// from them; nothing otherwise.
    static func goalTable(_ card: ScoreCard) -> String {
        guard let working = FormLayout.goalTotalWorking(card) else { return "" }
        var html = "<h2>绩效目标（目标权重）</h2>\n<table class=\"goals\">\n<thead><tr><th>绩效目标</th><th>目标权重</th><th>分值</th><th>加权得分</th><th>计算过程</th></tr></thead>\n<tbody>\n"
        for goal in card.goals {
            html += "<tr><td>\(escape(goal.name))</td><td class=\"number\">\(goal.ratio.plainText)%</td><td class=\"number\">\(goal.weight.scoreText())</td>"
                + "<td class=\"number\">\(goal.weighted?.scoreText() ?? "—")</td><td>\(escape(goal.explanation))</td></tr>\n"
        }
        html += "<tr class=\"total\"><td colspan=\"3\">总分 = 预算执行 + 各目标加权得分</td><td class=\"number\">\(card.total?.scoreText() ?? "—")</td><td>\(escape(working))</td></tr>\n"
        return html + "</tbody>\n</table>\n"
    }

    /// The printed figures that differ from the rule's, each with its kind and the reading that explains it.
    static func findings(_ layout: FormLayout) -> String {
        guard let verification = layout.card.verification else { return "" }
        guard !layout.differences.isEmpty else {
            return "<p class=\"agrees\">核对：表中 \(verification.compared) 处得分与规则计算一致（容差 \(verification.tolerance.plainText)）。</p>\n"
        }
        var html = "<h2>核对：\(layout.differencesHeading)</h2>\n<ul class=\"findings\">\n"
        for difference in layout.differences {
            html += "<li><b>\(FormLayout.kindName(difference.kind.rawValue))</b> \(escape(difference.message))</li>\n"
        }
        return html + "</ul>\n"
    }

    /// Where points were lost: a bar per block (budget, each category) that lost any, its lost points against the
    /// points it carries, with the figures written beside it; no chart when nothing was lost (it would say nothing
    /// the total does not). Bars are a dark fill on a light one with a legend, readable in print and in grey.
    static func chart(_ card: ScoreCard) -> String {
        var bars: [(String, ExactDecimal, ExactDecimal)] = []
        if let lost = card.budget.weight.subtracting(card.budget.score), lost > .zero { bars.append(("预算执行", card.budget.weight, lost)) }
        if card.goals.isEmpty {
            for category in card.categories {
                guard let score = category.score, let lost = category.weight.subtracting(score), lost > .zero else { continue }
                bars.append((category.category.rawValue, category.weight, lost))
            }
        } else {
            // Goal-ratio mode: a category summed across goals is no figure of the form; each goal's own points are.
            for goal in card.goals {
                guard let score = goal.score, let lost = goal.weight.subtracting(score), lost > .zero else { continue }
                bars.append((goal.name, goal.weight, lost))
            }
        }
        guard !bars.isEmpty else { return "" }
        let rowHeight = 28
        let height = bars.count * rowHeight + 40
        var svg = "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"660\" height=\"\(height)\" role=\"img\" aria-label=\"失分分布\">\n"
        for (index, bar) in bars.enumerated() {
            let y = index * rowHeight + 5
            let share = Quotient(bar.2, over: bar.1) ?? Quotient(.zero)
            let width = ChartPixels.pixels(share.multiplied(by: ExactDecimal(400)) ?? Quotient(.zero))
            svg += "<text x=\"0\" y=\"\(y + 17)\" font-size=\"13\">\(chartLabel(bar.0))</text>"
            svg += "<rect x=\"110\" y=\"\(y + 4)\" width=\"400\" height=\"16\" fill=\"#e4e4e4\" stroke=\"#555\" stroke-width=\"0.5\"/>"
            svg += "<rect x=\"110\" y=\"\(y + 4)\" width=\"\(width)\" height=\"16\" fill=\"#333\"/>"
            svg += "<text x=\"520\" y=\"\(y + 17)\" font-size=\"13\">失 \(bar.2.scoreText()) / \(bar.1.scoreText()) 分</text>\n"
        }
        let legendY = bars.count * rowHeight + 16
        svg += "<rect x=\"110\" y=\"\(legendY)\" width=\"14\" height=\"12\" fill=\"#333\"/><text x=\"130\" y=\"\(legendY + 11)\" font-size=\"12\">失分</text>"
        svg += "<rect x=\"180\" y=\"\(legendY)\" width=\"14\" height=\"12\" fill=\"#e4e4e4\" stroke=\"#555\" stroke-width=\"0.5\"/><text x=\"200\" y=\"\(legendY + 11)\" font-size=\"12\">该部分分值</text>\n"
        svg += "</svg><figcaption>失分分布：各部分失去的分数，相对其分值</figcaption></figure>\n"
        return svg
    }

    /// A bar's label, escaped: cut to the 16 display columns left of the bars (`提升政务服务便利化水…`) with the
    /// whole name as its title when longer.
    static func chartLabel(_ name: String) -> String {
        guard DisplayWidth.of(name) > 16 else { return escape(name) }
        var label = ""
        var width = 0
        for scalar in name.unicodeScalars {
            let next = DisplayWidth.of(scalar)
            guard width + next <= 15 else { break }
            label.unicodeScalars.append(scalar)
            width += next
        }
        return "<title>\(escape(name))</title>\(escape(label))…"
    }

    /// The opening of a page of this package's, up to its `<title>` (escaped) and the end of that line.
    static func pageHead(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="generator" content="perfscore">
        <title>\(escape(title))</title>

        """
    }

    /// Text made safe for HTML content and attribute values.
    static func escape(_ text: String) -> String {
        // Most texts hold none of the five (all ASCII, so looked for in the bytes): given back as they are, rather
        // than built again a scalar at a time, which was a fifth of the time of a page.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                                          || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// Whole pixels for the chart.
enum ChartPixels {
    static func pixels(_ value: Quotient) -> String {
        let rounded = RoundingRule(scale: 0).round(value) ?? .zero
        return min(max(rounded, .zero), ExactDecimal(400)).plainText
    }
}
