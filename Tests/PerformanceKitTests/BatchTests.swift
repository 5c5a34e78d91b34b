import Foundation
import Testing
@testable import PerformanceKit
import CommandLineKit
@testable import perfscore

@Suite("Batch scoring (JSON Lines)")
struct BatchTests {
    /// Every example as one line of JSON.
    static func exampleLines() throws -> [(path: String, line: [UInt8])] {
        try Fixtures.examples.map { path in
            (path, try oneLine(try Fixtures.bytes(path)))
        }
    }

    @Test func scoresEachLineAsTheSingleFileCommandDoes() throws {
        let lines = try Self.exampleLines()
        let outcomes = BatchScorer(evaluator: Evaluator()).score(lines.map { $0.line[...] }, firstLineNumber: 1)
        for ((path, _), outcome) in zip(lines, outcomes) {
            let single = resultLine(try Fixtures.scoreExample(path))
            #expect(outcome?.line == single, "\(path)")
        }
    }

    @Test func reportsABadLineAndGoesOn() {
        let lines: [ArraySlice<UInt8>] = ["{\"format\": \"perfscore/1\"", "", "[]"].map { Array($0.utf8)[...] }
        let outcomes = BatchScorer(evaluator: Evaluator()).score(lines, firstLineNumber: 7)
        #expect(outcomes.count == 3)
        #expect(outcomes[0]?.line == #"{"line":7,"error":"not valid JSON: expected ',' or '}', found the end of the file"}"#)
        #expect(outcomes[1] == nil)
        #expect(outcomes[2]?.failed == true)
        #expect(outcomes[2]?.lineNumber == 9)
    }

    /// A byte that is not UTF-8 is counted in its line, and said to be: "byte 33" of a file would be elsewhere.
    @Test func countsABadByteInItsLine() {
        let good = Array(#"{"format":"perfscore/1","title":"t"}"#.utf8)
        let bad = Array(#"{"format":"perfscore/1","title":""#.utf8) + [0xFF] + Array(#""}"#.utf8)
        let outcomes = BatchScorer(evaluator: Evaluator()).score([good[...], bad[...]], firstLineNumber: 1)
        #expect(outcomes[1]?.line == #"{"line":2,"error":"the line is not UTF-8 (byte 33 of the line cannot be read); save the file as UTF-8"}"#)
        #expect(outcomes[1]?.reason == "the line is not UTF-8 (byte 33 of the line cannot be read); save the file as UTF-8")
    }

    @Test func runsTheCommandOverJSONLinesInOrder() throws {
        let lines = try Self.exampleLines()
        var text = lines.map { String(decoding: $0.line, as: UTF8.self) }.joined(separator: "\n") + "\n{oops}\n"
        text += String(decoding: lines[0].line, as: UTF8.self)    // a last line without a newline
        final class Box: @unchecked Sendable { var text = "" }
        let output = Box()
        let errors = Box()
        var environment = CommandRunner.Environment(
            readFile: { _ in [] }, readStandardInput: { [] },
            writeOutput: { output.text += $0 }, writeError: { errors.text += $0 })
        final class Bytes: @unchecked Sendable { var rest: [UInt8] = [] }
        let input = Bytes()
        input.rest = Array(text.utf8)
        environment.openChunks = { _ in
            // Hand the input over in pieces of 37 bytes, so that lines and characters straddle chunks.
            return {
                let piece = Array(input.rest.prefix(37))
                input.rest.removeFirst(piece.count)
                return piece
            }
        }
        let status = CommandRunner(environment: environment).run(["--jsonl", "-"])
        #expect(status == .unusable)
        let results = output.text.split(separator: "\n")
        #expect(results.count == lines.count + 2)
        #expect(results[lines.count].hasPrefix(#"{"line":\#(lines.count + 1),"error":"#))
        let totals = results.compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return (object["total"] as? NSNumber)?.stringValue
        }
        #expect(totals == ["98.46", "90.22", "100", "100", "99.75", "98.07", "98.46"])
    }

    @Test func summarisesWithoutPrintingEachResult() throws {
        let lines = try Self.exampleLines()
        let text = lines.map { String(decoding: $0.line, as: UTF8.self) }.joined(separator: "\n")
        final class Box: @unchecked Sendable { var text = "" }
        let output = Box()
        var environment = CommandRunner.Environment(readFile: { _ in [] }, readStandardInput: { [] },
                                                    writeOutput: { output.text += $0 }, writeError: { _ in })
        var served = false
        environment.openChunks = { _ in { defer { served = true }; return served ? [] : Array(text.utf8) } }
        #expect(CommandRunner(environment: environment).run(["--jsonl", "--summary", "x.jsonl"]) == .success)
        #expect(output.text == """
            scored: 6, failed: 0, disagreeing with printed figures: 0
            fund-weighted mean total: 98.56
            grades: 优 6, 良 0, 中 0, 差 0

            """)
    }

    @Test func readsAFileInPiecesAndRefusesADirectory() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("perfscore-chunks-\(UUID().uuidString).jsonl")
        let bytes = (0..<(ChunkReader.pieceSize + 10)).map { UInt8(truncatingIfNeeded: $0 % 251) }
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let next = try CommandRunner.Environment.process.openChunks(url.path)
        var read: [UInt8] = []
        while true {
            let piece = next()
            if piece.isEmpty { break }
            read += piece
        }
        #expect(read == bytes)
        #expect(throws: ChunkReader.OpenFailure.self) { _ = try CommandRunner.Environment.process.openChunks(FileManager.default.temporaryDirectory.path) }
        #expect(CommandRunner.reason(ChunkReader.OpenFailure(code: EISDIR)) == "it is a directory, not a file (give the files in it, or perfscore summary DIR)")
        #expect(CommandRunner.reason(ChunkReader.OpenFailure(code: ENOENT)) == "no such file")
    }

    @Test func refusesLinesOverTheLimitWhetherWholeInAPieceOrSpreadOverSeveral() throws {
        let line = try Self.exampleLines()[0].line
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: JSONLinesJob.longestLine + 1)
        let pieces: [[UInt8]] = [
            line + [0x0A] + long + [0x0A] + line + [0x0A],                       // line 2: whole, too long
            [UInt8](repeating: UInt8(ascii: "y"), count: 1 << 22),               // line 4: spread over pieces
            [UInt8](repeating: UInt8(ascii: "y"), count: 1 << 22),
            [UInt8](repeating: UInt8(ascii: "y"), count: 1 << 22),               // (refused here, unfinished)
            [UInt8](repeating: UInt8(ascii: "y"), count: 1 << 20) + [0x0A] + line + [0x0A],
        ]
        final class Box: @unchecked Sendable { var text = "" }
        let output = Box()
        var environment = CommandRunner.Environment(readFile: { _ in [] }, readStandardInput: { [] },
                                                    writeOutput: { output.text += $0 }, writeError: { _ in })
        var served = 0
        environment.openChunks = { _ in { defer { served += 1 }; return served < pieces.count ? pieces[served] : [] } }
        #expect(CommandRunner(environment: environment).run(["--jsonl", "x.jsonl"]) == .unusable)
        let results = output.text.split(separator: "\n")
        #expect(results.count == 5)
        #expect(results[1] == #"{"line":2,"error":"the line is longer than 8388608 bytes"}"#)
        #expect(results[3] == #"{"line":4,"error":"the line is longer than 8388608 bytes"}"#)
        #expect([0, 2, 4].allSatisfy { results[$0].hasPrefix(#"{"format":"perfscore-result/1""#) })
    }
}
