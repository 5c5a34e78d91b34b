import Foundation
import Testing
@testable import PerformanceKit

/// JSON Lines in the notation mix of the bench corpus, with the forms the fast lane must decline mixed in: each
/// line is written as text, so that it can carry what no model value can (escapes, exponents, odd spacing).
enum LineGenerator {
    static func pick<T>(_ options: [T], _ generator: inout SeededGenerator) -> T {
        options[Int.random(in: 0..<options.count, using: &generator)]
    }

    static func figure(_ generator: inout SeededGenerator) -> String {
        let cents = Int.random(in: 0...250_000, using: &generator)
        return pick([String(cents / 100), Decimal(cents).scaled(-2).plainText, "0", String(cents % 7)], &generator)
    }

    /// A figure with thousands separators in its whole part: `1234567.5` → `1,234,567.5`.
    static func grouped(_ figure: String) -> String {
        let parts = figure.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var groups: [String] = []
        while whole.count > 3 {
            groups.insert(String(whole.suffix(3)), at: 0)
            whole.removeLast(3)
        }
        groups.insert(whole, at: 0)
        return groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// One row as JSON object text.
    static func row(_ index: Int, weight: String, clean: Bool, _ generator: inout SeededGenerator) -> String {
        let (category, subcategory) = pick([
            ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"), ("产出指标", "成本指标"),
            ("效益指标", "社会效益指标"), ("效益指标", "经济效益指标"), ("满意度指标", "服务对象满意度指标"),
            ("成本指标", "经济成本指标"), ("成本指标", ""),
        ] + (clean ? [] : [("产出指标", "满意度指标"), ("产出", "数量指标1")]), &generator)
        let a = figure(&generator)
        let b = figure(&generator)
        let unit = pick(["", "%", "个", "小时", "分钟"], &generator)
        let otherUnit = pick(["", "个", "天"], &generator)
        var target: String
        var actual: String
        var extra = ""
        switch clean ? pick([0, 1, 2, 3, 4, 5, 6, 7, 15, 23, 24, 25, 26, 31, 32, 33], &generator)
                     : Int.random(in: 0..<35, using: &generator) {
        case 0: (target, actual) = ("≥\(a)\(unit)", "\(b)\(unit)")
        case 1: (target, actual) = ("≤\(a)\(unit)", "\(b)\(unit)")
        case 2: (target, actual) = ("＜\(a)\(unit)", "＜\(b)\(unit)")
        case 3: (target, actual) = ("\(a)\(unit)", "\(b)\(unit)")
        case 4: (target, actual) = ("0", pick(["0", b, "全年未发生安全事故", "无"], &generator))
        case 5: (target, actual) = ("是", pick(clean ? ["是", "完成"] : ["否", "基本完成"], &generator))
        case 6: (target, actual) = ("7x24小时", pick(clean ? ["7x24小时", "是"] : ["7X24小时"], &generator))
        case 7: (target, actual) = ("好", "较好"); extra = ",\"judgement\":\"\(pick(clean ? ["达成", "部分达成", "未达成", "partial"] : ["达成预期指标"], &generator))\""
        case 8: (target, actual) = ("≥\(a)\(unit)", "\(b)\(otherUnit)")
        case 9: (target, actual) = ("≥\(a)万", "\(b)万")
        case 10: (target, actual) = ("\(a)\(unit)以上", "\(b)\(unit)")
        case 11: (target, actual) = ("≥ \(a)", "\(b) ")
        case 12: (target, actual) = ("≥\(a)平方米", "\(b)㎡")
        case 13: (target, actual) = ("＞\(a)", "１\(b)")
        case 14: (target, actual) = (">=\(a)", "\(b)")
        case 15: (target, actual) = ("=\(a)", pick([a, b], &generator))
        case 16: (target, actual) = ("≥\(a)", "\(b)"); extra = ",\"score\":0"
        case 17: (target, actual) = ("≥\(a)\(unit)", "\(b)\(unit)"); extra = ",\"unit\":\"\(pick(["个", "%", "平方米", "人"], &generator))\""
        case 18: (target, actual) = ("≥\(a)", "\(b)"); extra = ",\"direction\":\"reverse\""
        case 19: (target, actual) = ("≥1,000", "1,200")
        case 20: (target, actual) = ("≥\(a).5", "-\(b)")
        case 21: (target, actual) = ("全年未发生", pick(["无", "0"], &generator))
        case 22: (target, actual) = ("≥\(a)%", "\(b)%"); extra = ",\"judgement\":\"达成\""
        case 24: (target, actual) = ("≥\(grouped(a))㎡", "\(grouped(b))㎡")
        case 25: (target, actual) = ("≤\(a)ms", "\(b)ms")
        case 26: (target, actual) = ("≥\(a)℃", "\(b)℃")
        case 27: (target, actual) = ("≥1,0000", "1,000,00")
        case 28: (target, actual) = ("≥\(a)km/h", "\(b)km/h")
        case 29: (target, actual) = ("≥\(a)m2", "\(b)m2")
        case 30: (target, actual) = ("≥\(a)MS", "\(b)ms")
        case 31: (target, actual) = ("≥\(a)亿条", "\(b)亿条")
        case 32: (target, actual) = ("≥\(a)万元", "\(b)元")
        case 33: (target, actual) = ("≤\(a)万", "＜\(b)万")
        case 34: (target, actual) = (pick(["≥\(a)万亿", "≥\(a)亿万", "≥99999999999万亿"], &generator), "\(b)万亿")
        default: (target, actual) = ("\(a)", "\(b)")
        }
        let targetJSON = Int.random(in: 0..<12, using: &generator) == 0 && Double(target) != nil ? target : "\"\(target)\""
        let subcategoryField = subcategory.isEmpty ? "" : ",\"subcategory\":\"\(subcategory)\""
        return "{\"category\":\"\(category)\"\(subcategoryField),\"name\":\"指标\(index)\",\"weight\":\(weight),\"target\":\(targetJSON),\"actual\":\"\(actual)\"\(extra)}"
    }

    /// One evaluation line: half of them clean (the common shape, points adding up to 20 + 80, though a row may
    /// still be one the rule cannot score), the rest with anything from an odd row to a broken line.
    static func line(_ number: Int, _ generator: inout SeededGenerator) -> String {
        let clean = Bool.random(using: &generator)
        // A third of the clean lines are under mof-2020: 90 points, a split per category, an over-achievement flag.
        let mof = clean && Int.random(in: 0..<3, using: &generator) == 0
        let points = mof ? 90 : 80
        let count = Int.random(in: 1...12, using: &generator)
        var weights = (0..<count).map { $0 < points % count ? String(points / count + 1) : String(points / count) }
        if !clean, Int.random(in: 0..<5, using: &generator) == 0 { weights[0] = pick(["2.5", "0", "12.125", "3.14159"], &generator) }
        let rows = (0..<count).map { row($0, weight: weights[$0], clean: clean, &generator) }.joined(separator: ",")
        let plannedCents = Int.random(in: 0...2_000_000, using: &generator)
        let executedCents = plannedCents * Int.random(in: 60...110, using: &generator) / 100
        let planned = Decimal(plannedCents).scaled(-2).plainText
        let executed = Decimal(executedCents).scaled(-2).plainText
        if clean {
            return "{\"format\":\"perfscore/1\",\"title\":\"项目\(number)\",\"year\":2023\(mof ? ",\"rules\":\"mof-2020\"" : ""),"
                + "\"budget\":{\"planned\":\(planned),\"executed\":\(executed)},\"indicators\":[\(rows)]}"
        }
        let weight = pick(["", ",\"weight\":20", ",\"weight\":10", ",\"weight\":20.0"], &generator)
        let rules = pick(["", ",\"rules\":\"wuhan-2023\"", ",\"rules\":\"mof-2020\"", ",\"rules\":\"mof-2020-linear\"",
                          ",\"rules\":\"jiangxi\"", ",\"rules\":\"nowhere\""], &generator)
        let title = pick([",\"title\":\"项目\(number)\"", "", ",\"title\":\"a \\\"quoted\\\" name\"", ",\"title\":\"\""], &generator)
        let head = pick(["{\"format\":\"perfscore/1\"", "{ \"format\" : \"perfscore/1\"", "{\"format\":\"perfscore/2\"",
                         "{\"format\":\"perfscore/1\",\"kind\":\"project\"", "{\"format\":\"perfscore/1\",\"kind\":\"department\""], &generator)
        let year = pick([",\"year\":2023", "", ",\"year\":1800", ",\"year\":2023.0"], &generator)
        let tail = pick(["}", "}", "}", " }\r", ",\"extra\":1}", ",\"published\":{\"total\":90}}", "}}", ""], &generator)
        return head + title + year + rules
            + ",\"budget\":{\"planned\":\(planned),\"executed\":\(executed)\(weight)},\"indicators\":[\(rows)]" + tail
    }
}

extension Decimal {
    /// This value times 10^`exponent`.
    func scaled(_ exponent: Int) -> Decimal {
        Decimal(sign: sign, exponent: self.exponent + exponent, significand: significand)
    }
}

@Suite("The fast lane gives the ordinary path's bytes")
struct FastLaneTests {
    /// Scores each line with the fast lane and without it; every outcome must be identical.
    /// - Returns: how many lines the fast lane itself scored.
    @discardableResult
    static func expectSameBothWays(_ lines: [[UInt8]], evaluator: Evaluator = Evaluator(), renders: Bool = true,
                                   sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        var fast = BatchScorer(evaluator: evaluator, rendersResults: renders)
        fast.usesFastLane = true
        var ordinary = fast
        ordinary.usesFastLane = false
        let lane = FastLane(evaluator: fast.evaluator)
        var workspace = FastLane.Workspace()
        var taken = 0
        for (index, line) in lines.enumerated() {
            let a = fast.scoreLine(line[...], lineNumber: index + 1)
            let b = ordinary.scoreLine(line[...], lineNumber: index + 1)
            #expect(a?.line == b?.line, "line \(index + 1): \(String(decoding: line, as: UTF8.self))", sourceLocation: sourceLocation)
            #expect(a?.total == b?.total && a?.grade == b?.grade && a?.funds == b?.funds && a?.failed == b?.failed,
                    "line \(index + 1)", sourceLocation: sourceLocation)
            var sink: [UInt8] = []
            if let lane, line.withUnsafeBufferPointer({ lane.score($0, in: &workspace, renders: renders, output: &sink) }) != nil {
                taken += 1
            }
        }
        // The chunk path (all cores, one buffer per core, exact tally) must agree too.
        let slices = lines.map { $0[...] }
        let fastChunk = fast.scoreChunk(slices, firstLineNumber: 1)
        let ordinaryChunk = ordinary.scoreChunk(slices, firstLineNumber: 1)
        #expect(fastChunk.output == ordinaryChunk.output, sourceLocation: sourceLocation)
        #expect(fastChunk.tally.fundWeightedMean == ordinaryChunk.tally.fundWeightedMean, sourceLocation: sourceLocation)
        #expect(fastChunk.tally.scored == ordinaryChunk.tally.scored && fastChunk.tally.failed == ordinaryChunk.tally.failed
                && fastChunk.tally.grades == ordinaryChunk.tally.grades, sourceLocation: sourceLocation)
        #expect(fastChunk.failures.map(\.line) == ordinaryChunk.failures.map(\.line), sourceLocation: sourceLocation)
        return taken
    }

    @Test func givesTheSameResultForEveryExampleAsWrittenAndOnOneLine() throws {
        var lines: [[UInt8]] = []
        for path in Fixtures.examples {
            let bytes = try Fixtures.bytes(path)
            lines.append(bytes)
            lines.append(Array(JSONWriter(indent: 0).write(try JSONReader().read(bytes)).utf8))
        }
        #expect(lines.count >= 12)
        Self.expectSameBothWays(lines)
        Self.expectSameBothWays(lines, renders: false)
    }

    @Test func givesTheSameOutcomeForEveryBadInput() {
        let lines = BadInputCorpus.cases.map(\.bytes)
        #expect(lines.count >= 200)
        Self.expectSameBothWays(lines)
    }

    @Test func givesTheSameResultForGeneratedLinesAndScoresTheCommonOnesItself() throws {
        var generator = SeededGenerator(seed: 8)
        let lines = (0..<4_000).map { Array(LineGenerator.line($0, &generator).utf8) }
        let taken = Self.expectSameBothWays(lines)
        // Half the generated lines are of the common shape (over-executed budgets among them); the lane must take
        // nearly all of those, not decline them.
        #expect(taken > 1_700, "the fast lane scored only \(taken) of \(lines.count) lines")
        #expect(taken < lines.count, "the generator must give the lane lines to decline")
        // The diagnostics the lane writes itself all occur, so that the comparison covers them.
        let lane = try #require(FastLane(evaluator: Evaluator()))
        var workspace = FastLane.Workspace()
        var output: [UInt8] = []
        for line in lines {
            _ = line.withUnsafeBufferPointer { lane.score($0, in: &workspace, renders: true, output: &output) }
        }
        let results = String(decoding: output, as: UTF8.self)
        for code in ["judgement-top-of-band", "over-executed", "over-achievement", "category-points"] {
            #expect(results.contains(#""code":"\#(code)""#), "no line the lane scored has \(code)")
        }
        // So do the printed forms it reads: thousands separators, ㎡, ℃, Latin units.
        #expect(results.contains(/"target":"≥\d{1,3},\d{3}/), "no line the lane scored has a thousands separator")
        for unit in ["㎡\"", "℃\"", "ms\"", "亿条\"", "万元\""] {
            #expect(results.contains(unit), "no line the lane scored has the unit \(unit)")
        }
        Self.expectSameBothWays(Array(lines.prefix(2_000)), renders: false)
    }

    @Test func givesTheSameResultForTheInvariantEvaluations() {
        var generator = SeededGenerator(seed: 2023)
        let lines = (0..<2_000).map { _ in
            Array(JSONWriter(indent: 0).write(EvaluationWriter.value(for: EvaluationGenerator.evaluation(&generator))).utf8)
        }
        Self.expectSameBothWays(lines)
    }

    @Test func givesTheSameResultWithoutExplanations() {
        var generator = SeededGenerator(seed: 9)
        var evaluator = Evaluator()
        evaluator.explains = false
        let lines = (0..<1_000).map { Array(LineGenerator.line($0, &generator).utf8) }
        Self.expectSameBothWays(lines, evaluator: evaluator)
    }

    /// The four published seed tables, as read from their spreadsheet exports and written as perfscore/1: real
    /// notation (80,000㎡, 808.44亿条, ≤40ms, ≥99.9%), printed figures that agree. The lane scores and verifies
    /// every one itself, with the ordinary path's bytes.
    @Test func scoresAndVerifiesTheSeedTablesItself() throws {
        let directory = Fixtures.root.appendingPathComponent("examples/spreadsheets")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        var lines: [[UInt8]] = []
        for file in files {
            let reader = TableReader(separator: file.hasSuffix(".tsv") ? .tab : .comma)
            let evaluation = try reader.read(try Fixtures.bytes("examples/spreadsheets/\(file)")).evaluation
            lines.append(Array(JSONWriter(indent: 0).write(EvaluationWriter.value(for: evaluation)).utf8))
        }
        #expect(lines.count == 4)
        #expect(Self.expectSameBothWays(lines) == 4)
    }

    @Test func takesTheCommonShape() throws {
        let line = #"{"format":"perfscore/1","title":"项目","year":2023,"rules":"wuhan-2023","budget":{"planned":894.13,"executed":894.13},"indicators":[{"category":"产出指标","subcategory":"数量指标","name":"通报","weight":1,"target":"4","actual":"3","unit":"期"},{"category":"满意度指标","name":"满意度","weight":79,"target":"≥99.9%","actual":"99.98%"}]}"#
        let lane = try #require(FastLane(evaluator: Evaluator()))
        var workspace = FastLane.Workspace()
        var output: [UInt8] = []
        let scored = Array(line.utf8).withUnsafeBufferPointer { lane.score($0, in: &workspace, renders: true, output: &output) }
        #expect(scored?.totalCents == 9975)
        #expect(String(decoding: output, as: UTF8.self).contains(#""explanation":"1 × 3 ÷ 4 = 0.75""#))
    }

    @Test(arguments: [
        #""target":"≥1\u0030""#,                       // an escape
        #""target":"≥1e2""#,                           // not a plain number in the notation
        #""target":"≥100以上""#,                        // a suffix word
        #""target":"≥1亿万""#,                          // a unit the ordinary reader could take for a magnitude
        #""target":"≥100平方米""#,                      // a unit the reader rewrites
        #""target":"≥１００""#,                         // full-width digits
        #""target":" ≥100""#,                          // a space
        #""target":"≥100","score":1"#,                 // an evaluator's score
        #""target":"≥100","published":1"#,             // a printed score
    ])
    func declinesWhatItDoesNotReadExactly(_ field: String) throws {
        let line = #"{"format":"perfscore/1","budget":{"planned":10,"executed":9},"indicators":[{"category":"产出指标","name":"n","weight":80,"actual":"90",\#(field)}]}"#
        let lane = try #require(FastLane(evaluator: Evaluator()))
        var workspace = FastLane.Workspace()
        var output: [UInt8] = []
        let scored = Array(line.utf8).withUnsafeBufferPointer { lane.score($0, in: &workspace, renders: true, output: &output) }
        #expect(scored == nil)
        #expect(output.isEmpty)
        Self.expectSameBothWays([Array(line.utf8)])
    }

    /// Corners of JSON, UTF-8 and arithmetic, each of which the lane must either read exactly or decline.
    @Test func givesTheSameResultOnCorners() {
        func line(title: String = "项目", year: String = "2023", budget: String = #""planned":100,"executed":90"#,
                  rows: String = #"{"category":"产出指标","name":"n","weight":80,"target":"≥10","actual":"9"}"#) -> [UInt8] {
            Array(#"{"format":"perfscore/1","title":"\#(title)","year":\#(year),"budget":{\#(budget)},"indicators":[\#(rows)]}"#.utf8)
        }
        let rows = { (target: String, actual: String, weight: String) in
            #"{"category":"产出指标","name":"n","weight":\#(weight),"target":"\#(target)","actual":"\#(actual)"}"#
        }
        var lines: [[UInt8]] = [
            line(title: "a\u{1F}b"), line(title: "a\u{0}b"), line(title: "a\u{7F}b"), line(title: "a\u{2028}b"),
            line(title: "\u{FFFF}"), line(title: "🙂"), line(title: ""),
            line(title: "\u{0301}"), line(year: "1900"), line(year: "2200"), line(year: "2201"), line(year: "02023"),
            line(year: "2023.5"), line(budget: #""planned":999999999999999,"executed":1"#),
            line(budget: #""planned":1000000000000000,"executed":1"#), line(budget: #""planned":0.0001,"executed":0.0001"#),
            line(budget: #""planned":0,"executed":0"#), line(budget: #""planned":100,"executed":100.00001"#),
            line(budget: #""planned":100,"executed":90,"weight":20"#), line(budget: #""planned":100,"executed":90,"weight":20.00"#),
            line(budget: #""planned":3,"executed":2"#), line(budget: #""planned":100,"executed":900"#),
            line(budget: #""executed":90,"planned":100"#), line(budget: #""planned":100"#),
            line(rows: rows("≥0.0000", "0", "80")), line(rows: rows("007", "7", "80")), line(rows: rows("≥3", "1", "80.0000")),
            line(rows: rows("≥999999999999999", "999999999999999", "80")), line(rows: rows("≥0.0001", "999999999999999.9999", "80")),
            line(rows: rows("≥3", "0.0001", "80")), line(rows: rows("≤0.0003", "999999999999999", "80")),
            line(rows: rows("≥3", "1", "79.9999") + "," + rows("是", "是", "0.0001")),
            line(rows: rows("≥3", "3.00001", "80")), line(rows: rows("≥3.", "3", "80")), line(rows: rows("≥.5", "3", "80")),
            line(rows: rows("≥3x", "3", "80")), line(rows: rows("3x4", "3x4", "80")), line(rows: rows("≥3x4", "≥3x4", "80")),
            line(rows: rows("7x24", "7x24", "80")), line(rows: rows("7x24小时", "7x24", "80")), line(rows: rows("是", "全年无", "80")),
            line(rows: rows("0", "全年未发生安全事故", "80")), line(rows: rows("0", "零事故", "80")), line(rows: rows("无", "无", "80")),
            line(rows: rows("全年无事故", "无", "80")), line(rows: rows("≥3%", "3", "80")), line(rows: rows("≥3%", "2个", "80")),
            line(rows: rows("≥3个", "2个", "80")), line(rows: rows("≤3个以内", "2个", "80")), line(rows: rows("≥3亿元", "2亿元", "80")),
            line(rows: rows("≥3万元", "2元", "80")), line(rows: rows("＞3", "＞2", "80")), line(rows: rows("=3", "3", "80")),
            line(rows: rows("=3", "2", "80")), line(rows: rows("≧3", "2", "80")), line(rows: rows("<=3", "2", "80")),
            line(rows: rows("䷀", "䷀", "80")), line(rows: rows("3䷀", "3䷀", "80")), line(rows: rows("3㐀", "2㐀", "80")),
            line(rows: rows("3一", "2一", "80")), line(rows: rows("3鿿", "2鿿", "80")),
        ]
        lines.append(Array(#"{ "format" :\#t"perfscore/1" ,"budget" : { "planned" : 10 , "executed" : 9 } , "indicators" : [ { "category" : "产出指标" , "name" : "n" , "weight" : 80 , "target" : "≥10" , "actual" : "9" } ] }"#.utf8))
        lines.append(Array(#"{"format":"perfscore/1","budget":{"planned":10,"executed":9},"indicators":[{"category":"产出指标","name":"n","weight":80,"target":"≥10","actual":"9"},]}"#.utf8))
        lines.append(Array(#"{"format":"perfscore/1","budget":{"planned":10,"executed":9},"indicators":[{"category":"产出指标","name":"n","weight":80,"target":"≥10","actual":"9"}]}}"#.utf8))
        lines.append(Array(#"{"format":"perfscore/1","budget":{"planned":10,"executed":9},"indicators":[{"category":"产出指标","name":" ","weight":80,"target":"≥10","actual":"9"}]}"#.utf8))
        lines.append(Array(#"{"format":"perfscore/1","budget":{"planned":10,"executed":9},"indicators":[{"category":"产出指标","name":"\u3000","weight":80,"target":"≥10","actual":"9"}]}"#.utf8))
        lines.append(Array(#"{"format":"perfscore/1","budget":{"planned":10,"executed":9},"indicators":[{"category":"产出指标","name":"n","weight":80,"target":10,"actual":9.5}]}"#.utf8))
        lines.append(Array(#"{"format":"perfscore/1","budget":{"planned":10,"executed":9},"indicators":[{"category":"产出指标","name":"n","weight":80,"target":"≥10","actual":null}]}"#.utf8))
        lines.append(Array(#"{"format":"perfscore/1","budget":{"planned":10,"executed":9},"indicators":[{"category":"产出指标","name":"n","weight":80,"target":"≥10","actual":"9","actual":"9"}]}"#.utf8))
        lines.append([0xEF, 0xBB, 0xBF] + line())
        lines.append(line() + [0x0D])
        lines.append(Array(line().dropLast()))
        lines.append(line().map { $0 == 0xE8 ? 0xC0 : $0 })
        Self.expectSameBothWays(lines)
        Self.expectSameBothWays(lines, renders: false)
    }

    /// Clean generated lines with the figures a published table prints added: mostly the recomputed ones, some a
    /// cent off (within the tolerance), some wrong (a difference, which the lane leaves to the ordinary path).
    @Test func givesTheSameVerificationOfPrintedFigures() throws {
        var generator = SeededGenerator(seed: 12)
        var ordinary = BatchScorer(evaluator: Evaluator())
        ordinary.usesFastLane = false
        func printed(_ value: Any?) -> String {
            let figure = Decimal(string: "\(value ?? 0)") ?? 0
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: return (figure + Decimal(string: "0.01")!).plainText
            case 1: return (figure + Decimal(string: "0.3")!).plainText
            case 2: return (figure + 100).plainText
            default: return figure.plainText
            }
        }
        var lines: [[UInt8]] = []
        var number = 0
        while lines.count < 1_500 {
            number += 1
            let text = LineGenerator.line(number, &generator)
            guard text.hasPrefix(#"{"format":"perfscore/1","title":"项目"#),
                  let outcome = ordinary.scoreLine(Array(text.utf8)[...], lineNumber: 1), !outcome.failed,
                  let result = try JSONSerialization.jsonObject(with: Data(outcome.line.utf8)) as? [String: Any],
                  let scored = result["indicators"] as? [[String: Any]],
                  let categories = result["categories"] as? [[String: Any]],
                  let budget = result["budget"] as? [String: Any],
                  let open = text.range(of: #""indicators":["#) else { continue }
            // Rows: `,"published":score` before each row's closing brace, for about half of them.
            let body = text[open.upperBound..<text.index(text.endIndex, offsetBy: -2)]
            var rows = body.components(separatedBy: #"},{"category":"#)
            guard rows.count == scored.count else { continue }
            for index in rows.indices where Bool.random(using: &generator) {
                let last = index == rows.count - 1
                if last { rows[index].removeLast() }
                rows[index] += #","published":\#(printed(scored[index]["score"]))"# + (last ? "}" : "")
            }
            var line = String(text[..<open.upperBound]) + rows.joined(separator: #"},{"category":"#) + "]"
            var parts: [String] = []
            if Bool.random(using: &generator) { parts.append(#""total":\#(printed(result["total"]))"#) }
            if Bool.random(using: &generator) { parts.append(#""budget":\#(printed(budget["score"]))"#) }
            if Bool.random(using: &generator) {
                let entries = categories.filter { _ in Int.random(in: 0..<5, using: &generator) > 0 }.map { category in
                    #""\#(category["category"] ?? "")":\#(printed(category["score"]))"#
                }
                parts.append(#""categories":{\#(entries.joined(separator: ","))}"#)
            }
            if Int.random(in: 0..<4, using: &generator) > 0 { line += #","published":{\#(parts.joined(separator: ","))}"# }
            lines.append(Array((line + "}").utf8))
        }
        let taken = Self.expectSameBothWays(lines)
        let lane = try #require(FastLane(evaluator: Evaluator()))
        var workspace = FastLane.Workspace()
        var sink: [UInt8] = []
        let verified = lines.filter { line in
            line.withUnsafeBufferPointer { lane.score($0, in: &workspace, renders: true, output: &sink) } != nil
                && String(decoding: line, as: UTF8.self).contains(#""published""#)
        }.count
        #expect(verified > 300, "the fast lane verified only \(verified) of \(lines.count) tables")
        #expect(String(decoding: sink, as: UTF8.self).contains(#""agrees":true"#))
        #expect(taken < lines.count - 300, "the lane must leave the differences to the ordinary path")
    }

    @Test func isOffWhenTheRulesAreOverridden() {
        #expect(FastLane(evaluator: Evaluator(rules: RuleProfile.builtIn("mof-2020"))) == nil)
        #expect(FastLane(evaluator: Evaluator()) != nil)
    }
}
