package import Foundation

/// The file system as a command-line program needs it: whole files read with a size limit (standard input too),
/// reports written atomically, folders listed, and errors told in plain words rather than a framework's text.
package enum FileAccess {
    /// What `stat(2)` says of a path (links followed), or `nil` with `errno` set.
    package static func status(_ path: String) -> stat? {
        var status = stat()
        return stat(path, &status) == 0 ? status : nil
    }

    /// A file or standard input larger than the limit a program reads whole.
    package struct TooLarge: Error {
        package var size: Int
        package var isStandardInput: Bool
    }

    /// A folder a file was to be written in that does not exist.
    package struct MissingFolder: Error, CustomStringConvertible {
        package var folder: String
        package var description: String { "the folder \(folder) does not exist; create it first" }
    }

    /// The folder a file at `path` goes in (`.` for a bare name), by the path's text; throws ``MissingFolder``, naming
    /// it in full, when it is not an existing folder.
    package static func existingFolder(of path: String) throws -> String {
        // By the path's text: a URL made from a path asks the file system whether it is a folder (a page of thousands
        // written asked for each). The folder is named in full only when it is missing.
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        guard let status = status(folder), status.st_mode & S_IFMT == S_IFDIR else {
            throw MissingFolder(folder: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        }
        return folder
    }

    /// The bytes of a file of at most `limit` bytes; a directory, a missing file or a larger file throws.
    package static func read(_ path: String, limit: Int) throws -> [UInt8] {
        guard let status = status(path) else { throw ChunkReader.OpenFailure(code: errno) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw ChunkReader.OpenFailure(code: EISDIR) }
        let size = Int(status.st_size)
        guard size <= limit else { throw TooLarge(size: size, isStandardInput: false) }
        // Read straight into the array, in pieces: through `Data` the file stood in memory twice at once.
        return try readWhole(ChunkReader(path: path), expecting: size, limit: limit, isStandardInput: false)
    }

    /// Standard input, whole, with the same limit as files: read at most one piece beyond it.
    package static func readStandardInput(limit: Int) throws -> [UInt8] {
        try readWhole(ChunkReader(path: "-"), expecting: 0, limit: limit, isStandardInput: true)
    }

    /// Every piece of `reader` in one array: the first of the `expected` bytes a file's size gives, read straight into
    /// the array returned (a file read whole is read once, into memory of its size), then any more in pieces.
    private static func readWhole(_ reader: ChunkReader, expecting expected: Int, limit: Int, isStandardInput: Bool) throws -> [UInt8] {
        var bytes = expected > 0 ? reader.next(upTo: expected) : []
        while bytes.count < expected, case let piece = reader.next(upTo: expected - bytes.count), !piece.isEmpty {
            bytes += piece
        }
        // What follows (standard input, a file that grew since its size was asked), in pieces: a small one first
        // after a file's size, which is most often its end.
        var pieceSize = expected > 0 ? 1 << 12 : ChunkReader.pieceSize
        while case let piece = reader.next(upTo: pieceSize), !piece.isEmpty {
            bytes += piece
            pieceSize = ChunkReader.pieceSize
            guard bytes.count <= limit else { throw TooLarge(size: bytes.count, isStandardInput: isStandardInput) }
        }
        return bytes
    }

    /// The files under `folder` whose names end in one of `suffixes` (any case), sorted, or `nil` when the path is
    /// not a folder. Hidden entries (`.build`, `.git`) and lock files (`~$book.xlsx`, left while a workbook is
    /// open) are left out.
    package static func files(under folder: String, endingIn suffixes: [String]) -> [String]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
              let enumerator = FileManager.default.enumerator(atPath: folder) else { return nil }
        var files: [String] = []
        while let entry = enumerator.nextObject() as? String {
            let hidden = entry.split(separator: "/").contains { $0.hasPrefix(".") || $0.hasPrefix("~$") }
            let lowered = entry.lowercased()
            if !hidden, suffixes.contains(where: { lowered.hasSuffix($0) }) {
                files.append((folder as NSString).appendingPathComponent(entry))
            }
        }
        return files.sorted()
    }

    /// Makes a folder and the folders above it that are missing; nothing when it exists.
    package static func makeFolder(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `path` atomically (``AtomicFile``): a temporary file in the same folder, renamed into place.
    /// A write that fails midway (no space, a size limit) removes its temporary file and leaves the old one.
    package static func writeAtomically(_ path: String, _ bytes: [UInt8]) throws {
        let file = try AtomicFile(path: path)
        try file.write(bytes)
        try file.commit()
    }

    /// Writes all of `bytes` to a file descriptor, however many calls it takes; stops at an error (a closed pipe, a
    /// full disk) and returns its `errno` (EIO for a write that took nothing), `nil` when every byte was written.
    @discardableResult
    package static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return written < 0 ? errno : EIO }
                offset += written
            }
            return nil
        }
    }

    /// Why a file could not be read or written, in plain words (`no such file`, `permission denied`); `nil` for an
    /// error this type does not know, which the program words itself.
    package static func reason(_ error: any Error) -> String? {
        if let failure = error as? ChunkReader.OpenFailure { return failure.description }
        if let missing = error as? MissingFolder { return missing.description }
        let nsError = error as NSError
        if let cause = nsError.userInfo[NSUnderlyingErrorKey] as? any Error {
            let underlying = cause as NSError
            if underlying.domain == NSPOSIXErrorDomain { return ChunkReader.OpenFailure(code: Int32(underlying.code)).description }
        }
        if nsError.domain == NSPOSIXErrorDomain { return ChunkReader.OpenFailure(code: Int32(nsError.code)).description }
        guard nsError.domain == NSCocoaErrorDomain else { return nil }
        switch nsError.code {
        case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
        case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied"
        case NSFileWriteOutOfSpaceError: return "no space left on the device"
        case NSFileWriteVolumeReadOnlyError: return "the device is read-only"
        default: return nil
        }
    }
}
