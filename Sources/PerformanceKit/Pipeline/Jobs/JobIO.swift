/// What a job asks of the program that runs it: the bytes of a file and a place to say what went wrong. The jobs
/// (``ScoreJob``, ``VerifyJob``, ``LintJob``, ``SummaryJob``, ``ConvertJob``, ``ExtractJob``, ``JSONLinesJob``)
/// open no file and print nothing, so that the policy of each `perfscore` subcommand lives in the library and
/// the command only reads, prints and exits.
package struct JobIO {
    /// The bytes of a file (`-` for standard input), or why they cannot be read, in plain words.
    package var read: (String) -> Result<[UInt8], ReadFailure>
    /// Says one thing on standard error, naming its file first (`eval.json: weight: missing`); no program name,
    /// no newline.
    package var message: (String) -> Void
    /// The files under a folder given as input (`perfscore summary DIR`), or `nil` when the path is not a folder.
    package var listFolder: (String) -> [String]?
    /// Called before each file of a long job with the files done and their total, for a progress line.
    package var progress: ((_ done: Int, _ total: Int) -> Void)?
    /// A file (or `-`) opened for reading in pieces: each call gives the next, empty at the end; `nil` when the
    /// program reads every file whole (``read``). A JSON Lines file is read so, a line at a time, whatever its size.
    package var pieces: ((String) -> Result<() -> [UInt8], ReadFailure>)?
    /// Where a job writes its report a piece at a time, as it is made (standard output, or the temporary file `-o`
    /// renames into place at the end), so that the report of a large batch is never held whole; `nil` when the job
    /// gives its report back whole (``JobOutput/Report/text(_:)``). `perfscore`, `verify` and `lint` write so.
    package var writeReport: ((String) -> Void)?
    /// Where a job writes a report of bytes (a workbook) a piece at a time, as ``writeReport`` does text; `nil` when
    /// the job gives it back whole (``JobOutput/Report/workbook(_:)``).
    package var writeReportBytes: (([UInt8]) -> Void)?
    /// Makes the place where a workbook's sheets wait until it is finished (``XLSXReport/Writer``), or throws why
    /// it cannot: `perfscore` gives a temporary file, so that a workbook of any number of sheets is made in bounded
    /// memory; `nil` keeps them in memory.
    package var setAside: (() throws -> SetAsideBytes)?
    /// Writes a file into the folder `-o` names as soon as it is made (a roll-up's page), with what it is for a
    /// message (`the page`); `false` when it could not be written, which has been said. `nil` when the job gives
    /// its files back at the end (``JobOutput/Report/files(_:what:)``).
    package var writeFile: ((_ name: String, _ bytes: [UInt8], _ what: String) -> Bool)?

    /// Creates the program's side of a job.
    package init(read: @escaping (String) -> Result<[UInt8], ReadFailure>, message: @escaping (String) -> Void,
                 listFolder: @escaping (String) -> [String]? = { _ in nil },
                 progress: ((_ done: Int, _ total: Int) -> Void)? = nil,
                 pieces: ((String) -> Result<() -> [UInt8], ReadFailure>)? = nil,
                 writeReport: ((String) -> Void)? = nil,
                 writeReportBytes: (([UInt8]) -> Void)? = nil,
                 setAside: (() throws -> SetAsideBytes)? = nil,
                 writeFile: ((_ name: String, _ bytes: [UInt8], _ what: String) -> Bool)? = nil) {
        self.read = read
        self.message = message
        self.listFolder = listFolder
        self.progress = progress
        self.pieces = pieces
        self.writeReport = writeReport
        self.writeReportBytes = writeReportBytes
        self.setAside = setAside
        self.writeFile = writeFile
    }

    /// How messages name a file: its path, or `<stdin>` for `-`.
    package static func displayName(_ file: String) -> String {
        file == "-" ? "<stdin>" : file
    }

    /// The bytes of `file`, or `nil` after saying why they cannot be read.
    package func bytes(of file: String) -> [UInt8]? {
        switch read(file) {
        case .success(let bytes): return bytes
        case .failure(let failure):
            sayCannotRead(file, failure)
            return nil
        }
    }

    /// Says why a file cannot be read: `eval.json: cannot read the file: no such file`.
    package func sayCannotRead(_ file: String, _ failure: ReadFailure) {
        message("\(Self.displayName(file)): cannot read the file: \(failure.reason)")
    }

    /// Says each problem of a file that cannot be read, with its line and column when known.
    package func say(_ problems: [EvaluationFileError.Problem], file: String) {
        for problem in problems {
            let location = problem.location == .unknown ? "" : "\(problem.location):"
            message("\(file):\(location) \(problem)")
        }
    }
}

/// Why a file could not be read, in plain words (`no such file`, `permission denied`): never a system's error text.
package struct ReadFailure: Error, Sendable {
    package var reason: String

    package init(reason: String) {
        self.reason = reason
    }
}
