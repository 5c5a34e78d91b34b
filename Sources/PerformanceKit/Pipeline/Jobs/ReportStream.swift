/// A job's report as it is made, a piece at a time (a table's text, a result of a JSON array): handed to
/// ``JobIO/writeReport`` as each piece is made when the program gives one, so that a job of thousands of tables
/// holds one piece at a time, or else kept and given back whole by ``finish()``.
///
/// Whichever way it goes, the pieces are the same and in the same order: the report is the same bytes.
struct ReportStream: ~Copyable {
    /// Where each piece goes; `nil` keeps them in ``held``.
    private let write: ((String) -> Void)?
    /// The pieces so far, when nothing takes them as they come.
    private var held = ""
    /// Whether no piece has been written yet.
    private(set) var isEmpty = true

    /// A stream to `write`, or kept for ``finish()`` when it is `nil`.
    init(to write: ((String) -> Void)?) {
        self.write = write
    }

    /// Writes one more piece; an empty one is nothing.
    mutating func append(_ piece: String) {
        guard !piece.isEmpty else { return }
        isEmpty = false
        if let write { write(piece) } else { held += piece }
    }

    /// Writes one more piece, after `separator` unless it is the first (tables of text or Markdown, a blank line
    /// between them).
    mutating func append(_ piece: String, separatedBy separator: String) {
        append((isEmpty ? "" : separator) + piece)
    }

    /// The report: `nil` when nothing was written (a job that scored nothing writes nothing over an earlier report),
    /// ``JobOutput/Report/written`` when its pieces went to ``JobIO/writeReport``, else the text itself.
    consuming func finish() -> JobOutput.Report? {
        if isEmpty { return nil }
        return write == nil ? .text(held) : .written
    }
}
