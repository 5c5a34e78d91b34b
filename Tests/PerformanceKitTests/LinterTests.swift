import Foundation
import Testing
@testable import PerformanceKit

/// Lints rows built in code as one target table under wuhan-2023 (year 2025 unless given).
private func lint(_ rows: [Indicator], year: Int? = 2025, declared: String? = nil, profile: RuleProfile = .wuhan2023,
                  checks: [any LintCheck] = Linter.standardChecks) -> [Diagnostic] {
    var evaluation = evaluation(rows)
    evaluation.year = year
    evaluation.agency = "测试单位"
    evaluation.declaredPoints = declared.map(dec)
    let table = LintTable(name: "t.json", evaluation: evaluation, profile: profile)
    return Linter(checks: checks).lint([table])[0].findings
}

/// A target-table row: no actual.
private func target(_ target: String, _ name: String = "指标", weight: String = "20", category: IndicatorCategory = .output,
                    subcategory: IndicatorSubcategory? = .quantity, unit: String? = nil, previous: String? = nil) -> Indicator {
    var indicator = row(target, nil, weight: weight, category: category, subcategory: subcategory, unit: unit, name: name)
    indicator.previous = previous
    return indicator
}

/// A complete, clean 2025 table: 成本 20, 产出 20, 效益 20, 满意度 20.
private let clean: [Indicator] = [
    target("≤100%", "预算资金控制率", category: .cost, subcategory: .economicCost),
    target("≥12人", "聘用职工人数"),
    target("≥10%", "节支率", category: .benefit, subcategory: .economicBenefit),
    target("≥95%", "服务对象满意度", category: .satisfaction, subcategory: .serviceRecipientSatisfaction),
]

@Suite("Lint checks")
struct LinterTests {
    @Test func findsNothingInACleanTable() {
        #expect(lint(clean).isEmpty)
    }

    /// The scorer's finding, told before filing: 2.125 points will print as 2.13 when scored.
    @Test func tellsPointsFinerThanTheScores() {
        var rows = clean
        rows[1].weight = dec("20.125")
        rows[2].weight = dec("19.875")
        #expect(lint(rows).map(\.description) == [
            "warning[points-precision] indicators[1].weight: the points 20.125 carry more decimals than scores are printed with (2): a full score prints as 20.13, above the points, and the subtotals and the total add up the printed scores; give the points with at most 2 decimals",
            "warning[points-precision] indicators[2].weight: the points 19.875 carry more decimals than scores are printed with (2): a full score prints as 19.88, above the points, and the subtotals and the total add up the printed scores; give the points with at most 2 decimals",
        ])
        #expect(lint(rows, checks: [PointsPrecisionCheck()]).count == 2)
    }

    @Test func checksPointsAgainstTheProfileAndTheDeclaredTotal() {
        #expect(lint(clean, declared: "100").map(\.description) == [
            "error[declared-total] declaredPoints: the table declares 100 points but its rows add up to 80",
        ])
        #expect(lint(Array(clean.dropLast())).map(\.code) == [.pointsTotal])
        #expect(lint(clean, profile: .mof2020).map(\.code).contains(.pointsTotal))
    }

    @Test func asksForTheMissingCategories() {
        let noBenefit = clean.filter { $0.category != .benefit } + [target("≥1次", "次数", weight: "20")]
        #expect(lint(noBenefit).map(\.description) == [
            "error[missing-category] indicators: no 效益指标: the structure is incomplete (reviewers' \"指标结构不完整，缺少效益指标\")",
        ])
        let noCost = clean.filter { $0.category != .cost } + [target("≥1个", "次数")]
        #expect(lint(noCost).map(\.code) == [.missingCategory])
        // Before the 2021 layout, a table without 成本 is complete.
        #expect(lint(noCost, year: 2021).isEmpty)
        // A 2020-layout cost row (产出 / 成本指标) counts as cost.
        let layout2020 = noCost + [target("<8%", "资金增加率", weight: "0", subcategory: .cost)]
        #expect(lint(layout2020).isEmpty)
    }

    @Test func checksTheFormOfEachTarget() {
        let rows = clean + [
            target("≥4", "培训", weight: "0"),
            target("0.99", "递交率", weight: "0"),
            target("≥120%", "覆盖率", weight: "0"),
            target("≥120%", "营收增长率", weight: "0"),
            target("≥4次/4份", "报告", weight: "0"),
            target("合同金额=25万元", "维保费", weight: "0", category: .cost, subcategory: .economicCost),
            target("", "不超支", weight: "0"),
            target("≥≥5", "坏值", weight: "0"),
        ]
        #expect(lint(rows).map(\.description) == [
            "warning[missing-unit] indicators[4].target: the target ≥4 has no unit, and the row gives none",
            "warning[rate-as-fraction] indicators[5].target: 递交率 is a rate but its target 0.99 is a fraction; write it as a percentage (99%)",
            "error[rate-above-100] indicators[6].target: ≥120% is above 100 %: a share cannot exceed the whole",
            "warning[malformed-target] indicators[8].target: \"≥4次/4份\" states 2 figures in one target; split it into indicators",
            "warning[malformed-target] indicators[9].target: \"合同金额=25万元\" has words before its figure (合同金额); write the figure alone",
            "error[empty-target] indicators[10].target: the target is empty",
            "error[unreadable-value] indicators[11].target: cannot read \"≥≥5\": expected a number after '≥', found '≥'",
        ])
    }

    /// A deadline is a target of its own kind, which the deadline rule reads: `2024年12月底前` was an
    /// unreadable-value error ("expected the end of the value after '2024年'") and failed the table's lint, and
    /// `三季度` was called vague.
    @Test func takesDeadlinesAndOnTimeTargetsAsTheyAre() {
        let rows = clean + [
            target("2024年12月底前", "项目完成时间", weight: "0", subcategory: .timeliness),
            target("2025年6月30日前", "验收时间", weight: "0"),
            target("三季度", "上线时间", weight: "0", subcategory: .timeliness),
            target("按时完成", "完成及时性", weight: "0", subcategory: .timeliness),
            target("12月", "工作月数", weight: "0"),
        ]
        // Nor is a deadline vague; an on-time word without a date is (a date would say when).
        #expect(lint(rows).map(\.description) == [
            "warning[vague-target] indicators[7].target: 完成及时性: the target \"按时完成\" cannot be measured, but 时效指标 is a measurable slot; give a figure (≥95%, ≤3天, 100%)",
        ])
    }

    @Test func takesTheUnitFromTheRow() {
        #expect(lint(clean + [target("≥4", "培训", weight: "0", unit: "次")]).isEmpty)
    }

    @Test func flagsComparatorsThatContradictTheCategory() {
        let rows = [
            target("≥100%", "预算资金控制率", category: .cost, subcategory: .economicCost),
            target("≥12人", "聘用职工人数"),
            target("≥10%", "节支率", category: .benefit, subcategory: .economicBenefit),
            target("≤5%", "投诉率", category: .satisfaction, subcategory: .serviceRecipientSatisfaction),
        ]
        #expect(lint(rows).map(\.description) == [
            "warning[comparator-contradicts-category] indicators[0].target: ≥ on a cost row: a cost target is a ceiling (≤), or the row is not a cost",
            "warning[comparator-contradicts-category] indicators[3].target: ≤ on a satisfaction row: satisfaction is a floor (≥)",
        ])
    }

    @Test func flagsVagueTargetsWhereAFigureIsPossible() {
        let rows = [
            clean[0], target("是", "保障单位运转", subcategory: .quality),
            target("有所提升", "政务公开社会影响力", category: .benefit, subcategory: .socialBenefit),
            target("提升", "服务满意度", category: .satisfaction, subcategory: .serviceRecipientSatisfaction),
        ]
        #expect(lint(rows).map(\.description) == [
            "warning[binary-benefit-block] indicators: every 效益指标 target is a yes or a word: the benefit block cannot show an effect",
            "warning[vague-target] indicators[1].target: 保障单位运转: the target \"是\" cannot be measured, but 质量指标 is a measurable slot; give a figure (≥95%, ≤3天, 100%)",
            "warning[vague-target] indicators[3].target: 服务满意度: the target \"提升\" cannot be measured, but its name measures something; give a figure (≥95%, ≤3天, 100%)",
        ])
    }

    @Test func flagsNamesThatAreNotNames() {
        let rows = clean + [
            target("≥99.9%", "云平台资源月度正常使用时长/（云平台资源月度故障时长+云平台资源月度正常使用时长）", weight: "0"),
            target("≥500家", "高新技术企业≥500 家数量", weight: "0"),
            target("1个", "完成江汉区政务信息化项目技术评审工作。", weight: "0"),
            target("≥4次/年", "检查次数/年", weight: "0"),
        ]
        #expect(lint(rows).map(\.description) == [
            "warning[name-is-formula] indicators[4].name: \"云平台资源月度正常使用时长/（云平台资源月度故障时长+云平台资源月度正常使用时长…\" is a definition, not a name: put the formula in the indicator's explanation",
            "warning[name-carries-target] indicators[5].name: \"高新技术企业≥500 家数量\" carries a target in its name; move it to the target",
            "note[name-too-long] indicators[6].name: the name has 19 characters and is a sentence: name what is measured in a few words",
        ])
    }

    @Test func findsDuplicatesAndLoweredTargets() {
        let rows = clean + [
            target("≥80%", "食堂服务对象满意率", weight: "0", category: .satisfaction, subcategory: nil, previous: "≥90%"),
            target("≥90%", "食堂服务对象满意率", weight: "0", category: .satisfaction, subcategory: nil, previous: "≥90%"),
            target("≤3天", "办结时间", weight: "0", subcategory: .timeliness, previous: "≤2天"),
        ]
        #expect(lint(rows).map(\.description) == [
            "warning[target-lowered] indicators[4].target: 食堂服务对象满意率: the target ≥80% is less demanding than last year's ≥90%; targets should be challenging",
            "warning[duplicate-indicator] indicators[5].name: 食堂服务对象满意率 stands already at indicators[4]",
            "warning[target-lowered] indicators[6].target: 办结时间: the target ≤3天 is less demanding than last year's ≤2天; targets should be challenging",
        ])
    }

    @Test func warnsAboutTooManyIndicatorsInOneCategory() {
        let many = (1...11).map { target("≥1个", "数量\($0)", weight: "0") }
        #expect(lint(clean + many).map(\.description) == [
            "warning[too-many-indicators] indicators: 12 indicators under 数量指标 (more than 10): follow the 二八 rule, a few indicators that show most of the output",
        ])
    }

    @Test func asksAnEvaluationWhyARowLostPoints() {
        var rows = clean.map { indicator -> Indicator in
            var scored = indicator
            scored.actual = indicator.target
            return scored
        }
        rows[1].actual = "6人"
        #expect(lint(rows).map(\.description) == [
            "warning[unmet-without-reason] indicators[1].reason: 聘用职工人数 scores 10 of 20 and gives no reason; say why the target was missed",
        ])
        rows[1].reason = "招聘未完成"
        #expect(lint(rows).isEmpty)
        // 否 against 是 misses its target whatever score stands for it.
        rows[1] = row("是", "否", weight: "20", subcategory: nil, name: "是否开展宣传", score: "10")
        #expect(lint(rows).map(\.description) == [
            "warning[unmet-without-reason] indicators[1].reason: 是否开展宣传: the actual \"否\" misses the target \"是\" and gives no reason; say why the target was missed",
        ])
    }

    /// Issue 14 §8 (the cases an open-source table auditor caught and perfscore did not): a filed table is one whose
    /// rows have their actuals and that prints scores.
    func filed(_ rows: [Indicator]) -> [Indicator] {
        rows.map { indicator -> Indicator in
            var scored = indicator
            scored.actual = indicator.target
            scored.published = indicator.weight
            return scored
        }
    }

    @Test func callsABlankScoreAmongPrintedOnesAnError() {
        var rows = filed(clean)
        rows[2].published = nil
        #expect(lint(rows).map(\.description) == [
            "error[blank-score] indicators[2].published: 节支率: the score cell (得分) is blank while 3 of 4 rows print theirs; fill it in",
        ])
        // A table that prints no row score has no blank among printed ones.
        #expect(lint(clean).isEmpty)
    }

    @Test func callsAnUnmetTargetWithoutAReasonAnErrorOnAFiledTable() {
        var rows = filed(clean)
        rows[1].actual = "6人"
        rows[1].published = 10
        #expect(lint(rows).map(\.description) == [
            "error[unmet-without-reason] indicators[1].reason: 聘用职工人数 scores 10 of 20 and gives no reason; say why the target was missed",
        ])
    }

    @Test func callsPlaceholdersUnfilledCellsNotVagueTargets() {
        var rows = clean
        rows[1] = target("XXX", "聘用职工人数")
        rows[2] = target("≥XX%", "节支率", category: .benefit, subcategory: .economicBenefit)
        rows[3] = target("*", "服务对象满意度", category: .satisfaction, subcategory: .serviceRecipientSatisfaction)
        #expect(lint(rows).map(\.description) == [
            "error[unfilled-cell] indicators[1].target: the target \"XXX\" is the form's placeholder: the cell was not filled in",
            "error[unfilled-cell] indicators[2].target: the target \"≥XX%\" is the form's placeholder: the cell was not filled in",
            "error[unfilled-cell] indicators[3].target: the target \"*\" is the form's placeholder: the cell was not filled in",
        ])
        #expect(UnfilledCellCheck.isPlaceholder("…"))
        #expect(UnfilledCellCheck.isPlaceholder("XX项目绩效"))
        #expect(UnfilledCellCheck.isPlaceholder("××"))
        #expect(!UnfilledCellCheck.isPlaceholder("7x24小时"))
        #expect(!UnfilledCellCheck.isPlaceholder("—"))
        #expect(!UnfilledCellCheck.isPlaceholder("≥95%"))
    }

    @Test func asksForTheProjectNameAndDepartment() {
        var subject = evaluation(filed(clean))
        subject.year = 2025
        subject.title = " "
        subject.agency = ""
        let findings = Linter().lint([LintTable(name: "t.json", evaluation: subject, profile: .wuhan2023)])[0].findings
        #expect(findings.map(\.description) == [
            "error[empty-field] title: 项目名称 (title) is empty",
            "error[empty-field] agency: 主管部门 / 单位名称 (agency) is empty",
        ])
        // A draft target table without a name is a warning; one without an agency, nothing (a transcription may omit it).
        var draft = evaluation(clean)
        draft.year = 2025
        draft.title = nil
        #expect(Linter().lint([LintTable(name: "t.json", evaluation: draft, profile: .wuhan2023)])[0].findings.map(\.description) == [
            "warning[empty-field] title: the table gives no 项目名称 (title)",
        ])
    }

    @Test func addsUpTheFundsBySource() throws {
        // The official form's 年度资金总额 row and its 其中 rows, as a file gives them.
        let json = """
        {"format": "perfscore/1", "title": "测试项目", "agency": "测试单位", "rules": "wuhan-2023",
         "budget": {"planned": 894.13, "executed": 880, "initial": 850,
                    "sources": {"其中：当年财政拨款": {"initial": 850, "planned": 850, "executed": 840},
                                "上年结转资金": {"planned": 44.13, "executed": 30}, "其他资金": {}}},
         "indicators": [{"category": "产出指标", "name": "次数", "weight": 80, "target": "≥1次", "actual": "1次"}]}
        """
        let read = try EvaluationReader().read(Array(json.utf8))
        #expect(read.evaluation.budget.sources.map(\.kind) == [.appropriation, .carriedOver, .other])
        let findings = FundSourcesCheck().check(LintTable(name: "t.json", evaluation: read.evaluation, profile: .wuhan2023))
        #expect(findings.map(\.description) == [
            "error[funds-by-source] budget.executed: 资金总额 全年执行数 880 is not 财政拨款 840 + 上年结转 30 + 其他资金 0 = 870",
        ])
        // Written back by convert, read again the same.
        let written = Array(EvaluationWriter.text(read.evaluation).utf8)
        #expect(try EvaluationReader().read(written).evaluation.budget == read.evaluation.budget)
        // Another source name is refused with the names expected.
        let wrong = json.replacingOccurrences(of: "其他资金", with: "自筹资金")
        #expect(throws: EvaluationFileError.self) { try EvaluationReader().read(Array(wrong.utf8)) }
    }

    @Test func requiresSatisfactionWhereTheProfileDoes() throws {
        let text = try String(decoding: Fixtures.bytes("rules/wuhan-2023.json"), as: UTF8.self)
            .replacingOccurrences(of: "\"missingSatisfaction\": \"optional\"", with: "\"missingSatisfaction\": \"required\"")
            .replacingOccurrences(of: "\"id\": \"wuhan-2023\"", with: "\"id\": \"satisfaction-required\"")
        let profile = try RuleProfile(jsonData: Array(text.utf8))
        let noSatisfaction = clean.filter { $0.category != .satisfaction } + [target("≥1次", "次数")]
        #expect(lint(noSatisfaction, profile: profile).map(\.description) == [
            "error[missing-category] indicators: no 满意度指标: satisfaction-required requires a satisfaction indicator",
        ])
        #expect(lint(noSatisfaction).isEmpty)
    }

    @Test func findsCopiedTablesAmongSeveral() {
        var first = evaluation(clean)
        first.year = 2025
        var second = first
        second.indicators[1].name = "招商引资交流次数"
        let linter = Linter()
        let reports = linter.lint([LintTable(name: "a.json", evaluation: first, profile: .wuhan2023),
                                   LintTable(name: "b.json", evaluation: second, profile: .wuhan2023)])
        #expect(reports[0].findings.isEmpty)
        #expect(reports[1].findings.map(\.description) == [
            "warning[copied-block] indicators: the same skeleton as a.json (category, second level and points, row for row), with 3 of 4 rows identical: is the table set for this project or copied from a form?",
        ])
    }

    /// A copy names the first earlier table it copies, whichever way: here the first table by most of its rows,
    /// though a later one has its very skeleton; and a table whose rows were all renamed by its skeleton alone.
    @Test func namesTheFirstTableACopyComesFrom() {
        var original = evaluation(clean)
        original.year = 2025
        var repointed = original
        repointed.indicators[1].weight = repointed.indicators[1].weight + 1
        var renamed = original
        for index in renamed.indicators.indices { renamed.indicators[index].name += "（新）" }
        let tables = [("t0.json", original), ("t1.json", repointed), ("t2.json", repointed), ("t3.json", renamed)]
        let reports = Linter().lint(tables.map { LintTable(name: $0.0, evaluation: $0.1, profile: .wuhan2023) })
        #expect(reports.map { $0.findings.filter { $0.code == .copiedBlock }.map(\.message) } == [
            [],
            ["3 of 4 rows (name, target and points) are the same as in t0.json: is the table set for this project or copied?"],
            ["3 of 4 rows (name, target and points) are the same as in t0.json: is the table set for this project or copied?"],
            ["the same skeleton as t0.json (category, second level and points, row for row), with 0 of 4 rows identical: is the table set for this project or copied from a form?"],
        ])
    }

    /// The copy check's index stops growing at its bound: the tables after it are still compared with the tables
    /// indexed, not with each other, and the first of them says so.
    @Test func boundsTheMemoryOfTheCopyCheck() {
        var original = evaluation(clean)
        original.year = 2025
        var others: [Evaluation] = []
        for number in 0..<3 {
            var other = original
            for index in other.indicators.indices {
                other.indicators[index].name += "（\(number)）"
                other.indicators[index].weight = other.indicators[index].weight + ExactDecimal(number + 1)
            }
            others.append(other)
        }
        // Unbounded, t4 is found a copy of t3.
        let tables = [("t0.json", original), ("t1.json", others[0]), ("t2.json", others[1]), ("t3.json", others[2]),
                      ("t4.json", others[2])]
        let lintTables = tables.map { LintTable(name: $0.0, evaluation: $0.1, profile: .wuhan2023) }
        func copyFindings(budget: Int) -> [[String]] {
            Linter(copyIndexBudget: budget).lint(lintTables).map { $0.findings.filter { $0.code == .copiedBlock }.map(\.description) }
        }
        let unbounded = copyFindings(budget: CopiedBlocks.defaultIndexBudget)
        #expect(unbounded == [[], [], [], [], [
            "warning[copied-block] indicators: the same skeleton as t3.json (category, second level and points, row for row), with 4 of 4 rows identical: is the table set for this project or copied from a form?",
        ]])
        // A budget halfway between what two tables and what three fill (a table joins while the index is under it):
        // t3 is left out of the index, and t4, its copy, is then no copy of a table indexed. (The memory an index
        // takes depends on the sizes the allocator hands out, an array's capacity being what it was given, by a few
        // bytes an array: a budget of exactly what three tables fill in another index let t3 in too when the heap
        // stood otherwise.)
        var index = CopiedBlocks(copiedRows: 3, indexBudget: .max)
        var filled: [Int] = []
        for table in lintTables.prefix(3) {
            _ = index.findings(for: table)
            filled.append(index.memoryBytes)
        }
        #expect(filled[2] - filled[1] > 256, "\(filled)")
        #expect(copyFindings(budget: (filled[1] + filled[2]) / 2) == [[], [], [], [
            "note[copied-block] indicators: this table and the ones after it are compared with the 3 tables before it, not with each other: the copy check keeps at most 0 MiB of earlier tables; lint fewer tables at once to compare them all",
        ], []])
    }

    @Test func runsEveryCheckWithoutStopping() {
        // One table with a finding for many checks at once: every one of them is reported.
        let rows = [target("≥≥5", "a/（b+c）"), target("是", "合格率", subcategory: .quality), target("≥120%", "覆盖率")]
        let codes = Set(lint(rows, declared: "100").map(\.code))
        #expect(codes.isSuperset(of: [.pointsTotal, .declaredTotal, .missingCategory, .unreadableValue, .vagueTarget,
                                      .rateAbove100, .nameIsFormula]))
    }
}

@Suite("Lint on the real target tables")
struct LintExamplesTests {
    static let files: [String] = {
        let directory = Fixtures.root.appendingPathComponent("examples/targets")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { "examples/targets/" + $0 }
    }()

    @Test func shipsAtLeastSixRealTargetTables() {
        #expect(Self.files.count >= 6)
    }

    @Test func reportsExactlyTheReviewersFindings() throws {
        var tables: [LintTable] = []
        var reading: [String: [Diagnostic]] = [:]
        for file in Self.files {
            let result = try EvaluationReader(requiresActuals: false).read(try Fixtures.bytes(file))
            let hasWeights = !result.warnings.contains { $0.code == .noWeight }
            tables.append(LintTable(name: file, evaluation: result.evaluation, profile: .wuhan2023, hasWeights: hasWeights))
            reading[file] = result.warnings
        }
        let text = Linter().lint(tables, readingFindings: reading).map { LintReport.text($0) }.joined(separator: "\n")
        try assertGolden(text, named: "reportsExactlyTheReviewersFindings.txt")
        // What the seeds' findings say a reviewer would flag, checked one by one.
        #expect(text.contains("002-p24-104-keji-yanjiu-kaifa.json: 1 error"))
        #expect(text.contains("error[declared-total] declaredPoints: the table declares 100 points but its rows add up to 80"))
        #expect(text.contains("no 效益指标"))
        #expect(text.contains("no 成本指标: a 2025 table"))
        #expect(text.contains("\"是≥4次\" has words before its figure"))
        #expect(text.contains("\"≥4次/4份\" states 2 figures"))
        #expect(text.contains("warning[copied-block]"))
    }
}
