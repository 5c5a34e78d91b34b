/// `perfscore extract FILE.txt`: every table of a disclosure's text as perfscore/1 JSON, an array, or one file per
/// table for the folder `-o` names; what was found, and every line that fits no cell, said as messages. A table
/// that cannot be read is named with its lines and makes the status `unusable`.
package struct ExtractJob {
    /// The formats it prints, with what each holds (the subcommand's help lists them).
    package static let formats: [(format: OutputFormat, prints: String)] = [
        (.json, "the tables as perfscore/1 JSON, an array; with -o DIR/, one file per table (the folder made if missing)"),
    ]

    /// One file per table (named from its project) rather than one array.
    package var filesForFolder: Bool

    package init(filesForFolder: Bool = false) {
        self.filesForFolder = filesForFolder
    }

    package func run(_ files: [String], io: JobIO) -> JobOutput {
        guard files.count == 1, let file = files.first else {
            io.message("extract takes one file, the text of a disclosure")
            return .unusable
        }
        let name = JobIO.displayName(file)
        guard let bytes = io.bytes(of: file) else { return .unusable }
        let tables: [DisclosureReader.Table]
        do {
            tables = try DisclosureReader().read(bytes, file: name)
        } catch {
            for problem in error.problems { io.message("\(name): \(problem)") }
            return .unusable
        }
        guard !tables.isEmpty else {
            // A table saved from a spreadsheet as text, with tabs (which scoring and convert read as one): named so.
            let tabbed = (try? TableReader(requiresActuals: false).tabSeparatedText(bytes))?.isEmpty == false
            io.message("\(name): \(TableReader.noDisclosureTable)"
                + (tabbed ? "; the file is a table saved as text with tabs between cells: perfscore convert \(name) writes its JSON" : ""))
            return .unusable
        }
        var read: [(table: DisclosureReader.Table, result: EvaluationReader.Result)] = []
        var failed = false
        for table in tables {
            let label = TableReader.tableName(name, sheet: table.label)
            switch table.result {
            case .success(let result):
                // What the reading could not place; the findings of lint (no points on a target table) are lint's.
                for warning in result.warnings where warning.code == .unplacedText {
                    io.message("\(label): \(warning.message)")
                }
                read.append((table, result))
            case .failure(let error):
                failed = true
                for problem in error.problems { io.message("\(label): \(problem)") }
            }
        }
        let counts = Dictionary(grouping: tables, by: \.form).sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.value.count) \($0.key.rawValue)" }.joined(separator: ", ")
        io.message("\(name): \(tables.count) table(s) found (\(counts)); \(read.count) read")
        let status: JobStatus = failed ? .unusable : .success
        guard filesForFolder else { return JobOutput(.text(EvaluationWriter.array(read.map(\.result))), status: status) }
        var names = TableFileNames()
        let written = read.map { table, result in
            (name: names.name(title: result.evaluation.title, otherwise: table.form.rawValue, place: "\(table.lines.lowerBound)"),
             bytes: Array((EvaluationWriter.text(result) + "\n").utf8))
        }
        return JobOutput(.files(written, what: "the table's JSON"), status: status)
    }
}
