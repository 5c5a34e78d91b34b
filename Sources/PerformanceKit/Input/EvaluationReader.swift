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

    /// Whether every indicator must have an `actual` (a self-evaluation) or may lack one (a target table).
    public var requiresActuals: Bool

    public init(requiresActuals: Bool = true) {
        self.requiresActuals = requiresActuals
    }

    /// An evaluation read from a file, with the warnings the reading produced.
    public struct Result: Sendable, Equatable {
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
struct EvaluationDecoding {
    let bytes: [UInt8]
    let requiresActuals: Bool
    var problems: [EvaluationFileError.Problem] = []
    var warnings: [Diagnostic] = []

    init(bytes: [UInt8], requiresActuals: Bool) {
        self.bytes = bytes
        self.requiresActuals = requiresActuals
    }

    /// An object being read: its members, its path, and which keys were used.
    struct Object {
        var members: [JSONValue.Member]
        var path: JSONPath
        var offset: Int

        func member(_ key: String) -> JSONValue.Member? {
            members.first { $0.key == key }
        }
    }

    static let topLevelKeys = ["format", "title", "agency", "year", "kind", "rules", "budget", "indicators", "published", "source"]
    static let budgetKeys = ["planned", "executed", "initial", "weight"]
    static let indicatorKeys = ["category", "subcategory", "name", "unit", "weight", "target", "actual", "direction",
                                "judgement", "score", "deduction", "reason", "parts", "published"]
    static let partKeys = ["agency", "fund", "actual"]
    static let publishedKeys = ["total", "budget", "categories"]

    func location(_ offset: Int) -> TextLocation {
        offset < 0 || bytes.isEmpty ? .unknown : TextLocation(offset: offset, in: bytes)
    }

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
        let budget = budgetBlock(object)
        let indicators = indicatorList(object)
        let published = publishedFigures(object)
        let source = object.member("source")?.value
        let known = Set(Self.topLevelKeys)
        let extra = object.members.filter { !known.contains($0.key) }
        guard let budget, let indicators else { return nil }
        return Evaluation(title: title, agency: agency, year: year, kind: kind, rules: rules, budget: budget,
                          indicators: indicators, published: published, source: source, additionalFields: extra)
    }

    mutating func budgetBlock(_ parent: Object) -> BudgetExecution? {
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

    mutating func indicatorList(_ parent: Object) -> [Indicator]? {
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
        let weight = figure(object, "weight", required: true, expected: "the indicator's points (分值) as a number ≥ 0")
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
        let parts = partList(object)
        let published = figure(object, "published", required: false, expected: "the printed score as a number ≥ 0 or null")
        let known = Set(Self.indicatorKeys)
        let extra = object.members.filter { !known.contains($0.key) }
        guard let category, let name, let weight, let target else { return nil }
        return Indicator(category: category, subcategory: subcategory, name: name, unit: unit, weight: weight,
                         target: target, actual: actual, direction: direction, judgement: judgement, score: score,
                         deduction: deduction, reason: reason, parts: parts, published: published, additionalFields: extra)
    }

    mutating func partList(_ parent: Object) -> [Indicator.Part]? {
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
            if let actual = cell(object, "actual", required: true) {
                parts.append(Indicator.Part(agency: agency, fund: fund, actual: actual))
            }
        }
        return parts
    }

    mutating func publishedFigures(_ parent: Object) -> PublishedFigures? {
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

    // MARK: - Fields

    mutating func object(_ value: JSONValue, path: JSONPath, offset: Int, expected: String) -> Object? {
        guard case .object(let members) = value else {
            problems.append(.wrongType(path, expected: expected, found: value.kindDescription, location: location(offset)))
            return nil
        }
        var seen = Set<String>()
        for member in members where !seen.insert(member.key).inserted {
            problems.append(.duplicateField(path.appending(member.key), location: location(member.offset)))
        }
        // Arrays do not record where their elements start; an object's first key is the nearest place to point at.
        return Object(members: members, path: path, offset: members.first?.offset ?? offset)
    }

    /// Reports keys the format does not define as warnings (FORMAT.md §1), with the nearest known key when one is close.
    mutating func checkKeys(_ object: Object, known: [String], kept: Bool = false) {
        for member in object.members where !known.contains(member.key) {
            let suggestion = Self.closest(to: member.key, among: known).map { "; did you mean \"\($0)\"?" } ?? ""
            warnings.append(Diagnostic(.unknownField, .warning,
                "\"\(member.key)\" is not a perfscore/1 field; it is \(kept ? "kept but not scored" : "ignored")\(suggestion)",
                at: object.path.appending(member.key)))
        }
    }

    /// The known key within two edits of a misspelt one.
    static func closest(to key: String, among known: [String]) -> String? {
        known.map { ($0, editDistance(key.lowercased(), $0)) }
            .filter { $0.1 <= 2 && $0.1 < max($0.0.count, key.count) }
            .min { $0.1 < $1.1 }?.0
    }

    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    mutating func invalid(_ object: Object, _ key: String, expected: String, found: String) {
        let offset = object.member(key)?.offset ?? object.offset
        problems.append(.invalidValue(object.path.appending(key), expected: expected, found: "\"\(found.truncatedForMessage)\"",
                                      location: location(offset)))
    }

    /// The member under `key` when it is present and not null; when it is absent and `missing` describes what is
    /// expected, a `missingField` problem.
    mutating func present(_ object: Object, _ key: String, missing: String? = nil) -> JSONValue.Member? {
        if let member = object.member(key), member.value != .null { return member }
        if let missing {
            problems.append(.missingField(object.path.appending(key), expected: missing, location: location(object.offset)))
        }
        return nil
    }

    mutating func required(_ object: Object, _ key: String, expected: String) -> JSONValue.Member? {
        present(object, key, missing: expected)
    }

    /// An optional string field; null counts as absent.
    mutating func string(_ object: Object, _ key: String) -> String? {
        guard let member = present(object, key) else { return nil }
        guard case .string(let value) = member.value else {
            problems.append(.wrongType(object.path.appending(key), expected: "a string", found: member.value.kindDescription,
                                       location: location(member.offset)))
            return nil
        }
        return value
    }

    /// A required non-empty string field.
    mutating func text(_ object: Object, _ key: String, required: Bool, expected: String) -> String? {
        guard let member = present(object, key, missing: required ? expected : nil) else { return nil }
        guard case .string(let value) = member.value else {
            problems.append(.wrongType(object.path.appending(key), expected: "a string: \(expected)",
                                       found: member.value.kindDescription, location: location(member.offset)))
            return nil
        }
        guard !value.trimmingWhitespace.isEmpty else {
            problems.append(.invalidValue(object.path.appending(key), expected: expected, found: "an empty string",
                                          location: location(member.offset)))
            return nil
        }
        return value
    }

    /// A target or actual: a string as printed, or a number (kept as its literal).
    mutating func cell(_ object: Object, _ key: String, required: Bool) -> String? {
        let expected = key == "target" ? "年初目标值 as printed (\"≥1800\", \"＜48小时\", \"是\") or a number"
                                       : "实际完成值 as printed or a number (or parts)"
        guard let member = present(object, key, missing: required ? expected : nil) else { return nil }
        switch member.value {
        case .string(let value): return value
        case .number(let literal): return literal
        default:
            problems.append(.wrongType(object.path.appending(key), expected: "a string as printed or a number",
                                       found: member.value.kindDescription, location: location(member.offset)))
            return nil
        }
    }

    mutating func integer(_ object: Object, _ key: String, range: ClosedRange<Int>) -> Int? {
        guard let member = present(object, key) else { return nil }
        let path = object.path.appending(key)
        guard case .number(let literal) = member.value else {
            problems.append(.wrongType(path, expected: "a whole number", found: member.value.kindDescription,
                                       location: location(member.offset)))
            return nil
        }
        guard let value = Int(literal), range.contains(value) else {
            problems.append(.invalidValue(path, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)",
                                          found: literal, location: location(member.offset)))
            return nil
        }
        return value
    }

    mutating func figure(_ object: Object, _ key: String, required: Bool, expected: String) -> Decimal? {
        guard let member = present(object, key, missing: required ? expected : nil) else { return nil }
        return decimal(member.value, path: object.path.appending(key), offset: member.offset, expected: expected)
    }

    /// A JSON number as an exact decimal, at least 0 and at most ``EvaluationReader/largestFigure``.
    mutating func decimal(_ value: JSONValue, path: JSONPath, offset: Int, expected: String) -> Decimal? {
        guard case .number(let literal) = value else {
            problems.append(.wrongType(path, expected: expected, found: value.kindDescription, location: location(offset)))
            return nil
        }
        guard let number = Self.exactDecimal(literal), abs(number) < EvaluationReader.largestFigure else {
            problems.append(.invalidValue(path, expected: "\(expected), below 10^15", found: literal, location: location(offset)))
            return nil
        }
        guard number >= 0 else {
            problems.append(.invalidValue(path, expected: expected, found: literal, location: location(offset)))
            return nil
        }
        return number
    }

    /// A JSON number literal as a Decimal, refusing exponents beyond ±100 and more than 38 significant digits.
    static func exactDecimal(_ literal: String) -> Decimal? {
        var mantissa = Substring(literal)
        var exponent = 0
        if let e = literal.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let parsed = Int(literal[literal.index(after: e)...].drop { $0 == "+" }), abs(parsed) <= 100 else {
                return nil
            }
            exponent = parsed
            mantissa = literal[..<e]
        }
        let digits = mantissa.filter(\.isASCIIDigit).drop { $0 == "0" }
        guard digits.count <= 38, let value = Decimal(string: String(mantissa)) else { return nil }
        guard exponent != 0 else { return value }
        return Decimal(sign: value.sign, exponent: exponent, significand: abs(value))
    }
}
