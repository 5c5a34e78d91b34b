import Foundation
import Testing
@testable import PerformanceKit
@testable import perfscore

/// A JSON file that holds an array of evaluations, as `extract` writes a disclosure's tables and `convert` a
/// workbook's: it was refused whole ("expected an evaluation object, found an array"), so that what extract wrote
/// could not be scored. Each element is now a table of its own, `FILE[0]`, `FILE[1]`, …, read as a file's one
/// evaluation is read; a broken element is named with its line and passed over.
@Suite("Arrays of evaluations in one file")
struct EvaluationArrayTests {
    static let seed = "examples/disclosures/001_56ba69dbb77db55d.txt"

    static func evaluation(_ title: String, weight: String = "80", actual: String = "3") -> String {
        """
        {"format": "perfscore/1", "title": "\(title)", "budget": {"planned": 100, "executed": 90},
         "indicators": [{"category": "产出指标", "name": "通报", "weight": \(weight), "target": "≥4", "actual": "\(actual)"}]}
        """
    }

    @Test func readsEachElementOnItsOwn() throws {
        let text = "[\n" + Self.evaluation("甲") + ",\n" + Self.evaluation("乙", weight: "\"x\"") + ",\n" + Self.evaluation("丙", actual: "4") + "\n]"
        let elements = try #require(try EvaluationReader().readArray(Array(text.utf8)))
        #expect(elements.count == 3)
        #expect(try elements[0].get().evaluation.title == "甲")
        #expect(try elements[2].get().evaluation.title == "丙")
        // The broken element's finding: its own path, the file's line and column.
        guard case .failure(let error) = elements[1] else { Issue.record("the second element was read"); return }
        #expect(error.problems.map { "\($0.location): \($0)" }
                == ["5:52: indicators[0].weight: expected the indicator's points (分值) as a number ≥ 0, found the string \"x\""])
        // A file of one evaluation is not an array: read as ever.
        #expect(try EvaluationReader().readArray(Array(Self.evaluation("甲").utf8)) == nil)
    }

    @Test func refusesAnArrayThatIsNotOneOfEvaluations() {
        func problems(_ text: String) -> [String] {
            do {
                let elements = try EvaluationReader().readArray(Array(text.utf8)) ?? []
                return elements.flatMap { element -> [String] in
                    guard case .failure(let error) = element else { return [] }
                    return error.problems.map { "\($0.location): \($0)" }
                }
            } catch {
                return error.problems.map { "\($0.location): \($0)" }
            }
        }
        #expect(problems(" [ ] ") == ["1:2: (file): expected at least one evaluation object, found an empty array"])
        #expect(problems("[1, " + Self.evaluation("甲") + "]") == ["1:2: (file): expected an evaluation object, found the number 1"])
        // An array none of whose elements is an evaluation is another kind of file: said once, not element by
        // element and field by field (a transcription of 27 target tables gave 537 lines).
        #expect(problems("[1]") == ["1:1: (file): expected an evaluation object, or an array of them, found an array of 1 value(s), none with \"format\": \"perfscore/1\""])
        #expect(problems(#"[{"table": "表11"}, {"table": "表12", "indicators": []}]"#)
                == [#"1:1: (file): expected an evaluation object, or an array of them, found an array of 2 value(s), none with "format": "perfscore/1""#])
        // JSON that does not hold together stops the whole file: no element can be told from the next.
        #expect(problems("[" + Self.evaluation("甲") + ",]")
                == ["2:99: not valid JSON: expected a value (an object, array, string, number, true, false or null), found ']'"])
        #expect(problems("[" + Self.evaluation("甲") + "] x") == ["2:100: not valid JSON: expected the end of the file, found 'x'"])
    }

    /// What extract writes, scored, verified, linted and rolled up as it stands: the four seed tables and their
    /// published totals.
    @Test func scoresWhatExtractWrites() throws {
        let extracted = runPerfscore(["extract", Self.seed])
        #expect(extracted.status == .success)
        let files = ["tables.json": extracted.output]
        let scored = runPerfscore(["--format", "json", "tables.json"], files: files)
        #expect(scored.status == .success)
        let results = try #require(try JSONSerialization.jsonObject(with: Data(scored.output.utf8)) as? [[String: Any]])
        #expect(results.map { $0["file"] as? String } == ["tables.json[0]", "tables.json[1]", "tables.json[2]", "tables.json[3]"])
        #expect(results.map { "\($0["total"] ?? "")" } == ["100", "98.07", "100", "99.75"])
        let verified = runPerfscore(["verify", "tables.json"], files: files)
        #expect(verified.status == .success)
        #expect(verified.output.components(separatedBy: "\n").filter { $0.hasPrefix("tables.json[") && $0.contains(": agrees") }.count == 4)
        let rolledUp = runPerfscore(["summary", "tables.json"], files: files)
        #expect(rolledUp.status == .success)
        #expect(rolledUp.output.contains("合计                                                           4      10922.89"))
        // One HTML page holds one table: the way to a page each is named (--sheet alone fits no array).
        let page = runPerfscore(["--format", "html", "tables.json"], files: files)
        #expect(page.status == .unusable)
        #expect(page.error == "perfscore: tables.json: the file holds 4 tables and --format html makes one page of one table: pick a workbook's sheet with --sheet, or write a page per table with perfscore summary --format html -o DIR/\n")
        let linted = runPerfscore(["lint", "tables.json"], files: files)
        #expect(linted.output.contains("tables.json[3] 政务服务和政务公开能力建设运行费: "))
    }

    /// A roll-up reads each table leniently, as a target table may be read (no points, no budget block), but scores a
    /// self-evaluation only as scoring it alone would: one whose budget block or a row's points are missing is not
    /// rolled up at a budget or points of 0 (it was, at 0 of 20 and 中), but named with what it lacks; the same for
    /// a line of JSON Lines and a spreadsheet's table.
    @Test func rollsUpNoTableOnPointsOrABudgetItDoesNotGive() throws {
        let noBudget = Self.evaluation("乙").replacingOccurrences(of: #""budget": {"planned": 100, "executed": 90},"#, with: "")
        let noPoints = Self.evaluation("丙").replacingOccurrences(of: #""weight": 80, "#, with: "")
        let text = "[\n" + Self.evaluation("甲") + ",\n" + noBudget + ",\n" + noPoints + "\n]"
        let lines = [Self.evaluation("甲"), noBudget, noPoints].map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n")
        let csv = try String(decoding: Fixtures.bytes("examples/spreadsheets/03-zhengwu-fuwu.csv"), as: UTF8.self)
            .replacingOccurrences(of: "年度财政资金总额,894.13,894.13,100%,20\r\n", with: "")
        #expect(!csv.contains("894.13"))
        let summary = runPerfscore(["summary", "many.json", "many.jsonl", "table.csv"],
                                   files: ["many.json": text, "many.jsonl": lines, "table.csv": csv])
        #expect(summary.status == .unusable)
        let reason = "a self-evaluation is scored only with its budget block and points on every row"
        for line in ["many.json[1]: not scored: no budget block (预算数 and 执行数); \(reason)",
                     "many.json[2]: not scored: no points (分值) on indicators[0].weight; \(reason)",
                     "many.jsonl[line 2]: not scored: no budget block (预算数 and 执行数); \(reason)",
                     "many.jsonl[line 3]: not scored: no points (分值) on indicators[0].weight; \(reason)",
                     "table.csv: not scored: no budget block (预算数 and 执行数); \(reason)"] {
            #expect(summary.output.contains(line), "\(line)")
        }
        // 甲 in the array and in the lines: the two tables scored.
        let total = summary.output.split(separator: "\n").first { $0.hasPrefix("合计") }?.split(separator: " ")
        #expect(total?.dropFirst().first == "2")
        // Scored alone, each is refused.
        #expect(runPerfscore(["many.json"], files: ["many.json": text]).error.contains("many.json[1]:"))
        #expect(runPerfscore(["table.csv"], files: ["table.csv": csv]).error.contains("no budget block"))
    }

    /// A broken element is named (`FILE[1]`, with the file's line) and the others are scored; the status is 2, as
    /// for any table that cannot be read.
    @Test func namesABrokenElementAndScoresTheOthers() {
        let text = "[\n" + Self.evaluation("甲") + ",\n" + Self.evaluation("乙", weight: "\"x\"") + "\n]"
        let result = runPerfscore(["many.json"], files: ["many.json": text])
        #expect(result.status == .unusable)
        #expect(result.output.contains("many.json[0]"))
        #expect(!result.output.contains("many.json[1]"))
        #expect(result.error == "perfscore: many.json[1]:5:52: indicators[0].weight: expected the indicator's points (分值) as a number ≥ 0, found the string \"x\"\n")
        let summary = runPerfscore(["summary", "many.json"], files: ["many.json": text])
        #expect(summary.output.contains("many.json[1]: cannot be read: indicators[0].weight: expected the indicator's points (分值) as a number ≥ 0, found the string \"x\""))
        // lint names it and lints the others, as summary does; convert, which writes the file's tables as one, writes
        // nothing.
        let linted = runPerfscore(["lint", "many.json"], files: ["many.json": text])
        #expect(linted.status == .unusable)
        #expect(linted.output.hasPrefix("many.json[0]"))
        #expect(!linted.output.contains("many.json[1]"))
        #expect(linted.error == "perfscore: many.json[1]:5:52: indicators[0].weight: expected the indicator's points (分值) as a number ≥ 0, found the string \"x\"\n")
        let converted = runPerfscore(["convert", "many.json"], files: ["many.json": text])
        #expect(converted.status == .unusable)
        #expect(converted.output.isEmpty)
        #expect(converted.error.contains("perfscore: many.json[1]:5:52: indicators[0].weight"))
    }
}

/// A JSON Lines file (`.jsonl`, `.ndjson`), the batch `perfscore --jsonl` scores for figures, read by the other jobs as
/// a file of several tables, `FILE[line 3]`, so that a batch can be rolled up by unit (`summary`), verified or linted.
/// It was read as one JSON document: "not valid JSON: expected the end of the file, found '{'" at line 2.
@Suite("JSON Lines read as tables")
struct JSONLinesTablesTests {
    /// A file read in pieces (as the command reads a large JSON Lines file, a line at a time) gives what it gives read
    /// whole, wherever the pieces end: in a line, in a character, on a newline. Each line keeps a copy of its own bytes
    /// alone: its texts, escaped ones too, are its line's, and a line read earlier keeps its own.
    @Test func readsLinesFromPiecesAsFromTheWholeFile() throws {
        let first = EvaluationArrayTests.evaluation("甲").replacingOccurrences(of: "\n", with: "")
        let second = #"{"format": "perfscore/1", "title": "乙", "budget": {"planned": 100, "executed": 90}, "indicators": [{"category": "产出指标", "name": "第二行的指标", "weight": 80, "target": "≥4", "actual": "3", "reason": "受\"疫情\"影响\n延期"}]}"#
        let broken = EvaluationArrayTests.evaluation("丙", weight: "\"x\"").replacingOccurrences(of: "\n", with: "")
        let bytes = Array(("\u{FEFF}\n" + first + "\r\n \n" + second + "\n" + broken + "\n{\"format\": \"perfscore/1\",").utf8)
        func read(inPiecesOf size: Int) -> [String] {
            var start = 0
            var lines: [String] = []
            EvaluationReader().forEachLine(pieces: {
                defer { start += size }
                return start < bytes.count ? Array(bytes[start..<min(bytes.count, start + size)]) : []
            }) { line, result in
                switch result {
                case .success(let table):
                    let row = table.evaluation.indicators[0]
                    lines.append("\(line): \(table.evaluation.title ?? "") \(row.name) \(row.target) \(row.reason ?? "-")")
                case .failure(let error):
                    lines.append("\(line): " + error.problems.map { "\($0.location): \($0)" }.joined(separator: "; "))
                }
            }
            return lines
        }
        let whole = read(inPiecesOf: bytes.count)
        #expect(whole == [
            "2: 甲 通报 ≥4 -",
            "4: 乙 第二行的指标 ≥4 受\"疫情\"影响\n延期",
            "5: 5:135: indicators[0].weight: expected the indicator's points (分值) as a number ≥ 0, found the string \"x\"",
            "6: 6:26: not valid JSON: expected a key in double quotes, found the end of the line",
        ])
        for size in [1, 2, 3, 7, 64, 301] {
            #expect(read(inPiecesOf: size) == whole, "pieces of \(size) bytes")
        }
    }

    /// A line longer than ``EvaluationReader/longestLine`` fails as it is read, and is not kept whole in memory to be
    /// read: the next line is read as ever. A file without line breaks would otherwise be held whole.
    @Test func failsALineTooLongToRead() {
        let piece = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        let line = EvaluationArrayTests.evaluation("甲").replacingOccurrences(of: "\n", with: "")
        var served = 0
        var read: [String] = []
        EvaluationReader().forEachLine(pieces: {
            defer { served += 1 }
            switch served {
            case 0..<9: return piece
            case 9: return Array(("\n" + line).utf8)
            default: return []
            }
        }) { number, result in
            switch result {
            case .success(let table): read.append("\(number): \(table.evaluation.title ?? "")")
            case .failure(let error): read.append("\(number): " + error.problems.map { "\($0.location): \($0)" }.joined())
            }
        }
        #expect(read == ["1: 1:1: (file): expected a line of at most 8388608 bytes (one evaluation), found a line of 9437184 bytes", "2: 甲"])
    }

    /// Standard input has no name to say it holds JSON Lines: `--input jsonl` says so, and each line is a table named
    /// by its line, `-[line 2]`, as a file's are.
    @Test func readsJSONLinesFromStandardInputWhenTold() {
        let one = EvaluationArrayTests.evaluation("甲").replacingOccurrences(of: "\n", with: "")
        let two = EvaluationArrayTests.evaluation("乙", actual: "4").replacingOccurrences(of: "\n", with: "")
        let lines = one + "\n" + two + "\n"
        let verified = runPerfscore(["verify", "--input", "jsonl", "-"], files: [String: String](), standardInput: lines)
        #expect(verified.status == .success)
        #expect(verified.output.hasPrefix("-[line 1]: no printed figures"))
        #expect(verified.output.contains("\n-[line 2]: no printed figures"))
        let summary = runPerfscore(["summary", "--input", "jsonl", "-"], files: [String: String](), standardInput: lines)
        #expect(summary.output.contains("合计                 2           200"))
        let results = runPerfscore(["--input", "jsonl", "--format", "json", "-"], files: [String: String](), standardInput: lines)
        #expect(results.output.contains("\"file\": \"-[line 2]\""))
        // Without it, the lines are one JSON document with a second object on line 2, and the message says what to do.
        let unsaid = runPerfscore(["verify", "-"], files: [String: String](), standardInput: lines)
        #expect(unsaid.status == .unusable)
        #expect(unsaid.error.contains("read it with --input jsonl or --jsonl"))
        // One table on standard input keeps the name `-`.
        #expect(runPerfscore(["verify", "--input", "jsonl", "-"], files: [String: String](), standardInput: one).output.hasPrefix("-: no printed figures"))
    }

    /// A workbook named `.jsonl` (its first bytes are a ZIP archive's) is read whole, as a workbook, not line by line.
    @Test func readsAWorkbookNamedAsJSONLinesAsAWorkbook() throws {
        let workbook = try Fixtures.bytes("examples/spreadsheets/05-zhengwu-fuwu.xlsx")
        let verified = runPerfscore(["verify", "book.jsonl"], files: ["book.jsonl": workbook])
        #expect(verified.status == .success)
        #expect(verified.output.hasPrefix("book.jsonl: agrees: all 16 printed figures match the rule"))
    }

    @Test func readsEachLineAsATable() throws {
        let one = EvaluationArrayTests.evaluation("甲").replacingOccurrences(of: "\n", with: "")
        let two = EvaluationArrayTests.evaluation("乙", actual: "4").replacingOccurrences(of: "\n", with: "")
        let broken = EvaluationArrayTests.evaluation("丙", weight: "\"x\"").replacingOccurrences(of: "\n", with: "")
        let text = one + "\r\n\n" + two + "\n" + broken + "\n{\"format\": \"perfscore/1\",\n"
        let lines = EvaluationReader().readLines(Array(text.utf8))
        #expect(lines.map(\.line) == [1, 3, 4, 5])
        #expect(try lines[0].result.get().evaluation.title == "甲")
        #expect(try lines[1].result.get().evaluation.title == "乙")
        func problems(_ result: Result<EvaluationReader.Result, EvaluationFileError>) -> [String] {
            guard case .failure(let error) = result else { return [] }
            return error.problems.map { "\($0.location): \($0)" }
        }
        // Each line's findings at the file's lines; a line that is not JSON fails alone.
        #expect(problems(lines[2].result) == ["4:135: indicators[0].weight: expected the indicator's points (分值) as a number ≥ 0, found the string \"x\""])
        #expect(problems(lines[3].result) == ["5:26: not valid JSON: expected a key in double quotes, found the end of the line"])

        let result = runPerfscore(["batch.jsonl"], files: ["batch.jsonl": one + "\n" + two + "\n"])
        #expect(result.status == .success)
        #expect(result.output.contains("rules wuhan-2023 · batch.jsonl[line 1]\n"))
        #expect(result.output.contains("rules wuhan-2023 · batch.jsonl[line 2]\n"))
        let summary = runPerfscore(["summary", "batch.ndjson"], files: ["batch.ndjson": one + "\n" + broken + "\n" + two])
        #expect(summary.output.contains("batch.ndjson[line 2]: cannot be read: indicators[0].weight"))
        #expect(summary.output.contains("合计                 2           200"))
        // A file of one line is one table, named as the file.
        #expect(runPerfscore(["verify", "one.jsonl"], files: ["one.jsonl": one]).output.hasPrefix("one.jsonl: "))
        // Named .json, the same lines are one document with a second object on line 2: the message says what it is.
        let misnamed = runPerfscore(["batch.json"], files: ["batch.json": one + "\n" + two + "\n"])
        #expect(misnamed.status == .unusable)
        #expect(misnamed.error == "perfscore: batch.json:2:1: not valid JSON: expected the end of the file (one evaluation per line is JSON Lines: name the file .jsonl, or read it with --input jsonl or --jsonl), found '{'\n")
        let empty = runPerfscore(["empty.jsonl"], files: ["empty.jsonl": "\n \n"])
        #expect(empty.status == .unusable)
        #expect(empty.error == "perfscore: empty.jsonl: (file): expected one evaluation object per line (JSON Lines), found no line that is not blank\n")
    }
}

/// `examples/batch/seed-tables.jsonl`, which the README's batch commands run on: the four seed tables, a line each,
/// the same evaluations as `examples/wuhan-2023/` (so that the copy cannot drift from them), scored by `--jsonl` and
/// rolled up by `summary` to their published totals.
@Suite("The shipped batch")
struct ShippedBatchTests {
    static let batch = "examples/batch/seed-tables.jsonl"

    @Test func holdsTheFourSeedTablesALineEach() throws {
        let lines = String(decoding: try Fixtures.bytes(Self.batch), as: UTF8.self).split(separator: "\n")
        let seeds = Fixtures.examples.filter { $0.hasPrefix("examples/wuhan-2023/") }.sorted()
        #expect(lines.count == seeds.count)
        for (line, seed) in zip(lines, seeds) {
            let fromLine = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary
            let fromSeed = try JSONSerialization.jsonObject(with: Data(try Fixtures.bytes(seed))) as? NSDictionary
            #expect(fromLine == fromSeed, "\(seed): regenerate the batch as examples/README.md says")
        }
        let totals = runPerfscore(["--jsonl", "--totals", Self.batch])
        #expect(totals.status == .success)
        #expect(totals.output == "scored: 4, failed: 0, disagreeing with printed figures: 0\nfund-weighted mean total: 99.3\ngrades: 优 4, 良 0, 中 0, 差 0\n")
        let scored = runPerfscore(["--format", "json", Self.batch])
        let results = try #require(try JSONSerialization.jsonObject(with: Data(scored.output.utf8)) as? [[String: Any]])
        #expect(results.map { "\($0["total"] ?? "")" } == ["100", "100", "99.75", "98.07"])
    }
}

/// The names of the files `-o DIR/` writes a table each to.
@Suite("File names of tables")
struct TableFileNamesTests {
    @Test func namesEachTableOnceAndSafely() {
        var names = TableFileNames()
        #expect(names.name(title: "行政运行工作经费", otherwise: "x", place: "120") == "行政运行工作经费.json")
        #expect(names.name(title: "行政运行工作经费", otherwise: "x", place: "340") == "行政运行工作经费-340.json")
        #expect(names.name(title: "行政运行工作经费", otherwise: "x", place: "340") == "行政运行工作经费-340-2.json")
        #expect(names.name(title: "行政运行工作经费", otherwise: "x", place: nil) == "行政运行工作经费-2.json")
        #expect(names.name(title: "a/b: c*?", otherwise: "x", place: nil) == "a-b--c--.json")
        #expect(names.name(title: "../上级", otherwise: "x", place: nil) == "-.-上级.json")
        #expect(names.name(title: " ", otherwise: "x", place: nil) == "-.json")
        #expect(names.name(title: nil, otherwise: "rows 9-16", place: "rows 9-16") == "rows-9-16.json")
        #expect(names.name(title: "", otherwise: "绩效目标表", place: nil) == "绩效目标表.json")
        #expect(names.name(title: nil, otherwise: "", place: nil) == "table.json")
        // One file on macOS and Windows, whose file systems ignore case: never written over each other.
        #expect(names.name(title: "Table", otherwise: "x", place: nil) == "Table-2.json")
        #expect(names.name(title: "行政运行工作经费", otherwise: "x", place: nil) == "行政运行工作经费-3.json")
    }

    /// `convert` of a batch names its first five tables and counts the rest, where it listed every one on one line.
    @Test func namesTheFirstFewTablesOfABatch() throws {
        let line = String(decoding: try Fixtures.bytes(ShippedBatchTests.batch), as: UTF8.self).split(separator: "\n")[0]
        let batch = String(repeating: line + "\n", count: 7)
        let converted = runPerfscore(["convert", "seven.jsonl"], files: ["seven.jsonl": batch])
        #expect(converted.status == .success)
        #expect(converted.error == "perfscore: seven.jsonl: 7 tables (line 1, line 2, line 3, line 4, line 5 and 2 more), an array of evaluations (-o DIR/ writes a file each)\n")
    }
}
