import CommandLineKit
import Foundation
import PerformanceKit

/// Runs a command against an environment: one library job per subcommand, its report printed or written, and the
/// exit status.
///
/// The environment is injected so that tests run the whole command without a process.
struct CommandRunner {
    /// What the command may touch.
    struct Environment {
        var readFile: (String) throws -> [UInt8]
        var readStandardInput: () throws -> [UInt8]
        /// The tables under a directory (`.json`, `.jsonl`, `.csv`, `.tsv`, `.xlsx`, `.xlsm`, `.xls`, `.et`, and `.txt`,
        /// which `summary` lists as not read), sorted, or `nil` when the path is not a directory.
        var listDirectory: (String) -> [String]? = { FileAccess.files(under: $0, endingIn: [".json", ".jsonl", ".csv", ".tsv", ".xlsx", ".xlsm", ".xls", ".et", ".txt"]) }
        var writeOutput: (String) -> Void
        var writeError: (String) -> Void
        /// Writes bytes to standard output; `nil` sends them through ``writeOutput`` as text.
        var writeOutputBytes: (([UInt8]) -> Void)? = nil
        /// Writes bytes to a path atomically (a temporary file in the same folder, renamed into place).
        var writeFileAtomically: (String, [UInt8]) throws -> Void = FileAccess.writeAtomically
        /// Opens a file to be written in pieces and put in place whole (a report written as it is made, `-o`).
        var openAtomicFile: (String) throws -> AtomicFile = { try AtomicFile(path: $0) }
        /// Makes a temporary file beside the report `-o` names (`nil`: standard output) for a workbook's sheets to wait in.
        var openScratchFile: (String?) throws -> ScratchFile = { try ScratchFile(besideReport: $0) }
        /// Creates a folder and the folders above it that are missing; nothing when it exists.
        var createFolder: (String) throws -> Void = FileAccess.makeFolder
        /// Whether long work shows a progress line on standard error (only when it is a terminal).
        var showsProgress = false
        /// Whether standard output is a terminal too (results printed there as they come leave no room for progress).
        var outputIsTerminal = false
        /// The process's environment variables (`NO_COLOR`).
        var variables: [String: String] = ProcessInfo.processInfo.environment
        /// The size in bytes of a file, for the progress line's time left; `nil` for standard input or when unknown.
        var fileSize: (String) -> Int? = { path in path == "-" ? nil : FileAccess.status(path).map { Int($0.st_size) } }
        /// The device and inode of an existing path, to tell when `-o` names an input.
        var fileIdentity: (String) -> OutputGuard.FileIdentity? = OutputGuard.identityOnDisk
        /// A file (or `-`) opened for reading in chunks: each call gives the next chunk, empty at the end.
        var openChunks: (String) throws -> () -> [UInt8] = ChunkReader.chunks

        /// The real files (at most ``largestFile`` bytes read whole), standard input, output and error.
        static var process: Environment {
            Environment(
                readFile: { try FileAccess.read($0, limit: largestFile) },
                readStandardInput: { try FileAccess.readStandardInput(limit: largestFile) },
                writeOutput: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
                writeError: { text in FileHandle.standardError.write(Data(text.utf8)) },
                writeOutputBytes: { bytes in FileAccess.writeAll(bytes, to: STDOUT_FILENO) },
                showsProgress: isatty(STDERR_FILENO) == 1, outputIsTerminal: isatty(STDOUT_FILENO) == 1)
        }
    }

    /// Files larger than this are refused with a message rather than read into memory.
    static let largestFile = 64 << 20

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
        if let options = command.options, let output = options.outputPath,
           let refusal = OutputGuard(identity: environment.fileIdentity, listDirectory: environment.listDirectory)
               .refusal(output: output, inputs: options.files) {
            environment.writeError("perfscore: \(refusal)\n")
            return .unusable
        }
        // JSON Lines are never coloured.
        if let options = command.options, options.outputPath == nil, options.format == .text, !options.jsonLines,
           Colouring.isOn(options.color, outputIsTerminal: environment.outputIsTerminal, environment: environment.variables) {
            var coloured = environment
            let write = environment.writeOutput
            coloured.writeOutput = { write(Colouring.apply($0)) }
            return CommandRunner(environment: coloured).run(command: command)
        }
        return run(command: command)
    }

    /// Runs a parsed command: one library job per subcommand, its messages on standard error, its report printed
    /// or written.
    func run(command: Command) -> ExitStatus {
        switch command {
        case .help(let subcommand):
            environment.writeOutput(Usage.help(for: subcommand) + "\n")
            return .success
        case .completionScript(let shell):
            environment.writeOutput(Command.completion.text(for: shell))
            return .success
        case .version:
            environment.writeOutput(Usage.version + "\n")
            return .success
        case .rules(let which):
            guard let which else {
                environment.writeOutput(RuleProfileReport.list(RuleProfile.builtIn.sorted { $0.id.rawValue < $1.id.rawValue }))
                return .success
            }
            guard let profile = io.profile(which, option: "rules") else { return .unusable }
            environment.writeOutput(RuleProfileReport.describe(profile))
            return .success
        case .job(let job, let options):
            // --rules: a profile for every file, or each file's own.
            var override: RuleProfile?
            if let which = options.rules {
                guard let profile = io.profile(which, option: "--rules") else { return .unusable }
                override = profile
            }
            let evaluator = Evaluator(rules: override, tolerance: options.tolerance)
            let input = TableInput(kind: options.input, sheet: options.sheet,
                                   defaults: TableReader.Defaults(planned: options.planned, executed: options.executed))
            let (folder, format) = (options.outputPath.flatMap(outputFolder), options.format)
            // A report of many tables is written as it is made: to standard output, or a file put in place at the end.
            let streamed = StreamedOutput(path: options.outputPath, open: environment.openAtomicFile,
                                          standardOutput: environment.writeOutput, standardOutputBytes: environment.writeOutputBytes)
            // Files for the folder -o names (a roll-up's pages) are written as they are made too.
            let files = folder.map { folder in
                FolderOutput(folder: folder, makeFolder: environment.createFolder, writeFile: environment.writeFileAtomically) { path, what, error in
                    environment.writeError("perfscore: \(path): cannot write \(what): \(Self.reason(error))\n")
                }
            }
            var io = self.io
            if folder == nil, format != .xlsx { io.writeReport = streamed.write } else { io.writeFile = files?.write }
            if case .score = job, format == .xlsx, folder == nil {   // a workbook written as it is made: where to, first
                guard workbookHasAPlace(options) else { return .unusable }
                io.writeReportBytes = streamed.write(bytes:)
                io.setAside = { let file = try environment.openScratchFile(options.outputPath); return SetAsideBytes(put: file.put, take: file.take) }
            }
            let output: JobOutput
            switch job {
            case .score where options.jsonLines: output = jsonLines(options, evaluator: evaluator, streamed: streamed)
            case .score: output = ScoreJob(evaluator: evaluator, format: format, input: input, explainAll: options.explainAll).run(options.files, io: io)
            case .verify: output = VerifyJob(evaluator: evaluator, format: format, input: input).run(options.files, io: io)
            case .lint: output = LintJob(override: override, format: format, input: input).run(options.files, io: io)
            case .summary: output = summary(SummaryJob(evaluator: evaluator, format: format, input: input, pagesForFolder: format == .html && folder != nil), options, io: io)
            case .convert: output = ConvertJob(input: input, filesForFolder: folder != nil).run(options.files, io: io)
            case .extract: output = ExtractJob(filesForFolder: folder != nil).run(options.files, io: io)
            case .template: output = TemplateJob(profile: override ?? .wuhan2023, format: format, year: options.year).run()
            }
            return emit(output, options: options, streamed: streamed, files: files)
        }
    }

    /// The library's side of the files and messages: reading (whole, or JSON Lines in pieces) with the limits and words
    /// of ``reason(_:)``, messages on standard error after the program's name, folders listed for `summary DIR`.
    var io: JobIO {
        JobIO(read: { file in
            Result { file == "-" ? try environment.readStandardInput() : try environment.readFile(file) }
                .mapError { ReadFailure(reason: Self.reason($0)) }
        }, message: { environment.writeError("perfscore: \($0)\n") }, listFolder: environment.listDirectory, pieces: openPieces)
    }

    /// A file (or `-`) opened to be read in pieces, or why not in the words of ``reason(_:)``.
    func openPieces(_ file: String) -> Result<() -> [UInt8], ReadFailure> {
        Result { try environment.openChunks(file) }.mapError { ReadFailure(reason: Self.reason($0)) }
    }

    /// `perfscore summary`, with a progress line over many files when standard error is a terminal.
    func summary(_ job: SummaryJob, _ options: Command.ScoreOptions, io: JobIO) -> JobOutput {
        guard environment.showsProgress else { return job.run(options.files, io: io) }
        let line = ProgressLine(unit: "files", total: nil, write: environment.writeError)
        var watched = io
        let message = watched.message
        // A message clears the progress line first; the next update redraws it.
        watched.message = { line.finish(); message($0) }
        watched.progress = { line.total = $1; line.update(done: $0, measured: $0) }
        defer { line.finish() }
        return job.run(options.files, io: watched)
    }

    /// `perfscore --jsonl`: results written as they come, a progress line when standard error alone is a terminal.
    func jsonLines(_ options: Command.ScoreOptions, evaluator: Evaluator, streamed: StreamedOutput) -> JobOutput {
        let sizes = options.files.map(environment.fileSize)
        let total = sizes.contains(where: { $0 == nil }) ? nil : sizes.compactMap { $0 }.reduce(0, +)
        let showsProgress = environment.showsProgress && (options.summaryOnly || options.readOnly || !environment.outputIsTerminal)
        let progress = showsProgress ? ProgressLine(unit: "lines", total: total, write: environment.writeError) : nil
        let environment = environment
        let streams = JSONLinesJob.Streams(
            open: openPieces, write: streamed.write(bytes:),
            message: { progress?.finish(); environment.writeError("perfscore: \($0)\n") },
            progress: progress.map { line in { line.update(done: $0, measured: $1) } })
        defer { progress?.finish() }
        return JSONLinesJob(evaluator: evaluator, totalsOnly: options.summaryOnly, readOnly: options.readOnly).run(options.files, streams: streams)
    }

    /// The folder `-o` names for files written one by one (pages, tables): an existing folder, or a path ending in `/`.
    func outputFolder(_ path: String) -> String? {
        path.hasSuffix("/") || environment.listDirectory(path) != nil ? path : nil
    }

    /// Writes a job's report, as it was made or at the end, and returns the worse of the job's status and the writing's:
    /// to standard output or, with `-o`, a file atomically (``StreamedOutput``: never half a report over a good one); a
    /// workbook so, but not to a terminal; files into the folder `-o` names. A job with no report writes nothing.
    func emit(_ output: JobOutput, options: Command.ScoreOptions, streamed: StreamedOutput, files folder: FolderOutput?) -> ExitStatus {
        switch output.report {
        case nil:
            streamed.discard()
            return output.status
        case .written?: break
        case .text(let text)?: streamed.write(text)
        case .workbook(let workbook)?:
            guard workbookHasAPlace(options) else { return .unusable }
            streamed.write(bytes: workbook)
        case .files(let files, let what)?:
            for file in files {
                guard folder?.write(name: file.name, bytes: file.bytes, what: what) == true else { return .unusable }
            }
            return output.status
        }
        do { try streamed.finish() } catch {
            environment.writeError("perfscore: \(options.outputPath ?? "-"): cannot write the report: \(Self.reason(error))\n")
            return .unusable
        }
        return output.status
    }

    /// Whether a workbook may go where the options send it (`-o`, or standard output that is not a terminal); else says so.
    func workbookHasAPlace(_ options: Command.ScoreOptions) -> Bool {
        if options.outputPath != nil || (environment.writeOutputBytes != nil && !environment.outputIsTerminal) { return true }
        environment.writeError("perfscore: --format xlsx writes a workbook: give -o FILE.xlsx (or redirect standard output to a file)\n")
        return false
    }

    /// Why a file could not be read or written, in plain words: never Foundation's error text.
    static func reason(_ error: any Error) -> String {
        if let tooLarge = error as? FileAccess.TooLarge {
            return tooLarge.isStandardInput
                ? "standard input holds more than \(largestFile) bytes; perfscore reads at most that much (use --jsonl for a long batch)"
                : "the file is \(tooLarge.size) bytes; perfscore reads files of at most \(largestFile) bytes whole (a larger batch: JSON Lines, .jsonl, which all but convert read a line at a time)"
        }
        if let failure = error as? ChunkReader.OpenFailure, failure.code == EISDIR {
            return failure.description + " (give the files in it, or perfscore summary DIR)"
        }
        return FileAccess.reason(error) ?? "the system refused it"
    }
}
