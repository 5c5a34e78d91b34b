import Foundation
import Testing
@testable import PerformanceKit

@Suite("Scoring one indicator under wuhan-2023")
struct IndicatorScorerTests {
    // MARK: Forward (R6, I1)

    @Test func scoresForwardAsPointsTimesActualOverTarget() {
        // 制发帮办代办工作情况通报（期）(1分） 4 3 0.75: seed 001 line 3542-3545.
        let (result, diagnostics) = scoreRow(row("4", "3"))
        #expect(result.score == dec("0.75"))
        #expect(result.direction == .forward)
        #expect(result.basis == .forward)
        #expect(result.explanation == "1 × 3 ÷ 4 = 0.75")
        #expect(diagnostics.isEmpty)
    }

    @Test func capsRatioAtThePoints() {
        // 清查季报… 7 → 18 with 4 points prints 4: seed 001 line 3353-3356.
        let (result, _) = scoreRow(row("7", "18", weight: "4"))
        #expect(result.score == 4)
        #expect(result.explanation == "4 × 18 ÷ 7 = 10.29, capped at 4")
    }

    @Test func showsMorePlacesWhereRoundingWouldHideTheExcess() {
        let (result, _) = scoreRow(row("≥3000", "3001", weight: "3"))
        #expect(result.score == 3)
        #expect(result.explanation == "3 × 3001 ÷ 3000 = 3.001, capped at 3")
    }

    @Test func readsABareTargetAsForward() {
        // 后评价方案编制报告 14份 → 1份: 1 × 1 ÷ 14 = 0.07 (seed 001 line 3204-3205, I1, I9).
        let (result, _) = scoreRow(row("14份", "1份"))
        #expect(result.score == dec("0.07"))
        #expect(result.direction == .forward)
        #expect(result.explanation == "1 × 1 ÷ 14 = 0.07")
    }

    @Test func scoresAMissedForwardTargetAtZero() {
        let (result, _) = scoreRow(row("≥2项", "0项"))
        #expect(result.score == 0)
        #expect(result.explanation == "1 × 0 ÷ 2 = 0")
    }

    @Test func readsEqualAndStrictlyMoreAsForward() {
        #expect(scoreRow(row("=10", "5", weight: "2")).score.score == 1)
        #expect(scoreRow(row(">10", "5", weight: "2")).score.score == 1)
    }

    @Test func appliesMagnitudesBeforeDividing() {
        let (result, _) = scoreRow(row("≥2万亿", "15000亿", weight: "4"))
        #expect(result.score == 3)
        #expect(result.explanation == "4 × 1500000000000 ÷ 2000000000000 = 3")
        let (sameMagnitude, _) = scoreRow(row("≥110亿条", "55亿条"))
        #expect(sameMagnitude.explanation == "1 × 55亿 ÷ 110亿 = 0.5")
    }

    @Test func scoresAForwardTargetOfZeroAsMet() {
        let (result, _) = scoreRow(row("≥0", "3", weight: "2"))
        #expect(result.score == 2)
    }

    // MARK: Reverse (R7, I4, I5, I6)

    @Test func scoresReverseAsPointsTimesTargetOverActual() {
        let (result, _) = scoreRow(row("≤40", "50", weight: "5"))
        #expect(result.score == 4)
        #expect(result.direction == .reverse)
        #expect(result.explanation == "5 × 40 ÷ 50 = 4")
    }

    @Test func capsReverseAtThePoints() {
        // 购买服务公益岗位人数（人）（7分） ≤50 37 7: seed 001 line 3364.
        let (result, _) = scoreRow(row("≤50", "37", weight: "7"))
        #expect(result.score == 7)
        #expect(result.explanation == "7 × 50 ÷ 37 = 9.46, capped at 7")
    }

    @Test func scoresAReverseTargetMetByZeroAtFullPoints() {
        // 互联网专线丢包率 ≤0.5% → 0%: seed 001 line 3138-3140 (I4).
        let (result, _) = scoreRow(row("≤0.5%", "0%"))
        #expect(result.score == 1)
        #expect(result.basis == .zeroActual)
    }

    @Test func readsAComparatorOnTheActualAsItsNumber() {
        // 系统运行维护响应时间 ≤1 → ≤0.17 (seed 001 line 3366, I5).
        let (result, _) = scoreRow(row("≤1", "≤0.17"))
        #expect(result.score == 1)
        #expect(result.explanation == "actual ≤0.17 read as 0.17: 1 × 1 ÷ 0.17 = 5.88, capped at 1")
        let (partial, _) = scoreRow(row("≤1", "≤2", weight: "1"))
        #expect(partial.score == dec("0.5"))
    }

    @Test func scoresStrictlyLessLikeAtMost() {
        // 邮件响应 ＜30分钟 → ＜30分钟 is full marks (I6).
        let (result, _) = scoreRow(row("＜30分钟", "＜30分钟"))
        #expect(result.score == 1)
        #expect(result.direction == .reverse)
    }

    @Test func readsABareTargetUnderACostCategoryAsReverse() {
        let (underCostCategory, _) = scoreRow(row("50", "40", weight: "4", category: .cost, subcategory: .economicCost))
        #expect(underCostCategory.direction == .reverse)
        #expect(underCostCategory.score == 4)
        let (costSubcategory2020, _) = scoreRow(row("50", "100", weight: "4", category: .output, subcategory: .cost))
        #expect(costSubcategory2020.direction == .reverse)
        #expect(costSubcategory2020.score == 2)
    }

    @Test func readsABareZeroTargetAsReverse() {
        // 重大食品安全事故发生率（%）（7分） 0 0 7: seed 001 line 3362 (I3).
        let (met, _) = scoreRow(row("0", "0", weight: "7"))
        #expect(met.score == 7)
        #expect(met.direction == .reverse)
        #expect(met.basis == .zeroTargetMet)
        let (missed, _) = scoreRow(row("0", "2", weight: "7"))
        #expect(missed.score == 0)
        #expect(missed.basis == .zeroTargetMissed)
    }

    @Test func followsTheDirectionOverride() {
        let (result, _) = scoreRow(row("40", "50", weight: "5", direction: .reverse))
        #expect(result.score == 4)
        let (forward, _) = scoreRow(row("≤40", "20", weight: "5", direction: .forward))
        #expect(forward.score == dec("2.5"))
    }

    // MARK: Text (I7, I8)

    @Test func scoresEqualTextAtFullPoints() {
        let (result, _) = scoreRow(row("7x24小时", "7x24小时"))
        #expect(result.score == 1)
        #expect(result.basis == .equal)
    }

    /// One schedule in another spelling of its times sign (FORMAT §6.2 reads `7x24小时`, `7×24小时`, `7*24` alike).
    @Test func scoresASchedulesOtherSpellingsAsEqual() {
        for actual in ["7*24小时", "7×24小时", "7X24小时", "７×２４小时"] {
            let (result, diagnostics) = scoreRow(row("7x24小时", actual, weight: "2"))
            #expect(diagnostics.isEmpty, "\(actual)")
            #expect(result.score == 2, "\(actual)")
            #expect(result.basis == .equal)
        }
        #expect(scoreRow(row("7x24小时", "5x8小时", weight: "2")).score.score == nil)
    }

    @Test func scoresAnAchievementWordAgainstATextTarget() {
        let (result, _) = scoreRow(row("有所提升", "完成", weight: "3"))
        #expect(result.score == 3)
        #expect(result.basis == .achievementWord)
        #expect(result.explanation == "actual 完成 meets the text target 有所提升: 3")
    }

    /// The perfective 已 (已经) before the target itself, or before an achievement word, says the target was done
    /// (seed 001's 完成情况 cells read 已完成): equal text and an achievement word score the points (FORMAT §3),
    /// and 已 changes neither.
    @Test func readsTheActualThatSaysTheTargetWasDone() {
        let cases: [(target: String, actual: String, basis: IndicatorScore.Basis, explanation: String)] = [
            ("建立", "已建立", .equal, "actual 已建立 says 建立 was done: actual 建立 equals the target: 3"),
            ("上线运行", "已经上线运行", .equal, "actual 已经上线运行 says 上线运行 was done: actual 上线运行 equals the target: 3"),
            ("完成", "已完成", .equal, "actual 已完成 says 完成 was done: actual 完成 equals the target: 3"),
            ("是", "已完成", .achievementWord, "actual 已完成 says 完成 was done: actual 完成 meets the text target 是: 3"),
            ("按时完成", "已按时完成", .deadlineMet, "actual 已按时完成 says the deadline 按时完成 was met: 3"),
        ]
        for (target, actual, basis, explanation) in cases {
            let (result, diagnostics) = scoreRow(row(target, actual, weight: "3"))
            #expect(diagnostics.isEmpty, "\(target) / \(actual)")
            #expect(result.score == 3, "\(target) / \(actual)")
            #expect(result.basis == basis, "\(target) / \(actual)")
            #expect(result.explanation == explanation)
        }
        // 已 before other words is not the target: a judgement decides.
        #expect(scoreRow(row("建立并运行", "已建立", weight: "3")).score.score == nil)
        #expect(scoreRow(row("建立", "已", weight: "3")).score.score == nil)
    }

    /// 未 (尚未, 没有) before the target itself says it was not met: a missed target, which only a judgement or a
    /// score can grade, said as such rather than as text no rule reads.
    @Test func readsTheActualThatSaysTheTargetWasNotDone() {
        for actual in ["未建立", "尚未建立", "没有建立"] {
            let (result, diagnostics) = scoreRow(row("建立", actual, weight: "3"))
            #expect(result.score == nil)
            #expect(diagnostics.map(\.code) == [.undefinedScore])
            #expect(diagnostics.first?.message.hasPrefix("the actual \"\(actual)\" says the target \"建立\" was not met: a missed target") == true)
        }
    }

    @Test func readsAZeroEventPhraseAsZero() {
        // 重大安全事故发生率 0% → 实际全年未发生安全事故 (seed 001 line 2881-2883).
        let (result, _) = scoreRow(row("0%", "全年未发生安全事故", weight: "6"))
        #expect(result.score == 6)
        #expect(result.basis == .zeroTargetMet)
        #expect(result.explanation == "全年未发生安全事故 read as 0: target 0, actual 0: met, 6")
    }

    @Test func doesNotGuessTextItCannotRead() {
        let (result, diagnostics) = scoreRow(row("好", "较好", weight: "3"))
        #expect(result.score == nil)
        #expect(result.basis == nil)
        #expect(diagnostics.map(\.code) == [.undefinedScore])
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.path.description == "indicators[0].actual")
    }

    @Test func letsAPrintedScoreStandWhereTheRuleCannotScore() {
        let (result, diagnostics) = scoreRow(row("好", "较好", weight: "3", published: "2.5"))
        #expect(result.score == dec("2.5"))
        #expect(result.basis == .published)
        #expect(diagnostics.map(\.code) == [.undefinedScore, .publishedScoreStands])
        #expect(diagnostics.map(\.severity) == [.warning, .note])
    }

    @Test func refusesAPrintedScoreAboveThePointsAsAStandIn() {
        let (result, diagnostics) = scoreRow(row("好", "较好", weight: "3", published: "4"))
        #expect(result.score == nil)
        #expect(diagnostics.map(\.code).contains(.scoreOutOfRange))
    }

    // MARK: Qualitative tiers (R10)

    @Test func scoresAJudgementAtTheEvaluatorsScoreInsideItsBand() {
        let (result, diagnostics) = scoreRow(row("有所提升", "略有提升", weight: "10", judgement: .partial, score: "6"))
        #expect(result.score == 6)
        #expect(result.basis == .judgement)
        #expect(result.explanation == "部分达成 (50–80 % of 10): evaluator's score 6")
        #expect(diagnostics.isEmpty)
    }

    @Test func takesTheTopOfTheBandWithoutAScore() {
        let (achieved, notes) = scoreRow(row("好", "好", weight: "10", judgement: .achieved))
        #expect(achieved.score == 10)
        #expect(notes.map(\.code) == [.judgementAtTopOfBand])
        let (partial, _) = scoreRow(row("好", "一般", weight: "10", judgement: .partial))
        #expect(partial.score == 8)
        let (unachieved, _) = scoreRow(row("好", "差", weight: "10", judgement: .unachieved))
        #expect(unachieved.score == 5)
    }

    @Test func scoresAScoreOutsideItsTiersBandAsWrittenAndFlagsIt() {
        // 部分达成 is 50 % ≤ s < 80 %: 8 of 10 belongs to 达成. Issue 14 §5: the table is scored as the evaluator
        // wrote it, and the finding is an error (exit 1), not an unusable file.
        let (result, diagnostics) = scoreRow(row("好", "一般", weight: "10", judgement: .partial, score: "8"))
        #expect(result.score == 8)
        #expect(diagnostics.map(\.code) == [.scoreOutsideBand])
        #expect(diagnostics.map(\.severity) == [.error])
        #expect(diagnostics.first?.message == "the score 8 lies outside the band of 部分达成 (50–80 % of 10); scored as the evaluator wrote it")
        let (lowest, _) = scoreRow(row("好", "一般", weight: "10", judgement: .partial, score: "5"))
        #expect(lowest.score == 5)
        let (top, _) = scoreRow(row("好", "好", weight: "10", judgement: .achieved, score: "10"))
        #expect(top.score == 10)
    }

    @Test func notesAJudgementOnAFigure() {
        let (result, diagnostics) = scoreRow(row("≥90%", "85%", weight: "10", judgement: .achieved, score: "9"))
        #expect(result.score == 9)
        #expect(diagnostics.map(\.code) == [.judgementOverridesFigure])
    }

    // MARK: Evaluator's adjustments

    @Test func usesTheEvaluatorsScoreAndAsksForAReason() {
        let (result, diagnostics) = scoreRow(row("≥4", "4", weight: "6", score: "5"))
        #expect(result.score == 5)
        #expect(result.basis == .evaluator)
        #expect(diagnostics.map(\.code) == [.departureWithoutReason])
        let (explained, none) = scoreRow(row("≥4", "4", weight: "6", score: "5", reason: "培训质量不高"))
        #expect(explained.explanation == "evaluator's score 5 (the rule gives 6 × 4 ÷ 4 = 6): 培训质量不高")
        #expect(none.isEmpty)
    }

    @Test func takesADeductionOffButNeverBelowZero() {
        let (result, _) = scoreRow(row("≥4", "4", weight: "6", deduction: "1.5", reason: "资料不全"))
        #expect(result.score == dec("4.5"))
        #expect(result.explanation == "6 × 4 ÷ 4 = 6; − 1.5 deducted (资料不全) = 4.5")
        let (floored, _) = scoreRow(row("≥4", "1", weight: "2", deduction: "1"))
        #expect(floored.score == 0)
    }

    // MARK: What the rule does not define

    @Test func refusesDifferentUnitsThatDoNotConvert() {
        let (result, diagnostics) = scoreRow(row("≥2次", "3个"))
        #expect(result.score == nil)
        #expect(diagnostics.map(\.code) == [.unitMismatch])
        #expect(diagnostics.first?.message == "the target is in 次 and the actual in 个; write both in one unit, or give a score")
        // A working day is not 24 hours: 工作日 does not convert.
        #expect(scoreRow(row("≤3工作日", "2天")).diagnostics.map(\.code) == [.unitMismatch])
    }

    // Issue 14 §2: hours, minutes, days and seconds convert, and so do % and ‰, the coarser into the finer.
    @Test func convertsUnitsThatMeasureTheSameThing() {
        let (hours, _) = scoreRow(row("＜2小时", "30分钟", weight: "10"))
        #expect(hours.score == 10)
        #expect(hours.explanation == "target 2小时 read as 120分钟: 10 × 120 ÷ 30 = 40, capped at 10")
        let (minutes, _) = scoreRow(row("≤30分钟", "1小时", weight: "10"))
        #expect(minutes.score == 5)
        #expect(minutes.explanation == "actual 1小时 read as 60分钟: 10 × 30 ÷ 60 = 5")
        let (days, _) = scoreRow(row("≤3天", "80小时", weight: "40"))
        #expect(days.explanation == "target 3天 read as 72小时: 40 × 72 ÷ 80 = 36")
        let (perMille, _) = scoreRow(row("≥95%", "940‰", weight: "10"))
        #expect(perMille.explanation == "target 95% read as 950‰: 10 × 940 ÷ 950 = 9.89")
    }

    // Issue 14: "unit": "万元", "target": "200", "actual": "195.5万元" is 200万元 against 195.5万元.
    @Test func readsTheUnitColumnWithItsMagnitude() {
        let (result, diagnostics) = scoreRow(row("200", "195.5万元", weight: "40", unit: "万元"))
        #expect(diagnostics.isEmpty)
        #expect(result.score == dec("39.1"))
        #expect(result.explanation == "40 × 195.5万 ÷ 200万 = 39.1")
        // The same actual written in 元 meets the target on one scale.
        #expect(scoreRow(row("200", "1955000元", weight: "40", unit: "万元")).score.score == dec("39.1"))
    }

    @Test func takesTheIndicatorsUnitForABareFigure() {
        let (result, diagnostics) = scoreRow(row("≥95", "98%", unit: "%"))
        #expect(result.score == 1)
        #expect(diagnostics.isEmpty)
    }

    @Test func refusesCompoundFiguresAndNegatives() {
        #expect(scoreRow(row("≥4次/4份", "4次")).diagnostics.map(\.code) == [.undefinedScore])
        #expect(scoreRow(row("≥-5%", "-3%")).diagnostics.map(\.code) == [.undefinedScore])
    }

    @Test func reportsAnUnreadableValueWithItsPath() {
        let (result, diagnostics) = scoreRow(row("≥≥5", "5"))
        #expect(result.score == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == .unreadableValue)
        #expect(diagnostics.first?.path.description == "indicators[0].target")
        #expect(diagnostics.first?.message == "cannot read \"≥≥5\": expected a number after '≥', found '≥'")
    }

    @Test func refusesAnEqualDirectionMiss() {
        let (result, diagnostics) = scoreRow(row("25万元", "24万元", direction: .equal))
        #expect(result.score == nil)
        #expect(diagnostics.map(\.code) == [.undefinedScore])
        #expect(scoreRow(row("25万元", "25万元", direction: .equal)).score.score == 1)
    }

    @Test func asksForAJudgementOnAQualitativeRow() {
        let (result, diagnostics) = scoreRow(row("有所提升", "提升明显", direction: .qualitative))
        #expect(result.score == nil)
        #expect(diagnostics.first?.path.description == "indicators[0].judgement")
    }

    @Test func refusesEmptyCells() {
        #expect(scoreRow(row("", "3")).diagnostics.first?.path.description == "indicators[0].target")
        #expect(scoreRow(row("3", "")).diagnostics.first?.path.description == "indicators[0].actual")
    }


    @Test func flagsADeductionLargerThanTheScore() {
        // 40 × 5 ÷ 10 = 20, then 25 deducted: the row scores 0, and the table says more was taken than there was.
        let (result, diagnostics) = scoreRow(row("≥10", "5", weight: "40", deduction: "25"))
        #expect(result.score == 0)
        #expect(diagnostics.map(\.code) == [.deductionExceedsScore])
        #expect(diagnostics.first?.message == "the deduction 25 is larger than the score 20 it is taken from; the row scores 0")
    }

    @Test func scoresAnEvaluatorsScoreAboveThePointsAsWritten() {
        let (result, diagnostics) = scoreRow(row("好", "好", weight: "20", score: "25", reason: "超额完成"))
        #expect(result.score == 25)
        #expect(diagnostics.map(\.code) == [.scoreOutOfRange])
        #expect(diagnostics.first?.message == "the evaluator's score 25 lies above the indicator's points, 20; scored as the evaluator wrote it")
    }

    // Issue 14 §3, FORMAT §3: the same text on both sides scores the points, even text the notation cannot read as
    // a figure, after full-width and half-width forms are folded.
    @Test func scoresEqualTextThatIsNotAFigure() {
        let (same, diagnostics) = scoreRow(row("完成1部宣传片,2套方案", "完成1部宣传片，2套方案", weight: "4"))
        #expect(diagnostics.isEmpty)
        #expect(same.score == 4)
        #expect(same.basis == .equal)
        #expect(same.explanation == "actual 完成1部宣传片,2套方案 equals the target: 4")
        let (word, _) = scoreRow(row("完成1部宣传片,2套方案", "完成", weight: "4"))
        #expect(word.score == 4)
        #expect(word.basis == .achievementWord)
        // Other text against it needs a judgement, and the reading's error says where the figure stopped.
        let (other, otherDiagnostics) = scoreRow(row("完成1部宣传片,2套方案", "完成1部宣传片", weight: "4"))
        #expect(other.score == nil)
        #expect(otherDiagnostics.map(\.code) == [.unreadableValue])
        // Parsed text folds too: 等保三级（含） against 等保三级(含).
        #expect(scoreRow(row("等保三级（含）", "等保三级(含)", weight: "4")).score.score == 4)
    }
}
