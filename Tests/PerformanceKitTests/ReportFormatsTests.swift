import Foundation
import Testing
@testable import PerformanceKit
@testable import perfscore

@Suite("Report formats")
struct ReportFormatsTests {
    static let example = "examples/wuhan-2023/03-zhengwu-fuwu.json"

    @Test func pinsTheMarkdownReport() throws {
        try assertGolden(runPerfscore(["--format", "markdown", Self.example]).output, named: "pinsTheMarkdownReport.md")
    }

    @Test func pinsTheCSVReport() throws {
        let output = runPerfscore(["--format", "csv", Self.example]).output
        try assertGolden(output, named: "pinsTheCSVReport.csv")
        #expect(output.hasPrefix("\u{FEFF}项目支出绩效自评表,,,,,,,,,,,\r\n（2023年度）,,,,,,,,,,,\r\n项目名称,政务服务和政务公开能力建设运行费,"))
        #expect(output.contains("\r\n规则,wuhan-2023,,,,,,,,,,\r\n,,,,,,,,,,,\r\n一级指标,二级指标,三级指标,分值,年初目标值,实际完成值,得分,表中得分,核对,偏差原因,计算过程,等级\r\n"))
        // Several tables: one byte-order mark, at the start.
        let two = runPerfscore(["--format", "csv", Self.example, Self.example]).output
        #expect(two.filter { $0 == "\u{FEFF}" }.count == 1)
    }

    @Test func pinsTheHTMLReport() throws {
        let output = runPerfscore(["--format", "html", Self.example]).output
        try assertGolden(output, named: "pinsTheHTMLReport.html")
        #expect(output.contains("<td rowspan=\"8\">数量指标<br>（21分）</td>"))
        #expect(output.contains("<svg"))
        #expect(!output.contains("http://") || output.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!output.contains("<script") && !output.contains("<link") && !output.contains("src="))
    }

    /// The CSV report reads back (its 预算执行 row is the budget block): the four seed tables and the goal-weighted
    /// 部门整体 example score the same, row for row, and their printed figures still agree.
    @Test(arguments: ["examples/wuhan-2023/01-xingzheng-yunxing.json", "examples/wuhan-2023/02-shiminzhijia-dalou.json",
                      "examples/wuhan-2023/03-zhengwu-fuwu.json", "examples/wuhan-2023/04-zhihui-chengshi.json",
                      "examples/constructed/department-goal-ratios.json"])
    func readsTheCSVReportBackToTheSameScores(example: String) throws {
        let card = try Fixtures.scoreExample(example)
        let table = try TableReader().read(Array(CSVReport.render(card).utf8))
        let again = try Evaluator().evaluate(table.evaluation, warnings: table.warnings)
        #expect(again.total == card.total)
        #expect(again.budget.score == card.budget.score)
        #expect(again.budget.weight == card.budget.weight)
        #expect(again.indicators.map(\.score) == card.indicators.map(\.score))
        #expect(again.evaluation.indicators.map(\.name) == card.evaluation.indicators.map(\.name))
        #expect(again.evaluation.indicators.map(\.goal) == card.evaluation.indicators.map(\.goal))
        #expect(again.evaluation.goals == card.evaluation.goals)
        #expect(again.evaluation.published?.budget == card.evaluation.published?.budget)
        #expect(again.evaluation.published?.total == card.evaluation.published?.total)
        #expect(again.verification?.agrees != false)
        // The form's head: the same project under the same rule.
        #expect(again.profile.id == card.profile.id)
        #expect(again.evaluation.title == card.evaluation.title)
        #expect(again.evaluation.agency == card.evaluation.agency)
        #expect(again.evaluation.year == card.evaluation.year)
        #expect(again.evaluation.kind == card.evaluation.kind)
    }

    /// Points finer than the printed scores (`79.984`, which lint and scoring warn of) are printed in the 分值 column
    /// as the table gives them, in every format, as the explanation beside them uses them: rounded (`79.98`), the
    /// column disagreed with `79.984 × 10 ÷ 10 = 79.98`, and the CSV read back as other points, scoring another total.
    @Test func printsPointsAsGiven() throws {
        let card = try Evaluator().evaluate(evaluation([
            row("≥10", "10", weight: "79.984", category: .output, name: "甲"),
            row("≥90%", "95%", weight: "0.016", category: .satisfaction, subcategory: .serviceRecipientSatisfaction, name: "乙"),
        ]))
        let text = TextReport().render(card, file: "t.json")
        let lines = text.split(separator: "\n")
        #expect(lines.contains { $0.contains(" 甲 ") && $0.hasSuffix(" 79.984  ≥10         10          79.98") })
        #expect(lines.contains { $0.contains("小计 满意度指标") && $0.contains(" 0.016 ") })
        #expect(MarkdownReport.render(card).contains("| 甲 | 79.984 | ≥10 | 10 | 79.98 |"))
        #expect(HTMLReport.render(card).contains("<td class=\"number\">0.016</td>"))
        let csv = CSVReport.render(card)
        #expect(csv.contains("产出指标,数量指标,甲,79.984,≥10,10,79.98,"))
        let table = try TableReader().read(Array(csv.utf8))
        #expect(table.evaluation.indicators.map(\.weight) == [ExactDecimal("79.984"), ExactDecimal("0.016")])
        let again = try Evaluator().evaluate(table.evaluation, warnings: table.warnings)
        #expect(again.total == card.total)
    }

    /// The CSV names the rule that scored it: a 10-point budget row alone reads as mof-2020's, so jiangxi's and
    /// mof-2020-linear's tables read back under the wrong rule before the sheet had a 规则 row.
    @Test(arguments: ["jiangxi", "mof-2020-linear", "mof-2020", "wuhan-2023"])
    func readsTheCSVReportBackUnderTheRuleThatScoredIt(rule: String) throws {
        var evaluation = try EvaluationReader().read(try Fixtures.bytes("examples/wuhan-2023/04-zhihui-chengshi.json")).evaluation
        evaluation.rules = RuleProfileID(rawValue: rule)
        let card = try Evaluator().evaluate(evaluation)
        let table = try TableReader().read(Array(CSVReport.render(card).utf8))
        let again = try Evaluator().evaluate(table.evaluation, warnings: table.warnings)
        #expect(again.profile.id.rawValue == rule)
        #expect(again.total == card.total)
        #expect(again.indicators.map(\.score) == card.indicators.map(\.score))
        #expect(!again.diagnostics.contains { $0.code == .rulesInferred })
    }

    /// The Markdown and HTML reports of a goal-weighted table say how its total follows from the goals: their
    /// categories alone add up to 158.48 + 19.2, not the 98.46 printed under them.
    @Test func showHowAGoalWeightedTotalIsReached() throws {
        let example = "examples/constructed/department-goal-ratios.json"
        let markdown = runPerfscore(["--format", "markdown", example]).output
        #expect(markdown.contains("| 年度目标1 | 60% | 80 | 47.62 | 79.37 × 60 ÷ 100 = 47.62 |\n| 年度目标2 | 40% | 80 | 31.64 | 79.11 × 40 ÷ 100 = 31.64 |"))
        #expect(markdown.contains("总分 = 预算执行 + 各目标加权得分：19.2 + 47.62 + 31.64 = 98.46"))
        let html = runPerfscore(["--format", "html", example]).output
        #expect(html.contains("<h1>部门整体支出绩效自评表</h1>") || html.contains("部门整体支出绩效自评表"))
        #expect(html.contains("<tr><td>年度目标2</td><td class=\"number\">40%</td><td class=\"number\">80</td><td class=\"number\">31.64</td><td>79.11 × 40 ÷ 100 = 31.64</td></tr>"))
        #expect(html.contains("<td>19.2 + 47.62 + 31.64 = 98.46</td>"))
        // Each goal's rows under its heading, with that goal's subtotals: 产出指标 is 50 under 年度目标1 and 60 under
        // 年度目标2, never the 110 of both (no figure of the form).
        #expect(markdown.contains("| **年度目标1（目标权重 60%）** | | | | | | | | | |\n| 产出指标 | 数量指标 | 年均租赁服务面积 | 30 |"))
        #expect(markdown.contains("| | | **小计 产出指标** | **50** | | | **49.37** |"))
        #expect(markdown.contains("| | | **小计 产出指标** | **60** | | | **59.11** |"))
        #expect(!markdown.contains("**110**"))
        #expect(html.contains("<tr class=\"goal\"><th colspan=\"10\">年度目标2（目标权重 40%）</th></tr>\n<tr><td rowspan=\"3\">产出指标<br>（60分）</td>"))
        // A table without goals has no such block.
        #expect(!runPerfscore(["--format", "markdown", Self.example]).output.contains("绩效目标"))
        #expect(!runPerfscore(["--format", "html", Self.example]).output.contains("table class=\"goals\""))
        #expect(!runPerfscore(["--format", "html", Self.example]).output.contains("<tr class=\"goal\">"))
    }

    @Test func writesTheGoalColumnsOfAGoalWeightedTable() throws {
        let card = try Fixtures.scoreExample("examples/constructed/department-goal-ratios.json")
        let lines = CSVReport.render(card).split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("\u{FEFF}部门整体支出绩效自评表,"))
        let header = try #require(lines.firstIndex { $0.hasPrefix("目标名称,") })
        #expect(lines[header].hasPrefix("目标名称,目标权重（%）,一级指标,"))
        #expect(lines[header + 2].hasPrefix("年度目标1,60,产出指标,数量指标,年均租赁服务面积,30,"))
        #expect(lines[lines.count - 2].hasPrefix(",,总分,,,100,,,98.46,98.46,agrees"))
    }

    @Test func escapesWhatHTMLAndMarkdownTreatSpecially() {
        #expect(HTMLReport.escape("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
        #expect(MarkdownReport.cell("a|b\\c\nd") == "a\\|b\\\\c d")
        // A reason saved on Windows (CRLF), or with a lone CR, stays on its row: a CR ended the row in a renderer.
        #expect(MarkdownReport.cell("第一行\r\n第二行\r第三行") == "第一行 第二行 第三行")
        #expect(MarkdownReport.cell("市民之家杂志期数") == "市民之家杂志期数")
        #expect(CSVReport.field("a,\"b\"", separator: ",") == "\"a,\"\"b\"\"\"")
        #expect(CSVReport.field("a\tb", separator: "\t") == "\"a\tb\"")
        #expect(CSVReport.field("第一行\r\n第二行", separator: ",") == "\"第一行\r\n第二行\"")
        #expect(CSVReport.field("a\tb", separator: ",") == "a\tb")
        #expect(CSVReport.field("甲；乙", separator: "；") == "\"甲；乙\"")
        #expect(CSVReport.field("甲;乙", separator: "；") == "甲;乙")
    }

    @Test func writesAReportAtomicallyAndNeverOverAGoodOneOnFailure() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("report.html").path
        let runner = CommandRunner(environment: .init(readFile: { try Fixtures.bytes($0) }, readStandardInput: { [] },
                                                      writeOutput: { _ in }, writeError: { _ in }))
        #expect(runner.run(["--format", "html", "-o", path, Self.example]) == .success)
        let good = try String(contentsOfFile: path, encoding: .utf8)
        #expect(good.contains("99.75"))
        let broken = CommandRunner(environment: .init(readFile: { _ in Array("{".utf8) }, readStandardInput: { [] },
                                                      writeOutput: { _ in }, writeError: { _ in }))
        #expect(broken.run(["--format", "html", "-o", path, "broken.json"]) == .unusable)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == good)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(leftovers == ["report.html"])
    }

    @Test func refusesSeveralFilesOnOneHTMLPage() {
        let result = runPerfscore(["--format", "html", Self.example, Self.example])
        #expect(result.status == .unusable)
    }
}

@Suite("Spreadsheet tables (CSV, TSV)")
struct SpreadsheetTests {
    /// Header cells as the forms print them, full-width and half-width, with the form's column marks and spaces.
    @Test(arguments: [
        ("年初目标值（A）", "年初目标值"), ("实际完成值 (B)", "实际完成值"), ("预算数（A）", "预算数"),
        ("执行率（B/A）", "执行率"), ("得分（分×执行率）", "得分"), ("分值（10分）", "分值"), ("三 级 指 标", "三级指标"),
        ("（A）年初目标值", "年初目标值"), ("年初目标值(A)备注", "年初目标值备注"), ("（（A）B）", ""), ("(A", "(A"),
    ])
    func normalizesHeaderCells(_ cell: String, _ normalized: String) {
        #expect(TableReading.normalizedHeader(cell) == normalized)
    }

    /// A cell worked on scalar by scalar (the forms' text) reads as it would character by character; a cell with
    /// scalars that join their neighbours (a combining mark, CR LF, a joiner) is read character by character.
    @Test func normalizesHeaderCellsScalarByScalarAsCharacterByCharacter() {
        #expect("年初目标值（A）\r\n≥95%，“是”①℃".hasOneScalarPerCharacter)
        #expect(!"e\u{301}".hasOneScalarPerCharacter)
        #expect(!"指\u{200D}标".hasOneScalarPerCharacter)
        #expect(!"ﾃﾞ".hasOneScalarPerCharacter)
        // A space with a combining mark is one white-space character, dropped whole; the mark is kept after a letter.
        #expect(TableReading.normalizedHeader("三级 \u{301}指标") == "三级指标")
        #expect(TableReading.normalizedHeader("分值\u{301}（10分）") == "分值\u{301}")
        #expect(TableReading.normalizedHeader("年初目标值\r\n（A）") == "年初目标值")
        // Every scalar of the blocks the scalar path takes, after a space (which a joining scalar would join), as
        // character by character; and the scalars around them.
        let ranges: [ClosedRange<UInt32>] = [0...0x3FF, 0x2000...0x206F, 0x2100...0x27BF, 0x3000...0x303F, 0x3400...0x4DBF,
                                             0x4E00...0x9FFF, 0xFF00...0xFFEF]
        var differing: [UInt32] = []
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var cell = "甲 "
            cell.unicodeScalars.append(scalar)
            cell += "乙"
            let expected = String(cell.filter { !$0.isWhitespace })
            if TableReading.normalizedHeader(cell) != expected { differing.append(value) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(10).map { String($0, radix: 16) })")
        #expect(TableReading.normalizedHeader("偏差原因分析及改进措施：" + String(repeating: "因疫情影响，仅完成3期。", count: 40)).hasPrefix("偏差原因分析及改进措施："))
    }

    static let pairs = [
        ("examples/spreadsheets/03-zhengwu-fuwu.csv", "examples/wuhan-2023/03-zhengwu-fuwu.json"),
        ("examples/spreadsheets/01-xingzheng-yunxing-gb18030.csv", "examples/wuhan-2023/01-xingzheng-yunxing.json"),
        ("examples/spreadsheets/02-shiminzhijia-dalou.tsv", "examples/wuhan-2023/02-shiminzhijia-dalou.json"),
        ("examples/spreadsheets/04-zhihui-chengshi.tsv", "examples/wuhan-2023/04-zhihui-chengshi.json"),
    ]

    @Test(arguments: pairs)
    func readsAnExportedTableBackToTheSameScores(_ sheet: String, _ json: String) throws {
        let separator: TableReader.Separator = sheet.hasSuffix(".tsv") ? .tab : .comma
        let table = try TableReader(separator: separator).read(try Fixtures.bytes(sheet))
        let fromSheet = Scorer(profile: .wuhan2023).score(table.evaluation)
        let fromJSON = try Fixtures.scoreExample(json)
        #expect(fromSheet.total == fromJSON.total)
        #expect(fromSheet.total == fromSheet.evaluation.published?.total)
        #expect(fromSheet.indicators.map(\.score) == fromJSON.indicators.map(\.score))
        #expect(fromSheet.indicators.map(\.name) == fromJSON.indicators.map(\.name))
        #expect(fromSheet.indicators.map(\.weight) == fromJSON.indicators.map(\.weight))
        #expect(fromSheet.budget.score == fromJSON.budget.score)
    }

    /// `text` as Excel's and WPS's Unicode 文本 saves it: UTF-16 with its byte-order mark, little-endian unless asked.
    static func unicodeText(_ text: String, bigEndian: Bool = false) -> [UInt8] {
        (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + text.utf16.flatMap { unit -> [UInt8] in
            bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
    }

    /// Excel's and WPS's "Unicode 文本" is UTF-16 (little-endian, with its byte-order mark) and tab-separated: a seed
    /// table saved so reads back to its scores, big-endian too; named .csv, it is refused with the way to read it; a
    /// UTF-16 file cut in the middle of a character is refused in words. They read as "neither UTF-8 nor GB18030".
    @Test func readsATableSavedAsUnicodeText() throws {
        let text = String(decoding: try Fixtures.bytes("examples/spreadsheets/02-shiminzhijia-dalou.tsv"), as: UTF8.self)
        let little = Self.unicodeText(text)
        let big = Self.unicodeText(text, bigEndian: true)
        let expected = try Fixtures.scoreExample("examples/wuhan-2023/02-shiminzhijia-dalou.json")
        for bytes in [little, big] {
            let table = try TableReader(separator: .tab).read(bytes)
            let card = Scorer(profile: .wuhan2023).score(table.evaluation)
            #expect(card.total == expected.total)
            #expect(card.indicators.map(\.score) == expected.indicators.map(\.score))
        }
        func refusal(_ bytes: [UInt8], _ separator: TableReader.Separator) -> String {
            do { _ = try TableReader(separator: separator).read(bytes); return "read" } catch { return error.problems.map(\.message).joined() }
        }
        #expect(refusal(little, .comma).hasSuffix("; the header's cells are separated by tabs (as Excel's Unicode text is): name the file .tsv or give --input tsv"))
        #expect(refusal(Array(little.dropLast()), .tab) == "the file starts as UTF-16 but is not UTF-16 throughout; save it as CSV UTF-8 (逗号分隔) from the spreadsheet")
    }

    /// Excel saves its text forms with the extension .txt: 文本文件（制表符分隔） (tabs, in the system's code page) and
    /// Unicode 文本 (tabs, UTF-16). Named so, they read as the tables they are; they were read as a disclosure's text
    /// and refused as "no table found", though --input tsv read them. A disclosure's text still reads as one, and a
    /// text with tabs but no table says it was read as one with tabs.
    @Test func readsATableSavedFromExcelAsText() throws {
        let text = String(decoding: try Fixtures.bytes("examples/spreadsheets/02-shiminzhijia-dalou.tsv"), as: UTF8.self)
        let little = Self.unicodeText(text)
        for bytes in [Array(text.utf8), little] {
            let result = runPerfscore(["saved.txt"], files: ["saved.txt": bytes])
            #expect(result.status == .success)
            #expect(result.output.contains("总分 100（满分 100）  等级 优"))
            #expect(result.output == runPerfscore(["--input", "tsv", "saved.txt"], files: ["saved.txt": bytes]).output)
        }
        // extract reads disclosures; it names the command that converts such a file.
        let extracted = runPerfscore(["extract", "saved.txt"], files: ["saved.txt": little])
        #expect(extracted.status == .unusable)
        #expect(extracted.error == "perfscore: saved.txt: no table found: expected a 项目支出绩效自评表, a 项目自评结果（摘要版） or a 绩效目标表; the file is a table saved as text with tabs between cells: perfscore convert saved.txt writes its JSON\n")
        #expect(runPerfscore(["convert", "saved.txt"], files: ["saved.txt": little]).output.contains("\"title\": \"市民之家大楼运行维护费\""))
        let disclosure = runPerfscore(["verify", "examples/disclosures/001_56ba69dbb77db55d.txt"])
        #expect(disclosure.status == .success)
        let tabs = runPerfscore(["tabs.txt"], files: ["tabs.txt": "项目\t金额\n甲\t1\n"])
        #expect(tabs.status == .unusable)
        #expect(tabs.error.hasPrefix("perfscore: tabs.txt: no disclosure's table found; read as a table with a tab between cells, as most of its lines hold one:\nperfscore: tabs.txt: row 1: no header row"))
        let notes = runPerfscore(["notes.txt"], files: ["notes.txt": "会议纪要\n下周再议\n"])
        #expect(notes.error == "perfscore: notes.txt: no table found: expected a 项目支出绩效自评表, a 项目自评结果（摘要版） or a 绩效目标表\n")
    }

    /// Two tables stacked in one file or sheet, as some units keep their projects, are read as two, each from its
    /// title rows and 项目名称 (or its budget block) on, named by its rows (`FILE[rows 6-10]`). They were merged
    /// into one table: the second's title and budget, both tables' rows, 总分 130 of 180, 优, exit 0. The reader of
    /// one table refuses them, naming the row where the second starts.
    /// Stacked tables are found in windows of rows that double until the next table starts in one: a first table
    /// longer than the first window (600 rows), a short one under it and a long one last read as three, each whole.
    @Test func readsLongTablesStackedInOneFile() throws {
        func table(_ title: String, rows: Int) -> String {
            "项目支出绩效自评表\n项目名称,\(title)\n预算数,100\n执行数,100\n一级指标,二级指标,三级指标,分值,年初目标值,实际完成值\n"
                + (0..<rows).map { "产出指标,数量指标,指标\($0),0.125,≥1,1\n" }.joined() + "填报人：张三\n"
        }
        let stacked = table("甲项目", rows: 600) + table("乙项目", rows: 2) + table("丙项目", rows: 700)
        let tables = try TableReader().readTables(Array(stacked.utf8), form: .delimited(.comma))
        #expect(tables.map(\.sheet) == ["rows 1-606", "rows 607-614", "rows 615-1320"])
        #expect(tables.map(\.result.evaluation.title) == ["甲项目", "乙项目", "丙项目"])
        #expect(tables.map(\.result.evaluation.indicators.count) == [600, 2, 700])
    }

    @Test func readsTablesStackedInOneFileAsSeveral() throws {
        let table = { (title: String, planned: Int, name: String, actual: Int) in
            "项目支出绩效自评表\n（2024年度）\n项目名称,\(title)\n预算数,\(planned)\n执行数,90\n"
                + "一级指标,二级指标,三级指标,分值,年初目标值,实际完成值\n产出指标,数量指标,\(name),80,≥10,\(actual)\n填报人：张三\n"
        }
        let stacked = table("甲项目", 100, "培训次数", 10) + table("乙项目", 200, "会议次数", 5)
        let tables = try TableReader().readTables(Array(stacked.utf8), form: .delimited(.comma))
        #expect(tables.map(\.sheet) == ["rows 1-8", "rows 9-16"])
        #expect(tables.map(\.result.evaluation.title) == ["甲项目", "乙项目"])
        #expect(tables.map(\.result.evaluation.budget.planned) == [100, 200])
        #expect(tables.map { $0.result.evaluation.indicators.map(\.name) } == [["培训次数"], ["会议次数"]])
        #expect(tables[1].result.places.describe(.indicator(0).appending("actual")) == "row 15, column 6 (indicators[0].actual)")
        let scored = tables.map { Scorer(profile: .wuhan2023).score($0.result.evaluation).total }
        // 20 × 90 ÷ 100 + 80 = 98; 20 × 90 ÷ 200 + 80 × 5 ÷ 10 = 9 + 40.
        #expect(scored == [dec("98"), dec("49")])
        let result = runPerfscore(["stack.csv"], files: ["stack.csv": Array(stacked.utf8)])
        #expect(result.status == .success)
        #expect(result.output.contains("rules wuhan-2023 · stack.csv[rows 1-8]\n"))
        #expect(result.output.contains("rules wuhan-2023 · stack.csv[rows 9-16]\n"))
        // convert writes both, an array that reads back as the two tables.
        let converted = runPerfscore(["convert", "stack.csv"], files: ["stack.csv": Array(stacked.utf8)])
        #expect(converted.status == .success)
        #expect(converted.error == "perfscore: stack.csv: 2 tables (rows 1-8, rows 9-16), an array of evaluations (-o DIR/ writes a file each)\n")
        let back = runPerfscore(["--format", "json", "converted.json"], files: ["converted.json": Array(converted.output.utf8)])
        #expect(back.status == .success)
        #expect(back.output.contains("\"file\": \"converted.json[0]\""))
        #expect(back.output.contains("\"file\": \"converted.json[1]\""))

        func refusal(_ text: String) -> [String] {
            do { _ = try TableReader().read(Array(text.utf8)); return [] } catch { return error.problems.map(\.description) }
        }
        #expect(refusal(stacked) == ["row 11: another table starts here (项目名称 乙项目) under the rows of 甲项目: a file or sheet is read as one table; put each table in a sheet or file of its own"])
        // Without a 项目名称 of its own, the second table's budget block starts it.
        let untitled = "预算数,100\n执行数,90\n一级指标,二级指标,三级指标,分值,年初目标值,实际完成值\n产出指标,数量指标,培训次数,80,≥10,10\n"
            + "预算数,200\n执行数,90\n一级指标,二级指标,三级指标,分值,年初目标值,实际完成值\n产出指标,数量指标,会议次数,80,≥10,5\n"
        #expect(try TableReader().readTables(Array(untitled.utf8), form: .delimited(.comma)).map(\.sheet) == ["rows 1-4", "rows 5-8"])
        // A budget block under the rows of a table that gave none above them is that table's; a repeated header (a
        // page break) keeps one table.
        let below = "项目名称,甲项目\n一级指标,二级指标,三级指标,分值,年初目标值,实际完成值\n产出指标,数量指标,培训次数,80,≥4,4\n预算数,100\n执行数,90\n"
        #expect(refusal(below).isEmpty)
        #expect(try TableReader().read(Array(below.utf8)).evaluation.budget.planned == 100)
        let paged = table("甲项目", 100, "培训次数", 10) + "一级指标,二级指标,三级指标,分值,年初目标值,实际完成值\n产出指标,质量指标,合格率,0,100%,100%\n"
        #expect(refusal(paged).isEmpty)
        #expect(try TableReader().readTables(Array(paged.utf8), form: .delimited(.comma)).map(\.sheet) == [nil])
        // A second table that cannot be read names its rows.
        let broken = table("甲项目", 100, "培训次数", 10) + "项目名称,乙项目\n一级指标,二级指标,三级指标,分值,年初目标值,实际完成值\n产出指标,数量指标,会议次数,八十,≥10,5\n"
        #expect(throws: TableReadError.self) { try TableReader().readTables(Array(broken.utf8), form: .delimited(.comma)) }
        do { _ = try TableReader().readTables(Array(broken.utf8), form: .delimited(.comma)) } catch {
            #expect(error.problems.first?.description == "row 11, column 4: the table at rows 9-11: 分值 \"八十\" is not a number (points: 10 or 10分)")
        }
        // In a workbook: one sheet, two tables, each named by the sheet and its rows.
        let sheet = WorkbookBuilder.workbook([("自评表", WorkbookBuilder.table + [["项目名称", "另一项目"]] + WorkbookBuilder.table.dropFirst())])
        let fromSheet = try TableReader().readWorkbook(sheet)
        #expect(fromSheet.map(\.sheet) == ["自评表 rows 1-6", "自评表 rows 7-12"])
        #expect(fromSheet.map(\.result.evaluation.title) == ["培训经费", "另一项目"])
        #expect(fromSheet[1].result.places.describe(.indicator(0).appending("target")) == "自评表!E11 (indicators[0].target)")
    }

    @Test func scoresTheCSVOfTheNinetyNineSeventyFiveTable() {
        let result = runPerfscore(["examples/spreadsheets/03-zhengwu-fuwu.csv"])
        #expect(result.status == .success)
        #expect(result.output.contains("总分 99.75（满分 100）  等级 优"))
    }

    @Test func readsPointsAndUnitsWrittenInsideNames() {
        let parsed = TableReading.stripPoints("监管数据准确率（市级归集部分）（%）（7分）")
        #expect(parsed.text == "监管数据准确率（市级归集部分）")
        #expect(parsed.unit == "%")
        #expect(parsed.points == 7)
        #expect(TableReading.stripPoints("清查季报(份)(4分)").points == 4)
        // 亿 and 万 are numbers to Unicode, but units here.
        #expect(TableReading.stripPoints("数据中枢服务被调用次数（亿次）（1分）").unit == "亿次")
        #expect(TableReading.stripPoints("经费（万元）（2分）").unit == "万元")
        #expect(TableReading.stripPoints("目标（2023年）（2分）").unit == nil)
        #expect(TableReading.stripPoints("目标（２０２３年）（2分）").unit == nil)
    }

    /// The scalars of the blocks ``Swift/String/hasOneScalarPerCharacter`` takes (the forms' text); with
    /// `sampledEvery`, the ideographs only every so many (every scalar below U+3100 and the full-width forms).
    static func formTextScalars(sampledEvery step: UInt32 = 1) -> [Unicode.Scalar] {
        let blocks: [ClosedRange<UInt32>] = [0...0x2FF, 0x2010...0x205E, 0x2100...0x27BF, 0x3000...0x3029, 0x3030...0x303F,
                                             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF9D]
        return blocks.joined().filter { $0 % step == 0 || $0 < 0x3100 || $0 >= 0xFF00 }.compactMap(Unicode.Scalar.init)
    }

    /// A row is settled as no header, without normalizing its cells, when none of its cells starts (after white space)
    /// with the first scalar of a spelling of the name column or with a bracket, or none with the target column's;
    /// which is exact for the forms' text only if no other scalar of that text is the same text as one of those first
    /// scalars. Any other cell is normalized.
    @Test func settlesRowsThatNameNoHeaderByTheSpellingsFirstScalars() throws {
        let hints = TableReading.headerHints.name + TableReading.headerHints.target + TableReading.Metadata.labelFirsts
        #expect(Set(TableReading.headerHints.name.map { String($0) }) == Set(["三", "指", "绩", "n"]))
        #expect(Set(TableReading.headerHints.target.map { String($0) }) == Set(["年", "目", "指", "预", "t"]))
        var sameText: [String] = []
        for scalar in Self.formTextScalars() where !hints.contains(scalar) {
            for hint in hints where String(scalar) == String(hint) { sameText.append("\(String(scalar.value, radix: 16)) ~ \(hint)") }
        }
        #expect(sameText.isEmpty, "\(sameText)")
        let header = CSVParser.Row(line: 1, fields: ["一级指标", "二级指标", "　三级 指标", "分值", "（A）年初目标值", "实际完成值（B）"])
        #expect(TableReading.isHeader(header))
        #expect(TableReading.isHeader(CSVParser.Row(line: 1, fields: ["name", " target "])))
        #expect(!TableReading.isHeader(CSVParser.Row(line: 2, fields: ["产出指标", "数量指标", "窗口收件办结率", "1", "100", "100"])))
        #expect(!TableReading.mayName("  ", startingWith: TableReading.headerHints.name))
        #expect(!TableReading.mayName("计算过程 1 × 3 ÷ 4 = 0.75", startingWith: TableReading.headerHints.target))
        // A cell outside the forms' text is normalized: a combining mark after 三 keeps it from the alias, a cell that
        // only looks like one.
        #expect(TableReading.mayName("三\u{301}级指标", startingWith: TableReading.headerHints.name))
        #expect(TableReading.mayName("\u{301}三级指标", startingWith: TableReading.headerHints.name))
        #expect(TableReading.mayName("产\u{301}出指标", startingWith: TableReading.headerHints.name))
        #expect(!TableReading.mayName("产出指标\u{301}", startingWith: TableReading.headerHints.name))
        #expect(!TableReading.isHeader(CSVParser.Row(line: 1, fields: ["三\u{301}级指标", "年初目标值"])))
        // Every scalar of the forms' text before a spelling or a label, alone or after a space: every cell that names
        // one may, and a label row's cells name their fields as before.
        let spellings = ["三级指标", "年初目标值（A）", "target", "项目名称", "预算数（A）", "填报人", "rules"]
        var differing: [String] = []
        for scalar in Self.formTextScalars(sampledEvery: 13) where scalar != "\r" {
            for spelling in spellings {
                for cell in [String(Character(scalar)) + spelling, String(Character(scalar)) + " " + spelling] {
                    let normalized = TableReading.normalizedHeader(cell)
                    let column = TableReader.aliases[normalized]
                    let hints = column == .name ? TableReading.headerHints.name : TableReading.headerHints.target
                    if column != nil, !TableReading.mayName(cell, startingWith: hints) { differing.append(cell) }
                    if TableReading.Metadata.field(namedBy: cell) != TableReading.Metadata.labels[normalized] { differing.append(cell) }
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(10))")
        #expect(TableReading.Metadata.field(namedBy: " 项目名称（必填）") == .title)
        #expect(TableReading.Metadata.field(namedBy: "产出指标") == nil)
    }

    /// The labels of the rows around a table (`填报人：张三`, `单位名称：某局 填报日期：2024年6月6日`) are looked for byte by
    /// byte in the forms' text: found where Foundation's search character by character finds them, with every scalar
    /// of the blocks the byte search takes before, inside and after a label, and the footer's labels as prefixes too.
    @Test func findsLabelsByteByByteAsCharacterByCharacter() {
        let labels = Array(TableReading.Metadata.labels.keys) + TableReading.Metadata.footerLabels + TableReading.totalLabels
        var differing: [String] = []
        var checked = 0
        for scalar in Self.formTextScalars(sampledEvery: 11) where scalar != "\r" {
            let value = scalar.value
            let mark = String(Character(scalar))
            for cell in ["\(mark)填报人：张\(mark)三 联系电话：\(mark)", "单位名称\(mark)：某局 填报日期：2024年6月6日\(mark)",
                         "部门（单位）名称：\(mark)某局\(mark)项目实施单位：\(mark)", "填报\(mark)人：rules:年度：\(mark)"] {
                #expect(cell.hasOneScalarPerCharacter)
                for label in labels {
                    var (start, byBytes, byCharacters) = (cell.startIndex, [Range<String.Index>](), [Range<String.Index>]())
                    while let range = cell.rangeOfBytes(label, from: start) { byBytes.append(range); start = range.upperBound }
                    start = cell.startIndex
                    while let range = cell.range(of: label, range: start..<cell.endIndex) { byCharacters.append(range); start = range.upperBound }
                    if byBytes != byCharacters || cell.startsWithAnyLabel([label]) != cell.hasPrefix(label)
                        || (mark + cell).startsWithAnyLabel([label]) != (mark + cell).hasPrefix(label) {
                        differing.append("\(String(value, radix: 16)) \(label)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 700_000)
        #expect(differing.isEmpty, "\(differing.prefix(10))")
        #expect(TableReading.Metadata.labelledValues("单位名称：某局 填报日期：2024年6月6日").map(\.value) == ["某局", "2024年6月6日"])
        // A combining mark joins the colon before it: no label, as character by character.
        #expect(TableReading.Metadata.labelledValues("填报人\u{301}：张三").isEmpty)
    }

    /// A name worked on scalar by scalar (the forms' text) reads as it would character by character: every scalar of
    /// the blocks the scalar path takes, in the name, in the unit and before the points mark, gives the same name,
    /// unit and points both ways; a cell with a scalar that joins its neighbour is read character by character.
    @Test func stripsPointsScalarByScalarAsCharacterByCharacter() {
        func byScalars(_ text: String) -> (text: String, unit: String?, points: ExactDecimal?) {
            TableReading.stripPoints(text, split: { Array($0.unicodeScalars) }, join: String.init(scalars:))
        }
        func byCharacters(_ text: String) -> (text: String, unit: String?, points: ExactDecimal?) {
            TableReading.stripPoints(text, split: { Array($0) }, join: { String($0) })
        }
        var differing: [UInt32] = []
        var checked = 0
        for scalar in Self.formTextScalars(sampledEvery: 7) where scalar != "\r" {
            let value = scalar.value
            let mark = String(Character(scalar))
            for cell in [" 清查\(mark)季报（份）（4分） ", "清查季报（\(mark)份）（4分）", "清查季报(份\(mark))(4分)",
                         "清查季报（份）（4\(mark)分）", "\(mark)清查季报（份）（2.5分）\(mark)", "季报（\(mark)）"] {
                #expect(cell.hasOneScalarPerCharacter)
                let (a, b) = (byScalars(cell), byCharacters(cell))
                if a.text != b.text || a.unit != b.unit || a.points != b.points { differing.append(value) }
                checked += 1
            }
        }
        #expect(checked > 40_000)
        #expect(differing.isEmpty, "\(differing.prefix(10).map { String($0, radix: 16) })")
        // A combining mark after a bracket joins it: no bracket, character by character, as before.
        #expect(TableReading.stripPoints("清查季报（份）（4分）\u{301}").points == nil)
        #expect(TableReading.stripPoints("清查季报（份）（4分\u{301}）").points == nil)
        #expect(TableReading.stripPoints("清查季报（份）\r\n（4分）").points == 4)
    }

    /// The Ministry's form labels the department 主管部门及代码; its tables rolled up under （未注明单位）.
    @Test func readsTheMinistrysLabelOfTheDepartment() throws {
        let csv = """
        主管部门及代码,某区城市管理局,,,实施单位,某区市政养护中心,
        一级指标,二级指标,三级指标,分值,年初目标值,实际完成值,得分
        产出指标,数量指标,道路养护里程,10,≥120,118,9.83
        """
        let table = try TableReader(defaults: .init(planned: dec("100"), executed: dec("100"))).read(Array(csv.utf8))
        #expect(table.evaluation.agency == "某区城市管理局")
        #expect(table.evaluation.form.implementer == "某区市政养护中心")
    }

    /// Points as people type them into 分值 and 得分: `10分` was "not a number", and the whole table was refused.
    @Test func readsPointsWrittenWithTheirUnit() throws {
        let csv = """
        一级指标,二级指标,三级指标,分值,年初目标值,实际完成值,得分
        产出指标,数量指标,服务人次,10分,≥100,90,9 分
        """
        let table = try TableReader(defaults: .init(planned: dec("100"), executed: dec("100"))).read(Array(csv.utf8))
        #expect(table.evaluation.indicators.first?.weight == 10)
        #expect(table.evaluation.indicators.first?.published == 9)
        #expect(TableReading.points("10") == 10 && TableReading.points("分") == nil && TableReading.points("十分") == nil)
    }

    /// The form prints a row's unit after its name and the figures bare (`市民之家杂志期数（期）` over `4`): the bracket
    /// is the unit when a figure under it is bare or prints it, and stays in the name when none bears it out.
    @Test func readsAUnitAfterTheNameWhenTheFiguresBearItOut() {
        func read(_ name: String, _ target: String, _ actual: String) -> [String] {
            let parsed = TableReading.unitInName(name, figures: [target, actual])
            return [parsed.text, parsed.unit ?? "-"]
        }
        #expect(read("市民之家杂志期数（期）", "4", "4") == ["市民之家杂志期数", "期"])
        #expect(read("绿化服务面积（㎡）", "≥80,000㎡", "81,375.24㎡") == ["绿化服务面积", "㎡"])
        #expect(read("满意度（％）", "≥９０％", "") == ["满意度", "％"])
        #expect(read("重大安全事故发生率（%）", "0%", "全年未发生安全事故") == ["重大安全事故发生率", "%"])
        #expect(read("运行时间（小时）", "7x24小时", "7x24小时") == ["运行时间", "小时"])
        #expect(read("监管数据准确率（市级归集部分）（%）", "100", "100") == ["监管数据准确率（市级归集部分）", "%"])
        // Brackets no figure bears out stay in the name.
        #expect(read("邮件响应时间（工作时段）", "＜30分钟", "＜30分钟") == ["邮件响应时间（工作时段）", "-"])
        #expect(read("制度健全（期）", "是", "是") == ["制度健全（期）", "-"])
        #expect(read("目标（2023年）", "4", "4") == ["目标（2023年）", "-"])
        #expect(read("（次）", "4", "4") == ["（次）", "-"])
        #expect(read("云平台资源月度正常使用时长/（月度故障时长+正常使用时长）", "99.9%", "100%")
            == ["云平台资源月度正常使用时长/（月度故障时长+正常使用时长）", "-"])
    }

    /// A 部门整体 table in goal-ratio mode as a unit types it: 目标名称 and 目标权重 on each goal's first row, left blank
    /// below as merged cells are saved. Goal 1 (60 %): 50 + 30 = 80 → 48; goal 2 (40 %): 80 × 90 ÷ 100 = 72 → 28.8;
    /// budget 20 × 95 ÷ 100 = 19; total 19 + 48 + 28.8 = 95.8.
    static let goalTable = """
        部门整体支出绩效自评表
        部门（单位）名称,某局,,,,,,
        预算数,100,,,,,,
        执行数,95,,,,,,
        目标名称,目标权重,一级指标,二级指标,三级指标,分值,年初目标值,实际完成值
        年度目标1,60%,产出指标,数量指标,培训次数,50,≥4次,4次
        ,,效益指标,社会效益指标,覆盖率,30,≥90%,90%
        年度目标2,40,产出指标,质量指标,合格率,80,100%,90%

        """

    @Test func readsTheGoalsAndTheirRatiosOfAGoalWeightedTable() throws {
        let result = try TableReader().read(Array(Self.goalTable.utf8))
        let evaluation = result.evaluation
        #expect(evaluation.kind == .department)
        #expect(evaluation.goals == [Evaluation.Goal(name: "年度目标1", ratio: 60), Evaluation.Goal(name: "年度目标2", ratio: 40)])
        #expect(evaluation.indicators.map(\.goal) == ["年度目标1", "年度目标1", "年度目标2"])
        let card = try Evaluator().evaluate(evaluation, warnings: result.warnings)
        #expect(card.total == dec("95.8"))
        #expect(card.maximum == 100)
    }

    @Test(arguments: [
        ("a second ratio", "年度目标1,60%", "年度目标1,50",
         "row 8, column 2: 目标权重 50 for 年度目标1, which row 6 gives 60"),
        ("no ratio", "年度目标1,", "年度目标2,40", "row 6, column 2: no 目标权重 for the goal 年度目标1 on its first row"),
        ("not a number", "年度目标1,六成", "年度目标2,40", "row 6, column 2: 目标权重 \"六成\" is not a number (a percentage: 60 or 60%)"),
    ])
    func namesTheCellOfAGoalRatioThatDoesNotRead(_ case: (what: String, first: String, second: String, message: String)) {
        let text = Self.goalTable.replacingOccurrences(of: "年度目标1,60%", with: `case`.first)
            .replacingOccurrences(of: "年度目标2,40", with: `case`.second)
        #expect(throws: TableReadError.self) { try TableReader().read(Array(text.utf8)) }
        do {
            _ = try TableReader().read(Array(text.utf8))
        } catch {
            #expect(error.problems.map { "row \($0.row), column \($0.column ?? 0): \($0.message)" } == [`case`.message], "\(`case`.what)")
        }
    }

    @Test func passesOverAGoalColumnWithoutRatios() throws {
        // The target tables of seed 002 name their goals (长期绩效目标1) with no ratio: a label, as before.
        let text = Self.goalTable.replacingOccurrences(of: "目标权重", with: "备注").replacingOccurrences(of: "60%", with: "")
            .replacingOccurrences(of: "年度目标2,40", with: "年度目标2,")
        let evaluation = try TableReader().read(Array(text.utf8)).evaluation
        #expect(evaluation.goals.isEmpty)
        #expect(evaluation.indicators.allSatisfy { $0.goal == nil })
    }

    @Test func readsQuotedFieldsWithSeparatorsAndLineBreaks() throws {
        let text = "预算数,100\n执行数,90\n三级指标,分值,一级指标,目标值,实际值\n\"培训,\"\"季度\"\"\n次数\",80,产出指标,≥4,4\n"
        let evaluation = try TableReader().read(Array(text.utf8)).evaluation
        #expect(evaluation.indicators.map(\.name) == ["培训,\"季度\"\n次数"])
        #expect(Scorer(profile: .wuhan2023).score(evaluation).total == 98)
    }

    @Test func convertsATableToPerfscoreJSONThatReadsBack() throws {
        let result = runPerfscore(["convert", "examples/spreadsheets/03-zhengwu-fuwu.csv"])
        #expect(result.status == .success)
        let card = try Evaluator().evaluate(Array(result.output.utf8))
        #expect(card.total == dec("99.75"))
        #expect(card.verification?.agrees == true)
    }

    /// A target table (绩效目标表) has no actuals and may have no budget block: convert writes it as lint reads it,
    /// says so, and writes no figure the table does not give (no budget, no points where 分值 is empty).
    @Test func convertsATargetTableAsItIs() throws {
        let text = "项目支出绩效目标表\n项目名称,培训项目\n一级指标,二级指标,三级指标,分值,指标值\n"
            + "产出指标,数量指标,培训次数（次）,30,≥4\n产出指标,质量指标,合格率,,100%\n"
            + "效益指标,社会效益指标,群众知晓率,10,≥90%\n满意度指标,服务对象满意度指标,满意度,10,≥95%\n"
        let result = runPerfscore(["convert", "t.csv"], files: ["t.csv": Array(text.utf8)])
        #expect(result.status == .success)
        #expect(result.error == "perfscore: t.csv: read as a target table (绩效目标表): no row gives an actual\n"
                + "perfscore: t.csv: warning[no-weight] row 5, column 4 (indicators[1].weight): no points (分值) are given; a table that is to be scored needs them on every row\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["budget"] == nil)
        let rows = try #require(object["indicators"] as? [[String: Any]])
        #expect(rows.map { $0["weight"] as? Int } == [30, nil, 10, 10])
        #expect(rows.allSatisfy { $0["actual"] == nil })
        let read = try EvaluationReader(requiresActuals: false).read(Array(result.output.utf8))
        #expect(read.evaluation.indicators.map(\.target) == ["≥4", "100%", "≥90%", "≥95%"])
        #expect(read.warnings.map(\.description) == [
            "warning[no-weight] indicators[1].weight: no points (分值) are given; a table that is to be scored needs them on every row",
        ])
        // A self-evaluation form whose 实际完成值 column is left blank is no target table: refused, row by row.
        let blank = "预算数,1\n执行数,1\n一级指标,三级指标,分值,目标值,实际值\n产出指标,a,80,1,\n"
        let unfilled = runPerfscore(["convert", "y.csv"], files: ["y.csv": Array(blank.utf8)])
        #expect(unfilled.status == .unusable)
        #expect(unfilled.error == "perfscore: y.csv: row 4, column 5: no 实际完成值 for a\n")
        // A self-evaluation with one actual missing is still refused as one, naming the row.
        let missing = "预算数,1\n执行数,1\n一级指标,三级指标,分值,目标值,实际值\n产出指标,a,40,1,1\n产出指标,b,40,1,\n"
        let refused = runPerfscore(["convert", "x.csv"], files: ["x.csv": Array(missing.utf8)])
        #expect(refused.status == .unusable)
        #expect(refused.error == "perfscore: x.csv: row 5, column 5: no 实际完成值 for b\n")
    }

    @Test(arguments: [
        ("ragged row", "预算数,1\n执行数,1\n一级指标,三级指标,分值,目标值,实际值\n产出指标,a,80,1,1,extra\n",
         "perfscore: x.csv: row 4, column 6: the row has 6 cells but the header has 5\n"),
        ("unknown header", "预算数,1\n执行数,1\n一级指标,三级指标,分值,目标值,实际值,颜色\n产出指标,a,80,1,1,红\n",
         "perfscore: x.csv: row 3, column 6: unknown column \"颜色\"; known: 一级指标, 二级指标, 三级指标, 分值, 年初目标值, 实际完成值, 得分, 计量单位, 偏差原因, 指标值确定依据, 备注\n"),
        ("missing points", "预算数,1\n执行数,1\n一级指标,三级指标,目标值,实际值\n产出指标,a,1,1\n",
         "perfscore: x.csv: row 4, column 2: no points for a: give 分值, or write them in the name as （7分）\n"),
        ("points not a number", "预算数,1\n执行数,1\n一级指标,三级指标,分值,目标值,实际值\n产出指标,a,八十,1,1\n",
         "perfscore: x.csv: row 4, column 3: 分值 \"八十\" is not a number (points: 10 or 10分)\n"),
        ("no header", "a,b\n1,2\n", "perfscore: x.csv: row 1: no header row: expected a row naming at least 三级指标 and 年初目标值 (or 年度指标值)\n"),
        ("an open quote", "预算数,1\n\"执行数,1\n", "perfscore: x.csv: row 2, column 1: a quoted field is never closed: expected a closing '\"'\n"),
        ("no budget", "一级指标,三级指标,分值,目标值,实际值\n产出指标,a,80,1,1\n",
         "perfscore: x.csv: row 1: no budget block: add rows 预算数 and 执行数 (label, then value), or give --planned and --executed\n"),
        ("no category", "预算数,1\n执行数,1\n三级指标,分值,目标值,实际值\na,80,1,1\n", "perfscore: x.csv: row 4: no 一级指标 for a, here or above\n"),
    ])
    func refusesAMalformedTableNamingRowAndColumn(_ label: String, _ text: String, _ message: String) {
        let result = runPerfscore(["x.csv"], files: ["x.csv": Array(text.utf8)])
        #expect(result.status == .unusable, "\(label)")
        #expect(result.error == message, "\(label)")
        #expect(result.output.isEmpty)
    }

    // Issue 15: the Wuhan form as Excel saves it — a title row with the year, the leading 绩效指标 / 年度绩效目标（80分）
    // label column, 偏差原因分析及改进措施, full-width digits, a 总分 row whose 得分 is not filled in yet, the footer.
    @Test func readsTheOfficialFormAsSavedFromASpreadsheet() throws {
        let form = """
        项目支出绩效自评表,,,,,,,,
        （2022年度）,,,,,,,,
        项目名称,测试项目,,,,,,,
        主管部门,测试局,,,,,,,
        预算执行情况（万元）（20分）,年初预算数,预算数（A）,执行数（B）,执行率（B/A）,得分（20分*执行率）,,,
        ,１００,１００,９８,98%,,,,
        绩效指标,一级指标,二级指标,三级指标,分值,年初目标值（A）,实际完成值（B）,得分,偏差原因分析及改进措施
        年度绩效目标（80分）,产出指标,数量指标,培训次数,４０,≥4次,4次,,
        ,效益指标,社会效益指标,覆盖率,４０,≥90%,81%,,疫情影响，线下培训改为线上
        总分,,,,100,,,,
        填报人：张三,,联系电话：12345678,,,,,,

        """
        let evaluation = try TableReader().read(Array(form.utf8)).evaluation
        #expect(evaluation.year == 2022)
        #expect(evaluation.title == "测试项目")
        #expect(evaluation.agency == "测试局")
        #expect(evaluation.budget.planned == 100)
        #expect(evaluation.budget.executed == 98)
        #expect(evaluation.indicators.map(\.weight) == [40, 40])
        #expect(evaluation.indicators[1].reason == "疫情影响，线下培训改为线上")
        // The 总分 row's 得分 is blank: no printed total (its 分值 100 is not one).
        #expect(evaluation.published == nil)
        let card = Scorer(profile: .wuhan2023).score(evaluation)
        #expect(card.total == dec("95.6"))
        // 预算执行数 is the executed amount, not the budget.
        let labelled = "项目名称,x\n预算数,200\n预算执行数,150\n三级指标,一级指标,分值,目标值,实际值\na,产出指标,80,1,1\n"
        let budget = try TableReader().read(Array(labelled.utf8)).evaluation.budget
        #expect(budget.planned == 200)
        #expect(budget.executed == 150)
    }

    // Issue 15 §3: lint reads spreadsheets too, target tables without actuals or a budget block included.
    @Test func lintsATargetTableSavedAsCSV() {
        let text = "项目名称,目标表\n年度,2023\n一级指标,三级指标,分值,年度指标值\n产出指标,培训次数,50,XXX\n效益指标,覆盖率,30,≥90%\n"
        let result = runPerfscore(["lint", "t.csv"], files: ["t.csv": Array(text.utf8)])
        #expect(result.status == .findings)
        #expect(result.output.contains("error[unfilled-cell] row 4, column 4 (indicators[0].target): the target \"XXX\" is the form's placeholder"))
        #expect(result.error.isEmpty)
    }

    // Issue 15 §3: a problem in a spreadsheet's values names its row and column, beside the path.
    @Test func namesTheRowAndColumnOfAProblemInASpreadsheet() {
        let text = "项目名称,t\n预算数,100\n执行数,100\n一级指标,三级指标,分值,年初目标值,实际完成值\n产出指标,培训次数,40,≥4次,4次\n效益指标,覆盖率,40,≥90%,很多\n"
        let result = runPerfscore(["t.csv"], files: ["t.csv": Array(text.utf8)])
        #expect(result.status == .unusable)
        #expect(result.error.hasPrefix("perfscore: t.csv: row 6, column 5 (indicators[1].actual): no rule scores the actual \"很多\""))
        var places = CellPlaces()
        places.record(JSONPath.indicator(3), row: 8)
        #expect(places.describe(JSONPath.indicator(3).appending("reason")) == "row 8 (indicators[3].reason)")
        #expect(places.describe(JSONPath.root.appending("title")) == "title")
    }

    // Issue 15 §2: the Ministry's 2020 form — 项目资金 with 年度资金总额 of 10 points and its sources, indicators out of
    // 90 — is read as mof-2020's, with its funds by source, and agrees with what it printed.
    @Test func readsTheMinistrysFormWithItsBudgetRowAndSources() throws {
        let form = """
        项目支出绩效自评表,,,,,,,
        （2022年度）,,,,,,,
        项目名称,测试项目,,,,,,
        主管部门,测试局,,,,,,
        项目资金（万元）,,年初预算数,全年预算数,全年执行数,分值,执行率,得分
        ,年度资金总额,100,120,110,10,91.67%,9.17
        ,其中：当年财政拨款,100,100,95,—,—,—
        ,上年结转资金,,20,15,—,—,—
        ,其他资金,,,,—,—,—
        一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施
        产出指标,数量指标,培训次数,≥4次,4次,50,50,
        效益指标,社会效益指标,覆盖率,≥90%,90%,30,30,
        满意度指标,服务对象满意度指标,满意度,≥90%,95%,10,10,
        总分,,,,,100,99.17,

        """
        let read = try TableReader().read(Array(form.utf8))
        #expect(read.evaluation.rules == "mof-2020")
        #expect(read.evaluation.budget.weight == 10)
        #expect(read.evaluation.budget.sources.map(\.kind) == [.appropriation, .carriedOver, .other])
        #expect(read.evaluation.budget.sources[1].planned == 20)
        #expect(read.warnings.map(\.code) == [.rulesInferred])
        let card = try Evaluator().evaluate(read.evaluation, warnings: read.warnings)
        #expect(card.total == dec("99.17"))
        #expect(card.verification?.agrees == true)
        // Sources that do not add up are a lint error.
        let wrong = form.replacingOccurrences(of: ",上年结转资金,,20,15,", with: ",上年结转资金,,20,5,")
        let table = try TableReader().read(Array(wrong.utf8))
        let findings = FundSourcesCheck().check(LintTable(name: "t.csv", evaluation: table.evaluation, profile: .mof2020))
        #expect(findings.map(\.description) == [
            "error[funds-by-source] budget.executed: 资金总额 全年执行数 110 is not 财政拨款 95 + 上年结转 5 + 其他资金 0 = 100",
        ])
    }

    @Test func takesTheBudgetFromTheCommandLine() {
        let text = "一级指标,三级指标,分值,目标值,实际值\n产出指标,a,80,4,3\n"
        let result = runPerfscore(["--planned", "100", "--executed", "50", "--json", "x.csv"], files: ["x.csv": Array(text.utf8)])
        #expect(result.status == .success)
        #expect(result.output.contains("\"total\": 70,"))
    }

    @Test func refusesBytesThatAreNeitherUTF8NorGB18030() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0xD8, 0x41]
        let result = runPerfscore(["x.csv"], files: ["x.csv": bytes])
        #expect(result.status == .unusable)
        #expect(result.error.contains("save it as CSV UTF-8"))
    }
}
