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
        var results: [(card: ScoreCard, file: String)] = []
        var text = ""
        for file in files {
            let (scored, failed) = evaluator.scoreTables(of: file, input: input, io: io)
            if failed { status = max(status, .unusable) }
            for table in scored {
                let verification = table.card.verification
                if !table.card.printedFiguresAgree { status = max(status, .findings) }
                let label = file == "-" ? file : table.name
                if format == .json {
                    results.append((table.card, label))
                } else {
                    text += VerificationReport.text(verification, file: label)
                    text += table.card.unreadCells.map { "  unread \(table.places.describe($0.path)): \($0.message)\n" }.joined()
                }
            }
        }
        if format == .json, !results.isEmpty {
            text = JSONOutput.document(results, files: files.count) { result, out in
                JSONReport.writeVerification(result.card, file: result.file, into: &out)
            }
        }
        return JobOutput(text.isEmpty ? nil : .text(text), status: status)
    }
}
