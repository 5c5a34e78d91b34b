import Foundation
import Testing
@testable import PerformanceKit

@Suite("Scoring a whole evaluation")
struct ScorerTests {
    let scorer = Scorer(profile: .wuhan2023)

    @Test func scoresTheBudgetBlockOnTheAdjustedBudget() {
        // 20 × 3857.18 ÷ 3857.18 = 20 with the adjusted budget; the start-of-year 6329.52 is reported only (I12).
        var subject = evaluation([row("1", "1", weight: "80")], planned: "3857.18", executed: "3857.18")
        subject.budget.initial = dec("6329.52")
        let card = scorer.score(subject)
        #expect(card.budget.score == 20)
        #expect(card.budget.rate == 1)
        #expect(card.budget.explanation == "20 × 3857.18 ÷ 3857.18 = 20")
    }

    /// An evaluation's fields live in one box shared by its copies: a change to a copy, field by field and a row in
    /// place, leaves the original as it was, and scoring under another rule (which clears the printed figures of
    /// the evaluation it scores) leaves the caller's evaluation as it was.
    @Test func changesACopyOfAnEvaluationAlone() throws {
        let original = try EvaluationReader().read(Fixtures.bytes("examples/wuhan-2023/03-zhengwu-fuwu.json")).evaluation
        let kept = try EvaluationReader().read(Fixtures.bytes("examples/wuhan-2023/03-zhengwu-fuwu.json")).evaluation
        #expect(original == kept)
        var changes: [(String, (inout Evaluation) -> Void)] = [
            ("title", { $0.title = "另一个项目" }), ("agency", { $0.agency = nil }), ("year", { $0.year = 1999 }),
            ("kind", { $0.kind = .department }), ("rules", { $0.rules = RuleProfileID(rawValue: "mof-2020") }),
            ("budget", { $0.budget.weight = nil }), ("row", { $0.indicators[0].published = nil }),
            ("rows", { $0.indicators.removeLast() }), ("published", { $0.published = nil }),
            ("declaredPoints", { $0.declaredPoints = 7 }), ("goals", { $0.goals = [Evaluation.Goal(name: "目标", ratio: 100)] }),
            ("form", { $0.form = FormDetails() }), ("source", { $0.source = nil }),
            ("additionalFields", { $0.additionalFields = [] }),
        ]
        changes.append(("nothing", { _ in }))
        for (field, change) in changes {
            var copy = original
            change(&copy)
            #expect(original == kept, "\(field)")
            #expect((copy == original) == (field == "nothing" || (field == "form" && original.form == FormDetails())
                || (field == "source" && original.source == nil) || (field == "additionalFields" && original.additionalFields.isEmpty)), "\(field)")
        }
        var other = Scorer(profile: .mof2020)
        other.allocation = .profile
        _ = other.score(original)
        #expect(original == kept && original.published != nil && original.indicators[0].published != nil)
    }

    @Test func scoresAPartlyExecutedBudgetProportionally() {
        let card = scorer.score(evaluation([row("1", "1", weight: "80")], planned: "1000", executed: "861.9"))
        #expect(card.budget.score == dec("17.24"))
        #expect(card.budget.explanation == "20 × 861.9 ÷ 1000 = 17.24")
        #expect(card.total == dec("97.24"))
    }

    @Test func capsAnOverExecutedBudget() {
        let card = scorer.score(evaluation([row("1", "1", weight: "80")], planned: "900", executed: "1000"))
        #expect(card.budget.score == 20)
        #expect(card.budget.explanation == "20 × 1000 ÷ 900 = 22.22, capped at 20")
        #expect(card.diagnostics.map(\.code) == [.overExecuted])
    }

    @Test func scoresAZeroBudgetAtZeroWithAWarning() {
        let card = scorer.score(evaluation([row("1", "1", weight: "80")], planned: "0", executed: "0"))
        #expect(card.budget.score == 0)
        #expect(card.budget.rate == nil)
        #expect(card.diagnostics.map(\.code) == [.zeroBudget])
    }

    @Test func addsCategoriesFromRoundedScores() {
        // Three rows of 1 point at 1/3 each: 0.33 + 0.33 + 0.33 = 0.99, not round(1.0) = 1.
        let rows = [row("3", "1"), row("3", "1"), row("3", "1"), row("1", "1", weight: "77", category: .satisfaction,
                                                                       subcategory: .serviceRecipientSatisfaction)]
        let card = scorer.score(evaluation(rows))
        #expect(card.indicators.map(\.score) == [dec("0.33"), dec("0.33"), dec("0.33"), 77])
        #expect(card.categories.map(\.score) == [dec("0.99"), 77])
        #expect(card.total == dec("97.99"))
    }

    /// "Never above the indicator's own points" and "rounded half-up to 2 decimals, as printed" cannot both hold for
    /// points of 3 decimals: a full 2.125 prints as 2.13 and the total can pass the maximum. No rule says which way
    /// to go, so the row is scored as printed and each such row is told; points at 2 places (2.120 too) are not.
    @Test func tellsPointsFinerThanThePrintedScores() {
        let rows = [row("95", "96", weight: "2.125"), row("95", "96", weight: "77.865"), row("1", "1", weight: "0.010")]
        let card = scorer.score(evaluation(rows))
        #expect(card.indicators.map(\.score) == [dec("2.13"), dec("77.87"), dec("0.01")])
        #expect(card.total == dec("100.01"))
        #expect(card.maximum == 100)
        let told = card.diagnostics.filter { $0.code == .pointsPrecision }
        #expect(told.map(\.path.description) == ["indicators[0].weight", "indicators[1].weight"])
        #expect(told.allSatisfy { $0.severity == .warning })
        #expect(told.first?.message == "the points 2.125 carry more decimals than scores are printed with (2): a full score prints as 2.13, above the points, and the subtotals and the total add up the printed scores; give the points with at most 2 decimals")
        #expect(told.last?.message.contains("a full score prints as 77.87, above the points") == true)
        let below = scorer.score(evaluation([row("95", "96", weight: "2.124"), row("1", "1", weight: "77.876")]))
        #expect(below.diagnostics.filter { $0.code == .pointsPrecision }.map(\.message).first?.contains("prints as 2.12, below the points") == true)
        #expect(scorer.score(evaluation([row("1", "1", weight: "80")])).diagnostics.allSatisfy { $0.code != .pointsPrecision })
    }

    /// A rate saved as a fraction (a spreadsheet's 93 % read as 0.93) against a percentage target reads as 0.93 %,
    /// and the row loses nearly all its points: scored as written (no rule reads a fraction as a percentage), and
    /// told, whether the % is in the target or in the unit column; a figure with its own unit, a zero, or a target
    /// that is itself at most 1 % is not.
    @Test func tellsAFractionReadAgainstAPercentage() {
        let (score, diagnostics) = scoreRow(row("≥95%", "0.93", weight: "40", name: "验收合格率"))
        #expect(score.score == dec("0.39"))
        #expect(diagnostics.map(\.description) == [
            "warning[rate-as-fraction] indicators[0].actual: the actual 0.93 has no unit and the target ≥95% is a percentage, so it reads as 0.93 %: if it is a rate written as a fraction, write it as printed (93%)",
        ])
        #expect(scoreRow(row("≥95", "0.93", unit: "%")).diagnostics.map(\.code) == [.rateAsFraction])
        #expect(scoreRow(row("≥95", "1", unit: "%")).diagnostics.map(\.code) == [.rateAsFraction])
        #expect(scoreRow(row("≥95%", "93%")).diagnostics.isEmpty)
        #expect(scoreRow(row("≥95%", "0")).diagnostics.isEmpty)
        #expect(scoreRow(row("≤0.5%", "0.3")).diagnostics.isEmpty)
        #expect(scoreRow(row("≥95", "0.93")).diagnostics.isEmpty)
    }

    @Test func keepsCategoriesInTableOrder() {
        let rows = [row("1", "1", weight: "40", category: .satisfaction, subcategory: nil),
                    row("1", "1", weight: "40", category: .output)]
        #expect(scorer.score(evaluation(rows)).categories.map(\.category) == [.satisfaction, .output])
    }

    @Test(arguments: [("90", "优"), ("89.99", "良"), ("80", "良"), ("79.99", "中"), ("60", "中"), ("59.99", "差"), ("0", "差")])
    func gradesByTheNationalBands(_ total: String, _ grade: String) {
        #expect(RuleProfile.wuhan2023.grade(for: dec(total)) == grade)
    }

    @Test func leavesTheTotalOpenWhenARowCannotBeScored() {
        let card = scorer.score(evaluation([row("好", "较好", weight: "40"), row("1", "1", weight: "40")]))
        #expect(card.total == nil)
        #expect(card.grade == nil)
        #expect(!card.isComplete)
        #expect(card.categories.first?.score == nil)
        #expect(card.errors.map(\.path.description) == ["indicators[0].actual"])
    }

    @Test func warnsWhenPointsDoNotAddUpToTheProfile() {
        let card = scorer.score(evaluation([row("1", "1", weight: "75")]))
        #expect(card.diagnostics.map(\.code) == [.pointsTotal])
        #expect(card.diagnostics.first?.message == "the indicators carry 75 points; wuhan-2023 expects 80")
    }

    @Test func warnsAboutTheTaxonomy() {
        let rows = [row("1", "1", weight: "40", category: .benefit, subcategory: .quantity),
                    row("1", "1", weight: "40", category: IndicatorCategory(rawValue: "效果指标"), subcategory: nil)]
        let card = scorer.score(evaluation(rows))
        #expect(card.diagnostics.map(\.code) == [.subcategoryMismatch, .unknownCategory])
    }

    @Test func changesNothingWhenIndicatorsAreReordered() {
        let rows = [row("4", "3"), row("≤50", "37", weight: "7"), row("14份", "1份"), row("≥90%", "90%", weight: "71")]
        let forward = scorer.score(evaluation(rows))
        let backward = scorer.score(evaluation(rows.reversed()))
        #expect(forward.total == backward.total)
        #expect(forward.total == dec("98.82"))
    }
}

@Suite("Rounding half-up to two decimals")
struct RoundingRuleTests {
    @Test(arguments: [("0.125", "0.13"), ("0.124", "0.12"), ("38.0714", "38.07"), ("9.4594", "9.46"), ("2.675", "2.68"),
                      ("95.175", "95.18"), ("100", "100"), ("0.005", "0.01"), ("0.0049999", "0")])
    func roundsHalfUp(_ input: String, _ expected: String) {
        #expect(RoundingRule(scale: 2).round(dec(input)) == dec(expected))
    }

    @Test func isIdempotent() {
        let rounding = RoundingRule(scale: 2)
        for text in ["0.125", "1.005", "38.0714", "99.995"] {
            #expect(rounding.round(rounding.round(dec(text))) == rounding.round(dec(text)))
        }
    }

    @Test func keepsDecimalsExact() {
        // Binary floating point gives 0.1 + 0.2 = 0.30000000000000004; Decimal does not.
        #expect(dec("0.1") + dec("0.2") == dec("0.3"))
        #expect(dec("894.13").plainText == "894.13")
    }
}
