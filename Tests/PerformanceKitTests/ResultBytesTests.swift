import Foundation
import Testing
@testable import PerformanceKit
@testable import perfscore

/// The bytes users get, pinned: `perfscore --format json` of every example, what the command says of every bad
/// input, and `perfscore --jsonl` over thousands of generated lines shaped like real tables. Recorded before the
/// core was rebuilt (one exact path), so that the rebuilt core is held to the same output, figure for figure and
/// byte for byte, except where the CHANGELOG lists a change.
@Suite("Result bytes, pinned")
struct ResultBytesTests {
    /// Runs the command in process; `lines` is what a `--jsonl` run reads.
    static func run(_ arguments: [String], bytes: [UInt8] = [], lines: [UInt8] = []) -> (status: Int32, output: String, error: String) {
        final class Box: @unchecked Sendable {
            var output = ""
            var error = ""
            var bytes: [UInt8] = []
            var rest: [UInt8] = []
        }
        let box = Box()
        box.rest = lines
        var environment = CommandRunner.Environment(
            readFile: { path in path.hasPrefix("examples/") ? try Fixtures.bytes(path) : bytes },
            readStandardInput: { bytes },
            writeOutput: { box.output += $0 }, writeError: { box.error += $0 })
        environment.writeOutputBytes = { box.bytes += $0 }
        environment.openChunks = { _ in
            { defer { box.rest = [] }; return box.rest }
        }
        let status = CommandRunner(environment: environment).run(arguments)
        return (status.rawValue, box.output + String(decoding: box.bytes, as: UTF8.self), box.error)
    }

    static var spreadsheetExamples: [String] {
        let base = Fixtures.root.appendingPathComponent("examples/spreadsheets")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        return names.filter { $0.hasSuffix(".csv") || $0.hasSuffix(".tsv") || $0.hasSuffix(".xlsx") }.sorted().map { "examples/spreadsheets/" + $0 }
    }

    @Test func pinsTheJSONResultOfEveryExample() throws {
        var text = ""
        for path in Fixtures.examples + Self.spreadsheetExamples {
            let result = Self.run(["--format", "json", path])
            text += "== \(path) (exit \(result.status))\n" + result.output + result.error
        }
        try assertGolden(text, named: "pinsTheJSONResultOfEveryExample.txt")
    }

    @Test func pinsWhatTheCommandSaysOfEveryBadInput() throws {
        var text = ""
        for input in BadInputCorpus.cases {
            let result = Self.run(["--format", "json", "bad.json"], bytes: input.bytes)
            text += "== \(input.name) (exit \(result.status))\n"
            if !result.output.isEmpty { text += "  result \(fingerprint(result.output.utf8))\n" }
            text += result.error
        }
        try assertGolden(text, named: "pinsWhatTheCommandSaysOfEveryBadInput.txt")
    }

    /// Each result line of `perfscore --jsonl` over 3,000 generated lines: its number, total, grade and the
    /// fingerprint of its bytes; the first 15 results in full.
    @Test func pinsTheJSONLinesResultsOfGeneratedTables() throws {
        let corpus = TableLines.corpus(count: 3_000, seed: 2023)
        if let dump = ProcessInfo.processInfo.environment["DUMP_CORPUS"] {
            try (corpus.joined(separator: "\n") + "\n").write(toFile: dump, atomically: true, encoding: .utf8)
        }
        let result = Self.run(["--jsonl", "corpus.jsonl"], lines: Array((corpus.joined(separator: "\n") + "\n").utf8))
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == corpus.count)
        var text = "exit \(result.status)\n" + result.error
        var scored = 0
        for (number, line) in lines.enumerated() {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let total = (object?["total"] as? NSNumber)?.stringValue ?? "—"
            if object?["total"] is NSNumber { scored += 1 }
            let grade = object?["grade"] as? String ?? "—"
            let agrees = ((object?["verification"] as? [String: Any])?["agrees"] as? Bool).map { $0 ? "agrees" : "differs" } ?? "-"
            text += "\(number + 1) \(total) \(grade) \(agrees) \(fingerprint(line.utf8))\n"
        }
        text += "\n" + lines.prefix(15).joined(separator: "\n") + "\n"
        let summary = Self.run(["--jsonl", "--summary", "corpus.jsonl"], lines: Array((corpus.joined(separator: "\n") + "\n").utf8))
        text += "\n--summary (exit \(summary.status))\n" + summary.output
        // The corpus must exercise the scorer, not only its refusals.
        #expect(scored > corpus.count * 3 / 4)
        try assertGolden(text, named: "pinsTheJSONLinesResultsOfGeneratedTables.txt")
    }
}
