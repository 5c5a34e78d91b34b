import Foundation

/// Scores a line of the common shape straight from its bytes, or declines it.
///
/// Batch scoring spends most of its time, on the ordinary path, building a JSON tree, `String`s and `Decimal`s
/// that a well-formed line of the common shape does not need. The fast lane reads such a line in one pass
/// (``FastLineScanner``), scores it in exact fixed point (``FixedDecimal``) and writes the result's JSON bytes
/// directly, the same bytes ``JSONReport`` and ``JSONWriter`` write for it.
///
/// It is a shortcut, never a second opinion: whatever it does not read exactly as the ordinary path does, it
/// declines (`nil`), and ``BatchScorer`` then scores the line the ordinary way. It declines, among others: any
/// field beyond `format title agency year kind rules budget{planned executed weight} published{total budget
/// categories}` and `indicators[{category subcategory name weight target actual unit judgement published}]`;
/// escapes in strings; signed or exponent numbers, more than 4 decimals or 15 integer digits; non-standard
/// category names; notation beyond ``FastCell``; units that differ; a printed figure that differs from the
/// recomputed one (the ordinary ``Verifier`` explains the difference); and every line on which the ordinary scorer
/// would report a diagnostic other than those it writes itself (points not adding up, a budget block of other
/// points). Over-execution (executed > planned), judgements at the top of their band, categories off the
/// profile's split and actuals over its over-achievement flag are scored here, with the ordinary path's notes
/// and warnings. The tests hold it to
/// that: every example, every bad input and thousands of generated evaluations give the same bytes both ways, and
/// so does every input of the libFuzzer harness `Fuzz/FuzzFastLane.swift`.
struct FastLane: Sendable {
    /// The profiles a line's `rules` may name, each with its fast tables (`nil`: that profile is not mirrored).
    let catalog: [(id: [UInt8], rules: FastRules?)]
    /// The profile of a line that names none.
    let defaultRules: FastRules?
    /// Whether results carry explanations.
    let explains: Bool
    /// How far a printed figure may lie from the recomputed one and still agree (``Verifier/tolerance``).
    let tolerance: FixedDecimal?
    let vocabulary: FastVocabulary

    /// The fast lane of an evaluator, or `nil` when it overrides every file's rules (points are then rescaled,
    /// which only the ordinary path does).
    init?(evaluator: Evaluator, vocabulary: FastVocabulary = .shared) {
        guard evaluator.rules == nil else { return nil }
        var catalog: [(id: [UInt8], rules: FastRules?)] = []
        for profile in evaluator.catalog where !catalog.contains(where: { $0.id.elementsEqual(profile.id.rawValue.utf8) }) {
            catalog.append((Array(profile.id.rawValue.utf8), FastRules(profile, vocabulary: vocabulary)))
        }
        let fallback = evaluator.catalog.first { $0.id == RuleProfile.defaultID } ?? RuleProfile.builtIn(RuleProfile.defaultID)
        self.catalog = catalog
        defaultRules = fallback.flatMap { FastRules($0, vocabulary: vocabulary) }
        explains = evaluator.explains
        tolerance = FixedDecimal(exactly: evaluator.verifier.tolerance)
        self.vocabulary = vocabulary
    }

    /// Scratch space reused from line to line, so that a line costs no allocation once the first few are done.
    struct Workspace {
        var scanned = ScannedEvaluation()
        var rows: [RowResult] = []
        /// Explanations, written while the rows are scored.
        let text = ByteSink()
        /// The result being written.
        let result = ByteSink()
        var categories: [(category: Int, weight: FixedDecimal, cents: Int64)] = []
        /// Categories whose points differ from the profile's split: category, points, the split's points.
        var splitNotes: [(category: Int, points: FixedDecimal, expected: FixedDecimal)] = []

        init() {}
    }

    /// The verification of a table whose printed figures all agree (any difference sends the line to the ordinary
    /// path, which explains it).
    struct Agreement {
        var compared: Int
    }

    /// A scored line's figures, for the tally of a batch.
    struct Scored {
        var totalCents: Int64
        var grade: [UInt8]?
        var planned: FixedDecimal
    }

    /// Scores `line`, appending its result's JSON (one line, no newline) to `output` when `renders`; `nil` (and
    /// nothing appended) when the line needs the ordinary path.
    func score(_ line: UnsafeBufferPointer<UInt8>, in workspace: inout Workspace, renders: Bool,
               output: inout [UInt8]) -> Scored? {
        var scanner = FastLineScanner(line, vocabulary: vocabulary)
        guard scanner.scan(&workspace.scanned) else { return nil }
        let evaluation = workspace.scanned
        let rules: FastRules
        if let id = evaluation.rules {
            guard let entry = catalog.first(where: { line[id].elementsEqual($0.id) }), let found = entry.rules else { return nil }
            rules = found
        } else {
            guard let fallback = defaultRules else { return nil }
            rules = fallback
        }

        // Budget execution, proportional, at the profile's points (other points draw a warning: the ordinary path's).
        let budgetWeight = evaluation.budgetWeight ?? rules.budgetWeight
        guard budgetWeight == rules.budgetWeight, !evaluation.planned.isZero,
              let budgetRaw = FixedDecimal.roundedQuotient(budgetWeight, evaluation.executed, evaluation.planned, places: 2),
              let budgetFull = budgetWeight.cents,
              let rate = FixedDecimal.roundedQuotient(FixedDecimal(1), evaluation.executed, evaluation.planned, places: 4)
        else { return nil }
        // More executed than planned: the rate stands as it is, the score is capped at the block's points (and the
        // explanation may print the quotient to 4 places, which must not overflow once writing has begun).
        let overExecuted = evaluation.planned < evaluation.executed
        if overExecuted, FixedDecimal.roundedQuotient(budgetWeight, evaluation.executed, evaluation.planned, places: 4) == nil {
            return nil
        }
        let budgetCents = overExecuted ? budgetFull : budgetRaw

        workspace.rows.removeAll(keepingCapacity: true)
        workspace.text.removeAll()
        workspace.categories.removeAll(keepingCapacity: true)
        var presentMask = 0
        for row in evaluation.rows {
            guard let result = scoreRow(row, line, rules: rules, text: workspace.text) else { return nil }
            workspace.rows.append(result)
            if let position = workspace.categories.firstIndex(where: { $0.category == row.category }) {
                guard let weight = FixedDecimal.sum(workspace.categories[position].weight, row.weight) else { return nil }
                workspace.categories[position].weight = weight
                workspace.categories[position].cents += result.cents
            } else {
                workspace.categories.append((row.category, row.weight, result.cents))
                presentMask |= 1 << row.category
            }
        }

        // The points must add up to the profile's (else the ordinary path's warning); a category off the profile's
        // split gets the ordinary path's note.
        var points = FixedDecimal(0)
        for category in workspace.categories {
            guard let sum = FixedDecimal.sum(points, category.weight) else { return nil }
            points = sum
        }
        guard points == rules.indicatorWeight else { return nil }
        workspace.splitNotes.removeAll(keepingCapacity: true)
        for expected in rules.expectedSplits[presentMask] {
            let weight = workspace.categories.first { $0.category == expected.category }?.weight ?? FixedDecimal(0)
            if weight != expected.points { workspace.splitNotes.append((expected.category, weight, expected.points)) }
        }

        let total = workspace.categories.reduce(budgetCents) { $0 + $1.cents }
        let grade = rules.grade(ofCents: total)
        var agreement: Agreement?
        if evaluation.published != nil || evaluation.printsRows {
            guard let agreed = self.agreement(of: evaluation, workspace: workspace, budget: (budgetWeight, budgetCents),
                                         total: total) else { return nil }
            agreement = agreed
        }
        if renders {
            guard let maximum = FixedDecimal.sum(budgetWeight, points) else { return nil }
            workspace.result.removeAll()
            write(evaluation, line, rules: rules, workspace: workspace,
                  budget: (budgetWeight, rate, budgetCents, overExecuted ? budgetRaw : nil),
                  total: total, maximum: maximum, grade: grade, agreement: agreement, into: workspace.result)
            output.append(contentsOf: workspace.result.bytes)
        }
        return Scored(totalCents: total, grade: grade, planned: evaluation.planned)
    }

    /// Compares the printed figures as ``Verifier/verify(_:)`` does; `nil` at the first difference (or a figure the
    /// verifier would call out), so that only tables that agree throughout are verified here.
    ///
    /// ```
    /// row        0 ≤ printed ≤ points, |score − printed| ≤ tolerance
    /// budget     0 ≤ printed ≤ points, |score − printed| ≤ tolerance
    /// category   present; Σ printed rows (when all are printed) and the score both within tolerance
    /// total      Σ printed parts (budget and every category printed) and the total both within tolerance
    /// ```
    func agreement(of evaluation: ScannedEvaluation, workspace: Workspace, budget: (weight: FixedDecimal, cents: Int64),
                   total: Int64) -> Agreement? {
        guard let tolerance else { return nil }
        func close(_ recomputed: FixedDecimal, _ printed: FixedDecimal) -> Bool {
            let difference = recomputed < printed ? FixedDecimal.difference(printed, recomputed) : FixedDecimal.difference(recomputed, printed)
            return difference.map { $0 <= tolerance } ?? false
        }
        func cents(_ count: Int64) -> FixedDecimal { FixedDecimal(significand: count, scale: 2) }
        var compared = 0
        for (index, row) in evaluation.rows.enumerated() {
            guard let printed = row.published else { continue }
            compared += 1
            guard printed <= row.weight, close(cents(workspace.rows[index].cents), printed) else { return nil }
        }
        let published = evaluation.published ?? ScannedEvaluation.Published()
        if let printed = published.budget {
            compared += 1
            guard printed <= budget.weight, close(cents(budget.cents), printed) else { return nil }
        }
        for printed in published.categories {
            compared += 1
            guard let recomputed = workspace.categories.first(where: { $0.category == printed.category }) else { return nil }
            var printedRows: FixedDecimal? = FixedDecimal(0)
            for row in evaluation.rows where row.category == printed.category {
                printedRows = printedRows.flatMap { sum in row.published.flatMap { FixedDecimal.sum(sum, $0) } }
            }
            if let printedRows, !close(printedRows, printed.score) { return nil }
            guard close(cents(recomputed.cents), printed.score) else { return nil }
        }
        if let printed = published.total {
            compared += 1
            let partsPrinted = published.budget != nil && workspace.categories.allSatisfy { category in
                published.categories.contains { $0.category == category.category }
            }
            if partsPrinted {
                var sum = published.budget ?? FixedDecimal(0)
                for category in published.categories {
                    guard let next = FixedDecimal.sum(sum, category.score) else { return nil }
                    sum = next
                }
                guard close(sum, printed) else { return nil }
            }
            guard close(cents(total), printed) else { return nil }
        }
        return Agreement(compared: compared)
    }
}
