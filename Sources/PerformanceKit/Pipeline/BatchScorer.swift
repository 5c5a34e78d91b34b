import Dispatch
import Foundation

/// Scores many evaluations, one JSON document per line (JSON Lines), on every core, results in input order.
///
/// The caller reads the input in chunks of lines and hands each chunk over; memory stays bounded by the chunk,
/// whatever the size of the input. A line that cannot be used gives an error result for that line and the
/// rest goes on.
///
/// ```swift
/// let batch = BatchScorer(evaluator: Evaluator())
/// var lineChunk = LineChunk()
/// let piece = lineChunk.add(bytesRead)                                   // a buffer the lines are in
/// for range in lineRanges { lineChunk.append(line: range, in: piece) }   // each line's place, no newline
/// let chunk = batch.beginChunk(lineChunk, firstLineNumber: 1).finish()   // the fastest: bytes out, exact tally
/// for piece in chunk.pieces { FileHandle.standardOutput.write(Data(piece)) }
/// print(chunk.tally.fundWeightedMean!)
/// for outcome in batch.score(lines, firstLineNumber: 1) { print(outcome.line) }   // one value per line
/// ```
///
/// Every line takes the one path: ``Evaluator`` reads, scores and verifies it, ``JSONReport`` writes its result.
package struct BatchScorer: Sendable {
    /// What one line gave.
    package struct Outcome: Sendable {
        /// The 1-based line number in the input.
        package var lineNumber: Int
        /// The result as one line of JSON (no newline): FORMAT.md §4, or `{"line": N, "error": "…"}`.
        package var line: String
        /// The total, when the line was scored.
        package var total: ExactDecimal?
        /// The grade, when the line was scored.
        package var grade: String?
        /// The evaluation's adjusted budget (全年预算数), which weights the mean.
        package var funds: ExactDecimal
        /// Whether the line could not be used.
        package var failed: Bool
        /// Whether a printed figure disagrees.
        package var disagrees: Bool
        /// Whether the scored line carries an error-severity finding (a table scored as the evaluator wrote it).
        package var hasErrors = false
        /// Why the line could not be used, in words (what `error` holds in ``line``); `nil` when it was used.
        package var reason: String? = nil
    }

    /// Reads, scores and verifies each line.
    package var evaluator: Evaluator
    /// Whether to render each result as JSON (off for `--summary`, which needs only the figures).
    package var rendersResults: Bool
    /// Whether to read and check each line without scoring it (a benchmark of the reader alone).
    package var readsOnly = false
    /// The notation caches of the runs, each lent to one run at a time, so that a cache stays warm from one run to
    /// the next instead of being filled again for every run of every chunk.
    private let caches = NotationCachePool()

    /// Creates a batch scorer.
    ///
    /// - Parameters:
    ///   - evaluator: how each line is read, scored and verified.
    ///   - rendersResults: whether each outcome carries its JSON line.
    package init(evaluator: Evaluator, rendersResults: Bool = true) {
        self.evaluator = evaluator
        self.rendersResults = rendersResults
    }

    /// What a chunk of lines gave.
    package struct Chunk: Sendable {
        /// The result lines, each ending in a newline, in input order, in one piece per core's run of lines;
        /// empty when results are not rendered.
        package var pieces: [[UInt8]]
        /// The counts of the chunk.
        package var tally: BatchTally
        /// The lines that could not be used, in input order.
        package var failures: [Outcome]

        /// The pieces joined: the chunk's whole output.
        package var output: [UInt8] {
            pieces.flatMap { $0 }
        }
    }

    /// Starts scoring a chunk of lines on all cores and returns at once: the chunk is cut into runs of consecutive
    /// lines, queued on the shared concurrent queue; each core takes runs in turn and writes a run's results into one
    /// buffer (a piece of the chunk's output), so that nothing is copied between cores.
    ///
    /// The caller reads the next chunk meanwhile and begins it before finishing this one, so that the cores go from
    /// one chunk's runs to the next without waiting for the reading, or for the slowest run of a chunk.
    ///
    /// - Parameters:
    ///   - lines: the lines, without their newlines; blank lines are skipped.
    ///   - firstLineNumber: the input line number of the first line.
    ///   - buffers: the pieces of an earlier chunk, done with: their memory is reused, so that a long batch
    ///     stops allocating after its first chunks.
    package func beginChunk(_ lines: LineChunk, firstLineNumber: Int, reusing buffers: consuming [[UInt8]] = []) -> PendingChunk {
        // Two runs per core: a core that finishes its run early takes another (and then the next chunk's).
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount * Self.runsPerCore, lines.count))
        let stride = (lines.count + workers - 1) / workers
        let buffers = Slots(buffers, count: workers)
        let pending = PendingChunk(runs: workers)
        for worker in 0..<workers {
            DispatchQueue.global().async(group: pending.group) { [self] in
                let start = min(lines.count, worker * stride)
                let end = min(lines.count, start + stride)
                pending.runs.set(worker, scoreRun(lines, start..<end, firstLineNumber: firstLineNumber,
                                                  reusing: buffers.take(worker) ?? []))
            }
        }
        return pending
    }

    /// A chunk whose runs are being scored.
    package final class PendingChunk: Sendable {
        fileprivate let group = DispatchGroup()
        fileprivate let runs: Slots<Chunk>

        fileprivate init(runs: Int) {
            self.runs = Slots(count: runs)
        }

        /// Waits for the chunk's runs and joins them, in input order.
        package func finish() -> Chunk {
            group.wait()
            var chunk = Chunk(pieces: [], tally: BatchTally(), failures: [])
            for case let run? in runs.values {
                chunk.pieces += run.pieces
                chunk.tally.add(run.tally)
                chunk.failures += run.failures
            }
            return chunk
        }
    }

    /// How many runs of consecutive lines a chunk is cut into per core.
    static let runsPerCore = 2

    /// Scores the consecutive lines at `positions` of `lines` (whose first line is input line `firstLineNumber`) on
    /// the calling thread into one writer, whose bytes end in the memory of `buffer`, reused.
    func scoreRun(_ lines: LineChunk, _ positions: Range<Int>, firstLineNumber: Int, reusing buffer: consuming [UInt8]) -> Chunk {
        var output = consume buffer
        output.removeAll(keepingCapacity: true)
        var out = JSONOutput(indent: 0, capacity: rendersResults ? lines.byteCount(in: positions) * 5 / 2 : 16)
        var tally = BatchTally()
        var failures: [Outcome] = []
        // The lines repeat the same few targets: each is read once, in a cache this run alone holds while it runs.
        let cache = caches.lend()
        lines.forEachLine(in: positions) { position, bytes in
            guard let outcome = score(bytes, lineNumber: firstLineNumber + position, into: &out, cache: cache) else { return }
            tally.add(outcome)
            if outcome.failed { failures.append(outcome) }
        }
        caches.takeBack(cache)
        out.buffer.withBytes { output.append(contentsOf: $0) }
        return Chunk(pieces: [output], tally: tally, failures: failures)
    }

    /// Scores a chunk of lines on all cores; the outcomes are in the order of the lines.
    ///
    /// - Parameters:
    ///   - lines: the lines' bytes, without their newlines; blank lines are skipped.
    ///   - firstLineNumber: the input line number of `lines[0]`.
    package func score(_ lines: [ArraySlice<UInt8>], firstLineNumber: Int) -> [Outcome?] {
        let results = Slots<Outcome>(count: lines.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, lines.count))
        let stride = (lines.count + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = worker * stride
            let end = min(lines.count, start + stride)
            guard start < end else { return }
            for index in start..<end {
                results.set(index, scoreLine(lines[index], lineNumber: firstLineNumber + index))
            }
        }
        return results.values
    }

    /// One line's outcome, or `nil` for a blank line.
    ///
    /// With ``readsOnly``, the line is read and checked, not scored.
    package func scoreLine(_ bytes: ArraySlice<UInt8>, lineNumber: Int) -> Outcome? {
        var out = JSONOutput(indent: 0)
        guard var outcome = bytes.withUnsafeBufferPointer({ score($0, lineNumber: lineNumber, into: &out) }) else { return nil }
        var output = out.bytes
        if output.last == 0x0A { output.removeLast() }
        outcome.line = String(decoding: output, as: UTF8.self)
        return outcome
    }

    /// One line's outcome, its result line (with its newline) written to `output` when results are rendered;
    /// `nil` for a blank line. The outcome's own `line` stays empty: the bytes are in `output`.
    func score(_ bytes: UnsafeBufferPointer<UInt8>, lineNumber: Int, into output: inout JSONOutput, cache: NotationCache? = nil) -> Outcome? {
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return nil }
        do throws(Evaluator.Failure) {
            if readsOnly { return try readOutcome(bytes, lineNumber: lineNumber) }
            // The card is read and let go of here, while the line's bytes stand: its rows keep their texts in them.
            let card = try evaluator.evaluate(bytes, cache: cache, inPlace: true)
            guard card.isComplete else {
                let reason = card.errors.map { "\($0.path): \($0.message)" }.joined(separator: "; ")
                return failure(lineNumber, reason, into: &output)
            }
            if rendersResults {
                JSONReport.write(card, file: nil, into: &output)
                output.raw(0x0A)
            }
            return Outcome(lineNumber: lineNumber, line: "", total: card.total, grade: card.grade,
                           funds: card.budget.planned, failed: false, disagrees: card.verification?.agrees == false,
                           hasErrors: !card.errors.isEmpty)
        } catch {
            return failure(lineNumber, Self.reason(error), into: &output)
        }
    }

    /// Why a line could not be used, in words for a line: its problems on one line, a byte offset counted in the
    /// line (a file's "byte 33" would point into another line).
    static func reason(_ error: Evaluator.Failure) -> String {
        guard case .file(let fileError) = error else { return error.description }
        return fileError.problems.map { problem in
            if case .notUTF8(let offset, _) = problem {
                return "the line is not UTF-8 (byte \(offset) of the line cannot be read); save the file as UTF-8"
            }
            return problem.description.replacingOccurrences(of: "\n", with: "; ")
        }.joined(separator: "; ")
    }

    /// A line read and checked, not scored.
    func readOutcome(_ bytes: UnsafeBufferPointer<UInt8>, lineNumber: Int) throws(Evaluator.Failure) -> Outcome {
        let funds: ExactDecimal
        do {
            // Only the funds are kept, a figure: the rows may keep their texts in the line's bytes.
            funds = try EvaluationReader().read(bytes, inPlace: true).evaluation.budget.planned
        } catch {
            throw .file(error)
        }
        return Outcome(lineNumber: lineNumber, line: "", total: nil, grade: nil, funds: funds, failed: false, disagrees: false)
    }

    /// The error outcome of a line that cannot be used: `{"line": N, "error": reason}`.
    package func failure(_ lineNumber: Int, _ reason: String) -> Outcome {
        var output = JSONOutput(indent: 0)
        return failure(lineNumber, reason, into: &output)
    }

    /// The error outcome, its line (with a newline) written to `output` when results are rendered.
    func failure(_ lineNumber: Int, _ reason: String, into output: inout JSONOutput) -> Outcome {
        var out = JSONOutput(indent: 0)
        out.beginObject()
        out.key("line"); out.number(lineNumber)
        out.key("error"); out.string(reason)
        out.endObject()
        let line = out.text
        if rendersResults {
            out.buffer.withBytes { output.buffer.append($0) }
            output.raw(0x0A)
        }
        return Outcome(lineNumber: lineNumber, line: line, total: nil, grade: nil, funds: .zero, failed: true, disagrees: false,
                       reason: reason)
    }
}

/// Notation caches lent to runs: a run takes one (a new one when all are out) and gives it back when it ends, so
/// that no two runs hold the same cache at once and a batch keeps about one cache per core.
private final class NotationCachePool: @unchecked Sendable {
    private var free: [NotationCache] = []
    private let lock = NSLock()

    func lend() -> NotationCache {
        lock.lock()
        defer { lock.unlock() }
        return free.popLast() ?? NotationCache()
    }

    func takeBack(_ cache: NotationCache) {
        lock.lock()
        free.append(cache)
        lock.unlock()
    }
}

/// Slots that workers fill, each slot by exactly one worker (a line's outcome, a run's chunk), or empty (a buffer
/// handed to the worker that reuses it).
private final class Slots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    /// Slots holding `values`, then empty ones up to `count`.
    init(_ values: consuming [Value], count: Int) {
        storage = values.map { $0 }
        while storage.count < count { storage.append(nil) }
    }

    func set(_ index: Int, _ value: Value?) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    /// The slot's value, leaving the slot empty so that the taker holds the only reference.
    func take(_ index: Int) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        guard index < storage.count else { return nil }
        let value = storage[index]
        storage[index] = nil
        return value
    }

    var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
