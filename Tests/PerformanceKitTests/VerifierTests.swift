import Foundation
import Testing
@testable import PerformanceKit

@Suite("Verifying printed figures")
struct VerifierTests {
    /// Scores and verifies, as the evaluator does.
    func verified(_ subject: Evaluation) throws -> ScoreCard {
        try Evaluator().evaluate(subject)
    }

    func card(_ rows: [Indicator], published: PublishedFigures? = nil, tolerance: String = "0.01") -> ScoreCard {
        // The evaluator scores, then verifies.
        (try? Evaluator(rules: .wuhan2023, tolerance: dec(tolerance)).evaluate(evaluation(rows, published: published)))
            ?? Scorer(profile: .wuhan2023).score(evaluation(rows, published: published))
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
                == "指标: printed 0.75, recomputed 1 (Δ -0.25); the printed figure is what the reverse reading w × A ÷ B gives: 1 × 3 ÷ 4 = 0.75")
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
        let difference = try #require(try verified(subject).verification?.differences.first)
        #expect(difference.kind == .rule)
        #expect(difference.message.hasSuffix("the printed figure is what the start-of-year budget (年初预算数) gives: 20 × 3857.18 ÷ 6329.52 = 12.19"))
    }

    @Test func flagsAPrintedCategoryWithoutRows() throws {
        let published = PublishedFigures(categories: [.init(category: .benefit, score: 20)])
        let difference = try #require(card([row("1", "1", weight: "80")], published: published).verification?.differences.first)
        #expect(difference.kind == .arithmetic)
        #expect(difference.recomputed == nil)
    }

    @Test func recognisesACapPerCategory() throws {
        // seed 001 finding I2: capping 数量指标 as a whole would give 100 for the 99.75 table. A table that printed
        // that reading is named for it.
        let bytes = try Fixtures.bytes("examples/wuhan-2023/03-zhengwu-fuwu.json")
        var subject = try EvaluationReader().read(bytes).evaluation
        for index in subject.indicators.indices { subject.indicators[index].published = nil }
        subject.published = PublishedFigures(categories: [.init(category: .output, score: 40)])
        let difference = try #require(try verified(subject).verification?.differences.first)
        #expect(difference.kind == .rule)
        #expect(difference.message.hasSuffix("the printed figure is what a cap per category instead of per indicator gives"))
    }

    @Test func recognisesTheOtherReverseFormula() throws {
        // Printed 7.5 for ≤100 → 125 with 10 points: the linear formula's figure; wuhan-2023's ratio gives 8.
        let rows = [row("≤100", "125", weight: "10", published: "7.5"), row("1", "1", weight: "70")]
        let difference = try #require(card(rows).verification?.differences.first)
        #expect(difference.kind == .rule)
        #expect(difference.message.hasSuffix("the linear reverse formula w × (1 − (B − A) ÷ A) (as mof-2020-linear) gives: 10 × (1 − (125 − 100) ÷ 100) = 7.5"))
    }

    @Test func recognisesAnotherProfilesStepTable() throws {
        var subject = evaluation([row("1", "1", weight: "90")], planned: "100", executed: "85",
                                 published: PublishedFigures(budget: 7))
        subject.budget.weight = 10
        subject.rules = "mof-2020"
        let difference = try #require(try Evaluator().evaluate(subject).verification?.differences.first)
        #expect(difference.kind == .rule)
        #expect(difference.message == "budget: printed 7, recomputed 8.5 (Δ -1.5); the printed figure is what the step table of jiangxi gives: an execution rate of 85% scores 7")
    }

    @Test func findsPointsThatDoNotAddUpToTheRulesTotal() throws {
        // Indicator points of 100 on top of 20 execution points.
        let rows = [row("1", "1", weight: "100", published: "100")]
        let differences = try #require(card(rows, published: PublishedFigures(total: 120, budget: 20)).verification?.differences)
        #expect(differences.first?.kind == .arithmetic)
        #expect(differences.first?.message == "the rows carry 100 points on top of the budget block's 20: the table's points add up to 120, not 100")
    }

    // Issue 14 §1: a figure that could not be recomputed is never counted as agreeing.
    @Test func neverCountsAFigureItCouldNotRecomputeAsAgreeing() throws {
        let rows = [row("好", "差", weight: "40"), row("≥10", "10", weight: "40")]
        let subject = card(rows, published: PublishedFigures(total: 100))
        #expect(subject.total == nil)
        let verification = try #require(subject.verification)
        #expect(!verification.agrees)
        #expect(verification.compared == 0)
        #expect(verification.differing == 0)
        #expect(verification.differences.map(\.kind) == [.notCompared])
        #expect(verification.differences.map(\.path) == ["published.total"])
        #expect(verification.differences[0].message == "the rule gives no total: 1 row(s) could not be scored")
        #expect(TextReport().verification(subject).first
                == "Published figures: 0 of 0 differ, 1 not compared (tolerance 0.01)")
    }

    @Test func listsAPrintedScoreThatStandsForTheRuleAsNotCompared() throws {
        // 是 against 否: no rule scores it; the printed 30 stands as the evaluator's judgement, unchecked.
        let rows = [row("是", "否", weight: "40", published: "30"), row("≥10", "10", weight: "40", published: "40")]
        let verification = try #require(card(rows, published: PublishedFigures(total: 90, budget: 20)).verification)
        #expect(verification.differences.map(\.kind) == [.notCompared])
        #expect(verification.compared == 3)
        #expect(verification.differing == 0)
        #expect(!verification.agrees)
    }

    // Issue 14 "wrong counts": points that do not add up are a finding about the table, not a printed figure.
    @Test func countsOnlyPrintedFiguresAsDiffering() throws {
        let rows = [row("≥10", "10", weight: "40"), row("≥90", "95", weight: "20", category: .satisfaction)]
        let subject = card(rows, published: PublishedFigures(total: 80))
        let verification = try #require(subject.verification)
        #expect(verification.compared == 1)
        #expect(verification.differing == 0)
        #expect(verification.differences.map(\.kind) == [.arithmetic])
        #expect(TextReport().verification(subject).first
                == "Published figures: 0 of 1 differ, and the table's points do not add up to the rule's (tolerance 0.01)")
    }

    // Issue 14 §7: the usual layout prints row scores and a total, no subtotals.
    @Test func checksThePrintedTotalAgainstThePrintedRowsAndBudget() throws {
        let rows = [row("≥10", "10", weight: "80", published: "80")]
        let differences = try #require(card(rows, published: PublishedFigures(total: 95, budget: 9)).verification?.differences)
        #expect(differences.map(\.kind) == [.judgement, .arithmetic])
        #expect(differences[1].message == "the printed budget and row scores add up to 89, not the printed total 95")
    }

    @Test func callsATotalOverRowsThatDoNotAddUpArithmetic() throws {
        let rows = [row("≥10", "10", weight: "40", published: "40"), row("≥10", "10", weight: "40", category: .benefit, published: "35")]
        let differences = try #require(card(rows, published: PublishedFigures(total: 100, budget: 20)).verification?.differences)
        #expect(differences.map(\.kind) == [.judgement, .arithmetic])
        #expect(differences[1].message == "the printed budget and row scores add up to 95, not the printed total 100")
    }

    // Issue 14 §7: 否 against a target of 是 is a missed target; full marks printed on it are the evaluator's judgement.
    @Test func callsFullMarksOnADenialAMissedTarget() throws {
        let rows = [row("是", "否", weight: "40", published: "40"), row("≥10", "10", weight: "40", published: "40")]
        let subject = card(rows, published: PublishedFigures(total: 100, budget: 20))
        let verification = try #require(subject.verification)
        #expect(verification.differences.map(\.kind) == [.judgement])
        #expect(verification.differences[0].message == "指标: printed 40, full marks on a missed target (否 against 是): the evaluator's own judgement")
        #expect(verification.compared == 4)
        let finding = try #require(subject.diagnostics.first { $0.code == .undefinedScore })
        #expect(finding.message == "the actual \"否\" says the target \"是\" was not met: a missed target (未达成: 0–50 % of the points under wuhan-2023); give the judgement 未达成 with a score, or a score")
    }

    // Issue 14 §7: the capped reverse formula gives full marks on every missed forward target, so it explains nothing.
    @Test func callsFullMarksOnAMissedTargetJudgement() throws {
        let rows = [row("≥10", "8", weight: "40", published: "40"), row("1", "1", weight: "40")]
        let difference = try #require(card(rows).verification?.differences.first)
        #expect(difference.kind == .judgement)
        #expect(difference.message == "指标: printed 40, recomputed 32 (Δ +8); full marks on a missed target: the evaluator's own judgement")
    }
}

/// Issue 14 §6: the readings publishers use, each named with its arithmetic. The tables are those the issue
/// reports from real disclosures (a Hubei self-evaluation, and the budget, whole-point and one-point-off tables it
/// describes); none of them is in this repository, so each test rebuilds the rows the issue quotes.
@Suite("Naming the readings publishers use")
struct OtherReadingTests {
    func difference(_ rows: [Indicator], tolerance: String = "0.01") throws -> Verification.Difference {
        let card = try Evaluator(rules: .wuhan2023, tolerance: dec(tolerance)).evaluate(evaluation(rows))
        return try #require(card.verification?.differences.first)
    }

    func budgetDifference(planned: String, executed: String, printed: String, tolerance: String = "0.01") throws -> Verification.Difference {
        var subject = evaluation([row("1", "1", weight: "90")], planned: planned, executed: executed,
                                 published: PublishedFigures(budget: dec(printed)))
        subject.budget.weight = 10
        subject.rules = "mof-2020"
        let card = try Evaluator(tolerance: dec(tolerance)).evaluate(subject)
        return try #require(card.verification?.differences.first)
    }

    // A Hubei table scored a met 98 % satisfaction target as 20 × 98 % = 19.6.
    @Test func namesPointsTimesTheActualPercentage() throws {
        let printed = try difference([row("≥95%", "98%", weight: "20", category: .satisfaction, subcategory: nil, published: "19.6"),
                                      row("1", "1", weight: "60")])
        #expect(printed.kind == .rule)
        #expect(printed.message == "指标: printed 19.6, recomputed 20 (Δ -0.4); the printed figure is what points × the actual percentage gives: 20 × 98% = 19.6")
        // The same with the unit in the 计量单位 column, and in ‰.
        let column = try difference([row("≥95", "98", weight: "20", unit: "%", published: "19.6"), row("1", "1", weight: "60")])
        #expect(column.kind == .rule)
        let permille = try difference([row("≥950‰", "980‰", weight: "20", published: "19.6"), row("1", "1", weight: "60")])
        #expect(permille.message.hasSuffix("points × the actual percentage gives: 20 × 980‰ = 19.6"))
        // A bare figure is not a percentage: 20 × 98 ÷ 100 is no reading of ≥95 → 98.
        let bare = try difference([row("≥95", "98", weight: "20", published: "19.6"), row("1", "1", weight: "60")])
        #expect(bare.kind == .judgement)
    }

    // A table printed an execution rate of 49.9 % as 50 % and scored it 5 of 10; mof-2020 gives 4.99, within one
    // printed cent, so only a verifier without tolerance sees it. At 84.6 % the reading is further than a cent.
    @Test func namesTheExecutionRateRoundedToAWholePercent() throws {
        let cited = try budgetDifference(planned: "1000", executed: "499", printed: "5", tolerance: "0")
        #expect(cited.kind == .rule)
        #expect(cited.message == "budget: printed 5, recomputed 4.99 (Δ +0.01); the printed figure is what the execution rate rounded to a whole percent gives: 499 ÷ 1000 = 49.9% → 50%, scored 5")
        let further = try budgetDifference(planned: "1000", executed: "846", printed: "8.5")
        #expect(further.message.hasSuffix("the execution rate rounded to a whole percent gives: 846 ÷ 1000 = 84.6% → 85%, scored 8.5"))
        // Whole points on the budget block: 8.46 printed 8.
        let whole = try budgetDifference(planned: "1000", executed: "846", printed: "8")
        #expect(whole.message.hasSuffix("rounding the score down to whole points gives: 8.46 → 8"))
    }

    // A missed target scored 5 of 6 where the rule gives 5.96: whole-point scores.
    @Test func namesWholePointScores() throws {
        let down = try difference([row("≥100", "99.3", weight: "6", published: "5"), row("1", "1", weight: "74")])
        #expect(down.kind == .rule)
        #expect(down.message == "指标: printed 5, recomputed 5.96 (Δ -0.96); the printed figure is what rounding the score down to whole points gives: 5.96 → 5")
        let halfUp = try difference([row("≥100", "75", weight: "6", published: "5"), row("1", "1", weight: "74")])
        #expect(halfUp.message.hasSuffix("rounding the score half-up to whole points gives: 4.5 → 5"))
        // Only a table that prints whole points throughout is read so: 1 printed beside 72.5 is not a rounding of 1.77.
        let cents = try difference([row("≥100", "59", weight: "3", published: "1"), row("≥100", "98", weight: "74", published: "72.52")])
        #expect(cents.kind == .judgement)
    }

    // Tables that take one point off each missed target, whatever the shortfall.
    @Test func namesOnePointOffAMissedTarget() throws {
        let missed = try difference([row("≥100", "50", weight: "6", published: "5"), row("1", "1", weight: "74")])
        #expect(missed.kind == .rule)
        #expect(missed.message == "指标: printed 5, recomputed 3 (Δ +2); the printed figure is what one point off a missed target gives: 6 − 1 = 5")
        // On a met target the same point off is the evaluator's judgement.
        let met = try difference([row("≥100", "100", weight: "6", published: "5"), row("1", "1", weight: "74")])
        #expect(met.kind == .judgement)
    }

    @Test func givesTheArithmeticOfTheRatioReadings() throws {
        let reverse = try difference([row("3", "4", published: "0.75"), row("1", "1", weight: "79")])
        #expect(reverse.message.hasSuffix("the reverse reading w × A ÷ B gives: 1 × 3 ÷ 4 = 0.75"))
    }
}
