/// One table scored: the name reports give it (`FILE`, `FILE[SHEET]`), its sheet, its card, and where its fields
/// stand in a spreadsheet (for messages that name a cell).
package struct ScoredTable: Sendable {
    package var name: String
    /// The workbook sheet it was read from (`自评表`, or `自评表 rows 7-12` for one of tables stacked in it), when the
    /// workbook holds several tables; `nil` for a table of a CSV file or a disclosure's text, whose rows or lines
    /// name no sheet (the xlsx report names its sheet after the project instead).
    package var sheet: String?
    package var card: ScoreCard
    package var places: CellPlaces

    /// The name a report gives the table read from `file`: its name, standard input named `-` as it was given (`-`,
    /// `-[line 3]`; messages call it `<stdin>`).
    package func label(readFrom file: String) -> String {
        file == "-" ? file + name.dropFirst(JobIO.displayName(file).count) : name
    }
}

extension Evaluator {
    /// Every table of one file scored (one, an array of them, a workbook's sheets, a disclosure's tables) and handed to
    /// `body` in turn, as it is scored: a job that lets go of each holds one table at a time, and JSON Lines are read
    /// a line at a time (``TableInput/forEachElement(_:name:requiresActuals:_:)``). `true` after saying why a table, or
    /// the file, could not be scored. A table with a row that cannot be scored (no readable value, judgement or score)
    /// is not scored at all: each such row is named with its place, and with the warnings on the same field, which
    /// say why.
    package func scoreTables(of file: String, input: TableInput, io: JobIO, _ body: (ScoredTable) -> Void) -> Bool {
        let name = JobIO.displayName(file)
        guard let opened = input.open(file, io: io) else { return true }
        var failed = false
        func add(_ card: ScoreCard, name: String, sheet: String? = nil, places: CellPlaces) {
            guard card.isComplete else {
                for diagnostic in card.errors {
                    io.message("\(name): \(places.describe(diagnostic.path)): \(diagnostic.message)")
                    for cause in card.causes(of: diagnostic) {
                        io.message("\(name): \(places.describe(cause.path)): \(cause.message)")
                    }
                }
                io.message("\(name): not scored: \(card.errors.count) row(s) need a readable value, a judgement or a score")
                failed = true
                return
            }
            body(ScoredTable(name: name, sheet: sheet, card: card, places: places))
        }
        do throws(Failure) {
            if case .whole(let bytes) = opened, let form = input.form(for: file, bytes: bytes) {
                guard let tables = input.readTables(bytes, name: name, form: form, io: io) else { return true }
                for table in tables {
                    add(try evaluate(table.result.evaluation, warnings: table.result.warnings), name: table.name,
                        sheet: Self.isWorkbook(form) ? table.sheet : nil, places: table.result.places)
                }
            } else {
                // An array of evaluations, or JSON Lines: each scored on its own, a broken one named and passed over.
                // A rule profile that is not known ends the file, as it ends a file of one evaluation.
                var stopped: Failure?
                let several: Bool
                do {
                    several = try TableInput.forEachElement(opened, name: name) { element, _, result in
                        guard stopped == nil else { return }
                        switch result {
                        case .success(let read):
                            do throws(Failure) {
                                add(try evaluate(read.evaluation, warnings: read.warnings), name: element, places: CellPlaces())
                            } catch {
                                stopped = error
                            }
                        case .failure(let error):
                            io.say(error.problems, file: element)
                            failed = true
                        }
                    }
                } catch {
                    throw .file(error)
                }
                if let stopped { throw stopped }
                if !several, case .whole(let bytes) = opened { add(try evaluate(bytes), name: name, places: CellPlaces()) }
            }
        } catch {
            switch error {
            case .file(let fileError): io.say(fileError.problems, file: name)
            case .unknownRules: io.message("\(name): \(error)")
            }
            return true
        }
        return failed
    }

    /// Whether tables of this form stand in a workbook's sheets.
    private static func isWorkbook(_ form: TableReader.Form) -> Bool {
        if case .workbook = form { return true }
        return false
    }
}
