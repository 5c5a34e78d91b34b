import Foundation

/// Reads a file (or standard input) in pieces of 2 MB with `read(2)`, into one buffer that is handed out and
/// reused: once the caller has let go of a piece, the next is read into the same memory; while the caller still
/// holds it (its lines are being scored), the next piece goes to new memory, which the allocator takes from what
/// earlier pieces freed (``ProcessSetup/keepFreedMemoryForReuse()``).
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
    private let scratch: UnsafeMutableRawPointer
    private var piece: [UInt8] = []

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
        scratch = UnsafeMutableRawPointer.allocate(byteCount: Self.pieceSize, alignment: 16)
    }

    deinit {
        if closesDescriptor { close(descriptor) }
        scratch.deallocate()
    }

    /// The next piece, empty at the end of the input (or at a read error, such as reading a directory).
    package func next() -> [UInt8] {
        var count: Int
        repeat {
            count = read(descriptor, scratch, Self.pieceSize)
        } while count < 0 && errno == EINTR
        piece.removeAll(keepingCapacity: true)
        if count > 0 {
            piece.append(contentsOf: UnsafeRawBufferPointer(start: scratch, count: count))
        }
        return piece
    }
}
