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
    static let linesPerChunk = 4096
    /// A longer line is refused as it is read, so that one huge line cannot exhaust memory.
    static let longestLine = 64 << 20

    /// Counts for `--summary` and for the exit status.
    struct Tally {
        var scored = 0
        var failed = 0
        var disagree = 0
        var funds = Decimal(0)
        var weighted = Decimal(0)
        var grades: [String: Int] = [:]
    }

    func run(_ files: [String]) -> ExitStatus {
        var batch = BatchScorer(evaluator: evaluator, rendersResults: !summaryOnly)
        batch.readsOnly = readOnly
        var tally = Tally()
        var status = ExitStatus.success
        for file in files {
            let next: () -> [UInt8]
            do {
                next = try environment.openChunks(file)
            } catch {
                environment.writeError("perfscore: \(file): cannot read the file: \(CommandRunner.reason(error))\n")
                status = .unusable
                continue
            }
            var pending: [UInt8] = []
            var lines: [ArraySlice<UInt8>] = []
            var lineNumber = 1
            var firstOfChunk = 1
            func flush() {
                guard !lines.isEmpty else { return }
                let outcomes = batch.score(lines, firstLineNumber: firstOfChunk).compactMap { $0 }
                var text = ""
                for outcome in outcomes {
                    record(outcome, into: &tally)
                    if !summaryOnly { text += outcome.line + "\n" }
                }
                if !text.isEmpty { environment.writeOutput(text) }
                lines.removeAll(keepingCapacity: true)
            }
            var skipping = false
            while true {
                var chunk = next()
                if chunk.isEmpty { break }
                if skipping {
                    // The rest of an over-long line: dropped up to its newline.
                    guard let newline = chunk.firstIndex(of: 0x0A) else { continue }
                    chunk = Array(chunk[(newline + 1)...])
                    skipping = false
                }
                pending += chunk
                var start = pending.startIndex
                while let newline = pending[start...].firstIndex(of: 0x0A) {
                    if lines.isEmpty { firstOfChunk = lineNumber }
                    lines.append(pending[start..<newline])
                    lineNumber += 1
                    start = newline + 1
                    if lines.count == Self.linesPerChunk {
                        flush()
                    }
                }
                flush()
                pending = Array(pending[start...])
                if pending.count > Self.longestLine {
                    let outcome = batch.failure(lineNumber, "the line is longer than \(Self.longestLine) bytes")
                    record(outcome, into: &tally)
                    if !summaryOnly { environment.writeOutput(outcome.line + "\n") }
                    lineNumber += 1
                    pending = []
                    skipping = true
                }
            }
            if !pending.isEmpty {
                firstOfChunk = lineNumber
                lines.append(pending[...])
                flush()
            }
        }
        if summaryOnly { environment.writeOutput(summary(tally)) }
        if tally.failed > 0 { status = .unusable }
        if tally.disagree > 0 { status = max(status, .findings) }
        return status
    }

    func record(_ outcome: BatchScorer.Outcome, into tally: inout Tally) {
        if outcome.failed {
            tally.failed += 1
            if summaryOnly { environment.writeError("perfscore: line \(outcome.lineNumber): \(outcome.line)\n") }
            return
        }
        tally.scored += 1
        if outcome.disagrees { tally.disagree += 1 }
        if let total = outcome.total {
            tally.funds += outcome.funds
            tally.weighted += outcome.funds * total
        }
        if let grade = outcome.grade { tally.grades[grade, default: 0] += 1 }
    }

    func summary(_ tally: Tally) -> String {
        let mean = tally.funds > 0 ? RoundingRule(scale: 2).round(tally.weighted / tally.funds) : nil
        let grades = ["优", "良", "中", "差"].map { "\($0) \(tally.grades[$0, default: 0])" }.joined(separator: ", ")
        return """
            scored: \(tally.scored), failed: \(tally.failed), disagreeing with printed figures: \(tally.disagree)
            fund-weighted mean total: \(mean.map { "\($0)" } ?? "—")
            grades: \(grades)

            """
    }
}
