extension RuleProfile {
    /// The format tag every rule profile file carries.
    package static let formatTag = "perfscore-rules/1"

    /// Reads and validates a rule profile file (`rules/README.md` describes the format).
    ///
    /// Unknown keys, wrong types, bands that overlap or leave gaps, a split that does not add up to the total,
    /// steps out of order: every problem is reported with its JSON path, and the profile is refused.
    ///
    /// - Parameter jsonData: the file's UTF-8 bytes.
    /// - Throws: ``RuleProfileError``.
    public init(jsonData: [UInt8]) throws(RuleProfileError) {
        let value: JSONValue
        do {
            value = try JSONScanner.document(jsonData) { (scanner: inout JSONScanner) throws(JSONScanner.Problem) in try scanner.readTree() }
        } catch {
            throw RuleProfileError(problems: error.problems)
        }
        var decoding = RuleProfileDecoding(bytes: jsonData)
        guard let profile = decoding.profile(value), decoding.problems.isEmpty else {
            throw RuleProfileError(problems: decoding.problems)
        }
        self = profile
    }
}

/// The walk from JSON to a ``RuleProfile``, strict about keys and checking that the numbers make a coherent rule.
struct RuleProfileDecoding: FieldDecoding {
    let bytes: [UInt8]
    var problems: [EvaluationFileError.Problem] = []
    var warnings: [Diagnostic] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    static let keys = ["format", "id", "title", "jurisdiction", "year", "source", "notes", "budget", "indicators",
                       "direction", "reverse", "qualitative", "achievementWords", "overAchievementFlag", "rounding", "grades", "form"]

    mutating func profile(_ value: JSONValue) -> RuleProfile? {
        guard let object = object(value, path: .root, offset: 0, expected: "a rule profile object") else { return nil }
        checkKeys(object, known: Self.keys, strict: true)
        let format = text(object, "format", required: true, expected: "\"\(RuleProfile.formatTag)\"")
        if let format, format != RuleProfile.formatTag {
            invalid(object, "format", expected: "\"\(RuleProfile.formatTag)\"", found: format)
        }
        let id = text(object, "id", required: true, expected: "the profile's id, <jurisdiction>-<year> in lower case")
        if let id, !id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
            invalid(object, "id", expected: "lower-case letters, digits and '-' (wuhan-2023)", found: id)
        }
        let title = text(object, "title", required: true, expected: "the profile's title")
        let jurisdiction = text(object, "jurisdiction", required: true, expected: "the jurisdiction the rule belongs to")
        let year = integer(object, "year", range: 1990...2200)
        let source = sourceBlock(object)
        let notes = stringList(object, "notes", required: false) ?? []
        let budget = budgetRule(object)
        let indicators = indicatorPoints(object)
        let direction = directionRule(object)
        var reverse = RuleProfile.ReverseFormula.ratio
        if let text = text(object, "reverse", required: true, expected: "ratio or linear") {
            if let parsed = RuleProfile.ReverseFormula(rawValue: text) {
                reverse = parsed
            } else {
                invalid(object, "reverse", expected: "ratio or linear", found: text)
            }
        }
        let tiers = qualitativeTiers(object)
        let words = stringList(object, "achievementWords", required: true) ?? []
        let flag = figure(object, "overAchievementFlag", required: false, expected: "a ratio above 1 (1.2) or null")
        if let flag, flag <= 1 {
            invalid(object, "overAchievementFlag", expected: "a ratio above 1 (1.2) or null", found: flag.plainText)
        }
        let scale = rounding(object)
        let grades = gradeBands(object)
        let form = formColumns(object)
        guard let id, let title, let jurisdiction, let source, let budget, let indicators, let direction, let tiers,
              let scale, let grades else { return nil }
        var profile = RuleProfile(
            id: RuleProfileID(rawValue: id), title: title, jurisdiction: jurisdiction, year: year, source: source,
            notes: notes, budget: budget, indicators: indicators, direction: direction, reverseFormula: reverse,
            qualitativeTiers: tiers, achievementWords: WordList(Set(words).sorted()), overAchievementFlag: flag, roundingScale: scale,
            grades: grades)
        profile.form = form
        return profile
    }

    /// The form's columns (`form`: budgetHeading, budget, indicators, each column by the label the form prints);
    /// the Hubei form when absent.
    mutating func formColumns(_ parent: JSONObjectView) -> FormColumns {
        guard parent.member("form") != nil,
              let object = requiredObject(parent, "form", expected: "an object with budgetHeading, budget and indicators") else { return .hubei }
        checkKeys(object, known: ["budgetHeading", "budget", "indicators"], strict: true)
        let heading = text(object, "budgetHeading", required: true, expected: "the budget block's heading (项目资金（万元）)")
        let budget = stringList(object, "budget", required: true)
        let indicators = stringList(object, "indicators", required: true)
        guard let heading, let budget, let indicators else { return .hubei }
        guard let columns = FormColumns(budgetHeading: heading, budgetLabels: budget, indicatorLabels: indicators) else {
            invalid(object, "indicators",
                    expected: "labels the table reader knows, each once (一级指标, 二级指标, 三级指标 first; 分值, 年度指标值, 实际完成值, 得分, 偏差原因分析及改进措施; budget: 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分)",
                    found: (budget + indicators).joined(separator: ", "))
            return .hubei
        }
        return columns
    }

    mutating func sourceBlock(_ parent: JSONObjectView) -> RuleProfile.Source? {
        guard let object = requiredObject(parent, "source", expected: "an object with document, url and evidence") else { return nil }
        checkKeys(object, known: ["document", "url", "evidence"], strict: true)
        guard let document = text(object, "document", required: true, expected: "the document the rule is taken from")
        else { return nil }
        return RuleProfile.Source(document: document, url: string(object, "url"), evidence: string(object, "evidence"))
    }

    mutating func budgetRule(_ parent: JSONObjectView) -> RuleProfile.BudgetRule? {
        guard let object = requiredObject(parent, "budget", expected: "an object with weight and scoring") else { return nil }
        checkKeys(object, known: ["weight", "scoring", "steps"], strict: true)
        let weight = figure(object, "weight", required: true, expected: "the block's points as a number ≥ 0")
        let scoring = text(object, "scoring", required: true, expected: "proportional or steps")
        guard let weight, let scoring else { return nil }
        switch scoring {
        case "proportional":
            if object.member("steps") != nil {
                invalid(object, "steps", expected: "no steps with proportional scoring", found: "steps")
            }
            return RuleProfile.BudgetRule(weight: weight, scoring: .proportional)
        case "steps":
            guard let steps = stepTable(object, weight: weight) else { return nil }
            return RuleProfile.BudgetRule(weight: weight, scoring: .steps(steps))
        default:
            invalid(object, "scoring", expected: "proportional or steps", found: scoring)
            return nil
        }
    }

    mutating func stepTable(_ parent: JSONObjectView, weight: ExactDecimal) -> [RuleProfile.BudgetRule.Step]? {
        guard let member = required(parent, "steps", expected: "an array of {minimumRate, points}, highest rate first")
        else { return nil }
        let path = parent.path.appending("steps")
        guard case .array(let elements) = member.value, !elements.isEmpty else {
            problems.append(.wrongType(path, expected: "a non-empty array of {minimumRate, points}",
                                       found: member.value.kindDescription, location: location(member.offset)))
            return nil
        }
        var steps: [RuleProfile.BudgetRule.Step] = []
        for (index, element) in elements.enumerated() {
            guard let object = object(element, path: path.appending(index), offset: member.offset,
                                      expected: "an object with minimumRate and points") else { continue }
            checkKeys(object, known: ["minimumRate", "points"], strict: true)
            let rate = figure(object, "minimumRate", required: true, expected: "the lowest rate of the step, 0 to 1")
            let points = figure(object, "points", required: true, expected: "the step's points, at most the block's weight")
            guard let rate, let points else { continue }
            if let previous = steps.last, rate >= previous.minimumRate {
                invalid(object, "minimumRate", expected: "a rate below the previous step's \(previous.minimumRate.plainText)",
                        found: rate.plainText)
            }
            if points > weight {
                invalid(object, "points", expected: "at most the block's weight \(weight.plainText)", found: points.plainText)
            }
            steps.append(RuleProfile.BudgetRule.Step(minimumRate: rate, points: points))
        }
        if let last = steps.last, last.minimumRate != 0 {
            problems.append(.invalidValue(path, expected: "a last step with minimumRate 0, so that every rate has a step",
                                          found: "\(last.minimumRate.plainText)", location: location(member.offset)))
        }
        return steps.count == elements.count ? steps : nil
    }

    mutating func indicatorPoints(_ parent: JSONObjectView) -> RuleProfile.IndicatorPoints? {
        guard let object = requiredObject(parent, "indicators", expected: "an object with total, split and missingSatisfaction") else { return nil }
        checkKeys(object, known: ["total", "split", "missingSatisfaction"], strict: true)
        let total = figure(object, "total", required: true, expected: "the points of all indicators together")
        var missing = RuleProfile.IndicatorPoints.MissingSatisfaction.optional
        if let text = text(object, "missingSatisfaction", required: true, expected: "merge-into-benefit, optional or required") {
            if let parsed = RuleProfile.IndicatorPoints.MissingSatisfaction(rawValue: text) {
                missing = parsed
            } else {
                invalid(object, "missingSatisfaction", expected: "merge-into-benefit, optional or required", found: text)
            }
        }
        var split: [(category: IndicatorCategory, points: ExactDecimal)] = []
        if let splitMember = present(object, "split"),
           let splitObject = self.object(splitMember.value, path: object.path.appending("split"), offset: splitMember.offset,
                                         expected: "an object from first-level category to points, or null") {
            for entry in splitObject.members {
                let path = splitObject.path.appending(entry.key)
                guard let category = IndicatorCategory(parsing: entry.key), category.isStandard else {
                    problems.append(.invalidValue(path, expected: "成本指标, 产出指标, 效益指标 or 满意度指标",
                                                  found: "\"\(entry.key)\"", location: location(entry.offset)))
                    continue
                }
                if let points = decimal(entry.value, path: path, offset: entry.offset, expected: "the category's points") {
                    split.append((category, points))
                }
            }
            let sum = ExactDecimal.sum(split.map(\.points))
            if let total, !split.isEmpty, sum != total {
                problems.append(.invalidValue(object.path.appending("split"), expected: "points adding up to total \(total.plainText)",
                                              found: "a split adding up to \(sum?.plainText ?? "more than a decimal holds")", location: location(splitMember.offset)))
            }
        }
        if missing == .mergeIntoBenefit, !split.contains(where: { $0.category == .benefit })
            || !split.contains(where: { $0.category == .satisfaction }) {
            invalid(object, "missingSatisfaction", expected: "optional, unless the split gives 效益指标 and 满意度指标 points",
                    found: missing.rawValue)
        }
        guard let total else { return nil }
        return RuleProfile.IndicatorPoints(total: total, split: split, missingSatisfaction: missing)
    }

    mutating func directionRule(_ parent: JSONObjectView) -> RuleProfile.DirectionRule? {
        guard let object = requiredObject(parent, "direction", expected: "an object from notation to direction") else { return nil }
        let comparatorKeys: [(String, IndicatorValue.Comparator)] = [
            ("≥", .atLeast), (">", .greaterThan), ("=", .equal), ("≤", .atMost), ("<", .lessThan),
        ]
        checkKeys(object, known: comparatorKeys.map(\.0) + ["bare", "bareUnderCost", "bareZero"], strict: true)
        var rule = RuleProfile.DirectionRule()
        var complete = true
        for (key, comparator) in comparatorKeys {
            if let value = directionValue(object, key) {
                rule.comparators[comparator] = value
            } else {
                complete = false
            }
        }
        if let value = directionValue(object, "bare") { rule.bareTarget = value } else { complete = false }
        if let value = directionValue(object, "bareUnderCost") { rule.bareTargetUnderCost = value } else { complete = false }
        if let value = directionValue(object, "bareZero") { rule.bareZero = value } else { complete = false }
        return complete ? rule : nil
    }

    mutating func directionValue(_ object: JSONObjectView, _ key: String) -> Indicator.Direction? {
        guard let text = text(object, key, required: true, expected: "forward or reverse") else { return nil }
        guard let direction = Indicator.Direction(rawValue: text), direction == .forward || direction == .reverse else {
            invalid(object, key, expected: "forward or reverse", found: text)
            return nil
        }
        return direction
    }

    mutating func qualitativeTiers(_ parent: JSONObjectView) -> [RuleProfile.QualitativeTier]? {
        guard let member = required(parent, "qualitative", expected: "the three tiers 达成, 部分达成, 未达成, highest first")
        else { return nil }
        let path = parent.path.appending("qualitative")
        guard case .array(let elements) = member.value else {
            problems.append(.wrongType(path, expected: "an array of three tiers", found: member.value.kindDescription,
                                       location: location(member.offset)))
            return nil
        }
        var tiers: [RuleProfile.QualitativeTier] = []
        for (index, element) in elements.enumerated() {
            guard let object = object(element, path: path.appending(index), offset: member.offset,
                                      expected: "an object with judgement, from, to and toIncluded") else { continue }
            checkKeys(object, known: ["judgement", "from", "to", "toIncluded"], strict: true)
            let judgementText = text(object, "judgement", required: true, expected: "达成, 部分达成 or 未达成")
            let judgement = judgementText.flatMap(Indicator.Judgement.init(parsing:))
            if let judgementText, judgement == nil {
                invalid(object, "judgement", expected: "达成, 部分达成 or 未达成", found: judgementText)
            }
            let from = figure(object, "from", required: true, expected: "the lowest share of the points, 0 to 1")
            let to = figure(object, "to", required: true, expected: "the highest share of the points, 0 to 1")
            let included = boolean(object, "toIncluded")
            guard let judgement, let from, let to, let included else { continue }
            if to > 1 || from >= to {
                invalid(object, "to", expected: "a share above from (\(from.plainText)) and at most 1", found: to.plainText)
            }
            if let previous = tiers.last, previous.lower != to {
                invalid(object, "to", expected: "the previous tier's from (\(previous.lower.plainText)), so that the bands meet",
                        found: to.plainText)
            }
            tiers.append(RuleProfile.QualitativeTier(judgement: judgement, lower: from, upper: to, upperIncluded: included))
        }
        let order: [Indicator.Judgement] = [.achieved, .partial, .unachieved]
        if tiers.count == elements.count, tiers.map(\.judgement) != order || tiers.first?.upper != 1 || tiers.last?.lower != 0 {
            problems.append(.invalidValue(path, expected: "达成, 部分达成, 未达成 in that order, from 1 down to 0",
                                          found: tiers.map(\.judgement.rawValue).joined(separator: ", "),
                                          location: location(member.offset)))
        }
        return tiers.count == elements.count ? tiers : nil
    }

    mutating func rounding(_ parent: JSONObjectView) -> Int? {
        guard let object = requiredObject(parent, "rounding", expected: "an object with scale and mode") else { return nil }
        checkKeys(object, known: ["scale", "mode"], strict: true)
        let scale = integer(object, "scale", range: 0...6)
        if let mode = text(object, "mode", required: true, expected: "half-up"), mode != "half-up" {
            invalid(object, "mode", expected: "half-up (the only rounding the published tables use)", found: mode)
        }
        if scale == nil, object.member("scale") == nil {
            problems.append(.missingField(object.path.appending("scale"), expected: "decimal places, 0 to 6",
                                          location: location(object.offset)))
        }
        return scale
    }

    mutating func gradeBands(_ parent: JSONObjectView) -> [RuleProfile.GradeBand]? {
        guard let object = requiredObject(parent, "grades", expected: "an object from grade to its lowest total, highest first") else { return nil }
        var bands: [RuleProfile.GradeBand] = []
        for entry in object.members {
            let path = object.path.appending(entry.key)
            guard let minimum = decimal(entry.value, path: path, offset: entry.offset, expected: "the grade's lowest total")
            else { continue }
            if let previous = bands.last, minimum >= previous.minimum {
                problems.append(.invalidValue(path, expected: "a minimum below \(previous.grade)'s \(previous.minimum.plainText)",
                                              found: minimum.plainText, location: location(entry.offset)))
            }
            bands.append(RuleProfile.GradeBand(grade: entry.key, minimum: minimum))
        }
        if bands.last?.minimum != 0 {
            problems.append(.invalidValue(object.path, expected: "a lowest grade with minimum 0, so that every total has a grade",
                                          found: bands.last.map { "\($0.grade) from \($0.minimum.plainText)" } ?? "no grades",
                                          location: location(object.offset)))
        }
        return bands
    }

    mutating func stringList(_ object: JSONObjectView, _ key: String, required: Bool) -> [String]? {
        guard let member = present(object, key, missing: required ? "an array of strings" : nil) else { return nil }
        guard case .array(let elements) = member.value else {
            problems.append(.wrongType(object.path.appending(key), expected: "an array of strings",
                                       found: member.value.kindDescription, location: location(member.offset)))
            return nil
        }
        var strings: [String] = []
        for (index, element) in elements.enumerated() {
            guard case .string(let text) = element, !text.trimmingWhitespace.isEmpty else {
                problems.append(.wrongType(object.path.appending(key).appending(index), expected: "a non-empty string",
                                           found: element.kindDescription, location: location(member.offset)))
                continue
            }
            strings.append(text)
        }
        return strings
    }

    mutating func boolean(_ object: JSONObjectView, _ key: String) -> Bool? {
        guard let member = present(object, key, missing: "true or false") else { return nil }
        guard case .bool(let value) = member.value else {
            problems.append(.wrongType(object.path.appending(key), expected: "true or false",
                                       found: member.value.kindDescription, location: location(member.offset)))
            return nil
        }
        return value
    }
}
