/// How a job went: the exit statuses of FORMAT.md §5.
package enum JobStatus: Int32, Comparable, Sendable {
    /// Done; every printed figure agrees (lint: no finding of error severity).
    case success = 0
    /// Done, but a printed figure differs from the recomputed one (lint: an error was found).
    case findings = 1
    /// A file or the command line could not be used.
    case unusable = 2

    package static func < (lhs: JobStatus, rhs: JobStatus) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// What a job gives back: its report, if it has one to print, and how it went. A job with nothing to print (no
/// file could be scored) has no report, so that nothing is written over an earlier one.
package struct JobOutput: Sendable {
    /// A job's report, in the form it is printed or written.
    package enum Report: Sendable {
        /// Text, for standard output or `-o FILE`.
        case text(String)
        /// Text or files already written as they were made, through ``JobIO/writeReport`` (a piece at a time) or
        /// ``JobIO/writeFile``: the program puts the text in place (renames the temporary file `-o` writes into).
        case written
        /// A workbook: for `-o FILE.xlsx`, or standard output when it is not a terminal.
        case workbook([UInt8])
        /// Files for the folder `-o` names (a roll-up's pages, a disclosure's tables), each with its name, and
        /// what they are, for a message when one cannot be written (`the page`).
        case files([(name: String, bytes: [UInt8])], what: String)
    }

    package var report: Report?
    package var status: JobStatus

    package init(_ report: Report?, status: JobStatus) {
        self.report = report
        self.status = status
    }

    /// A job that could not run; its reason has been said.
    package static let unusable = JobOutput(nil, status: .unusable)
}
