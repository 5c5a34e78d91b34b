import Foundation

/// 项目自评结果（摘要版）: the summary a disclosure prints in place of the full form, read into an evaluation.
///
/// The summary prints a 项目绩效自评综合得分表 (each category's points and printed score, the budget's and the total),
/// the budget in prose (`年初预算数为5,274.02万元，全年预算数为5,207.48万元，年末决算数为5,207.48万元`) and the
/// indicators in prose, grouped under headings (`1、产出指标`, `数量指标：`):
///
/// ```
/// ①绿化服务面积：年度目标值为≥80,000㎡，实际完成81,375.24㎡；
/// （4）互联网专线时延：年度目标值为≤40ms，实际为5ms;
/// ```
///
/// The rows unmet are listed again under （三）未完成的绩效目标 with their reason (`主要原因是…`); they join their
/// group there. The summary prints no points per indicator: each category's points are split among its rows in
/// whole points as equally as they go, the larger shares first (40 over 7 rows: 6, 6, 6, 6, 6, 5, 5; over fewer
/// points than rows, in hundredths), and a note says so. Where every row of a category is met any split gives the
/// printed category score; where one is not, verification compares the split's score with the printed one, so a
/// split the printed figures do not allow is never passed over in silence. A count the summary states
/// (`8个绩效指标`) that differs from the rows read is a warning.
struct SummaryFormText {
    typealias Line = DisclosureLines.Line

    /// The evaluation, or why the summary could not be read.
    private(set) var result: Result<EvaluationReader.Result, TableReadError>

    init(_ lines: ArraySlice<Line>) {
        var reading = Reading()
        reading.read(lines)
        result = reading.finish(firstLine: lines.first?.number ?? 1)
    }

    /// One row read from the prose, before its points are known.
    struct Row {
        var category: IndicatorCategory
        var subcategory: IndicatorSubcategory?
        var name: String
        var target: String
        var actual: String
        var reason: String?
        var line: Int
    }

    /// One row of the 综合得分表: 评价项目, 评级分值, 本项得分.
    struct ScoreRow {
        var item: String
        var points: ExactDecimal
        var score: ExactDecimal
    }

    struct Reading {
        var title: String?
        var year: Int?
        var agency: String?
        var scoreRows: [ScoreRow] = []
        var initial: ExactDecimal?
        var planned: ExactDecimal?
        var executed: ExactDecimal?
        var rows: [Row] = []
        var statedCount: Int?
        var warnings: [Diagnostic] = []
        var problems: [TableReadError.Problem] = []

        mutating func read(_ lines: ArraySlice<Line>) {
            var index = lines.startIndex
            // The title: `2023年度市民之家大楼运行维护费` over `项目自评结果` over `（摘要版）`.
            var head = ""
            while index < lines.endIndex, !lines[index].text.contains("摘要版") {
                head += lines[index].text
                index += 1
            }
            index += 1
            head = head.filter { !$0.isWhitespace }
            if head.hasSuffix("项目自评结果") { head.removeLast("项目自评结果".count) }
            year = TableReading.Metadata.year(in: head)
            if let mark = head.range(of: "年度") { head = String(head[mark.upperBound...]) }
            title = head.isEmpty ? nil : head

            // The sections, each read whole: its lines joined, since the prose wraps anywhere.
            enum Section { case score, table, budget, met, unmet, done }
            var section = Section.score
            var headProse = ""
            var prose = ""
            var group: (category: IndicatorCategory?, subcategory: IndicatorSubcategory?) = (nil, nil)
            var pending: (text: String, line: Int)?
            func flushItems(_ reading: inout Reading, unmet: Bool) {
                guard let item = pending else { return }
                reading.readItems(item.text, line: item.line, group: group, unmet: unmet)
                pending = nil
            }
            while index < lines.endIndex, section != .done {
                let line = lines[index]
                index += 1
                let text = line.text
                let compact = text.filter { !$0.isWhitespace }
                switch section {
                case .score:
                    if compact.hasPrefix("评价项目") { section = .table } else { headProse += compact }
                case .table:
                    if let row = Self.scoreRow(text) { scoreRows.append(row); continue }
                    section = .budget
                    if !compact.hasPrefix("二、") { prose += compact }
                case .budget:
                    if compact.hasPrefix("（二）") || compact.hasPrefix("(二)") {
                        readBudget(prose)
                        prose = ""
                        section = .met
                        continue
                    }
                    prose += compact
                case .met, .unmet:
                    if compact.hasPrefix("三、") {
                        flushItems(&self, unmet: section == .unmet)
                        section = .done
                        continue
                    }
                    if compact.hasPrefix("（三）") || compact.hasPrefix("(三)") {
                        flushItems(&self, unmet: false)
                        readCount(prose)
                        section = .unmet
                        group = (nil, nil)
                        continue
                    }
                    if let heading = Self.heading(compact) {
                        flushItems(&self, unmet: section == .unmet)
                        if let category = heading.category { group = (category, nil) }
                        if let subcategory = heading.subcategory {
                            group.subcategory = subcategory
                            if group.category == nil || section == .unmet {
                                group.category = IndicatorSubcategory.standard.first { $0.subcategory == subcategory }?.categories.first
                            }
                        }
                        continue
                    }
                    if group.category == nil, section == .met {
                        prose += compact
                        continue
                    }
                    if pending == nil { pending = ("", line.number) }
                    pending?.text += compact
                case .done:
                    break
                }
            }
            flushItems(&self, unmet: section == .unmet)
            // The prose before the indicators states the agency: `经评价，2023年某局（以下简称“某”）某项目…`.
            readAgency(headProse)
        }

        /// `预算执行 20% 20 20 100%`: the item, its weight, 评级分值, 本项得分, 得分率.
        static func scoreRow(_ text: String) -> ScoreRow? {
            let cells = text.cellsOfLine
            guard cells.count >= 4, let points = TableReading.decimal(cells[2]), let score = TableReading.decimal(cells[3]) else { return nil }
            return ScoreRow(item: cells[0], points: points, score: score)
        }

        /// A heading of the indicator prose: `1、产出指标`, `数量指标：`, `社会效益：`, `2、效益指标`.
        static func heading(_ text: String) -> (category: IndicatorCategory?, subcategory: IndicatorSubcategory?)? {
            var body = Substring(text)
            while let first = body.first, first.isASCIIDigit || "、.．".contains(first) { body.removeFirst() }
            while let last = body.last, "：:。".contains(last) { body.removeLast() }
            guard body.count <= 10, !body.isEmpty, !body.contains("年度目标值") else { return nil }
            if let category = IndicatorCategory(parsing: String(body)), category.isStandard { return (category, nil) }
            if let subcategory = IndicatorSubcategory(parsing: String(body)),
               IndicatorSubcategory.standard.contains(where: { $0.subcategory == subcategory }) {
                return (nil, subcategory)
            }
            return nil
        }

        /// `全年预算数为5,207.48万元` and the like: the figure after a label.
        static func figure(after labels: [String], in prose: String) -> ExactDecimal? {
            for label in labels {
                guard let range = prose.range(of: label) else { continue }
                let digits = prose[range.upperBound...].prefix { ($0.isASCIIDigit) || $0 == "." || $0 == "," }
                if let value = TableReading.decimal(String(digits)) { return value }
            }
            return nil
        }

        mutating func readBudget(_ prose: String) {
            initial = Self.figure(after: ["年初预算数为", "年初预算数"], in: prose)
            planned = Self.figure(after: ["全年预算数为", "调整后预算数为", "全年预算数"], in: prose)
            executed = Self.figure(after: ["年末决算数为", "全年执行数为", "执行数为", "实际支出"], in: prose)
        }

        mutating func readCount(_ prose: String) {
            guard let mark = prose.range(of: "个绩效指标") else { return }
            let digits = prose[..<mark.lowerBound].reversed().prefix(while: \.isASCIIDigit)
            statedCount = Int(String(digits.reversed()))
        }

        mutating func readAgency(_ prose: String) {
            guard let start = prose.range(of: "经评价，"), let end = prose.range(of: "（以下简称") else { return }
            var name = prose[start.upperBound..<end.lowerBound]
            // Less the year: `2023年`, `2023年度`.
            while let first = name.first, first.isASCIIDigit { name.removeFirst() }
            if name.hasPrefix("年度") { name.removeFirst(2) } else if name.hasPrefix("年") { name.removeFirst() }
            if !name.isEmpty, name.count <= 60 { agency = String(name) }
        }

        /// Item markers: `①`, `（1）`, `(1)`, `1.`, `1、`.
        static func dropMarker(_ text: Substring) -> Substring {
            var body = text
            if let first = body.unicodeScalars.first, (0x2460...0x2473).contains(first.value) || (0x3251...0x325F).contains(first.value) {
                return body.dropFirst()
            }
            if let first = body.first, first == "（" || first == "(" {
                let inside = body.dropFirst().prefix { $0.isASCIIDigit }
                let after = body.dropFirst(1 + inside.count)
                if !inside.isEmpty, let close = after.first, close == "）" || close == ")" { return after.dropFirst() }
            }
            let digits = body.prefix { $0.isASCIIDigit }
            if !digits.isEmpty, let mark = body.dropFirst(digits.count).first, "、.．".contains(mark) {
                body = body.dropFirst(digits.count + 1)
            }
            return body
        }

        /// The items of one group's prose: each `name：年度目标值为target，实际[完成|为|达]actual` up to `；` / `。`.
        mutating func readItems(_ text: String, line: Int, group: (category: IndicatorCategory?, subcategory: IndicatorSubcategory?), unmet: Bool) {
            let marker = "：年度目标值为"
            var rest = Substring(text)
            while let mark = rest.range(of: marker) ?? rest.range(of: ":年度目标值为") {
                let name = String(Self.dropMarker(rest[..<mark.lowerBound]))
                var after = rest[mark.upperBound...]
                // The target runs to the comma before 实际 (a comma between digits is a thousands separator).
                var target = ""
                while let character = after.first {
                    if character == "，" { break }
                    if character == ",", let next = after.dropFirst().first, !next.isASCIIDigit { break }
                    target.append(character)
                    after.removeFirst()
                }
                after = after.drop { $0 == "，" || $0 == "," }
                guard after.hasPrefix("实际") else {
                    warnings.append(DisclosureReader.unplacedWarning(.init(number: line, text: String(rest.prefix(80)), isPageFurniture: false)))
                    rest = after
                    continue
                }
                after = after.dropFirst(2)
                for verb in ["完成", "为", "达"] where after.hasPrefix(verb) {
                    after = after.dropFirst(verb.count)
                    break
                }
                var actual = ""
                while let character = after.first, !"；;。".contains(character) {
                    if character == "，" || (character == "," && !(after.dropFirst().first?.isASCIIDigit ?? false)) { break }
                    actual.append(character)
                    after.removeFirst()
                }
                // What follows the actual up to the item's end: its reason (`主要原因是…`).
                var tail = ""
                while let character = after.first, !"；;。".contains(character) {
                    tail.append(character)
                    after.removeFirst()
                }
                after = after.drop { "；;。".contains($0) }
                tail = String(tail.drop { $0 == "，" || $0 == "," })
                if tail.hasPrefix("主要原因是") { tail.removeFirst("主要原因是".count) }
                rest = after
                guard let category = group.category else {
                    warnings.append(DisclosureReader.unplacedWarning(.init(number: line, text: name, isPageFurniture: false)))
                    continue
                }
                // 满意度指标 has one second level only (服务对象满意度指标): a summary that prints no heading for it
                // still files its rows there.
                var subcategory = group.subcategory
                if subcategory == nil {
                    let only = IndicatorSubcategory.standard.filter { $0.categories == [category] }
                    if only.count == 1 { subcategory = only[0].subcategory }
                }
                let row = Row(category: category, subcategory: subcategory, name: name, target: target, actual: actual,
                              reason: tail.isEmpty ? nil : tail, line: line)
                if unmet, let earlier = rows.firstIndex(where: { $0.name == name }) {
                    if rows[earlier].reason == nil { rows[earlier].reason = row.reason }
                    continue
                }
                // An unmet row joins the end of its group.
                if unmet, let last = rows.lastIndex(where: { $0.category == category && $0.subcategory == subcategory }) {
                    rows.insert(row, at: last + 1)
                } else {
                    rows.append(row)
                }
            }
        }

        /// The unit a target is printed in: what follows its last digit (`≥80,000㎡` → ㎡, `7x24小时` → 小时).
        static func unit(of target: String) -> String? {
            guard let last = target.lastIndex(where: { $0.isASCIIDigit }) else { return nil }
            let unit = String(target[target.index(after: last)...]).trimmingWhitespace
            return unit.isEmpty || unit.count > 4 ? nil : unit
        }

        /// Each category's points split in whole points as equally as they go, the larger shares first; in
        /// hundredths when the points are fewer than the rows.
        static func split(_ points: ExactDecimal, among count: Int) -> [ExactDecimal]? {
            guard count > 0 else { return [] }
            let whole = points.rescaled(to: 0)
            let scale = whole != nil && whole! >= ExactDecimal(count) ? 0 : 2
            guard let units = points.rescaled(to: scale)?.significand, units >= 0 else { return nil }
            let base = units / Int64(count)
            let extra = Int(units % Int64(count))
            return (0..<count).map { ExactDecimal(unchecked: base + ($0 < extra ? 1 : 0), scale: scale) }
        }

        mutating func finish(firstLine: Int) -> Result<EvaluationReader.Result, TableReadError> {
            if rows.isEmpty { problems.append(.init(row: firstLine, column: nil, message: "no indicator written as 名称：年度目标值为…，实际完成… in the summary")) }
            if scoreRows.isEmpty { problems.append(.init(row: firstLine, column: nil, message: "no 项目绩效自评综合得分表 (评价项目 权重 评级分值 本项得分) in the summary")) }
            guard let planned, let executed else {
                problems.append(.init(row: firstLine, column: nil, message: "no budget in the summary's prose (全年预算数为…，年末决算数为…)"))
                return .failure(TableReadError(problems: problems))
            }
            guard problems.isEmpty else { return .failure(TableReadError(problems: problems)) }
            var indicators: [Indicator] = []
            var places = CellPlaces()
            var categories: [PublishedFigures.CategoryScore] = []
            var budgetPoints: ExactDecimal?
            var budgetScore: ExactDecimal?
            var total: ExactDecimal?
            var weights: [Int: ExactDecimal] = [:]
            for scoreRow in scoreRows {
                let item = scoreRow.item
                if item.hasPrefix("预算执行") { budgetPoints = scoreRow.points; budgetScore = scoreRow.score; continue }
                if item.hasPrefix("综合") || item.hasPrefix("总分") || item.hasPrefix("合计") { total = scoreRow.score; continue }
                guard let category = IndicatorCategory(parsing: item), category.isStandard else {
                    problems.append(.init(row: firstLine, column: nil, message: "the 综合得分表 names \(item), no category of indicators"))
                    continue
                }
                categories.append(.init(category: category, score: scoreRow.score))
                let members = rows.indices.filter { rows[$0].category == category }
                guard !members.isEmpty else {
                    problems.append(.init(row: firstLine, column: nil, message: "the 综合得分表 gives \(item) \(scoreRow.points) points, but the summary lists no indicator under it"))
                    continue
                }
                guard let shares = Self.split(scoreRow.points, among: members.count) else { continue }
                for (member, share) in zip(members, shares) { weights[member] = share }
                let printed = shares.map(\.description)
                let shown = Set(printed).count == 1 ? "\(printed[0]) each" : printed.joined(separator: ", ")
                let message = members.count == 1
                    ? "\(item): the summary prints no points per indicator; its one indicator carries the category's \(scoreRow.points)"
                    : "\(item): the summary prints no points per indicator; the category's \(scoreRow.points) are split among its \(members.count) indicators as equally as whole points go (\(shown)), which verification checks against the printed \(scoreRow.score)"
                warnings.append(Diagnostic(.reconstructedFigure, .note, message, at: JSONPath.indicator(members[0]).appending("weight")))
            }
            for (position, row) in rows.enumerated() {
                guard let weight = weights[position] else {
                    problems.append(.init(row: row.line, column: nil, message: "\(row.name) stands under \(row.category.rawValue), which the 综合得分表 gives no points"))
                    continue
                }
                places.record(JSONPath.indicator(indicators.count), row: row.line)
                indicators.append(Indicator(category: row.category, subcategory: row.subcategory, name: row.name,
                                            unit: Self.unit(of: row.target), weight: weight, target: row.target,
                                            actual: row.actual, reason: row.reason))
            }
            if let statedCount, statedCount != indicators.count {
                warnings.append(Diagnostic(.unplacedText, .warning,
                    "the summary says it set \(statedCount) indicators, but \(indicators.count) were read: the table may be incomplete", at: .root))
            }
            guard problems.isEmpty else { return .failure(TableReadError(problems: problems)) }
            let budget = BudgetExecution(planned: planned, executed: executed, initial: initial, weight: budgetPoints)
            var evaluation = Evaluation(title: title, agency: agency, year: year, kind: .project, budget: budget, indicators: indicators,
                                        published: PublishedFigures(total: total, budget: budgetScore, categories: categories))
            evaluation.form = FormDetails()
            var result = EvaluationReader.Result(evaluation: evaluation, warnings: warnings)
            result.places = places
            return .success(result)
        }
    }
}
