import Foundation

/// Writes an ``Evaluation`` as a perfscore/1 file (FORMAT.md §1): what `perfscore convert` prints for a
/// spreadsheet table. Reading the output with ``EvaluationReader`` gives the same evaluation back.
public enum EvaluationWriter {
    /// The perfscore/1 object of an evaluation, keys in the order of FORMAT.md.
    public static func value(for evaluation: Evaluation) -> JSONValue {
        var members: [JSONValue.Member] = []
        func add(_ key: String, _ value: JSONValue?) {
            if let value { members.append(.init(key: key, value: value)) }
        }
        add("format", .string(Evaluation.formatTag))
        add("title", evaluation.title.map(JSONValue.string))
        add("agency", evaluation.agency.map(JSONValue.string))
        add("year", evaluation.year.map { .number(String($0)) })
        add("kind", .string(evaluation.kind.rawValue))
        add("rules", evaluation.rules.map { .string($0.rawValue) })
        var budget: [JSONValue.Member] = [
            .init(key: "planned", value: number(evaluation.budget.planned)),
            .init(key: "executed", value: number(evaluation.budget.executed)),
        ]
        if let initial = evaluation.budget.initial { budget.append(.init(key: "initial", value: number(initial))) }
        if let weight = evaluation.budget.weight { budget.append(.init(key: "weight", value: number(weight))) }
        add("budget", .object(budget))
        add("indicators", .array(evaluation.indicators.map(indicator)))
        if let published = evaluation.published {
            var figures: [JSONValue.Member] = []
            if let total = published.total { figures.append(.init(key: "total", value: number(total))) }
            if let budget = published.budget { figures.append(.init(key: "budget", value: number(budget))) }
            if !published.categories.isEmpty {
                figures.append(.init(key: "categories", value: .object(published.categories.map {
                    .init(key: $0.category.rawValue, value: number($0.score))
                })))
            }
            add("published", .object(figures))
        }
        add("source", evaluation.source)
        return .object(members + evaluation.additionalFields)
    }

    static func indicator(_ indicator: Indicator) -> JSONValue {
        var members: [JSONValue.Member] = []
        func add(_ key: String, _ value: JSONValue?) {
            if let value { members.append(.init(key: key, value: value)) }
        }
        add("category", .string(indicator.category.rawValue))
        add("subcategory", indicator.subcategory.map { .string($0.rawValue) })
        add("name", .string(indicator.name))
        add("unit", indicator.unit.map(JSONValue.string))
        add("weight", number(indicator.weight))
        add("target", .string(indicator.target))
        add("actual", indicator.actual.map(JSONValue.string))
        add("direction", indicator.direction.map { .string($0.rawValue) })
        add("judgement", indicator.judgement.map { .string($0.rawValue) })
        add("score", indicator.score.map(number))
        add("deduction", indicator.deduction.map(number))
        add("reason", indicator.reason.map(JSONValue.string))
        add("basis", indicator.basis.map(JSONValue.string))
        add("published", indicator.published.map(number))
        return .object(members + indicator.additionalFields)
    }

    static func number(_ value: Decimal) -> JSONValue {
        .number(value.plainText)
    }
}
