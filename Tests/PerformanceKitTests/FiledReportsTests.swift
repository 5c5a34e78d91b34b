import Foundation
import Testing
@testable import PerformanceKit

/// Issue 17: reports a finance bureau can file — the official form, printed beside recomputed, a chart that informs.
@Suite("Reports to file")
struct FiledReportsTests {
    /// A table whose printed figures differ from the rule's, as the issue found one: a met 98 % target printed 19.6
    /// of 20 (points × the actual percentage), the total printed 96.6; its rows listed 满意度 first, 时效 before 数量.
    static func differing() throws -> ScoreCard {
        try Evaluator().evaluate(try Fixtures.fixture("reports/printed-differs.json"))
    }

    @Test func everyFormatShowsThePrintedFigureBesideTheRecomputedOne() throws {
        let card = try Self.differing()
        let text = card.report(as: .text)
        #expect(text.contains("得分   表中得分"))
        #expect(text.contains("20  19.6 rule"))
        #expect(text.contains("总分 97（满分 100）  等级 优  表中 96.6 rule"))
        let markdown = card.report(as: .markdown)
        #expect(markdown.contains("| 20 | 19.6 | 规则差异 |"))
        #expect(markdown.contains("表中总分 96.6（规则差异）"))
        #expect(markdown.contains("- **规则差异** 群众满意度: printed 19.6, recomputed 20"))
        let html = card.report(as: .html)
        #expect(html.contains("<td class=\"number differs\">19.6</td><td>规则差异</td>"))
        #expect(html.contains("<td class=\"number differs\">96.6</td><td>规则差异</td>"))
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

    @Test func namesTheDepartmentForm() throws {
        var evaluation = try Self.differing().evaluation
        evaluation.kind = .department
        #expect(try Evaluator().evaluate(evaluation).report(as: .html).contains("<h1>部门整体支出绩效自评表</h1>"))
    }
}
