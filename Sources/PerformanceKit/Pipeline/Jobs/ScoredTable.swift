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
}

extension Evaluator {
    /// Every table of one file scored (one, an array of them, a workbook's sheets, a disclosure's tables); `failed` after
    /// saying why a table, or the file, could not be scored. A table with a row that cannot be scored (no readable
    /// value, judgement or score) is not scored at all: each such row is named with its place, and with the warnings
    /// on the same field, which say why.
    package func scoreTables(of file: String, input: TableInput, io: JobIO) -> (tables: [ScoredTable], failed: Bool) {
        let name = JobIO.displayName(file)
        guard let bytes = io.bytes(of: file) else { return ([], true) }
        var scored: [ScoredTable] = []
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
            scored.append(ScoredTable(name: name, sheet: sheet, card: card, places: places))
        }
        do {
            if let form = input.form(for: file, bytes: bytes) {
                guard let tables = input.readTables(bytes, name: name, form: form, io: io) else { return ([], true) }
                for table in tables {
                    add(try evaluate(table.result.evaluation, warnings: table.result.warnings), name: table.name,
                        sheet: Self.isWorkbook(form) ? table.sheet : nil, places: table.result.places)
                }
            } else if let elements = try Self.elements(bytes, name: name) {
                // An array of evaluations, or JSON Lines: each scored on its own, a broken one named and passed over.
                for element in elements {
                    switch element.result {
                    case .success(let read): add(try evaluate(read.evaluation, warnings: read.warnings), name: element.name, places: CellPlaces())
                    case .failure(let error):
                        io.say(error.problems, file: element.name)
                        failed = true
                    }
                }
            } else {
                add(try evaluate(bytes), name: name, places: CellPlaces())
            }
        } catch {
            switch error {
            case .file(let fileError): io.say(fileError.problems, file: name)
            case .unknownRules: io.message("\(name): \(error)")
            }
            return (scored, true)
        }
        return (scored, failed)
    }

    /// Whether tables of this form stand in a workbook's sheets.
    private static func isWorkbook(_ form: TableReader.Form) -> Bool {
        if case .workbook = form { return true }
        return false
    }

    /// ``TableInput/elements(_:name:requiresActuals:)``, failing as reading one evaluation fails.
    private static func elements(_ bytes: [UInt8], name: String) throws(Failure)
        -> [(name: String, label: String?, result: Result<EvaluationReader.Result, EvaluationFileError>)]? {
        do {
            return try TableInput.elements(bytes, name: name)
        } catch {
            throw .file(error)
        }
    }
}
