import PerformanceKit
import Foundation

/// Runs a command against an environment: one library call per file, rendering, and the exit status.
///
/// The environment is injected so that tests run the whole command without a process.
struct CommandRunner {
    /// What the command may touch.
    struct Environment {
        var readFile: (String) throws -> [UInt8]
        var readStandardInput: () throws -> [UInt8]
        /// The `.json`, `.csv`, `.tsv` and `.xlsx` files under a directory, sorted, or `nil` when the path is not a
        /// directory. Excel's lock files (`~$book.xlsx`, left while a workbook is open) are not tables.
        var listDirectory: (String) -> [String]? = { path in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
                  let enumerator = FileManager.default.enumerator(atPath: path) else { return nil }
            var files: [String] = []
            while let entry = enumerator.nextObject() as? String {
                // Hidden folders (.build, .git) hold build output, not evaluations.
                let hidden = entry.split(separator: "/").contains { $0.hasPrefix(".") || $0.hasPrefix("~$") }
                let lowered = entry.lowercased()
                let isTable = [".json", ".csv", ".tsv", ".xlsx", ".xlsm"].contains { lowered.hasSuffix($0) }
                if isTable, !hidden { files.append((path as NSString).appendingPathComponent(entry)) }
            }
            return files.sorted()
        }
        var writeOutput: (String) -> Void
        var writeError: (String) -> Void
        /// Writes bytes to standard output; `nil` sends them through ``writeOutput`` as text.
        var writeOutputBytes: (([UInt8]) -> Void)? = nil
        /// Writes bytes to a path atomically (a temporary file in the same folder, renamed into place).
        var writeFileAtomically: (String, [UInt8]) throws -> Void = { path, bytes in
            let url = URL(fileURLWithPath: path)
            let folder = url.deletingLastPathComponent().path
            guard let status = CommandRunner.fileStatus(folder), status.st_mode & S_IFMT == S_IFDIR else {
                throw MissingFolder(folder: folder)
            }
            let temporary = url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            do {
                try Data(bytes).write(to: temporary)
            } catch {
                // A write that failed midway (no space, a size limit) leaves no temporary file, and the old report.
                try? FileManager.default.removeItem(at: temporary)
                throw error
            }
            guard rename(temporary.path, url.path) == 0 else {
                let code = errno
                try? FileManager.default.removeItem(at: temporary)
                throw ChunkReader.OpenFailure(code: code)
            }
        }
        /// Whether long work shows a progress line on standard error (only when it is a terminal).
        var showsProgress = false
        /// Whether standard output is a terminal too: results printed there as they come leave no room for a
        /// progress line.
        var outputIsTerminal = false
        /// The process's environment variables (`NO_COLOR`).
        var variables: [String: String] = ProcessInfo.processInfo.environment
        /// The size in bytes of a file, for the progress line's time left; `nil` for standard input or when unknown.
        var fileSize: (String) -> Int? = { path in
            path == "-" ? nil : CommandRunner.fileStatus(path).map { Int($0.st_size) }
        }
        /// The device and inode of an existing path, to tell when `-o` names an input.
        var fileIdentity: (String) -> OutputGuard.FileIdentity? = OutputGuard.identityOnDisk
        /// A file (or `-`) opened for reading in chunks: each call gives the next chunk, empty at the end.
        var openChunks: (String) throws -> () -> [UInt8] = { path in
            let reader = try ChunkReader(path: path)
            return { reader.next() }
        }

        /// The real files, standard input, standard output and standard error.
        static var process: Environment {
            Environment(
                readFile: { path in
                    guard let status = CommandRunner.fileStatus(path) else { throw ChunkReader.OpenFailure(code: errno) }
                    guard status.st_mode & S_IFMT != S_IFDIR else { throw ChunkReader.OpenFailure(code: EISDIR) }
                    let size = Int(status.st_size)
                    guard size <= CommandRunner.largestFile else { throw FileTooLarge(size: size) }
                    return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
                },
                readStandardInput: {
                    // The same limit as files: read at most one byte more than it allows.
                    var bytes: [UInt8] = []
                    let reader = try ChunkReader(path: "-")
                    while case let chunk = reader.next(), !chunk.isEmpty {
                        bytes += chunk
                        guard bytes.count <= CommandRunner.largestFile else { throw FileTooLarge(size: bytes.count, isStandardInput: true) }
                    }
                    return bytes
                },
                writeOutput: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
                writeError: { text in FileHandle.standardError.write(Data(text.utf8)) },
                writeOutputBytes: { bytes in CommandRunner.writeAll(bytes, to: STDOUT_FILENO) },
                showsProgress: isatty(STDERR_FILENO) == 1, outputIsTerminal: isatty(STDOUT_FILENO) == 1)
        }
    }

    /// What `stat(2)` says of a path (links followed), or `nil` with `errno` set.
    static func fileStatus(_ path: String) -> stat? {
        var status = stat()
        return stat(path, &status) == 0 ? status : nil
    }

    /// Writes all of `bytes` to a file descriptor, however many calls it takes; stops at an error (a closed pipe).
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    /// Files larger than this are refused with a message rather than read into memory.
    static let largestFile = 64 << 20

    struct FileTooLarge: Error, CustomStringConvertible {
        var size: Int
        var isStandardInput = false
        var description: String {
            isStandardInput
                ? "standard input holds more than \(CommandRunner.largestFile) bytes; perfscore reads at most that much (use --jsonl for a long batch)"
                : "the file is \(size) bytes; perfscore reads files of at most \(CommandRunner.largestFile) bytes"
        }
    }

    var environment: Environment

    /// Runs the arguments (without the program name) and returns the exit status.
    func run(_ arguments: [String]) -> ExitStatus {
        let command: Command
        do {
            command = try Command.parse(arguments)
        } catch {
            environment.writeError("perfscore: \(error.message)\nUsage: perfscore [options] FILE...  (see perfscore --help)\n")
            return .unusable
        }
        if let refusal = outputRefusal(command) {
            environment.writeError("perfscore: \(refusal)\n")
            return .unusable
        }
        if case .score(let options) = command, options.jsonLines {
            // JSON Lines are never coloured.
        } else if let options = command.options, options.outputPath == nil, options.format == .text,
                  Colouring.isOn(options.color, outputIsTerminal: environment.outputIsTerminal, environment: environment.variables) {
            var coloured = environment
            let write = environment.writeOutput
            coloured.writeOutput = { write(Colouring.apply($0)) }
            return CommandRunner(environment: coloured).run(command: command)
        }
        return run(command: command)
    }

    /// Runs a parsed command.
    func run(command: Command) -> ExitStatus {
        switch command {
        case .help(let subcommand):
            environment.writeOutput(Usage.help(for: subcommand) + "\n")
            return .success
        case .completionScript(let shell):
            environment.writeOutput(CompletionScript(shell: shell).text)
            return .success
        case .version:
            environment.writeOutput(Usage.version + "\n")
            return .success
        case .score(let options):
            return score(options)
        case .verify(let options):
            return writingReport(options) { $0.verify(options) }
        case .lint(let options):
            return writingReport(options) { $0.lint(options) }
        case .summary(let options):
            // A roll-up page with its tables' pages goes to a folder, file by file.
            if options.format == .html, options.outputPath.flatMap(pageFolder) != nil { return summary(options) }
            return writingReport(options) { $0.summary(options) }
        case .convert(let options):
            return convert(options)
        case .extract(let options):
            return extract(options)
        case .template(let options):
            return template(options)
        case .rules(let which):
            return showRules(which)
        }
    }

    /// `perfscore template`: the blank form of `--rules` (wuhan-2023 by default), as a workbook or CSV.
    func template(_ options: Command.ScoreOptions) -> ExitStatus {
        var profile = RuleProfile.wuhan2023
        if let which = options.rules {
            guard let chosen = loadProfile(which, option: "--rules") else { return .unusable }
            profile = chosen
        }
        if options.format == .csv { return emit(FormTemplate.csv(for: profile, year: options.year), options: options) }
        return emit(bytes: FormTemplate.workbook(for: profile, year: options.year), options: options)
    }

    /// Why the command's `-o` cannot be used (it names one of the inputs), or `nil`.
    func outputRefusal(_ command: Command) -> String? {
        guard let options = command.options, let output = options.outputPath else { return nil }
        let guardian = OutputGuard(identity: environment.fileIdentity, listDirectory: environment.listDirectory)
        guard let input = guardian.inputNamed(by: output, inputs: options.files) else { return nil }
        return "-o \(output) names the input \(input): the report would be written over it; choose another path (nothing was read or written)"
    }

    /// Runs a job that prints its report, sending the report to `-o` when given (atomically, through ``emit``); a
    /// job that printed nothing writes nothing over an earlier report.
    func writingReport(_ options: Command.ScoreOptions, _ job: (CommandRunner) -> ExitStatus) -> ExitStatus {
        guard options.outputPath != nil else { return job(self) }
        final class Buffer: @unchecked Sendable { var text = "" }
        let buffer = Buffer()
        var buffered = environment
        buffered.writeOutput = { buffer.text += $0 }
        buffered.writeOutputBytes = nil
        let status = job(CommandRunner(environment: buffered))
        guard !buffer.text.isEmpty else { return status }
        return max(status, emit(buffer.text, options: options))
    }

    /// What `--rules` asks for.
    enum ProfileRequest {
        /// No `--rules`: each file's own.
        case filesOwn
        case profile(RuleProfile)
        /// A profile that cannot be used; the reason has been written.
        case unusable
    }

    func requestedProfile(_ options: Command.ScoreOptions) -> ProfileRequest {
        guard let which = options.rules else { return .filesOwn }
        return loadProfile(which, option: "--rules").map(ProfileRequest.profile) ?? .unusable
    }

    /// The evaluator the options ask for, or `nil` after saying why the profile cannot be used.
    func evaluator(_ options: Command.ScoreOptions) -> Evaluator? {
        switch requestedProfile(options) {
        case .filesOwn: return Evaluator(tolerance: options.tolerance)
        case .profile(let profile): return Evaluator(rules: profile, tolerance: options.tolerance)
        case .unusable: return nil
        }
    }

    func score(_ options: Command.ScoreOptions) -> ExitStatus {
        guard let evaluator = evaluator(options) else { return .unusable }
        if options.jsonLines {
            return JSONLinesRun(environment: environment, evaluator: evaluator, summaryOnly: options.summaryOnly || options.readOnly,
                                readOnly: options.readOnly).run(options.files)
        }
        if options.format == .html, options.files.count > 1 {
            environment.writeError("perfscore: --format html makes one page of one file; give one file (or one -o per run)\n")
            return .unusable
        }
        var status = ExitStatus.success
        var results: [(card: ScoreCard, file: String)] = []
        var reports: [String] = []
        var sheets: [(name: String?, card: ScoreCard)] = []
        for file in options.files {
            let (scored, failed) = scoreFile(file, evaluator: evaluator, options: options)
            if failed { status = max(status, .unusable) }
            if options.format == .html, scored.count > 1 {
                environment.writeError("perfscore: \(Self.displayName(file)): --format html makes one page of one table; pick a sheet with --sheet\n")
                return .unusable
            }
            for table in scored {
                let card = table.card
                if card.verification?.agrees == false || !card.errors.isEmpty { status = max(status, .findings) }
                let label = file == "-" ? file : table.name
                switch options.format {
                case .text:
                    var report = TextReport(explainAll: options.explainAll)
                    report.places = table.places
                    reports.append(report.render(card, file: label))
                case .json: results.append((card, label))
                case .markdown: reports.append(MarkdownReport.render(card))
                case .csv: reports.append(CSVReport.render(card, byteOrderMark: reports.isEmpty))
                case .html: reports.append(HTMLReport.render(card))
                case .xlsx: sheets.append((table.sheet, card))
                }
            }
        }
        if options.format == .xlsx {
            // One workbook, a sheet per table; nothing is written over a good one when no table could be scored.
            guard !sheets.isEmpty else { return status }
            return max(status, emit(bytes: XLSXReport.render(sheets), options: options))
        }
        var text = reports.joined(separator: options.format == .csv ? "" : "\n")
        if options.format == .json, !results.isEmpty {
            text = JSONOutput.document(results, files: options.files.count) { result, out in
                JSONReport.write(result.card, file: result.file, into: &out)
            }
        }
        // Nothing is written over a good report when no file could be scored.
        guard !text.isEmpty || options.outputPath == nil else { return status }
        return max(status, emit(text, options: options))
    }

    /// `perfscore verify`: every printed figure recomputed and compared, with the kind of each difference.
    func verify(_ options: Command.ScoreOptions) -> ExitStatus {
        guard let evaluator = evaluator(options) else { return .unusable }
        var status = ExitStatus.success
        var results: [(card: ScoreCard, file: String)] = []
        for file in options.files {
            let (scored, failed) = scoreFile(file, evaluator: evaluator, options: options)
            if failed { status = max(status, .unusable) }
            for table in scored {
                let verification = table.card.verification
                if verification?.agrees == false { status = max(status, .findings) }
                let label = file == "-" ? file : table.name
                if options.format == .json {
                    results.append((table.card, label))
                } else {
                    environment.writeOutput(VerificationReport.text(verification, file: label))
                }
            }
        }
        if options.format == .json, !results.isEmpty {
            environment.writeOutput(JSONOutput.document(results, files: options.files.count) { result, out in
                JSONReport.writeVerification(result.card, file: result.file, into: &out)
            })
        }
        return status
    }

    /// `perfscore lint`: every check on every file (target tables or evaluations), and the files against each other.
    func lint(_ options: Command.ScoreOptions) -> ExitStatus {
        var override: RuleProfile?
        switch requestedProfile(options) {
        case .filesOwn: override = nil
        case .profile(let profile): override = profile
        case .unusable: return .unusable
        }
        var status = ExitStatus.success
        var tables: [LintTable] = []
        var readingFindings: [String: [Diagnostic]] = [:]
        var places: [String: CellPlaces] = [:]
        for file in options.files {
            let name = Self.displayName(file)
            guard let bytes = readInput(file) else {
                status = .unusable
                continue
            }
            let read: [(name: String, result: EvaluationReader.Result)]
            if let form = tableForm(file, options: options) {
                guard let tables = readTables(bytes, name: name, form: form, options: options, requiresActuals: false) else {
                    status = .unusable
                    continue
                }
                read = tables.map { ($0.name, $0.result) }
            } else {
                do {
                    read = [(name, try EvaluationReader(requiresActuals: false).read(bytes))]
                } catch {
                    writeProblems(error.problems, file: name)
                    status = .unusable
                    continue
                }
            }
            for (name, result) in read {
                guard let table = LintTable(name: name, read: result, override: override) else {
                    environment.writeError("perfscore: \(name): rules: unknown rule profile \"\(result.evaluation.rules ?? RuleProfile.defaultID)\"\n")
                    status = .unusable
                    continue
                }
                tables.append(table)
                readingFindings[name] = result.warnings
                places[name] = result.places
            }
        }
        let reports = Linter().lint(tables, readingFindings: readingFindings)
        if reports.contains(where: \.hasErrors) { status = max(status, .findings) }
        if options.format == .json {
            if !reports.isEmpty {
                environment.writeOutput(JSONOutput.document(reports, files: options.files.count) { report, out in
                    LintReport.write(report, into: &out)
                })
            }
        } else {
            environment.writeOutput(reports.map { LintReport.text($0, places: places[$0.name] ?? CellPlaces()) }.joined(separator: "\n"))
        }
        return status
    }

    func writeProblems(_ problems: [EvaluationFileError.Problem], file: String) {
        for problem in problems {
            let location = problem.location == .unknown ? "" : "\(problem.location):"
            environment.writeError("perfscore: \(file):\(location) \(problem)\n")
        }
    }

    /// `perfscore summary`: every evaluation under the given folders and files scored and rolled up. Target tables
    /// (no actuals) are left out with a note; a file that cannot be read makes the exit status 2.
    func summary(_ options: Command.ScoreOptions) -> ExitStatus {
        guard let evaluator = evaluator(options) else { return .unusable }
        var files: [String] = []
        for argument in options.files {
            files += environment.listDirectory(argument) ?? [argument]
        }
        var status = ExitStatus.success
        var cards: [(file: String, card: ScoreCard)] = []
        var skipped: [(file: String, reason: String)] = []
        let progress = environment.showsProgress && files.count > 1
            ? ProgressLine(unit: "files", total: files.count, write: environment.writeError) : nil
        // A message clears the progress line first (readInput may write one).
        var reading = self
        if let progress {
            let write = environment.writeError
            reading.environment.writeError = { progress.finish(); write($0) }
        }
        for (position, file) in files.enumerated() {
            progress?.update(done: position, measured: position)
            guard let bytes = reading.readInput(file) else {
                status = .unusable
                continue
            }
            for entry in evaluator.rollUpEntries(bytes, name: file, form: tableForm(file, options: options)) {
                switch entry {
                case .scored(let name, let card): cards.append((name, card))
                case .targetTable(let name): skipped.append((name, "a target table (no actuals): see perfscore lint"))
                case .failed(let name, let reason):
                    skipped.append((name, reason))
                    status = .unusable
                }
            }
        }
        progress?.finish()
        let rollUp = RollUp(cards)
        if !rollUp.disagreements.isEmpty { status = max(status, .findings) }
        switch options.format {
        case .json:
            environment.writeOutput(JSONOutput.document([rollUp], files: 1) { rollUp, out in
                SummaryReport.write(rollUp, skipped: skipped, into: &out)
            })
        case .markdown: environment.writeOutput(SummaryReport.markdown(rollUp, skipped: skipped))
        case .csv: environment.writeOutput(SummaryReport.csv(rollUp))
        case .html:
            guard let folder = options.outputPath.flatMap(pageFolder) else {
                environment.writeOutput(RollUpPage.render(rollUp, skipped: skipped))
                return status
            }
            // -o FOLDER: the roll-up as index.html, each table's page beside it, linked.
            var pages: [String: String] = [:]
            for (file, card) in cards {
                let page = Self.pageName(for: file, taken: Set(pages.values))
                pages[file] = page
                guard writePage(HTMLReport.render(card), to: (folder as NSString).appendingPathComponent(page)) else { return .unusable }
            }
            guard writePage(RollUpPage.render(rollUp, skipped: skipped, pages: pages), to: (folder as NSString).appendingPathComponent("index.html")) else {
                return .unusable
            }
        default:
            environment.writeOutput(SummaryReport.text(rollUp, skipped: skipped))
        }
        return status
    }

    /// The folder `-o` names for the roll-up's pages: an existing folder, or a path ending in `/`.
    func pageFolder(_ path: String) -> String? {
        path.hasSuffix("/") || environment.listDirectory(path) != nil ? path : nil
    }

    /// A page's file name from its table's: `examples/wuhan-2023/03-zhengwu-fuwu.json` → `03-zhengwu-fuwu.html`, a
    /// workbook's sheet appended (`book[自评表]` → `book-自评表.html`); a name already taken gets its folder's name in
    /// front (`forms-03-zhengwu-fuwu.html`), then a number.
    static func pageName(for file: String, taken: Set<String>) -> String {
        var path = file
        var sheet = ""
        if path.hasSuffix("]"), let open = path.lastIndex(of: "[") {
            sheet = "-" + path[path.index(after: open)..<path.index(before: path.endIndex)]
            path = String(path[..<open])
        }
        func clean(_ text: String) -> String {
            String(text.map { "[]/\\:*?\"<>| ".contains($0) ? "-" : $0 })
        }
        let name = clean(((path as NSString).lastPathComponent as NSString).deletingPathExtension + sheet)
        let folder = clean(((path as NSString).deletingLastPathComponent as NSString).lastPathComponent)
        var candidates = [name + ".html"]
        if !folder.isEmpty { candidates.append("\(folder)-\(name).html") }
        if let free = candidates.first(where: { !taken.contains($0) }) { return free }
        var number = 2
        while taken.contains("\(name)-\(number).html") { number += 1 }
        return "\(name)-\(number).html"
    }

    /// Writes one page (or another file, `what`) atomically; `false` after saying why it could not be written.
    func writePage(_ text: String, to path: String, what: String = "the page") -> Bool {
        do {
            try environment.writeFileAtomically(path, Array(text.utf8))
            return true
        } catch {
            environment.writeError("perfscore: \(path): cannot write \(what): \(Self.reason(error))\n")
            return false
        }
    }

    /// `perfscore rules`: every built-in profile, one line each; with an id or a path, that profile in words.
    func showRules(_ which: String?) -> ExitStatus {
        guard let which else {
            environment.writeOutput(RuleProfileReport.list(RuleProfile.builtIn.sorted { $0.id.rawValue < $1.id.rawValue }))
            return .success
        }
        guard let profile = loadProfile(which, option: "rules") else { return .unusable }
        environment.writeOutput(RuleProfileReport.describe(profile))
        return .success
    }

    /// A built-in profile by id, or a profile file by path (anything with a `/` or ending in `.json`).
    func loadProfile(_ which: String, option: String) -> RuleProfile? {
        if which.contains("/") || which.hasSuffix(".json") {
            let bytes: [UInt8]
            do {
                bytes = try environment.readFile(which)
            } catch {
                environment.writeError("perfscore: \(option) \(which): cannot read the file: \(Self.reason(error))\n")
                return nil
            }
            do {
                return try RuleProfile(jsonData: bytes)
            } catch {
                writeProblems(error.problems, file: which)
                environment.writeError("perfscore: \(which): not a usable rule profile (rules/README.md describes the format)\n")
                return nil
            }
        }
        guard let profile = RuleProfile.builtIn(RuleProfileID(rawValue: which)) else {
            let known = RuleProfile.builtIn.map(\.id.rawValue).sorted().joined(separator: ", ")
            environment.writeError("perfscore: \(option): unknown rule profile \"\(which)\"; known: \(known) (or give a file path)\n")
            return nil
        }
        return profile
    }

    /// How messages name a file: its path, or `<stdin>` for `-`.
    static func displayName(_ file: String) -> String {
        file == "-" ? "<stdin>" : file
    }

    /// The bytes of a file, or of standard input for `-`; `nil` after telling why they cannot be read.
    func readInput(_ file: String) -> [UInt8]? {
        do {
            return file == "-" ? try environment.readStandardInput() : try environment.readFile(file)
        } catch {
            environment.writeError("perfscore: \(Self.displayName(file)): cannot read the file: \(Self.reason(error))\n")
            return nil
        }
    }

    /// One table scored: the name reports give it (`FILE`, or `FILE[SHEET]`), its card, where its fields stand.
    struct Scored {
        var name: String
        /// The workbook sheet it was read from, when the workbook holds several tables.
        var sheet: String?
        var card: ScoreCard
        var places: CellPlaces
    }

    /// Every table of one file scored (one, or a workbook's sheets), with where their fields stand when they are
    /// spreadsheets; `failed` after saying why a table, or the file, could not be scored.
    func scoreFile(_ file: String, evaluator: Evaluator, options: Command.ScoreOptions) -> (scored: [Scored], failed: Bool) {
        let name = Self.displayName(file)
        guard let bytes = readInput(file) else { return ([], true) }
        var scored: [Scored] = []
        var failed = false
        func add(_ card: ScoreCard, name: String, sheet: String? = nil, places: CellPlaces) {
            guard card.isComplete else {
                for diagnostic in card.errors {
                    environment.writeError("perfscore: \(name): \(places.describe(diagnostic.path)): \(diagnostic.message)\n")
                }
                environment.writeError("perfscore: \(name): not scored: \(card.errors.count) row(s) need a readable value, a judgement or a score\n")
                failed = true
                return
            }
            scored.append(Scored(name: name, sheet: sheet, card: card, places: places))
        }
        do {
            if let form = tableForm(file, options: options) {
                guard let tables = readTables(bytes, name: name, form: form, options: options) else { return ([], true) }
                for table in tables {
                    add(try evaluator.evaluate(table.result.evaluation, warnings: table.result.warnings), name: table.name,
                        sheet: table.sheet, places: table.result.places)
                }
            } else {
                add(try evaluator.evaluate(bytes), name: name, places: CellPlaces())
            }
        } catch {
            switch error {
            case .file(let fileError):
                writeProblems(fileError.problems, file: name)
            case .unknownRules:
                environment.writeError("perfscore: \(name): \(error)\n")
            }
            return (scored, true)
        }
        return (scored, failed)
    }

    /// How reports name a table (``TableReader/tableName(_:sheet:)``).
    static func tableName(_ file: String, sheet: String?) -> String {
        TableReader.tableName(file, sheet: sheet)
    }

    /// How the file holds a spreadsheet table: `--input`, else the extension (`.csv`, `.tsv`, `.xlsx`, `.xlsm`);
    /// `nil` for JSON.
    func tableForm(_ file: String, options: Command.ScoreOptions) -> TableReader.Form? {
        switch options.input {
        case .csv?: return .delimited(.comma)
        case .tsv?: return .delimited(.tab)
        case .xlsx?: return .workbook(sheet: options.sheet)
        case .text?: return .disclosure(file: Self.displayName(file))
        case .json?: return nil
        case nil:
            let lowered = file.lowercased()
            if lowered.hasSuffix(".csv") { return .delimited(.comma) }
            if lowered.hasSuffix(".tsv") { return .delimited(.tab) }
            if lowered.hasSuffix(".xlsx") || lowered.hasSuffix(".xlsm") { return .workbook(sheet: options.sheet) }
            // A disclosure's text; its PDF is named as such, to be converted first.
            if lowered.hasSuffix(".txt") || lowered.hasSuffix(".pdf") { return .disclosure(file: Self.displayName(file)) }
            return nil
        }
    }

    /// The tables of a spreadsheet file read into evaluations, each named `FILE`, or `FILE[SHEET]` when a workbook
    /// holds several; `nil` after naming each problem's place.
    func readTables(_ bytes: [UInt8], name: String, form: TableReader.Form,
                    options: Command.ScoreOptions, requiresActuals: Bool = true)
        -> [(name: String, sheet: String?, result: EvaluationReader.Result)]? {
        if options.sheet != nil, case .delimited = form {
            environment.writeError("perfscore: \(name): --sheet picks a sheet of a workbook (.xlsx); this file is CSV or TSV\n")
            return nil
        }
        let reader = TableReader(defaults: TableReader.Defaults(planned: options.planned, executed: options.executed),
                                 requiresActuals: requiresActuals)
        do {
            let tables = try reader.readTables(bytes, form: form)
            return tables.map { table in
                let sheet = tables.count > 1 ? table.sheet : nil
                return (Self.tableName(name, sheet: sheet), sheet, table.result)
            }
        } catch {
            for problem in error.problems {
                environment.writeError("perfscore: \(name): \(problem)\n")
            }
            return nil
        }
    }

    /// `perfscore convert`: the perfscore/1 JSON of a spreadsheet table (or of a JSON file, normalised).
    func convert(_ options: Command.ScoreOptions) -> ExitStatus {
        guard let (file, name, bytes) = readOneFile(options, job: "convert takes one file") else { return .unusable }
        var evaluations: [Evaluation] = []
        if let form = tableForm(file, options: options) {
            guard let tables = readTables(bytes, name: name, form: form, options: options) else { return .unusable }
            guard tables.count == 1 else {
                let sheets = tables.compactMap(\.sheet)
                environment.writeError("perfscore: \(name): the workbook holds \(tables.count) tables (\(sheets.joined(separator: ", "))); convert one at a time with --sheet NAME\n")
                return .unusable
            }
            evaluations = tables.map(\.result.evaluation)
        } else {
            do {
                evaluations = [try EvaluationReader().read(bytes).evaluation]
            } catch {
                writeProblems(error.problems, file: name)
                return .unusable
            }
        }
        return emit(evaluations.map { EvaluationWriter.text($0) }.joined() + "\n", options: options)
    }

    /// The one file a job reads (convert, extract): its path, its display name and its bytes; `nil` after saying
    /// what is wrong (`job` says what the job takes).
    func readOneFile(_ options: Command.ScoreOptions, job: String) -> (file: String, name: String, bytes: [UInt8])? {
        guard options.files.count == 1, let file = options.files.first else {
            environment.writeError("perfscore: \(job)\n")
            return nil
        }
        guard let bytes = readInput(file) else { return nil }
        return (file, Self.displayName(file), bytes)
    }

    /// Writes a report to standard output, or with `-o` to a file, atomically: a temporary file in the same folder,
    /// renamed into place, so that a failure never leaves half a report over a good one.
    func emit(_ text: String, options: Command.ScoreOptions) -> ExitStatus {
        guard let path = options.outputPath else {
            environment.writeOutput(text)
            return .success
        }
        return emit(bytes: Array(text.utf8), options: options)
    }

    /// Writes a binary report (a workbook) with `-o`, or to standard output when it is not a terminal.
    func emit(bytes: [UInt8], options: Command.ScoreOptions) -> ExitStatus {
        guard let path = options.outputPath else {
            guard let write = environment.writeOutputBytes, !environment.outputIsTerminal else {
                environment.writeError("perfscore: --format xlsx writes a workbook: give -o FILE.xlsx (or redirect standard output to a file)\n")
                return .unusable
            }
            write(bytes)
            return .success
        }
        do {
            try environment.writeFileAtomically(path, bytes)
            return .success
        } catch {
            environment.writeError("perfscore: \(path): cannot write the report: \(Self.reason(error))\n")
            return .unusable
        }
    }

    /// A report's folder that does not exist.
    struct MissingFolder: Error, CustomStringConvertible {
        var folder: String
        var description: String { "the folder \(folder) does not exist; create it first" }
    }

    /// Why a file could not be read or written, in plain words: never Foundation's error text.
    static func reason(_ error: any Error) -> String {
        if let tooLarge = error as? FileTooLarge { return tooLarge.description }
        if let failure = error as? ChunkReader.OpenFailure { return failure.description }
        if let missing = error as? MissingFolder { return missing.description }
        let nsError = error as NSError
        if let cause = nsError.userInfo[NSUnderlyingErrorKey] as? any Error {
            let underlying = cause as NSError
            if underlying.domain == NSPOSIXErrorDomain { return ChunkReader.OpenFailure(code: Int32(underlying.code)).description }
        }
        if nsError.domain == NSPOSIXErrorDomain { return ChunkReader.OpenFailure(code: Int32(nsError.code)).description }
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied"
            case NSFileWriteOutOfSpaceError: return "no space left on the device"
            case NSFileWriteVolumeReadOnlyError: return "the device is read-only"
            default: break
            }
        }
        return "the system refused it"
    }
}
