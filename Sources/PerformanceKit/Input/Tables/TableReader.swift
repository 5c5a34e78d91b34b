import Foundation

/// Reads a self-evaluation table kept in a spreadsheet and saved as CSV or TSV into an ``Evaluation``.
///
/// The table is laid out like the published one: a header row with the usual column names in any order (一级指标,
/// 二级指标, 三级指标, 分值, 年初目标值 / 年度指标值, 实际完成值, 得分, and common aliases), merged cells left blank
/// (the 一级 / 二级 of the row above carries on), points either in their column or inside the name as `（7分）`, and
/// a unit inside the name as `（份）`. Rows above or below the table give the project: `项目名称`, `主管部门`,
/// `年度`, and the budget block either as `预算数` / `执行数` rows (label, then value) or as a header row with those
/// names and the values under it. A `总分` row gives the printed total.
///
/// Bytes are UTF-8 (with or without a byte-order mark) or GB18030, as Excel in Chinese saves CSV.
///
/// ```swift
/// let result = try TableReader(separator: .comma).read(Array(csvData))
/// let card = Scorer(profile: .wuhan2023).score(result.evaluation)
/// ```
package struct TableReader: Sendable {
    /// The field separator.
    package enum Separator: Sendable {
        /// `,` (CSV).
        case comma
        /// A tab (TSV).
        case tab
    }

    /// The figures the table itself does not give (the budget block), from the command line.
    package struct Defaults: Sendable {
        /// 全年预算数, when the table gives none.
        package var planned: ExactDecimal?
        /// 全年执行数, when the table gives none.
        package var executed: ExactDecimal?

        /// Creates defaults.
        package init(planned: ExactDecimal? = nil, executed: ExactDecimal? = nil) {
            self.planned = planned
            self.executed = executed
        }
    }

    /// The field separator.
    package var separator: Separator
    /// Figures the table may not give.
    package var defaults: Defaults
    /// Whether every row needs its 实际完成值 and the table its budget block; `false` reads a target table
    /// (绩效目标表) for lint, whose rows have none (a missing budget block is then 0 and 0).
    package var requiresActuals: Bool

    /// Creates a reader.
    package init(separator: Separator = .comma, defaults: Defaults = Defaults(), requiresActuals: Bool = true) {
        self.separator = separator
        self.defaults = defaults
        self.requiresActuals = requiresActuals
    }

    /// The column a header names.
    enum Column: String, CaseIterable {
        case category, subcategory, name, weight, target, actual, score, unit, reason, basis, note, direction, judgement
        /// 目标名称 beside 目标权重: the performance goal a row serves, in goal-ratio mode.
        case goal
        /// 目标权重（%）: the goal's ratio, on the goal's first row (or on each of its rows).
        case goalRatio
    }

    /// Header spellings, compared after spaces and bracketed `（A）` marks are removed.
    static let aliases: [String: Column] = {
        var table: [String: Column] = [:]
        let spellings: [Column: [String]] = [
            .category: ["一级指标", "一级", "category"],
            .subcategory: ["二级指标", "二级", "subcategory"],
            .name: ["三级指标", "三级", "指标名称", "指标内容", "绩效指标", "name"],
            .weight: ["分值", "权重", "指标分值", "分值权重", "指标权重", "weight"],
            .target: ["年初目标值", "年度指标值", "目标值", "指标值", "年度目标值", "预计当年实现", "target"],
            .actual: ["实际完成值", "全年实际值", "实际值", "完成值", "实际完成", "actual"],
            .score: ["得分", "自评得分", "published", "score"],
            .unit: ["计量单位", "单位", "unit"],
            .reason: ["偏差原因", "原因分析", "偏差原因分析", "未完成原因", "偏差原因分析及改进措施", "偏差大或目标未完成原因分析",
                      "原因分析及改进措施", "reason"],
            .basis: ["指标值确定依据", "绩效标准", "basis"],
            .note: ["备注", "说明", "note"],
            .direction: ["指标方向", "方向", "direction"],
            .judgement: ["评价等级", "定性评价", "judgement"],
            .goalRatio: ["目标权重", "目标比例", "目标权重比例"],
        ]
        for (column, names) in spellings {
            for name in names { table[name] = column }
        }
        return table
    }()

    /// How a file holds its tables.
    package enum Form: Sendable, Equatable {
        /// One table as CSV or TSV text.
        case delimited(Separator)
        /// An .xlsx workbook: the sheet named, or every sheet holding a table.
        case workbook(sheet: String?)
        /// The text of a published disclosure (``DisclosureReader``): its self-evaluations, and its target tables
        /// too when actuals are not required; each table named by its lines. `file` goes into each `source`.
        case disclosure(file: String)
    }

    /// How reports name a table: its file, and its sheet when the workbook holds several (`book.xlsx[自评表]`), or its
    /// lines in a disclosure's text (`001.txt[lines 3276-3448]`).
    package static func tableName(_ file: String, sheet: String?) -> String {
        sheet.map { "\(file)[\($0)]" } ?? file
    }

    /// The tables of a file, each with its sheet when the file is a workbook.
    ///
    /// - Throws: ``TableReadError`` listing every problem with its row and column (and sheet).
    package func readTables(_ bytes: [UInt8], form: Form) throws(TableReadError) -> [(sheet: String?, result: EvaluationReader.Result)] {
        switch form {
        case .delimited(let separator):
            var reader = self
            reader.separator = separator
            return try reader.readAll(rows: reader.rows(bytes)).map { table in
                (table.rows.map { "rows \($0.lowerBound)-\($0.upperBound)" }, table.result)
            }
        case .workbook(let sheet):
            return try readWorkbook(bytes, sheet: sheet).map { ($0.sheet, $0.result) }
        case .disclosure(let file):
            return try readDisclosure(bytes, file: file)
        }
    }

    /// The tables of a disclosure's text, each named by its lines (`lines 3276-3448`): the self-evaluations, and the
    /// target tables (绩效目标表) when actuals are not required.
    ///
    /// - Throws: ``TableReadError`` when no such table is found, or with the problems of every table that cannot
    ///   be read, each naming its line.
    package func readDisclosure(_ bytes: [UInt8], file: String) throws(TableReadError) -> [(sheet: String?, result: EvaluationReader.Result)] {
        let found = try DisclosureReader().read(bytes, file: file)
        if found.isEmpty {
            do {
                if let tables = try tabSeparatedText(bytes) { return tables }
            } catch {
                throw TableReadError(problems: [.init(row: 0, column: nil,
                    message: "no disclosure's table found; read as a table with a tab between cells, as most of its lines hold one:")] + error.problems)
            }
        }
        let tables = found.filter { requiresActuals ? $0.form != .targets : true }
        guard !tables.isEmpty else {
            let targets = found.count
            throw TableReadError(problems: [.init(row: 0, column: nil, message: targets > 0
                ? "the text holds \(targets) target table(s) (绩效目标表) and no self-evaluation: see perfscore lint"
                : Self.noDisclosureTable)])
        }
        var results: [(sheet: String?, result: EvaluationReader.Result)] = []
        var problems: [TableReadError.Problem] = []
        for table in tables {
            switch table.result {
            case .success(var result):
                result.places.isText = true
                results.append((table.label, result))
            case .failure(let error):
                problems += error.problems.map { problem in
                    var problem = problem
                    problem.isLine = true
                    problem.message = "the \(table.form.rawValue) at \(table.label): \(problem.message)"
                    return problem
                }
            }
        }
        guard problems.isEmpty else { throw TableReadError(problems: problems) }
        return results
    }

    /// What is said of a text in which no disclosure's table is found (`extract` says it too).
    static let noDisclosureTable = "no table found: expected a 项目支出绩效自评表, a 项目自评结果（摘要版） or a 绩效目标表"

    /// The tables of a text file that holds no disclosure's table but a table saved from a spreadsheet as text, with
    /// a tab between cells (Excel's 文本文件（制表符分隔）, in the system's code page, and Unicode 文本, UTF-16): read
    /// as TSV, each named by its rows, when most of its lines that are not blank hold a tab; `nil` when they do not.
    /// Without this, such a file was "no table found", though `--input tsv` read it.
    func tabSeparatedText(_ bytes: [UInt8]) throws(TableReadError) -> [(sheet: String?, result: EvaluationReader.Result)]? {
        var reader = self
        reader.separator = .tab
        let rows = try reader.rows(bytes)
        let filled = rows.filter { row in row.fields.contains { !$0.trimmingWhitespace.isEmpty } }
        guard !filled.isEmpty, filled.filter({ $0.fields.count > 1 }).count * 2 > filled.count else { return nil }
        return try reader.readAll(rows: rows).map { table in
            (table.rows.map { "rows \($0.lowerBound)-\($0.upperBound)" }, table.result)
        }
    }

    /// Reads a table.
    ///
    /// - Throws: ``TableReadError`` listing every problem with its row and column.
    package func read(_ bytes: [UInt8]) throws(TableReadError) -> EvaluationReader.Result {
        try read(rows: rows(bytes))
    }

    /// The rows of CSV or TSV bytes.
    func rows(_ bytes: [UInt8]) throws(TableReadError) -> [CSVParser.Row] {
        let text = try Self.decode(bytes)
        let parser = CSVParser(separator: separator)
        switch parser.rows(text) {
        case .success(let rows): return rows
        case .failure(let error): throw error
        }
    }

    /// The tables of one sheet (several when they stand one under another, each labelled `SHEET rows A-B`), every
    /// problem and place naming the sheet.
    ///
    /// - Throws: ``TableReadError`` listing every problem with its sheet, row and column.
    func tables(in sheet: Workbook.Sheet) throws(TableReadError) -> [(label: String, result: EvaluationReader.Result)] {
        do {
            return try readAll(rows: sheet.rows).map { table in
                var result = table.result
                result.places.sheet = sheet.name
                let rows = table.rows ?? (0...Int.max)
                result.warnings += Self.uncalculatedFormulas(sheet.uncalculated.filter { rows.contains($0.row) }, places: result.places)
                return (table.rows.map { "\(sheet.name) rows \($0.lowerBound)-\($0.upperBound)" } ?? sheet.name, result)
            }
        } catch {
            throw TableReadError(problems: error.problems.map { problem in
                var problem = problem
                problem.sheet = sheet.name
                return problem
            })
        }
    }

    /// A warning for each cell an indicator's field was read from that holds a formula saved without its value: the
    /// field read as blank, which the scorer or lint then reports as empty or not compared, and the cell is where to
    /// look. The other such cells (the budget block, 总分, a 执行率 the scorer works out itself) are named together in
    /// one warning on the file. In the order of the sheet.
    static func uncalculatedFormulas(_ cells: [Workbook.FormulaCell], places: CellPlaces) -> [Diagnostic] {
        guard !cells.isEmpty else { return [] }
        var paths: [Int: [Int: JSONPath]] = [:]
        for (path, cell) in places.cells {
            if let column = cell.column { paths[cell.row, default: [:]][column] = path }
        }
        let advice = "the workbook was written by a program that does not calculate; open it in Excel, WPS or LibreOffice and save it, or type the value"
        var warnings: [Diagnostic] = []
        var others: [String] = []
        for cell in cells {
            guard let path = paths[cell.row]?[cell.column] else {
                others.append(CellPlaces.letters(cell.column) + String(cell.row))
                continue
            }
            let formula = cell.formula.isEmpty ? "a formula shared with the cells beside it" : "the formula =\(cell.formula)"
            warnings.append(Diagnostic(.uncalculatedFormula, .warning,
                                       "the cell holds \(formula) but no saved value, so it reads as blank: \(advice)", at: path))
        }
        if !others.isEmpty {
            let sheet = places.sheet.map { "\($0)!" } ?? ""
            let named = others.prefix(8).map { sheet + $0 }.joined(separator: ", ") + (others.count > 8 ? " and \(others.count - 8) more" : "")
            warnings.append(Diagnostic(.uncalculatedFormula, .warning,
                                       others.count == 1 ? "\(named) holds a formula but no saved value, so it reads as blank: \(advice)"
                                                         : "\(named) hold formulas but no saved value, so they read as blank: \(advice)s",
                                       at: .root))
        }
        return warnings
    }

    /// The sheets of a workbook that hold a table, each read into an evaluation: `sheet` alone when it names one,
    /// else every visible sheet with a header row (an instructions sheet such as 填表说明 is passed over).
    ///
    /// - Throws: ``TableReadError`` for a file that is no workbook, a `sheet` it does not have, no sheet with a
    ///   table, or the problems of every sheet that holds one and cannot be read.
    package func readWorkbook(_ bytes: [UInt8], sheet name: String? = nil) throws(TableReadError) -> [(sheet: String, result: EvaluationReader.Result)] {
        let workbook: Workbook
        do { workbook = try Workbook(bytes) } catch { throw TableReadError(problems: [.init(row: 0, column: nil, message: error.description)]) }
        let names = workbook.sheets.map(\.name).joined(separator: ", ")
        if let name {
            guard let sheet = workbook.sheets.first(where: { $0.name == name }) else {
                throw TableReadError(problems: [.init(row: 0, column: nil, message: "no sheet named \(name); the workbook has \(names)")])
            }
            return try tables(in: sheet).map { ($0.label, $0.result) }
        }
        let tables = workbook.sheets.filter { !$0.isHidden && TableReading.headerIndex(in: $0.rows) != nil }
        guard !tables.isEmpty else {
            throw TableReadError(problems: [.init(row: 0, column: nil,
                message: "no sheet holds a table (a row naming 三级指标 and 年初目标值); the workbook has \(names)")])
        }
        var results: [(sheet: String, result: EvaluationReader.Result)] = []
        var problems: [TableReadError.Problem] = []
        for sheet in tables {
            do { results += try self.tables(in: sheet).map { ($0.label, $0.result) } } catch { problems += error.problems }
        }
        guard problems.isEmpty else { throw TableReadError(problems: problems) }
        // A hidden sheet is often an old version, and is passed over; said, so that a table kept there is not lost.
        for hidden in workbook.sheets where hidden.isHidden && TableReading.headerIndex(in: hidden.rows) != nil {
            results[0].result.warnings.append(Diagnostic(.hiddenSheet, .note,
                "the hidden sheet \(hidden.name) holds a table, which is not read; --sheet \(hidden.name) reads it", at: .root))
        }
        return results
    }

    /// Rows read into an evaluation: one table (a second stacked under it is refused).
    func read(rows: [CSVParser.Row]) throws(TableReadError) -> EvaluationReader.Result {
        var reading = reading(rows)
        return try Self.result(reading.evaluation(), of: reading)
    }

    /// The tables of rows: one, or several standing one under another, each from where the one above it ends (its
    /// 项目名称, or its budget block, and the title rows above them) and then labelled by its rows (`6...10`, the
    /// lines or row numbers of the file). One table is read once; stacked ones are found by reading on, then each
    /// is read again alone.
    ///
    /// - Throws: ``TableReadError`` with every table's problems, each prefixed by the table's rows when there are
    ///   several.
    func readAll(rows: [CSVParser.Row]) throws(TableReadError) -> [(rows: ClosedRange<Int>?, result: EvaluationReader.Result)] {
        var tables: [(rows: ClosedRange<Int>, result: EvaluationReader.Result?, problems: [TableReadError.Problem])] = []
        var start = 0
        repeat {
            // The rows from `start` read in a window that doubles until another table starts inside it or it reaches
            // the last row (a reading stops where the next table starts, and reads no row after it). Reading every row
            // from `start` to the end instead copied them all for each table: quadratic in the tables stacked (3,000
            // in one CSV took 6.4 s; now 4.3 s).
            var window = 256
            var probe: TableReading
            var evaluation: Evaluation?
            while true {
                let windowEnd = min(rows.count, start + window)
                probe = reading(Array(rows[start..<windowEnd]))
                evaluation = probe.evaluation()
                if probe.nextTable != nil || windowEnd == rows.count { break }
                window *= 2
            }
            let end = probe.nextTable.map { start + $0 } ?? rows.count
            if end < rows.count {
                probe = reading(Array(rows[start..<end]))
                evaluation = probe.evaluation()
            }
            let span = (rows.isEmpty ? 1 : rows[start].line)...(rows.isEmpty ? 1 : rows[max(start, end - 1)].line)
            do {
                tables.append((span, try Self.result(evaluation, of: probe), []))
            } catch {
                tables.append((span, nil, error.problems))
            }
            start = end
        } while start < rows.count
        if tables.count == 1 {
            guard let result = tables[0].result else { throw TableReadError(problems: tables[0].problems) }
            return [(nil, result)]
        }
        let problems = tables.flatMap { table in
            table.problems.map { problem in
                var problem = problem
                problem.message = "the table at rows \(table.rows.lowerBound)-\(table.rows.upperBound): \(problem.message)"
                return problem
            }
        }
        guard problems.isEmpty else { throw TableReadError(problems: problems) }
        return tables.compactMap { table in table.result.map { (table.rows, $0) } }
    }

    /// A reading of rows with this reader's defaults.
    private func reading(_ rows: [CSVParser.Row]) -> TableReading {
        var reading = TableReading(rows: rows, defaults: defaults)
        reading.requiresActuals = requiresActuals
        return reading
    }

    /// The result of a finished reading, or its problems.
    static func result(_ evaluation: Evaluation?, of reading: TableReading) throws(TableReadError) -> EvaluationReader.Result {
        guard let evaluation, reading.problems.isEmpty else { throw TableReadError(problems: reading.problems) }
        var result = EvaluationReader.Result(evaluation: evaluation, warnings: reading.warnings)
        result.places = reading.places
        result.budgetAssumed = reading.budgetAssumed
        return result
    }

    /// UTF-8 (a byte-order mark skipped), else GB18030; UTF-16 after its byte-order mark (`FF FE`, `FE FF`: Excel's
    /// and WPS's "Unicode 文本", tab-separated); else an error that says to save as UTF-8.
    static func decode(_ bytes: [UInt8]) throws(TableReadError) -> String {
        var body = bytes[...]
        if let littleEndian = [[0xFF, 0xFE], [0xFE, 0xFF]].firstIndex(where: { body.starts(with: $0) }).map({ $0 == 0 }) {
            let units = stride(from: 2, to: body.count - 1, by: 2).map { offset in
                let (first, second) = (UInt16(body[offset]), UInt16(body[offset + 1]))
                return littleEndian ? first | second << 8 : first << 8 | second
            }
            if body.count % 2 == 0, let text = String(validating: units, as: UTF16.self) { return text }
            throw TableReadError(problems: [.init(row: 1, column: nil,
                message: "the file starts as UTF-16 but is not UTF-16 throughout; save it as CSV UTF-8 (逗号分隔) from the spreadsheet")])
        }
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.withUnsafeBufferPointer({ UTF8Validation.firstInvalidOffset(in: $0) }) == nil {
            return String(decoding: body, as: UTF8.self)
        }
        if let text = String(data: Data(body), encoding: gb18030) {
            return text
        }
        throw TableReadError(problems: [.init(row: 1, column: nil,
            message: "the file is neither UTF-8 nor GB18030; save it as CSV UTF-8 (逗号分隔) from the spreadsheet")])
    }

    /// GB18030 as Foundation names it (kCFStringEncodingGB_18030_2000).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)
}

/// The walk from rows to the model.
struct TableReading {
    let rows: [CSVParser.Row]
    let defaults: TableReader.Defaults
    var problems: [TableReadError.Problem] = []
    var warnings: [Diagnostic] = []
    /// Whether the table gives no budget block and a budget of 0 was put in (a target table's reading only).
    var budgetAssumed = false
    var requiresActuals = true
    /// Where each indicator's fields stand.
    var places = CellPlaces()
    /// Where another table stacked under this one starts, as an index into ``rows``: its title rows, then its
    /// 项目名称 or budget block. This reading then stops with a problem; ``TableReader/readAll(rows:)`` reads each.
    var nextTable: Int?

    init(rows: [CSVParser.Row], defaults: TableReader.Defaults) {
        self.rows = rows
        self.defaults = defaults
    }

    /// What the total row's first cell, name or 一级 starts with.
    static let totalLabels = ["总分", "合计", "综合绩效"]

    /// The columns of this package's reports that say what the report found: passed over when one is read back.
    static let reportColumns: Set<String> = ["核对", "计算过程", "等级"]

    /// Header cells of the form's leading label column: never a field.
    static let labelColumns: Set<String> = ["年度绩效目标", "年度绩效指标", "绩效目标", "项目绩效指标",
                                            // 部门整体 tables: the goal each group of rows serves (长期绩效目标1).
                                            "目标名称", "绩效目标名称"]

    /// Header cells naming the goal a group of rows serves: the goal column when the table gives 目标权重 beside it.
    static let goalColumns: Set<String> = ["目标名称", "绩效目标名称"]

    /// The row that names at least 三级指标 and 年初目标值: the table's header.
    static func headerIndex(in rows: [CSVParser.Row]) -> Int? {
        rows.firstIndex(where: isHeader)
    }

    /// Whether a row names at least 三级指标 and 年初目标值.
    ///
    /// Asked of every row. A row none of whose cells may name the name column, or none the target column
    /// (``mayName(_:startingWith:)``), is settled without normalizing its cells.
    static func isHeader(_ row: CSVParser.Row) -> Bool {
        guard row.fields.contains(where: { mayName($0, startingWith: headerHints.name) }),
              row.fields.contains(where: { mayName($0, startingWith: headerHints.target) }) else { return false }
        let columns = row.fields.compactMap { TableReader.aliases[normalizedHeader($0)] }
        return columns.contains(.name) && columns.contains(.target)
    }

    /// The first scalars of the spellings of the name column (三级指标, 指标名称, `name`, …) and of the target column
    /// (年初目标值, 预计当年实现, `target`, …).
    static let headerHints: (name: [Unicode.Scalar], target: [Unicode.Scalar]) = {
        func firstScalars(_ column: TableReader.Column) -> [Unicode.Scalar] {
            Array(Set(TableReader.aliases.filter { $0.value == column }.compactMap { $0.key.unicodeScalars.first }))
        }
        return (firstScalars(.name), firstScalars(.target))
    }()

    /// Whether a cell may name a column one of whose spellings starts with a scalar of `firsts`.
    ///
    /// Normalizing a header cell (``normalizedHeader(_:)``) drops white space, the `（A）` marks, which open with a
    /// bracket, and everything from a bracket on. Where the cell's scalars up to its first that is not white space,
    /// and the one after it, are of the forms' text (``Unicode/Scalar/isOfFormText``: each a character of its own),
    /// that first scalar, when it is no bracket, starts the normalized text, which then names a spelling only if that
    /// is the spelling's first scalar (no other scalar of that text is the same text as one of these: a test holds
    /// it). Any other cell may (a combining mark joins the scalar before it; a compatibility ideograph is the same
    /// text as the ideograph it stands for). Settled from the cell's first scalars, whatever its length.
    static func mayName(_ cell: String, startingWith firsts: [Unicode.Scalar]) -> Bool {
        var scalars = cell.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar.isOfFormText else { return true }
            if scalar.isTableWhitespace { continue }
            if firsts.contains(scalar) || scalar == "（" || scalar == "(" { return true }
            // A scalar after it that may join it leaves the cell to be normalized.
            return scalars.next().map { !$0.isOfFormText } ?? false
        }
        return false
    }

    mutating func evaluation() -> Evaluation? {
        guard let headerIndex = Self.headerIndex(in: rows) else {
            // A header whose cells are separated by tabs, read as one cell: Excel's and WPS's "Unicode 文本" is TSV.
            let tabbed = rows.contains { row in
                row.fields.contains { $0.contains("\t") }
                    && Self.isHeader(CSVParser.Row(line: row.line, fields: row.fields.flatMap { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }))
            }
            problems.append(.init(row: rows.first?.line ?? 1, column: nil,
                message: "no header row: expected a row naming at least 三级指标 and 年初目标值 (or 年度指标值)"
                    + (tabbed ? "; the header's cells are separated by tabs (as Excel's Unicode text is): name the file .tsv or give --input tsv" : "")))
            return nil
        }
        let header = rows[headerIndex]
        var columns: [Int: TableReader.Column] = [:]
        let namesThirdLevel = header.fields.contains { ["三级指标", "三级"].contains(Self.normalizedHeader($0)) }
        let namesGoalRatios = header.fields.contains { TableReader.aliases[Self.normalizedHeader($0)] == .goalRatio }
        // A report of this package's (CSV, .xlsx): 表中得分 is the score the table printed, 得分 the recomputed one,
        // which is not read; 核对, 计算过程 and 等级 are what the report said of it.
        let isReport = header.fields.contains { Self.normalizedHeader($0) == "表中得分" }
        for (index, name) in header.fields.enumerated() {
            var normalized = Self.normalizedHeader(name)
            if normalized.isEmpty { continue }
            if isReport {
                if normalized == "得分" || Self.reportColumns.contains(normalized) { continue }
                if normalized == "表中得分" { normalized = "得分" }
            }
            // 目标名称 beside a 目标权重 column names each row's goal (goal-ratio mode); without one it is a label.
            if Self.goalColumns.contains(normalized), namesGoalRatios {
                columns[index] = .goal
                continue
            }
            // The form's leading label column (绩效指标, 年度绩效目标（80分）), merged down the rows, holds no field.
            if Self.labelColumns.contains(normalized) || (normalized == "绩效指标" && namesThirdLevel) { continue }
            guard let column = TableReader.aliases[normalized] else {
                problems.append(.init(row: header.line, column: index + 1,
                    message: "unknown column \"\(name)\"; known: 一级指标, 二级指标, 三级指标, 分值, 年初目标值, 实际完成值, 得分, 计量单位, 偏差原因, 指标值确定依据, 备注"))
                continue
            }
            if let earlier = columns.first(where: { $0.value == column }) {
                problems.append(.init(row: header.line, column: index + 1,
                    message: "\"\(name)\" names the same column as column \(earlier.key + 1)"))
                continue
            }
            columns[index] = column
        }
        func index(_ column: TableReader.Column) -> Int? { columns.first { $0.value == column }?.key }

        var meta = Metadata()
        meta.read(rows[..<headerIndex], into: &problems)
        // A budget block above the header: another one under the rows starts a second table.
        let budgetAbove = meta.planned != nil || meta.executed != nil
        var indicators: [Indicator] = []
        var category: String?
        var subcategory: String?
        var publishedTotal: ExactDecimal?
        var goal: String?
        var goals: [Evaluation.Goal] = []
        var goalRows: [String: Int] = [:]
        // Each row under the header records its own place and one for each field with a column.
        places.reserveCapacity(more: (rows.count - headerIndex - 1) * (columns.count + 1))
        for position in (headerIndex + 1)..<rows.count {
            let row = rows[position]
            let cells = row.fields
            func cell(_ column: TableReader.Column) -> String {
                guard let position = index(column), position < cells.count else { return "" }
                return cells[position].trimmingWhitespace
            }
            if cells.count > header.fields.count, cells[header.fields.count...].contains(where: { !$0.trimmingWhitespace.isEmpty }) {
                problems.append(.init(row: row.line, column: header.fields.count + 1,
                    message: "the row has \(cells.count) cells but the header has \(header.fields.count)"))
                continue
            }
            // 填报人：…, 联系电话：…, 填报日期：… under the table.
            if Metadata.isFooter(row) {
                _ = meta.read(row, into: &problems)
                continue
            }
            // The header again: a table of several goals (部门整体) or a page break repeats it.
            if Self.isHeader(row) { continue }
            let first = cells.first?.trimmingWhitespace ?? ""
            let name = cell(.name)
            // The budget row of this package's CSV report: 分值 the points, 年初目标值 the budget, 实际完成值 the executed
            // amount, 表中得分 the printed score.
            if isReport, cell(.category) == "预算执行" {
                readReportBudget(row, figures: [(cell(.weight), index(.weight)), (cell(.target), index(.target)),
                                                (cell(.actual), index(.actual)), (cell(.score), index(.score))], into: &meta)
                continue
            }
            let categoryCell = cell(.category)
            if [first, name, categoryCell].contains(where: { $0.startsWithAnyLabel(Self.totalLabels) }) {
                // The 得分 cell when the table has that column (a blank one beside 分值 100 prints no total yet);
                // else the row's last figure.
                publishedTotal = index(.score) != nil ? Self.decimal(cell(.score))
                    : cells.reversed().lazy.compactMap { Self.decimal($0) }.first
                continue
            }
            let (titlesBefore, budgetBefore, title) = (meta.titleRows, meta.budgetRows, meta.title)
            if meta.read(row, into: &problems) {
                // A 项目名称, or a budget figure, under the indicators of a table that had one above them: a second table
                // stacked below the first, which would otherwise merge into it (its budget over the first's, its rows
                // added to the first's).
                let newTitle = meta.titleRows > titlesBefore && titlesBefore > 0
                if !indicators.isEmpty, newTitle || (meta.budgetRows > budgetBefore && budgetAbove) {
                    // Its title rows above (项目支出绩效自评表, （2024年度）, 附件3): one filled cell, no footer.
                    var start = position
                    while start - 1 > headerIndex, !Metadata.isFooter(rows[start - 1]),
                          rows[start - 1].fields.count(where: { !$0.trimmingWhitespace.isEmpty }) == 1 {
                        start -= 1
                    }
                    nextTable = start
                    let what = newTitle ? "项目名称 \(meta.title ?? "")" : "a budget block"
                    problems.append(.init(row: row.line, column: nil,
                        message: "another table starts here (\(what)) under the rows of \(title ?? "the first"): a file or sheet is read as one table; put each table in a sheet or file of its own"))
                    return nil
                }
                continue
            }
            if !cell(.goal).isEmpty {
                goal = cell(.goal)
                readGoalRatio(of: cell(.goal), from: cell(.goalRatio), row: row.line, column: index(.goalRatio).map { $0 + 1 },
                              into: &goals, firstRows: &goalRows)
            }
            if !cell(.category).isEmpty { category = Self.stripPoints(cell(.category)).text }
            if !cell(.subcategory).isEmpty { subcategory = Self.stripPoints(cell(.subcategory)).text }
            guard !name.isEmpty, !name.hasPrefix("小计") else { continue }
            let parsedName = Self.stripPoints(name)
            var weight: ExactDecimal?
            if let position = index(.weight), position < cells.count, !cells[position].trimmingWhitespace.isEmpty {
                weight = Self.points(cells[position])
                if weight == nil {
                    problems.append(.init(row: row.line, column: position + 1,
                        message: "分值 \"\(cells[position])\" is not a number (points: 10 or 10分)"))
                    continue
                }
            } else {
                weight = parsedName.points
            }
            // A target table (绩效目标表) may lack points, as 部门整体 tables print none: a finding of lint's, not a
            // reading error, as in a JSON file; the row is kept with 0 points so that every other check still runs.
            if weight == nil, !requiresActuals {
                weight = .zero
                warnings.append(Diagnostic(.noWeight, .warning,
                    "no points (分值) are given; a table that is to be scored needs them on every row",
                    at: JSONPath.indicator(indicators.count).appending("weight")))
            }
            guard let points = weight else {
                problems.append(.init(row: row.line, column: index(.weight).map { $0 + 1 } ?? index(.name).map { $0 + 1 },
                    message: "no points for \(parsedName.text): give 分值, or write them in the name as （7分）"))
                continue
            }
            guard let categoryName = category, let parsedCategory = IndicatorCategory(parsing: categoryName) else {
                problems.append(.init(row: row.line, column: index(.category).map { $0 + 1 },
                    message: "no 一级指标 for \(parsedName.text), here or above"))
                continue
            }
            let unitCell = cell(.unit)
            let scoreText = cell(.score)
            var published: ExactDecimal?
            if !scoreText.isEmpty {
                published = Self.points(scoreText)
                if published == nil {
                    problems.append(.init(row: row.line, column: index(.score).map { $0 + 1 }, message: "得分 \"\(scoreText)\" is not a number"))
                }
            }
            let named = unitCell.isEmpty && parsedName.unit == nil
                ? Self.unitInName(parsedName.text, figures: [cell(.target), cell(.actual)]) : (text: parsedName.text, unit: parsedName.unit)
            let path = JSONPath.indicator(indicators.count)
            places.record(path, row: row.line)
            let fields: [(String, TableReader.Column)] = [("category", .category), ("subcategory", .subcategory), ("name", .name),
                ("weight", .weight), ("target", .target), ("actual", .actual), ("published", .score), ("unit", .unit),
                ("reason", .reason), ("basis", .basis), ("direction", .direction), ("judgement", .judgement)]
            for (field, column) in fields {
                if let position = index(column) { places.record(path.appending(field), row: row.line, column: position + 1) }
            }
            indicators.append(Indicator(
                category: parsedCategory, subcategory: subcategory.flatMap(IndicatorSubcategory.init(parsing:)),
                name: named.text, unit: unitCell.isEmpty ? named.unit : unitCell, weight: points,
                target: cell(.target), actual: cell(.actual).isEmpty ? nil : cell(.actual),
                direction: Indicator.Direction(rawValue: cell(.direction)), judgement: Indicator.Judgement(parsing: cell(.judgement)),
                reason: cell(.reason).isEmpty ? nil : cell(.reason), published: published,
                basis: cell(.basis).isEmpty ? nil : cell(.basis), goal: index(.goal) == nil ? nil : goal))
            if index(.goal) != nil {
                places.record(path.appending("goal"), row: row.line, column: index(.goal)! + 1)
                if goal == nil {
                    problems.append(.init(row: row.line, column: index(.goal)! + 1, message: "no 目标名称 for \(parsedName.text), here or above"))
                }
            }
            if requiresActuals, indicators.last?.actual == nil {
                problems.append(.init(row: row.line, column: index(.actual).map { $0 + 1 },
                    message: "no 实际完成值 for \(parsedName.text)"))
            }
        }
        if indicators.isEmpty, problems.isEmpty {
            problems.append(.init(row: header.line, column: nil, message: "no indicator rows under the header"))
        }
        let (givenPlanned, givenExecuted) = (meta.planned ?? defaults.planned, meta.executed ?? defaults.executed)
        budgetAssumed = givenPlanned == nil || givenExecuted == nil
        let planned = givenPlanned ?? (requiresActuals ? nil : .zero)
        let executed = givenExecuted ?? (requiresActuals ? nil : .zero)
        if planned == nil || executed == nil {
            problems.append(.init(row: rows.first?.line ?? 1, column: nil,
                message: "no budget block: add rows 预算数 and 执行数 (label, then value), or give --planned and --executed"))
        }
        guard let planned, let executed, problems.isEmpty else { return nil }
        var published: PublishedFigures?
        if publishedTotal != nil || meta.budgetScore != nil {
            published = PublishedFigures(total: publishedTotal, budget: meta.budgetScore)
        }
        var budget = BudgetExecution(planned: planned, executed: executed, initial: meta.initial, weight: meta.budgetWeight)
        budget.sources = meta.sources
        var rules = meta.rules.map(RuleProfileID.init(rawValue:))
        // A table that names no rule: the Ministry's form gives its budget row 10 points (财预〔2020〕10号).
        if rules == nil, meta.budgetWeight == 10 {
            rules = "mof-2020"
            warnings.append(Diagnostic(.rulesInferred, .note,
                "the budget row carries 10 points, as the Ministry's form does: the table is read as mof-2020's (name another with a 规则 row, or --rules)",
                at: JSONPath.root.appending("rules")))
        }
        // 主管部门; a form that names only its 实施单位 is grouped under it.
        var evaluation = Evaluation(title: meta.title, agency: meta.agency ?? meta.form.implementer, year: meta.year,
                                    kind: meta.kind ?? .project, rules: rules, budget: budget, indicators: indicators, published: published)
        evaluation.form = meta.form
        evaluation.goals = goals
        return evaluation
    }

    /// The budget block from the 预算执行 row of this package's CSV report: points, budget, executed amount and the
    /// printed score, each a number (the printed score may be blank).
    mutating func readReportBudget(_ row: CSVParser.Row, figures: [(text: String, column: Int?)], into meta: inout Metadata) {
        let names = ["分值", "预算数", "执行数", "表中得分"]
        var values: [ExactDecimal?] = []
        for (position, figure) in figures.enumerated() {
            let value = figure.text.isEmpty ? nil : Self.decimal(figure.text)
            if value == nil, !figure.text.isEmpty || position == 1 || position == 2 {
                problems.append(.init(row: row.line, column: figure.column.map { $0 + 1 },
                    message: "预算执行 \(names[position]) \"\(figure.text)\" is not a number"))
            }
            values.append(value)
        }
        meta.budgetWeight = values[0] ?? meta.budgetWeight
        meta.planned = values[1] ?? meta.planned
        meta.executed = values[2] ?? meta.executed
        meta.budgetScore = values[3] ?? meta.budgetScore
    }

    /// Records a goal's 目标权重 (`60`, `60%`) the first time the goal is named; a later row may repeat it or leave
    /// it blank, never give another.
    mutating func readGoalRatio(of name: String, from text: String, row: Int, column: Int?,
                                into goals: inout [Evaluation.Goal], firstRows: inout [String: Int]) {
        let ratio = text.isEmpty ? nil : Self.decimal(text)
        if !text.isEmpty, ratio == nil {
            problems.append(.init(row: row, column: column, message: "目标权重 \"\(text)\" is not a number (a percentage: 60 or 60%)"))
            return
        }
        if let known = goals.firstIndex(where: { $0.name == name }) {
            if let ratio, ratio != goals[known].ratio {
                problems.append(.init(row: row, column: column,
                    message: "目标权重 \(ratio.plainText) for \(name), which row \(firstRows[name] ?? row) gives \(goals[known].ratio.plainText)"))
            }
            return
        }
        guard let ratio else {
            problems.append(.init(row: row, column: column, message: "no 目标权重 for the goal \(name) on its first row"))
            return
        }
        goals.append(Evaluation.Goal(name: name, ratio: ratio))
        firstRows[name] = row
    }

    /// `清查季报（份）（4分）` → name `清查季报`, unit `份`, points 4. A bracketed unit is taken only just before a
    /// points mark, as the published tables print it; other brackets (`（工作时段）`) stay part of the name.
    ///
    /// Asked of every row's name. Where every scalar of the cell is a character of its own
    /// (``Swift/String/hasOneScalarPerCharacter``, and no CR that could join an LF) the cell is worked on scalar by
    /// scalar, which gives the same text as character by character at a fraction of the time (comparing characters
    /// was most of the time of reading a row); any other cell character by character.
    static func stripPoints(_ text: String) -> (text: String, unit: String?, points: ExactDecimal?) {
        // Most cells end in no bracket, and have nothing to strip but white space: settled by their scalars, without
        // the searches below.
        guard text.holdsAnyScalar(of: ")）") else { return (text.trimmingWhitespace, nil, nil) }
        if text.hasOneScalarPerCharacter, !text.utf8.contains(0x0D) {
            return stripPoints(text, split: { Array($0.unicodeScalars) }, join: String.init(scalars:))
        }
        return stripPoints(text, split: { Array($0) }, join: { String($0) })
    }

    /// The steps of ``stripPoints(_:)`` on a cell's characters or scalars (`split` makes them of a text, `join` a
    /// text of them).
    static func stripPoints<Element: Equatable & ExpressibleByUnicodeScalarLiteral>(
        _ text: String, split: (String) -> [Element], join: (ArraySlice<Element>) -> String
    ) -> (text: String, unit: String?, points: ExactDecimal?) {
        // Half-width brackets as full-width ones, one by one; a cell without them is as it is.
        var elements = split(text)
        if text.holdsAnyScalar(of: "()") {
            elements = elements.map { $0 == "(" ? "（" : $0 == ")" ? "）" : $0 }
        }
        var name = join(elements[...]).trimmingWhitespace
        elements = split(name)
        func lastGroup() -> (inside: String, start: Int)? {
            guard elements.last == "）", let open = elements.lastIndex(of: "（") else { return nil }
            return (join(elements[(open + 1)..<(elements.count - 1)]), open)
        }
        guard let pointsGroup = lastGroup(), pointsGroup.inside.hasSuffix("分"),
              let points = decimal(String(pointsGroup.inside.dropLast())) else {
            return (name, nil, nil)
        }
        name = join(elements[..<pointsGroup.start]).trimmingWhitespace
        elements = split(name)
        var unit: String?
        // A unit has no digits (`（2023年）` is no unit); 万 and 亿, which Unicode counts as numbers, are units' own
        // (`（亿条）`, `（万元）`).
        if let unitGroup = lastGroup(), !unitGroup.inside.isEmpty, unitGroup.inside.count <= 4,
           !TextValue.folded(unitGroup.inside).contains(where: { $0.isASCII && $0.isNumber }) {
            unit = unitGroup.inside
            name = join(elements[..<unitGroup.start]).trimmingWhitespace
        }
        return (name, unit, points)
    }

    /// `市民之家杂志期数（期）` over the target `4` → name `市民之家杂志期数`, unit `期`: the published form (and this
    /// package's own reports) print a row's unit in brackets after its name and the figures bare. The bracket is
    /// taken as the unit only when the target or the actual is a bare figure (`≥1800`, `7x24`) or prints that unit
    /// right after its figure (`≥80,000㎡`, `7x24小时`), so that a bracket the figures contradict (`（工作时段）` over `7x24小时`) or
    /// that no figure stands under (a qualitative row's `是`) stays part of the name.
    static func unitInName(_ name: String, figures: [String]) -> (text: String, unit: String?) {
        guard name.hasSuffix("）"), let open = name.lastIndex(of: "（") else { return (name, nil) }
        let inside = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        let unit = TextValue.folded(inside)
        guard !unit.isEmpty, unit.count <= 4, !unit.contains(where: { $0.isASCII && $0.isNumber }) else { return (name, nil) }
        func isBareFigure(_ text: Substring) -> Bool {
            let digits = text.drop { "≥≤><=".contains($0) }
            return digits.first?.isASCII == true && digits.first?.isNumber == true
                && digits.allSatisfy { ($0.isASCII && $0.isNumber) || ",.x×*".contains($0) }
        }
        let confirmed = figures.contains { figure in
            let folded = Substring(TextValue.folded(figure))
            return isBareFigure(folded) || (folded.hasSuffix(unit) && isBareFigure(folded.dropLast(unit.count)))
        }
        guard confirmed else { return (name, nil) }
        let text = String(name[..<open]).trimmingWhitespace
        return text.isEmpty ? (name, nil) : (text, inside)
    }

    /// Points as a 分值 or 得分 cell prints them: a number, or a number and 分 (`10分`, `9.5 分`).
    static func points(_ text: String) -> ExactDecimal? {
        var trimmed = text.trimmingWhitespace
        if trimmed.hasSuffix("分") { trimmed = String(trimmed.dropLast()).trimmingWhitespace }
        return decimal(trimmed)
    }

    /// A cell as an exact decimal: digits with optional separators, a trailing `%` dropped; full-width forms
    /// (`１００`, `９８．５`, `％`) read as their half-width ones.
    static func decimal(_ text: String) -> ExactDecimal? {
        var cleaned = TextValue.folded(text)
        // The thousands' commas dropped byte by byte (an ASCII byte is never part of another scalar's bytes): Foundation's
        // search was most of the time of reading a figure.
        if cleaned.utf8.contains(UInt8(ascii: ",")) { cleaned = String(decoding: cleaned.utf8.filter { $0 != UInt8(ascii: ",") }, as: UTF8.self) }
        if cleaned.hasSuffix("%") { cleaned.removeLast() }
        guard !cleaned.isEmpty, cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) else { return nil }
        return ExactDecimal(cleaned)
    }
}
