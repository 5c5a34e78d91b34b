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

    /// Why the command's `-o` cannot be used (it names one of the inputs), or `nil`.
    func outputRefusal(_ command: Command) -> String? {
        guard let options = command.options, let output = options.outputPath else { return nil }
        let guardian = OutputGuard(identity: environment.fileIdentity, listDirectory: environment.listDirectory)
        guard let input = guardian.inputNamed(by: output, inputs: options.files) else { return nil }
        return "-o \(output) names the input \(input): the report would be written over it; choose another path (nothing was read or written)"
    }

    /// Runs a parsed command: one library job per subcommand, its messages on standard error, its report printed
    /// or written.
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
        case .rules(let which):
            guard let which else {
                environment.writeOutput(RuleProfileReport.list(RuleProfile.builtIn.sorted { $0.id.rawValue < $1.id.rawValue }))
                return .success
            }
            guard let profile = io.profile(which, option: "rules") else { return .unusable }
            environment.writeOutput(RuleProfileReport.describe(profile))
            return .success
        case .template(let options):
            var profile = RuleProfile.wuhan2023
            if let which = options.rules {
                guard let chosen = io.profile(which, option: "--rules") else { return .unusable }
                profile = chosen
            }
            let template: JobOutput.Report = options.format == .csv ? .text(FormTemplate.csv(for: profile, year: options.year))
                                                                    : .workbook(FormTemplate.workbook(for: profile, year: options.year))
            return emit(JobOutput(template, status: .success), options: options)
        case .score(let options), .verify(let options), .lint(let options), .summary(let options), .convert(let options),
             .extract(let options):
            // --rules: a profile for every file, or each file's own.
            var override: RuleProfile?
            if let which = options.rules {
                guard let profile = io.profile(which, option: "--rules") else { return .unusable }
                override = profile
            }
            let evaluator = Evaluator(rules: override, tolerance: options.tolerance)
            let input = TableInput(kind: options.input, sheet: options.sheet,
                                   defaults: TableReader.Defaults(planned: options.planned, executed: options.executed))
            let folder = options.outputPath.flatMap(outputFolder)
            let format = options.format
            let output: JobOutput
            switch command {
            case .score where options.jsonLines: output = jsonLines(options, evaluator: evaluator)
            case .score: output = ScoreJob(evaluator: evaluator, format: format, input: input, explainAll: options.explainAll).run(options.files, io: io)
            case .verify: output = VerifyJob(evaluator: evaluator, format: format, input: input).run(options.files, io: io)
            case .lint: output = LintJob(override: override, format: format, input: input).run(options.files, io: io)
            case .summary: output = summary(SummaryJob(evaluator: evaluator, format: format, input: input, pagesForFolder: format == .html && folder != nil), options)
            case .convert: output = ConvertJob(input: input).run(options.files, io: io)
            default: output = ExtractJob(filesForFolder: folder != nil).run(options.files, io: io)
            }
            return emit(output, options: options)
        }
    }

    /// The library's side of the files and messages: reading with the limits and words of ``reason(_:)``, messages
    /// on standard error after the program's name, folders listed for `summary DIR`.
    var io: JobIO {
        JobIO(read: { file in
            Result { file == "-" ? try environment.readStandardInput() : try environment.readFile(file) }
                .mapError { ReadFailure(reason: Self.reason($0)) }
        }, message: { environment.writeError("perfscore: \($0)\n") }, listFolder: environment.listDirectory)
    }

    /// `perfscore summary`, with a progress line over many files when standard error is a terminal.
    func summary(_ job: SummaryJob, _ options: Command.ScoreOptions) -> JobOutput {
        guard environment.showsProgress else { return job.run(options.files, io: io) }
        let line = ProgressLine(unit: "files", total: nil, write: environment.writeError)
        var watched = io
        let message = watched.message
        // A message clears the progress line first; the next update redraws it.
        watched.message = { line.finish(); message($0) }
        watched.progress = { done, total in
            line.total = total
            line.update(done: done, measured: done)
        }
        defer { line.finish() }
        return job.run(options.files, io: watched)
    }

    /// `perfscore --jsonl`: the files read in chunks, results written as they come, a progress line on standard
    /// error when it is a terminal (and results are not printed on the same terminal).
    func jsonLines(_ options: Command.ScoreOptions, evaluator: Evaluator) -> JobOutput {
        let sizes = options.files.map(environment.fileSize)
        let total = sizes.contains(where: { $0 == nil }) ? nil : sizes.compactMap { $0 }.reduce(0, +)
        let totalsOnly = options.summaryOnly || options.readOnly
        let showsProgress = environment.showsProgress && (totalsOnly || !environment.outputIsTerminal)
        let progress = showsProgress ? ProgressLine(unit: "lines", total: total, write: environment.writeError) : nil
        let environment = environment
        let streams = JSONLinesJob.Streams(
            open: { file in Result { try environment.openChunks(file) }.mapError { ReadFailure(reason: Self.reason($0)) } },
            write: { bytes in
                guard !bytes.isEmpty else { return }
                if let writeBytes = environment.writeOutputBytes { writeBytes(bytes) } else { environment.writeOutput(String(decoding: bytes, as: UTF8.self)) }
            },
            message: { progress?.finish(); environment.writeError("perfscore: \($0)\n") },
            progress: progress.map { line in { line.update(done: $0, measured: $1) } })
        defer { progress?.finish() }
        return JSONLinesJob(evaluator: evaluator, totalsOnly: options.summaryOnly, readOnly: options.readOnly).run(options.files, streams: streams)
    }

    /// The folder `-o` names for files written one by one (a roll-up's pages, a disclosure's tables): an existing
    /// folder, or a path ending in `/`.
    func outputFolder(_ path: String) -> String? {
        path.hasSuffix("/") || environment.listDirectory(path) != nil ? path : nil
    }

    /// Writes a job's report, and returns the worse of the job's status and the writing's: text to standard output
    /// or, with `-o`, to a file atomically (a temporary file in the same folder, renamed into place, so that a
    /// failure never leaves half a report over a good one); a workbook with `-o`, or to standard output when it is
    /// not a terminal; files into the folder `-o` names. A job with no report writes nothing.
    func emit(_ output: JobOutput, options: Command.ScoreOptions) -> ExitStatus {
        guard let report = output.report else { return output.status }
        let bytes: [UInt8]
        switch report {
        case .text(let text):
            guard options.outputPath != nil else {
                environment.writeOutput(text)
                return output.status
            }
            bytes = Array(text.utf8)
        case .workbook(let workbook):
            guard options.outputPath != nil || (environment.writeOutputBytes != nil && !environment.outputIsTerminal) else {
                environment.writeError("perfscore: --format xlsx writes a workbook: give -o FILE.xlsx (or redirect standard output to a file)\n")
                return .unusable
            }
            bytes = workbook
        case .files(let files, let what):
            let folder = options.outputPath ?? "."
            for file in files {
                guard writeFile(file.bytes, to: (folder as NSString).appendingPathComponent(file.name), what: what) else { return .unusable }
            }
            return output.status
        }
        guard let path = options.outputPath else {
            environment.writeOutputBytes?(bytes)
            return output.status
        }
        return writeFile(bytes, to: path, what: "the report") ? output.status : .unusable
    }

    /// Writes one file atomically; `false` after saying why it could not be written.
    func writeFile(_ bytes: [UInt8], to path: String, what: String) -> Bool {
        do {
            try environment.writeFileAtomically(path, bytes)
            return true
        } catch {
            environment.writeError("perfscore: \(path): cannot write \(what): \(Self.reason(error))\n")
            return false
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
