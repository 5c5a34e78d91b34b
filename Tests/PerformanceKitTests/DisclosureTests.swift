import Foundation
import Testing
@testable import PerformanceKit
@testable import perfscore

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
        // 主管部门 printed `某局 (某中心)` over two lines reads as the one spelling the summaries print.
        #expect(card.evaluation.agency == json.evaluation.agency)
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

/// Issue 18 §2: the command on the disclosure itself.
@Suite("perfscore on a disclosure's text")
struct DisclosureCommandTests {
    static let seed = "examples/disclosures/001_56ba69dbb77db55d.txt"

    @Test func extractPrintsEveryTableWithItsSourceAndTheArrayReadsBack() throws {
        let result = runPerfscore(["extract", Self.seed])
        #expect(result.status == .success)
        #expect(result.error == "perfscore: \(Self.seed): 4 table(s) found (2 摘要版, 2 自评表); 4 read\n")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(array.map { $0["title"] as? String } == ["市民之家大楼运行维护费", "智慧城市建设及相关运维经费", "行政运行工作经费", "政务服务和政务公开能力建设运行费"])
        let sources = array.map { $0["source"] as? [String: Any] }
        #expect(sources.map { $0?["lines"] as? String } == ["2817-2947", "2951-3272", "3276-3448", "3452-3632"])
        #expect(sources.map { $0?["file"] as? String } == Array(repeating: Self.seed, count: 4))
        #expect((sources[0]?["notes"] as? [String])?.count == 2)
        #expect(sources[2]?["incomplete"] == nil)
        // The full table's reason names no row: kept, as the table's, in its source.
        #expect(sources[2]?["notes"] as? [String] == ["偏差大或目标未完成原因分析 (the table's, naming no row): 绩效指标均已完成。"])
        #expect(sources[3]?["notes"] == nil)
        // Each element is a perfscore/1 evaluation that scores to its printed total.
        for (element, total) in zip(array, ["100", "98.07", "100", "99.75"]) {
            let bytes = [UInt8](try JSONSerialization.data(withJSONObject: element))
            #expect(try Evaluator().evaluate(bytes).total?.description == total)
        }
    }

    /// `-o DIR/` names a folder: made with the folders above it when missing, one file a table in it; a folder that
    /// cannot be made (a file stands in its way) is said in words, exit 2, and nothing is written.
    @Test func extractMakesTheFolderItIsGiven() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("extract-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = parent.appendingPathComponent("tables").appendingPathComponent("2023").path + "/"
        let result = runPerfscore(["extract", Self.seed, "-o", folder])
        #expect(result.status == .success)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(written.count == 4)
        #expect(written.allSatisfy { $0.hasSuffix(".json") })

        let file = parent.appendingPathComponent("a-file").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let refused = runPerfscore(["extract", Self.seed, "-o", file + "/tables/"])
        #expect(refused.status == .unusable)
        #expect(refused.error.contains("perfscore: \(file)/tables/"))
        #expect(refused.error.contains(": cannot write the table's JSON: a part of the path is not a folder\n"))
        #expect(!FileManager.default.fileExists(atPath: file + "/tables"))
    }

    /// Seed 003's target tables print no 分值: extracted, their rows carry no `weight` (not a 0 the table never
    /// printed), so that lint of the extracted JSON finds what lint of the text finds.
    @Test func aTargetTableWithoutPointsIsExtractedWithoutWeights() throws {
        let seed = "examples/disclosures/003_6b15edb281b2cfcb.txt"
        let result = runPerfscore(["extract", seed])
        #expect(result.status == .success)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        let rows = array.flatMap { ($0["indicators"] as? [[String: Any]]) ?? [] }
        #expect(rows.count > 40)
        #expect(rows.allSatisfy { $0["weight"] == nil && $0["target"] != nil })
        // Nor a budget block: the tables give none (the 项目申报表 beside them is not read), and 0 is no figure of theirs.
        #expect(array.allSatisfy { $0["budget"] == nil })
        let first = try JSONSerialization.data(withJSONObject: array[0])
        let read = try EvaluationReader(requiresActuals: false).read([UInt8](first))
        #expect(read.warnings.count { $0.code == .noWeight } == (array[0]["indicators"] as? [Any])?.count)
        let table = try #require(LintTable(name: "t.json", read: read, override: nil))
        let reports = Linter().lint([table], readingFindings: ["t.json": read.warnings])
        #expect(reports.first?.findings.map(\.description) == [
            "warning[no-weight] indicators: no row carries points (分值); a table that is to be scored needs them on every row",
        ])
    }

    @Test func scoresAndVerifiesTheDisclosureDirectlyEachTableWithItsLines() {
        let score = runPerfscore([Self.seed])
        #expect(score.status == .success)
        #expect(score.output.contains("\(Self.seed)[lines 3452-3632]"))
        #expect(score.output.contains("总分 99.75（满分 100）"))
        #expect(score.output.contains("总分 98.07（满分 100）"))
        let verify = runPerfscore(["verify", Self.seed])
        #expect(verify.status == .success)
        #expect(verify.output.split(separator: "\n").filter { $0.contains("agrees: all") }.count == 4)
    }

    @Test func aPDFIsNamedForWhatItIsAndHowToReadIt() {
        let result = runPerfscore(["Tests/PerformanceKitTests/Fixtures/disclosures/03-zhengwu-fuwu.pdf"])
        #expect(result.status == .unusable)
        #expect(result.error.contains("this is a PDF, not its text: convert it first with pdftotext -layout FILE.pdf FILE.txt"))
        let extract = runPerfscore(["extract", "Tests/PerformanceKitTests/Fixtures/disclosures/03-zhengwu-fuwu.pdf"])
        #expect(extract.error.contains("this is a PDF, not its text"))
    }

    @Test func aTextWithNoTableSaysWhatItLookedFor() {
        let result = runPerfscore(["examples/README.md", "--input", "text"])
        #expect(result.status == .unusable)
        #expect(result.error.contains("no table found: expected a 项目支出绩效自评表"))
    }
}

extension DisclosureTests {
    /// The rows of the research transcription of a seed's target tables (Fixtures/targets), by name.
    static func transcribedNames(_ seed: String) throws -> [String] {
        // Seed 002's long-term tables were transcribed apart (research/seed002/longterm.json).
        var files = ["targets/targets-\(seed).json"]
        if seed.hasPrefix("002") { files.append("disclosures/002-longterm-transcribed.json") }
        return try files.flatMap { file -> [String] in
            let data = Data(try Fixtures.fixture(file))
            let tables = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
            return tables.flatMap { ($0["indicators"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
        }
    }

    static func compact(_ text: String) -> String { text.filter { !$0.isWhitespace } }

    @Test(arguments: ["000_ffbfac4496a4a463", "002_0c6aad700ad91d59", "003_6b15edb281b2cfcb", "004_b019c8698d50126e"])
    func targetTablesGiveNineInTenOfTheTranscribedRows(_ seed: String) throws {
        let tables = try Self.tables(seed).filter { $0.form == .targets }
        let read = tables.compactMap { try? $0.result.get() }
        let names = read.flatMap { $0.evaluation.indicators.map { Self.compact($0.name) } }
        let transcribed = try Self.transcribedNames(seed).map(Self.compact)
        var remaining = names
        var found = 0
        for name in transcribed {
            if let position = remaining.firstIndex(of: name) { remaining.remove(at: position); found += 1 }
        }
        // Every table reads, seed 002's one-character-to-a-line 长期绩效目标表 included (its own test below).
        let failures = tables.filter { if case .failure = $0.result { true } else { false } }
        #expect(failures.count == 0, "\(failures.map { "\($0.label): \((try? $0.result.get()) == nil)" })")
        #expect(found * 10 >= transcribed.count * 9, "\(found) of \(transcribed.count) rows; not read: \(transcribed.filter { !names.contains($0) })")
        // And few rows the transcription does not have (a name broken by a cell the PDF centred over it; seed 002
        // prints its merged cells out of order, one character to a line).
        #expect(remaining.count * 10 <= names.count, "rows not in the transcription: \(remaining)")
    }
}

extension DisclosureTests {
    /// Seed 002, lines 3287-3426 (P24-104 科技研究与开发资金, 长期绩效目标表): the 一级 and the goal printed one
    /// character to a line, interleaved with the first row (`长 成 经济成本 奖励标准控制率 ≦100% 计划数据`, then `期`, `绩`,
    /// …, `本`, `指标`), and three rows whose 指标值确定依据 is empty (`≥8%` with the empty cell's spaces after it).
    /// Read row for row as the research transcription has it (research/seed002/longterm.json).
    @Test func seed002LongTermTableWithOneCharacterColumnsReadsAsTranscribed() throws {
        let table = try #require(try Self.tables("002_0c6aad700ad91d59").first { $0.label == "lines 3287-3426" })
        let read = try table.result.get()
        let data = Data(try Fixtures.fixture("disclosures/002-longterm-transcribed.json"))
        let transcribed = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let rows = try #require(transcribed.first { $0["id"] as? String == "P24-104" }?["indicators"] as? [[String: Any]])
        let expected = rows.map { row in
            ["category", "subcategory", "name", "target", "basis"].map { row[$0] as? String ?? "" }
        }
        let got = read.evaluation.indicators.map { [$0.category.rawValue, $0.subcategory?.rawValue ?? "", Self.compact($0.name), $0.target, $0.basis ?? ""] }
        #expect(got == expected.map { [$0[0], $0[1], Self.compact($0[2]), $0[3], $0[4]] })
        #expect(read.warnings.filter { $0.code == .unplacedText }.map(\.message) == [])
    }

    /// Each of seed 002's 38 target tables is named as the research transcription names it: a project by its
    /// 项目名称, printed on one line with spaces the PDF set (`2025 年科学管理事务支出`) or wrapped in its cell
    /// (`项目名` `称` `科技研究与` `开发资金` `项目代码`); a 整体 table by the goal heading above it (`长期目标 2：`) when
    /// its own first cell names no goal (`长期绩效指标`, or `标 数量` from a label printed one character to a line).
    @Test func seed002TablesAreNamedAsTheTranscriptionNamesThem() throws {
        var expected: [String: String] = [:]
        for file in ["targets/targets-002_0c6aad700ad91d59.json", "disclosures/002-longterm-transcribed.json"] {
            let data = Data(try Fixtures.fixture(file))
            for table in try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) {
                let lines = try #require(table["lines"] as? String).split(separator: "-").compactMap { Int($0) }
                let id = try #require(table["id"] as? String)
                // D-4 is 年度目标4, DL-2 长期目标2.
                let name = id.hasPrefix("DL-") ? "长期目标" + id.dropFirst(3)
                    : id.hasPrefix("D-") ? "年度目标" + id.dropFirst(2) : try #require(table["project"] as? String)
                expected["\(lines[0])-\(lines[1])"] = name
            }
        }
        let tables = try Self.tables("002_0c6aad700ad91d59")
        #expect(tables.count == 38)
        for table in tables {
            let read = try table.result.get()
            // The transcription's lines start at the heading above the table: the one it overlaps most.
            let bounds = table.label.dropFirst("lines ".count).split(separator: "-").compactMap { Int($0) }
            let match = expected.max { first, second in
                func overlap(_ key: String) -> Int {
                    let other = key.split(separator: "-").compactMap { Int($0) }
                    return min(bounds[1], other[1]) - max(bounds[0], other[0])
                }
                return overlap(first.key) < overlap(second.key)
            }
            #expect(read.evaluation.title == match?.value, "\(table.label)")
        }
    }

    /// Every row of seed 002 read under a name the transcription has is filed under the transcription's 一级 and
    /// 二级, those whose 一级 cell was printed blank included (社会效益指标 after 产出指标 rows: 效益指标, as the
    /// transcription infers it).
    @Test func seed002RowsStandUnderTheTranscribedCategories() throws {
        var transcribed: [(lines: ClosedRange<Int>, rows: [String: [String]])] = []
        for file in ["targets/targets-002_0c6aad700ad91d59.json", "disclosures/002-longterm-transcribed.json"] {
            let data = Data(try Fixtures.fixture(file))
            for table in try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) {
                let bounds = try #require(table["lines"] as? String).split(separator: "-").compactMap { Int($0) }
                var rows: [String: [String]] = [:]
                for row in table["indicators"] as? [[String: Any]] ?? [] {
                    rows[Self.compact(row["name"] as? String ?? "")] = [row["category"] as? String ?? "", row["subcategory"] as? String ?? ""]
                }
                transcribed.append((bounds[0]...bounds[1], rows))
            }
        }
        var compared = 0
        for table in try Self.tables("002_0c6aad700ad91d59") {
            let read = try table.result.get()
            let bounds = table.label.dropFirst("lines ".count).split(separator: "-").compactMap { Int($0) }
            let match = try #require(transcribed.max { first, second in
                min(bounds[1], first.lines.upperBound) - max(bounds[0], first.lines.lowerBound)
                    < min(bounds[1], second.lines.upperBound) - max(bounds[0], second.lines.lowerBound)
            })
            for indicator in read.evaluation.indicators {
                guard let expected = match.rows[Self.compact(indicator.name)] else { continue }
                compared += 1
                #expect([indicator.category.rawValue, indicator.subcategory?.rawValue ?? ""] == expected, "\(table.label): \(indicator.name)")
            }
        }
        // 280 of the rows read carry a name the transcription has (278 before a 二级 and a name broken together
        // below their basis were read back: 生态效益指 / 标 and 高新技术企业≥500 家 / 数量).
        #expect(compared >= 280, "\(compared)")
    }

    /// The text of the row above, printed after its basis, opens the next row's text: `指标` (the end of its 一级,
    /// 成本 / 指标) and `控制率` (the end of its name, 预算资金 / 控制率) before 产出指标, or `标 数量` (the ends of its
    /// 二级 and name, 生态效益指 / 标 and 高新技术企业≥500 家 / 数量) before 满意度指标; `量` (the end of an unread
    /// row's 科技交流质 / 量) before 时效指标. The first goes back to the name above; the second is said, and the row
    /// after it keeps its own 二级 (it read `量时效指标预算使用及时率` under 数量指标).
    @Test func seed002TextOfTheRowAboveGoesBackToItOrIsSaid() throws {
        let tables = try Self.tables("002_0c6aad700ad91d59")
        let costs = try #require(tables.first { $0.label == "lines 3939-4115" }).result.get()
        #expect(costs.evaluation.indicators.first?.name == "预算资金控制率")
        #expect(costs.evaluation.indicators.dropFirst().first?.name == "聘用职工")
        let exchange = try #require(tables.first { $0.label == "lines 4308-4404" }).result.get()
        let timely = try #require(exchange.evaluation.indicators.first { $0.name == "预算使用及时率" })
        #expect(timely.subcategory == .timeliness)
        // `质量指标 科技交流质    好 5 计划标准`, then `量`: the annual table's 前年 and 上年 columns are empty (no
        // figure row prints them), so 科技交流质 is the name, not 上年's value; its `量` goes back to it.
        #expect(exchange.warnings.filter { $0.code == .unplacedText }.map(\.message) == [])
        let quality = try #require(exchange.evaluation.indicators.first { $0.subcategory == .quality })
        #expect([quality.name, quality.target, quality.weight.description] == ["科技交流质量", "好", "5"])
        #expect(exchange.evaluation.indicators.map(\.name) == ["预算资金控制率", "招商引资交流次数", "科技交流质量", "预算使用及时率",
                                                               "促进江汉区经济交流", "单位职工及交流对象满意度"])
        // A 二级 and a name broken together, both ends printed after the basis: `生态效益指高新技术企业≥500 家 ≥500
        // 计划数据`, then `标 数量` before 满意度指标. The `标` ends the 二级, `数量` the name; neither opens the next row.
        let longTerm = try #require(tables.first { $0.label == "lines 1544-1587" }).result.get()
        let names = longTerm.evaluation.indicators.map(\.name)
        let broken = try #require(names.firstIndex(of: "高新技术企业≥500 家数量"))
        #expect(longTerm.evaluation.indicators[broken].subcategory == IndicatorSubcategory(parsing: "生态效益指标"))
        #expect(names[broken + 1] == "全区科技企业服务对象满意度测评")
        #expect(longTerm.evaluation.indicators[broken + 1].category == .satisfaction)
        let annual = try #require(tables.first { $0.label == "lines 2138-2218" }).result.get()
        #expect(annual.evaluation.indicators.map(\.name).contains("规模以上工业节能减排程度"))
    }

    /// Seed 002: every row the transcriptions hold is read, 一级, 二级, name and target (taken as a multiset: the text
    /// holds 38 tables, the transcription 19 project and department tables and the long-term ones apart), and no row
    /// the transcriptions do not hold. `资金使` `用及时` … `100% 计划标准` `率`: the `率` printed after the basis, where a
    /// goal's label would stand, ends the name above (it had been read as the next row's goal, and dropped).
    @Test func seed002ReadsEveryTranscribedRow() throws {
        let tables = try Self.tables("002_0c6aad700ad91d59").filter { $0.form == .targets }
        let read = try tables.flatMap { try $0.result.get().evaluation.indicators }
            .map { [$0.category.rawValue, $0.subcategory?.rawValue ?? "", Self.compact($0.name), Self.compact($0.target)] }
        var transcribed: [[String]] = []
        for file in ["targets/targets-002_0c6aad700ad91d59.json", "disclosures/002-longterm-transcribed.json"] {
            let data = Data(try Fixtures.fixture(file))
            for table in try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) {
                for row in table["indicators"] as? [[String: Any]] ?? [] {
                    transcribed.append([row["category"] as? String ?? "", row["subcategory"] as? String ?? "",
                                        Self.compact(row["name"] as? String ?? ""), Self.compact(row["target"].map { "\($0)" } ?? "")])
                }
            }
        }
        #expect(transcribed.count == 284)
        var extra = read
        var missing: [[String]] = []
        for row in transcribed {
            if let position = extra.firstIndex(of: row) { extra.remove(at: position) } else { missing.append(row) }
        }
        #expect(missing == [], "transcribed, not read")
        #expect(extra == [], "read, not transcribed")
        let review = try #require(tables.first { $0.label == "lines 4547-4665" }).result.get()
        #expect(review.evaluation.indicators.map(\.name).contains("资金使用及时率"))
        #expect(review.warnings.filter { $0.code == .unplacedText }.isEmpty)
    }

    /// Seeds 000, 003 and 004: every target table reads row for row as the transcription has it, 一级, 二级, name and
    /// target. Seed 003 files the 2020 layout's 二级 成本指标 under 产出指标 (`成本指标 不超支 其他标准`). Seed
    /// 004's annual tables put the year's target after 前年 and 上年, under 预期当年实现值 (the label split over
    /// the header's rows as 近两年指标值 / 前年 上年 预期当年实现值): 前年's figure had been read as the target.
    ///
    /// Seed 000: figures wrapped inside their digits (`≥` `83746.1` over `2平方米`, and 前年's `209.` over `22 万`)
    /// are one figure. One table is not read as transcribed yet: at lines 3113-3249 a name goes on after its
    /// target's line (`对符合法定要求的政府信息` … `100% 计划标准` `依申请公开答复率`), and its end is read into the
    /// next row's name.
    @Test(arguments: ["000_ffbfac4496a4a463", "003_6b15edb281b2cfcb", "004_b019c8698d50126e"])
    func targetTablesReadRowForRowAsTranscribed(_ seed: String) throws {
        let notYet = seed.hasPrefix("000") ? "lines 3113-3249" : nil
        let data = Data(try Fixtures.fixture("targets/targets-\(seed).json"))
        let transcribed = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]]).map { table in
            let bounds = (table["lines"] as? String ?? "0-0").split(separator: "-").compactMap { Int($0) }
            let rows = (table["indicators"] as? [[String: Any]] ?? []).map { row in
                [row["category"] as? String ?? "", row["subcategory"] as? String ?? "",
                 Self.compact(row["name"] as? String ?? ""), Self.compact(row["target"].map { "\($0)" } ?? "")]
            }
            return (lines: bounds[0]...bounds[1], rows: rows)
        }
        let tables = try Self.tables(seed).filter { $0.form == .targets }
        #expect(tables.count == transcribed.count)
        for table in tables {
            let read = try table.result.get()
            let bounds = table.label.dropFirst("lines ".count).split(separator: "-").compactMap { Int($0) }
            let match = try #require(transcribed.max { first, second in
                min(bounds[1], first.lines.upperBound) - max(bounds[0], first.lines.lowerBound)
                    < min(bounds[1], second.lines.upperBound) - max(bounds[0], second.lines.lowerBound)
            })
            let rows = read.evaluation.indicators.map { [$0.category.rawValue, $0.subcategory?.rawValue ?? "", Self.compact($0.name), Self.compact($0.target)] }
            // The table not read as transcribed yet says so when it is.
            #expect((rows == match.rows) == (table.label != notYet), "\(table.label)")
        }
    }

    /// The one-character 一级 is read only when the cell before a short 二级 is that 一级's first character and the
    /// taxonomy files the 二级 under it alone.
    @Test func aOneCharacterCategoryIsReadOnlyWhenTheTaxonomyAgrees() {
        let read = TargetTableText.firstCharacterAndShortSubcategory("长 成 经济成本 奖励标准控制率")
        #expect(read?.goal == "长")
        #expect(read?.category == "成本指标")
        #expect(read?.subcategory == "经济成本指标")
        #expect(read.map { String($0.rest) } == "奖励标准控制率")
        // 产 is not the first character of 成本指标, the 一级 of 经济成本指标.
        #expect(TargetTableText.firstCharacterAndShortSubcategory("长 产 经济成本 奖励标准控制率") == nil)
        // 成本指标 as a 二级 stands under 产出指标 (2020) or 成本指标 (2021): which, the text does not say.
        #expect(TargetTableText.firstCharacterAndShortSubcategory("长 成 成本 奖励标准控制率") == nil)
        // No name after the 二级: nothing to read.
        #expect(TargetTableText.firstCharacterAndShortSubcategory("成 经济成本") == nil)
    }
}

/// Issue 18 §3: the second layout, `pdftotext -layout` of the seed tables' HTML reports printed to PDF by Chromium
/// (`scripts/make-disclosure-pdfs` made `Fixtures/disclosures/`): columns apart by spaces, cells wrapped in place,
/// merged cells printed once over their rows, a table broken over two pages.
@Suite("Disclosure text, pdftotext -layout")
struct LayoutTextTests {
    @Test(arguments: ["01-xingzheng-yunxing", "02-shiminzhijia-dalou", "03-zhengwu-fuwu", "04-zhihui-chengshi"])
    func readsRowForRowAsTheTableItWasPrintedFrom(_ example: String) throws {
        let tables = try DisclosureReader().read(try Fixtures.fixture("disclosures/\(example)-layout.txt"), file: example)
        #expect(tables.map(\.form) == [.selfEvaluation])
        let read = try #require(try tables.first?.result.get())
        #expect(read.warnings.filter { $0.code == .unplacedText }.map(\.message) == [])
        let card = try Evaluator().evaluate(read.evaluation, warnings: read.warnings)
        let json = try Fixtures.scoreExample("examples/wuhan-2023/\(example).json")
        // The report prints its own 得分 where the table printed none: read back, that is the printed score. It
        // prints the unit (计量单位) after the name, as the form does (`市民之家杂志期数（期）`): read back, the bracket is
        // the unit again, for the figures under it are bare or print it (`≥80,000㎡`, `7x24小时`).
        let printedPerRow = json.evaluation.indicators.contains { $0.published != nil }
        let fields: (ScoreCard) -> [[String]] = { card in
            DisclosureTests.fields(card).map { printedPerRow ? $0 : Array($0.dropLast()) }
        }
        #expect(fields(card) == fields(json))
        #expect(card.indicators.map(\.score) == json.indicators.map(\.score))
        #expect(card.total == json.total)
        #expect(card.verification?.agrees == true)
        #expect(card.evaluation.title == json.evaluation.title)
        #expect(card.evaluation.agency == json.evaluation.agency)
        #expect(card.evaluation.budget.planned == json.evaluation.budget.planned)
        #expect(card.evaluation.budget.executed == json.evaluation.budget.executed)
    }
}

/// Issue 18 §4: never guessed — what cannot be placed is said with its line, and page furniture is passed over.
@Suite("Disclosure text, what cannot be placed")
struct DisclosureHonestyTests {
    static func seedLines() throws -> [String] {
        String(decoding: try Fixtures.bytes("examples/disclosures/001_56ba69dbb77db55d.txt"), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func read(_ lines: [String]) throws -> [DisclosureReader.Table] {
        try DisclosureReader().read(Array(lines.joined(separator: "\n").utf8), file: "edited.txt")
    }

    @Test func aPageNumberInsideATableIsPassedOver() throws {
        var lines = try Self.seedLines()
        // Line 3336 (1-based) is the row 市民之家杂志期数; a page breaks just above it.
        let row = try #require(lines.firstIndex { $0.hasPrefix("市民之家杂志期数") })
        lines.insert(contentsOf: ["", "- 37 -", ""], at: row)
        let table = try #require(try Self.read(lines).first { $0.label.hasPrefix("lines 3276") })
        let read = try table.result.get()
        #expect(read.warnings.filter { $0.code == .unplacedText }.isEmpty)
        #expect(read.evaluation.indicators[1].name == "市民之家杂志期数")
        #expect(try Evaluator().evaluate(read.evaluation).total == 100)
    }

    @Test func aFragmentThatEndsNoRowIsAWarningWithItsLineAndTheTableIsMarkedIncomplete() throws {
        var lines = try Self.seedLines()
        let total = try #require(lines.firstIndex { $0.hasPrefix("总分 100") })
        lines.insert("某项指标（无分值）", at: total)
        let table = try #require(try Self.read(lines).first { $0.label.hasPrefix("lines 3276") })
        let read = try table.result.get()
        let unplaced = read.warnings.filter { $0.code == .unplacedText }
        #expect(unplaced.map(\.message) == ["line \(total + 1): text that fits no cell of the table, so the table may be incomplete: 某项指标（无分值）"])
        let source = String(decoding: try #require(read.evaluation.source).bytes, as: UTF8.self)
        #expect(source.contains("\"incomplete\":true"))
        // The rows it could place are all there, and score as printed.
        #expect(read.evaluation.indicators.count == 11)
    }

    /// Seed 002's annual target tables whose 前年 and 上年 columns are empty: a text target's row printed on one line
    /// (`质量指标 保障单位运转     是 计划数据`) keeps its name, which had been passed over as 上年's value, and the row
    /// was said as text that fits no cell. Where the table prints earlier years' figures, or the cell reads as the
    /// target does (`是 是 是`), the cells before the target are still the earlier years'.
    @Test func anAnnualTableWithEmptyEarlierYearsKeepsATextRowsName() throws {
        let tables = try DisclosureTests.tables("002_0c6aad700ad91d59")
        for label in ["lines 2224-2262", "lines 2507-2559"] {
            let read = try #require(tables.first { $0.label == label }).result.get()
            #expect(read.warnings.filter { $0.code == .unplacedText }.isEmpty, "\(label)")
            let quality = try #require(read.evaluation.indicators.first { $0.subcategory == .quality }, "\(label)")
            #expect(quality.target == "是", "\(label)")
            #expect(quality.name == (label == "lines 2224-2262" ? "保障单位运转" : "政务服务质量"), "\(label)")
        }
        let seed = String(decoding: try Fixtures.bytes("examples/disclosures/002_0c6aad700ad91d59.txt"), as: UTF8.self)
        let lines = seed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The 质量 row made unreadable (its name left out, `质量指标     好 5 计划标准`): the `量` under it has no row to go
        // back to, and both are said.
        var edited = lines
        let row = try #require(edited.firstIndex { $0.hasPrefix("质量指标 科技交流质    好 5") })
        edited[row] = "质量指标     好 5 计划标准 "
        let table = try #require(try Self.read(edited).first { $0.label == "lines 4308-4404" })
        let unplaced = try table.result.get().warnings.filter { $0.code == .unplacedText }.map(\.message)
        #expect(unplaced.count == 2)
        #expect(unplaced.last?.hasSuffix(": 量") == true, "\(unplaced)")
    }

    @Test func aSummaryThatStatesMoreIndicatorsThanItListsSaysSo() throws {
        var lines = try Self.seedLines()
        let item = try #require(lines.lastIndex { $0.hasPrefix("②租赁服务面积") })
        lines.removeSubrange(item...(item + 2))
        let table = try Self.read(lines)[0]
        let read = try table.result.get()
        #expect(read.warnings.contains { $0.code == .unplacedText && $0.message.contains("says it set 8 indicators, but 7 were read") })
    }
}

extension DisclosureCommandTests {
    @Test func lintsTheTargetTablesOfABudgetDisclosureAndScoringSaysThereIsNothingToScore() {
        let lint = runPerfscore(["lint", "examples/disclosures/004_b019c8698d50126e.txt"])
        #expect(lint.output.contains("examples/disclosures/004_b019c8698d50126e.txt[lines 606-620]"))
        // Each table named by its lines also says which it is: its title.
        #expect(lint.output.contains("examples/disclosures/004_b019c8698d50126e.txt[lines 394-408] 长期绩效目标1: 5 warnings\n"))
        #expect(lint.output.contains("\"合同金额=25万元\" has words before its figure"))
        let score = runPerfscore(["examples/disclosures/004_b019c8698d50126e.txt"])
        #expect(score.status == .unusable)
        #expect(score.error.contains("holds 20 target table(s) (绩效目标表) and no self-evaluation: see perfscore lint"))
    }
}

/// The disclosure reader on text broken in every way a conversion breaks it (the seeds and the -layout fixtures; 3,000
/// rounds tried once, no crash): never a crash, always tables or
/// problems. Deterministic: the same generator every run.
@Suite("Disclosure text, broken")
struct DisclosureRobustnessTests {
    /// A small linear congruential generator, so that a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
    }

    @Test func everyMutationOfTheSeedsReadsWithoutCrashing() throws {
        var sources: [[String]] = []
        for seed in ["000_ffbfac4496a4a463", "001_56ba69dbb77db55d", "002_0c6aad700ad91d59", "003_6b15edb281b2cfcb", "004_b019c8698d50126e"] {
            sources.append(String(decoding: try Fixtures.bytes("examples/disclosures/\(seed).txt"), as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
        for layout in ["01-xingzheng-yunxing", "04-zhihui-chengshi", "ministry-form", "03-zhengwu-fuwu-libreoffice"] {
            sources.append(String(decoding: try Fixtures.fixture("disclosures/\(layout)-layout.txt"), as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
        let junk = ["", "总分", "（40分）", "≥", "计划标准", "一级指标 二级指标 三级指标 指标值 指标值确定依据", "项目自评表", "（摘要版）",
                    "7 18 4", "小计", "\t\t", "- 3 -", "年初目标值（A） 实际完成值（B） 得分", "①：年度目标值为，实际", "综合绩效 100% 100"]
        var generator = Generator(state: 18)
        var tables = 0
        for round in 0..<240 {
            let source = sources[round % sources.count]
            let start = generator.next(max(1, source.count - 300))
            var lines = Array(source[start..<min(source.count, start + 300)])
            for _ in 0..<(1 + generator.next(12)) where !lines.isEmpty {
                let at = generator.next(lines.count)
                switch generator.next(6) {
                case 0: lines.remove(at: at)
                case 1: lines.insert(lines[at], at: at)
                case 2: lines.swapAt(at, generator.next(lines.count))
                case 3: lines[at] = String(lines[at].prefix(generator.next(lines[at].count + 1)))
                case 4: lines.insert(junk[generator.next(junk.count)], at: at)
                default: lines[at] = lines[at].replacingOccurrences(of: " ", with: "  ")
                }
            }
            let read = try DisclosureReader().read(Array(lines.joined(separator: "\n").utf8), file: "broken.txt")
            for table in read {
                #expect(table.lines.lowerBound <= table.lines.upperBound)
                if case .success(let result) = table.result {
                    tables += 1
                    // Whatever was read scores or says why, without a trap.
                    _ = Scorer(profile: .wuhan2023).score(result.evaluation)
                }
            }
        }
        #expect(tables > 0)
    }
}

extension LayoutTextTests {
    /// The official form kept in Excel and printed to PDF as it stands (LibreOffice Calc here): a cell too narrow
    /// cuts its name off, points mark and all (`窗口收件办结率（`). The points are not in the PDF, so the table is
    /// refused, each cut name said, rather than read with points guessed.
    @Test func aFormPrintedWithItsNamesCutOffIsRefusedNamingThem() throws {
        let tables = try DisclosureReader().read(try Fixtures.fixture("disclosures/03-zhengwu-fuwu-libreoffice-layout.txt"), file: "lo.txt")
        #expect(tables.map(\.form) == [.selfEvaluation])
        guard case .failure(let error) = tables[0].result else {
            Issue.record("a table whose points were cut off was read")
            return
        }
        #expect(error.problems.contains { $0.message.contains("窗口收件办结率（ is cut off at its cell's edge as printed") })
        #expect(error.problems.contains { $0.message.contains("no points for 窗口收件办结率（") })
    }
}

/// Issue 18: the same disclosure as other converters and other hands save it — no blank lines between blocks,
/// Windows line ends, GB18030, full-width spaces between cells, cells apart by tabs — reads to the same tables.
@Suite("Disclosure text, as other tools save it")
struct DisclosureVariantsTests {
    static func seed() throws -> String {
        String(decoding: try Fixtures.bytes("examples/disclosures/001_56ba69dbb77db55d.txt"), as: UTF8.self)
    }

    static func summary(_ bytes: [UInt8]) throws -> [String] {
        try DisclosureReader().read(bytes, file: "variant.txt").map { table in
            let evaluation = try table.result.get().evaluation
            let card = Scorer(profile: .wuhan2023).score(evaluation)
            return "\(table.form.rawValue) \(evaluation.title ?? "") \(evaluation.indicators.count) \(card.total?.description ?? "—")"
        }
    }

    static let variants: [(String, @Sendable (String) -> [UInt8])] = [
        ("no blank lines", { text in Array(text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: "\n").utf8) }),
        ("CRLF", { text in Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8) }),
        ("GB18030", { text in [UInt8](text.data(using: TableReader.gb18030) ?? Data()) }),
        ("full-width spaces", { text in Array(text.replacingOccurrences(of: " ", with: "\u{3000}").utf8) }),
        ("tabs between cells", { text in Array(text.replacingOccurrences(of: " ", with: "\t").utf8) }),
        ("trailing spaces", { text in Array(text.split(separator: "\n", omittingEmptySubsequences: false).map { $0 + "  " }.joined(separator: "\n").utf8) }),
    ]

    @Test(arguments: variants.indices)
    func readsTheSameTables(_ index: Int) throws {
        let (name, transform) = Self.variants[index]
        let text = try Self.seed()
        let expected = try Self.summary(Array(text.utf8))
        #expect(expected == ["摘要版 市民之家大楼运行维护费 8 100", "摘要版 智慧城市建设及相关运维经费 43 98.07",
                             "自评表 行政运行工作经费 11 100", "自评表 政务服务和政务公开能力建设运行费 14 99.75"])
        #expect(try Self.summary(transform(text)) == expected, "\(name)")
    }
}

extension LayoutTextTests {
    /// A table on the Ministry's form (分值 after the actuals, 项目资金 over the budget), printed to PDF from its
    /// HTML report: read in the header's column order, the same rows as its CSV.
    @Test func readsTheMinistrysFormInItsColumnOrder() throws {
        let tables = try DisclosureReader().read(try Fixtures.fixture("disclosures/ministry-form-layout.txt"), file: "mof.txt")
        let read = try #require(try tables.first?.result.get())
        let csv = try TableReader().read(try Fixtures.fixture("libreoffice/ministry-form.csv"))
        let card = try Evaluator().evaluate(read.evaluation, warnings: read.warnings)
        let expected = try Evaluator().evaluate(csv.evaluation, warnings: csv.warnings)
        #expect(DisclosureTests.fields(card) == DisclosureTests.fields(expected))
        #expect(card.evaluation.budget.planned == 120 && card.evaluation.budget.executed == 110)
        #expect(card.total == dec("99.17"))
        #expect(card.verification?.agrees == true)
    }
}
