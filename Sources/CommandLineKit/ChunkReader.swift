import Foundation

/// Reads a file (or standard input) in pieces of 2 MB with `read(2)`, each straight into a new array's storage:
/// the caller may still hold earlier pieces (their lines are being scored), and the allocator gives each new piece
/// memory that earlier pieces freed (``ProcessSetup/keepFreedMemoryForReuse()``).
package final class ChunkReader {
    /// Why a file cannot be opened, as `errno` tells it.
    package struct OpenFailure: Error, CustomStringConvertible {
        package var code: Int32

        package init(code: Int32) {
            self.code = code
        }

        package var description: String {
            switch code {
            case ENOENT: return "no such file"
            case EACCES: return "permission denied"
            case EISDIR: return "it is a directory, not a file"
            case ENOSPC: return "no space left on the device"
            case EFBIG: return "the file is larger than the system allows"
            case EROFS: return "the device is read-only"
            case ENOTDIR: return "a part of the path is not a folder"
            default: return String(cString: strerror(code)).lowercased()
            }
        }
    }

    package static let pieceSize = 1 << 21

    private let descriptor: Int32
    private let closesDescriptor: Bool

    /// Opens `path`, or standard input for `-`.
    package init(path: String) throws {
        if path == "-" {
            descriptor = STDIN_FILENO
            closesDescriptor = false
        } else {
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw OpenFailure(code: errno) }
            var status = stat()
            if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                close(descriptor)
                throw OpenFailure(code: EISDIR)
            }
            closesDescriptor = true
        }
    }

    deinit {
        if closesDescriptor { close(descriptor) }
    }

    /// A file (or `-`) opened for reading: each call of the function gives the next chunk, empty at the end.
    package static func chunks(_ path: String) throws -> () -> [UInt8] {
        let reader = try ChunkReader(path: path)
        return { reader.next() }
    }

    /// The next piece, empty at the end of the input (or at a read error, such as reading a directory).
    ///
    /// The system reads straight into the piece's own storage: a piece is new for each call (the one before may
    /// still be being scored), so it is never copied out of a buffer of the reader's.
    ///
    /// - Parameter size: the most bytes the piece holds: ``pieceSize``, or a file's whole size when it is read whole.
    package func next(upTo size: Int = pieceSize) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: max(size, 1)) { buffer, initialized in
            var count: Int
            repeat {
                count = read(descriptor, buffer.baseAddress, buffer.count)
            } while count < 0 && errno == EINTR
            initialized = max(count, 0)
        }
    }
}
