import Dispatch
import Foundation

/// Writes each chunk's results on a thread of its own while the cores score the next chunk, one chunk in flight
/// at a time (so memory stays bounded), and hands the written buffers back for reuse.
package final class OutputPipeline: @unchecked Sendable {
    private let queue = DispatchQueue(label: "perfscore.output")
    private let inFlight = DispatchSemaphore(value: 1)
    private let lock = NSLock()
    private let write: ([UInt8]) -> Void
    private var written: [[UInt8]] = []

    /// - Parameter write: writes bytes to the output; called on the pipeline's thread, one call at a time.
    package init(write: @escaping ([UInt8]) -> Void) {
        self.write = write
    }

    /// Queues a chunk's pieces for writing, after waiting for the previous chunk to be written.
    package func submit(_ pieces: [[UInt8]]) {
        inFlight.wait()
        queue.async { [self] in
            for piece in pieces where !piece.isEmpty { write(piece) }
            lock.lock()
            written = pieces
            lock.unlock()
            inFlight.signal()
        }
    }

    /// The buffers of the last chunk written, handed over whole for reuse; empty when none are free.
    package func takeWritten() -> [[UInt8]] {
        lock.lock()
        defer { lock.unlock() }
        var taken: [[UInt8]] = []
        swap(&taken, &written)
        return taken
    }

    /// Waits until everything submitted is written.
    package func drain() {
        inFlight.wait()
        inFlight.signal()
    }
}
