public import Foundation

/// Reads a perfscore/1 evaluation file (FORMAT.md §1) into an ``Evaluation``.
///
/// ```swift
/// let result = try EvaluationReader().read(Array(data))
/// let card = Scorer(profile: .wuhan2023).score(result.evaluation)
/// ```
///
/// Every field is checked for its type and range, and every problem is reported at once with its JSON path and
/// line; fields perfscore/1 does not define are kept on the model and reported as warnings, with a suggestion
/// when they look like a misspelt field.
public struct EvaluationReader: Sendable {
    /// Largest magnitude accepted for any figure: 15 integer digits, far above any budget in 万元 and small
    /// enough that every product the rule forms stays exact.
    public static let largestFigure = Decimal(string: "1e15")!

    /// Most indicators one evaluation may hold (real tables hold under a hundred); more is refused with a message
    /// instead of being read at any cost.
    public static let mostIndicators = 10_000
    /// Longest text of any field, in Unicode scalars (the longest real indicator name is about 60).
    public static let longestText = 2_000

    /// Whether every indicator must have an `actual` (a self-evaluation) or may lack one (a target table).
    public var requiresActuals: Bool

    /// Creates a reader.
    ///
    /// - Parameter requiresActuals: `true` for self-evaluations (every row has an `actual` or `parts`); `false` for
    ///   target tables, which may also lack `budget` and points.
    public init(requiresActuals: Bool = true) {
        self.requiresActuals = requiresActuals
    }

    /// An evaluation read from a file, with the warnings the reading produced.
    public struct Result: Sendable, Equatable {
        /// The evaluation read.
        public var evaluation: Evaluation
        /// Unknown fields and other things that do not stop scoring.
        public var warnings: [Diagnostic]
    }

    /// Reads one evaluation from UTF-8 JSON bytes.
    ///
    /// - Throws: ``EvaluationFileError`` listing every problem, each with its path and line.
    public func read(_ bytes: [UInt8]) throws(EvaluationFileError) -> Result {
        let value = try JSONReader().read(bytes)
        return try read(value, bytes: bytes)
    }

    /// Reads one evaluation from UTF-8 JSON data.
    public func read(_ data: Data) throws(EvaluationFileError) -> Result {
        try read([UInt8](data))
    }

    /// Reads one evaluation from a parsed JSON value; `bytes`, when given, turn member offsets into line numbers.
    public func read(_ value: JSONValue, bytes: [UInt8] = []) throws(EvaluationFileError) -> Result {
        var decoding = EvaluationDecoding(bytes: bytes, requiresActuals: requiresActuals)
        let evaluation = decoding.evaluation(value)
        guard decoding.problems.isEmpty, let evaluation else {
            throw EvaluationFileError(problems: decoding.problems)
        }
        return Result(evaluation: evaluation, warnings: decoding.warnings)
    }
}

/// The walk from ``JSONValue`` to the model, collecting problems instead of stopping at the first.
struct EvaluationDecoding: FieldDecoding {
    let bytes: [UInt8]
    let requiresActuals: Bool
    var problems: [EvaluationFileError.Problem] = []
    var warnings: [Diagnostic] = []

    init(bytes: [UInt8], requiresActuals: Bool) {
        self.bytes = bytes
        self.requiresActuals = requiresActuals
    }

    static let topLevelKeys = ["format", "title", "agency", "year", "kind", "rules", "budget", "indicators", "published", "source",
                               "declaredPoints", "goals"]
    static let topLevelKeySet = Set(topLevelKeys)
    static let indicatorKeySet = Set(indicatorKeys)
    static let budgetKeys = ["planned", "executed", "initial", "weight"]
    static let indicatorKeys = ["category", "subcategory", "name", "unit", "weight", "target", "actual", "previous", "basis", "direction",
                                "judgement", "score", "deduction", "reason", "parts", "measure", "published", "goal"]
    static let partKeys = ["agency", "fund", "actual", "score"]
    static let publishedKeys = ["total", "budget", "categories"]

    // MARK: - Objects

    mutating func evaluation(_ value: JSONValue) -> Evaluation? {
        guard let object = object(value, path: .root, offset: 0, expected: "an evaluation object") else { return nil }
        checkKeys(object, known: Self.topLevelKeys, kept: true)
        let formatMember = object.member("format")
        switch formatMember?.value {
        case .string(Evaluation.formatTag)?:
            break
        case let other?:
            problems.append(.unsupportedFormat(found: other.kindDescription, location: location(formatMember?.offset ?? 0)))
        case nil:
            problems.append(.unsupportedFormat(found: "no format field", location: location(0)))
        }
        let title = string(object, "title")
        let agency = string(object, "agency")
        let year = integer(object, "year", range: 1900...2200)
        let kindText = string(object, "kind")
        var kind = Evaluation.Kind.project
        if let kindText {
            if let parsed = Evaluation.Kind(rawValue: kindText) {
                kind = parsed
            } else {
                invalid(object, "kind", expected: "\"project\" or \"department\"", found: kindText)
            }
        }
        let rules = string(object, "rules").map(RuleProfile.ID.init(rawValue:))
        let budget = requiresActuals || object.member("budget") != nil
            ? budgetBlock(object) : BudgetExecution(planned: 0, executed: 0)
        let goals = goalList(object)
        let declaredPoints = figure(object, "declaredPoints", required: false,
                                    expected: "the points the table declares for its indicators (指标权重比例) as a number ≥ 0")
        let indicators = indicatorList(object)
        let published = publishedFigures(object)
        let source = object.member("source")?.value
        let extra = object.members.filter { !Self.topLevelKeySet.contains($0.key) }
        guard let budget, let indicators else { return nil }
        return Evaluation(title: title, agency: agency, year: year, kind: kind, rules: rules, budget: budget,
                          indicators: indicators, published: published, source: source, declaredPoints: declaredPoints,
                          goals: goals, additionalFields: extra)
    }

    mutating func goalList(_ parent: JSONObjectView) -> [Evaluation.Goal] {
        guard let member = present(parent, "goals") else { return [] }
        let path = parent.path.appending("goals")
        guard case .array(let elements) = member.value else {
            problems.append(.wrongType(path, expected: "an array of {name, ratio}", found: member.value.kindDescription,
                                       location: location(member.offset)))
            return []
        }
        var goals: [Evaluation.Goal] = []
        for (index, element) in elements.enumerated() {
            guard let object = object(element, path: path.appending(index), offset: member.offset,
                                      expected: "an object with name and ratio") else { continue }
            checkKeys(object, known: ["name", "ratio"])
            let name = text(object, "name", required: true, expected: "the goal's name, as the indicators' goal names it")
            let ratio = figure(object, "ratio", required: true, expected: "the goal's ratio in percent")
            if let name, let ratio {
                if goals.contains(where: { $0.name == name }) {
                    invalid(object, "name", expected: "a name no other goal has", found: name)
                }
                goals.append(Evaluation.Goal(name: name, ratio: ratio))
            }
        }
        return goals
    }

    mutating func budgetBlock(_ parent: JSONObjectView) -> BudgetExecution? {
        guard let member = required(parent, "budget", expected: "an object with planned and executed") else { return nil }
        guard let object = object(member.value, path: parent.path.appending("budget"), offset: member.offset,
                                  expected: "an object with planned and executed") else { return nil }
        checkKeys(object, known: Self.budgetKeys)
        let planned = figure(object, "planned", required: true, expected: "全年预算数 (the adjusted budget) as a number ≥ 0")
        let executed = figure(object, "executed", required: true, expected: "全年执行数 as a number ≥ 0")
        let initial = figure(object, "initial", required: false, expected: "年初预算数 as a number ≥ 0")
        let weight = figure(object, "weight", required: false, expected: "the block's points as a number ≥ 0")
        guard let planned, let executed else { return nil }
        return BudgetExecution(planned: planned, executed: executed, initial: initial, weight: weight)
    }

    mutating func indicatorList(_ parent: JSONObjectView) -> [Indicator]? {
        guard let member = required(parent, "indicators", expected: "an array of indicator objects") else { return nil }
        let path = parent.path.appending("indicators")
        guard case .array(let elements) = member.value else {
            problems.append(.wrongType(path, expected: "an array of indicator objects", found: member.value.kindDescription,
                                       location: location(member.offset)))
            return nil
        }
        if elements.isEmpty {
            problems.append(.invalidValue(path, expected: "at least one indicator", found: "an empty array",
                                          location: location(member.offset)))
        }
        guard elements.count <= EvaluationReader.mostIndicators else {
            problems.append(.invalidValue(path, expected: "at most \(EvaluationReader.mostIndicators) indicators",
                                          found: "\(elements.count)", location: location(member.offset)))
            return nil
        }
        var indicators: [Indicator] = []
        indicators.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            if let indicator = indicator(element, path: path.appending(index), offset: member.offset) {
                indicators.append(indicator)
            }
        }
        return indicators.count == elements.count ? indicators : nil
    }

    mutating func indicator(_ value: JSONValue, path: JSONPath, offset: Int) -> Indicator? {
        guard let object = object(value, path: path, offset: offset, expected: "an indicator object") else { return nil }
        checkKeys(object, known: Self.indicatorKeys, kept: true)
        let categoryText = text(object, "category", required: true,
                                expected: "一级指标: 成本指标, 产出指标, 效益指标 or 满意度指标 (or cost, output, benefit, satisfaction)")
        let category = categoryText.flatMap(IndicatorCategory.init(parsing:))
        if categoryText != nil, category == nil {
            invalid(object, "category", expected: "一级指标: 成本指标, 产出指标, 效益指标 or 满意度指标", found: categoryText ?? "")
        }
        let subcategory = string(object, "subcategory").flatMap(IndicatorSubcategory.init(parsing:))
        let name = text(object, "name", required: true, expected: "三级指标, the indicator's name")
        let unit = string(object, "unit")
        // A target table (绩效目标表) may lack points: department tables print none. That is a finding, not a
        // reading error; the row is kept with 0 points so that every other check still runs.
        var weight = figure(object, "weight", required: requiresActuals, expected: "the indicator's points (分值) as a number ≥ 0")
        if !requiresActuals, weight == nil, present(object, "weight") == nil {
            warnings.append(Diagnostic(.noWeight, .warning, "no points (分值) are given; a table that is to be scored needs them on every row",
                                       at: object.path.appending("weight")))
            weight = 0
        }
        let target = cell(object, "target", required: true)
        let hasParts = object.member("parts") != nil
        let actual = cell(object, "actual", required: requiresActuals && !hasParts)
        var direction: Indicator.Direction?
        if let directionText = string(object, "direction") {
            direction = Indicator.Direction(rawValue: directionText)
            if direction == nil {
                invalid(object, "direction", expected: "forward, reverse, equal or qualitative", found: directionText)
            }
        }
        var judgement: Indicator.Judgement?
        if let judgementText = string(object, "judgement") {
            judgement = Indicator.Judgement(parsing: judgementText)
            if judgement == nil {
                invalid(object, "judgement", expected: "达成, 部分达成 or 未达成 (achieved, partial, unachieved)", found: judgementText)
            }
        }
        let score = figure(object, "score", required: false, expected: "the evaluator's score as a number ≥ 0")
        let deduction = figure(object, "deduction", required: false, expected: "points deducted as a number ≥ 0")
        let reason = string(object, "reason")
        let previous = cell(object, "previous", required: false)
        let basis = string(object, "basis")
        let parts = partList(object)
        var aggregation: Indicator.Aggregation?
        if let measureText = string(object, "measure") {
            aggregation = Indicator.Aggregation(rawValue: measureText)
            if aggregation == nil {
                invalid(object, "measure", expected: "absolute or relative", found: measureText)
            }
        }
        let goal = string(object, "goal")
        let published = figure(object, "published", required: false, expected: "the printed score as a number ≥ 0 or null")
        let extra = object.members.filter { !Self.indicatorKeySet.contains($0.key) }
        guard let category, let name, let weight, let target else { return nil }
        return Indicator(category: category, subcategory: subcategory, name: name, unit: unit, weight: weight,
                         target: target, actual: actual, direction: direction, judgement: judgement, score: score,
                         deduction: deduction, reason: reason, parts: parts, aggregation: aggregation,
                         published: published, previous: previous, basis: basis, goal: goal, additionalFields: extra)
    }

    mutating func partList(_ parent: JSONObjectView) -> [Indicator.Part]? {
        guard let member = parent.member("parts"), member.value != .null else { return nil }
        let path = parent.path.appending("parts")
        guard case .array(let elements) = member.value else {
            problems.append(.wrongType(path, expected: "an array of {agency, fund, actual} objects",
                                       found: member.value.kindDescription, location: location(member.offset)))
            return nil
        }
        var parts: [Indicator.Part] = []
        for (index, element) in elements.enumerated() {
            guard let object = object(element, path: path.appending(index), offset: member.offset,
                                      expected: "an object with agency, fund and actual") else { continue }
            checkKeys(object, known: Self.partKeys)
            let agency = string(object, "agency")
            let fund = figure(object, "fund", required: false, expected: "the unit's funds as a number ≥ 0")
            let score = figure(object, "score", required: false, expected: "the unit's own score as a number ≥ 0")
            let actual = cell(object, "actual", required: score == nil)
            if actual != nil || score != nil {
                parts.append(Indicator.Part(agency: agency, fund: fund, actual: actual, score: score))
            }
        }
        return parts
    }

    mutating func publishedFigures(_ parent: JSONObjectView) -> PublishedFigures? {
        guard let member = parent.member("published"), member.value != .null else { return nil }
        guard let object = object(member.value, path: parent.path.appending("published"), offset: member.offset,
                                  expected: "an object with total, budget and categories") else { return nil }
        checkKeys(object, known: Self.publishedKeys)
        let total = figure(object, "total", required: false, expected: "the printed 总分 as a number ≥ 0")
        let budget = figure(object, "budget", required: false, expected: "the printed budget score as a number ≥ 0")
        var categories: [PublishedFigures.CategoryScore] = []
        if let categoriesMember = object.member("categories"), categoriesMember.value != .null,
           let categoryObject = self.object(categoriesMember.value, path: object.path.appending("categories"),
                                            offset: categoriesMember.offset,
                                            expected: "an object from category name to printed score") {
            for entry in categoryObject.members {
                let path = categoryObject.path.appending(entry.key)
                guard let category = IndicatorCategory(parsing: entry.key) else {
                    problems.append(.invalidValue(path, expected: "a category name", found: "an empty key",
                                                  location: location(entry.offset)))
                    continue
                }
                if let score = decimal(entry.value, path: path, offset: entry.offset,
                                       expected: "the printed category score as a number ≥ 0") {
                    categories.append(PublishedFigures.CategoryScore(category: category, score: score))
                }
            }
        }
        return PublishedFigures(total: total, budget: budget, categories: categories)
    }
}
