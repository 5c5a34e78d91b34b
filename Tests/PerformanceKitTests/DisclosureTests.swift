import Foundation
import Testing
@testable import PerformanceKit

/// Issue 18: the tables out of the text of a published disclosure, checked against the hand transcriptions.
@Suite("Disclosure text (perfscore extract)")
struct DisclosureTests {
    static func tables(_ seed: String) throws -> [DisclosureReader.Table] {
        try DisclosureReader().read(try Fixtures.bytes("examples/disclosures/\(seed).txt"), file: "\(seed).txt")
    }

    /// The fields a row is compared on: what the transcription holds, less the reason's wording.
    static func fields(_ card: ScoreCard) -> [[String]] {
        card.evaluation.indicators.map { [$0.category.rawValue, $0.subcategory?.rawValue ?? "", $0.name, $0.unit ?? "",
                                          $0.weight.description, $0.target, $0.actual ?? "", $0.reason == nil ? "" : "reason",
                                          $0.published?.description ?? "—"] }
    }

    @Test func seed001HoldsFourSelfEvaluationsInFileOrder() throws {
        let tables = try Self.tables("001_56ba69dbb77db55d")
        #expect(tables.map(\.form) == [.summary, .summary, .selfEvaluation, .selfEvaluation])
        #expect(tables.map(\.label) == ["lines 2817-2947", "lines 2951-3272", "lines 3276-3448", "lines 3452-3632"])
    }

    @Test(arguments: [(2, "01-xingzheng-yunxing"), (3, "03-zhengwu-fuwu")])
    func theFullFormReadsRowForRowAsTranscribed(_ position: Int, _ example: String) throws {
        let table = try Self.tables("001_56ba69dbb77db55d")[position]
        let read = try table.result.get()
        #expect(read.warnings.filter { $0.code == .unplacedText }.isEmpty)
        let card = try Evaluator().evaluate(read.evaluation, warnings: read.warnings)
        let json = try Fixtures.scoreExample("examples/wuhan-2023/\(example).json")
        #expect(Self.fields(card) == Self.fields(json))
        #expect(card.indicators.map(\.score) == json.indicators.map(\.score))
        #expect(card.total == json.total)
        #expect(card.total == json.evaluation.published?.total)
        #expect(card.verification?.agrees == true)
        #expect(card.evaluation.title == json.evaluation.title)
        #expect(card.evaluation.year == 2023)
        #expect(card.evaluation.budget.planned == json.evaluation.budget.planned)
        #expect(card.evaluation.budget.executed == json.evaluation.budget.executed)
        #expect(card.evaluation.form.filedOn == "2024年6月6日")
    }
}

extension DisclosureTests {
    /// The 摘要版 prints no points per indicator: the reader splits each category's as equally as whole points go,
    /// as the transcriptions did, and says so; the rows are those of the transcription (the unmet ones, listed
    /// apart under 未完成的绩效目标, join the end of their group, so the rows are compared by name).
    @Test(arguments: [(0, "02-shiminzhijia-dalou"), (1, "04-zhihui-chengshi")])
    func theSummaryReadsTheTranscribedRows(_ position: Int, _ example: String) throws {
        let table = try Self.tables("001_56ba69dbb77db55d")[position]
        let read = try table.result.get()
        #expect(read.warnings.filter { $0.code == .unplacedText }.map(\.message) == [])
        #expect(read.warnings.contains { $0.code == .reconstructedFigure })
        let card = try Evaluator().evaluate(read.evaluation, warnings: read.warnings)
        let json = try Fixtures.scoreExample("examples/wuhan-2023/\(example).json")
        let byName: ([[String]]) -> [[String]] = { $0.sorted { $0[2] < $1[2] } }
        #expect(byName(Self.fields(card)) == byName(Self.fields(json)))
        let scores: (ScoreCard) -> [String] = { card in card.indicators.map { "\($0.indicator.name) \($0.score?.description ?? "—")" }.sorted() }
        #expect(scores(card) == scores(json))
        #expect(card.total == json.total)
        #expect(card.total == json.evaluation.published?.total)
        #expect(card.verification?.agrees == true)
        #expect(card.evaluation.title == json.evaluation.title)
        #expect(card.evaluation.agency == json.evaluation.agency)
        #expect(card.evaluation.year == 2023)
        #expect(card.evaluation.budget.planned == json.evaluation.budget.planned)
        #expect(card.evaluation.budget.executed == json.evaluation.budget.executed)
        #expect(card.evaluation.published?.categories == json.evaluation.published?.categories)
    }
}
