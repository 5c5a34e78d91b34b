import Foundation

/// 绩效目标表 (project or 整体, 年度 or 长期) as the text of a budget disclosure holds it, turned into the rows of cells
/// the spreadsheet form has, for lint.
///
/// Two layouts are read:
///
/// - **Tab-separated** (a table copied out of a word processor): each line is a row and the cells are between tabs,
///   exactly as TSV; blank cells are merged ones, which the table interpreter carries down.
/// - **One cell after another** (a PDF converted to text): cells run on over several lines and a line may hold
///   several cells apart by spaces. Every row ends in its 指标值确定依据 (计划标准, 历史标准, 行业标准, 其他标准,
///   计划数据, …, wrapped or not), which is where a row is cut. Walking back from it, the 指标值 is the last group of
///   cells that reads as a figure (a comparator or a digit first, then its unit: `≥80000` `平方米`, `≥50 亿美` `元`);
///   earlier figure groups are the 前年 / 上年 columns of an annual table and are passed over. What precedes is the
///   row's text: the goal's label (目标名称, `长期绩效目标 1`) and the 一级 / 二级 names when the row starts a
///   merged block, then the 三级指标.
///
/// Text after the last row that reads as a figure is kept in ``unplaced``: a row whose basis is missing is never
/// dropped in silence.
struct TargetTableText {
    typealias Line = DisclosureLines.Line

    /// The rows of cells, each with the line it starts on: the header first.
    private(set) var rows: [CSVParser.Row] = []
    /// The lines that could not be placed in a cell.
    private(set) var unplaced: [Line] = []
    /// The index after the table's last line in the slice it was read from.
    private(set) var end: Int
    /// The 一级指标 the rows above named last, which a row that prints none stands under (the form's merged cell).
    private var carriedCategory: String?
    /// Whether the run-on table gives each row its points, as the last figure before the basis.
    private var weighted = false
    /// Whether the run-on table has the 前年 / 上年 columns before the year's target.
    private var annual = false
    /// Whether the last row's 二级 was printed broken (`经济效益指`), its `标` still to come.
    private var brokenSubcategory = false
    /// Whether an annual table's rows so far have printed a figure in its 前年 or 上年 column: until one has, those
    /// columns may be empty, and a text cell before a text target is the row's name, not an earlier year's value.
    private var earlierYearsPrinted = false
    /// Whether the last row read became a row of the table (not text that fits no cell).
    private var rowAboveRead = false

    /// What the lines above a table say it belongs to; a table whose lines above name nothing new (the annual
    /// table after the long-term one, the next goal of a 整体 table) belongs to the same.
    struct Context {
        var title: String?
        var unit: String?
        var department = false
        /// The year of the disclosure (`2025 年部门预算`).
        var year: Int?
    }

    /// The context the table was read in, for the next one.
    private(set) var context: Context
    /// The goal the lines above name (`长期目标 1：…` → 长期目标1).
    private var goalAbove: String?

    /// The words of the 指标值确定依据 column.
    static let bases: Set<String> = ["计划标准", "历史标准", "行业标准", "其他标准", "计划数据", "历史数据", "行业数据", "其他数据",
                                     "统计指标", "社会公认标准", "国家标准", "地方标准", "其他", "上级要求", "工作要求"]

    /// Lines that begin something other than a row: the next table's title, a heading, the project's head.
    static func isStop(_ text: String) -> Bool {
        let compact = text.filter { !$0.isWhitespace }
        let prefixes = ["长期目标", "年度目标", "年度绩效目标表", "长期绩效目标表", "项目支出绩效目标表", "整体支出绩效目标表",
                        "部门整体支出绩效目标", "项目名称", "项目绩效总目标", "单位名称", "表1", "附件", "第"]
        if compact.hasPrefix("第"), compact.prefix(6).contains("部分") { return true }
        if prefixes.contains(where: { compact.hasPrefix($0) }) && !(compact.hasPrefix("第") && compact.count > 12) { return true }
        if let first = compact.first, "一二三四五六七八九十".contains(first), compact.dropFirst().first == "、" { return true }
        return false
    }

    /// Whether a line opens a target table's header: `目标名称 一级指标 …`, `一级` over `指标`, with 三级指标 (or
    /// 指标内容) and 指标值 in the lines that follow, and no 实际完成值 (a self-evaluation's header).
    static func isHeader(_ lines: [Line], at index: Int) -> Bool {
        var compact = lines[index].text.filter { !$0.isWhitespace }
        // The table's label may open the header's line (`长期绩效指标 一级指标 二级指标 …`).
        for label in ["长期绩效指标", "年度绩效指标"] where compact.hasPrefix(label + "一级") { compact.removeFirst(label.count) }
        // `目标名称` on its line, or one character to a line (`目` `标` `名` `称`).
        let head = lines[index..<min(lines.count, index + 4)].map { $0.text.filter { !$0.isWhitespace } }.joined()
        guard compact.hasPrefix("目标名称") || compact.hasPrefix("一级")
            || (compact == "目" || compact == "一") && (head.hasPrefix("目标名称") || head.hasPrefix("一级指标")) else { return false }
        let block = lines[index..<min(lines.count, index + 14)].map { $0.text.filter { !$0.isWhitespace } }.joined()
        return (block.contains("三级") || block.contains("指标内容")) && block.contains("指标值")
            && (block.contains("依据") || block.contains("绩效标准")) && !block.contains("实际完成") && !block.contains("得分")
    }

    init(_ lines: ArraySlice<Line>, preamble: ArraySlice<Line>, inherited: Context) {
        var index = lines.startIndex
        end = index
        context = inherited
        readPreamble(preamble)
        guard index < lines.endIndex else { return }
        if lines[index].raw.contains("\t") {
            readTabbed(lines, &index)
        } else {
            readRunOn(lines, &index)
        }
        end = index
        // A 整体 table names no project: its goal (长期绩效目标1) is what the table is of, as its 目标名称 column
        // prints it; where that cell holds no goal's name (a table without the column, whose first cells are
        // `长期绩效指标`, or a label printed one character to a line), the heading above it (`长期目标 2：`).
        if context.department, context.title == nil, let header = rows.firstIndex(where: TableReading.isHeader),
           case let inRow = rows[(header + 1)...].first(where: { $0.fields.count > 4 && !$0.fields[0].isEmpty })?.fields[0],
           let goal = inRow.flatMap({ $0.contains("目标") ? $0 : nil }) ?? goalAbove ?? inRow {
            rows.insert(CSVParser.Row(line: lines[lines.startIndex].number, fields: ["项目名称", goal]), at: 0)
        }
    }

    /// The project or unit the table belongs to, from the lines above it: `项目名称 行政运行工作经费 项目编码`,
    /// `单位名称：…`; a title naming 整体 makes it a department's table.
    private mutating func readPreamble(_ lines: ArraySlice<Line>) {
        var title: String?
        var unit: String?
        var department = false
        var named = false
        for (position, line) in zip(lines.indices, lines) {
            let cells = line.text.split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
            guard let first = cells.first else { continue }
            let compact = line.text.filter { !$0.isWhitespace }
            if compact.hasPrefix("长期目标") || compact.hasPrefix("年度目标"),
               let mark = compact.firstIndex(where: { $0 == "：" || $0 == ":" }), compact.distance(from: compact.startIndex, to: mark) <= 8 {
                goalAbove = String(compact[..<mark])
            }
            if compact.contains("整体支出绩效目标") || compact.contains("部门整体") { department = true; title = nil; named = true }
            // `项目名称 行政运行工作经费 项目编码`, not the header of a list of projects (`项目名称 支出项目类别`).
            if let name = Self.projectName(lines[position...]) {
                title = name
                department = false
                named = true
            }
            for label in ["单位名称", "部门名称", "预算单位", "部门（单位）名称"] where first.hasPrefix(label) {
                let value = first.dropFirst(label.count).drop { $0 == "：" || $0 == ":" }
                if !value.isEmpty { unit = String(value) } else if cells.count > 1 { unit = cells[1] }
            }
        }
        if named {
            context.title = title
            context.department = department
        }
        if let unit { context.unit = TextValue.unitName(unit) }
        let start = lines.first?.number ?? 1
        if context.department { rows.append(CSVParser.Row(line: start, fields: ["部门整体支出绩效目标表"])) }
        if let title = context.title { rows.append(CSVParser.Row(line: start, fields: ["项目名称", title])) }
        if let unit = context.unit { rows.append(CSVParser.Row(line: start, fields: ["单位名称", unit])) }
        if let year = context.year { rows.append(CSVParser.Row(line: start, fields: ["年度", String(year)])) }
    }

    /// The project's name when `lines` open with its label: `项目名称 行政运行工作经费 项目代码 …` on one line, the
    /// name spaced as the PDF set it (`2025 年科学管理事务支出`), or wrapped in its cell below the label, which may be
    /// wrapped too (`项目名` `称` `科技研究与` `开发资金` `项目代码`). Not the header of a list of projects
    /// (`项目名称 支出项目类别`).
    static func projectName(_ lines: ArraySlice<Line>) -> String? {
        guard let line = lines.first else { return nil }
        let cells = line.text.split(whereSeparator: { $0 == "\t" || $0 == " " })
        var rest = lines.dropFirst()
        if cells.first == "项目名", let next = rest.first, next.text.filter({ !$0.isWhitespace }).hasPrefix("称") {
            rest = rest.dropFirst()
            let after = next.text.filter { !$0.isWhitespace }.dropFirst()
            return after.isEmpty ? wrappedName(rest) : nil
        }
        guard cells.first == "项目名称" else { return nil }
        if cells.count == 1 { return wrappedName(rest) }
        guard !["类别", "类型", "编码", "代码", "金额"].contains(where: { cells[1].hasSuffix($0) }) else { return nil }
        let name = cells.dropFirst().prefix { !$0.hasPrefix("项目代码") && !$0.hasPrefix("项目编码") }.joined()
        return name.isEmpty ? nil : name
    }

    /// A name wrapped in its cell, line by line up to the 项目代码 / 项目编码 label (at most six lines).
    private static func wrappedName(_ lines: ArraySlice<Line>) -> String? {
        var name = ""
        for line in lines.prefix(7) {
            let compact = line.text.filter { !$0.isWhitespace }
            if let label = ["项目代码", "项目编码"].lazy.compactMap({ compact.range(of: $0) }).first {
                name += compact[..<label.lowerBound]
                return name.isEmpty ? nil : name
            }
            name += compact
        }
        return nil
    }

    // MARK: - Tab-separated

    private mutating func readTabbed(_ lines: ArraySlice<Line>, _ index: inout Int) {
        var header = Self.tabCells(lines[index].raw)
        let headerLine = lines[index].number
        index += 1
        // An annual table splits 指标值 into 前年 / 上年 / 预计当年实现值 (or 预期当年实现值) on the header's next rows,
        // the earlier years perhaps under 近两年指标值: the target is the year's column; the earlier years' are
        // passed over.
        func isYearLabel(_ label: String) -> Bool { label.hasPrefix("预计当年") || label.hasPrefix("预期当年") }
        while index < lines.endIndex, case let compact = lines[index].text.filter({ !$0.isWhitespace }),
              compact.contains("前年") || compact.contains("近两年") || compact.contains("预计当年") || compact.contains("预期当年") {
            for (column, label) in Self.tabCells(lines[index].raw).enumerated() where !label.isEmpty {
                while header.count <= column { header.append("") }
                header[column] = isYearLabel(label.filter { !$0.isWhitespace }) ? "指标值" : ""
            }
            index += 1
        }
        if header.filter({ TableReading.normalizedHeader($0) == "指标值" }).count > 1,
           let first = header.firstIndex(where: { TableReading.normalizedHeader($0) == "指标值" }) {
            header[first] = ""
        }
        rows.append(CSVParser.Row(line: headerLine, fields: header))
        let basisColumn = header.firstIndex { TableReading.normalizedHeader($0).hasSuffix("依据") || TableReading.normalizedHeader($0) == "绩效标准" }
        while index < lines.endIndex, !Self.isStop(lines[index].text) {
            let line = lines[index]
            var cells = Self.tabCells(line.raw)
            // A row of the table has its 三级 and 指标值 cells; a line of prose between tables does not.
            guard cells.count >= 4 else { break }
            // A row copied with a merged cell's tab missing stands one column left of its header: its basis shows
            // where it belongs.
            if let basisColumn, let found = cells.firstIndex(where: { Self.bases.contains($0) }), found < basisColumn,
               cells[found + 1..<min(cells.count, basisColumn + 1)].allSatisfy(\.isEmpty) {
                cells.insert(contentsOf: Array(repeating: "", count: basisColumn - found), at: 0)
            }
            rows.append(CSVParser.Row(line: line.number, fields: cells))
            index += 1
        }
    }

    private static func tabCells(_ text: String) -> [String] {
        text.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace }
    }

    // MARK: - One cell after another

    /// A cell of the run-on text: its line and whether it opens the line.
    struct Token {
        var text: String
        var line: Line
        var opensLine: Bool
        /// The spaces before the cell on its line: three or more stand for an empty cell between.
        var gap = 1
    }

    private mutating func readRunOn(_ lines: ArraySlice<Line>, _ index: inout Int) {
        // The header: up to 指标值确定依据 / 绩效标准, and the 前年 / 上年 / 预计当年实现 labels after it.
        let headerStart = lines[index]
        var header = ""
        while index < lines.endIndex {
            header += lines[index].text.filter { !$0.isWhitespace }
            index += 1
            if header.contains("依据") || header.hasSuffix("绩效标准") { break }
        }
        // The labels of the earlier years' columns: 前年 / 上年 / 预计当年实现值, 近两年指标值, wrapped anyhow.
        let labelCharacters = Set("近两年指标值预期计当实现前上（）()分权重")
        while index < lines.endIndex {
            let compact = lines[index].text.filter { !$0.isWhitespace }
            guard compact.allSatisfy(labelCharacters.contains) else { break }
            header += compact
            index += 1
        }
        // A table that gives each row its points (指标分值权重) prints them after the year's target.
        weighted = header.contains("分值") || header.contains("分值权重")
        annual = header.contains("前年") || header.contains("上年")
        rows.append(CSVParser.Row(line: headerStart.number, fields: ["目标名称", "一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"]
            + (weighted ? ["分值"] : [])))

        var tokens: [Token] = []
        while index < lines.endIndex {
            let line = lines[index]
            if Self.isStop(line.text) || Self.isHeader(Array(lines[index...].prefix(14)), at: 0) { break }
            index += 1
            let cells = Self.cellsWithGaps(line.text)
            for (position, (cell, gap)) in cells.enumerated() {
                tokens.append(Token(text: cell, line: line, opensLine: position == 0, gap: gap))
                // A row ends in its basis, alone or wrapped (`计划` over `标准`).
                let basis: Int?
                if Self.bases.contains(cell) {
                    basis = 1
                } else if tokens.count >= 2, tokens[tokens.count - 1].opensLine, position == 0,
                          Self.bases.contains(tokens[tokens.count - 2].text + cell) {
                    basis = 2
                } else if position == cells.count - 1, position > 0 || tokens.count >= 2, Self.endsBeforeEmptyCell(line) {
                    // A row whose basis cell is empty: its target is the line's last cell, with the empty cell's
                    // spaces after it (`≥8%       `), and nothing follows on the line.
                    basis = 0
                } else {
                    basis = nil
                }
                guard let basis, position == cells.count - 1 else { continue }
                let basisText = tokens.suffix(basis).map(\.text).joined()
                let emptyTarget = basis == 1 && tokens[tokens.count - 1].gap >= 3 && !tokens[tokens.count - 1].opensLine
                let body = Array(tokens.dropLast(basis))
                tokens = []
                addRow(body, basis: basisText, emptyTarget: emptyTarget)
            }
        }
        // Text after the last row that reads as a target (`≥95%`, `100%`) was a row whose basis is missing.
        if tokens.contains(where: { token in token.text.first.map(Self.comparators.contains) ?? false || (Self.isFigure(token.text) && token.text.hasSuffix("%")) }) {
            var seen: Set<Int> = []
            for token in tokens where seen.insert(token.line.number).inserted { unplaced.append(token.line) }
        }
    }

    /// Whether the line's last cell has an empty cell after it: three or more spaces end the line as printed.
    static func endsBeforeEmptyCell(_ line: Line) -> Bool {
        line.raw.reversed().prefix { $0 == " " }.count >= 3
    }

    /// The cells of a line with the spaces before each.
    static func cellsWithGaps(_ text: String) -> [(String, Int)] {
        var cells: [(String, Int)] = []
        var current = ""
        var gap = 0
        for character in text {
            if character == " " || character == "\t" || character == "\u{3000}" {
                if !current.isEmpty { cells.append((current, max(gap, 1))); current = ""; gap = 0 }
                gap += 1
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { cells.append((current, max(gap, 1))) }
        return cells
    }

    /// Comparators a target may open with.
    static let comparators: Set<Character> = ["≥", "≤", "＜", "<", ">", "＞", "=", "≧", "≦", "＝", "≈"]

    /// A cell that opens a figure: a comparator or a digit first, and no more words than a unit has
    /// (`≥80000平方米`, `≤3个工作日`; not `3年开展帮办代办工`, a name that opens with a figure).
    static func isFigure(_ text: String) -> Bool {
        guard let first = text.first, comparators.contains(first) || first.isASCIIDigit else { return false }
        return text.unicodeScalars.filter { $0.value >= 0x4E00 && $0.value <= 0x9FFF }.count <= 4
    }

    /// A unit cell after a figure: short, no digit, no punctuation (`个`, `平方米`, `亿美`).
    static func isUnit(_ text: String) -> Bool {
        text.count <= 4 && !text.contains(where: { $0.isASCIIDigit || "，。、；：（）()“”".contains($0) })
    }

    /// One row: the cells before its basis.
    private mutating func addRow(_ body: [Token], basis: String, emptyTarget: Bool) {
        var body = body
        // The points, a bare number just before the basis, when the table gives them.
        var points = ""
        if weighted, body.count >= 2, let last = body.last, TableReading.decimal(last.text) != nil, !last.text.hasSuffix("%") {
            points = last.text
            body.removeLast()
        }
        // Figure groups from the end: a figure cell and the unit cells after it.
        var groups: [Range<Int>] = []
        var cursor = body.count
        while cursor > 0 {
            var start = cursor - 1
            var units = 0
            while start >= 0, !Self.isFigure(body[start].text), Self.isUnit(body[start].text), units < 2 { start -= 1; units += 1 }
            guard start >= 0, Self.isFigure(body[start].text) else { break }
            // A figure wrapped at its decimal point (`209.` over `22 万`) starts on the line above; so does the
            // 前年 figure of an annual table, the third, wrapped inside its digits (`76.4` over `7%`): no fourth
            // column holds a figure.
            if start > 0, body[start].opensLine, body[start].text.first?.isASCIIDigit == true, Self.isFigure(body[start - 1].text),
               body[start - 1].text.hasSuffix(".") || annual && groups.count == 2 && body[start - 1].text.last?.isASCIIDigit == true {
                start -= 1
            }
            // A comparator alone opens the figure under it (`≥` over `83746.12`).
            if start > 0, body[start - 1].text.allSatisfy({ Self.comparators.contains($0) }) { start -= 1 }
            groups.append(start..<cursor)
            cursor = start
            // Figures of the 前年 / 上年 columns stand on the same line, or alone on theirs.
            if groups.count >= 3 { break }
        }
        // A figure wrapped inside its digits (`≥` `83746.1` over `2平方米`): one target, in a table with no earlier
        // years' columns to hold a second figure.
        if !annual, groups.count >= 2, let digitsEnd = body[groups[1].upperBound - 1].text.last, digitsEnd.isASCIIDigit || digitsEnd == ".",
           body[groups[0].lowerBound].opensLine, body[groups[0].lowerBound].text.first?.isASCIIDigit == true {
            groups[1] = groups[1].lowerBound..<groups[0].upperBound
            groups.removeFirst()
        }
        var targetRange = groups.first
        if annual, groups.count >= 2 { earlierYearsPrinted = true }
        // An empty target cell (`不超支   其他标准`): the whole text is the row's.
        if emptyTarget, groups.isEmpty, !body.isEmpty {
            appendRow(line: body[0].line.number, Self.splitNames(Self.joined(body[...])), target: "", basis: basis)
            return
        }
        // A text target (`有效保障`, `是`): the cell before the basis on the basis's line, when the row's text is
        // on that line or above it.
        var earlierYears = 0
        if targetRange == nil, annual, body.count >= 4, body[body.count - 1].opensLine, body[body.count - 2].opensLine,
           body[body.count - 3].text == body[body.count - 2].text + body[body.count - 1].text {
            // The year's cell wrapped (`效果显` over `著`) under 上年's, which reads the same (`效果显著`): one cell.
            targetRange = (body.count - 2)..<body.count
            var position = body.count - 3
            let line = body[position].line.number
            while earlierYears < 2, position > 0, body[position].line.number == line {
                earlierYears += 1
                position -= 1
            }
        } else if targetRange == nil, let last = body.last, body.count >= 2, !last.opensLine || body[body.count - 2].line.number != last.line.number {
            targetRange = (body.count - 1)..<body.count
            // An annual table's 前年 and 上年 cells stand before it on its line (`效果显著 效果显著 效果显著`): passed
            // over, as long as a cell is left on the line for the name or the name stands above. A line of the three
            // years' cells alone, the name above it (`是 是 是`), gives up its first cell too. A cell that reads
            // otherwise than the target is an earlier year's only in a table whose figure rows print earlier years:
            // where those columns are empty, `质量指标 保障单位运转     是 计划数据` has its name before the target.
            let target = last.text
            func earlierYear(_ position: Int) -> Bool {
                earlierYearsPrinted || body[position].text == target
            }
            if annual {
                let onLine = body.indices.filter { body[$0].line.number == last.line.number }
                if onLine.count == 3, let first = onLine.first, first > 0, earlierYear(onLine[0]), earlierYear(onLine[1]) {
                    earlierYears = 2
                } else {
                    var position = body.count - 2
                    while earlierYears < 2, position >= 0, body[position].line.number == last.line.number, !body[position].opensLine,
                          earlierYear(position) {
                        earlierYears += 1
                        position -= 1
                    }
                }
            }
        }
        guard let targetRange, targetRange.lowerBound > 0 || !groups.isEmpty else {
            var seen: Set<Int> = []
            for token in body where seen.insert(token.line.number).inserted { unplaced.append(token.line) }
            rowAboveRead = false
            return
        }
        let textEnd = groups.last?.lowerBound ?? (targetRange.lowerBound - earlierYears)
        let nameTokens = body[..<textEnd].filter { !$0.line.isPageFurniture }
        guard let first = nameTokens.first else {
            var seen: Set<Int> = []
            for token in body where seen.insert(token.line.number).inserted { unplaced.append(token.line) }
            rowAboveRead = false
            return
        }
        let text = Self.joined(nameTokens[...])
        let target = Self.joined(body[targetRange])
        appendRow(line: first.line.number, Self.splitNames(text), target: target, basis: basis, points: points)
    }

    /// A run-on row's cells; the 一级 of a table that prints none above its first 二级 is the one the taxonomy
    /// files that 二级 under (质量指标 → 产出指标), as the form's merged cell means.
    /// The names at the front of a row's text.
    struct Names {
        var goal: String
        var category: String
        var subcategory: String
        var name: String
        /// Whether the 二级 was printed without its last `标`, which opens the next row's text.
        var broken = false
        /// Text before the row's 二级 that no cell of this row holds: the end of a cell of the row above, printed
        /// after that row's basis (`量` of `科技交流质` / `量`).
        var lead = ""
    }

    private mutating func appendRow(line: Int, _ names: Names,
                                    target: String, basis: String, points: String = "") {
        var names = names
        // A row whose only text is a 二级 or 一级 name read its name into the wrong cell: said, not guessed.
        let compact = names.name.filter { !$0.isWhitespace }
        if IndicatorSubcategory.standard.contains(where: { $0.subcategory.rawValue == compact }) || IndicatorCategory(parsing: compact)?.isStandard == true && compact.hasSuffix("指标") {
            unplaced.append(Line(number: line, text: "\(names.name) \(target) \(basis)", isPageFurniture: false))
            rowAboveRead = false
            return
        }
        // The `标` of a 二级 cell broken over the row above (`经济效益指` there).
        if brokenSubcategory, names.name.hasPrefix("标"), names.name.count > 1 { names.name.removeFirst() }
        // The tail of the row above, printed after its basis and read before this row's 一级: the `指标` of its
        // 一级 cell (成本 / 指标) and the end of its 三级 name (预算资金 / 控制率). A goal's label never opens so.
        let before = names.goal.filter { !$0.isWhitespace }
        if before.hasPrefix("指标"), !before.contains("目标"), carriedCategory != nil, let above = rows.indices.last,
           rows[above].fields.count > 3 {
            rows[above].fields[3] += before.dropFirst(2)
            names.goal = ""
        }
        // The same after a 二级 broken over the row above (生态效益指 / 标): its `标`, then the end of its 三级 name
        // (高新技术企业≥500 家 / 数量), `标 数量` before this row's 一级. Only a few characters of words are a name's end.
        if brokenSubcategory, before.hasPrefix("标"), !before.contains("目标"), carriedCategory != nil,
           let above = rows.indices.last, rows[above].fields.count > 3 {
            let tail = before.dropFirst()
            if tail.count <= 6, tail.allSatisfy({ !$0.isNumber && !$0.isPunctuation && !$0.isSymbol }) {
                rows[above].fields[3] += tail
                names.goal = ""
            }
        }
        // A few characters of words alone before this row's 一级, where a goal's label would stand: the end of the
        // name above, cut at its column's width (`资金使` `用及时` … `100% 计划标准` `率`). A goal's label names 目标.
        let tail = names.goal.filter { !$0.isWhitespace }
        if !tail.isEmpty, tail.count <= 3, !tail.contains("目标"), carriedCategory != nil,
           tail.allSatisfy({ !$0.isNumber && !$0.isPunctuation && !$0.isSymbol }), endsNameAbove(tail) {
            names.goal = ""
        }
        // Text before this row's 二级 that is the end of the name above (`量` of `科技交流质` / `量`): back to it when
        // that row was read; said, not dropped, when it was not.
        if !names.lead.isEmpty, !endsNameAbove(names.lead) {
            unplaced.append(Line(number: line, text: names.lead, isPageFurniture: false))
        }
        brokenSubcategory = names.broken
        var category = names.category
        // 成本指标 with no 二级 after it, among 产出指标 rows, is the 2020 layout's 二级 成本指标 under 产出指标
        // (`成本指标 不超支 其他标准` after 时效指标): read as a 一级, it would carry the 二级 above it (时效指标),
        // which no 成本指标 holds.
        if names.subcategory.isEmpty, IndicatorCategory(parsing: category) == .cost,
           carriedCategory.flatMap(IndicatorCategory.init(parsing:)) == .output {
            category = ""
            names.subcategory = IndicatorSubcategory.cost.rawValue
        }
        // A row that prints no 一级 and whose 二级 the taxonomy files under one 一级 alone takes that one when no
        // 一级 stands above it, or when the one above cannot hold it (社会效益指标 after 产出指标 rows: the merged
        // 效益指标 cell was printed blank).
        if category.isEmpty, let subcategory = IndicatorSubcategory(parsing: names.subcategory),
           let entry = IndicatorSubcategory.standard.first(where: { $0.subcategory == subcategory }), entry.categories.count == 1,
           !(carriedCategory.flatMap(IndicatorCategory.init(parsing:)).map(entry.categories.contains) ?? false) {
            category = entry.categories[0].rawValue
        }
        if !category.isEmpty { carriedCategory = category }
        rows.append(CSVParser.Row(line: line, fields: [names.goal, category, names.subcategory, names.name, target, basis]
            + (weighted ? [points] : [])))
        rowAboveRead = true
    }

    /// Adds `tail`, printed after the basis of the row above, to that row's name, when it can only be the name's end:
    /// that row was read, and its target is a figure or too short to have wrapped (a text target wrapped at its
    /// column's width, `效果显` / `著`, would end the same way). `false` when it was not added.
    private mutating func endsNameAbove(_ tail: String) -> Bool {
        guard rowAboveRead, let above = rows.indices.last, rows[above].fields.count > 4 else { return false }
        let target = rows[above].fields[4]
        guard Self.isFigure(target) || target.count <= 2 else { return false }
        rows[above].fields[3] += tail
        return true
    }

    /// Cells joined as printed: a space between cells of one line, nothing where a cell wraps onto the next.
    static func joined(_ tokens: ArraySlice<Token>) -> String {
        var text = ""
        for token in tokens {
            if !text.isEmpty, !token.opensLine { text += " " }
            text += token.text
        }
        return text
    }

    /// A 一级 printed one character to a line whose first character shares the row's line with a 二级 cell whose
    /// `指标` wrapped below it (`长 成 经济成本 奖励标准控制率`: 成 of 成/本/指标, 经济成本 of 经济成本/指标).
    ///
    /// Read only when everything agrees: the 二级 cell, with `指标`, is a standard name that the taxonomy files under
    /// one 一级 alone, and the cell just before it is that 一级's first character. Anything else stays unread.
    static func firstCharacterAndShortSubcategory(_ text: Substring)
        -> (goal: String, category: String, subcategory: String, rest: Substring)? {
        let cells = text.split(separator: " ", omittingEmptySubsequences: true)
        guard cells.count >= 3 else { return nil }
        for position in 1..<(cells.count - 1) {
            let subcategory = String(cells[position]) + "指标"
            guard let entry = IndicatorSubcategory.standard.first(where: { $0.subcategory.rawValue == subcategory }),
                  entry.categories.count == 1, let first = entry.categories[0].rawValue.first,
                  cells[position - 1] == String(first) else { continue }
            let goal = cells[..<(position - 1)].joined(separator: " ")
            return (goal, entry.categories[0].rawValue, subcategory, text[cells[position + 1].startIndex...])
        }
        return nil
    }

    /// The goal's label, the 一级 and 二级 names, and the 三级 name of a row's text:
    /// `长期绩效目标 1产出指标数量指标考核指标体系制定` → `长期绩效目标 1`, 产出指标, 数量指标, 考核指标体系制定.
    static func splitNames(_ text: String) -> Names {
        var goal = ""
        var category = ""
        var rest = Substring(text)
        let categories = ["产出指标", "效益指标", "满意度指标", "成本指标"]
        // The first category name in the text that is not the end of a second-level one (效益指标 in 社会效益指标);
        // what stands before it is the goal's label.
        let secondLevel = IndicatorSubcategory.standard.map(\.subcategory.rawValue) + ["社会公众或服务对象满意度指标"]
        var occurrences: [(String, Range<Substring.Index>)] = []
        for name in categories {
            var from = rest.startIndex
            while let range = rest.range(of: name, range: from..<rest.endIndex) {
                let upToIt = rest[..<range.upperBound]
                if !secondLevel.contains(where: { $0 != name && $0.count > name.count && upToIt.hasSuffix($0) }) { occurrences.append((name, range)) }
                from = range.upperBound
            }
        }
        if let found = occurrences.min(by: { $0.1.lowerBound < $1.1.lowerBound }) {
            goal = String(rest[..<found.1.lowerBound]).trimmingWhitespace
            category = found.0
            rest = rest[found.1.upperBound...]
        } else {
            // A 一级 printed short, one character to a line (`成` `本` over `经济成本指标`): its short name just before a
            // 二级 name.
            let shorts = [("成本", "成本指标"), ("产出", "产出指标"), ("效益", "效益指标"), ("满意度", "满意度指标")]
            let found = secondLevel.compactMap { name in rest.range(of: name) }.min { $0.lowerBound < $1.lowerBound }
            if let found, let short = shorts.first(where: { rest[..<found.lowerBound].hasSuffix($0.0) }) {
                let before = rest[..<found.lowerBound].dropLast(short.0.count)
                goal = String(before).trimmingWhitespace
                category = short.1
                rest = rest[found.lowerBound...]
            } else if let split = firstCharacterAndShortSubcategory(rest) {
                (goal, category) = (split.goal, split.category)
                rest = split.rest
                return Names(goal: goal, category: category, subcategory: split.subcategory,
                             name: String(rest).trimmingWhitespace)
            }
        }
        rest = rest.drop { $0 == " " }
        // One or two characters before a standard 二级 name, with no 一级 or goal before them, end a cell of the row
        // above (`量` of `科技交流质` / `量`, then `时效指标`): kept apart, not read into this row's name.
        var lead = ""
        if category.isEmpty, goal.isEmpty {
            for length in 1...2 where rest.count > length {
                let after = rest.dropFirst(length).drop { $0 == " " }
                if secondLevel.contains(where: { after.hasPrefix($0) }), !secondLevel.contains(where: { rest.hasPrefix($0) }) {
                    lead = String(rest.prefix(length)).trimmingWhitespace
                    rest = after
                    break
                }
            }
        }
        var subcategory = ""
        // The second level: a standard name, perhaps numbered (`数量指标1`, `经济成本指标2`).
        if let mark = rest.range(of: "指标"), rest.distance(from: rest.startIndex, to: mark.upperBound) <= 12 {
            var end = mark.upperBound
            var digitsEnd = end
            while digitsEnd < rest.endIndex, rest[digitsEnd].isASCIIDigit { digitsEnd = rest.index(after: digitsEnd) }
            // `数量指标1` is numbered; `数量指标` `3 年开展…` starts a name with a figure.
            if digitsEnd == rest.endIndex || rest[digitsEnd] != " " { end = digitsEnd }
            let candidate = String(rest[..<end]).filter { !$0.isWhitespace }
            if let parsed = IndicatorSubcategory(parsing: candidate),
               IndicatorSubcategory.standard.contains(where: { $0.subcategory == parsed }), end < rest.endIndex {
                subcategory = candidate
                rest = rest[end...]
            }
        }
        var broken = false
        // A merged 二级 cell broken between two rows' lines: `经济效益指` before this row's name, its `标` before
        // the next one's (which ``appendRow`` takes off).
        if subcategory.isEmpty, let mark = rest.range(of: "指"), rest.distance(from: rest.startIndex, to: mark.upperBound) <= 10 {
            let candidate = String(rest[..<mark.upperBound]) + "标"
            if IndicatorSubcategory.standard.contains(where: { $0.subcategory.rawValue == candidate }), mark.upperBound < rest.endIndex,
               rest[mark.upperBound] != "标" {
                subcategory = candidate
                broken = true
                rest = rest[mark.upperBound...]
            }
        }
        if category.isEmpty, subcategory.isEmpty, goal.isEmpty {
            // A row under a goal label carried down: `长期绩效目标 2` alone before the category is handled above.
            return Names(goal: "", category: "", subcategory: "", name: String(rest).trimmingWhitespace, lead: lead)
        }
        return Names(goal: goal, category: category, subcategory: subcategory, name: String(rest).trimmingWhitespace, broken: broken,
                     lead: lead)
    }
}
