import Foundation

extension TableReading {
    /// The rows around the indicator table: the project (项目名称, 主管部门, 实施单位, 年度, 规则), the budget block
    /// (label rows, or a header row with the figures under it and, on the Ministry's form, the rows of each source),
    /// the year's overall goal (年度总体目标: 预期目标 / 实际完成情况), and who filled the form in (填报人, 联系电话,
    /// 填报日期), whether each stands in a cell of its own (`填报人 | 张三`) or as `label：value` inside a cell
    /// (`单位名称：… 填报日期：2024年6月6日`, a footer `填报人：张三`). A title row that names a 部门整体 table makes the
    /// evaluation a department's.
    struct Metadata {
        var title: String?
        /// How many rows named a 项目名称, and how many gave a budget figure by its label: a second of either after
        /// the indicators starts another table.
        var titleRows = 0
        var budgetRows = 0
        /// 主管部门, else the first of 单位名称, 部门（单位）名称, 预算单位.
        var agency: String?
        var year: Int?
        var kind: Evaluation.Kind?
        var planned: ExactDecimal?
        var executed: ExactDecimal?
        var initial: ExactDecimal?
        var budgetScore: ExactDecimal?
        /// The budget row's 分值 (10 on the Ministry's form).
        var budgetWeight: ExactDecimal?
        /// The funds by source, from the rows under 年度资金总额 (其中：当年财政拨款, 上年结转资金, 其他资金).
        var sources: [FundSource] = []
        /// A rule profile the table names (`规则`, `评价规则`).
        var rules: String?
        /// 实施单位, 年度总体目标, 填报人, 联系电话, 填报日期.
        var form = FormDetails()

        /// What a label names.
        enum Field {
            case title, agency, unit, implementer, year, planned, executed, initial, rules, preparer, telephone, filedOn, goal
        }

        /// Labels as the forms print them, compared after spaces and a trailing bracket are removed.
        static let labels: [String: Field] = [
            "项目名称": .title,
            "主管部门": .agency, "主管部门及代码": .agency,
            "单位名称": .unit, "部门（单位）名称": .unit, "部门名称": .unit, "预算单位": .unit,
            "实施单位": .implementer, "项目实施单位": .implementer,
            "年度": .year, "预算年度": .year,
            "预算数": .planned, "全年预算数": .planned, "调整后预算数": .planned,
            "执行数": .executed, "全年执行数": .executed, "预算执行数": .executed, "实际执行数": .executed,
            "年初预算数": .initial,
            "规则": .rules, "评价规则": .rules, "rules": .rules,
            "填报人": .preparer, "填表人": .preparer, "联系电话": .telephone, "填报日期": .filedOn,
            "年度总体目标": .goal,
        ]

        /// The first scalars of the labels.
        static let labelFirsts = Array(Set(labels.keys.compactMap(\.unicodeScalars.first)))

        /// The field a cell's label names (compared after spaces and a trailing bracket are removed), or `nil`. Asked
        /// of every row's first cell: a cell that cannot start a label (``TableReading/mayName(_:startingWith:)``)
        /// is settled without normalizing it.
        static func field(namedBy cell: String) -> Field? {
            guard TableReading.mayName(cell, startingWith: labelFirsts) else { return nil }
            return labels[TableReading.normalizedHeader(cell)]
        }

        mutating func set(_ field: Field, _ value: String) {
            switch field {
            case .title:
                title = value
                titleRows += 1
            case .agency: agency = value
            case .unit: if agency == nil { agency = value }
            case .implementer: form.implementer = value
            case .year: year = Int(TextValue.folded(value).filter(\.isNumber))
            case .planned:
                planned = TableReading.decimal(value)
                budgetRows += 1
            case .executed:
                executed = TableReading.decimal(value)
                budgetRows += 1
            case .initial: initial = TableReading.decimal(value)
            case .rules: rules = value
            case .preparer: form.preparer = value
            case .telephone: form.telephone = value
            case .filedOn: form.filedOn = value
            case .goal: form.expectedGoal = value
            }
        }

        mutating func read(_ rows: ArraySlice<CSVParser.Row>, into problems: inout [TableReadError.Problem]) {
            var index = rows.startIndex
            while index < rows.endIndex {
                let row = rows[index]
                let labels = row.fields.map { TableReading.normalizedHeader($0) }
                // 年度总体目标 over the columns 预期目标 and 实际完成情况, the texts in the row just under them (a blank
                // form leaves that row empty, and a workbook then has no row there at all).
                if labels.contains("年度总体目标"), let expected = labels.firstIndex(of: "预期目标"),
                   let achieved = labels.firstIndex(where: { $0 == "实际完成情况" || $0 == "实际完成" }) {
                    index += 1
                    guard index < rows.endIndex, rows[index].line == row.line + 1 else { continue }
                    let values = rows[index].fields.map(\.trimmingWhitespace)
                    if expected < values.count, !values[expected].isEmpty { form.expectedGoal = values[expected] }
                    if achieved < values.count, !values[achieved].isEmpty { form.achievedGoal = values[achieved] }
                    index += 1
                    continue
                }
                // A header row naming 预算数 and 执行数, with the figures in the row under it.
                if let plannedColumn = labels.firstIndex(where: { $0 == "预算数" || $0 == "全年预算数" }),
                   let executedColumn = labels.firstIndex(where: { $0 == "执行数" || $0 == "全年执行数" }),
                   index + 1 < rows.endIndex {
                    let values = rows[index + 1].fields
                    if plannedColumn < values.count { planned = TableReading.decimal(values[plannedColumn]) }
                    if executedColumn < values.count { executed = TableReading.decimal(values[executedColumn]) }
                    if let initialColumn = labels.firstIndex(of: "年初预算数"), initialColumn < values.count {
                        initial = TableReading.decimal(values[initialColumn])
                    }
                    // A report of this package's (CSV, .xlsx) prints the table's score as 表中得分 beside its own 得分.
                    if let scoreColumn = labels.firstIndex(of: "表中得分") ?? labels.firstIndex(where: { $0.hasPrefix("得分") }),
                       scoreColumn < values.count {
                        budgetScore = TableReading.decimal(values[scoreColumn])
                    }
                    if let weightColumn = labels.firstIndex(of: "分值"), weightColumn < values.count {
                        budgetWeight = TableReading.decimal(values[weightColumn])
                    }
                    index += 2
                    // The Ministry's form: the sources under 年度资金总额, in the same columns.
                    while index < rows.endIndex,
                          let label = Self.firstFilledCell(rows[index]),
                          let kind = FundSource.Kind(parsing: label) {
                        let cells = rows[index].fields
                        func figure(_ column: Int?) -> ExactDecimal? {
                            guard let column, column < cells.count else { return nil }
                            return TableReading.decimal(cells[column])
                        }
                        sources.append(FundSource(kind, initial: figure(labels.firstIndex(of: "年初预算数")),
                                                  planned: figure(plannedColumn), executed: figure(executedColumn)))
                        index += 1
                    }
                    continue
                }
                _ = read(row, into: &problems)
                index += 1
            }
        }

        /// Reads a row of labels and values; `true` when its first filled cell is a label (or holds `label：value`),
        /// or the row is the title naming the year or a 部门整体 table.
        ///
        /// In a row of cells, each label takes the next filled cell that is not itself a label
        /// (`填报人 | 马清 | | 联系电话 | | 87698006`).
        mutating func read(_ row: CSVParser.Row, into problems: inout [TableReadError.Problem]) -> Bool {
            let cells = row.fields.map(\.trimmingWhitespace)
            guard let labelIndex = cells.firstIndex(where: { !$0.isEmpty }) else { return false }
            if !Self.labelledValues(cells[labelIndex]).isEmpty {
                // `填报日期：` with its date in the next cell takes that cell.
                var position = labelIndex
                while position < cells.count {
                    let found = Self.labelledValues(cells[position])
                    position += 1
                    for (field, value) in found where !value.isEmpty { set(field, value) }
                    guard let last = found.last, last.value.isEmpty else { continue }
                    while position < cells.count, cells[position].isEmpty { position += 1 }
                    if position < cells.count, Self.labelledValues(cells[position]).isEmpty,
                       Self.field(namedBy: cells[position]) == nil {
                        set(last.field, cells[position])
                        position += 1
                    }
                }
                return true
            }
            guard Self.field(namedBy: cells[labelIndex]) != nil else {
                // The title row: its year (`（2022年度）`, `2022年度项目支出绩效自评表`), a 部门整体 table.
                let filled = cells.filter { !$0.isEmpty }
                guard filled.count == 1 else { return false }
                var isTitle = false
                if year == nil, let found = Self.year(in: filled[0]) {
                    year = found
                    isTitle = true
                }
                if filled[0].contains("部门整体") || filled[0].contains("整体支出") || filled[0].contains("单位整体") {
                    kind = .department
                    isTitle = true
                }
                return isTitle
            }
            var position = labelIndex
            while position < cells.count {
                guard let field = Self.field(namedBy: cells[position]) else {
                    position += 1
                    continue
                }
                var next = position + 1
                while next < cells.count, cells[next].isEmpty { next += 1 }
                if next < cells.count, Self.field(namedBy: cells[next]) == nil {
                    set(field, cells[next])
                    position = next + 1
                } else {
                    position = next
                }
            }
            return true
        }

        /// Every `label：value` in a cell, each value running to the next label: `单位名称：某局 填报日期：2024年6月6日`
        /// gives 单位名称 and 填报日期 (a value may be empty: `填报日期：`). A label inside a longer one (`实施单位` in
        /// `项目实施单位`) is the longer one's.
        ///
        /// A cell of the forms' text (one scalar to a character, ``Swift/String/hasOneScalarPerCharacter``: no label's
        /// characters have another spelling in it) is searched byte by byte; any other by Foundation, character by
        /// character (its search, 28 labels a cell, was a tenth of the time of reading a table).
        static func labelledValues(_ cell: String) -> [(field: Field, value: String)] {
            // A cell without a colon's scalar holds no colon: settled by its bytes.
            guard cell.utf8.contains(UInt8(ascii: ":")) || cell.holdsAnyScalar(of: "："),
                  cell.contains("：") || cell.contains(":") else { return [] }
            let byBytes = cell.hasOneScalarPerCharacter
            var found: [(range: Range<String.Index>, field: Field)] = []
            for (label, field) in labels {
                var searchStart = cell.startIndex
                while let range = byBytes ? cell.rangeOfBytes(label, from: searchStart) : cell.range(of: label, range: searchStart..<cell.endIndex) {
                    searchStart = range.upperBound
                    guard range.upperBound < cell.endIndex, cell[range.upperBound] == "：" || cell[range.upperBound] == ":" else { continue }
                    found.append((range.lowerBound..<cell.index(after: range.upperBound), field))
                }
            }
            found.sort { $0.range.lowerBound < $1.range.lowerBound || ($0.range.lowerBound == $1.range.lowerBound && $0.range.upperBound > $1.range.upperBound) }
            var kept: [(range: Range<String.Index>, field: Field)] = []
            for entry in found where !kept.contains(where: { $0.range.overlaps(entry.range) }) { kept.append(entry) }
            return kept.enumerated().map { offset, entry in
                let end = offset + 1 < kept.count ? kept[offset + 1].range.lowerBound : cell.endIndex
                return (entry.field, String(cell[entry.range.upperBound..<end]).trimmingWhitespace)
            }
        }

        /// The year a title cell names (`（2022年度）` → 2022), or `nil`.
        static func year(in text: String) -> Int? {
            let folded = TextValue.folded(text)
            guard let mark = folded.range(of: "年度") else { return nil }
            let digits = folded[..<mark.lowerBound].reversed().prefix(while: \.isNumber)
            guard digits.count == 4, let value = Int(String(digits.reversed())), (1990...2100).contains(value) else { return nil }
            return value
        }

        /// Footer rows of the form, never indicators: 填报人：…, 联系电话：…, 填报日期：….
        static let footerLabels = ["填报人", "联系电话", "填报日期", "审核人", "单位负责人", "财务负责人", "项目负责人", "填表人", "联系人"]

        /// Whether a row is a footer row: its first filled cell starts with a footer label.
        static func isFooter(_ row: CSVParser.Row) -> Bool {
            guard let first = firstFilledCell(row) else { return false }
            return first.startsWithAnyLabel(footerLabels)
        }

        /// A row's first cell that is not blank, trimmed: the label of a label row.
        static func firstFilledCell(_ row: CSVParser.Row) -> String? {
            row.fields.lazy.map(\.trimmingWhitespace).first { !$0.isEmpty }
        }
    }
}
