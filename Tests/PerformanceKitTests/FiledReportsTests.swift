import Foundation
import Testing
@testable import PerformanceKit
@testable import perfscore

private final class CollectedText: @unchecked Sendable { var text = "" }

/// Issue 17: reports a finance bureau can file — the official form, printed beside recomputed, a chart that informs.
@Suite("Reports to file")
struct FiledReportsTests {
    /// A table whose printed figures differ from the rule's, as the issue found one: a met 98 % target printed 19.6
    /// of 20 (points × the actual percentage), the total printed 96.6; its rows listed 满意度 first, 时效 before 数量.
    static func differing() throws -> ScoreCard {
        try Evaluator().evaluate(try Fixtures.fixture("reports/printed-differs.json"))
    }

    /// A printed score the rule cannot check (text against other text, no judgement) is named 未核对 in every
    /// human format, and a list of such figures alone is not headed as disagreements.
    @Test func aFigureThatCouldNotBeComparedIsNotCalledADisagreement() throws {
        let json = """
        {"format": "perfscore/1", "title": "t", "budget": {"planned": 100, "executed": 100},
         "indicators": [{"category": "产出指标", "name": "数量", "weight": 70, "target": "≥4", "actual": "4", "published": 70},
                        {"category": "效益指标", "name": "就业能力", "weight": 10, "target": "明显提升", "actual": "有所提升", "published": 7}]}
        """
        let card = try Evaluator().evaluate(Array(json.utf8))
        #expect(card.report(as: .text).contains("  7 未核对\n"))
        #expect(card.report(as: .markdown).contains("核对：未能核对的表中得分：\n\n- **未核对** 就业能力:"))
        let html = card.report(as: .html)
        #expect(html.contains("<h2>核对：未能核对的表中得分</h2>"))
        #expect(html.contains("<td class=\"check\">未核对</td>"))
        #expect(!html.contains("不一致之处"))
    }

    @Test func everyFormatShowsThePrintedFigureBesideTheRecomputedOne() throws {
        let card = try Self.differing()
        let text = card.report(as: .text)
        #expect(text.contains("  得分       表中得分\n"))
        #expect(text.contains("20  19.6 规则差异"))
        #expect(text.contains("总分 97（满分 100）  等级 优  表中 96.6 规则差异"))
        let markdown = card.report(as: .markdown)
        #expect(markdown.contains("| 20 | 19.6 | 规则差异 |"))
        #expect(markdown.contains("表中总分 96.6（规则差异）"))
        #expect(markdown.contains("- **规则差异** 群众满意度: printed 19.6, recomputed 20"))
        let html = card.report(as: .html)
        #expect(html.contains("<td class=\"number differs\">19.6</td><td class=\"check\">规则差异</td>"))
        #expect(html.contains("<td class=\"number differs\">96.6</td><td class=\"check\">规则差异</td>"))
        #expect(html.contains("<li><b>规则差异</b> 群众满意度: printed 19.6, recomputed 20"))
        let csv = card.report(as: .csv)
        #expect(csv.contains("群众满意度,20,≥95%,98%,20,19.6,rule"))
    }

    @Test func laysTheHTMLOutAsTheForm() throws {
        let html = try Self.differing().report(as: .html)
        // 实施单位 apart from 主管部门; the rule by its title; 年度总体目标; the source row; the footer.
        #expect(html.contains("<th>主管部门</th><td>示例：某区城市管理局</td><th>实施单位</th><td>示例：某区环卫所</td>"))
        #expect(html.contains("<th>评分规则</th><td colspan=\"3\">武汉市项目支出绩效自评（2023年度决算公开）</td>"))
        #expect(html.contains("<td colspan=\"2\">完成全年点位运维</td><td>完成</td>"))
        #expect(html.contains("<tr><td>其中：当年财政拨款</td><td class=\"number\">90</td><td class=\"number\">100</td>"))
        #expect(html.contains("<span>填报人：赵六</span><span>填报日期：2023年3月1日</span>"))
        #expect(html.contains("<td class=\"reason\">部分点位拆迁</td>"))
        // The form's order: 产出 (数量, then 时效), 效益, 满意度 — though the file lists 满意度 first and 时效 before 数量.
        let order = ["运维点位数", "按时完成率", "市容改善", "群众满意度"].map { html.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }

    @Test func chartsWherePointsWereLostOrNothing() throws {
        let html = try Self.differing().report(as: .html)
        #expect(html.contains("aria-label=\"失分分布\""))
        #expect(html.contains("失 3 / 40 分"))
        #expect(html.contains(">失分</text>"))
        #expect(!html.contains("失 0 /"))
        // A table that lost nothing has no chart: it would say nothing the total does not.
        let full = try Fixtures.scoreExample("examples/wuhan-2023/01-xingzheng-yunxing.json")
        #expect(full.total == 100)
        #expect(!full.report(as: .html).contains("<svg"))
    }

    @Test func chartsEachGoalsOwnPointsInGoalRatioMode() throws {
        var card = try Fixtures.scoreExample("examples/constructed/department-goal-ratios.json")
        // 年度目标1 scores 79.37 of its 80 points, 年度目标2 79.11 of 80; 产出指标 across both goals (108.48 of 110) is
        // no figure of the form and gets no bar.
        var html = card.report(as: .html)
        #expect(html.contains("失 0.63 / 80 分"))
        #expect(html.contains("失 0.89 / 80 分"))
        #expect(!html.contains("/ 110 分"))
        card.goals[0].name = "提升政务服务便利化水平和群众获得感"
        html = card.report(as: .html)
        #expect(html.contains("font-size=\"13\"><title>提升政务服务便利化水平和群众获得感</title>提升政务服务便…</text>"))
    }

    @Test func namesTheDepartmentForm() throws {
        var evaluation = try Self.differing().evaluation
        evaluation.kind = .department
        #expect(try Evaluator().evaluate(evaluation).report(as: .html).contains("<h1>部门整体支出绩效自评表</h1>"))
    }
}

/// Issue 17 §4: the roll-up page, and the roll-up in Markdown and CSV.
@Suite("The roll-up page")
struct RollUpPageTests {
    static func rollUp() throws -> RollUp {
        let files = ["examples/wuhan-2023/01-xingzheng-yunxing.json", "examples/wuhan-2023/04-zhihui-chengshi.json",
                     "examples/constructed/parts-several-units.json"]
        var cards = try files.map { ($0, try Fixtures.scoreExample($0)) }
        cards.append(("reports/printed-differs.json", try FiledReportsTests.differing()))
        return RollUp(cards)
    }

    @Test func showsUnitsGradesDisagreementsAndLosses() throws {
        let page = RollUpPage.render(try Self.rollUp(), pages: ["reports/printed-differs.json": "printed-differs.html"])
        #expect(page.contains("<tr class=\"overall\"><td>合计</td><td class=\"number\">4</td>"))
        #expect(page.contains("<td>示例：某区城市管理局</td><td class=\"number\">1</td><td class=\"number\">100</td>"))
        #expect(page.contains("aria-label=\"等级分布\""))
        #expect(page.contains(">4 项</text>"))
        // The table that disagrees links to its page; the losses name their tables.
        #expect(page.contains("<td><a href=\"printed-differs.html\">示例：印刷点位运维项目</a></td><td class=\"number\">96.6</td><td class=\"number\">97</td><td class=\"number\">2</td>"))
        #expect(page.contains("<td>标准体系地方标准立项数</td><td class=\"number\">1</td><td class=\"number\">0 / 1</td><td>智慧城市建设及相关运维经费</td>"))
    }

    @Test func rollsUpAsMarkdownAndCSV() throws {
        let rollUp = try Self.rollUp()
        let markdown = SummaryReport.markdown(rollUp)
        #expect(markdown.contains("| **合计** | 4 |"))
        #expect(markdown.contains("| 示例：印刷点位运维项目 | 96.6 | 97 | 2 |"))
        let csv = SummaryReport.csv(rollUp)
        #expect(csv.hasPrefix("\u{FEFF}单位,项目数,资金（万元）,加权平均分,平均分,优,良,中,差\r\n合计,4,"))
    }

    /// A folder of what systems export as `.xls`: the renamed workbook is rolled up, the Excel 97–2003 file and the
    /// web page are listed as not read, each with what to do (they were passed over without a word).
    @Test func rollsUpAFolderOfXLSFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(try Fixtures.bytes("examples/spreadsheets/05-zhengwu-fuwu.xlsx")).write(to: folder.appendingPathComponent("a-自评表.xls"))
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: folder.appendingPathComponent("b-旧表.xls"))
        try Data("<html><body><table><tr><td>项目名称</td></tr></table></body></html>".utf8).write(to: folder.appendingPathComponent("c-导出.xls"))
        let output = CollectedText()
        var environment = CommandRunner.Environment.process
        environment.writeOutput = { output.text += $0 }
        environment.writeError = { output.text += $0 }
        let status = CommandRunner(environment: environment).run(["summary", folder.path])
        #expect(status == .unusable)
        #expect(output.text.split(separator: "\n").first { $0.hasPrefix("合计") }?.split(separator: " ").dropFirst().first == "1")
        #expect(output.text.contains("b-旧表.xls: cannot be read: an Excel 97–2003 (.xls), WPS (.et) or password-protected workbook"))
        #expect(output.text.contains("c-导出.xls: cannot be read: a web page (HTML) or XML named as a workbook"))
    }

    @Test func writesThePageAndEveryTablesPageToAFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rollup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = CommandRunner.Environment(readFile: { try Fixtures.bytes($0) }, readStandardInput: { [] },
                                                    writeOutput: { _ in }, writeError: { _ in })
        let listing = CommandRunner.Environment.process.listDirectory
        environment.listDirectory = { path in path.hasPrefix("/") ? listing(path) : nil }
        let status = CommandRunner(environment: environment).run(["summary", "--format", "html", "-o", folder.path + "/",
                                                                  "examples/wuhan-2023/03-zhengwu-fuwu.json", "examples/spreadsheets/06-two-projects.xlsx",
                                                                  "Tests/PerformanceKitTests/Fixtures/openpyxl/scored-by-formula.xlsx"])
        // The workbook's unread cells are figures not compared: a finding.
        #expect(status == .findings)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(written == ["03-zhengwu-fuwu.html", "06-two-projects-市民之家大楼.html", "06-two-projects-行政运行工作经费.html", "index.html",
                            "scored-by-formula.html"])
        // A table's page names its cells in its 提示, as the page made on its own does.
        let workbookPage = try String(contentsOf: folder.appendingPathComponent("scored-by-formula.html"), encoding: .utf8)
        #expect(workbookPage.contains("<code>uncalculated-formula</code> 项目支出绩效自评表!G16 (indicators[0].published)："))
        let index = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        for page in written where page != "index.html" { #expect(index.contains("href=\"\(page)\"")) }
        let page = try String(contentsOf: folder.appendingPathComponent("03-zhengwu-fuwu.html"), encoding: .utf8)
        #expect(page.contains("99.75"))

        // Pages are written as they are made: a folder that cannot be made (a file stands in its way) stops them at
        // the first, said in words, exit 2, and no roll-up page is written.
        let file = folder.appendingPathComponent("a-file").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        var errors = ""
        environment.writeError = { errors += $0 }
        let refused = CommandRunner(environment: environment).run(["summary", "--format", "html", "-o", file + "/pages/",
                                                                   "examples/wuhan-2023/03-zhengwu-fuwu.json", "examples/spreadsheets/06-two-projects.xlsx"])
        #expect(refused == .unusable)
        #expect(errors == "perfscore: \(file)/pages/03-zhengwu-fuwu.html: cannot write the page: a part of the path is not a folder\n")
    }
}

/// Issue 17 §1: the HTML report is the official form of the table's profile: the Ministry's form for mof-2020
/// (项目资金, 全年预算数 / 全年执行数, 年度指标值, 分值 after the actuals), the Hubei form otherwise.
@Suite("The form of the profile")
struct ProfileFormTests {
    @Test func aMinistryTableIsLaidOutOnTheMinistrysForm() throws {
        let read = try TableReader().read(try Fixtures.fixture("libreoffice/ministry-form.csv"))
        let card = try Evaluator().evaluate(read.evaluation, warnings: read.warnings)
        #expect(card.profile.id == "mof-2020")
        let html = HTMLReport.render(card)
        #expect(html.contains("<tr><th>项目资金（万元）</th><th>年初预算数</th><th>全年预算数</th><th>全年执行数</th><th>分值</th><th>执行率</th><th>得分</th>"))
        #expect(html.contains("<th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>分值</th><th>得分</th>"))
        // A row: its target and actual, then its points, then its score.
        #expect(html.contains("<td>培训次数</td><td class=\"value\">≥4次</td><td class=\"value\">4次</td><td class=\"number\">50</td>"))
        // 等级 over the target and actual cells, the full marks under 分值.
        #expect(html.contains("<td colspan=\"3\">总分</td><td colspan=\"2\">等级 优</td><td class=\"number\">100</td>"))
    }

    @Test func aWuhanTableKeepsTheHubeiForm() throws {
        let card = try Fixtures.scoreExample("examples/wuhan-2023/03-zhengwu-fuwu.json")
        let html = HTMLReport.render(card)
        #expect(html.contains("<tr><th>预算执行情况（万元）</th><th>年初预算数</th><th>预算数（A）</th><th>执行数（B）</th><th>执行率（B/A）</th><th>分值</th><th>得分（20分×执行率）</th>"))
        #expect(card.profile.form == .hubei)
    }

    @Test func aFormLabelTheReaderDoesNotKnowIsRefused() throws {
        var text = String(decoding: try Fixtures.bytes("rules/mof-2020.json"), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"年度指标值\"", with: "\"指标年度值\"")
        #expect(throws: RuleProfileError.self) { try RuleProfile(jsonData: Array(text.utf8)) }
    }
}
