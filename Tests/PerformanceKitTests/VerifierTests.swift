import Foundation
import Testing
@testable import PerformanceKit

@Suite("Verifying printed figures")
struct VerifierTests {
    let scorer = Scorer(profile: .wuhan2023)

    func card(_ rows: [Indicator], published: PublishedFigures? = nil, tolerance: String = "0.01") -> ScoreCard {
        Scorer(profile: .wuhan2023, verifier: Verifier(tolerance: dec(tolerance))).score(evaluation(rows, published: published))
    }

    @Test func agreesWhenEveryFigureMatches() throws {
        let rows = [row("4", "3", published: "0.75"), row("≥90", "95", weight: "79", published: "79")]
        let verification = try #require(card(rows, published: PublishedFigures(total: dec("99.75"), budget: 20)).verification)
        #expect(verification.agrees)
        #expect(verification.compared == 4)
    }

    @Test func hasNoVerificationWithoutPrintedFigures() {
        #expect(card([row("1", "1", weight: "80")]).verification == nil)
    }

    @Test func namesAnotherReadingOfTheRule() throws {
        // Printed 0.75 where forward gives 1: the reverse reading 1 × 3 ÷ 4 would give it.
        let rows = [row("3", "4", published: "0.75"), row("1", "1", weight: "79")]
        let verification = try #require(card(rows, published: PublishedFigures(total: dec("99.75"))).verification)
        #expect(verification.differences.map(\.kind) == [.rule, .rule])
        #expect(verification.differences[0].message
                == "指标: printed 0.75, recomputed 1 (Δ -0.25); the printed figure is what the reverse reading (w × A ÷ B) gives")
        #expect(verification.differences[0].path.description == "indicators[0].published")
        #expect(verification.differences[1].path.description == "published.total")
    }

    @Test func callsPointsOffAMetTargetJudgement() throws {
        let rows = [row("≥4", "4", weight: "6", published: "5"), row("1", "1", weight: "74")]
        let difference = try #require(card(rows).verification?.differences.first)
        #expect(difference.kind == .judgement)
        #expect(difference.message == "指标: printed 5, recomputed 6 (Δ -1); points taken off a met target")
    }

    @Test func findsArithmeticErrorsInThePrintedTable() throws {
        let rows = [row("4", "3", published: "1.5"), row("1", "1", weight: "79", published: "79")]
        let published = PublishedFigures(total: dec("99"), budget: 20, categories: [.init(category: .output, score: 81)])
        let differences = try #require(card(rows, published: published).verification?.differences)
        #expect(differences.map(\.kind) == [.arithmetic, .arithmetic, .arithmetic])
        #expect(differences.map(\.message) == [
            "指标: the printed 1.5 lies outside 0…1, its points",
            "the printed rows of 产出指标 add up to 80.5, not the printed 81",
            "the printed budget and category scores add up to 101, not the printed total 99",
        ])
    }

    @Test func appliesTheTolerance() throws {
        let rows = [row("3", "1", published: "0.34"), row("1", "1", weight: "79")]
        #expect(card(rows).verification?.agrees == true)
        #expect(card(rows, tolerance: "0").verification?.agrees == false)
    }

    @Test func recognisesTheStartOfYearBudget() throws {
        var subject = evaluation([row("1", "1", weight: "80")], planned: "3857.18", executed: "3857.18",
                                 published: PublishedFigures(budget: dec("12.19")))
        subject.budget.initial = dec("6329.52")
        let difference = try #require(scorer.score(subject).verification?.differences.first)
        #expect(difference.kind == .rule)
        #expect(difference.message.hasSuffix("the printed figure is what the start-of-year budget (年初预算数) gives"))
    }

    @Test func flagsAPrintedCategoryWithoutRows() throws {
        let published = PublishedFigures(categories: [.init(category: .benefit, score: 20)])
        let difference = try #require(card([row("1", "1", weight: "80")], published: published).verification?.differences.first)
        #expect(difference.kind == .arithmetic)
        #expect(difference.recomputed == nil)
    }
}
