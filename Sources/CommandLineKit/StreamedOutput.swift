/// A report written as it is made, a piece at a time: to standard output, or, for `-o PATH`, into an ``AtomicFile``
/// opened at the first piece and put in place by ``finish()``. Nothing is written over PATH unless the whole report
/// was, and a program that writes a report of any size holds one piece of it at a time.
package final class StreamedOutput {
    /// The file of `-o`; `nil` for standard output.
    private let path: String?
    private let open: (String) throws -> AtomicFile
    private let standardOutput: (String) -> Void
    private let standardOutputBytes: (([UInt8]) -> Void)?
    /// The file being written, from the first piece until ``finish()`` or ``discard()``.
    private var file: AtomicFile?
    /// The first failure to open or write the file: the pieces after it are dropped, and ``finish()`` throws it.
    private var failure: (any Error)?

    /// Pieces for `path` (opened by `open`), or, when `path` is `nil`, for `standardOutput` (text) and
    /// `standardOutputBytes` (bytes; as text through `standardOutput` when there is none).
    package init(path: String?, open: @escaping (String) throws -> AtomicFile = { try AtomicFile(path: $0) },
                 standardOutput: @escaping (String) -> Void, standardOutputBytes: (([UInt8]) -> Void)? = nil) {
        self.path = path
        self.open = open
        self.standardOutput = standardOutput
        self.standardOutputBytes = standardOutputBytes
    }

    /// Writes one more piece of text.
    package func write(_ text: String) {
        guard path != nil else { return standardOutput(text) }
        write(bytes: Array(text.utf8))
    }

    /// Writes one more piece of bytes (JSON Lines, a workbook); an empty piece is nothing.
    package func write(bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        guard let path else {
            if let standardOutputBytes { standardOutputBytes(bytes) } else { standardOutput(String(decoding: bytes, as: UTF8.self)) }
            return
        }
        guard failure == nil else { return }
        do {
            let file = try self.file ?? open(path)
            self.file = file
            try file.write(bytes)
        } catch {
            failure = error
            file = nil
        }
    }

    /// Puts the file written in place; nothing for standard output or when no piece was written. Throws the first
    /// failure to open or write it, or to put it in place: the file that was at the path then stands.
    package func finish() throws {
        defer { file = nil }
        if let failure { throw failure }
        try file?.commit()
    }

    /// Drops what was written to the file (a job that ends with no report); the file that was at the path stands.
    package func discard() {
        file?.discard()
        file = nil
    }
}
