import Foundation

/// One self-contained HTML page that reproduces the published 项目支出绩效自评表: the project block, the budget
/// execution block, the indicator table with merged 一级 / 二级 cells, 总分 and grade, an inline SVG chart of each
/// category's score rate, and where points were lost. No external resources; a print stylesheet for A4.
package enum HTMLReport {
    /// The page of one score card.
    package static func render(_ card: ScoreCard) -> String {
        let evaluation = card.evaluation
        let title = evaluation.title ?? "项目支出绩效自评表"
        var html = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="generator" content="perfscore">
            <title>\(escape(title)) · 项目支出绩效自评表</title>
            <style>
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
                   margin: 2em auto; max-width: 60em; color: #111; background: #fff; }
            h1 { font-size: 1.4em; text-align: center; margin-bottom: 0.2em; }
            p.meta { text-align: center; color: #444; margin-top: 0; }
            table { border-collapse: collapse; width: 100%; margin: 1em 0; font-size: 0.92em; }
            th, td { border: 1px solid #333; padding: 0.3em 0.5em; vertical-align: middle; }
            th { background: #eef1f5; font-weight: 600; }
            table.project th { white-space: nowrap; width: 6em; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; }
            td.lost { color: #a40000; font-weight: 600; }
            tr.subtotal td { background: #f7f7f7; font-weight: 600; }
            tr.total td { font-size: 1.1em; font-weight: 700; background: #eef1f5; }
            figure { margin: 1em 0; }
            figcaption { color: #444; font-size: 0.9em; }
            ul.lost li { margin: 0.2em 0; }
            @page { size: A4; margin: 15mm; }
            @media print { body { margin: 0; max-width: none; font-size: 10pt; } figure { break-inside: avoid; } }
            </style>
            </head>
            <body>
            <h1>项目支出绩效自评表</h1>
            <p class="meta">（\(escape(evaluation.year.map { "\($0)年度" } ?? "年度"))）　规则 \(escape(card.profile.id.rawValue))</p>
            <table class="project">
            <tr><th>项目名称</th><td colspan="3">\(escape(title))</td></tr>
            <tr><th>主管部门</th><td>\(escape(evaluation.agency ?? ""))</td><th>实施单位</th><td>\(escape(evaluation.agency ?? ""))</td></tr>
            </table>

            """
        let budget = card.budget
        let rate = budget.ratePercentText
        html += """
            <table class="budget">
            <tr><th rowspan="2">预算执行情况（万元）（\(budget.weight.scoreText())分）</th><th>预算数（A）</th><th>执行数（B）</th><th>执行率（B/A）</th><th>得分（\(budget.weight.scoreText())分×执行率）</th></tr>
            <tr><td class="number">\(budget.planned.plainText)</td><td class="number">\(budget.executed.plainText)</td><td class="number">\(rate)</td><td class="number">\(budget.score.scoreText())</td></tr>
            </table>

            """
        html += indicatorTable(card)
        html += chart(card)
        let lost = card.indicators.filter { $0.score != $0.weight }
        if !lost.isEmpty {
            html += "<h2>偏差大或目标未完成原因分析</h2>\n<ul class=\"lost\">\n"
            for row in lost {
                let reason = card.reason(for: row)
                html += "<li>\(escape(row.name))：\(escape(row.explanation))" + (reason.map { "。原因：\(escape($0))" } ?? "") + "</li>\n"
            }
            html += "</ul>\n"
        }
        html += "</body>\n</html>\n"
        return html
    }

    static func indicatorTable(_ card: ScoreCard) -> String {
        var html = "<table class=\"indicators\">\n<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>分值</th><th>年初目标值（A）</th><th>实际完成值（B）</th><th>得分</th></tr>\n"
        for category in card.categories {
            let rows = card.indicators.filter { $0.category == category.category }
            for (position, row) in rows.enumerated() {
                html += "<tr>"
                if position == 0 {
                    html += "<td rowspan=\"\(rows.count + 1)\">\(escape(category.category.rawValue))<br>（\(category.weight.scoreText())分）</td>"
                }
                if position == 0 || rows[position - 1].subcategory != row.subcategory {
                    let span = rows[position...].prefix { $0.subcategory == row.subcategory }.count
                    html += "<td rowspan=\"\(span)\">\(escape(row.subcategory?.rawValue ?? ""))</td>"
                }
                let lost = row.score != row.weight ? " lost" : ""
                html += "<td>\(escape(row.name))</td><td class=\"number\">\(row.weight.scoreText())</td>"
                html += "<td>\(escape(row.target))</td><td>\(escape(row.actual ?? ""))</td>"
                html += "<td class=\"number\(lost)\" title=\"\(escape(row.explanation))\">\(row.score.map { $0.scoreText() } ?? "—")</td></tr>\n"
            }
            html += "<tr class=\"subtotal\"><td colspan=\"2\">小计</td><td class=\"number\">\(category.weight.scoreText())</td><td></td><td></td><td class=\"number\">\(category.score.map { $0.scoreText() } ?? "—")</td></tr>\n"
        }
        let total = card.total.map { $0.scoreText() } ?? "—"
        html += "<tr class=\"total\"><td colspan=\"3\">总分</td><td class=\"number\">\(card.maximum.scoreText())</td><td colspan=\"2\">等级 \(escape(card.grade ?? "—"))</td><td class=\"number\">\(total)</td></tr>\n</table>\n"
        return html
    }

    /// A horizontal bar per block (budget and each category): its score as a share of its points.
    static func chart(_ card: ScoreCard) -> String {
        var bars: [(String, ExactDecimal, ExactDecimal?)] = [("预算执行", card.budget.weight, card.budget.score)]
        bars += card.categories.map { ($0.category.rawValue, $0.weight, $0.score) }
        let rowHeight = 28
        let height = bars.count * rowHeight + 10
        var svg = "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"\(height)\" role=\"img\" aria-label=\"各部分得分率\">\n"
        for (index, bar) in bars.enumerated() {
            let y = index * rowHeight + 5
            let share = bar.1 > .zero ? Quotient(bar.2 ?? .zero, over: bar.1) ?? Quotient(.zero) : Quotient(.zero)
            let percent = share.multiplied(by: ExactDecimal(100)).flatMap { RoundingRule(scale: 2).round($0) } ?? .zero
            let width = ChartPixels.pixels(share.multiplied(by: ExactDecimal(400)) ?? Quotient(.zero))
            svg += "<text x=\"0\" y=\"\(y + 17)\" font-size=\"13\">\(escape(bar.0))</text>"
            svg += "<rect x=\"120\" y=\"\(y + 4)\" width=\"400\" height=\"16\" fill=\"#e6e9ee\"/>"
            let full = (share.compare(to: ExactDecimal(1)) ?? -1) >= 0
            svg += "<rect x=\"120\" y=\"\(y + 4)\" width=\"\(width)\" height=\"16\" fill=\"\(full ? "#2f6f3e" : "#b3541e")\"/>"
            svg += "<text x=\"530\" y=\"\(y + 17)\" font-size=\"13\">\(percent.plainText)%</text>\n"
        }
        svg += "</svg><figcaption>得分率（得分 ÷ 分值）</figcaption></figure>\n"
        return svg
    }

    /// Text made safe for HTML content and attribute values.
    static func escape(_ text: String) -> String {
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
