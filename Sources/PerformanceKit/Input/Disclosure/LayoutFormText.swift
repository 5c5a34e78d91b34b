import Foundation

/// A 项目支出绩效自评表 as `pdftotext -layout` gives it: each row of the table on a line of its own with the cells
/// apart by spaces, a cell too long for its column wrapped onto the lines above or below it at the column's place,
/// and a merged cell (一级, 二级) printed once, centred over the rows it spans:
///
/// ```
///       数量指标 环境卫生管理、生活垃圾日产日清率         6 ≥90%        97.3%       6
/// 产出指        重大安全事故发生率                6 0%          全年未发生安全 6
/// 标                                                 事故
/// ```
///
/// A row's line is the one whose cells after the 三级指标 are the figures the header names (分值, 年初目标值,
/// 实际完成值, 得分, and 表中得分 in a report of this package's); the cells before the name are pieces of the merged
/// 一级 / 二级 cells, told apart by where they start (the header's 二级 column). A piece on another line belongs
/// to the nearest row's line: under its name when it starts where names start, under a figure when it starts within
/// that figure's cell, to the 偏差原因 column further right, to the merged cells further left. Each merged cell's
/// pieces, joined, name the block of rows it is centred on: the blocks are found as the split of the rows into
/// consecutive runs whose middles lie nearest the pieces' middles. The budget block's figures are laid under its
/// labels from the right (a blank 年初预算数 prints nothing). Page headers repeated after a page break are passed
/// over; anything else that fits no cell is kept in ``unplaced``.
struct LayoutFormText {
    typealias Line = DisclosureLines.Line

    private(set) var rows: [CSVParser.Row] = []
    private(set) var unplaced: [Line] = []

    /// Whether a table's lines are `pdftotext -layout` text: its indicator header on one line.
    static func isLayout(_ lines: ArraySlice<Line>) -> Bool {
        lines.contains { line in line.text.contains("三级指标") && line.text.contains("一级") && line.text.contains(" ") }
    }

    /// A cell of a line and where it starts and ends, in characters from the line's start.
    struct Cell {
        var text: String
        var start: Int
        var end: Int { start + text.count }
    }

    static func cells(_ raw: String) -> [Cell] {
        var cells: [Cell] = []
        var current = ""
        var start = 0
        for (offset, character) in raw.enumerated() {
            if character == " " || character == "\t" || character == "\u{3000}" {
                if !current.isEmpty { cells.append(Cell(text: current, start: start)); current = "" }
            } else {
                if current.isEmpty { start = offset }
                current.append(character)
            }
        }
        if !current.isEmpty { cells.append(Cell(text: current, start: start)) }
        return cells
    }

    /// One row of indicators as found on its line.
    struct Row {
        var line: Int
        var nameStart: Int
        var nameAbove: [String] = []
        var name: String
        var nameBelow: [String] = []
        var values: [Cell]
        var valueAbove: [Int: [String]] = [:]
        var valueBelow: [Int: [String]] = [:]
        var reason: [(line: Int, start: Int, text: String)] = []
    }

    /// A piece of a merged 一级 or 二级 cell.
    struct Piece {
        var line: Int
        var start: Int
        var text: String
    }

    init(_ lines: ArraySlice<Line>) {
        var index = lines.startIndex
        readHead(lines, &index)
        readIndicators(lines, &index)
    }

    // MARK: - The head and the budget block

    private mutating func readHead(_ lines: ArraySlice<Line>, _ index: inout Int) {
        var titled = false
        while index < lines.endIndex {
            let line = lines[index]
            if line.text.contains("三级指标") { return }
            index += 1
            // The budget block's header: the Hubei form's 预算执行情况, the Ministry's 项目资金.
            if line.text.hasPrefix("预算执行情况") || line.text.hasPrefix("项目资金") {
                readBudget(header: line, lines, &index)
                continue
            }
            // `项目名称 行政运行工作经费`, `主管部门 某局      实施单位 某处`: each run of cells apart by two spaces or
            // more is a label and its value.
            var fields: [String] = []
            for chunk in line.raw.components(separatedBy: "  ").map(\.trimmingWhitespace) where !chunk.isEmpty {
                let words = chunk.split(separator: " ", maxSplits: 1).map(String.init)
                if TableReading.Metadata.labels[TableReading.normalizedHeader(words[0])] != nil {
                    fields += [words[0], words.count > 1 ? words[1] : ""]
                } else {
                    fields.append(chunk)
                }
            }
            if !titled || fields.count == 1 && TableReading.Metadata.year(in: line.text) != nil {
                titled = true
                rows.append(CSVParser.Row(line: line.number, fields: [line.text]))
            } else if TableReading.Metadata.labels[TableReading.normalizedHeader(fields[0])] != nil {
                rows.append(CSVParser.Row(line: line.number, fields: fields))
            }
            // Other lines of the head (评分规则 of a report) name nothing the table needs.
        }
    }

    private mutating func readBudget(header: Line, _ lines: ArraySlice<Line>, _ index: inout Int) {
        let labels = Array(Self.cells(header.raw).dropFirst().map(\.text))
        rows.append(CSVParser.Row(line: header.number, fields: ["预算执行情况"] + labels))
        while index < lines.endIndex {
            let cells = Self.cells(lines[index].raw).map(\.text)
            let figures = cells.drop { !SelfEvaluationFormText.isFigure($0) && !["一致", "不一致"].contains($0) }
            guard figures.count >= 2, figures.count < cells.count || cells.count >= 2 else { break }
            let label = cells.prefix { !SelfEvaluationFormText.isFigure($0) }.joined()
            // Laid under the labels from the right: a blank cell (年初预算数) at the left prints nothing.
            let values = Array(figures.prefix(labels.count))
            let padded = Array(repeating: "", count: labels.count - values.count) + values
            rows.append(CSVParser.Row(line: lines[index].number, fields: [label.isEmpty ? "年度资金总额" : label] + padded))
            index += 1
        }
    }

    // MARK: - The indicators

    /// Words of the header's second line (`指标 标  值 （A） （B） 分 得分 对 进措施`).
    private static let headerWords: Set<String> = ["指标", "标", "值", "（A）", "（B）", "(A)", "(B)", "分", "得分", "对", "进措施",
                                                   "措施", "改进措施", "得", "表中得", "表中得分", "核", "核对", "计算过程"]

    /// The indicator table's lines: its header (and the header again after a page break) read for its columns, the
    /// lines of its rows, and its 总分 line.
    struct Block {
        var headerLine: Line
        /// Where the 一级 column ends and the 二级 begins on a line.
        var split: Int
        /// The figure columns in the header's order (分值, 年初目标值, 实际完成值, 得分, 表中得分).
        var order: [String]
        var body: [Line]
        var total: Line?
        /// How many figure cells a row's line holds.
        var figures: Int { order.count }
        /// The form's columns as the table interpreter reads them.
        var columns: [String] { ["年度绩效指标", "一级指标", "二级指标", "三级指标"] + order + ["偏差原因分析及改进措施"] }
    }

    /// The indicator table: its block of lines, the rows' own lines found, every other piece placed, the reasons
    /// placed, the rows written out.
    private mutating func readIndicators(_ lines: ArraySlice<Line>, _ index: inout Int) {
        guard let block = Self.indicatorBlock(lines, &index) else { return }
        var (found, others) = findRows(block)
        guard !found.isEmpty else {
            unplaced += block.body
            return
        }
        takeMergedPiecesOutOfNames(&found, block)
        placePieces(others, into: &found, block)
        placeReasons(into: &found)
        emit(found, others: others, block)
    }

    /// The header from `index` on, the lines under it up to 总分, and 总分's line.
    static func indicatorBlock(_ lines: ArraySlice<Line>, _ index: inout Int) -> Block? {
        guard index < lines.endIndex else { return nil }
        let headerLine = lines[index]
        let header = Self.cells(headerLine.raw)
        let secondLevelStart = header.first { $0.text.hasPrefix("二级") }?.start ?? 4
        let firstLevelStart = header.first { $0.text.hasPrefix("一级") }?.start ?? 0
        let split = (firstLevelStart + secondLevelStart + 1) / 2
        index += 1
        var headerText = header.map(\.text).joined()
        // A 分值 column (`分` over `值`, or `分值`); without one, the points stand in the names (`（4分）`).
        var hasPoints = header.contains { $0.text == "分" || $0.text == "分值" }
        var body: [Line] = []
        var total: Line?
        var afterHeader = true
        while index < lines.endIndex {
            let line = lines[index]
            index += 1
            if line.text.hasPrefix("总分") { total = line; break }
            let cells = Self.cells(line.raw)
            // The header again after a page break, and the header's second line.
            if line.text.contains("三级指标") {
                headerText += cells.map(\.text).joined()
                afterHeader = true
                continue
            }
            if afterHeader, cells.allSatisfy({ Self.headerWords.contains($0.text) }) {
                headerText += cells.map(\.text).joined()
                if cells.contains(where: { $0.text == "值" || $0.text == "分值" }) { hasPoints = hasPoints || header.contains { $0.text == "分" } }
                continue
            }
            afterHeader = false
            if line.isPageFurniture { continue }
            body.append(line)
        }
        // The figure columns in the header's order: the Hubei form's 分值 before the targets, the Ministry's after the
        // actuals.
        let order = Self.figureColumns(header, hasPoints: hasPoints, printed: headerText.contains("表中"))
        return Block(headerLine: headerLine, split: split, order: order, body: body, total: total)
    }

    /// Pass one: the rows' own lines (a name, then the figures), and the other lines; the pieces of merged cells on
    /// a row's line or a subtotal's are filed as they are met.
    private mutating func findRows(_ block: Block) -> (found: [Row], others: [Line]) {
        let figures = block.figures
        let split = block.split
        let pointsFirst = block.order.first == "分值"
        var found: [Row] = []
        var others: [Line] = []
        for line in block.body {
            let cells = Self.cells(line.raw)
            // A subtotal row (小计) is no indicator; what stands before it belongs to the merged cells.
            if let subtotal = cells.firstIndex(where: { $0.text.hasPrefix("小计") || $0.text == "合计" }) {
                for piece in cells[..<subtotal] {
                    addMergedPiece(piece, line: line.number, split: split)
                }
                continue
            }
            // A row's line: its name, then its 分值 and at least the target and actual (a cell of two lines may
            // leave the score on the line above or below).
            // Without a 分值 column the first cell after the name is the target: a figure or a comparator first.
            if let points = cells.indices.first(where: { $0 >= 1 && !SelfEvaluationFormText.isFigure(cells[$0 - 1].text) && cells.count - $0 >= 3
                                                     && (pointsFirst ? TableReading.decimal(cells[$0].text) != nil
                                                                   : TargetTableText.isFigure(cells[$0].text)) })
                ?? (cells.count == figures && cells.allSatisfy({ SelfEvaluationFormText.isFigure($0.text) || TargetTableText.isFigure($0.text) }) ? 0 : nil) {
                // A line of figures alone: the row's name is on the line above.
                var own = Array(cells[points...])
                var extra: [Cell] = []
                if own.count > figures {
                    extra = Array(own[figures...])
                    own = Array(own.prefix(figures))
                }
                reasons += extra.map { Piece(line: line.number, start: $0.start, text: $0.text) }
                found.append(Row(line: line.number, nameStart: points > 0 ? cells[points - 1].start : 0,
                                 name: points > 0 ? cells[points - 1].text : "", values: own))
                for piece in cells[..<max(0, points - 1)] {
                    addMergedPiece(piece, line: line.number, split: split)
                }
            } else {
                others.append(line)
            }
        }
        return (found, others)
    }

    /// A row whose line holds, before its figures, only a piece of a merged 二级 cell one row high, its name wrapped
    /// onto the lines around it (`时效指` `标` `（1分）` beside `帮办代办涉及审批事项服务按时办结率` `（%）`): the piece
    /// (`标`, `指标`, `（1分）`) goes to the merged cell, and the name is looked for right of it.
    private mutating func takeMergedPiecesOutOfNames(_ found: inout [Row], _ block: Block) {
        for position in found.indices where Self.isMergedCellPiece(found[position].name) {
            let piece = Cell(text: found[position].name, start: found[position].nameStart)
            addMergedPiece(piece, line: found[position].line, split: block.split)
            found[position].name = ""
            found[position].nameStart = piece.end + 1
        }
    }

    /// The end of a 二级 cell printed a few characters to a line: `标`, `指标`, `益指标`, or its points, `（1分）`.
    static func isMergedCellPiece(_ text: String) -> Bool {
        if text.count <= 3, text.hasSuffix("标") { return true }
        return text.hasPrefix("（") && text.hasSuffix("分）") && TableReading.decimal(String(text.dropFirst().dropLast(2))) != nil
    }

    /// Pass two: every piece of another line to the nearest row's line, as a piece of its name, of one of its
    /// figures, of its reason, or of a merged cell.
    private mutating func placePieces(_ others: [Line], into found: inout [Row], _ block: Block) {
        let figures = block.figures
        let split = block.split
        // Where each figure column stands, from the rows whose line holds all of them.
        let complete = found.filter { $0.values.count == figures }
        let columnStarts: [Int] = (0..<figures).map { column in
            let starts = complete.map { $0.values[column].start }.sorted()
            return starts.isEmpty ? 0 : starts[starts.count / 2]
        }
        let ends = complete.map { $0.values[figures - 1].end }.sorted()
        let lastEnd = ends.isEmpty ? (columnStarts.last ?? 0) + 4 : ends[ends.count / 2]
        /// The figure column a piece starting at `start` falls in: the row's own cell it lies in or nearest, else
        /// the column's usual place.
        func column(of start: Int, in row: Row) -> Int {
            (0..<figures).min { first, second in
                func distance(_ column: Int) -> Int {
                    column < row.values.count ? Self.distance(start, row.values[column]) : abs(start - columnStarts[column])
                }
                return distance(first) < distance(second)
            }!
        }
        // How wide the name column is: the longest name on a row's line.
        let nameWidth = found.map(\.name.count).max() ?? 0
        for line in others {
            // The nearest row's line; between two as near, the one short of a figure (its cell ran over two lines),
            // else the one above.
            func rank(_ row: Row) -> (Int, Int, Int) {
                (abs(row.line - line.number), row.values.count < figures ? 0 : 1, row.line)
            }
            var nearest = found.indices.min { rank(found[$0]) < rank(found[$1]) }!
            // A row whose line holds its figures alone takes the name on the line just above it.
            if let below = found.firstIndex(where: { $0.line == line.number + 1 }), found[below].name.isEmpty {
                nearest = below
                let cells = Self.cells(line.raw)
                found[below].nameStart = (cells.first { $0.start >= found[below].nameStart } ?? cells.first)?.start ?? 0
            }
            // Between a row above and a row below as near, a piece of the name column: a row whose own line holds
            // a name as wide as the column goes on over the next line; one whose name is shorter ended there. A
            // piece as wide as the column is the first line of the row below unless the row above goes on into it
            // (and the row below's own line is not a full middle line); a shorter piece ends the row above's name
            // when that one goes on, else the row below's.
            if !found[nearest].name.isEmpty || found[nearest].line != line.number + 1,
               let below = found.indices.first(where: { found[$0].line > line.number }), below > 0,
               found[below].line - line.number == line.number - found[below - 1].line,
               let piece = Self.cells(line.raw).first(where: { $0.start >= found[below].nameStart - 1 }),
               piece.start < found[below].values[0].start - 1 {
                let full = nameWidth - 2
                let aboveGoesOn = found[below - 1].name.count >= full
                let belowIsFull = found[below].name.count >= full
                nearest = piece.text.count >= full ? (!aboveGoesOn || belowIsFull ? below : below - 1) : (aboveGoesOn ? below - 1 : below)
            }
            let above = line.number < found[nearest].line
            for cell in Self.cells(line.raw) {
                let row = found[nearest]
                let rowEnd = row.values.count == figures ? row.values[figures - 1].end : lastEnd
                if cell.start >= rowEnd + 1 || Self.checkWords.contains(cell.text) {
                    reasons.append(Piece(line: line.number, start: cell.start, text: cell.text))
                } else if cell.start >= row.values[0].start - 1 {
                    let target = column(of: cell.start, in: row)
                    if target >= row.values.count {
                        // A figure of the row printed on the line above or below its own: its cell, there.
                        found[nearest].values += (row.values.count..<target).map { _ in Cell(text: "", start: 0) }
                        found[nearest].values.append(cell)
                    } else if above {
                        found[nearest].valueAbove[target, default: []].append(cell.text)
                    } else {
                        found[nearest].valueBelow[target, default: []].append(cell.text)
                    }
                } else if cell.start >= row.nameStart - 1 && !Self.endsSecondLevel(cell, line: line.number, pieces: secondLevel) {
                    if above { found[nearest].nameAbove.append(cell.text) } else { found[nearest].nameBelow.append(cell.text) }
                } else {
                    addMergedPiece(cell, line: line.number, split: split)
                }
            }
        }
    }

    /// The 偏差原因 cell is centred on its row too: each run of its lines goes to the row nearest its middle.
    private mutating func placeReasons(into found: inout [Row]) {
        var run: [Piece] = []
        func place(_ run: [Piece]) {
            guard let first = run.first, let last = run.last else { return }
            let middle = Double(first.line + last.line) / 2
            let row = found.indices.min { abs(Double(found[$0].line) - middle) < abs(Double(found[$1].line) - middle) }!
            found[row].reason += run.map { ($0.line, $0.start, $0.text) }
        }
        for piece in reasons.sorted(by: { ($0.line, $0.start) < ($1.line, $1.start) }) where !Self.checkWords.contains(piece.text) {
            // A check cell (`一` over `致`) between two lines of a reason leaves a line without it.
            if let last = run.last, piece.line - last.line > 2 {
                place(run)
                run = []
            }
            run.append(piece)
        }
        place(run)
    }

    /// The rows of cells for the table interpreter: the header, each row with the merged cells' names on the first
    /// row of their blocks, 总分.
    private mutating func emit(_ found: [Row], others: [Line], _ block: Block) {
        let order = block.order
        let figures = block.figures
        let columns = block.columns
        let points = found.map { row in
            (order.firstIndex(of: "分值").map { TableReading.decimal(row.values[$0].text) } ?? TableReading.stripPoints(row.name).points) ?? .zero
        }
        let categories = Self.blocks(of: found.map(\.line), points: points, pieces: firstLevel)
        let subcategories = Self.blocks(of: found.map(\.line), points: points, pieces: secondLevel)
        guard let categories, let subcategories else {
            unplaced += others
            return
        }
        rows.append(CSVParser.Row(line: block.headerLine.number, fields: columns))
        for (position, row) in found.enumerated() {
            let category = categories.first { $0.first == position }.map { TableReading.stripPoints($0.text).text } ?? ""
            let subcategory = subcategories.first { $0.first == position }.map { TableReading.stripPoints($0.text).text } ?? ""
            let name = (row.nameAbove + [row.name] + row.nameBelow).joined()
            let values = (0..<figures).map { column in
                ((row.valueAbove[column] ?? []) + (column < row.values.count ? [row.values[column].text] : [])
                    + (row.valueBelow[column] ?? [])).joined()
            }
            let reason = row.reason.sorted { ($0.line, $0.start) < ($1.line, $1.start) }.map(\.text)
                .filter { !Self.checkWords.contains($0) }.joined()
            // A name that ends in an open bracket was cut off at its cell's edge when the form was printed (its
            // points mark with it): said, so that the missing points are not taken for the form's.
            if name.hasSuffix("（") || name.hasSuffix("(") {
                unplaced.append(Line(number: row.line, text: "\(name) is cut off at its cell's edge as printed: widen the column before printing, or read the spreadsheet itself",
                                     isPageFurniture: false))
            }
            rows.append(CSVParser.Row(line: row.line, fields: ["", category, subcategory, name] + values + [reason]))
        }
        if let total = block.total {
            var fields = Array(repeating: "", count: columns.count)
            fields[0] = "总分"
            if let score = Self.cells(total.raw).last(where: { TableReading.decimal($0.text) != nil }) {
                fields[columns.count - 2] = score.text
            }
            rows.append(CSVParser.Row(line: total.number, fields: fields))
        }
    }

    /// The figure columns of the header line in their order (分值, 年初目标值, 实际完成值, 得分, 表中得分), from where
    /// each label starts on the line (`分` `年初目标值` `实际完成值` `得`, or `年度指标` `实际完成` `分` `得分`); the
    /// Hubei order when a label is not found.
    static func figureColumns(_ header: [Cell], hasPoints: Bool, printed: Bool) -> [String] {
        var found: [(start: Int, column: String)] = []
        for cell in header {
            let text = cell.text
            let column: String?
            if text == "分" || text == "分值" { column = "分值" }
            else if ["年初目标值", "年度指标", "年度目标", "目标值", "指标值"].contains(where: { text.hasPrefix($0) }) { column = "年初目标值" }
            else if text.hasPrefix("实际") { column = "实际完成值" }
            else if text == "得" || text == "得分" { column = "得分" }
            else if text.hasPrefix("表中") { column = "表中得分" }
            else { column = nil }
            if let column, !found.contains(where: { $0.column == column }) { found.append((cell.start, column)) }
        }
        let expected = (hasPoints ? ["分值"] : []) + ["年初目标值", "实际完成值", "得分"] + (printed ? ["表中得分"] : [])
        let order = found.sorted { $0.start < $1.start }.map(\.column).filter(expected.contains)
        return Set(order) == Set(expected) && order.count == expected.count ? order : expected
    }

    /// Whether a short piece ending in 标 (`度指标`) is the end of a 二级 cell begun on the lines just above
    /// (`服务对` `象满意`), printed where names start because its column is narrow.
    static func endsSecondLevel(_ cell: Cell, line: Int, pieces: [Piece]) -> Bool {
        guard cell.text.count <= 4, cell.text.hasSuffix("标") else { return false }
        let above = pieces.filter { line - $0.line >= 0 && line - $0.line <= 3 }.sorted { ($0.line, $0.start) < ($1.line, $1.start) }
        guard !above.isEmpty else { return false }
        let joined = above.map(\.text).joined() + cell.text
        return IndicatorSubcategory.standard.contains { joined.hasSuffix($0.subcategory.rawValue) }
    }

    /// A piece of a merged cell: the 一级 column's when it starts left of `split`, else the 二级 column's.
    private mutating func addMergedPiece(_ cell: Cell, line: Int, split: Int) {
        let piece = Piece(line: line, start: cell.start, text: cell.text)
        if cell.start < split { firstLevel.append(piece) } else { secondLevel.append(piece) }
    }

    /// The 核对 column of a report of this package's, wrapped (`一` over `致`): never a figure's or a reason's.
    static let checkWords: Set<String> = ["一", "致", "一致", "不一致", "不"]

    private var reasons: [Piece] = []
    private var firstLevel: [Piece] = []
    private var secondLevel: [Piece] = []

    /// How far a piece starting at `start` is from a cell: 0 inside it.
    static func distance(_ start: Int, _ cell: Cell) -> Int {
        start < cell.start ? cell.start - start : start >= cell.end ? start - cell.end + 1 : 0
    }

    /// The merged cells' texts and the rows each spans (`first` the first row's position), or `nil` when there are
    /// more cells than rows. Pieces on nearby lines (two apart at most) are one cell; the rows are split into as many
    /// consecutive runs as there are cells. A cell that prints its points (`数量指标（26分）`) spans rows whose points
    /// add up to them; otherwise each run's middle lies as near its cell's middle as the split allows (a cell broken
    /// by a page prints its text once, so only points place it for certain).
    static func blocks(of rowLines: [Int], points: [ExactDecimal], pieces: [Piece]) -> [(first: Int, text: String)]? {
        let sorted = pieces.sorted { ($0.line, $0.start) < ($1.line, $1.start) }
        var groups: [[Piece]] = []
        for piece in sorted {
            // A cell ends where its text is a whole name (产出指标) that the piece does not carry on with its
            // points (`（40`, `分）`), or after its points; else pieces two lines apart at most are one cell.
            // A points mark alone (`（40分）`) is the points of the name above it that has none yet.
            if let group = groups.last, let last = group.last, piece.line - last.line <= 4,
               piece.text.hasPrefix("（") || piece.text.hasPrefix("("),
               TableReading.stripPoints(group.map(\.text).joined()).points == nil,
               !(group.map(\.text).joined().hasSuffix("分）")) {
                groups[groups.count - 1].append(piece)
                continue
            }
            if let group = groups.last, let last = group.last, piece.line - last.line <= 2 {
                let text = group.map(\.text).joined()
                let name = TableReading.stripPoints(text).text
                let complete = text.hasSuffix("分）") || text.hasSuffix("分)")
                    || name.hasSuffix("指标") && ((IndicatorCategory(parsing: name)?.isStandard ?? false)
                        || IndicatorSubcategory.standard.contains { $0.subcategory.rawValue == name })
                        && !piece.text.hasPrefix("（") && !piece.text.hasPrefix("(") && !piece.text.hasPrefix("分")
                if !complete {
                    groups[groups.count - 1].append(piece)
                    continue
                }
            }
            groups.append([piece])
        }
        guard !groups.isEmpty else { return [] }
        guard groups.count <= rowLines.count else { return nil }
        let centres = groups.map { Double($0.first!.line + $0.last!.line) / 2 }
        let printedPoints = groups.map { TableReading.stripPoints($0.map(\.text).joined()).points }
        // The points of rows start..<end, from running sums.
        var running: [ExactDecimal] = [.zero]
        for value in points { running.append(running[running.count - 1].adding(value) ?? .zero) }
        let count = rowLines.count
        // cost[g][r]: the least cost of giving groups 0..<g the rows 0..<r.
        let infinity = Double.greatestFiniteMagnitude
        var cost = Array(repeating: Array(repeating: infinity, count: count + 1), count: groups.count + 1)
        var choice = Array(repeating: Array(repeating: 0, count: count + 1), count: groups.count + 1)
        cost[0][0] = 0
        for group in 1...groups.count {
            for end in group...count {
                for start in (group - 1)..<end where cost[group - 1][start] < infinity {
                    let middle = Double(rowLines[start] + rowLines[end - 1]) / 2
                    var step = abs(middle - centres[group - 1])
                    if let printed = printedPoints[group - 1] {
                        step = step / 10_000 + (running[end].subtracting(running[start]) == printed ? 0 : 1_000_000)
                    }
                    let total = cost[group - 1][start] + step
                    if total < cost[group][end] {
                        cost[group][end] = total
                        choice[group][end] = start
                    }
                }
            }
        }
        var result: [(first: Int, text: String)] = []
        var end = count
        for group in stride(from: groups.count, to: 0, by: -1) {
            let start = choice[group][end]
            result.insert((start, groups[group - 1].map(\.text).joined()), at: 0)
            end = start
        }
        return result
    }
}
