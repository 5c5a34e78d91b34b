/// How a job reads its files: perfscore/1 JSON, a table saved from a spreadsheet, or the text of a disclosure,
/// told by `--input` or else by each file's extension; with `--sheet` and the budget figures a spreadsheet
/// table may lack (`--planned`, `--executed`).
package struct TableInput: Sendable {
    /// The forms a file may be read in (`--input`).
    package enum Kind: String, Sendable, CaseIterable {
        case json
        /// JSON Lines, one evaluation per line, as `.jsonl` and `.ndjson` files are read: standard input too.
        case jsonl
        case csv
        case tsv
        case xlsx
        /// The text of a published disclosure (决算 / 预算公开), as `.txt` files are read.
        case text
    }

    /// The form every file is read in; from each file's extension when `nil`.
    package var kind: Kind?
    /// The sheet of a workbook to read; every sheet holding a table when `nil`.
    package var sheet: String?
    /// Budget figures for a spreadsheet table that does not give them.
    package var defaults = TableReader.Defaults()

    package init(kind: Kind? = nil, sheet: String? = nil, defaults: TableReader.Defaults = TableReader.Defaults()) {
        self.kind = kind
        self.sheet = sheet
        self.defaults = defaults
    }

    /// How `file` holds its tables: `kind`, else its extension (`.csv`, `.tsv`, `.xlsx`, `.xlsm`, `.txt`, and
    /// `.pdf`, which the disclosure reader names for what it is; `.xls`, `.xlt`, `.et` and `.ett`, which the workbook
    /// reader names for what they are), else its first bytes (a ZIP archive or an OLE compound file is a workbook,
    /// whatever its name: an `.xlsx` renamed, or an `.xls` the reader names); `nil` for perfscore/1 JSON.
    package func form(for file: String, bytes: [UInt8]) -> TableReader.Form? {
        if kind == nil, Workbook.isZipArchive(bytes) || Workbook.isCompoundFile(bytes) { return .workbook(sheet: sheet) }
        return form(for: file)
    }

    /// How `file` holds its tables by `kind` or its extension alone.
    func form(for file: String) -> TableReader.Form? {
        let name = JobIO.displayName(file)
        switch kind {
        case .csv?: return .delimited(.comma)
        case .tsv?: return .delimited(.tab)
        case .xlsx?: return .workbook(sheet: sheet)
        case .text?: return .disclosure(file: name)
        case .json?, .jsonl?: return nil
        case nil:
            let lowered = file.lowercased()
            if lowered.hasSuffix(".csv") { return .delimited(.comma) }
            if lowered.hasSuffix(".tsv") { return .delimited(.tab) }
            if [".xlsx", ".xlsm", ".xls", ".xlt", ".et", ".ett"].contains(where: lowered.hasSuffix) { return .workbook(sheet: sheet) }
            if lowered.hasSuffix(".txt") || lowered.hasSuffix(".pdf") { return .disclosure(file: name) }
            return nil
        }
    }

    /// One table read: the name reports give it (`FILE`, `FILE[SHEET]`, `FILE[lines A-B]`, `FILE[0]`), what stands in
    /// its brackets when the file holds several (its sheet, its rows or lines, its index in an array), and what was
    /// read.
    package struct ReadTable {
        package var name: String
        /// Where in the file the table stands when the file holds several: a workbook's sheet, a disclosure's lines,
        /// rows of a CSV file, an element of an array, a line of JSON Lines.
        package var sheet: String?
        package var result: EvaluationReader.Result
        /// Whether ``sheet`` names a workbook's sheet (the xlsx report keeps it as the sheet's name).
        package var isWorkbookSheet = false
    }

    /// The tables of a spreadsheet or disclosure file; `nil` after saying each problem.
    package func readTables(_ bytes: [UInt8], name: String, form: TableReader.Form, requiresActuals: Bool = true,
                            io: JobIO) -> [ReadTable]? {
        if sheet != nil, case .delimited = form {
            io.message("\(name): --sheet picks a sheet of a workbook (.xlsx); this file is CSV or TSV")
            return nil
        }
        do {
            let tables = try TableReader(defaults: defaults, requiresActuals: requiresActuals).readTables(bytes, form: form)
            let workbook = if case .workbook = form { true } else { false }
            return tables.map { table in
                let sheet = tables.count > 1 ? table.sheet : nil
                return ReadTable(name: TableReader.tableName(name, sheet: sheet), sheet: sheet, result: table.result,
                                 isWorkbookSheet: workbook && sheet != nil)
            }
        } catch {
            for problem in error.problems { io.message("\(name): \(problem)") }
            return nil
        }
    }

    /// Every table of one file read (a JSON file's one evaluation or array of them, JSON Lines, a workbook's sheets, a
    /// disclosure's tables); `nil` after saying why the file, or a table of it, cannot be read.
    package func read(_ file: String, requiresActuals: Bool = true, io: JobIO) -> [ReadTable]? {
        guard let opened = open(file, io: io) else { return nil }
        return allTables(opened, of: file, requiresActuals: requiresActuals, io: io)
    }

    /// Each table of one file handed to `body` as it is read (JSON Lines a line at a time, ``open(_:io:)``), so that a
    /// job that lets go of each holds one at a time; `false` after saying why the file, or a table of it, cannot be
    /// read (the tables that could are handed over).
    package func forEachTable(of file: String, requiresActuals: Bool = true, io: JobIO, _ body: (ReadTable) -> Void) -> Bool {
        forEachTable(of: file, requiresActuals: requiresActuals, io: io) { table in
            body(table)
            return true
        }
    }

    /// ``forEachTable(of:requiresActuals:io:_:)-(_,_,_,(ReadTable)->Void)``, where `body` may end the file: once it
    /// returns `false`, no later table of the file is read or said to be broken.
    package func forEachTable(of file: String, requiresActuals: Bool = true, io: JobIO, _ body: (ReadTable) -> Bool) -> Bool {
        guard let opened = open(file, io: io) else { return false }
        return forEachTable(opened, of: file, requiresActuals: requiresActuals, io: io, body)
    }

    /// The tables of `file`'s bytes, read already (a job that reads them twice, two ways, reads the file once).
    package func read(_ bytes: [UInt8], of file: String, requiresActuals: Bool = true, io: JobIO) -> [ReadTable]? {
        let lines = readsJSONLines(file) && form(for: file, bytes: bytes) == nil
        return allTables(lines ? .lines(EvaluationReader.onePiece(bytes)) : .whole(bytes), of: file, requiresActuals: requiresActuals, io: io)
    }

    /// Every table of a file opened, or `nil` after saying why the file, or a table of it, cannot be read.
    private func allTables(_ opened: OpenedFile, of file: String, requiresActuals: Bool, io: JobIO) -> [ReadTable]? {
        var tables: [ReadTable] = []
        let readAll = forEachTable(opened, of: file, requiresActuals: requiresActuals, io: io) { table in
            tables.append(table)
            return true
        }
        return readAll ? tables : nil
    }

    /// The tables of a file opened, each handed to `body` until it returns `false`: a spreadsheet's or a disclosure's
    /// (``readTables(_:name:form:requiresActuals:io:)``), else the perfscore/1 evaluations; `false` after saying why
    /// one, or the file, cannot be read.
    private func forEachTable(_ opened: OpenedFile, of file: String, requiresActuals: Bool, io: JobIO, _ body: (ReadTable) -> Bool) -> Bool {
        let name = JobIO.displayName(file)
        if case .whole(let bytes) = opened, let form = form(for: file, bytes: bytes) {
            guard let tables = readTables(bytes, name: name, form: form, requiresActuals: requiresActuals, io: io) else { return false }
            for table in tables where !body(table) { break }
            return true
        }
        var readAll = true
        // Once `body` ends the file, the elements left are passed over unsaid.
        var ended = false
        do {
            let several = try Self.forEachElement(opened, name: name, requiresActuals: requiresActuals) { element, label, result in
                guard !ended else { return }
                switch result {
                case .success(let read): ended = !body(ReadTable(name: element, sheet: label, result: read))
                case .failure(let error):
                    io.say(error.problems, file: element)
                    readAll = false
                }
            }
            if !several, case .whole(let bytes) = opened {
                _ = body(ReadTable(name: name, result: try EvaluationReader(requiresActuals: requiresActuals).read(bytes)))
            }
            return readAll
        } catch {
            io.say(error.problems, file: name)
            return false
        }
    }

    /// A file as a job reads it: its bytes whole, or JSON Lines, a line at a time from the pieces it is read in, so
    /// that a batch of any size is read in bounded memory.
    package enum OpenedFile {
        /// Bytes read whole: a perfscore/1 file of one evaluation or an array of them, a spreadsheet, a text.
        case whole([UInt8])
        /// JSON Lines: the next piece at each call, empty at the end.
        case lines(() -> [UInt8])
    }

    /// Whether `file` is read as JSON Lines: by `--input jsonl`, else by its name (`.jsonl`, `.ndjson`) unless
    /// `--input` names another form.
    func readsJSONLines(_ file: String) -> Bool {
        kind == .jsonl || ((kind == nil || kind == .json) && Self.isJSONLines(file))
    }

    /// Opens `file` as its form asks: JSON Lines (``readsJSONLines(_:)``) in pieces when the program reads files so
    /// (``JobIO/pieces``), anything else whole; `nil` after saying why it cannot be read. A
    /// workbook named `.jsonl` (its first bytes tell) is read whole, as a workbook.
    package func open(_ file: String, io: JobIO) -> OpenedFile? {
        guard readsJSONLines(file) else { return io.bytes(of: file).map(OpenedFile.whole) }
        guard let pieces = io.pieces else { return io.bytes(of: file).map { .lines(EvaluationReader.onePiece($0)) } }
        let next: () -> [UInt8]
        switch pieces(file) {
        case .success(let opened): next = opened
        case .failure(let failure):
            io.sayCannotRead(file, failure)
            return nil
        }
        let first = next()
        guard kind == nil, Workbook.isZipArchive(first) || Workbook.isCompoundFile(first) else {
            var handedOver = false
            return .lines {
                guard handedOver else {
                    handedOver = true
                    return first
                }
                return next()
            }
        }
        // Read again whole, within the program's limit on a file read whole (the sniff is only for a path: standard
        // input is JSON Lines only when --input says so).
        return io.bytes(of: file).map(OpenedFile.whole)
    }

    /// Each evaluation of a JSON file that holds an array of them (``EvaluationReader/readArray(_:)``), or of JSON
    /// Lines (one per line, ``EvaluationReader/forEachLine(pieces:_:)``, a line at a time), handed to `body` in turn
    /// and named as reports name it: `FILE[0]`, `FILE[1]`, … by its index in the array, as paths count, `FILE[line 3]`
    /// by its line (the file's name alone when it holds one). A caller that lets go of each element holds one at a
    /// time, whatever the size of the file. `false`, and nothing handed over, for a file of one evaluation.
    package static func forEachElement(_ file: OpenedFile, name: String, requiresActuals: Bool = true,
                                       _ body: (_ name: String, _ label: String?, _ result: Result<EvaluationReader.Result, EvaluationFileError>) -> Void)
        throws(EvaluationFileError) -> Bool {
        let reader = EvaluationReader(requiresActuals: requiresActuals)
        func hand(_ label: String?, _ result: Result<EvaluationReader.Result, EvaluationFileError>) {
            body(TableReader.tableName(name, sheet: label), label, result)
        }
        let lines: () -> [UInt8]
        switch file {
        case .lines(let next): lines = next
        case .whole(let bytes):
            guard let elements = try reader.readArray(bytes) else { return false }
            for (offset, result) in elements.enumerated() { hand(elements.count > 1 ? "\(offset)" : nil, result) }
            return true
        }
        // The first line is held until a second comes: a file of one line is named as the file alone.
        var first: (line: Int, result: Result<EvaluationReader.Result, EvaluationFileError>)?
        var several = false
        reader.forEachLine(pieces: lines) { line, result in
            if !several {
                guard let held = first else {
                    first = (line, result)
                    return
                }
                several = true
                first = nil
                hand("line \(held.line)", held.result)
            }
            hand("line \(line)", result)
        }
        if let first {
            hand(nil, first.result)
        } else if !several {
            throw EvaluationFileError(problems: [.invalidValue(.root, expected: "one evaluation object per line (JSON Lines)",
                                                               found: "no line that is not blank", location: .unknown)])
        }
        return true
    }

    /// Whether a file is named as JSON Lines: `.jsonl` or `.ndjson`.
    static func isJSONLines(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson")
    }
}
