/// `perfscore lint FILE...`: every check on every table (target tables or evaluations, read leniently: a target
/// table has no actuals), and the tables against each other, as text or as JSON.
package struct LintJob {
    /// The formats it prints, its default first, with what each holds (the subcommand's help lists them).
    package static let formats: [(format: OutputFormat, prints: String)] = [
        (.text, "per table, its findings: severity, code, place and message"),
        (.json, "{ \"file\", \"errors\", \"warnings\", \"notes\", \"diagnostics\" } per file (docs/FORMAT.md §6.5a)"),
    ]

    /// The profile every table is checked under (`--rules`); each table's own when `nil`.
    package var override: RuleProfile?
    /// `text` or `json`.
    package var format: OutputFormat
    package var input: TableInput

    package init(override: RuleProfile?, format: OutputFormat, input: TableInput) {
        self.override = override
        self.format = format
        self.input = input
    }

    /// Lints the files: `findings` when a finding of error severity is found, `unusable` when a file cannot be read
    /// or names an unknown profile.
    package func run(_ files: [String], io: JobIO) -> JobOutput {
        var status = JobStatus.success
        var tables: [LintTable] = []
        var readingFindings: [String: [Diagnostic]] = [:]
        var places: [String: CellPlaces] = [:]
        // A table of several in a file is named by its place (its lines in a disclosure's text, its index in an array,
        // its sheet): its title says which project it is, where the place does not already.
        var titles: [String: String] = [:]
        for file in files {
            guard let read = input.read(file, requiresActuals: false, io: io) else {
                status = .unusable
                continue
            }
            for table in read {
                guard let linted = LintTable(name: table.name, read: table.result, override: override) else {
                    io.message("\(table.name): rules: unknown rule profile \"\(table.result.evaluation.rules ?? RuleProfile.defaultID)\"")
                    status = .unusable
                    continue
                }
                tables.append(linted)
                readingFindings[table.name] = table.result.warnings
                places[table.name] = table.result.places
                if let label = table.sheet, let title = table.result.evaluation.title, label != title {
                    titles[table.name] = title
                }
            }
        }
        let reports = Linter().lint(tables, readingFindings: readingFindings)
        if reports.contains(where: \.hasErrors) { status = max(status, .findings) }
        let text: String
        if format == .json {
            text = reports.isEmpty ? "" : JSONOutput.document(reports, files: files.count) { report, out in
                LintReport.write(report, into: &out)
            }
        } else {
            text = reports.map { LintReport.text($0, places: places[$0.name] ?? CellPlaces(), title: titles[$0.name]) }.joined(separator: "\n")
        }
        return JobOutput(text.isEmpty ? nil : .text(text), status: status)
    }
}
