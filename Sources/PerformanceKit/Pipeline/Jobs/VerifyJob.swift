/// `perfscore verify FILE...`: every printed figure of every table recomputed and compared, with the kind of each
/// difference (arithmetic, rule, judgement), as text or as JSON.
package struct VerifyJob {
    /// The formats it prints, its default first, with what each holds (the subcommand's help lists them).
    package static let formats: [(format: OutputFormat, prints: String)] = [
        (.text, "per file, whether every printed figure agrees, and each difference: kind, path, message"),
        (.json, "{ \"file\", \"total\", \"verification\" } per file (docs/FORMAT.md §6.5a)"),
    ]

    package var evaluator: Evaluator
    /// `text` or `json`.
    package var format: OutputFormat
    package var input: TableInput

    package init(evaluator: Evaluator, format: OutputFormat, input: TableInput) {
        self.evaluator = evaluator
        self.format = format
        self.input = input
    }

    /// Verifies the files: `findings` when a printed figure differs or a workbook's cell holds a formula saved
    /// without its value (listed, `unread`), `unusable` when a file could not be scored.
    package func run(_ files: [String], io: JobIO) -> JobOutput {
        var status = JobStatus.success
        // Each table is written as it is verified and its card let go of: a file of thousands of tables holds one at
        // a time, and, when the program takes the report as it comes (`io.writeReport`), one table's report.
        var report = ReportStream(to: io.writeReport)
        var json = JSONOutput.Document<(card: ScoreCard, file: String)>(files: files.count) { result, out in
            JSONReport.writeVerification(result.card, file: result.file, into: &out)
        }
        var results = 0
        for file in files {
            let failed = evaluator.scoreTables(of: file, input: input, io: io) { table in
                if !table.card.printedFiguresAgree { status = max(status, .findings) }
                let label = table.label(readFrom: file)
                if format == .json {
                    json.add((table.card, label))
                    results += 1
                    report.append(json.takeWritten())
                } else {
                    report.append(VerificationReport.text(table.card.verification, file: label)
                        + table.card.unreadCells.map { "  unread \(table.places.describe($0.path)): \($0.message)\n" }.joined())
                }
            }
            if failed { status = max(status, .unusable) }
        }
        if results > 0 { report.append(json.finish()) }
        return JobOutput(report.finish(), status: status)
    }
}
