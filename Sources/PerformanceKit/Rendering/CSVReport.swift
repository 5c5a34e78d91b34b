import Foundation

/// One row per indicator with its score and explanation, as CSV (RFC 4180) for a spreadsheet, under the form's head
/// (``FormLayout/head(_:)``: title and year, 项目名称, 主管部门, 实施单位 when known, 规则, so that the sheet reads back
/// under the rule that scored it); the budget block and the total are rows of their own, so that the sheet adds up.
/// A row's unit follows its name in brackets (`市民之家杂志期数（期）`), as the published form and the other reports
/// print it. In goal-ratio mode each row starts with its goal's 目标名称 and 目标权重（%）. The table reader reads the
/// report back (its 预算执行 row is the budget block: 分值 the points, 年初目标值 the budget, 实际完成值 the executed
/// amount, 表中得分 the printed score).
///
/// Beside the recomputed 得分 stand the figure the table printed (表中得分) and what verification says of it (核对:
/// `agrees`, or the difference's kind: `arithmetic`, `rule`, `judgement`, `notCompared`), so that a sheet made from
/// a table that printed other figures says so; the grade has a column of its own. The text starts with a UTF-8
/// byte-order mark, without which Excel in Chinese reads UTF-8 as GB18030.
package enum CSVReport {
    /// The columns, in order.
    package static let header = ["一级指标", "二级指标", "三级指标", "分值", "年初目标值", "实际完成值", "得分", "表中得分", "核对",
                                 "偏差原因", "计算过程", "等级"]

    /// The UTF-8 byte-order mark, as the first character of the text.
    package static let byteOrderMark = "\u{FEFF}"

    /// The CSV text of one score card, with a header row, CRLF line ends as RFC 4180 writes them.
    ///
    /// - Parameters:
    ///   - card: the scored evaluation.
    ///   - separator: `,` for CSV, a tab for TSV.
    ///   - byteOrderMark: whether the text starts with the byte-order mark (only the first of several tables does).
    package static func render(_ card: ScoreCard, separator: Character = ",", byteOrderMark: Bool = true) -> String {
        // Goal-ratio mode: 目标名称 and 目标权重（%） lead every row, as the XLSX report prints them.
        let goalRatios = Dictionary(card.evaluation.goals.map { ($0.name, $0.ratio) }, uniquingKeysWith: { first, _ in first })
        let leading: [String] = card.goals.isEmpty ? [] : ["目标名称", "目标权重（%）"]
        func lead(_ goal: String?) -> [String] {
            leading.isEmpty ? [] : [goal ?? "", goal.flatMap { goalRatios[$0]?.plainText } ?? ""]
        }
        // The form's head, as the workbook and the blank template print it, so that the sheet reads back as the
        // same project under the same rule (a 10-point budget row alone reads as mof-2020's, jiangxi's too).
        let head = FormLayout.head(card)
        var rows: [[String]] = [[head.title], [head.year]] + head.labelled.map { [$0.label, $0.value] } + [[]]
        rows.append(leading + header)
        let printed = PrintedBeside(card)
        func check(_ figure: ExactDecimal?, at path: String) -> (String, String) { printed.check(figure, at: path) }
        let budget = card.budget
        let budgetCheck = check(card.evaluation.published?.budget, at: "published.budget")
        rows.append(lead(nil) + ["预算执行", "", "执行率", budget.weight.scoreText(), budget.planned.plainText, budget.executed.plainText,
                     budget.score.scoreText(), budgetCheck.0, budgetCheck.1, "", budget.explanation, ""])
        for row in card.indicators {
            let rowCheck = check(row.published, at: row.path.appending("published").description)
            rows.append(lead(row.indicator.goal) + [row.category.rawValue, row.subcategory?.rawValue ?? "", row.printedName, row.weight.plainText, row.target,
                         row.actual ?? "", row.score.map { $0.scoreText() } ?? "", rowCheck.0, rowCheck.1,
                         row.indicator.reason ?? "", row.explanation, ""])
        }
        let totalCheck = check(card.evaluation.published?.total, at: "published.total")
        rows.append(lead(nil) + ["总分", "", "", card.maximum.scoreText(), "", "", card.total.map { $0.scoreText() } ?? "", totalCheck.0,
                     totalCheck.1, "", "", card.grade ?? ""])
        // Every row as wide as the table (RFC 4180: each record the same number of fields).
        let width = leading.count + header.count
        return (byteOrderMark ? Self.byteOrderMark : "")
            + rows.map { row in (row + Array(repeating: "", count: max(0, width - row.count))).map { field($0, separator: separator) }
                .joined(separator: String(separator)) }.joined(separator: "\r\n")
            + "\r\n"
    }

    /// A field quoted when it holds the separator, a quote or a line break, its quotes doubled.
    ///
    /// The bytes are looked at, not the characters: the quote, the line breaks and the separators used (`,`, a tab)
    /// are ASCII, and no byte of another character is one of them in UTF-8; another separator is looked for as a
    /// character. (Foundation's `contains` of a string, which `"\""` picked, folded every field's characters and was
    /// two thirds of the time of a CSV report.)
    static func field(_ text: String, separator: Character) -> String {
        let quoted = text.utf8.contains { $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || separator.asciiValue.map { separatorByte in text.utf8.contains(separatorByte) } ?? text.contains(separator)
        guard quoted else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
