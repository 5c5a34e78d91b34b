import Foundation

/// A file written in pieces and put in place whole: the pieces go to a temporary file beside it
/// (`.NAME.PID.tmp`, in the same folder, so that a rename moves it), which ``commit()`` renames over the path. A
/// reader never sees half a file, and a failure (no space, a size limit) never leaves half a file over a good one:
/// the temporary file is removed and the old one stands.
///
/// ```swift
/// let file = try AtomicFile(path: "report.json")
/// try file.write(Array(head.utf8))
/// try file.write(Array(rest.utf8))
/// try file.commit()
/// ```
///
/// A file neither committed nor discarded is discarded when it is let go of.
package final class AtomicFile {
    /// Where the file is put by ``commit()``.
    package let path: String
    /// The temporary file the pieces go to.
    private let temporary: String
    /// The temporary file, open for writing; -1 once it is closed.
    private var descriptor: Int32

    /// Opens the temporary file for `path`; throws ``FileAccess/MissingFolder`` when the folder does not exist, or
    /// the system's reason (``ChunkReader/OpenFailure``) when the file cannot be made.
    package init(path: String) throws {
        let written = path as NSString
        let folder = try FileAccess.existingFolder(of: path)
        temporary = (folder as NSString).appendingPathComponent(".\(written.lastPathComponent).\(getpid()).tmp")
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw ChunkReader.OpenFailure(code: errno) }
        self.path = path
        Interrupt.arm(temporary)
    }

    deinit {
        discard()
    }

    /// Appends `bytes`, however many calls of `write(2)` it takes; a failure discards the file and throws its reason.
    /// A file already committed or discarded throws EBADF.
    package func write(_ bytes: [UInt8]) throws {
        guard descriptor >= 0 else { throw ChunkReader.OpenFailure(code: EBADF) }
        if let code = FileAccess.writeAll(bytes, to: descriptor) {
            discard()
            throw ChunkReader.OpenFailure(code: code)
        }
    }

    /// Puts the file at ``path``, over any file there; a failure (closing, renaming) discards it and throws its reason.
    /// A file already committed or discarded throws EBADF.
    package func commit() throws {
        guard descriptor >= 0 else { throw ChunkReader.OpenFailure(code: EBADF) }
        let closed = close(descriptor) == 0
        let code = errno
        descriptor = -1
        Interrupt.disarm(temporary)
        guard closed else {
            unlink(temporary)
            throw ChunkReader.OpenFailure(code: code)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw ChunkReader.OpenFailure(code: code)
        }
    }

    /// Removes the temporary file, leaving any file at ``path`` as it was; nothing once committed or discarded.
    package func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        Interrupt.disarm(temporary)
        unlink(temporary)
    }

    /// Makes an interrupt (SIGINT, as Ctrl-C sends; SIGTERM; SIGHUP) remove the temporary file being written before
    /// the process ends as the signal ends it, so that a report interrupted while it is written leaves nothing
    /// behind. A program calls it once, at its start.
    ///
    /// A signal the process was started ignoring stays ignored (`nohup` ignores SIGHUP). The three are unblocked: a
    /// mask of blocked signals is passed on to a program by the one that starts it (a test runner's threads block
    /// them), and blocked, the interrupt would wait for the end of the report.
    package static func removedOnInterrupt() {
        // The handler's state made before any handler may run (a static is made on its first use).
        _ = (Interrupt.armed, Interrupt.path)
        let ignored = unsafeBitCast(SIG_IGN, to: Int.self)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            let previous = signal(signalNumber) { signalNumber in
                Interrupt.removeArmedFile()
                signal(signalNumber, SIG_DFL)
                raise(signalNumber)
            }
            if unsafeBitCast(previous, to: Int.self) == ignored {
                signal(signalNumber, SIG_IGN)
            } else {
                sigaddset(&unblocked, signalNumber)
            }
        }
        sigprocmask(SIG_UNBLOCK, &unblocked, nil)
    }

    /// The temporary file a signal handler removes: its path copied into memory of its own, allocated once, and a
    /// flag raised only while the copy is whole (lowered before it is written over), so that the handler, which may
    /// run between any two instructions, reads a whole path or none. The last file opened is the one armed; a file
    /// committed or discarded disarms it if it is still that one.
    private enum Interrupt {
        nonisolated(unsafe) static var armed: sig_atomic_t = 0
        nonisolated(unsafe) static let path = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)
        /// The file armed, for ``disarm(_:)`` to compare (the handler reads ``path`` alone).
        nonisolated(unsafe) static var armedFile: String?

        static func arm(_ temporary: String) {
            let bytes = Array(temporary.utf8)
            armed = 0
            guard bytes.count <= Int(PATH_MAX) else { return }
            bytes.withUnsafeBufferPointer { source in
                path.withMemoryRebound(to: UInt8.self, capacity: bytes.count + 1) { target in
                    target.update(from: source.baseAddress!, count: bytes.count)
                    target[bytes.count] = 0
                }
            }
            armedFile = temporary
            armed = 1
        }

        static func disarm(_ temporary: String) {
            guard armed != 0, armedFile == temporary else { return }
            armed = 0
        }

        /// From the signal handler: `unlink(2)`, which a handler may call, of the armed file.
        static func removeArmedFile() {
            if armed != 0 { unlink(path) }
        }
    }
}
