/// `perfscore FILE...`: every table of every file scored and reported in one format: text tables, a JSON result
/// (an array when several files are given), Markdown, CSV (one byte-order mark), one HTML page of one table, or
/// one workbook with a sheet per table.
package struct ScoreJob {
    package var evaluator: Evaluator
    package var format: OutputFormat
    package var input: TableInput
    /// Explain every score, not only those that lost points (text).
    package var explainAll: Bool

    package init(evaluator: Evaluator, format: OutputFormat, input: TableInput, explainAll: Bool = false) {
        self.evaluator = evaluator
        self.format = format
        self.input = input
        self.explainAll = explainAll
    }

    /// Scores the files. The status is `findings` when a printed figure disagrees, a table has error findings or a
    /// workbook cell held a formula saved without its value (a figure not compared),
    /// `unusable` when a file or a table could not be scored; the report is `nil` when no table was scored.
    package func run(_ files: [String], io: JobIO) -> JobOutput {
        if format == .html, files.count > 1 {
            io.message("--format html makes one page of one file; give one file (or one -o per run)")
            return .unusable
        }
        var status = JobStatus.success
        // Each table is written as it is scored and its card let go of (a workbook's sheets excepted): a file of
        // thousands of tables holds one card at a time, and its report.
        var json = JSONOutput.Document<(card: ScoreCard, file: String)>(files: files.count) { result, out in
            JSONReport.write(result.card, file: result.file, into: &out)
        }
        var results = 0
        var reports: [String] = []
        var sheets: [(name: String?, card: ScoreCard)] = []
        for file in files {
            // A page is one table's: the tables of the file are counted before any is written.
            var pages: [ScoredTable] = []
            let failed = evaluator.scoreTables(of: file, input: input, io: io) { table in
                let card = table.card
                if !card.printedFiguresAgree || !card.errors.isEmpty { status = max(status, .findings) }
                let label = table.label(readFrom: file)
                switch format {
                case .text:
                    var report = TextReport(explainAll: explainAll)
                    report.places = table.places
                    reports.append(report.render(card, file: label))
                case .json:
                    json.add((card, label))
                    results += 1
                case .markdown: reports.append(MarkdownReport.render(card, places: table.places))
                case .csv: reports.append(CSVReport.render(card, byteOrderMark: reports.isEmpty))
                case .html: pages.append(table)
                case .xlsx: sheets.append((table.sheet, card))
                }
            }
            if failed { status = max(status, .unusable) }
            if pages.count > 1 {
                io.message("\(JobIO.displayName(file)): the file holds \(pages.count) tables and --format html makes one page of one table: "
                    + "pick a workbook's sheet with --sheet, or write a page per table with perfscore summary --format html -o DIR/")
                return .unusable
            }
            reports += pages.map { HTMLReport.render($0.card, places: $0.places) }
        }
        if format == .xlsx {
            guard sheets.count <= XLSXReport.mostSheets else {
                io.message("\(sheets.count) tables, and a workbook holds at most \(XLSXReport.mostSheets) sheets (a ZIP archive at most 65535 parts): "
                    + "write them with --format json or csv, or score fewer tables at a time")
                return .unusable
            }
            // One workbook, a sheet per table; nothing is written over a good one when no table could be scored.
            return JobOutput(sheets.isEmpty ? nil : .workbook(XLSXReport.render(sheets)), status: status)
        }
        let text = format == .json ? (results == 0 ? "" : json.finish()) : reports.joined(separator: format == .csv ? "" : "\n")
        return JobOutput(text.isEmpty ? nil : .text(text), status: status)
    }
}
