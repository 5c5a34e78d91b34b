import Foundation

/// `perfscore convert FILE`: the perfscore/1 JSON of a spreadsheet's table (or of a JSON file, normalised); of several
/// tables (a workbook's sheets, tables stacked in one sheet or file, an array of evaluations), an array of them, or
/// one file per table for the folder `-o DIR/` names, as `extract` writes a disclosure's; `--sheet` picks one sheet.
/// A target table (绩效目标表), whose rows give no actual, converts as lint reads it (FORMAT.md §6.1a): without
/// actuals, budget block optional, rows that print no 分值 without `weight`.
package struct ConvertJob {
    /// The formats it prints, with what each holds (the subcommand's help lists them).
    package static let formats: [(format: OutputFormat, prints: String)] = [
        (.json, "the table as perfscore/1 JSON (docs/FORMAT.md §1); several as an array, or with -o DIR/ one file per table"),
    ]

    package var input: TableInput
    /// One file per table (named from its project) rather than one document.
    package var filesForFolder: Bool

    package init(input: TableInput, filesForFolder: Bool = false) {
        self.input = input
        self.filesForFolder = filesForFolder
    }

    package func run(_ files: [String], io: JobIO) -> JobOutput {
        guard files.count == 1, let file = files.first else {
            io.message("convert takes one file")
            return .unusable
        }
        // Target tables (绩效目标表: no row gives an actual, nor has a 实际完成值 column to give one in, and there need
        // be no budget block) convert as they are, as lint reads them; any other table must read as a
        // self-evaluation, and its problems are said as such (a self-evaluation form with its actuals left blank
        // among them).
        guard let bytes = io.bytes(of: file) else { return .unusable }
        var quiet = io
        quiet.message = { _ in }
        let tables: [TableInput.ReadTable]
        if let targets = input.read(bytes, of: file, requiresActuals: false, io: quiet), !targets.isEmpty,
           targets.allSatisfy(Self.isTargetTable) {
            tables = targets
            for table in targets { io.message("\(table.name): read as a target table (绩效目标表): no row gives an actual") }
        } else {
            guard let read = input.read(bytes, of: file, io: io) else { return .unusable }
            tables = read
        }
        // What reading found that the JSON cannot say (a formula saved without its value, a row without points), by
        // cell, on standard error: the JSON is still the table as read.
        for table in tables {
            for warning in table.result.warnings where warning.severity != .note {
                io.message("\(table.name): \(table.result.places.describe(warning))")
            }
        }
        if tables.count > 1 {
            // The first few named, so that the line stays a line for a batch of thousands.
            let named = tables.prefix(5).map { $0.sheet ?? $0.name }.joined(separator: ", ")
            let list = tables.count > 5 ? "\(named) and \(tables.count - 5) more" : named
            io.message("\(JobIO.displayName(file)): \(tables.count) tables (\(list)), "
                + (filesForFolder ? "a file each" : "an array of evaluations (-o DIR/ writes a file each)"))
        }
        guard filesForFolder else {
            let text = tables.count == 1 ? EvaluationWriter.text(tables[0].result) + "\n" : EvaluationWriter.array(tables.map(\.result))
            return JobOutput(.text(text), status: .success)
        }
        var names = TableFileNames()
        // An untitled table's name: its sheet or place, else the file's own name without its extension.
        let stem = ((JobIO.displayName(file) as NSString).lastPathComponent as NSString).deletingPathExtension
        let written = tables.map { table in
            (name: names.name(title: table.result.evaluation.title, otherwise: table.sheet ?? stem, place: table.sheet),
             bytes: Array((EvaluationWriter.text(table.result) + "\n").utf8))
        }
        return JobOutput(.files(written, what: "the table's JSON"), status: .success)
    }

    /// Whether a table read leniently is a target table: no row gives an actual, and the form has no column for one.
    static func isTargetTable(_ table: TableInput.ReadTable) -> Bool {
        table.result.evaluation.indicators.allSatisfy(\.givesNoActual)
            && table.result.places.cell(of: JSONPath.indicator(0).appending("actual"))?.column == nil
    }
}
