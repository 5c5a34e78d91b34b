import Foundation
import PerformanceKit

/// `perfscore --jsonl FILE|-`: reads one evaluation per line in chunks, scores each chunk on all cores, and writes
/// one result per line in the same order. Memory stays bounded by the chunk, whatever the size of the input.
struct JSONLinesRun {
    var environment: CommandRunner.Environment
    var evaluator: Evaluator
    var summaryOnly: Bool
    /// Read and check the lines without scoring them.
    var readOnly = false

    /// Lines scored together: enough to keep every core busy, few enough to keep memory flat.
    static let linesPerChunk = 2048
    /// A longer line gets an error result as it is read, so that memory stays under 100 MB whatever the input:
    /// an evaluation is a few kilobytes, and even one of a thousand rows of long names is well under 1 MB.
    static let longestLine = 8 << 20

    func run(_ files: [String]) -> ExitStatus {
        var batch = BatchScorer(evaluator: evaluator, rendersResults: !summaryOnly)
        batch.readsOnly = readOnly
        var tally = BatchTally()
        var status = ExitStatus.success
        let output = OutputPipeline(write: write)
        let sizes = files.map(environment.fileSize)
        let total = sizes.contains(where: { $0 == nil }) ? nil : sizes.compactMap { $0 }.reduce(0, +)
        let showsProgress = environment.showsProgress && (summaryOnly || !environment.outputIsTerminal)
        let progress = showsProgress ? ProgressLine(unit: "lines", total: total, write: environment.writeError) : nil
        // A message clears the progress line first, so that it starts on a line of its own; the next update redraws it.
        func writeError(_ text: String) {
            progress?.finish()
            environment.writeError(text)
        }
        var bytesRead = 0
        for file in files {
            let next: () -> [UInt8]
            do {
                next = try environment.openChunks(file)
            } catch {
                output.drain()
                progress?.finish()
                writeError("perfscore: \(file): cannot read the file: \(CommandRunner.reason(error))\n")
                status = .unusable
                continue
            }
            var pending: [UInt8] = []
            var lines: [ArraySlice<UInt8>] = []
            var lineNumber = 1
            var firstOfChunk = 1
            func flush() {
                guard !lines.isEmpty else { return }
                let chunk = batch.scoreChunk(lines, firstLineNumber: firstOfChunk, reusing: output.takeWritten())
                tally.add(chunk.tally)
                if summaryOnly {
                    for failure in chunk.failures {
                        writeError("perfscore: line \(failure.lineNumber): \(failure.line)\n")
                    }
                } else {
                    output.submit(chunk.pieces)
                }
                lines.removeAll(keepingCapacity: true)
            }
            func refuseLongLine(_ number: Int) {
                let outcome = batch.failure(number, "the line is longer than \(Self.longestLine) bytes")
                tally.add(outcome)
                if summaryOnly {
                    writeError("perfscore: line \(outcome.lineNumber): \(outcome.line)\n")
                } else {
                    output.submit([Array((outcome.line + "\n").utf8)])
                }
            }
            var skipping = false
            while true {
                let piece = next()
                if piece.isEmpty { break }
                bytesRead += piece.count
                progress?.update(done: lineNumber - 1, measured: bytesRead)
                var start = piece.startIndex
                if skipping {
                    // The rest of an over-long line: dropped up to its newline.
                    guard let newline = piece.firstIndex(of: 0x0A) else { continue }
                    start = newline + 1
                    skipping = false
                }
                pending += piece[start...]
                start = 0
                for newline in Self.newlines(in: pending) {
                    if newline - start > Self.longestLine {
                        // A whole line over the limit (the check below catches the ones still unfinished).
                        flush()
                        refuseLongLine(lineNumber)
                    } else {
                        if lines.isEmpty { firstOfChunk = lineNumber }
                        lines.append(pending[start..<newline])
                    }
                    lineNumber += 1
                    start = newline + 1
                    if lines.count == Self.linesPerChunk {
                        flush()
                    }
                }
                flush()
                // Keep the unfinished line, and the buffer's memory with it.
                pending.removeSubrange(..<start)
                if pending.count > Self.longestLine {
                    refuseLongLine(lineNumber)
                    lineNumber += 1
                    pending.removeAll()
                    skipping = true
                }
            }
            if !pending.isEmpty {
                firstOfChunk = lineNumber
                lines.append(pending[...])
                flush()
            }
        }
        progress?.finish()
        output.drain()
        if summaryOnly { environment.writeOutput(summary(tally)) }
        if tally.failed > 0 { status = .unusable }
        if tally.disagreeing > 0 || tally.withErrors > 0 { status = max(status, .findings) }
        return status
    }

    /// The offsets of the newlines in `bytes`, found with `memchr`.
    static func newlines(in bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            var offsets: [Int] = []
            var position = 0
            while position < buffer.count, let found = memchr(base + position, 0x0A, buffer.count - position) {
                let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                offsets.append(offset)
                position = offset + 1
            }
            return offsets
        }
    }

    func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        if let writeBytes = environment.writeOutputBytes {
            writeBytes(bytes)
        } else {
            environment.writeOutput(String(decoding: bytes, as: UTF8.self))
        }
    }

    func summary(_ tally: BatchTally) -> String {
        let grades = ["优", "良", "中", "差"].map { "\($0) \(tally.grades[$0, default: 0])" }.joined(separator: ", ")
        return """
            scored: \(tally.scored), failed: \(tally.failed), disagreeing with printed figures: \(tally.disagreeing)\(tally.withErrors > 0 ? ", with error findings: \(tally.withErrors)" : "")
            fund-weighted mean total: \(tally.fundWeightedMean.map { "\($0)" } ?? "—")
            grades: \(grades)

            """
    }
}
