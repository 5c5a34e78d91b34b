// What an embedding tool does with PerformanceKit: build an evaluation in code, score it under a built-in profile
// and under a profile read from a file, read each indicator's score and explanation, verify the printed figures,
// and print one line per evaluation. Exits 1 when a figure is not what the published table printed.
import Foundation
import PerformanceKit

/// An exact decimal from its printed digits. `ExactDecimal` takes integer literals and digits, never a float
/// literal, which would pass through binary floating point.
func exact(_ digits: String) -> ExactDecimal {
    guard let value = ExactDecimal(digits) else {
        FileHandle.standardError.write(Data("not a number: \(digits)\n".utf8))
        exit(2)
    }
    return value
}

/// 政务服务和政务公开能力建设运行费, the 99.75 table of seed 001 (lines 3452-3632), built in code.
func seedTable() -> Evaluation {
    func output(_ subcategory: IndicatorSubcategory, _ name: String, _ unit: String, _ weight: ExactDecimal,
                _ target: String, _ actual: String, printed: ExactDecimal) -> Indicator {
        Indicator(category: .output, subcategory: subcategory, name: name, unit: unit, weight: weight,
                  target: target, actual: actual, published: printed)
    }
    let indicators = [
        output(.quantity, "窗口收件办结率", "%", 1, "100", "100", printed: 1),
        output(.quantity, "综合窗口咨询电话一次接通率", "%", 1, "90", "100", printed: 1),
        output(.quantity, "开展帮办代办工作培训", "次", 1, "4", "4", printed: 1),
        output(.quantity, "提供实际审批权限范围内的帮代办服务的项目数", "个", 1, "20", "33", printed: 1),
        output(.quantity, "制发帮办代办工作情况通报", "期", 1, "4", "3", printed: exact("0.75")),
        output(.quantity, "质量抽查报告", "份", 7, "6", "6", printed: 7),
        output(.quantity, "政务公开测评对象数量", "家", 3, "51", "51", printed: 3),
        output(.quantity, "培训次数", "次", 6, "≥4", "4", printed: 6),
        output(.quality, "帮办代办项目审批通过率", "%", 1, "100", "100", printed: 1),
        output(.quality, "监管数据准确率（市级归集部分）", "%", 7, "100", "100", printed: 7),
        output(.quality, "监管数据覆盖率", "%", 7, "≥80", "94.89", printed: 7),
        output(.quality, "对符合法定要求的政府信息依申请公开答复率", "%", 3, "100", "100", printed: 3),
        output(.timeliness, "帮办代办涉及审批事项服务按时办结率", "%", 1, "100", "100", printed: 1),
        Indicator(category: .satisfaction, subcategory: .serviceRecipientSatisfaction, name: "综合窗口社会公众满意度",
                  unit: "%", weight: 40, target: "≥99.9", actual: "99.98", published: 40),
    ]
    return Evaluation(
        title: "政务服务和政务公开能力建设运行费", agency: "市政务服务和大数据管理局", year: 2023, rules: "wuhan-2023",
        budget: BudgetExecution(planned: exact("894.13"), executed: exact("894.13"), weight: 20),
        indicators: indicators,
        published: PublishedFigures(total: exact("99.75"), budget: 20,
                                    categories: [.init(category: .output, score: exact("39.75")), .init(category: .satisfaction, score: 40)]))
}

/// One line: title, rule, total, grade, and whether the printed figures agree.
func summaryLine(_ card: ScoreCard) -> String {
    let total = card.total.map { "\($0)" } ?? "—"
    let verification: String
    switch card.verification {
    case nil: verification = "nothing printed to compare"
    case let result? where result.agrees: verification = "all \(result.compared) printed figures agree"
    case let result?: verification = "\(result.differences.count) printed figures differ"
    }
    return "\(card.evaluation.title ?? "?") · \(card.profile.id) · 总分 \(total) · \(card.grade ?? "—") · \(verification)"
}

var failed = false
let evaluation = seedTable()

// 1. Under the built-in Wuhan profile, as the table was published: scored, then its printed figures verified.
let card: ScoreCard
do {
    card = try Evaluator(rules: .wuhan2023).evaluate(evaluation)
} catch {
    print("error: \(error)")
    exit(1)
}
print(summaryLine(card))
for row in card.indicators where row.score != row.indicator.weight {
    print("  \(row.indicator.name): \(row.explanation)")
}
// The same card as the page a finance bureau files (text, json, markdown and csv are there too).
let page = card.report(as: .html)
if card.total != exact("99.75") || card.verification?.agrees != true || !page.contains("99.75") {
    failed = true
}

// 2. Under a profile read from a file: the repository's mof-2020.json, as a finance bureau would load its own.
let profileURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("../../rules/mof-2020.json").standardizedFileURL
do {
    let profile = try RuleProfile(jsonData: Array(try Data(contentsOf: profileURL)))
    let underMinistry = try Evaluator(rules: profile).evaluate(evaluation)
    print(summaryLine(underMinistry))
    // 10 + 39.75 × 90 ÷ 80 (44.72) + 40 × 90 ÷ 80 (45) under the Ministry's 10 + 90.
    if underMinistry.total != exact("99.72") { failed = true }
} catch let error as RuleProfileError {
    print("the profile file cannot be used: \(error)")
    failed = true
} catch {
    print("error: \(error)")
    failed = true
}

// 3. A value PerformanceKit will not guess: the row is reported, not scored.
var unreadable = evaluation
unreadable.indicators[0].actual = "≥≥100"
unreadable.indicators[0].published = nil   // a printed score would stand in as the evaluator's judgement
let refused = Scorer(profile: .wuhan2023).score(unreadable)   // scored only: a Scorer does not verify
print(summaryLine(refused))
for diagnostic in refused.errors {
    print("  \(diagnostic.path): \(diagnostic.message)")
}
if refused.total != nil { failed = true }

exit(failed ? 1 : 0)
