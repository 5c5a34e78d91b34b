import Foundation

/// One row per indicator with its score and explanation, as CSV (RFC 4180) for a spreadsheet; the budget block and
/// the total are rows of their own, so that the sheet adds up.
package enum CSVReport {
    /// The columns, in order.
    package static let header = ["一级指标", "二级指标", "三级指标", "分值", "年初目标值", "实际完成值", "得分", "计算过程"]

    /// The CSV text of one score card, with a header row, CRLF line ends as RFC 4180 writes them.
    ///
    /// - Parameters:
    ///   - card: the scored evaluation.
    ///   - separator: `,` for CSV, a tab for TSV.
    package static func render(_ card: ScoreCard, separator: Character = ",") -> String {
        var rows: [[String]] = [header]
        let budget = card.budget
        rows.append(["预算执行", "", "执行率", budget.weight.scoreText(), budget.planned.plainText, budget.executed.plainText,
                     budget.score.scoreText(), budget.explanation])
        for row in card.indicators {
            rows.append([row.category.rawValue, row.subcategory?.rawValue ?? "", row.name, row.weight.scoreText(), row.target,
                         row.actual ?? "", row.score.map { $0.scoreText() } ?? "", row.explanation])
        }
        rows.append(["总分", "", card.grade ?? "", card.maximum.scoreText(), "", "", card.total.map { $0.scoreText() } ?? "", ""])
        return rows.map { $0.map { field($0, separator: separator) }.joined(separator: String(separator)) }
            .joined(separator: "\r\n") + "\r\n"
    }

    /// A field quoted when it holds the separator, a quote or a line break.
    static func field(_ text: String, separator: Character) -> String {
        guard text.contains(separator) || text.contains("\"") || text.contains("\n") || text.contains("\r") else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
