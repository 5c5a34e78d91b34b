/// The result of FORMAT.md §4 as JSON: what `perfscore --format json` prints, and each line of `perfscore --jsonl`.
///
/// Written straight from the score card into bytes. Keys appear in the order of the format's example; scores and
/// weights are numbers with at most two decimals. Fields beyond the example (`agency`, `year`, `maximum`, `basis`,
/// `path`, …) are compatible extensions documented in `docs/FORMAT.md`.
package enum JSONReport {
    /// The result object of one score card, written into `out`.
    ///
    /// - Parameters:
    ///   - card: the scored evaluation.
    ///   - file: the path the evaluation was read from, as the user gave it (`-` for standard input); `nil` leaves
    ///     the key out.
    package static func write(_ card: ScoreCard, file: String?, into out: inout JSONOutput) {
        let evaluation = card.evaluation
        out.beginObject()
        out.key("format"); out.string("perfscore-result/1")
        if let file { out.key("file"); out.string(file) }
        if let title = evaluation.title { out.key("title"); out.string(title) }
        if let agency = evaluation.agency { out.key("agency"); out.string(agency) }
        if let year = evaluation.year { out.key("year"); out.number(year) }
        out.key("kind"); out.string(evaluation.kind.rawValue)
        out.key("rules"); out.string(card.profile.id.rawValue)
        out.key("total"); score(card.total, into: &out)
        out.key("maximum"); score(card.maximum, into: &out)
        out.key("grade")
        if let grade = card.grade { out.string(grade) } else { out.null() }
        out.key("budget"); budget(card.budget, into: &out)
        if let scale = card.indicatorScale {
            out.key("indicatorScale")
            if let shown = scale.rounded(scale: 12) { out.number(shown.normalized) } else { out.null() }
        }
        out.key("categories")
        out.beginArray()
        for category in card.categories {
            out.beginObject()
            out.key("category"); out.string(category.category.rawValue)
            out.key("weight"); score(category.weight, into: &out)
            out.key("score"); score(category.score, into: &out)
            out.endObject()
        }
        out.endArray()
        if !card.goals.isEmpty {
            out.key("goals")
            out.beginArray()
            for goal in card.goals {
                out.beginObject()
                out.key("name"); out.string(goal.name)
                out.key("ratio"); out.number(goal.ratio)
                out.key("weight"); score(goal.weight, into: &out)
                out.key("score"); score(goal.score, into: &out)
                out.key("weighted"); score(goal.weighted, into: &out)
                out.key("explanation"); out.string(explanation: goal.reasoning)
                out.endObject()
            }
            out.endArray()
        }
        out.key("indicators")
        out.beginArray()
        // By index: `for row in card.indicators` copies every row's score with its explanation.
        for index in card.indicators.indices { indicator(card.indicators[index], into: &out) }
        out.endArray()
        if let verification = card.verification {
            out.key("verification")
            self.verification(verification, into: &out)
        }
        out.key("diagnostics")
        out.beginArray()
        for diagnostic in card.diagnostics { self.diagnostic(diagnostic, into: &out) }
        out.endArray()
        out.endObject()
    }

    /// The result object of one score card as text, indented by two spaces a level.
    package static func text(_ card: ScoreCard, file: String?) -> String {
        var out = JSONOutput(indent: 2)
        write(card, file: file, into: &out)
        return out.text
    }

    /// What `perfscore verify --format json` prints for one file: `{ "file", "total", "verification" }`.
    package static func writeVerification(_ card: ScoreCard, file: String?, into out: inout JSONOutput) {
        out.beginObject()
        out.key("file")
        if let file { out.string(file) } else { out.null() }
        out.key("total"); score(card.total, into: &out)
        out.key("verification")
        if let verification = card.verification { self.verification(verification, into: &out) } else { out.null() }
        // Workbook cells read as blank (formulas saved without their values): figures not compared, so verify exits 1.
        let unread = card.unreadCells
        if !unread.isEmpty {
            out.key("unread")
            out.beginArray()
            for cell in unread { diagnostic(cell, into: &out) }
            out.endArray()
        }
        out.endObject()
    }

    static func budget(_ budget: ScoreCard.BudgetScore, into out: inout JSONOutput) {
        out.beginObject()
        out.key("weight"); score(budget.weight, into: &out)
        out.key("planned"); out.number(budget.planned)
        out.key("executed"); out.number(budget.executed)
        if let initial = budget.initial { out.key("initial"); out.number(initial) }
        out.key("rate")
        if let rate = budget.rate { out.number(rate) } else { out.null() }
        out.key("score"); score(budget.score, into: &out)
        out.key("explanation"); out.string(explanation: budget.reasoning)
        out.endObject()
    }

    static func indicator(_ row: borrowing IndicatorScore, into out: inout JSONOutput) {
        out.beginObject()
        out.key("path"); out.string(indicatorPath: row.index)
        // A standard name holds nothing to escape; a table's own name is escaped.
        let category = row.category
        out.key("category")
        if category.isStandard { out.string(plain: category.rawValue) } else { out.string(category.rawValue) }
        if let subcategory = row.subcategory {
            out.key("subcategory")
            if subcategory.standardIndex != nil { out.string(plain: subcategory.rawValue) } else { out.string(subcategory.rawValue) }
        }
        // The row's texts are written from their bytes in place.
        let indicator = row.indicator
        out.key("name"); indicator.withBytes(of: .name) { out.string(bytes: $0) }
        out.key("weight"); score(row.weight, into: &out)
        out.key("target"); indicator.withBytes(of: .target) { out.string(bytes: $0) }
        out.key("actual")
        if indicator.withBytes(of: .actual, { out.string(bytes: $0) }) == nil { out.null() }
        out.key("direction")
        if let direction = row.direction { out.string(plain: direction.rawValue) } else { out.null() }
        out.key("basis")
        if let basis = row.basis { out.string(plain: basis.rawValue) } else { out.null() }
        out.key("score"); score(row.score, into: &out)
        out.key("explanation"); out.string(explanation: row.reasoning)
        if let published = row.published { out.key("published"); score(published, into: &out) }
        out.endObject()
    }

    /// The `verification` object of the result.
    static func verification(_ verification: Verification, into out: inout JSONOutput) {
        out.beginObject()
        out.key("published"); score(verification.publishedTotal, into: &out)
        out.key("agrees"); out.bool(verification.agrees)
        out.key("tolerance"); out.number(verification.tolerance)
        out.key("compared"); out.number(verification.compared)
        out.key("agreeing"); out.number(verification.agreeing)
        out.key("differing"); out.number(verification.differing)
        out.key("notCompared"); out.number(verification.notComparedCount)
        out.key("differences")
        out.beginArray()
        for difference in verification.differences {
            out.beginObject()
            out.key("path"); out.string(difference.path.description)
            out.key("printed"); out.number(difference.printed)
            out.key("recomputed"); score(difference.recomputed, into: &out)
            out.key("kind"); out.string(difference.kind.rawValue)
            out.key("message"); out.string(difference.message)
            out.endObject()
        }
        out.endArray()
        out.endObject()
    }

    /// One diagnostic as `{ "code", "severity", "message", "path" }`.
    static func diagnostic(_ diagnostic: Diagnostic, into out: inout JSONOutput) {
        out.beginObject()
        out.key("code"); out.string(diagnostic.code.rawValue)
        out.key("severity"); out.string(diagnostic.severity.rawValue)
        out.key("message"); out.string(diagnostic.message)
        out.key("path"); out.string(diagnostic.path.description)
        out.endObject()
    }

    /// A score or weight as a JSON number with at most two decimals (rounded half-up), or null.
    static func score(_ value: ExactDecimal?, into out: inout JSONOutput) {
        if let value { out.number(RoundingRule(scale: 2).round(value)) } else { out.null() }
    }
}

extension JSONOutput {
    /// An explanation in words, as a string, put together straight into the output.
    mutating func string(explanation: Explanation) {
        let start = beginRenderedString()
        explanation.render(into: &buffer)
        endRenderedString(from: start)
    }

    /// The path of the row at `index` (`indicators[3]`), as a string, put together straight into the output.
    mutating func string(indicatorPath index: Int) {
        let start = beginRenderedString()
        JSONPath.appendIndicatorDescription(index, to: &buffer)
        endRenderedString(from: start)
    }
}
