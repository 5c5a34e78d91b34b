import Foundation

/// A temporary file that bytes are put aside in and read back from once, in the order they were put: where a large
/// workbook's sheets wait until the parts that list them are written, so that the workbook is made in bounded memory.
///
/// The file is made in the report's folder (beside the file `-o` names, where the report's own temporary file is,
/// so on the same disk) or, for standard output, in `TMPDIR` or `/tmp`, and removed from its folder at once: it lives
/// only while it is open, and nothing is left behind however the program ends.
///
/// ```swift
/// let scratch = try ScratchFile(besideReport: "out.xlsx")
/// try scratch.put(Array("sheet 1".utf8))
/// try scratch.take(7)   // "sheet 1"
/// ```
package final class ScratchFile {
    private let descriptor: Int32
    /// Where the next bytes are read back from.
    private var readOffset: off_t = 0

    /// A scratch file beside `report` (the path `-o` names), or in the temporary folder when it is `nil`; throws
    /// ``FileAccess/MissingFolder`` when the report's folder does not exist (as ``AtomicFile`` does), else the
    /// system's reason (``ChunkReader/OpenFailure``) when it cannot be made.
    package init(besideReport report: String?) throws {
        let folder: String
        if let report {
            folder = try FileAccess.existingFolder(of: report)
        } else {
            folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        }
        var template = Array(((folder as NSString).appendingPathComponent(".workbook-sheets.XXXXXX")).utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard made >= 0 else { throw ChunkReader.OpenFailure(code: errno) }
        unlink(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        descriptor = made
    }

    deinit {
        close(descriptor)
    }

    /// Appends `bytes`; throws the system's reason when they cannot all be written (a full disk).
    package func put(_ bytes: [UInt8]) throws {
        if let code = FileAccess.writeAll(bytes, to: descriptor) { throw ChunkReader.OpenFailure(code: code) }
    }

    /// The next `count` bytes put aside; throws the system's reason when they cannot be read, or EIO when the file
    /// ends before them.
    package func take(_ count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let read = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + done, count - done, readOffset + off_t(done))
            }
            if read < 0, errno == EINTR { continue }
            guard read > 0 else { throw ChunkReader.OpenFailure(code: read < 0 ? errno : EIO) }
            done += read
        }
        readOffset += off_t(count)
        return bytes
    }
}
