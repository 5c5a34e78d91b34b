import Foundation

/// The result of FORMAT.md §4 as JSON: what `perfscore --format json` prints.
///
/// Keys appear in the order of the format's example; scores and weights are numbers with at most two
/// decimals. Fields beyond the example (`agency`, `year`, `maximum`, `basis`, `path`, …) are compatible
/// extensions documented in `docs/FORMAT.md`.
public enum JSONReport {
    /// The result object for one score card.
    ///
    /// - Parameters:
    ///   - card: the scored evaluation.
    ///   - file: the path the evaluation was read from, as the user gave it (`-` for standard input).
    public static func value(for card: ScoreCard, file: String?) -> JSONValue {
        let evaluation = card.evaluation
        var members: [JSONValue.Member] = []
        func add(_ key: String, _ value: JSONValue?) {
            if let value { members.append(JSONValue.Member(key: key, value: value)) }
        }
        add("format", .string("perfscore-result/1"))
        add("file", file.map(JSONValue.string))
        add("title", evaluation.title.map(JSONValue.string))
        add("agency", evaluation.agency.map(JSONValue.string))
        add("year", evaluation.year.map { .number(String($0)) })
        add("kind", .string(evaluation.kind.rawValue))
        add("rules", .string(card.profile.id.rawValue))
        add("total", card.total.map(score) ?? .null)
        add("maximum", score(card.maximum))
        add("grade", card.grade.map(JSONValue.string) ?? .null)
        add("budget", budget(card.budget))
        if let scale = card.indicatorScale { add("indicatorScale", .number(scale.plainText)) }
        add("categories", .array(card.categories.map(category)))
        if !card.goals.isEmpty {
            add("goals", .array(card.goals.map { goal in
                .object([
                    .init(key: "name", value: .string(goal.name)),
                    .init(key: "ratio", value: .number(goal.ratio.plainText)),
                    .init(key: "weight", value: score(goal.weight)),
                    .init(key: "score", value: goal.score.map(score) ?? .null),
                    .init(key: "weighted", value: goal.weighted.map(score) ?? .null),
                    .init(key: "explanation", value: .string(goal.explanation)),
                ])
            }))
        }
        add("indicators", .array(card.indicators.map(indicator)))
        if let verification = card.verification { add("verification", self.verification(verification)) }
        add("diagnostics", .array(card.diagnostics.map(diagnostic)))
        return .object(members)
    }

    /// What `perfscore verify --format json` prints for one file: `{ "file", "total", "verification" }`.
    public static func verificationValue(for card: ScoreCard, file: String?) -> JSONValue {
        .object([
            .init(key: "file", value: file.map(JSONValue.string) ?? .null),
            .init(key: "total", value: card.total.map(score) ?? .null),
            .init(key: "verification", value: card.verification.map(verification) ?? .null),
        ])
    }

    static func budget(_ budget: ScoreCard.BudgetScore) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init(key: "weight", value: score(budget.weight)),
            .init(key: "planned", value: .number(budget.planned.plainText)),
            .init(key: "executed", value: .number(budget.executed.plainText)),
        ]
        if let initial = budget.initial { members.append(.init(key: "initial", value: .number(initial.plainText))) }
        members += [
            .init(key: "rate", value: budget.rate.map { .number(RoundingRule(scale: 4).round($0).plainText) } ?? .null),
            .init(key: "score", value: score(budget.score)),
            .init(key: "explanation", value: .string(budget.explanation)),
        ]
        return .object(members)
    }

    static func category(_ category: ScoreCard.CategoryScore) -> JSONValue {
        .object([
            .init(key: "category", value: .string(category.category.rawValue)),
            .init(key: "weight", value: score(category.weight)),
            .init(key: "score", value: category.score.map(score) ?? .null),
        ])
    }

    static func indicator(_ row: IndicatorScore) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init(key: "path", value: .string(row.path.description)),
            .init(key: "category", value: .string(row.category.rawValue)),
        ]
        if let subcategory = row.subcategory {
            members.append(.init(key: "subcategory", value: .string(subcategory.rawValue)))
        }
        members += [
            .init(key: "name", value: .string(row.name)),
            .init(key: "weight", value: score(row.weight)),
            .init(key: "target", value: .string(row.target)),
            .init(key: "actual", value: row.actual.map(JSONValue.string) ?? .null),
            .init(key: "direction", value: row.direction.map { .string($0.rawValue) } ?? .null),
            .init(key: "basis", value: row.basis.map { .string($0.rawValue) } ?? .null),
            .init(key: "score", value: row.score.map(score) ?? .null),
            .init(key: "explanation", value: .string(row.explanation)),
        ]
        if let published = row.published { members.append(.init(key: "published", value: score(published))) }
        return .object(members)
    }

    /// The `verification` object of the result.
    public static func verification(_ verification: Verification) -> JSONValue {
        .object([
            .init(key: "published", value: verification.publishedTotal.map(score) ?? .null),
            .init(key: "agrees", value: .bool(verification.agrees)),
            .init(key: "tolerance", value: .number(verification.tolerance.plainText)),
            .init(key: "compared", value: .number(String(verification.compared))),
            .init(key: "differences", value: .array(verification.differences.map { difference in
                .object([
                    .init(key: "path", value: .string(difference.path.description)),
                    .init(key: "printed", value: .number(difference.printed.plainText)),
                    .init(key: "recomputed", value: difference.recomputed.map(score) ?? .null),
                    .init(key: "kind", value: .string(difference.kind.rawValue)),
                    .init(key: "message", value: .string(difference.message)),
                ])
            })),
        ])
    }

    /// One diagnostic as `{ "code", "severity", "message", "path" }`.
    public static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            .init(key: "code", value: .string(diagnostic.code.rawValue)),
            .init(key: "severity", value: .string(diagnostic.severity.rawValue)),
            .init(key: "message", value: .string(diagnostic.message)),
            .init(key: "path", value: .string(diagnostic.path.description)),
        ])
    }

    /// A score or weight as a JSON number with at most two decimals.
    static func score(_ value: Decimal) -> JSONValue {
        .number(value.scoreText())
    }
}
