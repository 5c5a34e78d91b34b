import Foundation
import Testing
@testable import PerformanceKit

/// Every file in `examples/` is a regression test: it must reproduce every figure it printed.
@Suite("The shipped examples reproduce their published tables")
struct ExamplesTests {
    @Test func thereAreTheFourSeedCases() {
        #expect(Fixtures.examples.filter { $0.hasPrefix("examples/wuhan-2023/") }.count == 4)
    }

    @Test(arguments: Fixtures.examples)
    func reproducesEveryPrintedFigure(_ path: String) throws {
        let card = try Fixtures.scoreExample(path)
        #expect(card.isComplete, "\(card.errors)")
        let printed = try #require(card.evaluation.published, "\(path) has no published figures")
        #expect(card.total == printed.total)
        if let budget = printed.budget { #expect(card.budget.score == budget) }
        for category in printed.categories {
            #expect(card.categories.first { $0.category == category.category }?.score == category.score, "\(category.category)")
        }
        for row in card.indicators {
            if let published = row.published { #expect(row.score == published, "\(row.path) \(row.name)") }
        }
        let verification = try #require(card.verification)
        #expect(verification.agrees, "\(verification.differences.map(\.message))")
        #expect(card.diagnostics.filter { $0.severity >= .warning }.isEmpty, "\(card.diagnostics)")
    }

    /// The published totals of seed 001, written out so that an edit to an example's `published` cannot hide a change.
    @Test(arguments: [
        ("examples/wuhan-2023/01-xingzheng-yunxing.json", "100", "优"),
        ("examples/wuhan-2023/02-shiminzhijia-dalou.json", "100", "优"),
        ("examples/wuhan-2023/03-zhengwu-fuwu.json", "99.75", "优"),
        ("examples/wuhan-2023/04-zhihui-chengshi.json", "98.07", "优"),
    ])
    func scoresTheSeedTotals(_ path: String, _ total: String, _ grade: String) throws {
        let card = try Fixtures.scoreExample(path)
        #expect(card.total == dec(total))
        #expect(card.grade == grade)
    }

    @Test func reproducesThePrintedRowsOfTheFullTables() throws {
        // 政务服务和政务公开能力建设运行费 (seed 001 lines 3501-3599): every printed row score, in table order.
        let card = try Fixtures.scoreExample("examples/wuhan-2023/03-zhengwu-fuwu.json")
        let printed = ["1", "1", "1", "1", "0.75", "7", "3", "6", "1", "7", "7", "3", "1", "40"].map(dec)
        #expect(card.indicators.map(\.score) == printed)
        #expect(card.categories.map(\.score) == [dec("39.75"), 40])
        // 行政运行工作经费 (lines 3329-3416).
        let first = try Fixtures.scoreExample("examples/wuhan-2023/01-xingzheng-yunxing.json")
        #expect(first.indicators.map(\.score) == ["4", "3", "3", "7", "7", "1", "1", "7", "7", "35", "5"].map(dec))
    }

    @Test func reproducesTheSummaryFormCategoryScores() throws {
        // 智慧城市: 产出 38 + 0 + 1/14 → 38.07 (得分率 95.18 %), 效益 20, 满意度 20 (lines 2965-2976).
        let card = try Fixtures.scoreExample("examples/wuhan-2023/04-zhihui-chengshi.json")
        #expect(card.categories.map(\.score) == [dec("38.07"), 20, 20])
        let lost = card.indicators.filter { $0.score != $0.weight }.map(\.explanation)
        #expect(lost == ["1 × 0 ÷ 2 = 0", "1 × 1 ÷ 14 = 0.07"])
    }

    @Test func wouldNotReproduceTheSeedsUnderOtherReadings() throws {
        // Finding I2: a cap per category would give 100 for the 99.75 table; I12: the start-of-year budget would
        // give 12.19 points for 智慧城市. The shipped rule must be neither.
        let card = try Fixtures.scoreExample("examples/wuhan-2023/03-zhengwu-fuwu.json")
        #expect(card.total != 100)
        let zhihui = try Fixtures.scoreExample("examples/wuhan-2023/04-zhihui-chengshi.json")
        #expect(zhihui.budget.score == 20)
    }
}
