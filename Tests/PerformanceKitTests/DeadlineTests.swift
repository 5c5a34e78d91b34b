import Testing
@testable import PerformanceKit

/// Issue 14 §4: deadlines (时效指标) as tables write them, met when the actual is not later.
@Suite("Deadlines")
struct DeadlineTests {
    // MARK: Reading

    @Test func readsTheSpanADateOrPeriodMeans() throws {
        func span(_ text: String) throws -> String {
            let deadline = try #require(Deadline(parsing: text))
            return "\(deadline.earliest.text)–\(deadline.latest.text)\(deadline.hasDeadlineMarker ? " by" : "")"
        }
        #expect(try span("12月底前完成") == "12月21日–12月31日 by")
        #expect(try span("11月完成") == "11月1日–11月30日")
        #expect(try span("2023年6月30日前") == "2023年6月30日–2023年6月30日 by")
        #expect(try span("2023-05-18") == "2023年5月18日–2023年5月18日 by")
        #expect(try span("第三季度") == "7月1日–9月30日 by")
        #expect(try span("2023年上半年") == "2023年1月1日–2023年6月30日 by")
        #expect(try span("年底前") == "12月1日–12月31日 by")
        #expect(try span("6月中旬") == "6月11日–6月20日 by")
        #expect(try span("2024年2月") == "2024年2月1日–2024年2月29日")
        #expect(try span("2023年2月底") == "2023年2月21日–2023年2月28日 by")
    }

    @Test func readsNoDeadlineInFiguresAndDurations() {
        // Durations and figures stay with the figure rules: ≤3个月, ＜48小时 (seed 001 line 3155), 100%.
        for text in ["≤3个月", "＜48小时", "100%", "12", "13月", "2月30日", "6月30日前完成2次", "按时"] {
            #expect(Deadline(parsing: text) == nil, "\(text)")
        }
    }

    @Test func tellsOnTimeWordsFromTheirNegation() {
        #expect(Deadline.saysOnTime("按时完成"))
        #expect(Deadline.saysOnTime("及时"))
        #expect(!Deadline.saysOnTime("未按时完成"))
        #expect(!Deadline.saysOnTime("按时办结率100%"))
        // The quick test of the first scalar lets every word through, full-width spaces and all.
        for word in Deadline.onTimeWords {
            #expect(Deadline.saysOnTime(word), "\(word)")
            #expect(Deadline.saysOnTime("\u{3000}\(word)完成 "), "\(word)")
        }
    }

    // The quick tests before scanning (a date holds 年, 月, 季 or a separator, and starts with a digit or one of a
    // few words) let every form through, full-width included.
    @Test func readsEveryFormPastTheQuickTests() {
        for text in ["２０２３－０６－３０", "２０２３／６／３０", "２０２３．６．３０", "2023/6/30", "2023.6.30", "于12月底前", "在年底前", "全年", "上半年", "下半年", "第三季度",
                     "3季度", "年内", "１１月", "二季度"] {
            #expect(Deadline(parsing: text) != nil, "\(text)")
        }
    }

    /// The scorer passes over a row whose target fails ``Deadline/mayBeDeadlineOrOnTime(_:)`` without asking
    /// further: it must hold for every target that reads as a deadline or says on time (every target of the real
    /// target tables, every form above), and fail for the figures most rows hold.
    @Test func passesOverOnlyTargetsThatAreNeitherADeadlineNorOnTime() throws {
        let forms = ["２０２３－０６－３０", "２０２３／６／３０", "２０２３．６．３０", "12月底前完成", "第三季度", "年底前", "\u{3000}按时完成",
                     "如期", "及时", "准时上线", "2023-05-18", " 6月中旬 "]
        let texts = try Fixtures.targetStrings().map(\.target) + forms
        var deadlines = 0
        for text in texts where Deadline(parsing: text) != nil || Deadline.saysOnTime(text) {
            deadlines += 1
            #expect(Deadline.mayBeDeadlineOrOnTime(text), "\(text)")
        }
        #expect(deadlines >= forms.count)
        for text in ["≥1800", "＜48小时", "100%", "是", "≤50个", "7x24小时", "≥99.9%", "-5%", "2023-06", "１２．５"] {
            #expect(!Deadline.mayBeDeadlineOrOnTime(text), "\(text)")
        }
    }

    /// What the scanner reads as a date or period always passes ``Deadline/mayHoldDate(_:)``, the condition that
    /// spares most rows the scan: over every real target, the forms above with each separator, and their pieces.
    @Test func everyDateTheScannerReadsMayHoldADate() throws {
        var texts = try Fixtures.targetStrings().map(\.target)
        for separator in ["-", "/", ".", "－", "／", "．"] {
            texts += ["2023\(separator)6\(separator)30", "于2023\(separator)06\(separator)30前", "2023\(separator)6", "6\(separator)30"]
        }
        texts += ["12月底前", "2024年", "年底", "全年", "上半年", "第三季度", "3季度", "6月中旬", "2023年12月31日前"]
        var read = 0
        for text in texts {
            for end in text.indices + [text.endIndex] {
                let piece = String(text[..<end])
                guard Deadline(scanning: piece) != nil else { continue }
                read += 1
                #expect(Deadline.mayHoldDate(piece), "\(piece)")
            }
        }
        #expect(read > 30)
    }

    // MARK: Scoring

    @Test func scoresAnActualNotLaterThanTheDeadlineAtFullPoints() {
        // The issue's cases: 12月底前完成 against 11月完成, 2023年6月30日前 against 2023年5月18日.
        let (month, diagnostics) = scoreRow(row("12月底前完成", "11月完成", weight: "4", subcategory: .timeliness))
        #expect(diagnostics.isEmpty)
        #expect(month.score == 4)
        #expect(month.basis == .deadlineMet)
        #expect(month.explanation == "actual 11月完成 (at the latest 11月30日) is not later than the deadline 12月底前完成 (12月31日): 4")
        let (day, _) = scoreRow(row("2023年6月30日前", "2023年5月18日", weight: "4"))
        #expect(day.score == 4)
        #expect(day.explanation == "actual 2023年5月18日 is not later than the deadline 2023年6月30日前 (2023年6月30日): 4")
        // The same month, when the deadline is its end: 6月 is at the latest 6月30日.
        #expect(scoreRow(row("6月底前", "6月", subcategory: .timeliness)).score.score == 1)
        #expect(scoreRow(row("第三季度", "2023年9月12日")).score.score == 1)
    }

    @Test func asksForAJudgementOnAMissedDeadline() {
        let (missed, diagnostics) = scoreRow(row("2023年6月30日前", "2023年7月2日", weight: "4"))
        #expect(missed.score == nil)
        #expect(diagnostics.map(\.code) == [.undefinedScore])
        #expect(diagnostics.first?.message == "the actual 2023年7月2日 is later than the deadline 2023年6月30日前 (2023年6月30日); no rule says what a missed deadline scores; give a judgement (达成 / 部分达成 / 未达成) or a score")
        // A printed score then stands, as the evaluator's judgement.
        let (printed, _) = scoreRow(row("6月底前", "7月", weight: "4", subcategory: .timeliness, published: "3"))
        #expect(printed.score == 3)
        #expect(printed.basis == .published)
        // A judgement scores it under its band.
        #expect(scoreRow(row("6月底前", "7月", weight: "4", judgement: .partial)).score.score == dec("3.2"))
    }

    @Test func cannotTellAnActualThatStraddlesTheDeadline() {
        let (result, diagnostics) = scoreRow(row("6月中旬前", "6月", subcategory: .timeliness))
        #expect(result.score == nil)
        #expect(diagnostics.first?.message == "the actual 6月 (6月1日 to 6月30日) may be later than the deadline 6月中旬前 (6月20日); give a judgement (达成 / 部分达成 / 未达成) or a score")
    }

    @Test func takesAnOnTimeOrAchievementWordAsMet() {
        let (onTime, _) = scoreRow(row("12月底前", "按时完成", weight: "2"))
        #expect(onTime.score == 2)
        #expect(onTime.explanation == "actual 按时完成 says the deadline 12月底前 was met: 2")
        #expect(scoreRow(row("按时", "按时完成")).score.score == 1)
        #expect(scoreRow(row("及时", "完成")).score.score == 1)
        // A date against 按时 names no day to compare with: a judgement decides.
        let (date, diagnostics) = scoreRow(row("按时", "11月", subcategory: .timeliness))
        #expect(date.score == nil)
        #expect(diagnostics.map(\.code) == [.undefinedScore])
        #expect(scoreRow(row("按时完成", "未按时完成")).score.score == nil)
    }

    @Test func readsABareMonthAsADeadlineOnlyUnderTimeliness() {
        // Under 时效指标, 12月 against 11月 is a deadline met, not 11 ÷ 12 of the points.
        #expect(scoreRow(row("12月", "11月", weight: "3", subcategory: .timeliness)).score.basis == .deadlineMet)
        // Elsewhere a bare month count stays a figure: 12月 against 9月 of 监测 is 3 × 9 ÷ 12.
        let (count, _) = scoreRow(row("12月", "9月", weight: "3", subcategory: .quantity))
        #expect(count.basis == .forward)
        #expect(count.score == dec("2.25"))
    }
}
