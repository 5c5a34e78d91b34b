/// `perfscore convert FILE`: the perfscore/1 JSON of one spreadsheet table (or of a JSON file, normalised), one
/// table at a time: a workbook of several asks for `--sheet`.
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
        guard let tables = input.read(file, io: io) else { return .unusable }
        guard tables.count == 1, let table = tables.first else {
            let sheets = tables.compactMap(\.sheet)
            io.message("\(JobIO.displayName(file)): the workbook holds \(tables.count) tables (\(sheets.joined(separator: ", "))); convert one at a time with --sheet NAME")
            return .unusable
        }
        return JobOutput(.text(EvaluationWriter.text(table.result) + "\n"), status: .success)
    }
}
