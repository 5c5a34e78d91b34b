import Foundation
import Testing
@testable import PerformanceKit

@Suite("Reports")
struct RenderingTests {
    @Test func rendersTheTextReportOfTheNinetyNineSeventyFiveTable() throws {
        let path = "examples/wuhan-2023/03-zhengwu-fuwu.json"
        let report = TextReport().render(try Fixtures.scoreExample(path), file: path)
        try assertGolden(report, named: "rendersTheTextReportOfTheNinetyNineSeventyFiveTable.txt")
    }

    /// A JSON result written one table at a time (``JSONOutput/Document``) is the document written at once: the one
    /// result of one file alone, an array for several results or several files, and `[]` for none.
    @Test func writesAJSONDocumentOneResultAtATime() {
        func document(_ items: [Int], files: Int) -> String {
            var document = JSONOutput.Document<Int>(files: files) { item, out in
                out.beginObject()
                out.key("n"); out.number(item)
                out.endObject()
            }
            for item in items { document.add(item) }
            return document.finish()
        }
        #expect(document([1], files: 1) == "{\n  \"n\": 1\n}\n")
        #expect(document([1, 2], files: 1) == "[\n  {\n    \"n\": 1\n  },\n  {\n    \"n\": 2\n  }\n]\n")
        #expect(document([1], files: 2) == "[\n  {\n    \"n\": 1\n  }\n]\n")
        #expect(document([], files: 2) == "[]\n")
        #expect(JSONOutput.document([1, 2], files: 1) { item, out in out.number(item) } == "[\n  1,\n  2\n]\n")
    }

    @Test func explainsEveryRowOnRequest() throws {
        let path = "examples/wuhan-2023/01-xingzheng-yunxing.json"
        let report = TextReport(explainAll: true).render(try Fixtures.scoreExample(path), file: path)
        #expect(report.contains("  购买服务公益岗位人数: 7 × 50 ÷ 37 = 9.46, capped at 7\n"))
        #expect(report.contains("  预算执行: 20 × 964.1 ÷ 964.1 = 20\n"))
    }

    /// A reason typed over several lines of its cell (Alt+Enter in Excel) keeps its lines, each under the first,
    /// rather than starting the next at the margin as if it were a row of its own.
    @Test func indentsEachLineOfAReasonUnderTheFirst() throws {
        let card = try Evaluator().evaluate(evaluation([
            row("≥120", "118", weight: "20", name: "道路养护里程", reason: "部分路段因管网施工\r\n  推迟至次年\n"),
        ]))
        let report = TextReport().render(card, file: "t.json")
        #expect(report.contains("  道路养护里程: 20 × 118 ÷ 120 = 19.67\n    原因: 部分路段因管网施工\n          推迟至次年\n"))
    }

    /// A reason is printed under its row unless the explanation gives it already (an evaluator's score, a judgement's
    /// or a deduction with its reason): asked of the explanation, not of its words, so that a reason whose words the
    /// explanation happens to hold (`118`, in `20 × 118 ÷ 120`) is still printed.
    @Test func printsAReasonOnceWhereverItsWordsStand() throws {
        let card = try Evaluator().evaluate(evaluation([
            row("≥120", "118", weight: "20", name: "道路养护里程", reason: "118"),
            row("≥120", "100", weight: "20", name: "绿化面积", score: "15", reason: "苗木未成活"),
        ]))
        let report = TextReport().render(card, file: "t.json")
        #expect(report.contains("  道路养护里程: 20 × 118 ÷ 120 = 19.67\n    原因: 118\n"))
        #expect(report.contains("  绿化面积: evaluator's score 15 (the rule gives 20 × 100 ÷ 120 = 16.67): 苗木未成活\n"))
        #expect(!report.contains("原因: 苗木未成活"))
    }

    /// The 三级指标 cell as seed 001 prints it: `市民之家杂志期数（期）（3分）`, less the points, which have a column.
    @Test func printsTheUnitAfterTheNameAsTheFormDoes() throws {
        let card = try Fixtures.scoreExample("examples/wuhan-2023/01-xingzheng-yunxing.json")
        let row = try #require(card.indicators.first { $0.name == "市民之家杂志期数" })
        #expect(row.printedName == "市民之家杂志期数（期）")
        // A name that already ends with its unit keeps it once; other brackets are part of the name.
        var other = row
        other.indicator.name = "培训次数（次）"
        other.indicator.unit = "次"
        #expect(other.printedName == "培训次数（次）")
        other.indicator.unit = nil
        #expect(other.printedName == "培训次数（次）")
        other.indicator.name = "监管数据准确率（市级归集部分）"
        other.indicator.unit = "%"
        #expect(other.printedName == "监管数据准确率（市级归集部分）（%）")
    }

    @Test func alignsChineseTextByDisplayWidth() {
        #expect(DisplayWidth.of("产出指标") == 8)
        #expect(DisplayWidth.of("≥80,000㎡") == 9)  // ≥ is of ambiguous width: one column, as most terminals draw it
        #expect(DisplayWidth.pad("数量", to: 6) == "数量  ")
        #expect(DisplayWidth.pad("12", to: 4, alignRight: true) == "  12")
        #expect(DisplayWidth.pad("公共资源交易行为", to: 9) == "公共资源…")
        #expect(DisplayWidth.pad("abc公共资源交易", to: 8) == "abc公共…")
        #expect(DisplayWidth.pad("e\u{301}tude", to: 4) == "e\u{301}tu…")
        #expect(DisplayWidth.pad("公共资源", to: 8, alignRight: true) == "公共资源")
    }

    @Test func writesTheResultOfFormatSectionFourAndReadsItBack() throws {
        let path = "examples/wuhan-2023/04-zhihui-chengshi.json"
        let text = JSONReport.text(try Fixtures.scoreExample(path), file: path)
        // An independent parser (Foundation's) reads it back.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["file"] as? String == path)
        #expect(object["rules"] as? String == "wuhan-2023")
        #expect((object["total"] as? NSNumber)?.stringValue == "98.07")
        #expect(object["grade"] as? String == "优")
        let budget = try #require(object["budget"] as? [String: Any])
        #expect((budget["score"] as? NSNumber)?.intValue == 20)
        let indicators = try #require(object["indicators"] as? [[String: Any]])
        #expect(indicators.count == 43)
        #expect(indicators[26]["explanation"] as? String == "1 × 1 ÷ 14 = 0.07")
        #expect(indicators[26]["direction"] as? String == "forward")
        let verification = try #require(object["verification"] as? [String: Any])
        #expect(verification["agrees"] as? Bool == true)
        #expect((verification["differences"] as? [Any])?.isEmpty == true)
        #expect((object["diagnostics"] as? [Any])?.isEmpty == true)
        // Our own reader keeps the printed digits exactly.
        guard case .object(let members) = try tree(Array(text.utf8)) else {
            Issue.record("not an object")
            return
        }
        #expect(members.first { $0.key == "total" }?.value == .number("98.07"))
        #expect(members.map(\.key) == ["format", "file", "title", "agency", "year", "kind", "rules", "total", "maximum",
                                       "grade", "budget", "categories", "indicators", "verification", "diagnostics"])
    }

    @Test func printsScoresWithAtMostTwoDecimals() {
        func printed(_ value: ExactDecimal) -> String {
            var out = JSONOutput(indent: 0)
            JSONReport.score(value, into: &out)
            return out.text
        }
        #expect(printed(dec("0.0714285714")) == "0.07")
        #expect(printed(dec("20")) == "20")
        #expect(printed(dec("99.750")) == "99.75")
        #expect(printed(dec("0.125")) == "0.13")
    }

    @Test func escapesStrings() {
        var out = JSONOutput(indent: 0)
        out.beginArray()
        out.string("a\"b\\\n\u{01}中")
        out.endArray()
        #expect(out.text == "[\"a\\\"b\\\\\\n\\u0001中\"]")
    }

    @Test func laysOutObjectsAndArraysAsTheFormatShows() {
        var out = JSONOutput(indent: 2)
        out.beginObject()
        out.key("a"); out.number(1)
        out.key("empty"); out.beginArray(); out.endArray()
        out.key("none"); out.beginObject(); out.endObject()
        out.key("list"); out.beginArray(); out.number(dec("2.50")); out.null(); out.endArray()
        out.endObject()
        #expect(out.text == "{\n  \"a\": 1,\n  \"empty\": [],\n  \"none\": {},\n  \"list\": [\n    2.5,\n    null\n  ]\n}")
    }
}
