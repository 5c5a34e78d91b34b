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
        // Each table is linted as it is read and let go of: what is kept of the tables before is what the copy check
        // needs of them, and, when the program takes the report as it comes (`io.writeReport`), nothing of their
        // reports.
        var report = ReportStream(to: io.writeReport)
        var session = Linter.Session(Linter())
        var json = JSONOutput.Document<Linter.Report>(files: files.count) { report, out in LintReport.write(report, into: &out) }
        var reported = 0
        for file in files {
            let readAll = input.forEachTable(of: file, requiresActuals: false, io: io) { table in
                guard let linted = LintTable(name: table.name, read: table.result, override: override) else {
                    io.message("\(table.name): rules: unknown rule profile \"\(table.result.evaluation.rules ?? RuleProfile.defaultID)\"")
                    status = .unusable
                    return
                }
                let findings = session.report(on: linted, readingFindings: table.result.warnings)
                if findings.hasErrors { status = max(status, .findings) }
                reported += 1
                if format == .json {
                    json.add(findings)
                    report.append(json.takeWritten())
                } else {
                    // A table of several in a file is named by its place (its lines in a disclosure's text, its index
                    // in an array, its sheet): its title says which project it is, where the place does not already.
                    let title = table.sheet.flatMap { label in table.result.evaluation.title.flatMap { $0 == label ? nil : $0 } }
                    report.append(LintReport.text(findings, places: table.result.places, title: title), separatedBy: "\n")
                }
            }
            if !readAll { status = .unusable }
        }
        if format == .json, reported > 0 { report.append(json.finish()) }
        return JobOutput(report.finish(), status: status)
    }
}
