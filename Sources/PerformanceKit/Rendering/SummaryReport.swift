/// What `perfscore summary` prints: the roll-up as text, JSON, Markdown or CSV (the HTML page is ``RollUpPage``).
package enum SummaryReport {
    /// The roll-up in words and aligned columns, with the files that were skipped or could not be scored.
    package static func text(_ rollUp: RollUp, skipped: [(file: String, reason: String)] = []) -> String {
        var lines: [String] = []
        let groups = [rollUp.overall] + rollUp.agencies
        let names = groups.map { $0.agency ?? "合计" }
        let width = names.map(DisplayWidth.of).max() ?? 4
        let gradeNames = rollUp.overall.grades.map(\.grade)
        // The figures of each column right-aligned under its heading, the column as wide as its widest figure: a
        // figure is never cut (6,000 evaluations graded 优 print in full, not as `6…`).
        let headings = ["项目数", "资金（万元）", "加权平均分", "平均分"] + gradeNames
        let rows = groups.map { group in
            [String(group.count), group.funds.plainText, group.fundWeightedMean.map { $0.scoreText() } ?? "—",
             group.mean.map { $0.scoreText() } ?? "—"]
                + gradeNames.map { grade in String(group.grades.first { $0.grade == grade }?.count ?? 0) }
        }
        // As wide as the heading at least, and the figures columns as wide as they were before they grew with their
        // figures, so that a roll-up of a few tables keeps its look.
        let least = [6, 12, 10, 6] + gradeNames.map(DisplayWidth.of)
        let widths = headings.indices.map { column in
            rows.reduce(max(least[column], DisplayWidth.of(headings[column]))) { max($0, DisplayWidth.of($1[column])) }
        }
        // Two spaces between columns, three between the grades' counts.
        let firstGrade = headings.count - gradeNames.count
        func line(_ name: String, _ cells: [String]) -> String {
            var line = DisplayWidth.pad(name, to: width)
            for (column, cell) in cells.enumerated() {
                line += (column > firstGrade ? "   " : "  ") + DisplayWidth.pad(cell, to: widths[column], alignRight: true)
            }
            return line
        }
        lines.append(line("单位", headings))
        for (row, name) in zip(rows, names) {
            lines.append(line(name, row))
        }
        lines.append("")
        if rollUp.disagreements.isEmpty {
            lines.append(rollUp.agreementLine(chinese: false))
        } else {
            lines.append("Disagree with their printed figures, or could not compare them all:")
            for item in rollUp.disagreements {
                var counts: [String] = []
                if item.differences > 0 { counts.append("\(item.differences) difference\(item.differences == 1 ? "" : "s")") }
                if item.notCompared > 0 { counts.append("\(item.notCompared) not compared") }
                lines.append("  \(item.file): printed \(item.printed?.scoreText() ?? "—"), recomputed \(item.recomputed?.scoreText() ?? "—") (\(counts.joined(separator: ", ")))")
            }
        }
        lines.append("")
        if rollUp.losses.isEmpty {
            lines.append("No indicator lost points.")
        } else {
            lines.append("Indicators that lost the most points:")
            // The losses right-aligned, so that the names start in one column.
            let losses = rollUp.losses.map { "−" + $0.lost.scoreText() }
            let width = losses.map(DisplayWidth.of).max() ?? 0
            for (loss, shown) in zip(rollUp.losses, losses) {
                lines.append("  \(DisplayWidth.pad(shown, to: width, alignRight: true))  \(loss.indicator) (\(loss.score.scoreText()) of \(loss.weight.scoreText())) · \(loss.title ?? loss.file)")
            }
        }
        if !skipped.isEmpty {
            lines.append("")
            lines.append("Not in the roll-up:")
            // A reason of several lines (every problem of a file) keeps each under the file's line.
            lines += skipped.map { "  \($0.file): " + $0.reason.split(separator: "\n").joined(separator: "\n    ") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The roll-up as Markdown: the units' table, the disagreements and the largest losses.
    package static func markdown(_ rollUp: RollUp, skipped: [(file: String, reason: String)] = []) -> String {
        let cell = MarkdownReport.cell
        let gradeNames = rollUp.overall.grades.map(\.grade)
        var lines = ["## 预算绩效自评汇总", "",
                     "| 单位 | 项目数 | 资金（万元） | 加权平均分 | 平均分 |" + gradeNames.map { " \(cell($0)) |" }.joined(),
                     "| --- | ---: | ---: | ---: | ---: |" + String(repeating: " ---: |", count: gradeNames.count)]
        for group in [rollUp.overall] + rollUp.agencies {
            let counts = gradeNames.map { grade in " \(group.grades.first { $0.grade == grade }?.count ?? 0) |" }.joined()
            let name = group.agency.map(cell) ?? "**合计**"
            lines.append("| \(name) | \(group.count) | \(group.funds.plainText) | \(group.fundWeightedMean.map { $0.scoreText() } ?? "—") | "
                + "\(group.mean.map { $0.scoreText() } ?? "—") |" + counts)
        }
        lines.append("")
        if rollUp.disagreements.isEmpty {
            lines.append(rollUp.agreementLine(chinese: true))
        } else {
            lines += ["与表中得分不一致（或未能核对）的自评表：", "", "| 自评表 | 表中总分 | 规则总分 | 不一致处 | 未核对处 |",
                      "| --- | ---: | ---: | ---: | ---: |"]
            lines += rollUp.disagreements.map { item in
                "| \(cell(item.title ?? item.file)) | \(item.printed?.scoreText() ?? "—") | \(item.recomputed?.scoreText() ?? "—") | \(item.differences) | \(item.notCompared) |"
            }
        }
        lines.append("")
        if rollUp.losses.isEmpty {
            lines.append("没有指标失分。")
        } else {
            lines += ["失分最多的指标：", "", "| 三级指标 | 失分 | 得分 / 分值 | 自评表 |", "| --- | ---: | ---: | --- |"]
            lines += rollUp.losses.map { loss in
                "| \(cell(loss.indicator)) | \(loss.lost.scoreText()) | \(loss.score.scoreText()) / \(loss.weight.scoreText()) | \(cell(loss.title ?? loss.file)) |"
            }
        }
        if !skipped.isEmpty {
            lines += ["", "未计入汇总：", ""] + skipped.map { "- \(cell($0.file))：\(cell($0.reason))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The roll-up as CSV for a spreadsheet (UTF-8 byte-order mark, CRLF): one row per unit and the overall row,
    /// with the count, funds, both means and a column per grade.
    package static func csv(_ rollUp: RollUp) -> String {
        let gradeNames = rollUp.overall.grades.map(\.grade)
        var rows = [["单位", "项目数", "资金（万元）", "加权平均分", "平均分"] + gradeNames]
        for group in [rollUp.overall] + rollUp.agencies {
            rows.append([group.agency ?? "合计", String(group.count), group.funds.plainText, group.fundWeightedMean.map { $0.scoreText() } ?? "",
                         group.mean.map { $0.scoreText() } ?? ""] + gradeNames.map { grade in String(group.grades.first { $0.grade == grade }?.count ?? 0) })
        }
        return CSVReport.byteOrderMark + rows.map { $0.map { CSVReport.field($0, separator: ",") }.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// The roll-up as data: `{ "overall", "agencies", "disagreements", "losses", "skipped" }`.
    package static func write(_ rollUp: RollUp, skipped: [(file: String, reason: String)] = [], into out: inout JSONOutput) {
        out.value(json(rollUp, skipped: skipped))
    }

    /// The roll-up as a tree of values.
    static func json(_ rollUp: RollUp, skipped: [(file: String, reason: String)] = []) -> JSONValue {
        func group(_ group: RollUp.Group) -> JSONValue {
            .object([
                .init(key: "agency", value: group.agency.map(JSONValue.string) ?? .null),
                .init(key: "count", value: .number(String(group.count))),
                .init(key: "funds", value: .number(group.funds.plainText)),
                .init(key: "fundWeightedMean", value: group.fundWeightedMean.map { .number($0.scoreText()) } ?? .null),
                .init(key: "mean", value: group.mean.map { .number($0.scoreText()) } ?? .null),
                .init(key: "grades", value: .object(group.grades.map { .init(key: $0.grade, value: .number(String($0.count))) })),
            ])
        }
        return .object([
            .init(key: "overall", value: group(rollUp.overall)),
            .init(key: "agencies", value: .array(rollUp.agencies.map(group))),
            .init(key: "disagreements", value: .array(rollUp.disagreements.map { item in
                .object([
                    .init(key: "file", value: .string(item.file)),
                    .init(key: "printed", value: item.printed.map { .number($0.scoreText()) } ?? .null),
                    .init(key: "recomputed", value: item.recomputed.map { .number($0.scoreText()) } ?? .null),
                    .init(key: "differences", value: .number(String(item.differences))),
                    .init(key: "notCompared", value: .number(String(item.notCompared))),
                ])
            })),
            .init(key: "losses", value: .array(rollUp.losses.map { loss in
                .object([
                    .init(key: "file", value: .string(loss.file)),
                    .init(key: "indicator", value: .string(loss.indicator)),
                    .init(key: "weight", value: .number(loss.weight.scoreText())),
                    .init(key: "score", value: .number(loss.score.scoreText())),
                    .init(key: "lost", value: .number(loss.lost.scoreText())),
                ])
            })),
            .init(key: "skipped", value: .array(skipped.map { item in
                .object([.init(key: "file", value: .string(item.file)), .init(key: "reason", value: .string(item.reason))])
            })),
        ])
    }
}
