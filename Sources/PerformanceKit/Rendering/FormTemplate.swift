/// The blank 项目支出绩效自评表 of a rule profile, for a unit to fill in: what `perfscore template` writes, as a
/// workbook or as CSV, laid out so that the table reader reads it back once it is filled.
///
/// The form: title and year; 项目名称, 主管部门, 实施单位 and 规则 (the profile's id, so that the filled form is
/// scored by it); 年度总体目标 with 预期目标 / 实际完成情况; the budget block with the profile's points (年度资金总额
/// and its sources 当年财政拨款 / 上年结转资金 / 其他资金, columns 年初预算数, 预算数（A）, 执行数（B）, 执行率（B/A）,
/// 分值, 得分); the indicator table (一级指标 with the profile's points where it sets a split, `产出指标（50分）`, each
/// 二级指标 under it with one blank row to fill); 总分 with the profile's full marks; 填报人, 联系电话, 填报日期.
/// Profiles of 2021 or later follow the 2021 layout (财预〔2021〕101号): 成本指标 first, with its 经济 / 社会 /
/// 生态环境 kinds; earlier ones keep 成本指标 under 产出指标. The budget block's and the indicator table's columns are
/// those of the profile's form (``FormColumns``: the Ministry's for mof-2020, the Hubei form otherwise).
package enum FormTemplate {
    /// The indicator table's columns: the profile's form's labels, without the bracketed `（A）` marks.
    static func header(for profile: RuleProfile) -> [String] {
        profile.form.indicators.map { label, _ in TableReading.normalizedHeader(label) }
    }

    /// The blank form of `profile` as rows of cells, with its merged ranges.
    static func rows(for profile: RuleProfile, year: Int?) -> (rows: [[XLSXReport.Cell]], merges: [String]) {
        typealias Cell = XLSXReport.Cell
        let header = header(for: profile)
        let width = max(header.count, profile.form.budget.count + 1)
        let last = CellPlaces.letters(width)
        var rows: [[Cell]] = [[.text("项目支出绩效自评表", .title)], [.text("（\(year.map(String.init) ?? "    ")年度）", .bold)]]
        var merges = ["A1:\(last)1", "A2:\(last)2"]
        rows.append([.text("项目名称", .bold)])
        merges.append("B3:\(last)3")
        rows.append([.text("主管部门", .bold), .empty, .empty, .empty, .text("实施单位", .bold)])
        merges += ["B4:D4", "F4:\(last)4"]
        rows.append([.text("规则", .bold), .text(profile.id.rawValue)])
        merges.append("B5:\(last)5")
        rows.append([.text("年度总体目标", .bold), .text("预期目标", .bold), .empty, .empty, .text("实际完成情况", .bold)])
        rows.append([.empty, .empty, .empty, .empty, .empty])
        merges += ["B6:D6", "E6:\(last)6", "B7:D7", "E7:\(last)7"]
        rows.append([])
        let budget = profile.budgetWeight
        let form = profile.form
        rows.append([.text("\(form.budgetHeading)（\(budget.scoreText())分）", .bold)]
            + form.budget.map { label, column in .text(column == .score ? "得分" : label, .bold) })
        rows.append([.text("年度资金总额")] + form.budget.map { _, column in column == .weight ? .figure(budget) : .empty })
        for source in ["其中：当年财政拨款", "上年结转资金", "其他资金"] { rows.append([.text(source)]) }
        rows.append([])
        rows.append(header.map { .text($0, .bold) })
        let points = Dictionary(profile.indicators.split.map { ($0.category.rawValue, $0.points) }, uniquingKeysWith: { a, _ in a })
        for (category, subcategories) in layout(for: profile) {
            let start = rows.count + 1
            for (offset, subcategory) in subcategories.enumerated() {
                let name = points[category.rawValue].map { "\(category.rawValue)（\($0.scoreText())分）" } ?? category.rawValue
                rows.append([offset == 0 ? .text(name) : .empty, .text(subcategory.rawValue)])
            }
            if rows.count > start { merges.append("A\(start):A\(rows.count)") }
        }
        let fullMarks = profile.budgetWeight.adding(profile.indicatorWeight).map { Cell.figure($0) } ?? .empty
        // The full marks under 分值.
        let pointsColumn = profile.form.indicators.firstIndex { $0.column == .weight } ?? 3
        rows.append([.text("总分", .bold)] + Array(repeating: .empty, count: max(0, pointsColumn - 1)) + [fullMarks])
        rows.append([])
        rows.append([.text("填报人："), .empty, .text("联系电话："), .empty, .text("填报日期：")])
        return (rows, merges)
    }

    /// The first-level categories of the form in table order, each with its second-level names.
    static func layout(for profile: RuleProfile) -> [(IndicatorCategory, [IndicatorSubcategory])] {
        let costFirst = (profile.year ?? 0) >= 2021 || profile.indicators.split.contains { $0.category == .cost }
        let categories: [IndicatorCategory] = (costFirst ? [.cost] : []) + [.output, .benefit, .satisfaction]
        return categories.map { category in
            let names = IndicatorSubcategory.standard.filter { entry in
                guard entry.categories.contains(category) else { return false }
                // 成本指标 itself is a second-level name only in the 2020 layout.
                return !(entry.subcategory == .cost && costFirst)
            }.map(\.subcategory)
            return (category, names)
        }
    }

    /// The blank form as an .xlsx workbook of one sheet, named after the profile.
    package static func workbook(for profile: RuleProfile, year: Int? = nil) -> [UInt8] {
        let (rows, merges) = rows(for: profile, year: year)
        var writer = XLSXReport.Writer()
        // One sheet of a blank form, set aside in memory: a workbook always has room for it, and memory never fails.
        _ = try? writer.add(name: "项目支出绩效自评表", rows: rows, merges: merges, leading: 0)
        return (try? writer.finish()) ?? []
    }

    /// The blank form as CSV with a UTF-8 byte-order mark, CRLF line ends.
    package static func csv(for profile: RuleProfile, year: Int? = nil) -> String {
        let width = max(header(for: profile).count, profile.form.budget.count + 1)
        return CSVReport.byteOrderMark + rows(for: profile, year: year).rows.map { cells in
            (cells + Array(repeating: XLSXReport.Cell.empty, count: max(0, width - cells.count))).map { cell -> String in
                switch cell {
                case .empty: return ""
                case .text(let text, _): return CSVReport.field(text, separator: ",")
                case .figure(let value, _): return value.plainText
                }
            }.joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }
}
