/// `perfscore summary DIR|FILE...`: every evaluation under the folders and files given scored and rolled up, per
/// unit and overall. Target tables (no actuals) are left out with a note; a file that cannot be read is named
/// and makes the status `unusable`; a disagreement with a printed figure makes it `findings`.
package struct SummaryJob {
    /// The formats it prints, its default first, with what each holds (the subcommand's help lists them).
    package static let formats: [(format: OutputFormat, prints: String)] = [
        (.text, "the roll-up per unit and overall, the disagreements, the indicators that lost most"),
        (.json, "the same as JSON"),
        (.markdown, "the same as tables to paste into a document"),
        (.csv, "one row per unit under the overall row, for a spreadsheet"),
        (.html, "one page; with -o FOLDER/, index.html and a page per table, linked from it"),
    ]

    package var evaluator: Evaluator
    /// `text`, `json`, `markdown`, `csv` or `html`.
    package var format: OutputFormat
    package var input: TableInput
    /// With `html`: the roll-up as `index.html` with each table's page beside it, linked, for the folder `-o`
    /// names; one page on its own otherwise.
    package var pagesForFolder: Bool

    package init(evaluator: Evaluator, format: OutputFormat, input: TableInput, pagesForFolder: Bool = false) {
        self.evaluator = evaluator
        self.format = format
        self.input = input
        self.pagesForFolder = pagesForFolder
    }

    package func run(_ arguments: [String], io: JobIO) -> JobOutput {
        var files: [String] = []
        var skipped: [(file: String, reason: String)] = []
        for argument in arguments {
            guard let listed = io.listFolder(argument) else {
                files.append(argument)
                continue
            }
            // A folder's text files may be notes as well as disclosures: listed as left out, never read unasked.
            for file in listed {
                if file.lowercased().hasSuffix(".txt") {
                    skipped.append((file, "a text file in a folder, not read: name it to read a disclosure's tables (perfscore summary FILE.txt)"))
                } else {
                    files.append(file)
                }
            }
        }
        var status = JobStatus.success
        // Each table is counted as it is scored and let go of: a roll-up of any number of tables holds one at a time,
        // and its page for -o FOLDER/ is written as it is made when the program takes it so (`io.writeFile`).
        var tally = RollUp.Tally()
        var names = RollUpPage.PageNames()
        var pages: [String: String] = [:]
        var held: [(name: String, bytes: [UInt8])] = []
        /// A page that could not be written stops the pages (said by `writeFile`); the roll-up is not written.
        var pageFailed = false
        func write(_ name: String, _ bytes: [UInt8]) {
            guard !pageFailed else { return }
            if let writeFile = io.writeFile { pageFailed = !writeFile(name, bytes, "the page") } else { held.append((name, bytes)) }
        }
        for (position, file) in files.enumerated() {
            if files.count > 1 { io.progress?(position, files.count) }
            guard let opened = input.open(file, io: io) else {
                status = .unusable
                continue
            }
            let form: TableReader.Form?
            if case .whole(let bytes) = opened { form = input.form(for: file, bytes: bytes) } else { form = nil }
            evaluator.rollUpEntries(opened, name: file, form: form) { entry in
                switch entry {
                case .scored(let name, let card, let cells):
                    tally.add(card, file: name)
                    if format == .html, pagesForFolder {
                        let page = names.name(for: name)
                        pages[name] = page
                        write(page, Array(HTMLReport.render(card, places: cells).utf8))
                    }
                case .targetTable(let name): skipped.append((name, "a target table (no actuals): see perfscore lint"))
                case .failed(let name, let reason):
                    skipped.append((name, reason))
                    status = .unusable
                }
            }
        }
        let rollUp = tally.rollUp
        if !rollUp.disagreements.isEmpty { status = max(status, .findings) }
        let text: String
        switch format {
        case .json:
            text = JSONOutput.document([rollUp], files: 1) { rollUp, out in
                SummaryReport.write(rollUp, skipped: skipped, into: &out)
            }
        case .markdown: text = SummaryReport.markdown(rollUp, skipped: skipped)
        case .csv: text = SummaryReport.csv(rollUp)
        case .html where pagesForFolder:
            write("index.html", Array(RollUpPage.render(rollUp, skipped: skipped, pages: pages).utf8))
            if pageFailed { return .unusable }
            return JobOutput(io.writeFile == nil ? .files(held, what: "the page") : .written, status: status)
        case .html: text = RollUpPage.render(rollUp, skipped: skipped)
        case .text, .xlsx: text = SummaryReport.text(rollUp, skipped: skipped)
        }
        return JobOutput(.text(text), status: status)
    }
}
