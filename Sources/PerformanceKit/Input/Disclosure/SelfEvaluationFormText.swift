import Foundation

/// A 项目支出绩效自评表 (or 部门整体支出绩效自评表) as the text of a disclosure holds it, turned into the rows of cells
/// the spreadsheet form has, so that one interpreter (``TableReading``) reads the forms from every source.
///
/// The text puts one cell after another and wraps long cells over several lines:
///
/// ```
/// 产出            ← 一级指标, wrapped
/// 指标
/// （40分）
/// 数量指标         ← 二级指标 and its points
/// （26分）
/// 清查季报、年报、月盘点表及年盘点表   ← a 三级指标 wrapped at the column width
/// （份）（4分）
/// 7 18 4          ← 年初目标值, 实际完成值, 得分
/// 市民之家杂志期数（期）（3分） 4 4 3
/// ```
///
/// A row ends on a line whose last cells are the figures the header names (target, actual, score), once the text
/// gathered since the last row ends in its points mark (`（4分）`); the 一级 and 二级 names at the front of that text
/// are taken off it. The header block (单位名称, 项目名称, 主管部门, 项目实施单位), the budget block (its column labels
/// in the order printed, the figures under them), 总分 and the 偏差原因 block become the form's rows. A line that
/// fits none of these is kept in ``unplaced``, never dropped or guessed into a cell.
struct SelfEvaluationFormText {
    typealias Line = DisclosureLines.Line

    /// The rows of cells, in the spreadsheet form's layout, each with the line it starts on.
    private(set) var rows: [CSVParser.Row] = []
    /// The lines that could not be placed in a cell.
    private(set) var unplaced: [Line] = []
    /// 偏差大或目标未完成原因分析, the table's one reason text.
    private(set) var deviation: String?
    /// Whether the reason went beside the rows it names; else it is the table's alone (kept in `source.notes`).
    private(set) var deviationPlaced = false

    /// The column labels under 三级指标 (目标值, 实际完成值, 分值, 得分), in the order printed.
    private var valueColumns: [String] = []

    init(_ lines: ArraySlice<Line>) {
        var index = lines.startIndex
        readHead(lines, &index)
        readBudget(lines, &index)
        readIndicatorHeader(lines, &index)
        readIndicators(lines, &index)
        readTail(lines, &index)
        attachDeviation()
    }

    // MARK: - The head: title, 单位名称, 项目名称, 主管部门, 实施单位

    /// Lines that end the head: the budget block's first label.
    private static func startsBudget(_ text: String) -> Bool {
        text.hasPrefix("预算执行情况") || text.hasPrefix("年度资金总额") || text.hasPrefix("资金总额")
    }

    /// Checkbox rows of the head (项目类别 1、部门预算项目 √ …): read as printed, never a field.
    private static let choiceLabels = ["项目类别", "项目属性", "项目类型", "项目性质"]

    private static func label(_ cell: String) -> TableReading.Metadata.Field? {
        TableReading.Metadata.labels[TableReading.normalizedHeader(cell)]
    }

    private mutating func readHead(_ lines: ArraySlice<Line>, _ index: inout Int) {
        var title: [Line] = []
        // The title runs up to the first label (单位名称：…, 项目名称).
        while index < lines.endIndex, !Self.startsBudget(lines[index].text),
              Self.label(lines[index].text.cellsOfLine[0]) == nil,
              TableReading.Metadata.labelledValues(lines[index].text).isEmpty {
            title.append(lines[index])
            index += 1
        }
        if let first = title.first {
            rows.append(CSVParser.Row(line: first.number, fields: [title.map(\.text).joined()]))
        }
        while index < lines.endIndex, !Self.startsBudget(lines[index].text) {
            let line = lines[index]
            index += 1
            if line.isPageFurniture { continue }
            let cells = line.text.cellsOfLine
            if Self.choiceLabels.contains(where: { cells[0].hasPrefix($0) }) {
                rows.append(CSVParser.Row(line: line.number, fields: cells))
                continue
            }
            if !TableReading.Metadata.labelledValues(line.text).isEmpty {
                rows.append(CSVParser.Row(line: line.number, fields: [TextValue.unitName(line.text)]))
                continue
            }
            guard Self.label(cells[0]) != nil else {
                unplaced.append(line)
                continue
            }
            // Each label with the cells after it up to the next label: `项目名称 行政运行工作经费`.
            var fields: [String] = []
            for cell in cells {
                if Self.label(cell) != nil || fields.isEmpty {
                    fields.append(cell)
                    fields.append("")
                } else {
                    fields[fields.count - 1] += fields[fields.count - 1].isEmpty ? cell : " " + cell
                }
            }
            // A label alone on its line: its value is on the lines under it, wrapped, up to the next label.
            if fields.last == "" {
                var value = ""
                while index < lines.endIndex, !Self.startsBudget(lines[index].text) {
                    let next = lines[index]
                    let first = next.text.cellsOfLine[0]
                    if Self.label(first) != nil || Self.choiceLabels.contains(where: { first.hasPrefix($0) })
                        || !TableReading.Metadata.labelledValues(next.text).isEmpty { break }
                    if !next.isPageFurniture { value += next.text }
                    index += 1
                }
                fields[fields.count - 1] = value
            }
            rows.append(CSVParser.Row(line: line.number, fields: fields.map(TextValue.unitName)))
        }
    }

    // MARK: - The budget block

    /// The budget block's column labels, longest first where one holds another (预算数 in 年初预算数).
    private static let budgetLabels = ["年初预算数", "全年预算数", "调整后预算数", "预算数", "全年执行数", "预算执行数", "实际执行数",
                                       "执行数", "分值", "执行率", "得分"]

    /// A cell that is a figure (`964.1`, `100%`, `5,207.48`) or a dash for none.
    static func isFigure(_ cell: String) -> Bool {
        TableReading.decimal(cell) != nil || ["—", "-", "/", "——", "－"].contains(cell)
    }

    /// A line of figures, with or without a label in front: `964.1 964.1 100% 20`, `其中：当年财政拨款 90 89.97 — —`.
    private static func figureRow(_ text: String) -> (label: String?, figures: [String])? {
        let cells = text.cellsOfLine
        let figures = Array(cells.drop(while: { !isFigure($0) }))
        let labels = cells.prefix(while: { !isFigure($0) })
        guard figures.count >= 2, figures.allSatisfy(isFigure) else { return nil }
        return (labels.isEmpty ? nil : labels.joined(), figures)
    }

    /// The labels of a header block in the order printed, brackets and what they hold taken out first
    /// (`得分（20分*执行率）` names 得分, not 执行率).
    static func labels(in header: String, from candidates: [String]) -> [String] {
        let text = Array(withoutBrackets(header))
        var found: [String] = []
        var position = 0
        scan: while position < text.count {
            for candidate in candidates {
                let length = candidate.count
                if position + length <= text.count, String(text[position..<position + length]) == candidate {
                    found.append(candidate)
                    position += length
                    continue scan
                }
            }
            position += 1
        }
        return found
    }

    /// The text less every bracketed part, full-width or not, and its spaces.
    static func withoutBrackets(_ text: String) -> String {
        var result = ""
        var depth = 0
        for character in text where !character.isWhitespace {
            if character == "（" || character == "(" { depth += 1; continue }
            if character == "）" || character == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { result.append(character) }
        }
        return result
    }

    private mutating func readBudget(_ lines: ArraySlice<Line>, _ index: inout Int) {
        guard index < lines.endIndex else { return }
        let start = lines[index]
        var header = ""
        while index < lines.endIndex, Self.figureRow(lines[index].text) == nil {
            header += lines[index].text
            index += 1
        }
        let labels = Self.labels(in: header, from: Self.budgetLabels)
        rows.append(CSVParser.Row(line: start.number, fields: ["预算执行情况"] + labels))
        while index < lines.endIndex, let row = Self.figureRow(lines[index].text) {
            rows.append(CSVParser.Row(line: lines[index].number, fields: [row.label ?? "年度资金总额"] + row.figures))
            index += 1
        }
    }

    // MARK: - The indicators

    /// The columns under 三级指标, longest first where one holds another.
    private static let indicatorLabels = ["年初目标值", "年度指标值", "全年目标值", "年度目标值", "目标值", "指标值", "实际完成值",
                                          "全年实际值", "实际值", "完成值", "分值", "得分"]

    private mutating func readIndicatorHeader(_ lines: ArraySlice<Line>, _ index: inout Int) {
        guard index < lines.endIndex else { return }
        let start = lines[index]
        var header = ""
        while index < lines.endIndex {
            header += lines[index].text
            index += 1
            if header.contains("三级"), Self.withoutBrackets(header).hasSuffix("得分") { break }
        }
        let afterNames = header.range(of: "三级指标").map { String(header[$0.upperBound...]) } ?? header
        valueColumns = Self.labels(in: afterNames, from: Self.indicatorLabels)
        rows.append(CSVParser.Row(line: start.number, fields: ["年度绩效目标", "一级指标", "二级指标", "三级指标"] + valueColumns))
    }

    /// Whether the text ends in a points mark: `（4分）`, `(1分）`, `40分`.
    static func endsInPoints(_ text: String) -> Bool {
        var body = Substring(text)
        if let last = body.last, last == "）" || last == ")" { body.removeLast() }
        guard body.hasSuffix("分") else { return false }
        body.removeLast()
        return body.last.map { $0.isASCIIDigit } ?? false
    }

    private mutating func readIndicators(_ lines: ArraySlice<Line>, _ index: inout Int) {
        var pending: [Line] = []
        let figures = valueColumns.count
        while index < lines.endIndex {
            let line = lines[index]
            if line.text.hasPrefix("总分") || line.text.hasPrefix("合计") { break }
            index += 1
            if line.isPageFurniture { continue }
            let cells = line.text.cellsOfLine
            if figures > 0, cells.count >= figures, cells.count > figures || !pending.isEmpty {
                let values = Array(cells.suffix(figures))
                let text = pending.map(\.text).joined() + cells.dropLast(figures).joined()
                let pointsInColumn = valueColumns.contains("分值")
                if Self.isFigure(values[values.count - 1]), pointsInColumn || Self.endsInPoints(text) {
                    let names = Self.splitNames(text)
                    rows.append(CSVParser.Row(line: (pending.first ?? line).number,
                                              fields: ["", names.category ?? "", names.subcategory ?? "", names.name] + values))
                    pending = []
                    continue
                }
            }
            pending.append(line)
        }
        unplaced += pending
    }

    /// The 一级 and 二级 names at the front of a row's text, each with its points, and the 三级 name that follows:
    /// `产出指标（40分）数量指标（26分）清查季报（份）（4分）` → 产出指标, 数量指标, `清查季报（份）（4分）`.
    static func splitNames(_ text: String) -> (category: String?, subcategory: String?, name: String) {
        var rest = Substring(text)
        func takeLevel(_ accepts: (String) -> Bool) -> String? {
            guard let mark = rest.range(of: "指标"), rest.distance(from: rest.startIndex, to: mark.upperBound) <= 14 else { return nil }
            let name = String(rest[..<mark.upperBound])
            var after = rest[mark.upperBound...]
            // Its points: （40分）, 40分, (21分）.
            let points = after.prefix { $0 != "分" }
            guard after.count > points.count, points.count <= 8, points.contains(where: \.isASCIIDigit),
                  points.allSatisfy({ "（(".contains($0) || ($0.isASCIIDigit || $0 == ".") }) else { return nil }
            after = after.dropFirst(points.count + 1)
            if let close = after.first, close == "）" || close == ")" { after = after.dropFirst() }
            guard !after.isEmpty, accepts(name) else { return nil }
            rest = after
            return name
        }
        let category = takeLevel { IndicatorCategory(parsing: $0)?.isStandard ?? false }
        let subcategory = takeLevel { name in
            !(IndicatorCategory(parsing: name)?.isStandard ?? false) && !name.contains("（") && !name.contains("(")
        }
        return (category, subcategory, String(rest))
    }

    // MARK: - 总分 and the blocks under it

    private mutating func readTail(_ lines: ArraySlice<Line>, _ index: inout Int) {
        guard index < lines.endIndex else { return }
        let total = lines[index]
        index += 1
        var fields = ["总分", "", "", ""] + Array(repeating: "", count: valueColumns.count)
        if !valueColumns.isEmpty, let score = total.text.cellsOfLine.last(where: Self.isFigure) {
            fields[4 + (valueColumns.lastIndex(of: "得分") ?? max(0, valueColumns.count - 1))] = score
        }
        rows.append(CSVParser.Row(line: total.number, fields: fields))
        // 偏差大或目标未完成原因分析 …, 改进措施及结果应用方案 …, 备注：…, 填报人：…: each label, wrapped, then its text.
        enum Block { case deviation, measures, notes }
        var block: Block?
        var label = ""
        var deviationText = ""
        while index < lines.endIndex {
            let line = lines[index]
            index += 1
            if line.isPageFurniture { continue }
            if TableReading.Metadata.isFooter(CSVParser.Row(line: line.number, fields: [line.text])) {
                rows.append(CSVParser.Row(line: line.number, fields: [line.text]))
                continue
            }
            let text = line.text
            if text.hasPrefix("备注") {
                block = .notes
                continue
            }
            if text.hasPrefix("偏差") || (label.hasPrefix("偏差") && !label.contains("原因分析")) {
                label += text
                block = .deviation
                if let end = label.range(of: "原因分析") {
                    deviationText += String(label[end.upperBound...]).trimmingWhitespace
                    label = "原因分析"
                }
                continue
            }
            if text.hasPrefix("改进措施") || (label.hasPrefix("改进措施") && !label.contains("方案")) {
                label = label.hasPrefix("改进措施") ? label + text : text
                block = .measures
                continue
            }
            switch block {
            case .deviation?: deviationText += text
            case .measures?, .notes?: break
            case nil: unplaced.append(line)
            }
        }
        deviation = deviationText.isEmpty ? nil : deviationText
    }

    /// The table's reason text goes beside the rows it names in quotes (`“制发帮办代办工作情况通报”年初目标值为4期…`);
    /// a reason that names no row stays the table's alone (``deviationPlaced`` false), never put beside a row it
    /// does not name.
    private mutating func attachDeviation() {
        guard let deviation, let header = rows.firstIndex(where: { $0.fields.first == "年度绩效目标" }) else { return }
        let quoted = Self.quoted(in: deviation)
        guard !quoted.isEmpty else { return }
        rows[header].fields.append("偏差原因分析及改进措施")
        for position in rows.indices where position > header {
            guard rows[position].fields.count == rows[header].fields.count - 1, rows[position].fields[0].isEmpty else { continue }
            let name = TableReading.stripPoints(rows[position].fields[3]).text
            rows[position].fields.append(quoted.contains(name) ? deviation : "")
            if quoted.contains(name) { deviationPlaced = true }
        }
    }

    /// The texts between “ and ” (or 「 and 」).
    static func quoted(in text: String) -> Set<String> {
        var found: Set<String> = []
        var current: String?
        for character in text {
            if character == "“" || character == "「" { current = "" ; continue }
            if character == "”" || character == "」" {
                if let current, !current.isEmpty { found.insert(current) }
                current = nil
                continue
            }
            current?.append(character)
        }
        return found
    }
}
