import Dispatch
public import Foundation

/// Scores many evaluations, one JSON document per line (JSON Lines), on every core, results in input order.
///
/// The caller reads the input in chunks of lines and hands each chunk over; memory stays bounded by the chunk,
/// whatever the size of the input. A line that cannot be used gives an error result for that line and the
/// rest goes on.
///
/// ```swift
/// let batch = BatchScorer(evaluator: Evaluator())
/// for outcome in batch.score(lines, firstLineNumber: 1) { print(outcome.line) }
/// ```
public struct BatchScorer: Sendable {
    /// What one line gave.
    public struct Outcome: Sendable {
        /// The 1-based line number in the input.
        public var lineNumber: Int
        /// The result as one line of JSON (no newline): FORMAT.md §4, or `{"line": N, "error": "…"}`.
        public var line: String
        /// The total, when the line was scored.
        public var total: Decimal?
        /// The grade, when the line was scored.
        public var grade: String?
        /// The evaluation's adjusted budget (全年预算数), which weights the mean.
        public var funds: Decimal
        /// Whether the line could not be used.
        public var failed: Bool
        /// Whether a printed figure disagrees.
        public var disagrees: Bool
    }

    /// Reads, scores and verifies each line.
    public var evaluator: Evaluator
    /// Whether to render each result as JSON (off for `--summary`, which needs only the figures).
    public var rendersResults: Bool
    /// Whether to read and check each line without scoring it (a benchmark of the reader alone).
    public var readsOnly = false

    /// Creates a batch scorer.
    ///
    /// - Parameters:
    ///   - evaluator: how each line is read, scored and verified.
    ///   - rendersResults: whether each outcome carries its JSON line.
    public init(evaluator: Evaluator, rendersResults: Bool = true) {
        var evaluator = evaluator
        evaluator.explains = evaluator.explains && rendersResults
        self.evaluator = evaluator
        self.rendersResults = rendersResults
    }

    /// Scores a chunk of lines on all cores; the outcomes are in the order of the lines.
    ///
    /// - Parameters:
    ///   - lines: the lines' bytes, without their newlines; blank lines are skipped.
    ///   - firstLineNumber: the input line number of `lines[0]`.
    public func score(_ lines: [ArraySlice<UInt8>], firstLineNumber: Int) -> [Outcome?] {
        let results = OutcomeBuffer(count: lines.count)
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
    public func scoreLine(_ bytes: ArraySlice<UInt8>, lineNumber: Int) -> Outcome? {
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return nil }
        do {
            if readsOnly {
                let evaluation = try EvaluationReader().read(Array(bytes)).evaluation
                return Outcome(lineNumber: lineNumber, line: "", total: nil, grade: nil, funds: evaluation.budget.planned,
                               failed: false, disagrees: false)
            }
            let card = try evaluator.evaluate(Array(bytes))
            guard card.isComplete else {
                let reason = card.errors.map { "\($0.path): \($0.message)" }.joined(separator: "; ")
                return failure(lineNumber, reason)
            }
            let line = rendersResults ? JSONWriter(indent: 0).write(JSONReport.value(for: card, file: nil)) : ""
            return Outcome(lineNumber: lineNumber, line: line, total: card.total, grade: card.grade,
                           funds: card.budget.planned, failed: false, disagrees: card.verification?.agrees == false)
        } catch let error as EvaluationFileError {
            return failure(lineNumber, error.description.replacingOccurrences(of: "\n", with: "; "))
        } catch {
            return failure(lineNumber, "\(error)".replacingOccurrences(of: "\n", with: "; "))
        }
    }

    /// The error outcome of a line that cannot be used: `{"line": N, "error": reason}`.
    public func failure(_ lineNumber: Int, _ reason: String) -> Outcome {
        let value = JSONValue.object([
            .init(key: "line", value: .number(String(lineNumber))),
            .init(key: "error", value: .string(reason)),
        ])
        return Outcome(lineNumber: lineNumber, line: JSONWriter(indent: 0).write(value), total: nil, grade: nil,
                       funds: 0, failed: true, disagrees: false)
    }
}

/// Slots the workers write their outcomes into, each slot by exactly one worker.
private final class OutcomeBuffer: @unchecked Sendable {
    private var storage: [BatchScorer.Outcome?]
    private let lock = NSLock()

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ outcome: BatchScorer.Outcome?) {
        lock.lock()
        storage[index] = outcome
        lock.unlock()
    }

    var values: [BatchScorer.Outcome?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
