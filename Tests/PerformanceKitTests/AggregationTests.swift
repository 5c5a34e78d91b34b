import Foundation
import Testing
@testable import PerformanceKit

private func parts(_ values: [(String, String?)], fund: Bool = true) -> [Indicator.Part] {
    values.enumerated().map { index, value in
        Indicator.Part(agency: "单位\(index + 1)", fund: fund ? dec(value.0) : nil, actual: value.1)
    }
}

@Suite("Several units for one indicator (parts)")
struct PartsAggregationTests {
    @Test func sumsAbsoluteValuesThenScoresOnce() {
        var indicator = row("≥12次", nil, weight: "20")
        indicator.parts = parts([("500", "7次"), ("300", "4次")])
        let (result, diagnostics) = scoreRow(indicator)
        #expect(result.score == dec("18.33"))
        #expect(result.explanation == "parts summed: 7 + 4 = 11: 20 × 11 ÷ 12 = 18.33")
        #expect(diagnostics.isEmpty)
    }

    @Test func weightsRelativeValuesByFund() {
        // 备注 2: "相对值按照资金额度加权平均计算": (500 × 95 + 300 × 98.33) ÷ 800 = 96.24875.
        var indicator = row("≥98%", nil, weight: "20")
        indicator.parts = parts([("500", "95%"), ("300", "98.33%")])
        let (result, _) = scoreRow(indicator)
        #expect(result.score == dec("19.64"))
        #expect(result.explanation == "parts weighted by fund: (500 × 95 + 300 × 98.33) ÷ 800 = 96.2488…: 20 × 96.2488… ÷ 98 = 19.64")
    }

    @Test func scoresOnceAfterAggregatingNotPerUnit() {
        // 备注 2: "先汇总完成数，再计算得分": 92 and 88 against ≥90 average 90.5 and score full; per unit it would
        // have been (20 + 19.56) ÷ 2.
        var indicator = row("≥90%", nil, weight: "20")
        indicator.parts = parts([("500", "92%"), ("500", "88%")])
        #expect(scoreRow(indicator).score.score == 20)
    }

    @Test func decidesAbsoluteOrRelativeFromUnitAndNameUnlessTold() {
        var rate = row("≥95", nil, weight: "10", name: "办结率")
        rate.parts = parts([("100", "90"), ("300", "100")])
        #expect(scoreRow(rate).score.score == dec("10"))          // (100 × 90 + 300 × 100) ÷ 400 = 97.5
        var count = row("≥95", nil, weight: "10", name: "培训次数")
        count.parts = parts([("100", "40"), ("300", "30")])
        #expect(scoreRow(count).score.score == dec("7.37"))       // 40 + 30 = 70; 10 × 70 ÷ 95
        count.aggregation = .relative
        #expect(scoreRow(count).score.score == dec("3.42"))       // (4000 + 9000) ÷ 400 = 32.5; 10 × 32.5 ÷ 95
        rate.aggregation = .absolute
        #expect(scoreRow(rate).score.score == 10)
    }

    @Test func checksAnActualGivenBesideItsParts() {
        var indicator = row("≥98%", "96.25%", weight: "20")
        indicator.parts = parts([("500", "95%"), ("300", "98.33%")])
        #expect(scoreRow(indicator).diagnostics.isEmpty)
        indicator.actual = "97%"
        let (result, diagnostics) = scoreRow(indicator)
        #expect(result.score == nil)
        #expect(diagnostics.map(\.code) == [.partsDisagree])
        #expect(diagnostics.first?.path.description == "indicators[0].actual")
    }

    @Test func refusesWhatItCannotAggregate() {
        var noFunds = row("≥98%", nil, weight: "20")
        noFunds.parts = parts([("500", "95%"), ("300", "98%")], fund: false)
        #expect(scoreRow(noFunds).diagnostics.first?.message == "relative values are weighted by each unit's funds; give fund on every part")
        var units = row("≥10", nil, weight: "20")
        units.parts = parts([("1", "4次"), ("1", "3个")])
        #expect(scoreRow(units).diagnostics.map(\.code) == [.unitMismatch])
        var words = row("≥10次", nil, weight: "20")
        words.parts = parts([("1", "完成"), ("1", "3次")])
        #expect(scoreRow(words).diagnostics.map(\.code) == [.unreadableValue])
    }

    @Test func weightsQualitativeScoresByFund() {
        // 备注 3: "汇总时，以资金额度为权重，对分值进行加权平均计算".
        var indicator = row("有所提升", nil, weight: "20", judgement: .partial)
        indicator.parts = [Indicator.Part(fund: 500, score: 14), Indicator.Part(fund: 300, score: 12)]
        let (result, diagnostics) = scoreRow(indicator)
        #expect(result.score == dec("13.25"))
        #expect(result.basis == .fundWeighted)
        #expect(result.explanation == "部分达成 (50–80 % of 20): parts' scores weighted by fund: (500 × 14 + 300 × 12) ÷ 800 = 13.25")
        #expect(diagnostics.isEmpty)
        indicator.judgement = .achieved
        #expect(scoreRow(indicator).diagnostics.map(\.code) == [.scoreOutOfRange])
    }
}

@Suite("Goal ratios and department evaluations")
struct GoalRatioTests {
    @Test func weightsEachGoalsScoreByItsRatio() throws {
        let card = try Fixtures.scoreExample("examples/constructed/department-goal-ratios.json")
        #expect(card.evaluation.kind == .department)
        #expect(card.goals.map(\.weighted) == [dec("47.62"), dec("31.64")])
        #expect(card.goals.map(\.explanation) == ["79.37 × 60 ÷ 100 = 47.62", "79.11 × 40 ÷ 100 = 31.64"])
        #expect(card.budget.score == dec("19.2"))
        #expect(card.total == dec("98.46"))
        #expect(card.maximum == 100)
        #expect(card.diagnostics.isEmpty)
    }

    @Test func requiresEveryRowToNameAGoal() {
        var subject = evaluation([row("1", "1", weight: "80"), row("1", "1", weight: "80")])
        subject.goals = [Evaluation.Goal(name: "目标1", ratio: 50), Evaluation.Goal(name: "目标2", ratio: 40)]
        subject.indicators[0].goal = "目标1"
        subject.indicators[1].goal = "目标3"
        let card = Scorer(profile: .wuhan2023).score(subject)
        #expect(card.total == nil)
        #expect(card.diagnostics.map(\.description) == [
            "error[unknown-goal] indicators[1].goal: \"目标3\" is not one of the goals (目标1, 目标2)",
            "warning[goal-ratios] goals: the goals' ratios add up to 90 %, not 100 %",
            "warning[points-total] goals: the goals carry 40 points after their ratios; wuhan-2023 expects 80",
        ])
    }
}

@Suite("Roll-up over many evaluations")
struct RollUpTests {
    @Test func oneUnitSpelledTwoWaysIsOneUnit() throws {
        var first = evaluation([row("≥1", "1")])
        first.agency = "某局 (某中心)"
        var second = evaluation([row("≥1", "1")])
        second.agency = "某局（某中心）"
        var other = evaluation([row("≥1", "1")])
        other.agency = "某局（另一中心）"
        let cards = try [first, second, other].enumerated().map { ("\($0.offset).json", try Evaluator().evaluate($0.element)) }
        let rollUp = RollUp(cards)
        #expect(rollUp.agencies.map(\.agency) == ["某局 (某中心)", "某局（另一中心）"])
        #expect(rollUp.agencies.map(\.count) == [2, 1])
        // In the order the units first appear, a unit's tables gathered wherever they stand.
        let interleaved = RollUp([cards[0], cards[2], cards[1]])
        #expect(interleaved.agencies.map(\.agency) == ["某局 (某中心)", "某局（另一中心）"])
        #expect(interleaved.agencies.map(\.count) == [2, 1])
        #expect(interleaved.agencies == rollUp.agencies)
    }

    @Test func rollsUpTheShippedExamples() throws {
        let cards = try Fixtures.examples.map { ($0, try Fixtures.scoreExample($0)) }
        let rollUp = RollUp(cards)
        // Σ planned × total ÷ Σ planned over the six examples, computed by hand: 98.56; plain mean 97.75.
        #expect(rollUp.overall.count == 6)
        #expect(rollUp.overall.fundWeightedMean == dec("98.56"))
        #expect(rollUp.overall.mean == dec("97.75"))
        #expect(rollUp.overall.grades.map(\.grade) == ["优", "良", "中", "差"])
        #expect(rollUp.overall.grades.map(\.count) == [6, 0, 0, 0])
        let seedUnit = try #require(rollUp.agencies.first { $0.agency == "市政务服务和大数据管理局（武汉市公共资源交易监督管理局）" })
        #expect(seedUnit.count == 4)
        // (964.1 × 100 + 5207.48 × 100 + 894.13 × 99.75 + 3857.18 × 98.07) ÷ 10922.89 = 99.30 (seed 001 rules.md).
        #expect(seedUnit.fundWeightedMean == dec("99.3"))
        #expect(rollUp.losses.first?.indicator == "群众办事便利度")
        #expect(rollUp.disagreements.isEmpty)
    }

    @Test func listsDisagreements() throws {
        var card = try Fixtures.scoreExample("examples/wuhan-2023/03-zhengwu-fuwu.json")
        card.evaluation.published?.total = 100
        card.verification = Verifier().verify(card)
        let rollUp = RollUp([("x.json", card)])
        #expect(rollUp.disagreements == [RollUp.Disagreement(file: "x.json", title: card.evaluation.title, printed: 100,
                                                             recomputed: dec("99.75"), differences: 1, notCompared: 0)])
    }

    /// A printed figure the rule cannot score is not compared: listed as such, never as a difference (the text
    /// said "2 differences" of a table whose compared figures all agreed).
    @Test func saysWhichFiguresWereNotComparedRatherThanDiffering() throws {
        var rows = (0..<3).map { index in row("≥10", "10", weight: "20", name: "指标\(index)", published: "20") }
        rows.append(row("有效提升", "明显提升", weight: "20", category: .benefit, subcategory: .socialBenefit, name: "群众办事便利度", published: "16"))
        var evaluation = evaluation(rows)
        evaluation.published = PublishedFigures(total: dec("96"))
        let card = try Evaluator().evaluate(evaluation)
        let rollUp = RollUp([("x.json", card)])
        #expect(rollUp.disagreements.map(\.differences) == [0])
        #expect(rollUp.disagreements.map(\.notCompared) == [1])
        #expect(SummaryReport.text(rollUp).contains("  x.json: printed 96, recomputed 96 (1 not compared)\n"))
    }

    /// A table that prints no figure neither agrees nor disagrees: the roll-up said "Every evaluation agrees with
    /// its printed figures" of tables that printed none.
    @Test func doesNotCallATableThatPrintsNothingAgreeing() throws {
        let printed = try Fixtures.scoreExample("examples/wuhan-2023/03-zhengwu-fuwu.json")
        var evaluation = printed.evaluation
        evaluation.published = nil
        for index in evaluation.indicators.indices { evaluation.indicators[index].published = nil }
        let bare = try Evaluator().evaluate(evaluation)
        #expect(bare.verification == nil)
        let both = RollUp([("a.json", printed), ("b.json", bare)])
        #expect(both.printingNothing == 1)
        #expect(SummaryReport.text(both).contains("\nEvery evaluation that prints figures agrees with them; 1 prints none.\n"))
        #expect(SummaryReport.markdown(both).contains("\n印有得分的自评表都与规则计算一致；另有 1 张未印得分，未核对。\n"))
        #expect(SummaryReport.text(RollUp([("b.json", bare)])).contains("\nNo evaluation prints figures to compare.\n"))
        #expect(SummaryReport.text(RollUp([("a.json", printed)])).contains("\nEvery evaluation agrees with its printed figures.\n"))
    }

    /// With every file left out, the roll-up said "Every evaluation agrees with its printed figures" of none.
    @Test func saysNothingWasComparedWhenNothingWasScored() {
        let text = SummaryReport.text(RollUp([]), skipped: [("bad.json", "cannot be read: budget.planned: …")])
        #expect(text.contains("\nNo evaluation was scored, so none was compared.\n"))
        #expect(!text.contains("agrees"))
        #expect(SummaryReport.markdown(RollUp([])).contains("\n没有计分的自评表，无可核对。\n"))
    }

    /// Every figure of the units' table prints in full: the grade columns were as wide as their heading (优), so that
    /// a roll-up of 10,000 real-shaped tables printed 6,217 优 as `6…`, and funds beyond 12 characters were cut.
    @Test func printsEveryFigureOfTheUnitsTableInFull() throws {
        let card = try Fixtures.scoreExample("examples/wuhan-2023/03-zhengwu-fuwu.json")
        var large = card
        large.budget.block.planned = dec("123456789012345.67")
        let rollUp = RollUp(Array(repeating: ("a.json", card), count: 150) + [("b.json", large)])
        let text = SummaryReport.text(rollUp)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(3).map(String.init)
        #expect(!lines.joined().contains("…"))
        #expect(lines[1].contains("  151  "))
        #expect(lines[1].hasSuffix("  151    0    0    0"))
        let funds = try #require(card.budget.planned.multiplied(by: 150)?.adding(large.budget.planned))
        #expect(lines[1].contains("  \(funds.plainText)  "))
        // The headings stand right-aligned over their figures: each heading ends where its column's figures end.
        let heading = lines[0]
        for name in ["项目数", "资金（万元）", "加权平均分", "平均分", "优"] {
            let end = DisplayWidth.of(String(heading[..<heading.range(of: name)!.upperBound]))
            let figureEnds = lines[1...].map { line in
                line.indices.filter { index in
                    index == line.indices.last || line[line.index(after: index)] == " "
                }.map { DisplayWidth.of(String(line[...$0])) }
            }
            #expect(figureEnds.allSatisfy { $0.contains(end) }, "\(name) ends at \(end)")
        }
    }

    /// A file left out for several problems lists each under the file's line, not at the margin.
    @Test func indentsEachProblemOfAFileLeftOut() {
        let text = SummaryReport.text(RollUp([]), skipped: [("bad.json", "cannot be read: budget.planned: …\nindicators[1].weight: missing")])
        #expect(text.contains("  bad.json: cannot be read: budget.planned: …\n    indicators[1].weight: missing\n"))
    }
}
