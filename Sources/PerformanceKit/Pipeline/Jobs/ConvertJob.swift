/// `perfscore convert FILE`: the perfscore/1 JSON of one spreadsheet table (or of a JSON file, normalised), one
/// table at a time: a workbook of several asks for `--sheet`. A target table (绩效目标表), whose rows give no
/// actual, converts as lint reads it (FORMAT.md §6.1a): without actuals, budget block optional, rows that print no
/// 分值 without `weight`.
package struct ConvertJob {
    /// The formats it prints, with what each holds (the subcommand's help lists them).
    package static let formats: [(format: OutputFormat, prints: String)] = [
        (.json, "the table as a perfscore/1 evaluation file (docs/FORMAT.md §1)"),
    ]

    package var input: TableInput

    package init(input: TableInput) {
        self.input = input
    }

    package func run(_ files: [String], io: JobIO) -> JobOutput {
        guard files.count == 1, let file = files.first else {
            io.message("convert takes one file")
            return .unusable
        }
        // A target table (绩效目标表: no row gives an actual, nor has a 实际完成值 column to give one in, and there need
        // be no budget block) converts as it is, as lint reads it; any other table must read as a self-evaluation,
        // and its problems are said as such (a self-evaluation form with its actuals left blank among them).
        guard let bytes = io.bytes(of: file) else { return .unusable }
        var quiet = io
        quiet.message = { _ in }
        let tables: [TableInput.ReadTable]
        if let targets = input.read(bytes, of: file, requiresActuals: false, io: quiet), targets.count == 1,
           targets[0].result.evaluation.indicators.allSatisfy(\.givesNoActual),
           targets[0].result.places.cell(of: JSONPath.indicator(0).appending("actual"))?.column == nil {
            tables = targets
            io.message("\(targets[0].name): read as a target table (绩效目标表): no row gives an actual")
        } else {
            guard let read = input.read(bytes, of: file, io: io) else { return .unusable }
            tables = read
        }
        guard tables.count == 1, let table = tables.first else {
            let sheets = tables.compactMap(\.sheet)
            // Tables stacked in one sheet or file are named by their rows, which --sheet cannot pick apart.
            let stacked = input.sheet != nil || sheets.contains { $0.hasPrefix("rows ") || $0.contains(" rows ") }
            var holder = "file"
            if case .workbook = input.form(for: file, bytes: bytes) { holder = "workbook" }
            io.message("\(JobIO.displayName(file)): the \(holder) holds \(tables.count) tables (\(sheets.joined(separator: ", "))); "
                + (stacked ? "convert reads one table: save each in a sheet or file of its own (scoring, verify, lint and summary read them as they stand)"
                           : "convert one at a time with --sheet NAME"))
            return .unusable
        }
        // What reading found that the JSON cannot say (a formula saved without its value, a row without points), by
        // cell, on standard error: the JSON is still the table as read.
        for warning in table.result.warnings where warning.severity != .note {
            io.message("\(table.name): \(table.result.places.describe(warning))")
        }
        return JobOutput(.text(EvaluationWriter.text(table.result) + "\n"), status: .success)
    }
}
