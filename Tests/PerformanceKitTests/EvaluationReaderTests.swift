import Foundation
import Testing
@testable import PerformanceKit

@Suite("Reading perfscore/1 files")
struct EvaluationReaderTests {
    static let minimal = """
    {
      "format": "perfscore/1",
      "budget": { "planned": 894.13, "executed": 894.13 },
      "indicators": [
        { "category": "产出指标", "name": "通报", "weight": 80, "target": "4", "actual": 3 }
      ]
    }
    """

    func read(_ text: String) throws(EvaluationFileError) -> EvaluationReader.Result {
        try EvaluationReader().read(Array(text.utf8))
    }

    func problems(_ text: String) -> [String] {
        do {
            _ = try read(text)
            return []
        } catch {
            return error.problems.map { problem in
                problem.location == .unknown ? problem.description : "\(problem.location): \(problem.description)"
            }
        }
    }

    /// A row's texts stay places in the file's bytes (escaped ones unescaped beside them); what the row gives back
    /// is the text as written, for each field, and a change to one copy of a row leaves the other as read.
    @Test func keepsARowsTextsAsWrittenAndCopiesThemOnWrite() throws {
        let result = try read("""
            {"format": "perfscore/1", "budget": {"planned": 1, "executed": 1}, "indicators": [
              {"category": "产出指标", "name": "通报\\"期数\\"", "unit": "期", "weight": 80, "target": "≥4", "actual": 3,
               "reason": "合同有效期为2022年至2023年，\\n2022年仅完成3期\\u3002", "previous": "\\u22653", "basis": "计划标准",
               "goal": "目标1"}]}
            """)
        var row = result.evaluation.indicators[0]
        #expect(row.name == "通报\"期数\"")
        #expect(row.unit == "期")
        #expect(row.target == "≥4")
        #expect(row.actual == "3")
        #expect(row.reason == "合同有效期为2022年至2023年，\n2022年仅完成3期。")
        #expect(row.previous == "≥3")
        #expect(row.basis == "计划标准")
        #expect(row.goal == "目标1")
        #expect(row.withBytes(of: .reason) { Array($0) } == Array("合同有效期为2022年至2023年，\n2022年仅完成3期。".utf8))
        #expect(row.withBytes(of: .actual) { String(decoding: $0, as: UTF8.self) } == "3")
        let built = Indicator(category: .output, name: "通报\"期数\"", unit: "期", weight: 80, target: "≥4", actual: "3",
                              reason: "合同有效期为2022年至2023年，\n2022年仅完成3期。", previous: "≥3", basis: "计划标准", goal: "目标1")
        #expect(row == built)
        let copy = row
        row.name = "通报"
        row.actual = nil
        #expect(row.name == "通报" && row.actual == nil && row.withBytes(of: .actual) { _ in true } == nil)
        #expect(copy.name == "通报\"期数\"" && copy.actual == "3")
        #expect(row != copy)
    }

    /// Read with its texts left in place in the bytes (as a batch reads a line), every example and the 3,000
    /// real-shaped lines pinned for the batch are the same evaluations, text for text, as read into a copy; and the
    /// in-place rows read the caller's bytes themselves: a byte changed after reading shows in the row, which a
    /// copy's would not.
    @Test func readsTheSameInPlaceAsInACopy() throws {
        var sources = try Fixtures.examples.map { try Fixtures.bytes($0) }
        sources += TableLines.corpus(count: 3_000, seed: 2023).map { Array($0.utf8) }
        #expect(sources.count > 3_000)
        for source in sources {
            let copied = try EvaluationReader().read(source)
            let inPlace = try source.withUnsafeBufferPointer { try EvaluationReader().read($0, inPlace: true) }
            #expect(inPlace == copied)
        }
        var bytes = Array(#"{"format": "perfscore/1", "budget": {"planned": 1, "executed": 1}, "indicators": [{"category": "产出指标", "name": "甲", "weight": 80, "target": "≥4", "actual": "3"}]}"#.utf8)
        let actualAt = bytes.lastIndex(of: UInt8(ascii: "3"))!
        try bytes.withUnsafeMutableBufferPointer { buffer in
            let inPlace = try EvaluationReader().read(UnsafeBufferPointer(buffer), inPlace: true).evaluation
            let copied = try EvaluationReader().read(UnsafeBufferPointer(buffer)).evaluation
            buffer[actualAt] = UInt8(ascii: "4")
            #expect(inPlace.indicators[0].actual == "4" && copied.indicators[0].actual == "3")
        }
    }

    /// A printed category is found by its name's bytes; written twice (plainly, or once with escapes) it is a
    /// repeated field, and a name of the table's own or a short name is read as before.
    @Test func readsPrintedCategoriesByTheirNames() throws {
        func file(_ categories: String) -> String {
            """
            {"format": "perfscore/1", "budget": {"planned": 1, "executed": 1},
             "indicators": [{"category": "产出指标", "name": "a", "weight": 80, "target": "1", "actual": "1"}],
             "published": {"total": 100, "budget": 20, "categories": \(categories)}}
            """
        }
        #expect(problems(file(#"{"产出指标": 80, "产出指标": 80}"#)) == ["3:71: published.categories.产出指标: this field stands twice in the same object; keep one"])
        #expect(problems(file(#"{"\u4ea7\u51fa\u6307\u6807": 80, "产出指标": 79}"#)).count == 1)
        #expect(problems(file(#"{"产出指标": null}"#)).first?.contains("null") == true)
        let read = try read(file(#"{"产出": 80, "自定义": 5, "满意度指标": 1}"#))
        #expect(read.evaluation.published?.categories.map(\.category.rawValue) == ["产出指标", "自定义", "满意度指标"])
        #expect(read.evaluation.published?.categories.map(\.score) == [80, 5, 1])
    }

    @Test func readsNumbersAsExactDecimals() throws {
        let result = try read(Self.minimal)
        #expect(result.evaluation.budget.planned == dec("894.13"))
        #expect(result.evaluation.budget.planned.plainText == "894.13")
        #expect(result.evaluation.indicators[0].actual == "3")
        #expect(result.evaluation.indicators[0].category == .output)
        #expect(result.warnings.isEmpty)
    }

    @Test func acceptsEnglishCategoryIdsAndNormalisesSubcategories() throws {
        let text = Self.minimal.replacingOccurrences(of: "\"产出指标\"", with: "\"output\", \"subcategory\": \"数量指标1\"")
        let indicator = try read(text).evaluation.indicators[0]
        #expect(indicator.category == .output)
        #expect(indicator.subcategory == .quantity)
    }

    @Test func warnsAboutUnknownFieldsAndSuggestsTheNearestOne() throws {
        let text = Self.minimal.replacingOccurrences(of: "\"weight\": 80", with: "\"weight\": 80, \"wieght\": 3, \"remark\": \"x\"")
        let result = try read(text)
        #expect(result.warnings.map(\.description) == [
            "warning[unknown-field] indicators[0].wieght: \"wieght\" is not a perfscore/1 field; it is kept but not scored; did you mean \"weight\"?",
            "warning[unknown-field] indicators[0].remark: \"remark\" is not a perfscore/1 field; it is kept but not scored",
        ])
        #expect(result.evaluation.indicators[0].additionalFields.map(\.key) == ["wieght", "remark"])
    }

    @Test func namesTheFieldWithAWrongType() {
        let text = Self.minimal.replacingOccurrences(of: "\"weight\": 80", with: "\"weight\": \"七\"")
        #expect(problems(text) == [
            "5:41: indicators[0].weight: expected the indicator's points (分值) as a number ≥ 0, found the string \"七\"",
        ])
    }

    @Test func reportsEveryProblemAtOnce() {
        let text = """
        {
          "format": "perfscore/1",
          "budget": { "planned": -1 },
          "indicators": [ { "category": "", "weight": 1, "target": true, "actual": "1", "direction": "up" } ]
        }
        """
        #expect(problems(text) == [
            "3:15: budget.planned: expected 全年预算数 (the adjusted budget) as a number ≥ 0, found -1",
            "3:15: budget.executed: missing; expected 全年执行数 as a number ≥ 0",
            "4:21: indicators[0].category: expected 一级指标: 成本指标, 产出指标, 效益指标 or 满意度指标 (or cost, output, benefit, satisfaction), found an empty string",
            "4:21: indicators[0].name: missing; expected 三级指标, the indicator's name",
            "4:50: indicators[0].target: expected a string as printed or a number, found true",
            "4:81: indicators[0].direction: expected forward, reverse, equal or qualitative, found \"up\"",
        ])
    }

    @Test func requiresTheFormatTag() {
        let wrong = Self.minimal.replacingOccurrences(of: "perfscore/1", with: "perfscore/2")
        #expect(problems(wrong) == ["2:3: format: expected \"perfscore/1\", found the string \"perfscore/2\""])
        let missing = Self.minimal.replacingOccurrences(of: "\"format\": \"perfscore/1\",", with: "")
        #expect(problems(missing) == ["1:1: format: expected \"perfscore/1\", found no format field"])
    }

    @Test func requiresAnActualUnlessPartsOrATargetTable() throws {
        let text = Self.minimal.replacingOccurrences(of: ", \"actual\": 3", with: "")
        #expect(problems(text) == ["5:7: indicators[0].actual: missing; expected 实际完成值 as printed or a number (or parts)"])
        let targetTable = try EvaluationReader(requiresActuals: false).read(Array(text.utf8))
        #expect(targetTable.evaluation.indicators[0].actual == nil)
    }

    @Test func pointsAtSyntaxErrors() {
        #expect(problems("{\n  \"format\": \"perfscore/1\",\n  \"budget\": {,\n}") == [
            "3:14: not valid JSON: expected a key in double quotes, found ','",
        ])
        #expect(problems("{\"format\": \"perfscore/1\"") == ["1:25: not valid JSON: expected ',' or '}', found the end of the file"])
        #expect(problems("") == ["1:1: not valid JSON: expected a value, found the end of the file"])
        #expect(problems("[1, 2] x") == ["1:8: not valid JSON: expected the end of the file, found 'x'"])
        #expect(problems("{\"a\": 01}") == ["1:8: not valid JSON: expected '.' or the end of the number (JSON numbers have no leading zeros), found '1'"])
    }

    @Test func refusesBytesThatAreNotUTF8() {
        var bytes = Array(Self.minimal.utf8)
        bytes.insert(contentsOf: [0xB2, 0xFA], at: 30)  // GB18030 bytes inside the file
        do {
            _ = try EvaluationReader().read(bytes)
            Issue.record("read bytes that are not UTF-8")
        } catch {
            #expect(error.problems == [.notUTF8(byteOffset: 30, location: TextLocation(line: 3, column: 2))])
            #expect(error.description == "the file is not UTF-8 (byte 30 cannot be read); save it as UTF-8")
        }
    }

    @Test func skipsAByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(Self.minimal.utf8)
        #expect(try EvaluationReader().read(bytes).evaluation.budget.executed == dec("894.13"))
    }

    @Test func refusesDuplicateKeys() {
        let text = Self.minimal.replacingOccurrences(of: "\"weight\": 80", with: "\"weight\": 80, \"weight\": 40")
        #expect(problems(text) == ["5:55: indicators[0].weight: this field stands twice in the same object; keep one"])
    }

    /// The reader tries first the key that came next in the row before (``KeyOrder``): rows that change their order,
    /// escape a key or put a space before its colon read the same as rows that do not.
    @Test func readsRowsWhateverTheOrderOfTheirKeys() throws {
        let rows = [
            #"{"category":"产出指标","name":"甲","weight":1,"target":"≥4","actual":"4"}"#,
            #"{"category":"产出指标","name":"乙","weight":2,"target":"≥5","actual":"5"}"#,
            #"{"name":"丙","category":"效益指标","target":"≥6","actual":"6","weight":3}"#,
            #"{"category":"产出指标","n\u0061me":"丁","weight" :4,"target":"≥7","actual":"7"}"#,
            #"{"category":"产出指标","name":"戊","unit":"个","weight":5,"target":"≥8","actual":"8"}"#,
            #"{"category":"产出指标","name":"己","weight":6,"target":"≥9","actual":"9"}"#,
        ]
        let text = #"{"format":"perfscore/1","budget":{"planned":1,"executed":1},"indicators":["# + rows.joined(separator: ",") + "]}"
        let indicators = try read(text).evaluation.indicators
        #expect(indicators.map(\.name) == ["甲", "乙", "丙", "丁", "戊", "己"])
        #expect(indicators.map(\.weight) == [1, 2, 3, 4, 5, 6].map { ExactDecimal($0) })
        #expect(indicators.map(\.target) == ["≥4", "≥5", "≥6", "≥7", "≥8", "≥9"])
        #expect(indicators.map(\.actual) == ["4", "5", "6", "7", "8", "9"])
        #expect(indicators.map(\.category) == [.output, .output, .benefit, .output, .output, .output])
        #expect(indicators.map(\.unit) == [nil, nil, nil, nil, "个", nil])
    }

    /// A name of white space only is refused, whichever white space it is; a name that begins with white space, or
    /// with any character (ASCII, Chinese, a full-width bracket), is read as written.
    @Test func refusesANameOfWhiteSpaceOnly() throws {
        for blank in ["", " ", "\\t", "\u{3000}", "\u{A0}", "\u{2003}", "\u{1680}", " \u{3000} "] {
            let text = Self.minimal.replacingOccurrences(of: "\"name\": \"通报\"", with: "\"name\": \"\(blank)\"")
            #expect(problems(text).first?.hasSuffix("found an empty string") == true, "\(blank.unicodeScalars.map(\.value))")
        }
        for name in ["\u{3000}通报", " A", "A", "通报", "（一）通报", "\u{A0}x", "é", "😀"] {
            let text = Self.minimal.replacingOccurrences(of: "\"name\": \"通报\"", with: "\"name\": \"\(name)\"")
            #expect(try read(text).evaluation.indicators.first?.name == name)
        }
    }

    /// An order keeps a field after each of its 24 entries, the last learnt standing; beyond them it keeps none.
    @Test func keepsTheLastOrderOfKeys() {
        var order = KeyOrder()
        #expect(order.field(after: 0) == nil)
        for entry in 0..<KeyOrder.capacity { order.learn(entry % 23, after: entry) }
        #expect((0..<KeyOrder.capacity).map { order.field(after: $0) } == (0..<KeyOrder.capacity).map { $0 % 23 })
        order.learn(5, after: 12)
        order.learn(31, after: 3)
        order.learn(1, after: KeyOrder.capacity)
        #expect(order.field(after: 12) == 5 && order.field(after: 11) == 11 && order.field(after: 13) == 13)
        #expect(order.field(after: 3) == 3 && order.field(after: KeyOrder.capacity) == nil)
    }

    /// A key that the row before leads the reader to expect, or the one after it, but that this row has already
    /// given, is a duplicate.
    @Test func refusesADuplicateKeyWhereTheRowBeforeHadItsFirst() {
        let text = #"{"format":"perfscore/1","budget":{"planned":1,"executed":1},"indicators":["#
            + #"{"category":"产出指标","name":"甲","weight":1,"target":"≥4","actual":"4"},"#
            + #"{"weight":2,"category":"产出指标","name":"乙","weight":3,"target":"≥4","actual":"4"}]}"#
        #expect(problems(text) == ["1:185: indicators[1].weight: this field stands twice in the same object; keep one"])
        // The key after the expected one (here `weight`, after `unit`) is no exception.
        let skipped = #"{"format":"perfscore/1","budget":{"planned":1,"executed":1},"indicators":["#
            + #"{"category":"产出指标","name":"甲","unit":"个","weight":1,"target":"≥4","actual":"4"},"#
            + #"{"weight":2,"category":"产出指标","name":"乙","weight":3,"target":"≥4","actual":"4"}]}"#
        #expect(problems(skipped) == ["1:196: indicators[1].weight: this field stands twice in the same object; keep one"])
    }

    @Test func refusesFiguresBeyondTheLargest() {
        for literal in ["1e400", "1e16", "12345678901234567890"] {
            let text = Self.minimal.replacingOccurrences(of: "\"weight\": 80", with: "\"weight\": \(literal)")
            #expect(problems(text).first?.contains("below 10^15, found \(literal)") == true, "\(literal)")
        }
        let exponent = Self.minimal.replacingOccurrences(of: "\"weight\": 80", with: "\"weight\": 8e1")
        #expect(problems(exponent).isEmpty)
    }

    @Test func refusesNestingBeyondTheLimit() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(problems(deep) == ["1:513: arrays and objects are nested more than 512 deep"])
    }

    @Test func decodesEscapes() throws {
        let value = try tree(Array(#"["a\"b\\c\/\n\u00e9\ud83d\ude00"]"#.utf8))
        #expect(value == .array([.string("a\"b\\c/\né😀")]))
    }

    @Test func readsPublishedFiguresAndNulls() throws {
        let text = Self.minimal
            .replacingOccurrences(of: "\"actual\": 3 }", with: "\"actual\": 3, \"published\": null }")
            .replacingOccurrences(of: "\n  ]\n}", with: "\n  ],\n  \"published\": { \"total\": 99.75, \"categories\": { \"output\": 79.75 } }\n}")
        let evaluation = try read(text).evaluation
        #expect(evaluation.indicators[0].published == nil)
        #expect(evaluation.published?.total == dec("99.75"))
        #expect(evaluation.published?.categories == [PublishedFigures.CategoryScore(category: .output, score: dec("79.75"))])
    }

    /// A direction, a judgement and a parts measure are read from their bytes when written as one of their words,
    /// and as strings otherwise: each way gives the same value, and a word the rules do not know is refused.
    @Test func readsTheWordsOfARowWhicheverWayTheyAreWritten() throws {
        func table(_ members: String) -> String {
            """
            {"format": "perfscore/1", "budget": {"planned": 1, "executed": 1}, "indicators": [
              {"category": "满意度指标", "name": "满意度", "weight": 80, "target": "≥90%", "actual": "95%", \(members)}]}
            """
        }
        func escaped(_ word: String) -> String {
            word.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined()
        }
        for spelling in Indicator.Judgement.spellings {
            for written in [spelling.text, escaped(spelling.text), " \(spelling.text) "] {
                let indicator = try read(table(#""judgement": "\#(written)""#)).evaluation.indicators[0]
                #expect(indicator.judgement == spelling.judgement, "\(written)")
            }
        }
        for direction in Indicator.Direction.allCases {
            for written in [direction.rawValue, escaped(direction.rawValue)] {
                #expect(try read(table(#""direction": "\#(written)""#)).evaluation.indicators[0].direction == direction)
            }
        }
        for measure in Indicator.Aggregation.allCases {
            for written in [measure.rawValue, escaped(measure.rawValue)] {
                #expect(try read(table(#""measure": "\#(written)""#)).evaluation.indicators[0].aggregation == measure)
            }
        }
        #expect(problems(table(#""direction": "Forward""#)) == [
            #"2:89: indicators[0].direction: expected forward, reverse, equal or qualitative, found "Forward""#])
        #expect(problems(table(#""judgement": "达成了""#)) == [
            #"2:89: indicators[0].judgement: expected 达成, 部分达成 or 未达成 (achieved, partial, unachieved), found "达成了""#])
        #expect(problems(table(#""measure": "total""#)) == [#"2:89: indicators[0].measure: expected absolute or relative, found "total""#])
        #expect(problems(table(#""direction": 1"#)) == [
            "2:89: indicators[0].direction: expected a string, found the number 1"])
    }
}

@Suite("The indicator taxonomy")
struct TaxonomyTests {
    @Test(arguments: [("产出指标", IndicatorCategory.output), ("产出", .output), ("output", .output), ("Cost", .cost),
                      ("成本指标", .cost), ("效益指标", .benefit), ("满意度", .satisfaction), ("satisfaction", .satisfaction)])
    func readsCategoryNamesAndIds(_ text: String, _ expected: IndicatorCategory) {
        #expect(IndicatorCategory(parsing: text) == expected)
    }

    @Test func keepsOtherCategoriesOpen() {
        let category = IndicatorCategory(parsing: " 效果指标 ")
        #expect(category?.rawValue == "效果指标")
        #expect(category?.isStandard == false)
        #expect(IndicatorCategory(parsing: "  ") == nil)
    }

    @Test(arguments: [("数量指标1", IndicatorSubcategory.quantity), ("数量指标（2）", .quantity), ("数量", .quantity),
                      ("社会效益", .socialBenefit), ("生态效益指标", .ecologicalBenefit), ("生态环境成本指标", .environmentalCost),
                      ("服务对象满意度", .serviceRecipientSatisfaction), ("可持续影响指标", .sustainableImpact)])
    func normalisesSubcategoryNames(_ text: String, _ expected: IndicatorSubcategory) {
        #expect(IndicatorSubcategory(parsing: text) == expected)
    }

    @Test func acceptsBothCostLayouts() {
        #expect(IndicatorSubcategory.cost.expectedCategories == [.output, .cost])
        #expect(IndicatorSubcategory.economicCost.expectedCategories == [.cost])
        #expect(IndicatorSubcategory(rawValue: "自定义指标").expectedCategories == nil)
    }

    @Test func tellsWhereANameMayStandByItsIndex() {
        // mayStand(under:) reads a mask; expectedCategories says the same with a list.
        for (subcategory, _) in IndicatorSubcategory.standard {
            for category in IndicatorCategory.standard {
                #expect(subcategory.mayStand(under: category) == subcategory.expectedCategories?.contains(category), "\(subcategory) \(category)")
            }
            #expect(subcategory.mayStand(under: IndicatorCategory(rawValue: "效果指标")) == nil)
        }
        #expect(IndicatorSubcategory(rawValue: "自定义指标").mayStand(under: .output) == nil)
    }

    @Test func tellsTheCostNamesByTheirIndex() {
        // isCost reads the standard index; the list `costs` says which names are cost names.
        for (subcategory, _) in IndicatorSubcategory.standard {
            #expect(subcategory.isCost == IndicatorSubcategory.costs.contains(subcategory), "\(subcategory)")
        }
        #expect(IndicatorSubcategory(rawValue: "经济成本").isCost == false)
        #expect(IndicatorSubcategory(rawValue: "经济成本指标").isCost)
    }

    @Test func readsJudgementsInBothLanguages() {
        #expect(Indicator.Judgement(parsing: "达成") == .achieved)
        #expect(Indicator.Judgement(parsing: "partial") == .partial)
        #expect(Indicator.Judgement(parsing: "未达成预期指标且效果较差") == .unachieved)
        #expect(Indicator.Judgement(parsing: "good") == nil)
    }
}
