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
        var failed = false
        let readAll = input.forEachTable(of: file, io: io) { table -> Bool in
            let card: ScoreCard
            do {
                card = try evaluate(table.result.evaluation, warnings: table.result.warnings)
            } catch {
                // A rule profile that is not known ends the file, as it ends a file of one evaluation.
                io.message("\(JobIO.displayName(file)): \(error)")
                failed = true
                return false
            }
            guard card.isComplete else {
                for diagnostic in card.errors {
                    io.message("\(table.name): \(table.result.places.describe(diagnostic.path)): \(diagnostic.message)")
                    for cause in card.causes(of: diagnostic) {
                        io.message("\(table.name): \(table.result.places.describe(cause.path)): \(cause.message)")
                    }
                }
                io.message("\(table.name): not scored: \(card.errors.count) row(s) need a readable value, a judgement or a score")
                failed = true
                return true
            }
            body(ScoredTable(name: table.name, sheet: table.isWorkbookSheet ? table.sheet : nil, card: card, places: table.result.places))
            return true
        }
        return failed || !readAll
    }
}
