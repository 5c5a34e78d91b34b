import Foundation

/// `perfscore --jsonl FILE|-`: one evaluation per line, read in chunks, each chunk scored on all cores while the
/// next is read and begun, one result per line written in the same order on a thread of its own
/// (``OutputPipeline``). Memory stays bounded by the chunks in flight, whatever the size of the input: a line longer
/// than ``longestLine`` gets an error result as it is read.
package struct JSONLinesJob {
    package var evaluator: Evaluator
    /// Print only the counts, the fund-weighted mean and the grades (`--totals`); failed lines become messages.
    package var totalsOnly: Bool
    /// Read and check the lines without scoring them (`--read-only`, the bare parse of scripts/bench).
    package var readOnly: Bool

    /// Lines scored together: enough to keep every core busy, few enough to keep memory flat.
    package static let linesPerChunk = 2048
    /// Chunks begun and not yet finished, at most: the oldest being finished while the next is scored.
    static let chunksScoredAtOnce = 2
    /// Input bytes begun and not yet finished, at most, unless one chunk alone holds more: a chunk of a few lines of
    /// megabytes each (an evaluation of thousands of rows) is scored alone, so that memory stays under 100 MB.
    static let bytesScoredAtOnce = 8 << 20
    /// A longer line gets an error result as it is read, so that memory stays under 100 MB whatever the input
    /// (the other jobs read JSON Lines with the same bound).
    package static let longestLine = EvaluationReader.longestLine

    package init(evaluator: Evaluator, totalsOnly: Bool, readOnly: Bool = false) {
        self.evaluator = evaluator
        self.totalsOnly = totalsOnly || readOnly
        self.readOnly = readOnly
    }

    /// What the job asks of the program that runs it.
    package struct Streams {
        /// A file (or `-`) opened for reading in chunks: each call gives the next chunk, empty at the end.
        package var open: (String) -> Result<() -> [UInt8], ReadFailure>
        /// Writes result bytes to the output; called on the writer's thread, one call at a time.
        package var write: ([UInt8]) -> Void
        /// Says one thing on standard error (no program name, no newline).
        package var message: (String) -> Void
        /// Called as chunks are read, with the lines and the bytes read so far, for a progress line.
        package var progress: ((_ lines: Int, _ bytes: Int) -> Void)?

        package init(open: @escaping (String) -> Result<() -> [UInt8], ReadFailure>, write: @escaping ([UInt8]) -> Void,
                     message: @escaping (String) -> Void, progress: ((_ lines: Int, _ bytes: Int) -> Void)? = nil) {
            self.open = open
            self.write = write
            self.message = message
            self.progress = progress
        }
    }

    /// `[` or `{` when the first line of a file holds only that (after a byte-order mark and spaces): the start of one
    /// JSON document written over many lines (what `extract` and `convert` write, or any pretty-printed evaluation),
    /// which `--jsonl` would report line by line as hundreds of failures; `nil` otherwise.
    static func documentOpening(_ piece: [UInt8]) -> Character? {
        var line = piece.prefix { $0 != 0x0A }
        guard line.endIndex < piece.endIndex else { return nil }
        if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        // The one byte that is not a space, found without copying the line (which may be megabytes long).
        var only: UInt8?
        for byte in line where byte != 0x20 && byte != 0x09 && byte != 0x0D {
            guard only == nil else { return nil }
            only = byte
        }
        guard let only, only == UInt8(ascii: "[") || only == UInt8(ascii: "{") else { return nil }
        return Character(Unicode.Scalar(only))
    }

    /// Scores every line of the files; the report is the totals with ``totalsOnly``, else `nil` (the results have
    /// been written). `unusable` when a line or a file could not be used, `findings` when a result disagrees
    /// with its printed figures or has error findings.
    package func run(_ files: [String], streams: Streams) -> JobOutput {
        var batch = BatchScorer(evaluator: evaluator, rendersResults: !totalsOnly)
        batch.readsOnly = readOnly
        var tally = BatchTally()
        var unreadable = false
        let output = OutputPipeline(write: streams.write)
        var bytesRead = 0
        for file in files {
            let next: () -> [UInt8]
            switch streams.open(file) {
            case .success(let opened): next = opened
            case .failure(let failure):
                output.drain()
                streams.message("\(file): cannot read the file: \(failure.reason)")
                unreadable = true
                continue
            }
            // The start of a line that the last piece left unfinished: only it is copied, every whole line of a
            // piece stays a place in the piece.
            var carry: [UInt8] = []
            var lines = LineChunk()
            var lineNumber = 1
            var firstOfChunk = 1
            // Chunks being scored, oldest first: one more is begun before the oldest is finished, so that the cores
            // go on to it while this thread reads and cuts the next piece and writes the oldest's results.
            var scoring: [(chunk: BatchScorer.PendingChunk, bytes: Int)] = []
            var bytesScoring = 0
            func finishOldest() {
                let oldest = scoring.removeFirst()
                bytesScoring -= oldest.bytes
                let chunk = oldest.chunk.finish()
                tally.add(chunk.tally)
                if totalsOnly {
                    for failure in chunk.failures { streams.message("line \(failure.lineNumber): \(failure.reason ?? failure.line)") }
                } else {
                    output.submit(chunk.pieces)
                }
            }
            // Begins the lines read so far (each chunk holds lines of one piece and one carried line at most, which
            // bounds its memory).
            func flush() {
                guard !lines.isEmpty else { return }
                // Room first: a chunk is begun beside the ones in flight only within both bounds.
                let bytes = lines.byteCount
                while scoring.count >= Self.chunksScoredAtOnce || (!scoring.isEmpty && bytesScoring + bytes > Self.bytesScoredAtOnce) {
                    finishOldest()
                }
                scoring.append((batch.beginChunk(lines, firstLineNumber: firstOfChunk, reusing: output.takeWritten()), bytes))
                bytesScoring += bytes
                lines.removeAll()
            }
            // Everything begun, finished in order: before a result this thread writes itself.
            func finishAll() {
                flush()
                while !scoring.isEmpty { finishOldest() }
            }
            func refuseLongLine(_ number: Int) {
                finishAll()
                let outcome = batch.failure(number, "the line is longer than \(Self.longestLine) bytes")
                tally.add(outcome)
                if totalsOnly {
                    streams.message("line \(outcome.lineNumber): \(outcome.reason ?? outcome.line)")
                } else {
                    output.submit([Array((outcome.line + "\n").utf8)])
                }
            }
            var skipping = false
            var firstPiece = true
            while true {
                let piece = next()
                if piece.isEmpty { break }
                if firstPiece, let opening = Self.documentOpening(piece) {
                    streams.message("\(file): line 1 is '\(opening)' alone: the file is one JSON document over many lines, not JSON Lines (one evaluation per line); score it without --jsonl")
                }
                firstPiece = false
                bytesRead += piece.count
                streams.progress?(lineNumber - 1, bytesRead)
                var start = piece.startIndex
                // The piece's place among the chunk's buffers, added with its first whole line.
                var pieceInChunk: Int?
                if skipping {
                    // The rest of an over-long line: dropped up to its newline.
                    guard let newline = piece.firstIndex(of: 0x0A) else { continue }
                    start = newline + 1
                    skipping = false
                }
                for newline in Self.newlines(in: piece, from: start) {
                    if carry.count + newline - start > Self.longestLine {
                        // A whole line over the limit (the check below catches the ones still unfinished).
                        carry = []
                        refuseLongLine(lineNumber)
                    } else {
                        if lines.isEmpty {
                            firstOfChunk = lineNumber
                            pieceInChunk = nil
                        }
                        if carry.isEmpty {
                            if pieceInChunk == nil { pieceInChunk = lines.add(piece) }
                            lines.append(line: start..<newline, in: pieceInChunk!)
                        } else {
                            carry += piece[start..<newline]
                            lines.append(wholeLine: carry)
                            carry = []
                        }
                    }
                    lineNumber += 1
                    start = newline + 1
                    if lines.count == Self.linesPerChunk { flush() }
                }
                flush()
                carry += piece[start...]
                if carry.count > Self.longestLine {
                    refuseLongLine(lineNumber)
                    lineNumber += 1
                    carry = []
                    skipping = true
                }
            }
            if !carry.isEmpty {
                firstOfChunk = lineNumber
                lines.append(wholeLine: carry)
            }
            finishAll()
        }
        output.drain()
        var status: JobStatus = unreadable || tally.failed > 0 ? .unusable : .success
        if tally.disagreeing > 0 || tally.withErrors > 0 { status = max(status, .findings) }
        return JobOutput(totalsOnly ? .text(Self.totals(tally)) : nil, status: status)
    }

    /// The offsets of the newlines in `bytes` from `start`, found with `memchr`.
    static func newlines(in bytes: [UInt8], from start: Int = 0) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            var offsets: [Int] = []
            var position = start
            while position < buffer.count, let found = memchr(base + position, 0x0A, buffer.count - position) {
                let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                offsets.append(offset)
                position = offset + 1
            }
            return offsets
        }
    }

    /// The totals of `--totals`: the counts, the fund-weighted mean total and the grades.
    static func totals(_ tally: BatchTally) -> String {
        let grades = ["优", "良", "中", "差"].map { "\($0) \(tally.grades[$0, default: 0])" }.joined(separator: ", ")
        return """
            scored: \(tally.scored), failed: \(tally.failed), disagreeing with printed figures: \(tally.disagreeing)\(tally.withErrors > 0 ? ", with error findings: \(tally.withErrors)" : "")
            fund-weighted mean total: \(tally.fundWeightedMean.map { "\($0)" } ?? "—")
            grades: \(grades)

            """
    }
}
