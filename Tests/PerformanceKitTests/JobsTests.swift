import Foundation
import Testing
@testable import PerformanceKit

/// The subcommands' policy as library jobs (issue 16 §7): given a way to read files and a place for messages, each
/// job gives its report and status, so that an embedder runs what `perfscore` runs without a process.
@Suite struct JobsTests {
    /// Files from the repository, by path; messages collected.
    final class Messages: @unchecked Sendable {
        var lines: [String] = []
    }

    func io(_ messages: Messages, files: [String: [UInt8]] = [:]) -> JobIO {
        JobIO(read: { path in
            if let bytes = files[path] { return .success(bytes) }
            guard let bytes = try? Fixtures.bytes(path) else { return .failure(ReadFailure(reason: "no such file")) }
            return .success(bytes)
        }, message: { messages.lines.append($0) })
    }

    let seeds = Fixtures.examples.filter { $0.hasPrefix("examples/wuhan-2023/") }

    @Test func scoresEveryFileAndNamesTheOneItCannotRead() throws {
        let messages = Messages()
        let job = ScoreJob(evaluator: Evaluator(), format: .json, input: TableInput())
        let output = job.run(seeds + ["examples/missing.json"], io: io(messages))
        #expect(output.status == .unusable)
        #expect(messages.lines == ["examples/missing.json: cannot read the file: no such file"])
        guard case .text(let text)? = output.report else {
            Issue.record("no report")
            return
        }
        let results = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(results.compactMap { $0["total"] as? Double } == [100, 100, 99.75, 98.07])
    }

    @Test func writesNothingWhenNoTableCouldBeScored() {
        let messages = Messages()
        let output = ScoreJob(evaluator: Evaluator(), format: .text, input: TableInput())
            .run(["bad.json"], io: io(messages, files: ["bad.json": Array("{\"format\": \"perfscore/1\"".utf8)]))
        #expect(output.status == .unusable)
        #expect(output.report == nil)
        #expect(messages.lines.first?.hasPrefix("bad.json:1:") == true)
    }

    /// A report taken as it is made (`writeReport`: standard output, or the file `-o` puts in place at the end) is
    /// written a table at a time, and its pieces are the bytes of the report given back whole: for every format
    /// that is text, for one file and several, for a file of several tables (the disclosure's four), and for
    /// `verify` and `lint`.
    @Test(arguments: [OutputFormat.text, .json, .markdown, .csv])
    func writesTheReportATableAtATimeAsTheWholeOne(_ format: OutputFormat) throws {
        let inputs = [seeds, [seeds[2]], ["examples/disclosures/001_56ba69dbb77db55d.txt", seeds[0]]]
        for files in inputs {
            let jobs: [(String, ([String], JobIO) -> JobOutput)] = [
                ("score", { ScoreJob(evaluator: Evaluator(), format: format, input: TableInput()).run($0, io: $1) }),
                ("verify", { VerifyJob(evaluator: Evaluator(), format: format == .json ? .json : .text, input: TableInput()).run($0, io: $1) }),
                ("lint", { LintJob(override: nil, format: format == .json ? .json : .text, input: TableInput()).run($0, io: $1) }),
            ]
            for (name, run) in jobs {
                let whole = run(files, io(Messages()))
                guard case .text(let text)? = whole.report else {
                    Issue.record("\(name) \(format) \(files): no report")
                    continue
                }
                var pieces: [String] = []
                var streaming = io(Messages())
                streaming.writeReport = { pieces.append($0) }
                let streamed = run(files, streaming)
                #expect(streamed.status == whole.status)
                guard case .written? = streamed.report else {
                    Issue.record("\(name) \(format) \(files): the report was not written as it was made")
                    continue
                }
                #expect(pieces.joined() == text, "\(name) \(format) \(files)")
                // One piece a table (JSON: the first result of several is written with the second, the array's end
                // with the last), not the whole report at the end.
                let tables = files.count == 1 ? 1 : files.count + (files[0].hasSuffix(".txt") ? 3 : 0)
                #expect(pieces.count >= tables - (format == .json ? 1 : 0), "\(name) \(format) \(files): \(pieces.count) pieces")
            }
        }
    }

    /// A workbook taken as it is made (`writeReportBytes`) comes in pieces, a sheet at a time after the parts that
    /// list the sheets, that are the bytes of the workbook given back whole; no table scored, no piece.
    @Test func writesAWorkbookAPartAtATimeAsTheWholeOne() throws {
        let files = seeds + ["examples/disclosures/001_56ba69dbb77db55d.txt"]
        let whole = ScoreJob(evaluator: Evaluator(), format: .xlsx, input: TableInput()).run(files, io: io(Messages()))
        guard case .workbook(let bytes)? = whole.report else {
            Issue.record("no workbook")
            return
        }
        #expect(try TableReader().readWorkbook(bytes).count == 8)
        var pieces: [[UInt8]] = []
        var streaming = io(Messages())
        streaming.writeReportBytes = { pieces.append($0) }
        let streamed = ScoreJob(evaluator: Evaluator(), format: .xlsx, input: TableInput()).run(files, io: streaming)
        #expect(streamed.status == whole.status)
        guard case .written? = streamed.report else {
            Issue.record("the workbook was not written as it was made")
            return
        }
        #expect(Array(pieces.joined()) == bytes)
        // The five parts that list the sheets or do not depend on them, a piece per sheet, and the archive's directory.
        #expect(pieces.count == 5 + 8 + 1)
        // Sheets set aside where the program says, a sheet at a time, give the same workbook; a place that fails
        // fails the job, with nothing written.
        pieces = []
        var setAside: [Int] = []
        streaming.setAside = {
            let memory = SetAsideBytes.inMemory()
            return SetAsideBytes(put: { setAside.append($0.count); try memory.put($0) }, take: memory.take)
        }
        #expect(ScoreJob(evaluator: Evaluator(), format: .xlsx, input: TableInput()).run(files, io: streaming).status == whole.status)
        #expect(Array(pieces.joined()) == bytes)
        #expect(setAside.count == 8)
        struct Full: Error, CustomStringConvertible { var description: String { "no space left on the device" } }
        let messages = Messages()
        var failing = io(messages)
        pieces = []
        failing.writeReportBytes = { pieces.append($0) }
        failing.setAside = { SetAsideBytes(put: { _ in throw Full() }, take: { _ in [] }) }
        let failed = ScoreJob(evaluator: Evaluator(), format: .xlsx, input: TableInput()).run(files, io: failing)
        #expect(failed.status == .unusable)
        #expect(failed.report == nil)
        #expect(pieces.isEmpty)
        #expect(messages.lines == ["cannot write the workbook: no space left on the device"])
        pieces = []
        streaming = io(Messages(), files: ["bad.json": Array("{\"format\": \"perfscore/1\"".utf8)])
        streaming.writeReportBytes = { pieces.append($0) }
        #expect(ScoreJob(evaluator: Evaluator(), format: .xlsx, input: TableInput()).run(["bad.json"], io: streaming).report == nil)
        #expect(pieces.isEmpty)
    }

    /// A job that writes nothing as it goes (no table could be read) has no report, so that the program puts
    /// nothing over a file that was there.
    @Test func writesNoPieceWhenNoTableCouldBeScored() {
        var pieces: [String] = []
        var streaming = io(Messages(), files: ["bad.json": Array("{\"format\": \"perfscore/1\"".utf8)])
        streaming.writeReport = { pieces.append($0) }
        let output = ScoreJob(evaluator: Evaluator(), format: .json, input: TableInput()).run(["bad.json"], io: streaming)
        #expect(output.report == nil)
        #expect(pieces.isEmpty)
    }

    @Test func lintsTargetTablesWithoutActuals() {
        let messages = Messages()
        let output = LintJob(override: nil, format: .text, input: TableInput()).run(["examples/targets/004-jigou-yunzhuan.json"], io: io(messages))
        #expect(messages.lines.isEmpty)
        guard case .text(let text)? = output.report else {
            Issue.record("no report")
            return
        }
        #expect(text.hasPrefix("examples/targets/004-jigou-yunzhuan.json"))
    }

    @Test func givesARollUpsPagesAsFilesWithTheIndexLast() {
        let messages = Messages()
        let output = SummaryJob(evaluator: Evaluator(), format: .html, input: TableInput(), pagesForFolder: true).run(seeds, io: io(messages))
        #expect(output.status == .success)
        guard case .files(let files, let what)? = output.report else {
            Issue.record("no pages")
            return
        }
        #expect(what == "the page")
        #expect(files.map(\.name) == ["01-xingzheng-yunxing.html", "02-shiminzhijia-dalou.html", "03-zhengwu-fuwu.html",
                                      "04-zhihui-chengshi.html", "index.html"])
        #expect(String(decoding: files[4].bytes, as: UTF8.self).contains("href=\"03-zhengwu-fuwu.html\""))
    }

    /// Pages taken as they are made (`writeFile`: the folder `-o` names) are the pages given back at the end, in the
    /// same order, each written as its table is scored; a page that cannot be written stops the pages, and the
    /// roll-up's own page is not written over a folder that lacks them.
    @Test func writesEachPageAsItIsMade() {
        let whole = SummaryJob(evaluator: Evaluator(), format: .html, input: TableInput(), pagesForFolder: true).run(seeds, io: io(Messages()))
        guard case .files(let files, _)? = whole.report else {
            Issue.record("no pages")
            return
        }
        var written: [(name: String, bytes: [UInt8], what: String)] = []
        var streaming = io(Messages())
        streaming.writeFile = { name, bytes, what in
            written.append((name, bytes, what))
            return true
        }
        let streamed = SummaryJob(evaluator: Evaluator(), format: .html, input: TableInput(), pagesForFolder: true).run(seeds, io: streaming)
        #expect(streamed.status == .success)
        guard case .written? = streamed.report else {
            Issue.record("the pages were not written as they were made")
            return
        }
        #expect(written.map(\.name) == files.map(\.name))
        #expect(written.map(\.bytes) == files.map(\.bytes))
        #expect(Set(written.map(\.what)) == ["the page"])

        var attempts: [String] = []
        var failing = io(Messages())
        failing.writeFile = { name, _, _ in
            attempts.append(name)
            return attempts.count < 2
        }
        let failed = SummaryJob(evaluator: Evaluator(), format: .html, input: TableInput(), pagesForFolder: true).run(seeds, io: failing)
        #expect(failed.status == .unusable)
        #expect(failed.report == nil)
        #expect(attempts == Array(files.map(\.name).prefix(2)))
    }

    @Test func namesPagesWithoutClashing() {
        var names = RollUpPage.PageNames()
        #expect(names.name(for: "a/forms/03.json") == "03.html")
        #expect(names.name(for: "b/forms/03.json") == "forms-03.html")
        #expect(names.name(for: "c/forms/03.json") == "03-2.html")
        #expect(names.name(for: "book.xlsx[自评表]") == "book-自评表.html")
        // The roll-up's own page is index.html: a table of that name had its page written over by it, and the
        // roll-up linked to itself. Case is ignored, as macOS and Windows ignore it in file names.
        #expect(names.name(for: "forms/index.json") == "forms-index.html")
        #expect(names.name(for: "Index.json") == "Index-2.html")
        #expect(names.name(for: "c/forms/03.JSON") == "03-3.html")
    }

    /// A table named index.json keeps a page of its own beside the roll-up's index.html, linked from it.
    @Test func writesNoTablesPageOverTheRollUp() throws {
        let table = try Fixtures.bytes("examples/wuhan-2023/03-zhengwu-fuwu.json")
        let output = SummaryJob(evaluator: Evaluator(), format: .html, input: TableInput(), pagesForFolder: true)
            .run(["index.json"], io: io(Messages(), files: ["index.json": table]))
        guard case .files(let files, _)? = output.report else {
            Issue.record("no pages")
            return
        }
        #expect(files.map(\.name) == ["index-2.html", "index.html"])
        #expect(String(decoding: files[1].bytes, as: UTF8.self).contains("href=\"index-2.html\""))
    }

    /// JSON Lines framing: the same results however the input is cut into chunks, a line cut anywhere.
    @Test(arguments: [1, 7, 4096, 1 << 20])
    func framesLinesTheSameWhereverAChunkEnds(_ size: Int) throws {
        let lines = try seeds.map { path -> String in
            let bytes = try Fixtures.bytes(path)
            let object = try JSONSerialization.jsonObject(with: Data(bytes))
            return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        } + ["{not json", ""]
        let input = Array((lines.joined(separator: "\n") + "\n").utf8)
        final class Output: @unchecked Sendable {
            var bytes: [UInt8] = []
        }
        func run(chunkSize: Int) -> (JobOutput, [UInt8]) {
            let output = Output()
            var offset = 0
            let streams = JSONLinesJob.Streams(open: { _ in
                .success({
                    let end = min(offset + chunkSize, input.count)
                    defer { offset = end }
                    return Array(input[offset..<end])
                })
            }, write: { output.bytes += $0 }, message: { _ in })
            let result = JSONLinesJob(evaluator: Evaluator(), totalsOnly: false).run(["batch.jsonl"], streams: streams)
            return (result, output.bytes)
        }
        let (whole, expected) = run(chunkSize: input.count)
        let (cut, bytes) = run(chunkSize: size)
        #expect(bytes == expected)
        #expect(cut.status == whole.status)
        #expect(cut.status == .unusable)
        let results = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        // Four results, the broken line's error; the blank line is no evaluation.
        #expect(results.count == 5)
        #expect(results[4].hasPrefix("{\"line\":5,\"error\":\"not valid JSON"))
    }

    /// With `--totals` a line that cannot be used is said in words on standard error, as every other message is,
    /// not as the JSON object the full results hold for it.
    @Test func totalsSayEachUnusableLineInWords() {
        let input = Array("{\"format\": \"perfscore/1\"}\nnot json\n".utf8)
        final class Messages: @unchecked Sendable {
            var lines: [String] = []
        }
        let messages = Messages()
        var served = false
        let streams = JSONLinesJob.Streams(open: { _ in
            .success({
                defer { served = true }
                return served ? [] : input
            })
        }, write: { _ in }, message: { messages.lines.append($0) })
        let result = JSONLinesJob(evaluator: Evaluator(), totalsOnly: true).run(["batch.jsonl"], streams: streams)
        #expect(result.status == .unusable)
        #expect(messages.lines == [
            "line 1: budget: missing; expected an object with planned and executed; indicators: missing; expected an array of indicator objects",
            "line 2: not valid JSON: expected a value, found 'n'",
        ])
    }

    /// A file of one JSON document over many lines (what extract and convert write, a pretty-printed evaluation)
    /// given to `--jsonl` fails line by line, hundreds of times: its first line, `[` or `{` alone, is said first,
    /// with what to do. A file of JSON Lines is not.
    @Test func saysWhenTheFileIsOneDocumentNotJSONLines() {
        func messages(_ text: String) -> [String] {
            final class Messages: @unchecked Sendable { var lines: [String] = [] }
            let messages = Messages()
            var served = false
            let streams = JSONLinesJob.Streams(open: { _ in
                .success({
                    defer { served = true }
                    return served ? [] : Array(text.utf8)
                })
            }, write: { _ in }, message: { messages.lines.append($0) })
            _ = JSONLinesJob(evaluator: Evaluator(), totalsOnly: true).run(["t.json"], streams: streams)
            return messages.lines
        }
        let said = "t.json: line 1 is '[' alone: the file is one JSON document over many lines, not JSON Lines (one evaluation per line); score it without --jsonl"
        #expect(messages("\u{FEFF}[ \r\n  {\"format\": \"perfscore/1\"}\n]\n").first == said)
        #expect(messages("{\n\"format\": \"perfscore/1\"\n}\n").first?.hasPrefix("t.json: line 1 is '{' alone") == true)
        #expect(messages("{\"format\": \"perfscore/1\"}\n").first?.hasPrefix("line 1: ") == true)
        #expect(messages("[").first?.hasPrefix("line 1: ") == true)
    }
}
