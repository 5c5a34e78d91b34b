import Foundation
import Testing
@testable import PerformanceKit

private func ruleFiles() -> [String] {
    let directory = Fixtures.root.appendingPathComponent("rules")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted().map { "rules/" + $0 }
}

@Suite("Rule profile files")
struct RuleFilesTests {
    @Test func shipsAtLeastFourProfiles() {
        #expect(ruleFiles().count >= 4)
        #expect(RuleProfile.builtIn.count == ruleFiles().count)
    }

    @Test(arguments: ruleFiles())
    func decodesValidatesAndCitesASource(_ path: String) throws {
        let profile = try RuleProfile(jsonData: try Fixtures.bytes(path))
        #expect(path == "rules/\(profile.id).json")
        #expect(!profile.source.document.isEmpty)
        #expect(profile.source.evidence?.isEmpty == false)
        #expect(!profile.notes.isEmpty, "say plainly what could not be confirmed")
        #expect(profile.budgetWeight + profile.indicatorWeight == 100)
    }

    /// `perfscore rules` lists each profile's points in full: a column seven wide cut `12.5 + 87.5` to `12.5 + …`.
    @Test func listsEveryProfilesPointsInFull() throws {
        let text = try String(decoding: Fixtures.bytes("rules/wuhan-2023.json"), as: UTF8.self)
            .replacingOccurrences(of: "\"weight\": 20,", with: "\"weight\": 12.5,")
            .replacingOccurrences(of: "\"total\": 80,", with: "\"total\": 87.5,")
            .replacingOccurrences(of: "\"id\": \"wuhan-2023\"", with: "\"id\": \"half-points\"")
        let profile = try RuleProfile(jsonData: Array(text.utf8))
        let lines = RuleProfileReport.list([profile, RuleProfile.wuhan2023]).split(separator: "\n")
        #expect(lines[0].hasPrefix("half-points  12.5 + 87.5  "))
        #expect(lines[1].hasPrefix("wuhan-2023   20 + 80      "))
    }

    @Test func builtInProfilesAreExactlyTheFilesInRules() throws {
        let embedded = RuleProfile.embeddedFiles
        #expect(embedded.map { "rules/" + $0.name } == ruleFiles(), "add the new file's line to RuleProfile.embeddedFiles")
        for file in embedded {
            // SwiftPM embeds the files themselves: the bytes are the file's.
            #expect(file.bytes == (try Fixtures.bytes("rules/" + file.name)), "rules/\(file.name)")
        }
    }

    @Test func everyBuiltInProfileDecodes() {
        for (file, decoded) in zip(RuleProfile.embeddedFiles, RuleProfile.decodedFiles) {
            if case .failure(let error) = decoded { Issue.record("rules/\(file.name) does not decode: \(error)") }
        }
        #expect(RuleProfile.builtIn.count == RuleProfile.embeddedFiles.count)
        #expect(RuleProfile.wuhan2023.unusableReason == nil && RuleProfile.mof2020.unusableReason == nil)
    }
}

@Suite("Reading a rule profile")
struct RuleProfileDecodingTests {
    static let wuhan = String(decoding: (try? Fixtures.bytes("rules/wuhan-2023.json")) ?? [], as: UTF8.self)

    func problems(_ text: String) -> [String] {
        do {
            _ = try RuleProfile(jsonData: Array(text.utf8))
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func readsTheWuhanProfile() throws {
        let profile = try RuleProfile(jsonData: Array(Self.wuhan.utf8))
        #expect(profile == .wuhan2023)
        #expect(profile.budget == RuleProfile.BudgetRule(weight: 20, scoring: .proportional))
        #expect(profile.qualitativeTiers.map(\.lower) == [dec("0.8"), dec("0.5"), 0])
        #expect(profile.grades.map(\.grade) == ["优", "良", "中", "差"])
    }

    @Test(arguments: [
        ("\"reverse\": \"ratio\"", "\"reverse\": \"square\"", "reverse: expected ratio or linear, found \"square\""),
        ("\"format\": \"perfscore-rules/1\"", "\"format\": \"perfscore-rules/9\"", "format: expected \"perfscore-rules/1\", found \"perfscore-rules/9\""),
        ("\"reverse\": \"ratio\",", "\"reverse\": \"ratio\", \"bonus\": 5,", "bonus: expected one of format, id, title, jurisdiction, year, source, notes, budget, indicators, direction, reverse, qualitative, achievementWords, overAchievementFlag, rounding, grades, form, found the unknown key \"bonus\""),
        ("\"from\": 0.5, \"to\": 0.8", "\"from\": 0.5, \"to\": 0.7", "qualitative[1].to: expected the previous tier's from (0.8), so that the bands meet, found \"0.7\""),
        ("\"≤\": \"reverse\"", "\"≤\": \"backward\"", "direction.≤: expected forward or reverse, found \"backward\""),
        ("\"mode\": \"half-up\"", "\"mode\": \"banker\"", "rounding.mode: expected half-up (the only rounding the published tables use), found \"banker\""),
        ("\"差\": 0", "\"差\": 10", "grades: expected a lowest grade with minimum 0, so that every total has a grade, found 差 from 10"),
        ("\"weight\": 20,", "\"weight\": \"20\",", "budget.weight: expected the block's points as a number ≥ 0, found the string \"20\""),
        ("\"overAchievementFlag\": null", "\"overAchievementFlag\": 0.9", "overAchievementFlag: expected a ratio above 1 (1.2) or null, found \"0.9\""),
        ("\"id\": \"wuhan-2023\"", "\"id\": \"Wuhan 2023\"", "id: expected lower-case letters, digits and '-' (wuhan-2023), found \"Wuhan 2023\""),
    ])
    func refusesABadKeyWithItsPath(_ original: String, _ replacement: String, _ message: String) {
        #expect(Self.wuhan.contains(original))
        #expect(problems(Self.wuhan.replacingOccurrences(of: original, with: replacement)) == [message])
    }

    @Test func refusesStepsOutOfOrderAndASplitThatDoesNotAddUp() {
        let jiangxi = String(decoding: (try? Fixtures.bytes("rules/jiangxi.json")) ?? [], as: UTF8.self)
        let swapped = jiangxi.replacingOccurrences(of: "\"minimumRate\": 0.6", with: "\"minimumRate\": 0.9")
        #expect(problems(swapped) == ["budget.steps[2].minimumRate: expected a rate below the previous step's 0.8, found \"0.9\""])
        let mof = String(decoding: (try? Fixtures.bytes("rules/mof-2020.json")) ?? [], as: UTF8.self)
        #expect(problems(mof.replacingOccurrences(of: "\"产出指标\": 50", with: "\"产出指标\": 40"))
                == ["indicators.split: expected points adding up to total 90, found a split adding up to 80"])
    }
}

@Suite("Scoring under each profile")
struct ProfileScoringTests {
    func budgetScore(_ profile: RuleProfile, planned: String, executed: String) -> ExactDecimal {
        BudgetScorer(profile: profile).score(BudgetExecution(planned: dec(planned), executed: dec(executed))).0.score
    }

    @Test func scoresShanghaiPutuosPrintedExecutionUnderMof2020() {
        // Shanghai Putuo 2022 项目支出绩效自评表: 86.19 % → 8.62, 45.17 % → 4.52 (10 × rate, half-up).
        #expect(budgetScore(.mof2020, planned: "100", executed: "86.19") == dec("8.62"))
        #expect(budgetScore(.mof2020, planned: "100", executed: "45.17") == dec("4.52"))
        #expect(budgetScore(.mof2020, planned: "100", executed: "120") == 10)
        #expect(budgetScore(.wuhan2023, planned: "100", executed: "86.19") == dec("17.24"))
    }

    @Test(arguments: [("100", "10"), ("105", "10"), ("90", "7"), ("80", "7"), ("79.99", "5"), ("60", "5"), ("59.99", "0"), ("0", "0")])
    func scoresJiangxiExecutionBySteps(_ executed: String, _ points: String) throws {
        let jiangxi = try #require(RuleProfile.builtIn("jiangxi"))
        #expect(budgetScore(jiangxi, planned: "100", executed: executed) == dec(points))
    }

    @Test func explainsAStep() throws {
        let jiangxi = try #require(RuleProfile.builtIn("jiangxi"))
        let (score, _) = BudgetScorer(profile: jiangxi).score(BudgetExecution(planned: 200, executed: 171))
        #expect(score.explanation == "rate 85.5 % reaches the step 80 %: 7 (steps 100 % → 10, 80 % → 7, 60 % → 5, 0 % → 0)")
    }

    @Test func scoresReverseByRatioOrLinearly() throws {
        // jurisdictions.md §2.4: A = 100, B = 125, w = 10: ratio 8.00, linear 7.50.
        let linear = try #require(RuleProfile.builtIn("mof-2020-linear"))
        let indicator = row("≤100", "125", weight: "10")
        #expect(IndicatorScorer(profile: .mof2020).score(indicator, at: 0).0.score == 8)
        let (linearScore, _) = IndicatorScorer(profile: linear).score(indicator, at: 0)
        #expect(linearScore.score == dec("7.5"))
        #expect(linearScore.explanation == "10 × (1 − (125 − 100) ÷ 100) = 7.5")
        #expect(IndicatorScorer(profile: linear).score(row("≤100", "200", weight: "10"), at: 0).0.score == 0)
        #expect(IndicatorScorer(profile: linear).score(row("≤100", "250", weight: "10"), at: 0).0.score == 0)
        #expect(IndicatorScorer(profile: linear).score(row("≤100", "90", weight: "10"), at: 0).0.score == 10)
    }

    @Test func usesEachProfilesQualitativeBands() {
        // 部分达成 with 5.5 of 10: inside Wuhan's 50–80 %, outside the Ministry's 60–80 %.
        let indicator = row("好", "一般", weight: "10", judgement: .partial, score: "5.5")
        #expect(IndicatorScorer(profile: .wuhan2023).score(indicator, at: 0).0.score == dec("5.5"))
        let (mof, diagnostics) = IndicatorScorer(profile: .mof2020).score(indicator, at: 0)
        #expect(mof.score == dec("5.5"))
        #expect(diagnostics.first?.message == "the score 5.5 lies outside the band of 部分达成 (60–80 % of 10); scored as the evaluator wrote it")
        let unachieved = row("好", "差", weight: "10", judgement: .unachieved)
        #expect(IndicatorScorer(profile: .mof2020).score(unachieved, at: 0).0.score == 6)
    }

    @Test func flagsOverAchievementAtTheProfilesThreshold() {
        let scorer = IndicatorScorer(profile: .mof2020)
        #expect(scorer.score(row("≥100", "120", weight: "10"), at: 0).1.map(\.code) == [.overAchievement])
        #expect(scorer.score(row("≥100", "119.9", weight: "10"), at: 0).1.isEmpty)
        #expect(IndicatorScorer(profile: .wuhan2023).score(row("≥100", "300", weight: "10"), at: 0).1.isEmpty)
    }

    @Test func mergesAMissingSatisfactionBlockIntoBenefitUnderMof2020() {
        let scorer = Scorer(profile: .mof2020)
        let merged = [row("1", "1", weight: "50", category: .output), row("1", "1", weight: "40", category: .benefit, subcategory: nil)]
        let card = scorer.score(evaluation(merged))
        #expect(card.diagnostics.isEmpty)
        #expect(card.total == 100)
        let unmerged = [row("1", "1", weight: "60", category: .output), row("1", "1", weight: "30", category: .benefit, subcategory: nil)]
        #expect(scorer.score(evaluation(unmerged)).diagnostics.map(\.message) == [
            "产出指标 carries 60 points; mof-2020 sets 50 in principle",
            "效益指标 carries 30 points; mof-2020 sets 40 in principle",
        ])
        let standard = merged.map { $0 } + [row("1", "1", weight: "10", category: .satisfaction, subcategory: nil)]
        #expect(scorer.score(evaluation(standard)).diagnostics.map(\.code) == [.pointsTotal, .categoryPoints])
    }

    @Test func changesTheScoreOfTheSameEvaluationWithTheProfile() throws {
        let bytes = try Fixtures.bytes("examples/wuhan-2023/03-zhengwu-fuwu.json")
        let asWritten = try Evaluator().evaluate(bytes)
        #expect(asWritten.total == dec("99.75"))
        // Under mof-2020 with its points: 10 + (39.75 × 90 ÷ 80 = 44.72) + (40 × 1.125 = 45) = 99.72.
        let underMof = try Evaluator(rules: .mof2020).evaluate(bytes)
        #expect(underMof.budget.weight == 10)
        #expect(underMof.indicatorScale == Quotient(dec("1.125")))
        #expect(underMof.categories.map(\.score) == [dec("44.72"), 45])
        #expect(underMof.total == dec("99.72"))
        #expect(underMof.verification == nil)
        // Every report that shows the subtotals says why 45 stands under rows of 40 points.
        for format in [ReportFormat.text, .markdown, .html] {
            #expect(underMof.report(as: format).contains("小计按 mof-2020 的分值换算: 指标 80 → 90（× 1.125）"), "\(format)")
        }
        // The same profile named by the file itself is scored as written.
        #expect(try Evaluator(rules: .wuhan2023).evaluate(bytes).total == dec("99.75"))
    }

    @Test func convertsTheGoalsScoresOfAGoalRatioTableToTheProfilesPoints() throws {
        let bytes = try Fixtures.bytes("examples/constructed/department-goal-ratios.json")
        // Each goal's rows carry 80 points; after the ratios (80 × 60 % + 80 × 40 %) the table carries 80, not the
        // rows' 160. Under mof-2020: 10 × 13821.5 ÷ 14396.81 = 9.6, 47.62 × 1.125 = 53.5725 → 53.57,
        // 31.64 × 1.125 = 35.595 → 35.6; total 9.6 + 53.57 + 35.6 = 98.77 of 100.
        let card = try Evaluator(rules: .mof2020).evaluate(bytes)
        #expect(card.indicatorScale == Quotient(dec("1.125")))
        #expect(card.goals.map(\.weighted) == [dec("53.57"), dec("35.6")])
        #expect(card.goals.map(\.explanation) == ["79.37 × 60 ÷ 100 = 47.62; × 1.125 = 53.57",
                                                  "79.11 × 40 ÷ 100 = 31.64; × 1.125 = 35.6"])
        #expect(card.total == dec("98.77"))
        #expect(card.maximum == 100)
        // The categories across goals are no part of the total and keep the rows' points; no split or points notes.
        #expect(card.categories.map(\.weight) == [110, 15, 35])
        #expect(card.diagnostics.map(\.description) == [
            "note[other-rules] rules: scored under mof-2020 with its points: budget 10, indicators 80 → 90; printed figures are not compared",
        ])
        for format in [ReportFormat.text, .markdown, .html] {
            #expect(card.report(as: format).contains("目标得分按 mof-2020 的分值换算: 指标 80 → 90（× 1.125）"), "\(format)")
        }
    }
}
