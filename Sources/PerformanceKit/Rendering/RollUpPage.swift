/// The roll-up of many evaluations as one self-contained HTML page, for a finance bureau's report (`perfscore
/// summary --format html`): per unit and overall the count, the funds, the fund-weighted and plain means and the
/// grades; the grade distribution as a chart; the tables that disagree with their printed figures; the indicators
/// that lost the most points across units. Given `pages` (each file's page, from `-o FOLDER`), every table named
/// on the page links to its own.
package enum RollUpPage {
    /// The page.
    ///
    /// - Parameters:
    ///   - rollUp: the roll-up.
    ///   - skipped: the files left out, with why.
    ///   - pages: the page of each file, relative to the roll-up page, when the tables' pages are written beside it.
    package static func render(_ rollUp: RollUp, skipped: [(file: String, reason: String)] = [], pages: [String: String] = [:]) -> String {
        let escape = HTMLReport.escape
        func link(_ file: String, _ text: String) -> String {
            pages[file].map { "<a href=\"\(escape($0))\">\(escape(text))</a>" } ?? escape(text)
        }
        let gradeNames = rollUp.overall.grades.map(\.grade)
        var html = HTMLReport.pageHead(title: "预算绩效自评汇总") + """
            <style>
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
                   margin: 2em auto; max-width: 64em; color: #111; background: #fff; }
            h1 { font-size: 1.4em; text-align: center; }
            h2 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
            table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-size: 0.9em; }
            th, td { border: 1px solid #333; padding: 0.3em 0.45em; overflow-wrap: anywhere; }
            th { background: #eef1f5; font-weight: 600; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr.overall td { font-weight: 700; background: #eef1f5; }
            figure { margin: 1em 0; }
            figcaption { color: #333; font-size: 0.9em; }
            @page { size: A4; margin: 12mm; }
            @media print { body { margin: 0; max-width: none; font-size: 9.5pt; } tr, figure { break-inside: avoid; } }
            </style>
            </head>
            <body>
            <h1>预算绩效自评汇总</h1>
            <table class="units">
            <thead><tr><th>单位</th><th>项目数</th><th>资金（万元）</th><th>加权平均分</th><th>平均分</th>\(gradeNames.map { "<th>\(escape($0))</th>" }.joined())</tr></thead>
            <tbody>

            """
        for (position, group) in ([rollUp.overall] + rollUp.agencies).enumerated() {
            let counts = gradeNames.map { grade in "<td class=\"number\">\(group.grades.first { $0.grade == grade }?.count ?? 0)</td>" }
            html += "<tr\(position == 0 ? " class=\"overall\"" : "")><td>\(escape(group.agency ?? "合计"))</td><td class=\"number\">\(group.count)</td>"
                + "<td class=\"number\">\(group.funds.plainText)</td><td class=\"number\">\(group.fundWeightedMean.map { $0.scoreText() } ?? "—")</td>"
                + "<td class=\"number\">\(group.mean.map { $0.scoreText() } ?? "—")</td>\(counts.joined())</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += gradeChart(rollUp.overall)
        html += "<h2>与表中得分不一致（或未能核对）的自评表</h2>\n"
        if rollUp.disagreements.isEmpty {
            html += "<p>\(rollUp.agreementLine(chinese: true))</p>\n"
        } else {
            html += "<table class=\"disagreements\">\n<thead><tr><th>自评表</th><th>表中总分</th><th>规则总分</th><th>不一致处</th><th>未核对处</th></tr></thead>\n<tbody>\n"
            for item in rollUp.disagreements {
                html += "<tr><td>\(link(item.file, item.title ?? item.file))</td><td class=\"number\">\(item.printed?.scoreText() ?? "—")</td>"
                    + "<td class=\"number\">\(item.recomputed?.scoreText() ?? "—")</td><td class=\"number\">\(item.differences)</td><td class=\"number\">\(item.notCompared)</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        html += "<h2>失分最多的指标</h2>\n"
        if rollUp.losses.isEmpty {
            html += "<p>没有指标失分。</p>\n"
        } else {
            html += "<table class=\"losses\">\n<thead><tr><th>三级指标</th><th>失分</th><th>得分 / 分值</th><th>自评表</th></tr></thead>\n<tbody>\n"
            for loss in rollUp.losses {
                html += "<tr><td>\(escape(loss.indicator))</td><td class=\"number\">\(loss.lost.scoreText())</td>"
                    + "<td class=\"number\">\(loss.score.scoreText()) / \(loss.weight.scoreText())</td><td>\(link(loss.file, loss.title ?? loss.file))</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        if !pages.isEmpty {
            html += "<h2>各自评表</h2>\n<ul class=\"pages\">\n"
            for (file, page) in pages.sorted(by: { $0.key < $1.key }) {
                html += "<li><a href=\"\(escape(page))\">\(escape(file))</a></li>\n"
            }
            html += "</ul>\n"
        }
        if !skipped.isEmpty {
            html += "<h2>未计入汇总</h2>\n<ul class=\"skipped\">\n"
            html += skipped.map { "<li>\(escape($0.file))：\(escape($0.reason))</li>\n" }.joined()
            html += "</ul>\n"
        }
        return html + "</body>\n</html>\n"
    }

    /// The grades as horizontal bars, each with its count written beside it, in greys that print.
    static func gradeChart(_ overall: RollUp.Group) -> String {
        guard overall.count > 0 else { return "" }
        let rowHeight = 26
        var svg = "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"620\" height=\"\(overall.grades.count * rowHeight + 10)\" role=\"img\" aria-label=\"等级分布\">\n"
        for (index, grade) in overall.grades.enumerated() {
            let y = index * rowHeight + 5
            let share = Quotient(ExactDecimal(grade.count), over: ExactDecimal(overall.count)) ?? Quotient(.zero)
            let width = ChartPixels.pixels(share.multiplied(by: ExactDecimal(400)) ?? Quotient(.zero))
            svg += "<text x=\"0\" y=\"\(y + 16)\" font-size=\"13\">\(HTMLReport.escape(grade.grade))</text>"
            svg += "<rect x=\"40\" y=\"\(y + 3)\" width=\"400\" height=\"16\" fill=\"#e4e4e4\" stroke=\"#555\" stroke-width=\"0.5\"/>"
            svg += "<rect x=\"40\" y=\"\(y + 3)\" width=\"\(width)\" height=\"16\" fill=\"#333\"/>"
            svg += "<text x=\"450\" y=\"\(y + 16)\" font-size=\"13\">\(grade.count) 项</text>\n"
        }
        return svg + "</svg><figcaption>等级分布（共 \(overall.count) 项；深色为该等级的项目数，相对全部项目）</figcaption></figure>\n"
    }
}
