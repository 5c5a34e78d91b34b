/// What one table of a roll-up (`perfscore summary`) comes to: scored, a target table left out (it has no actuals;
/// lint is its check), or not scored and why.
package enum RollUpEntry: Sendable {
    /// Scored, with where its fields stand when it was read from a spreadsheet (for its page's 提示).
    case scored(name: String, card: ScoreCard, places: CellPlaces)
    /// Rows without actuals: a 绩效目标表, left out of the roll-up.
    case targetTable(name: String)
    /// A table or file that cannot be read or scored, and why in words.
    case failed(name: String, reason: String)
}

extension Evaluator {
    /// The tables of one file scored for a roll-up, each named as reports name it (`FILE`, `FILE[SHEET]`,
    /// `FILE[lines A-B]`) and handed to `body` in turn: a spreadsheet's or a disclosure's tables when `form` says how
    /// the file holds them (read once, leniently, so that a target table is told from an evaluation), else the
    /// perfscore/1 file (each element of an array of evaluations or line of JSON Lines, read so too, as `FILE[0]` or
    /// `FILE[line 3]`, a line at a time). A JSON file that fails the ordinary reading is read again leniently only to
    /// tell a target table from a broken file.
    package func rollUpEntries(_ file: TableInput.OpenedFile, name: String, form: TableReader.Form?, _ body: (RollUpEntry) -> Void) {
        func entry(_ result: EvaluationReader.Result, named name: String) -> RollUpEntry {
            if result.evaluation.indicators.contains(where: \.givesNoActual) { return .targetTable(name: name) }
            // Read leniently, as a target table may be, a self-evaluation can lack its budget block or rows' points,
            // which the reading put in as 0: no rule scores a table on them (scoring it alone refuses it).
            let pointsMissing = result.warnings.filter { $0.code == .noWeight }.map { result.places.describe($0.path) }
            if result.budgetAssumed || !pointsMissing.isEmpty {
                var missing: [String] = []
                if result.budgetAssumed { missing.append("no budget block (预算数 and 执行数)") }
                if !pointsMissing.isEmpty {
                    missing.append("no points (分值) on " + (pointsMissing.count == 1 ? pointsMissing[0]
                        : "\(pointsMissing.count) rows: " + pointsMissing.joined(separator: ", ")))
                }
                return .failed(name: name, reason: "not scored: " + missing.joined(separator: "; ")
                    + "; a self-evaluation is scored only with its budget block and points on every row")
            }
            do {
                let card = try evaluate(result.evaluation, warnings: result.warnings)
                guard card.isComplete else { return .failed(name: name, reason: Self.whyNotScored(card, places: result.places)) }
                return .scored(name: name, card: card, places: result.places)
            } catch {
                return .failed(name: name, reason: "cannot be read: \(error)")
            }
        }
        if case .whole(let bytes) = file, let form {
            do {
                let tables = try TableReader(requiresActuals: false).readTables(bytes, form: form)
                for table in tables { body(entry(table.result, named: TableReader.tableName(name, sheet: tables.count > 1 ? table.sheet : nil))) }
            } catch {
                body(.failed(name: name, reason: "cannot be read: \(error)"))
            }
            return
        }
        // An array of evaluations, or JSON Lines: each element or line a table, read leniently as a spreadsheet's are.
        do {
            let several = try TableInput.forEachElement(file, name: name, requiresActuals: false) { element, _, result in
                switch result {
                case .success(let read): body(entry(read, named: element))
                case .failure(let error): body(.failed(name: element, reason: "cannot be read: \(error)"))
                }
            }
            if several { return }
        } catch {
            body(.failed(name: name, reason: "cannot be read: \(error)"))
            return
        }
        guard case .whole(let bytes) = file else { return }
        do {
            let card = try evaluate(bytes)
            guard card.isComplete else { return body(.failed(name: name, reason: Self.whyNotScored(card, places: CellPlaces()))) }
            body(.scored(name: name, card: card, places: CellPlaces()))
        } catch {
            if let table = try? EvaluationReader(requiresActuals: false).read(bytes).evaluation,
               table.indicators.contains(where: \.givesNoActual) {
                return body(.targetTable(name: name))
            }
            body(.failed(name: name, reason: "cannot be read: \(error)"))
        }
    }

    /// `not scored: 自评表!E21 (indicators[3].target): the target is empty; … (the cell holds the formula =10 …)`: the
    /// first error, at its cell in a spreadsheet, with the warnings on its field that say why.
    static func whyNotScored(_ card: ScoreCard, places: CellPlaces) -> String {
        guard let error = card.errors.first else { return "not scored" }
        let causes = card.causes(of: error).map { " (\($0.message))" }.joined()
        return "not scored: \(places.describe(error.path)): \(error.message)\(causes)"
    }
}
