/// Score cards as an .xlsx workbook, one sheet per table, laid out like the Hubei 项目支出绩效自评表 so that a
/// finance bureau can file it and PerformanceKit can read it back.
///
/// Each sheet: the title and year; 项目名称, 主管部门, 实施单位 and 规则; 年度总体目标 (预期目标 / 实际完成情况) when the
/// table gives it; the budget block (年初预算数, 预算数（A）, 执行数（B）,
/// 执行率（B/A） as a percentage, 得分 recomputed, 表中得分 as the table printed it, 核对, 计算过程); the indicator
/// table in the same columns as the CSV report (一级 and 二级 written once and merged down their runs, 得分 recomputed
/// beside 表中得分, 核对 with the difference's kind, 偏差原因, 计算过程); 总分 with both totals and the grade; 填报人,
/// 联系电话 and 填报日期 under it. Figures
/// are numbers in their cells (a spreadsheet sums them); texts are inline strings. The archive is written by
/// ``ZipWriter`` (stored entries), the same bytes for the same cards.
package enum XLSXReport {
    /// The workbook of `cards`, each sheet named after its table (`name`, else the title), at most 31 characters,
    /// without the characters sheet names may not hold, and unique; `nil` when they are more than a workbook holds
    /// (``mostSheets``, or 4 GiB).
    package static func render(_ cards: [(name: String?, card: ScoreCard)]) -> [UInt8]? {
        var writer = Writer()
        for entry in cards {
            // Set aside in memory, which never fails.
            guard (try? writer.add(entry.card, name: entry.name)) == true else { return nil }
        }
        return try? writer.finish()
    }

    /// The most sheets a workbook can hold: a ZIP archive (without the ZIP64 extension, which ``ZipWriter`` does not
    /// write) holds at most 65,535 parts, and the workbook has five besides its sheets.
    package static let mostSheets = 65_535 - 5

    /// A workbook made a sheet at a time: each table's sheet is laid out as the table comes, and only its part (the
    /// sheet's XML, about 20 KB for a table of 20 rows) is kept, not the table; ``finish(into:)`` hands the archive
    /// on a part at a time.
    ///
    /// The parts that list the sheets (the content types, the workbook and its relationships) come first in the
    /// archive, as Excel writes them and as file-type detection (libmagic) looks for them, so the sheets wait until
    /// the last is known: set aside (``SetAsideBytes``) in memory, where a workbook takes about its own size while it
    /// is made, or in the place a program gives (`perfscore`: a temporary file), where it takes a name and a size a
    /// sheet.
    package struct Writer {
        /// The sheets' names, in order, and the size of each one's part, set aside.
        private var names: [String] = []
        private var sizes: [Int] = []
        private let aside: SetAsideBytes
        private var taken = SheetNames()
        /// The archive's size so far, its central directory counted.
        private var size = 0

        private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

        /// The most bytes the archive may take: ``ZipWriter/largestArchive``, less in tests.
        private let largest: Int

        /// A workbook with no sheet yet, whose sheets wait in `aside` until it is finished.
        package init(settingAside aside: SetAsideBytes = .inMemory()) {
            self.init(settingAside: aside, largest: ZipWriter.largestArchive)
        }

        /// A workbook of at most `largest` bytes (a test's small bound).
        init(settingAside aside: SetAsideBytes = .inMemory(), largest: Int) {
            self.aside = aside
            self.largest = largest
        }

        /// How many sheets the workbook has.
        package var sheetCount: Int { names.count }

        /// Adds a table's sheet, named after `name`, else its title; `false` when the workbook has no room for it
        /// (``XLSXReport/mostSheets`` sheets, or 4 GiB with the parts that list the sheets).
        ///
        /// - Throws: why the sheet could not be set aside.
        package mutating func add(_ card: ScoreCard, name: String?) throws -> Bool {
            let (rows, merges) = XLSXReport.sheet(card)
            return try add(name: name ?? card.evaluation.title ?? "", rows: rows, merges: merges, leading: card.goals.isEmpty ? 0 : 2)
        }

        /// Adds a sheet of rows of cells and merged ranges (`A1:K1`), named as ``SheetNames/name(for:position:)``
        /// allows; `leading` columns (the goal columns of goal-ratio mode) stand before the form's.
        mutating func add(name: String, rows: [[Cell]], merges: [String], leading: Int) throws -> Bool {
            guard names.count < XLSXReport.mostSheets else { return false }
            let part = Array((Self.declaration + XLSXReport.worksheet(rows, merges: merges, leading: leading)).utf8)
            let cost = ZipWriter.cost(nameCount: Self.partName(names.count).utf8.count, contentsCount: part.count)
            // The parts that list the sheets take well under 1 KB a sheet (a name is at most 31 characters).
            guard size + cost + 64 * 1024 + (names.count + 1) * 1024 <= largest else { return false }
            try aside.put(part)
            names.append(taken.name(for: name, position: names.count))
            sizes.append(part.count)
            size += cost
            return true
        }

        /// The workbook whole.
        ///
        /// - Throws: why a sheet set aside could not be taken back.
        package consuming func finish() throws -> [UInt8] {
            var bytes: [UInt8] = []
            try finish { bytes += $0 }
            return bytes
        }

        /// The workbook, handed to `write` a part or a few at a time, in order: the parts that list the sheets, then
        /// each sheet taken back from where it was set aside.
        ///
        /// - Throws: why a sheet set aside could not be taken back.
        package consuming func finish(into write: ([UInt8]) -> Void) throws {
            var zip = ZipWriter()
            let package = "http://schemas.openxmlformats.org/package/2006"
            let office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
            let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
            // Each part built as bytes, a sheet's line at a time, and handed on at once: a list of 60,000 sheets made
            // as strings, joined and copied, took tens of megabytes.
            func part(_ name: String, _ head: String, each line: ((Int) -> String)? = nil, _ tail: String) {
                var bytes = Array((Self.declaration + head).utf8)
                if let line { for index in names.indices { bytes += line(index).utf8 } }
                bytes += tail.utf8
                zip.add(name, bytes)
                write(zip.takeWritten())
            }
            part("[Content_Types].xml", "<Types xmlns=\"\(package)/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>",
                each: { "<Override PartName=\"/\(Self.partName($0))\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" },
                "</Types>")
            part("_rels/.rels", "<Relationships xmlns=\"\(package)/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"\(office)/officeDocument\" Target=\"xl/workbook.xml\"/>", "</Relationships>")
            part("xl/workbook.xml", "<workbook xmlns=\"\(main)\" xmlns:r=\"\(office)\"><sheets>",
                 each: { [names] in "<sheet name=\"\(escape(names[$0]))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }, "</sheets></workbook>")
            part("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"\(package)/relationships\">",
                 each: { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(office)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" },
                 "<Relationship Id=\"rId\(names.count + 1)\" Type=\"\(office)/styles\" Target=\"styles.xml\"/></Relationships>")
            part("xl/styles.xml", styles(main), "")
            for (index, size) in sizes.enumerated() {
                zip.add(Self.partName(index), try aside.take(size))
                write(zip.takeWritten())
            }
            write(zip.finish())
        }

        /// The name of the part of the sheet at `index`.
        private static func partName(_ index: Int) -> String {
            "xl/worksheets/sheet\(index + 1).xml"
        }
    }

    /// The cell styles of ``styles(_:)``, by index.
    enum Style: Int {
        case plain = 0, bold, percent, wrapped, title
    }

    /// A cell of a sheet row.
    enum Cell {
        case text(String, Style = .plain)
        case figure(ExactDecimal, Style = .plain)
        case empty
    }

    /// The rows and merged ranges of one table's sheet.
    static func sheet(_ card: ScoreCard) -> (rows: [[Cell]], merges: [String]) {
        let evaluation = card.evaluation
        let printed = PrintedBeside(card)
        var rows: [[Cell]] = []
        var merges: [String] = []
        let width = 11 + (card.goals.isEmpty ? 0 : 2)
        let head = FormLayout.head(card)
        rows.append([.text(head.title, .title)])
        merges.append("A1:\(CellPlaces.letters(width))1")
        rows.append([.text(head.year, .bold)])
        merges.append("A2:\(CellPlaces.letters(width))2")
        for (label, value) in head.labelled {
            rows.append([.text(label, .bold), .text(value)])
            merges.append("B\(rows.count):\(CellPlaces.letters(width))\(rows.count)")
        }
        if evaluation.form.expectedGoal != nil || evaluation.form.achievedGoal != nil {
            rows.append([.text("年度总体目标", .bold), .text("预期目标", .bold), .empty, .empty, .empty, .empty, .text("实际完成情况", .bold)])
            rows.append([.empty, .text(evaluation.form.expectedGoal ?? "", .wrapped), .empty, .empty, .empty, .empty,
                         .text(evaluation.form.achievedGoal ?? "", .wrapped)])
            merges.append("B\(rows.count - 1):F\(rows.count - 1)")
            merges.append("G\(rows.count - 1):\(CellPlaces.letters(width))\(rows.count - 1)")
            merges.append("B\(rows.count):F\(rows.count)")
            merges.append("G\(rows.count):\(CellPlaces.letters(width))\(rows.count)")
        }
        rows.append([])
        let budget = card.budget
        rows.append([.text("预算执行情况（万元）（\(budget.weight.scoreText())分）", .bold), .text("年初预算数", .bold), .text("预算数（A）", .bold),
                     .text("执行数（B）", .bold), .text("执行率（B/A）", .bold), .text("得分", .bold), .text("表中得分", .bold),
                     .text("核对", .bold), .text("计算过程", .bold)])
        let budgetCheck = printed.check(evaluation.published?.budget, at: "published.budget")
        rows.append([.text("年度财政资金总额"), budget.initial.map { .figure($0) } ?? .empty, .figure(budget.planned), .figure(budget.executed),
                     budget.rate.map { .figure($0, .percent) } ?? .text("—"), .figure(RoundingRule(scale: 2).round(budget.score)),
                     evaluation.published?.budget.map { .figure($0) } ?? .empty, .text(budgetCheck.check), .text(budget.explanation, .wrapped)])
        rows.append([])
        // Goal-ratio mode: 目标名称 and 目标权重（%） lead the indicator table, written once for each goal's run of
        // rows and merged down it, as 一级 and 二级 are.
        let goalRatios = Dictionary(evaluation.goals.map { ($0.name, $0.ratio) }, uniquingKeysWith: { first, _ in first })
        let leading: [String] = card.goals.isEmpty ? [] : ["目标名称", "目标权重（%）"]
        let merged = leading.indices.map { CellPlaces.letters($0 + 1) } + [CellPlaces.letters(leading.count + 1), CellPlaces.letters(leading.count + 2)]
        rows.append((leading + CSVReport.header.prefix(11)).map { .text($0, .bold) })
        let first = rows.count + 1
        var previous: (goal: String, category: String, subcategory: String)?
        var runs: [(column: String, start: Int)] = merged.map { ($0, first) }
        for (offset, row) in card.indicators.enumerated() {
            let line = first + offset
            let goal = row.indicator.goal ?? ""
            let category = row.category.rawValue
            let subcategory = row.subcategory?.rawValue ?? ""
            let newGoal = previous?.goal != goal
            let newCategory = newGoal || previous?.category != category
            let newSubcategory = newCategory || previous?.subcategory != subcategory
            // A run of the same goal, 一级 or 二级 is written once and merged down.
            let starts = (leading.isEmpty ? [] : [newGoal, newGoal]) + [newCategory, newSubcategory]
            for (position, starting) in starts.enumerated() where starting && line > runs[position].start {
                if line - 1 > runs[position].start { merges.append("\(runs[position].column)\(runs[position].start):\(runs[position].column)\(line - 1)") }
                runs[position].start = line
            }
            previous = (goal, category, subcategory)
            let check = printed.check(row.published, at: row.path.appending("published").description)
            let goalCells: [Cell] = leading.isEmpty ? [] : newGoal
                ? [.text(goal), goalRatios[goal].map { .figure($0) } ?? .empty] : [.empty, .empty]
            rows.append(goalCells + [newCategory ? .text(category) : .empty, newSubcategory ? .text(subcategory) : .empty, .text(row.printedName),
                         .figure(row.weight), .text(row.target), .text(row.actual ?? ""),
                         row.score.map { .figure(RoundingRule(scale: 2).round($0)) } ?? .empty, row.published.map { .figure($0) } ?? .empty,
                         .text(check.check), .text(row.indicator.reason ?? "", .wrapped), .text(row.explanation, .wrapped)])
        }
        let end = first + card.indicators.count
        for run in runs where end - 1 > run.start { merges.append("\(run.column)\(run.start):\(run.column)\(end - 1)") }
        let totalCheck = printed.check(evaluation.published?.total, at: "published.total")
        // In goal-ratio mode the total is the budget's score and each goal's weighted score: shown under 计算过程.
        let goalsWorking = FormLayout.goalTotalWorking(card).map { total in
            (card.goals.map { "\($0.name)：\($0.explanation)" } + [total]).joined(separator: "\n")
        } ?? ""
        rows.append([.text("总分", .bold)] + Array(repeating: Cell.empty, count: leading.count + 2) + [.figure(card.maximum),
                     .empty, .empty, card.total.map { .figure($0, .bold) } ?? .empty, evaluation.published?.total.map { .figure($0) } ?? .empty,
                     .text(totalCheck.check), .text(card.grade.map { "等级 \($0)" } ?? ""), .text(goalsWorking, .wrapped)])
        let footer = [("填报人", evaluation.form.preparer), ("联系电话", evaluation.form.telephone), ("填报日期", evaluation.form.filedOn)]
            .compactMap { label, value in value.map { Cell.text("\(label)：\($0)") } }
        if !footer.isEmpty {
            rows.append([])
            rows.append(footer.flatMap { [$0, .empty, .empty] })
        }
        return (rows, merges)
    }

    /// The worksheet part of rows of cells: columns wide enough for the form (after `leading` columns of 14),
    /// figures as numbers, texts inline.
    static func worksheet(_ rows: [[Cell]], merges: [String], leading: Int = 0) -> String {
        var xml = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        let widths = (leading > 0 ? [(1, leading, 14)] : []) + [(1, 2, 14), (3, 3, 36), (4, 9, 12), (10, 11, 40)].map { ($0.0 + leading, $0.1 + leading, $0.2) }
        xml += "<cols>" + widths.map { "<col min=\"\($0.0)\" max=\"\($0.1)\" width=\"\($0.2)\" customWidth=\"1\"/>" }.joined() + "</cols>"
        xml += "<sheetData>"
        for (index, cells) in rows.enumerated() where !cells.isEmpty {
            xml += "<row r=\"\(index + 1)\">"
            for (column, cell) in cells.enumerated() {
                let reference = CellPlaces.letters(column + 1) + String(index + 1)
                switch cell {
                case .empty: continue
                case .text(let text, let style):
                    guard !text.isEmpty else { continue }
                    xml += "<c r=\"\(reference)\"\(style == .plain ? "" : " s=\"\(style.rawValue)\"") t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
                case .figure(let value, let style):
                    xml += "<c r=\"\(reference)\"\(style == .plain ? "" : " s=\"\(style.rawValue)\"")><v>\(value.plainText)</v></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !merges.isEmpty { xml += "<mergeCells count=\"\(merges.count)\">" + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>" }
        return xml + "</worksheet>"
    }

    /// Fonts (plain, bold, the title's), the two fills every workbook has, one border, and the cell formats of ``Style``.
    static func styles(_ main: String) -> String {
        "<styleSheet xmlns=\"\(main)\"><fonts count=\"3\"><font><sz val=\"11\"/><name val=\"等线\"/><charset val=\"134\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"等线\"/><charset val=\"134\"/></font><font><b/><sz val=\"16\"/><name val=\"等线\"/><charset val=\"134\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"5\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
            + "<xf numFmtId=\"10\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf>"
            + "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\"/></xf>"
            + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
    }

    /// Text for an XML part: the characters markup uses escaped (as in HTML), and the control characters XML 1.0
    /// does not allow left out (line breaks and tabs kept).
    static func escape(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar.value >= 0x20 || scalar == "\n" || scalar == "\t" { kept.append(scalar) }
        return HTMLReport.escape(String(kept))
    }
}
