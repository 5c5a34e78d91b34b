import Foundation
@testable import PerformanceKit

/// Deterministic JSON Lines of evaluations shaped like transcribed published tables, for the golden pins of the
/// result bytes: 10–30 rows in the 一级 / 二级 / 三级 layout, the notations of the seeds (≥, ≤, ＜, bare figures,
/// percentages, 万 / 亿, thousands separators, ㎡, zero-event phrases, 是, 7x24小时), a `reason` with quotes,
/// slashes and line breaks on rows that lose points, a `source` object, the start-of-year budget, qualitative rows
/// with a judgement and an evaluator's score, deductions, evaluator's departures, direction overrides, several
/// units' `parts`, other profiles, a few rows nobody can score, and printed figures (per row, category, budget and
/// total) that mostly agree.
///
/// Every draw comes from ``SeededGenerator`` through ``TableLines/Draw``, never from the standard library's
/// `random(in:)`, so that the lines are the same bytes on every machine and toolchain.
enum TableLines {
    /// Draws from a seeded generator.
    struct Draw {
        var generator: SeededGenerator

        init(seed: UInt64) {
            generator = SeededGenerator(seed: seed)
        }

        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(generator.next() % UInt64(range.count))
        }

        mutating func chance(_ percent: Int) -> Bool {
            int(0...99) < percent
        }

        mutating func pick<T>(_ choices: [T]) -> T {
            choices[int(0...(choices.count - 1))]
        }

        /// A figure with `places` decimals, from `low` to `high` hundredths… as text (`1234.5`).
        mutating func figure(_ low: Int, _ high: Int, places: Int) -> String {
            let scaled = int(low...high)
            guard places > 0 else { return String(scaled) }
            var digits = String(scaled)
            while digits.count <= places { digits = "0" + digits }
            var text = String(digits.dropLast(places)) + "." + String(digits.suffix(places))
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text
        }
    }

    /// One JSON member as it is written: a key and the literal text of its value.
    typealias Member = (key: String, literal: String)

    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func object(_ members: [Member]) -> String {
        "{" + members.map { string($0.key) + ":" + $0.literal }.joined(separator: ",") + "}"
    }

    /// A row before its points are set: the members but `weight`, and whether it loses points on purpose.
    struct Row {
        var category: String
        var subcategory: String
        var members: [Member]
        var losesPoints: Bool
    }

    static let reasons = [
        "受疫情影响，\"线下活动\"改为线上/线下结合，仅完成部分",
        "合同有效期为2022年至2023年，\n2022年仅完成3期，剩余1期顺延",
        "部分单位数据报送滞后（见附件/表3），\\已督促整改",
        "采购流程延长，项目于12月底才完成验收；下一年度将提前启动",
    ]

    static func row(_ draw: inout Draw, index: Int) -> Row {
        let layouts: [(String, String)] = [
            ("产出指标", "数量指标"), ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"),
            ("成本指标", "经济成本指标"), ("效益指标", "社会效益指标"), ("效益指标", "经济效益指标"),
            ("效益指标", "可持续影响指标"), ("满意度指标", "服务对象满意度指标"),
        ]
        let (category, subcategory) = draw.pick(layouts)
        var members: [Member] = [("category", string(category)), ("subcategory", string(subcategory)),
                                 ("name", string("指标\(index)：\(draw.pick(["开展培训", "监管数据准确率", "窗口办结率", "绿化服务面积", "平台运行", "投诉处理时长"]))"))]
        var loses = false
        let kind = draw.int(0...99)
        func add(_ key: String, _ literal: String) { members.append((key, literal)) }
        switch kind {
        case 0..<18:     // ≥X with a unit, sometimes short of it
            let target = draw.pick([4, 12, 20, 51, 60, 1800, 2500])
            let unit = draw.pick(["个", "次", "份", "家", "期"])
            loses = draw.chance(30)
            let actual = loses ? max(0, target - draw.int(1...max(1, target / 2))) : target + draw.int(0...target)
            add("unit", string(unit))
            add("target", string(draw.pick(["≥", "≥", "不少于"]) + "\(target)\(unit)"))
            add("actual", string("\(actual)\(unit)"))
        case 18..<30:    // percentages
            let target = draw.pick(["80", "90", "95", "98", "99.9", "100"])
            loses = draw.chance(25)
            let actual = loses ? draw.figure(6000, 9400, places: 2) : draw.figure(9990, 10000, places: 2)
            add("unit", string("%"))
            add("target", string(draw.pick(["≥", "", "≥"]) + target + draw.pick(["%", ""])))
            add("actual", string(actual + draw.pick(["%", ""])))
        case 30..<38:    // ≤X and ＜X reverse
            let target = draw.pick([1, 3, 24, 48, 50])
            let unit = draw.pick(["小时", "个工作日", "天"])
            loses = draw.chance(30)
            let actual = loses ? draw.figure(target * 100 + 1, target * 200, places: 2) : draw.figure(0, target * 100, places: 2)
            add("unit", string(unit))
            add("target", string(draw.pick(["≤", "＜", "不超过"]) + "\(target)\(unit)"))
            add("actual", string(draw.pick(["", "", "＜"]) + actual + unit))
        case 38..<46:    // bare figures
            let target = draw.pick([4, 6, 20, 51, 100])
            loses = draw.chance(30)
            let actual = loses ? target - draw.int(1...max(1, target / 2)) : target + draw.int(0...3)
            add("unit", string(draw.pick(["期", "个", "家"])))
            add("target", string("\(target)"))
            add("actual", string("\(actual)"))
        case 46..<52:    // magnitudes and separators
            switch draw.int(0...2) {
            case 0:
                add("target", string("≥80,000㎡"))
                add("actual", string(draw.pick(["81,375.24㎡", "79,500㎡", "80000平方米"])))
            case 1:
                add("target", string("≥808亿条"))
                add("actual", string(draw.pick(["810.5亿条", "808.44亿条", "790亿条"])))
            default:
                add("target", string("≥2万亿"))
                add("actual", string(draw.pick(["15000亿", "2.1万亿"])))
            }
            loses = true
        case 52..<58:    // zero targets
            add("target", string(draw.pick(["0", "0起", "无"])))
            add("actual", string(draw.pick(["0", "全年未发生安全事故", "0起", "无"])))
        case 58..<64:    // words
            add("target", string(draw.pick(["是", "完成", "通过"])))
            add("actual", string(draw.pick(["是", "完成", "通过", "达标"])))
        case 64..<67:
            add("target", string("7x24小时"))
            add("actual", string("7x24小时"))
        case 67..<80:    // qualitative, with a judgement and the evaluator's score
            add("target", string(draw.pick(["好", "效果显著", "有效提升", "逐步改善"])))
            add("actual", string(draw.pick(["较好", "效果较好", "有所提升", "基本达到"])))
            add("direction", string("qualitative"))
            let judgement = draw.pick(["达成", "达成", "部分达成"])
            add("judgement", string(judgement))
            loses = judgement != "达成" || draw.chance(30)
        case 80..<88:    // cost, under 成本 as first or second level
            let target = draw.pick(["25", "≤120", "≤35.5"])
            let inTarget = draw.chance(50)
            if !inTarget { add("unit", string("万元")) }
            add("target", string(target + (inTarget ? "万元" : "")))
            add("actual", string(draw.figure(1000, 3600, places: 2) + (inTarget ? "万元" : "")))
            loses = draw.chance(40)
        case 88..<90:    // cells nobody can score: a judgement stands in, else an error line
            add("target", string(draw.pick(["12月底前完成", "≥4次/4份", "等保三级"])))
            add("actual", string(draw.pick(["11月完成", "4次", "等保二级"])))
            if draw.chance(90) { add("judgement", string("达成")) }
            loses = true
        case 90..<95:    // several units
            let funds = [draw.figure(100, 900, places: 0), draw.figure(100, 900, places: 0)]
            let relative = draw.chance(50)
            let values = relative ? [draw.figure(9000, 10000, places: 2), draw.figure(9000, 10000, places: 2)]
                                  : [String(draw.int(1...30)), String(draw.int(1...30))]
            add("unit", string(relative ? "%" : "个"))
            add("target", string(relative ? "≥95%" : "≥40个"))
            add("parts", "[" + zip(funds, values).enumerated().map { index, pair in
                object([("agency", string("单位\(index + 1)")), ("fund", pair.0), ("actual", string(pair.1 + (relative ? "%" : "个")))])
            }.joined(separator: ",") + "]")
            loses = true
        default:         // satisfaction surveys
            add("unit", string("%"))
            add("target", string(draw.pick(["≥90%", "≥95%", "≥99.9"])))
            add("actual", string(draw.figure(8800, 10000, places: 2)))
            loses = draw.chance(40)
        }
        return Row(category: category, subcategory: subcategory, members: members, losesPoints: loses)
    }

    /// The line's evaluation without printed figures, and the rows' members (to print figures next to them).
    static func table(_ draw: inout Draw, number: Int) -> (head: [Member], rows: [Row], tail: [Member], rules: String) {
        let rules = draw.int(0...99) < 80 ? "wuhan-2023" : draw.pick(["mof-2020", "mof-2020-linear", "jiangxi"])
        let indicatorPoints = rules == "wuhan-2023" ? 80 : 90
        let count = draw.int(10...30)
        var rows = (0..<count).map { row(&draw, index: $0) }
        // Points: whole or half points adding up to the profile's total (now and then not, as tables get it wrong).
        var weights = Array(repeating: indicatorPoints * 2 / count, count: count)
        for index in 0..<(indicatorPoints * 2 % count) { weights[index] += 1 }
        if draw.chance(5) { weights[0] += 2 }
        for index in rows.indices {
            let halves = weights[index]
            let weight = halves % 2 == 0 ? "\(halves / 2)" : "\(halves / 2).5"
            rows[index].members.insert(("weight", weight), at: 3)
            let members = rows[index].members
            if members.contains(where: { $0.key == "judgement" }) {
                // The evaluator's score inside the tier's band (达成 80–100 %, 部分达成 60–80 %, inside every profile's).
                let partial = members.contains { $0.literal == "\"部分达成\"" }
                let share = partial ? draw.int(60...79) : draw.int(80...100)
                rows[index].members.append(("score", Draw.formatHalves(halves * share, scale: 200)))
            } else if rows[index].losesPoints, draw.chance(8) {
                rows[index].members.append(("score", Draw.formatHalves(halves * draw.int(50...90), scale: 200)))
            }
            if draw.chance(4) {
                rows[index].members.append(("deduction", draw.pick(["0.5", "1", "0.25"])))
            }
            if rows[index].losesPoints || members.contains(where: { $0.key == "deduction" }) {
                rows[index].members.append(("reason", string(draw.pick(reasons))))
            }
            if draw.chance(10) {
                rows[index].members.append(("basis", string(draw.pick(["计划标准", "历史标准", "行业标准"]))))
            }
        }
        let initial = draw.figure(10_000, 900_000, places: 2)
        let planned = draw.chance(70) ? initial : draw.figure(10_000, 900_000, places: 2)
        let plannedValue = Double(planned) ?? 0
        let executedShare = draw.chance(60) ? 100 : draw.int(70...104)
        let executedCents = Int((plannedValue * 100).rounded()) * executedShare / 100
        let executed = Draw.formatHalves(executedCents, scale: 100)
        var budget: [Member] = [("initial", initial), ("planned", planned), ("executed", executed)]
        if draw.chance(80) { budget.append(("weight", rules == "wuhan-2023" ? "20" : "10")) }
        let head: [Member] = [
            ("format", string("perfscore/1")), ("title", string("项目\(number)：\(draw.pick(["政务服务能力建设", "城市绿化养护", "数据平台运维", "公共法律服务"]))")),
            ("agency", string("单位\(number % 23)")), ("year", "\(draw.int(2021...2024))"), ("kind", string("project")),
            ("rules", string(rules)), ("budget", object(budget)),
        ]
        let tail: [Member] = [("source", object([
            ("document", string("\(number % 23)号单位\(2023)年度部门决算公开")),
            ("lines", "[\(3400 + number),\(3600 + number)]"),
            ("note", string("transcribed by hand; \"分值\" as printed")),
        ]))]
        return (head, rows, tail, rules)
    }

    /// Line `number` of a corpus (0-based), with printed figures where the table prints them.
    static func line(_ draw: inout Draw, number: Int) -> String {
        let (head, rows, tail, _) = table(&draw, number: number)
        let bare = object(head + [("indicators", "[" + rows.map { object($0.members) }.joined(separator: ",") + "]")] + tail)
        // Printed figures: what the rule gives, as a published table prints them, now and then one off.
        let printing = draw.int(0...99)
        guard printing < 75, let card = try? Evaluator().evaluate(Array(bare.utf8)), card.isComplete else { return bare }
        let perturbed = printing < 6 ? draw.int(0...(rows.count + 1)) : -1
        var printedRows = rows
        for (index, score) in card.indicators.enumerated() {
            guard var figure = score.score else { continue }
            if index == perturbed { figure = max(0, figure - 1) }
            printedRows[index].members.append(("published", "\(figure)"))
        }
        var published: [Member] = []
        if let total = card.total {
            let shown = perturbed == rows.count ? total + 1 : total
            published.append(("total", "\(shown)"))
        }
        if printing % 2 == 0 {
            published.append(("budget", "\(card.budget.score)"))
            published.append(("categories", object(card.categories.compactMap { category in
                category.score.map { (category.category.rawValue, "\($0)") }
            })))
        }
        return object(head + [("indicators", "[" + printedRows.map { object($0.members) }.joined(separator: ",") + "]"),
                              ("published", object(published))] + tail)
    }

    /// `count` lines from `seed`.
    static func corpus(count: Int, seed: UInt64) -> [String] {
        var draw = Draw(seed: seed)
        return (0..<count).map { line(&draw, number: $0) }
    }
}

extension TableLines.Draw {
    /// `value ÷ scale` in plain digits (`halves × share ÷ 200` for a score of half points times a percentage).
    static func formatHalves(_ value: Int, scale: Int) -> String {
        let places = scale == 100 ? 2 : 3
        let factor = places == 2 ? 1 : 5     // ÷ 200 is × 5 ÷ 1000
        let scaled = value * factor
        var digits = String(scaled)
        while digits.count <= places { digits = "0" + digits }
        var text = String(digits.dropLast(places)) + "." + String(digits.suffix(places))
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// FNV-1a, 64 bits: a short fingerprint of a result's bytes for the golden files.
func fingerprint(_ bytes: some Sequence<UInt8>) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}
