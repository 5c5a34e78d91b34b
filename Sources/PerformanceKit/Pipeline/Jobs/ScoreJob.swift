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
        // thousands of tables holds one card at a time, and, when the program takes the report as it comes
        // (`io.writeReport`), one table's report.
        var report = ReportStream(to: io.writeReport)
        var json = JSONOutput.Document<(card: ScoreCard, file: String)>(files: files.count) { result, out in
            JSONReport.write(result.card, file: result.file, into: &out)
        }
        var results = 0
        // A workbook's sheets are laid out as their tables come, and the tables let go of; the sheets wait where the
        // program sets them aside (a temporary file), else in memory.
        func cannotWriteWorkbook(_ error: any Error) -> JobOutput {
            io.message("cannot write the workbook: \(error)")
            return .unusable
        }
        var workbook = XLSXReport.Writer()
        if format == .xlsx, let setAside = io.setAside {
            do {
                workbook = XLSXReport.Writer(settingAside: try setAside())
            } catch {
                return cannotWriteWorkbook(error)
            }
        }
        var workbookIsFull = false
        var setAsideFailure: (any Error)?
        for file in files {
            // A page is one table's: the tables of the file are counted before any is written, the first one kept.
            var page: ScoredTable?
            var tables = 0
            let failed = evaluator.scoreTables(of: file, input: input, io: io) { table in
                let card = table.card
                if !card.printedFiguresAgree || !card.errors.isEmpty { status = max(status, .findings) }
                let label = table.label(readFrom: file)
                // Text tables and Markdown are separated by a blank line; CSV has one byte-order mark, at the start.
                switch format {
                case .text:
                    var text = TextReport(explainAll: explainAll)
                    text.places = table.places
                    report.append(text.render(card, file: label), separatedBy: "\n")
                case .json:
                    json.add((card, label))
                    results += 1
                    report.append(json.takeWritten())
                case .markdown: report.append(MarkdownReport.render(card, places: table.places), separatedBy: "\n")
                case .csv: report.append(CSVReport.render(card, byteOrderMark: report.isEmpty))
                case .html:
                    if tables == 0 { page = table }
                    tables += 1
                case .xlsx:
                    guard !workbookIsFull, setAsideFailure == nil else { return }
                    do {
                        workbookIsFull = try !workbook.add(card, name: table.sheet)
                    } catch {
                        setAsideFailure = error
                    }
                }
            }
            if failed { status = max(status, .unusable) }
            if tables > 1 {
                io.message("\(JobIO.displayName(file)): the file holds \(tables) tables and --format html makes one page of one table: "
                    + "pick a workbook's sheet with --sheet, or write a page per table with perfscore summary --format html -o DIR/")
                return .unusable
            }
            if let page { report.append(HTMLReport.render(page.card, places: page.places)) }
        }
        if format == .xlsx {
            if let setAsideFailure { return cannotWriteWorkbook(setAsideFailure) }
            if workbookIsFull {
                let limit = workbook.sheetCount == XLSXReport.mostSheets
                    ? "more than \(XLSXReport.mostSheets) tables, and a workbook holds at most \(XLSXReport.mostSheets) sheets (a ZIP archive at most 65535 parts)"
                    : "the workbook would be larger than 4 GiB after \(workbook.sheetCount) sheets, more than a ZIP archive holds"
                io.message(limit + ": write them with --format json or csv, or score fewer tables at a time")
                return .unusable
            }
            // One workbook, a sheet per table; nothing is written over a good one when no table could be scored.
            guard workbook.sheetCount > 0 else { return JobOutput(nil, status: status) }
            do {
                guard let write = io.writeReportBytes else { return JobOutput(.workbook(try workbook.finish()), status: status) }
                try workbook.finish(into: write)
                return JobOutput(.written, status: status)
            } catch {
                return cannotWriteWorkbook(error)
            }
        }
        if results > 0 { report.append(json.finish()) }
        return JobOutput(report.finish(), status: status)
    }
}
