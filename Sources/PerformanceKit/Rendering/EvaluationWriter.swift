/// Writes an ``Evaluation`` as a perfscore/1 file (FORMAT.md §1): what `perfscore convert` prints for a
/// spreadsheet table. Reading the output with ``EvaluationReader`` gives the same evaluation back; fields carried
/// as written (`source`, fields perfscore/1 does not define) are written back as they were.
///
/// A row of a target table that printed no points (a `no-weight` warning of the reading) is written without
/// `weight`: the model holds 0 for it so that every check still runs, but 0 is not what the table says, and a
/// `"weight": 0` written out would read back as a table that gave every row no points. Likewise a target table (no
/// row gives an actual) whose budget block is all zeros, as the model holds a block the table does not give, is
/// written without `budget` (FORMAT.md §6.1a lets a target table lack it); reading either back gives the same model.
package enum EvaluationWriter {
    /// The perfscore/1 text of an evaluation, keys in the order of FORMAT.md, indented by two spaces a level.
    package static func text(_ evaluation: Evaluation) -> String {
        text(EvaluationReader.Result(evaluation: evaluation, warnings: []))
    }

    /// The perfscore/1 text of what was read, rows the table gave no points without `weight`.
    package static func text(_ read: EvaluationReader.Result) -> String {
        var out = JSONOutput(indent: 2)
        write(read, into: &out)
        return out.text
    }

    /// Several tables read as one JSON array (what `perfscore extract` prints for a disclosure's tables).
    package static func array(_ reads: [EvaluationReader.Result]) -> String {
        var out = JSONOutput(indent: 2)
        out.beginArray()
        for read in reads { write(read, into: &out) }
        out.endArray()
        out.raw(0x0A)
        return out.text
    }

    /// The indices of the rows whose reading found no points (`no-weight` at `indicators[i].weight`).
    static func rowsWithoutPoints(_ read: EvaluationReader.Result) -> Set<Int> {
        var rows: Set<Int> = []
        for warning in read.warnings where warning.code == .noWeight {
            if let row = warning.path.indicatorIndex, warning.path == JSONPath.indicator(row).appending("weight") { rows.insert(row) }
        }
        return rows
    }

    static func write(_ read: EvaluationReader.Result, into out: inout JSONOutput) {
        write(read.evaluation, rowsWithoutPoints: rowsWithoutPoints(read), into: &out)
    }

    static func write(_ evaluation: Evaluation, rowsWithoutPoints: Set<Int>, into out: inout JSONOutput) {
        out.beginObject()
        out.key("format"); out.string(Evaluation.formatTag)
        if let title = evaluation.title { out.key("title"); out.string(title) }
        if let agency = evaluation.agency { out.key("agency"); out.string(agency) }
        if let year = evaluation.year { out.key("year"); out.number(year) }
        out.key("kind"); out.string(evaluation.kind.rawValue)
        if let rules = evaluation.rules { out.key("rules"); out.string(rules.rawValue) }
        if hasBudget(evaluation) { write(evaluation.budget, into: &out) }
        out.key("indicators")
        out.beginArray()
        for (index, indicator) in evaluation.indicators.enumerated() {
            write(indicator, hasPoints: !rowsWithoutPoints.contains(index), into: &out)
        }
        out.endArray()
        if let published = evaluation.published {
            out.key("published")
            out.beginObject()
            if let total = published.total { out.key("total"); out.number(total) }
            if let budget = published.budget { out.key("budget"); out.number(budget) }
            if !published.categories.isEmpty {
                out.key("categories")
                out.beginObject()
                for category in published.categories {
                    out.key(named: category.category.rawValue)
                    out.number(category.score)
                }
                out.endObject()
            }
            out.endObject()
        }
        if !evaluation.form.isEmpty {
            out.key("form")
            out.beginObject()
            for (key, value) in evaluation.form.fields { out.key(named: key); out.string(value) }
            out.endObject()
        }
        if let source = evaluation.source { out.key("source"); out.value(raw: source) }
        for member in evaluation.additionalFields {
            out.key(named: member.key)
            out.value(raw: member.value)
        }
        out.endObject()
    }

    /// Whether the evaluation gives a budget block: every self-evaluation does; a target table whose block is all
    /// zeros (what the model holds when the table gives none) does not.
    static func hasBudget(_ evaluation: Evaluation) -> Bool {
        let isTargetTable = evaluation.indicators.allSatisfy(\.givesNoActual)
        return !(isTargetTable && evaluation.budget == BudgetExecution(planned: .zero, executed: .zero))
    }

    static func write(_ budget: BudgetExecution, into out: inout JSONOutput) {
        out.key("budget")
        out.beginObject()
        out.key("planned"); out.number(budget.planned)
        out.key("executed"); out.number(budget.executed)
        if let initial = budget.initial { out.key("initial"); out.number(initial) }
        if let weight = budget.weight { out.key("weight"); out.number(weight) }
        if !budget.sources.isEmpty {
            out.key("sources")
            out.beginObject()
            for source in budget.sources {
                out.key(named: source.kind.rawValue)
                out.beginObject()
                if let initial = source.initial { out.key("initial"); out.number(initial) }
                if let planned = source.planned { out.key("planned"); out.number(planned) }
                if let executed = source.executed { out.key("executed"); out.number(executed) }
                out.endObject()
            }
            out.endObject()
        }
        out.endObject()
    }

    static func write(_ indicator: Indicator, hasPoints: Bool, into out: inout JSONOutput) {
        out.beginObject()
        out.key("category"); out.string(indicator.category.rawValue)
        if let subcategory = indicator.subcategory { out.key("subcategory"); out.string(subcategory.rawValue) }
        out.key("name"); out.string(indicator.name)
        if let unit = indicator.unit { out.key("unit"); out.string(unit) }
        if hasPoints { out.key("weight"); out.number(indicator.weight) }
        out.key("target"); out.string(indicator.target)
        if let actual = indicator.actual { out.key("actual"); out.string(actual) }
        if let direction = indicator.direction { out.key("direction"); out.string(direction.rawValue) }
        if let judgement = indicator.judgement { out.key("judgement"); out.string(judgement.rawValue) }
        if let score = indicator.score { out.key("score"); out.number(score) }
        if let deduction = indicator.deduction { out.key("deduction"); out.number(deduction) }
        if let reason = indicator.reason { out.key("reason"); out.string(reason) }
        if let basis = indicator.basis { out.key("basis"); out.string(basis) }
        if let published = indicator.published { out.key("published"); out.number(published) }
        for member in indicator.additionalFields {
            out.key(named: member.key)
            out.value(raw: member.value)
        }
        out.endObject()
    }
}
