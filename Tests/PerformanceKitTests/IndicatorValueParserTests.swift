import Foundation
import Testing
@testable import PerformanceKit

/// A measure expectation, written as the parts a reader should find.
private func measure(_ comparator: IndicatorValue.Comparator?, _ number: String, _ magnitude: Quantity.Magnitude = .one,
                     _ unit: String? = nil, label: String? = nil, alongside: [Quantity] = []) -> IndicatorValue {
    .measure(IndicatorValue.Measure(label: label, comparator: comparator,
                                    quantity: Quantity(number: dec(number), magnitude: magnitude, unit: unit)!,
                                    alongside: alongside))
}

private func text(_ value: String, _ kind: TextValue.Kind) -> IndicatorValue {
    .text(TextValue(text: value, kind: kind))
}

@Suite("Reading the notation of targets and actuals")
struct IndicatorValueParserTests {
    // MARK: One step at a time

    @Test func readsEveryComparatorSymbol() throws {
        let cases: [(String, IndicatorValue.Comparator)] = [
            ("≥5", .atLeast), ("≧5", .atLeast), (">=5", .atLeast), ("≤5", .atMost), ("≦5", .atMost), ("<=5", .atMost),
            ("＜5", .lessThan), ("<5", .lessThan), ("＞5", .greaterThan), (">5", .greaterThan),
            ("=5", .equal), ("＝5", .equal), ("═5", .equal),
        ]
        for (spelling, comparator) in cases {
            #expect(try IndicatorValue(parsing: spelling) == measure(comparator, "5"), "\(spelling)")
        }
    }

    @Test func readsComparatorWordsBeforeAndAfter() throws {
        #expect(try IndicatorValue(parsing: "不低于90%") == measure(.atLeast, "90", .one, "%"))
        #expect(try IndicatorValue(parsing: "不少于12条") == measure(.atLeast, "12", .one, "条"))
        #expect(try IndicatorValue(parsing: "不超过3天") == measure(.atMost, "3", .one, "天"))
        #expect(try IndicatorValue(parsing: "低于5%") == measure(.lessThan, "5", .one, "%"))
        #expect(try IndicatorValue(parsing: "99.9%以上") == measure(.atLeast, "99.9", .one, "%"))
        #expect(try IndicatorValue(parsing: "3个工作日以内") == measure(.atMost, "3", .one, "个工作日"))
    }

    @Test func readsThousandsSeparatorsOnlyBeforeThreeDigits() throws {
        #expect(try IndicatorValue(parsing: "≥80,000㎡") == measure(.atLeast, "80000", .one, "㎡"))
        #expect(try IndicatorValue(parsing: "81,375.24㎡") == measure(nil, "81375.24", .one, "㎡"))
        #expect(try IndicatorValue(parsing: "1,800 个") == measure(nil, "1800", .one, "个"))
        #expect(throws: NotationError.self) { try IndicatorValue(parsing: "1,80") }
    }

    @Test func readsMagnitudesBeforeUnits() throws {
        #expect(try IndicatorValue(parsing: "≥110亿条") == measure(.atLeast, "110", .hundredMillion, "条"))
        #expect(try IndicatorValue(parsing: "≥2万亿") == measure(.atLeast, "2", .trillion))
        #expect(try IndicatorValue(parsing: "1.2万") == measure(nil, "1.2", .tenThousand))
        #expect(try IndicatorValue(parsing: "≤50 万元") == measure(.atMost, "50", .tenThousand, "元"))
        #expect(try IndicatorValue(parsing: "≥15000 亿") == measure(.atLeast, "15000", .hundredMillion))
        let big = try #require(try IndicatorValue(parsing: "≥2万亿").measure)
        let other = try #require(try IndicatorValue(parsing: "15000亿").measure)
        #expect(big.quantity.value == dec("2000000000000"))
        #expect(other.quantity.value == dec("1500000000000"))
    }

    @Test func normalisesFullWidthDigitsAndPercent() throws {
        #expect(try IndicatorValue(parsing: "≥１２３") == measure(.atLeast, "123"))
        #expect(try IndicatorValue(parsing: "９９．５％") == measure(nil, "99.5", .one, "%"))
    }

    /// A figure typed in full width keeps its comma in full width (`１，７５０人`): between digits it is read by the
    /// rule of `,`, a thousands separator only before exactly three digits. It was refused ("expected the end of the
    /// value after '≥1', found '，'"). Elsewhere it stays text.
    @Test func readsAFullWidthCommaBetweenDigitsAsTheComma() throws {
        #expect(try IndicatorValue(parsing: "≥１，７５０人") == measure(.atLeast, "1750", .one, "人"))
        #expect(try IndicatorValue(parsing: "1，750人") == measure(nil, "1750", .one, "人"))
        #expect(try IndicatorValue(parsing: "８１，３７５．２４㎡") == measure(nil, "81375.24", .one, "㎡"))
        #expect(throws: NotationError.self) { try IndicatorValue(parsing: "3，5") }
        #expect(throws: NotationError.self) { try IndicatorValue(parsing: "1，a") }
        #expect(try IndicatorValue(parsing: "1，") == measure(nil, "1"))
        #expect(try IndicatorValue(parsing: "完成，通过验收") == text("完成，通过验收", .statement))
    }

    @Test func normalisesUnitSpellings() throws {
        #expect(try IndicatorValue(parsing: "≥80000平方米") == measure(.atLeast, "80000", .one, "㎡"))
        #expect(try IndicatorValue(parsing: "10398m²") == measure(nil, "10398", .one, "㎡"))
    }

    @Test func toleratesSpacesAndTerminators() throws {
        #expect(try IndicatorValue(parsing: " ≥ 95% ") == measure(.atLeast, "95", .one, "%"))
        #expect(try IndicatorValue(parsing: "96.4%.") == measure(nil, "96.4", .one, "%"))
        #expect(try IndicatorValue(parsing: "26份；") == measure(nil, "26", .one, "份"))
        #expect(try IndicatorValue(parsing: "＜48 小时") == measure(.lessThan, "48", .one, "小时"))
    }

    /// Every white-space scalar of a table (each lead byte that starts one: C2, E1, E2, E3) between comparator,
    /// number, magnitude and unit is passed over; a unit or magnitude right after the figure (leads E3 to E9) is
    /// read as one, not taken for white space.
    @Test func passesOverEveryWhiteSpaceBetweenTheParts() throws {
        for space in [" ", "\t", "\u{85}", "\u{A0}", "\u{1680}", "\u{2002}", "\u{200A}", "\u{202F}", "\u{205F}", "\u{3000}"] {
            #expect(try IndicatorValue(parsing: "≥\(space)1800\(space)万\(space)元") == measure(.atLeast, "1800", .tenThousand, "元"),
                    "\(space.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(try IndicatorValue(parsing: "＜\(space)48\(space)小时") == measure(.lessThan, "48", .one, "小时"))
        }
        #expect(try IndicatorValue(parsing: "80000㎡") == measure(nil, "80000", .one, "㎡"))
        #expect(try IndicatorValue(parsing: "5个") == measure(nil, "5", .one, "个"))
        #expect(try IndicatorValue(parsing: "3次/年") == measure(nil, "3", .one, "次/年"))
    }

    @Test func keepsLabelsAndCompoundFigures() throws {
        #expect(try IndicatorValue(parsing: "合同金额=25万元") == measure(.equal, "25", .tenThousand, "元", label: "合同金额"))
        #expect(try IndicatorValue(parsing: "合同金额40万元") == measure(nil, "40", .tenThousand, "元", label: "合同金额"))
        #expect(try IndicatorValue(parsing: "是≥4次") == measure(.atLeast, "4", .one, "次", label: "是"))
        #expect(try IndicatorValue(parsing: "≥4次/4份")
                == measure(.atLeast, "4", .one, "次", alongside: [Quantity(plain: 4, unit: "份")]))
        #expect(try IndicatorValue(parsing: "≥4次/年") == measure(.atLeast, "4", .one, "次/年"))
        #expect(try IndicatorValue(parsing: "≤1500元/人/天") == measure(.atMost, "1500", .one, "元/人/天"))
    }

    @Test func classifiesWords() throws {
        #expect(try IndicatorValue(parsing: "是") == text("是", .affirmative))
        #expect(try IndicatorValue(parsing: "完成") == text("完成", .affirmative))
        #expect(try IndicatorValue(parsing: "否") == text("否", .negative))
        #expect(try IndicatorValue(parsing: "好") == text("好", .rating))
        #expect(try IndicatorValue(parsing: "较好") == text("较好", .rating))
        #expect(try IndicatorValue(parsing: "全年未发生安全事故") == text("全年未发生安全事故", .zeroEvent))
        #expect(try IndicatorValue(parsing: "无") == text("无", .zeroEvent))
        #expect(try IndicatorValue(parsing: "零事故") == text("零事故", .zeroEvent))
        #expect(try IndicatorValue(parsing: "有所提升") == text("有所提升", .trend))
        #expect(try IndicatorValue(parsing: "压减") == text("压减", .trend))
        #expect(try IndicatorValue(parsing: "等保三级") == text("等保三级", .statement))
        #expect(try IndicatorValue(parsing: "7x24小时") == text("7x24小时", .schedule))
        #expect(try IndicatorValue(parsing: "7×24小时") == text("7×24小时", .schedule))
        #expect(try IndicatorValue(parsing: "") == .empty)
        #expect(try IndicatorValue(parsing: "  ") == .empty)
    }

    @Test func refusesWhatStartsLikeAFigureButIsNot() {
        let cases: [(String, Int, String)] = [
            ("≥≥5", 1, "a number after '≥'"),
            ("--3", 1, "a digit after the sign"),
            ("5%%", 2, "a unit ('%' stands alone)"),
            ("5.", 2, "a digit after '.'"),
            ("≥", 1, "a number after '≥'"),
            ("7x", 1, "a unit (a Chinese unit, %, or one of ms, s, h, m, km, kg, t, GB, TB, Mbps, kWh …)"),
            ("4次，其中2次", 2, "the end of the value after '4次'"),
            ("≥5/", 2, "a unit on both sides of '/'"),
            ("5/年", 1, "a unit on both sides of '/'"),
        ]
        for (input, offset, expected) in cases {
            do {
                let value = try IndicatorValue(parsing: input)
                Issue.record("\(input) read as \(value)")
            } catch {
                #expect(error.offset == offset, "\(input)")
                #expect(error.expected == expected, "\(input)")
            }
        }
    }

    @Test func rendersTheErrorWithACaret() {
        #expect(throws: NotationError.self) { try IndicatorValue(parsing: "≥≥5") }
        do {
            _ = try IndicatorValue(parsing: "≥≥5")
        } catch {
            #expect(error.description == """
                cannot read "≥≥5": expected a number after '≥', found '≥'
                  ≥≥5
                   ^
                """)
        }
    }

    @Test func refusesNumbersBeyondThirtyEightDigits() {
        #expect(throws: NotationError.self) { try IndicatorValue(parsing: String(repeating: "9", count: 39)) }
    }

    // MARK: Round trip

    @Test(arguments: ["≥1800", "≤0.17", "＜48小时", "≥80,000㎡", "808.44亿条", "≥2万亿", "合同金额=25万元", "是≥4次",
                      "≥4次/4份", "7x24小时", "全年未发生安全事故", "0%", "99.9%以上", "不超过3天", "-5%", "≥１２３", ""])
    func printingAndParsingAgainGivesTheSameValue(_ input: String) throws {
        let value = try IndicatorValue(parsing: input)
        #expect(try IndicatorValue(parsing: value.description) == value)
    }

    // MARK: The real target tables

    @Test func classifiesEveryTargetOfTheSeedTargetTables() throws {
        let targets = try Fixtures.targetStrings()
        #expect(targets.count == 760)
        var failures: [String] = []
        var kinds: [String: Int] = [:]
        for (file, target) in targets {
            do {
                switch try IndicatorValue(parsing: target) {
                case .measure: kinds["measure", default: 0] += 1
                case .text(let text): kinds[text.kind.rawValue, default: 0] += 1
                case .empty: kinds["empty", default: 0] += 1
                }
            } catch {
                failures.append("\(file): \(error.summary)")
            }
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(kinds["empty"] == 2)
        #expect((kinds["measure"] ?? 0) > 600)
    }

    /// The parsed meaning of a representative sample of real targets from seeds 000, 002, 003 and 004.
    @Test(arguments: [
        ("≥9 套", measure(.atLeast, "9", .one, "套")),
        ("150 个", measure(nil, "150", .one, "个")),
        ("6次", measure(nil, "6", .one, "次")),
        ("≥6 个", measure(.atLeast, "6", .one, "个")),
        ("100%", measure(nil, "100", .one, "%")),
        ("90%", measure(nil, "90", .one, "%")),
        ("99%", measure(nil, "99", .one, "%")),
        ("0", measure(nil, "0")),
        ("1", measure(nil, "1")),
        ("0.99", measure(nil, "0.99")),
        ("26", measure(nil, "26")),
        ("0%", measure(nil, "0", .one, "%")),
        ("0次", measure(nil, "0", .one, "次")),
        ("0万元", measure(nil, "0", .tenThousand, "元")),
        ("0 人次", measure(nil, "0", .one, "人次")),
        ("<8%", measure(.lessThan, "8", .one, "%")),
        ("< 1%", measure(.lessThan, "1", .one, "%")),
        ("≤ 1%", measure(.atMost, "1", .one, "%")),
        (">10%", measure(.greaterThan, "10", .one, "%")),
        ("> 16台", measure(.greaterThan, "16", .one, "台")),
        ("≥13", measure(.atLeast, "13")),
        ("≧5%", measure(.atLeast, "5", .one, "%")),
        ("≧160户", measure(.atLeast, "160", .one, "户")),
        ("≧13 家", measure(.atLeast, "13", .one, "家")),
        ("≦100%", measure(.atMost, "100", .one, "%")),
        ("＜1天", measure(.lessThan, "1", .one, "天")),
        ("＜1 小时", measure(.lessThan, "1", .one, "小时")),
        ("＜15分钟", measure(.lessThan, "15", .one, "分钟")),
        ("＞50 次", measure(.greaterThan, "50", .one, "次")),
        ("2 个月", measure(nil, "2", .one, "个月")),
        ("12 个月", measure(nil, "12", .one, "个月")),
        ("≥5 年", measure(.atLeast, "5", .one, "年")),
        ("≥2万亿", measure(.atLeast, "2", .trillion)),
        ("≥3万件", measure(.atLeast, "3", .tenThousand, "件")),
        ("≥1.6万套", measure(.atLeast, "1.6", .tenThousand, "套")),
        ("≥4.5万卷", measure(.atLeast, "4.5", .tenThousand, "卷")),
        ("≥23万户", measure(.atLeast, "23", .tenThousand, "户")),
        ("26.07万", measure(nil, "26.07", .tenThousand)),
        ("≤ 26.07万", measure(.atMost, "26.07", .tenThousand)),
        ("< 101.8万", measure(.lessThan, "101.8", .tenThousand)),
        ("≥920 万", measure(.atLeast, "920", .tenThousand)),
        ("≥5000 亿", measure(.atLeast, "5000", .hundredMillion)),
        ("≥1 亿条", measure(.atLeast, "1", .hundredMillion, "条")),
        ("≥18 亿美元", measure(.atLeast, "18", .hundredMillion, "美元")),
        ("140亿元", measure(nil, "140", .hundredMillion, "元")),
        ("≤452.81万元", measure(.atMost, "452.81", .tenThousand, "元")),
        ("< 600万元", measure(.lessThan, "600", .tenThousand, "元")),
        ("≤32万元/年", measure(.atMost, "32", .tenThousand, "元/年")),
        ("≤120元/套", measure(.atMost, "120", .one, "元/套")),
        ("≤800元/件", measure(.atMost, "800", .one, "元/件")),
        ("≤1个工作日", measure(.atMost, "1", .one, "个工作日")),
        ("<10 个工作日", measure(.lessThan, "10", .one, "个工作日")),
        ("≥10 个字段", measure(.atLeast, "10", .one, "个字段")),
        ("≥90 分", measure(.atLeast, "90", .one, "分")),
        ("≥6场次", measure(.atLeast, "6", .one, "场次")),
        ("≥99.5%", measure(.atLeast, "99.5", .one, "%")),
        ("> 99.9%", measure(.greaterThan, "99.9", .one, "%")),
        ("≥83746.12平方米", measure(.atLeast, "83746.12", .one, "㎡")),
        ("10398m²", measure(nil, "10398", .one, "㎡")),
        ("合同金额=802万元", measure(.equal, "802", .tenThousand, "元", label: "合同金额")),
        ("合同金额40万元", measure(nil, "40", .tenThousand, "元", label: "合同金额")),
        ("是≥4次", measure(.atLeast, "4", .one, "次", label: "是")),
        ("≥4次/4份", measure(.atLeast, "4", .one, "次", alongside: [Quantity(plain: 4, unit: "份")])),
        ("≥4次/年", measure(.atLeast, "4", .one, "次/年")),
        ("是", text("是", .affirmative)),
        ("好", text("好", .rating)),
        ("有效", text("有效", .statement)),
        ("提升", text("提升", .trend)),
        ("有所提升", text("有所提升", .trend)),
        ("稳固提升", text("稳固提升", .trend)),
        ("有切实提升", text("有切实提升", .trend)),
        ("优化", text("优化", .trend)),
        ("减轻", text("减轻", .trend)),
        ("压减", text("压减", .trend)),
        ("等保三级", text("等保三级", .statement)),
        ("效果显著", text("效果显著", .statement)),
        ("有效保障", text("有效保障", .statement)),
        ("可操作性", text("可操作性", .statement)),
        ("符合合同要求", text("符合合同要求", .statement)),
        ("按合同约定时间", text("按合同约定时间", .statement)),
        ("", IndicatorValue.empty),
    ] as [(String, IndicatorValue)])
    func readsARealTarget(_ input: String, _ expected: IndicatorValue) throws {
        let targets = try Fixtures.targetStrings().map(\.target)
        #expect(targets.contains(input), "\(input) is not in the seed target tables")
        #expect(try IndicatorValue(parsing: input) == expected)
    }
}

@Suite("Values already read in a batch (NotationCache)")
struct NotationCacheTests {
    /// The distinct real targets and a run of percentages that differ only in their last digits (actuals such as
    /// `95.12%` and `95.13%`) spread over the slots about as evenly as random slots would: a direct-mapped cache
    /// reads again every value whose slot another took. The number of slots taken is within 10 % of what random
    /// slots would take on average, for 512 and 64 slots.
    @Test func spreadsKeysOverTheSlots() throws {
        let targets = Set(try Fixtures.targetStrings().map(\.target).filter { !$0.isEmpty && $0.utf8.count <= NotationCache.longestKey })
        let percentages = Set((0..<400).map { "\(90 + $0 / 100).\($0 % 100)%" })
        for keys in [Array(targets), Array(percentages)] {
            for slots in [512, 64] {
                let taken = Set(keys.map { key in
                    Array(key.utf8).withUnsafeBufferPointer { Int(truncatingIfNeeded: NotationCache.hash($0.baseAddress!, $0.count)) & (slots - 1) }
                })
                let expected = Double(slots) * (1 - pow(1 - 1 / Double(slots), Double(keys.count)))
                #expect(Double(taken.count) >= 0.9 * expected, "\(keys.count) keys took \(taken.count) of \(slots) slots; random slots take \(expected) on average")
            }
        }
    }

    /// The text read as a target (and its deadline hint checked against the text's own) or as an actual, by its
    /// length.
    func fromCache(_ cache: NotationCache, _ text: String) throws(NotationError) -> IndicatorValue {
        try Array(text.utf8).withUnsafeBufferPointer { (bytes) throws(NotationError) in
            guard text.utf8.count % 2 == 0 else { return try cache.actual(of: bytes) }
            let target = try cache.target(of: bytes)
            #expect(target.mayBeDeadlineOrOnTime == Deadline.mayBeDeadlineOrOnTime(text), "\(text)")
            return target.value
        }
    }

    /// Every real target, read through a small cache (so that slots are shared and replaced) twice over, in two
    /// orders, gives what reading it gives, and whether it may be a deadline; an unreadable one gives its error each
    /// time.
    @Test func givesWhatReadingGives() throws {
        let targets = try Fixtures.targetStrings().map(\.target)
            + ["≥≥5", "5%%", String(repeating: "很长的目标值", count: 8) + "≥5", "1,80", "≥４次/４份"]
        let cache = NotationCache(slots: 16)
        for text in targets + targets.reversed() + targets {
            let direct = Result { () throws(NotationError) -> IndicatorValue in try IndicatorValue(parsing: text) }
            let cached = Result { () throws(NotationError) -> IndicatorValue in try fromCache(cache, text) }
            switch (direct, cached) {
            case (.success(let a), .success(let b)): #expect(a == b, "\(text)")
            case (.failure(let a), .failure(let b)): #expect(a == b, "\(text)")
            default: Issue.record("\(text): \(direct) against \(cached)")
            }
        }
    }
}
