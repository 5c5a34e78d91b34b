import Foundation
import Testing
@testable import PerformanceKit
import CommandLineKit
@testable import perfscore

/// Runs the command in process with files and standard input given as strings (``runPerfscore(_:files:standardInput:)-([String],[String:String],String)``),
/// its status as the number the shell sees.
private func run(_ arguments: [String], files: [String: String] = [:], stdin: String = "")
    -> (status: Int32, output: String, error: String) {
    let result = runPerfscore(arguments, files: files, standardInput: stdin)
    return (result.status.rawValue, result.output, result.error)
}

@Suite("The perfscore command")
struct PerfScoreCommandTests {
    static let example = "examples/wuhan-2023/03-zhengwu-fuwu.json"

    @Test func printsTheHelpTextVerbatim() throws {
        let result = run(["--help"])
        #expect(result.status == 0)
        try assertGolden(result.output, named: "printsTheHelpTextVerbatim.txt")
    }

    // Issue 16 §1: an option a subcommand does not take is an error naming it, never silently ignored.
    @Test func refusesAnOptionTheSubcommandWouldIgnore() {
        let cases: [([String], String)] = [
            (["lint", "--tolerance", "0.1", Self.example], "perfscore: lint does not take --tolerance: it would be ignored"),
            (["summary", "--format", "xlsx", Self.example], "perfscore: summary prints text, json, markdown, csv or html, not --format xlsx"),
            (["verify", "--format", "html", Self.example], "perfscore: verify prints text or json, not --format html"),
            (["--jsonl", "-o", "out.jsonl", "x.jsonl"], "perfscore: --jsonl does not take -o: it would be ignored"),
            (["--jsonl", "--input", "csv", "x.jsonl"], "perfscore: --jsonl does not take --input: it would be ignored"),
            (["convert", "--format", "csv", "t.csv"], "perfscore: convert prints json, not --format csv"),
            (["convert", "--explain", "t.csv"], "perfscore: convert does not take --explain: it would be ignored"),
        ]
        for (arguments, message) in cases {
            let result = run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.error.hasPrefix(message + "\n"), "\(arguments)")
            #expect(result.output.isEmpty)
        }
        // --summary shared its name with the subcommand: it is --totals now, the old spelling an alias.
        #expect(run(["--totals", "x.jsonl"]).error.hasPrefix("perfscore: --totals goes with --jsonl"))
        #expect(run(["--summary", "x.jsonl"]).error.hasPrefix("perfscore: --totals goes with --jsonl"))
        // What each takes still works.
        #expect(run(["verify", "--json", "--rules", "wuhan-2023", "--tolerance", "0.01", Self.example]).status == 0)
        #expect(run(["lint", "--format", "json", "--rules", "wuhan-2023", Self.example]).status == 1)
    }

    // Issue 16 §1: each subcommand has its own help, listing only the options it takes.
    @Test func printsEachSubcommandsOwnHelp() {
        let verify = run(["verify", "--help"])
        #expect(verify.status == 0)
        #expect(verify.output.hasPrefix("USAGE: perfscore verify [options] FILE...\n"))
        #expect(verify.output.contains("--tolerance POINTS"))
        #expect(!verify.output.contains("--explain"))
        #expect(!verify.output.contains("--jsonl"))
        #expect(run(["help", "verify"]).output == verify.output)
        let lint = run(["help", "lint"]).output
        #expect(lint.contains("-o, --output PATH") && lint.contains("--rules ID|PATH") && !lint.contains("--tolerance"))
        #expect(run(["help"]).output == run(["--help"]).output)
        // Each describes its own formats: lint's help named markdown, csv, html and xlsx, which lint refuses.
        #expect(lint.contains("FORMATS:\n  text      per table, its findings"))
        #expect(lint.contains("-f, --format FORMAT      text|json, as FORMATS says (default text)\n"))
        #expect(!lint.contains("markdown") && !lint.contains("xlsx: a workbook"))
        #expect(run(["template", "--help"]).output.contains("-f, --format FORMAT      xlsx|csv, as FORMATS says (default xlsx)\n"))
        #expect(run(["convert", "--help"]).output.contains("-f, --format FORMAT      json, the only one\n"))
        // One --format line each; --json keeps its own line where JSON is printed (extract's help had printed the
        // --format line twice, in the place of --json's).
        for entry in Usage.subcommands {
            let help = run([entry.name, "--help"]).output
            #expect(help.components(separatedBy: "-f, --format FORMAT").count <= 2, "\(entry.name)")
            let printsJSON = Command.accepted[entry.name]?.formats.contains { $0.format == .json } ?? false
            #expect(!printsJSON || help.contains("--json                   the same as --format json"), "\(entry.name)")
        }
        for (subcommand, accepted) in Command.accepted where !subcommand.hasPrefix("score") {
            #expect(accepted.formats.allSatisfy { !$0.prints.isEmpty }, "\(subcommand): what each format prints")
        }
        let unknown = run(["help", "score-all"])
        #expect(unknown.status == 2)
        #expect(unknown.error.hasPrefix("perfscore: help: no subcommand \"score-all\"; the subcommands are verify, lint, summary, convert, extract, template, rules\n"))
    }

    // Issue 16 §1: completion scripts from the same table; the bash one completes each subcommand's options.
    @Test func generatesCompletionScripts() throws {
        let bash = run(["--generate-completion-script", "bash"])
        #expect(bash.status == 0)
        #expect(run(["--generate-completion-script", "zsh"]).output.hasPrefix("#compdef perfscore\n"))
        #expect(run(["--generate-completion-script", "fish"]).output.contains("complete -c perfscore -n '__fish_seen_subcommand_from lint' -l rules"))
        #expect(run(["--generate-completion-script", "tcsh"]).status == 2)
        guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { return }
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("perfscore-\(UUID().uuidString).bash")
        try Data(bash.output.utf8).write(to: script)
        defer { try? FileManager.default.removeItem(at: script) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "source '\(script.path)'; COMP_WORDS=(perfscore lint --); COMP_CWORD=2; _perfscore; echo \"${COMPREPLY[*]}\"; COMP_WORDS=(perfscore summary --format ''); COMP_CWORD=3; _perfscore; echo \"${COMPREPLY[*]}\""]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output == "--format --output --rules --input --sheet --color --help\ntext json markdown csv html\n")
    }

    // Issue 16 §6: colour only when asked or on a terminal, never with NO_COLOR or --color never.
    @Test func coloursFindingsOnlyWhenItShould() {
        let file = "examples/wuhan-2023/02-shiminzhijia-dalou.json"
        let plain = run(["lint", file])
        #expect(!plain.output.contains("\u{1B}["))
        let coloured = run(["lint", "--color", "always", file])
        #expect(coloured.output.contains("  \u{1B}[31merror\u{1B}[0m[missing-category] indicators: no 效益指标"))
        #expect(coloured.output.replacingOccurrences(of: "\u{1B}[31m", with: "").replacingOccurrences(of: "\u{1B}[33m", with: "")
                .replacingOccurrences(of: "\u{1B}[0m", with: "") == plain.output)
        #expect(!run(["lint", "--color", "never", file]).output.contains("\u{1B}["))
        #expect(!run(["lint", "--color", "always", "--format", "json", file]).output.contains("\u{1B}["))
        #expect(Colouring.isOn(.auto, outputIsTerminal: true, environment: [:]))
        #expect(!Colouring.isOn(.auto, outputIsTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(!Colouring.isOn(.auto, outputIsTerminal: false, environment: [:]))
        #expect(run(["lint", "--color", "sometimes", file]).status == 2)
    }

    // Issue 16 §5: the progress line says what is done, the rate and the time left; it is drawn only on a terminal.
    @Test func drawsAProgressLineOnlyOnATerminal() {
        let progress = ProgressLine(unit: "lines", total: 1_000_000, write: { _ in })
        #expect(progress.text(done: 12_000, measured: 250_000, elapsed: 2) == "12,000 lines · 6,000/s · 6 s left")
        #expect(ProgressLine(unit: "files", total: nil, write: { _ in }).text(done: 3, measured: 3, elapsed: 0) == "3 files")
        // In tests standard error is no terminal: nothing but the results.
        let result = run(["summary", "examples/wuhan-2023"])
        #expect(result.error.isEmpty)
    }

    @Test func scoresAnExampleAndExitsZero() {
        let result = run([Self.example])
        #expect(result.status == 0)
        #expect(result.output.contains("总分 99.75（满分 100）  等级 优"))
        #expect(result.error.isEmpty)
    }

    @Test func printsJSONForOneFileAndAnArrayForSeveral() throws {
        let one = run(["--format", "json", Self.example])
        #expect(one.status == 0)
        #expect(one.output.contains("\n  \"total\": 99.75,\n"))
        let all = run(["--format=json", "examples/wuhan-2023/01-xingzheng-yunxing.json", Self.example])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(all.output.utf8)) as? [[String: Any]])
        #expect(array.compactMap { ($0["total"] as? NSNumber)?.stringValue } == ["100", "99.75"])
    }

    @Test func readsStandardInput() throws {
        let text = String(decoding: try Fixtures.bytes(Self.example), as: UTF8.self)
        let result = run(["--json", "-"], stdin: text)
        #expect(result.status == 0)
        #expect(result.output.contains("\"file\": \"-\""))
    }

    @Test func exitsOneWhenAPrintedFigureDiffers() {
        let text = String(decoding: (try? Fixtures.bytes(Self.example)) ?? [], as: UTF8.self)
            .replacingOccurrences(of: "\"total\": 99.75", with: "\"total\": 100")
        let result = run(["changed.json"], files: ["changed.json": text])
        #expect(result.status == 1)
        #expect(result.output.contains("Published figures: 1 of 18 differ (tolerance 0.01)"))
        #expect(result.output.contains(
            "arithmetic published.total: the printed budget and category scores add up to 99.75, not the printed total 100"))
    }

    @Test func exitsTwoNamingTheFileAndTheField() {
        let text = """
        {"format": "perfscore/1", "budget": {"planned": 1, "executed": 1},
         "indicators": [{"category": "产出指标", "name": "a", "weight": "七", "target": "1", "actual": "1"}]}
        """
        let result = run(["bad.json"], files: ["bad.json": text])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.error == "perfscore: bad.json:2:51: indicators[0].weight: expected the indicator's points (分值) as a number ≥ 0, found the string \"七\"\n")
    }

    @Test func exitsTwoOnAnUnreadableValue() {
        let text = """
        {"format": "perfscore/1", "budget": {"planned": 1, "executed": 1},
         "indicators": [{"category": "产出指标", "name": "a", "weight": 80, "target": "≥≥5", "actual": "1"}]}
        """
        let result = run(["bad.json"], files: ["bad.json": text])
        #expect(result.status == 2)
        #expect(result.error == """
            perfscore: bad.json: indicators[0].target: cannot read "≥≥5": expected a number after '≥', found '≥'
            perfscore: bad.json: not scored: 1 row(s) need a readable value, a judgement or a score

            """)
    }

    @Test func goesOnAfterABadFileAndReportsTheWorstStatus() {
        let result = run(["missing.json", Self.example], files: [:])
        #expect(result.status == 2)
        #expect(result.output.contains("总分 99.75"))
        #expect(result.error.hasPrefix("perfscore: missing.json: cannot read the file: "))
    }

    @Test(arguments: [
        (["--frobnicate", "x.json"], "perfscore: unknown option --frobnicate"),
        ([String](), "perfscore: no file given: name an evaluation file, or - for standard input"),
        (["--format", "xml", "x.json"], "perfscore: --format: expected text, json, markdown, csv, html or xlsx, found \"xml\""),
        (["--tolerance", "-1", "x.json"], "perfscore: --tolerance: expected points as a number ≥ 0 (0.01), found \"-1\""),
        (["--rules"], "perfscore: --rules needs a value"),
    ])
    func refusesABadCommandLine(_ arguments: [String], _ message: String) {
        let result = run(arguments)
        #expect(result.status == 2)
        #expect(result.error.hasPrefix(message + "\n"))
    }

    @Test func refusesAnUnknownRuleProfile() {
        let result = run(["--rules", "mars-2099", Self.example])
        #expect(result.status == 2)
        #expect(result.error == "perfscore: --rules: unknown rule profile \"mars-2099\"; known: jiangxi, mof-2020, mof-2020-linear, wuhan-2023 (or give a file path)\n")
        let inFile = String(decoding: (try? Fixtures.bytes(Self.example)) ?? [], as: UTF8.self)
            .replacingOccurrences(of: "\"rules\": \"wuhan-2023\"", with: "\"rules\": \"mars-2099\"")
        let fromFile = run(["x.json"], files: ["x.json": inFile])
        #expect(fromFile.status == 2)
        #expect(fromFile.error == "perfscore: x.json: rules: unknown rule profile \"mars-2099\"; known: jiangxi, mof-2020, mof-2020-linear, wuhan-2023\n")

        // In JSON Lines (or an array) it ends the file: the tables before it are scored, and nothing after it is read,
        // a broken line included, so that one mistyped profile does not bury the message under the rest of a batch.
        let line = inFile.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        let good = line.replacingOccurrences(of: "\"rules\": \"mars-2099\"", with: "\"rules\": \"wuhan-2023\"")
        let batch = [good, line, "{\"format\": ", good].joined(separator: "\n") + "\n"
        for format in ["text", "json"] {
            let lines = run(["--format", format, "x.jsonl"], files: ["x.jsonl": batch])
            #expect(lines.status == 2)
            #expect(lines.error == "perfscore: x.jsonl: rules: unknown rule profile \"mars-2099\"; known: jiangxi, mof-2020, mof-2020-linear, wuhan-2023\n")
            #expect(lines.output.components(separatedBy: "总分 99.75").count == (format == "text" ? 2 : 1))
            #expect(lines.output.contains("x.jsonl[line 1]"))
            #expect(!lines.output.contains("[line 4]"))
        }
    }
}

@Suite("perfscore rules")
struct PerfScoreRulesCommandTests {
    @Test func listsTheBuiltInProfilesOneLineEach() {
        let result = run(["rules"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.map { $0.split(separator: " ").first.map(String.init) ?? "" } == ["jiangxi", "mof-2020", "mof-2020-linear", "wuhan-2023"])
        #expect(lines[1].contains("10 + 90"))
    }

    @Test func describesAProfileInWords() throws {
        let result = run(["rules", "mof-2020"])
        #expect(result.status == 0)
        try assertGolden(result.output, named: "describesAProfileInWords.txt")
    }

    @Test func scoresUnderAnotherBuiltInProfileWithItsPoints() throws {
        let result = run(["--rules", "mof-2020", "--format", "json", PerfScoreCommandTests.example])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["rules"] as? String == "mof-2020")
        #expect((object["total"] as? NSNumber)?.stringValue == "99.72")
        #expect(((object["budget"] as? [String: Any])?["weight"] as? NSNumber)?.intValue == 10)
        #expect((object["maximum"] as? NSNumber)?.intValue == 100)
        #expect(object["verification"] == nil)
    }

    @Test func honoursAnEditedProfileFileGivenByPath() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let edited = String(decoding: try Fixtures.bytes("rules/wuhan-2023.json"), as: UTF8.self)
            .replacingOccurrences(of: "\"id\": \"wuhan-2023\"", with: "\"id\": \"my-bureau-2024\"")
            .replacingOccurrences(of: "\"reverse\": \"ratio\"", with: "\"reverse\": \"linear\"")
        let path = directory.appendingPathComponent("my-rule.json").path
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let evaluation = """
        {"format": "perfscore/1", "rules": "my-bureau-2024", "budget": {"planned": 100, "executed": 100},
         "indicators": [{"category": "成本指标", "name": "单位成本", "weight": 80, "target": "≤100元", "actual": "125元"}]}
        """
        let runner = CommandRunner(environment: .init(
            readFile: { name in name == "x.json" ? Array(evaluation.utf8) : [UInt8](try Data(contentsOf: URL(fileURLWithPath: name))) },
            readStandardInput: { [] }, writeOutput: { _ in }, writeError: { _ in }))
        #expect(runner.run(["--rules", path, "x.json"]) == .success)
        let result = run(["--rules", path, "--json", "x.json"], files: ["x.json": evaluation, path: edited])
        #expect(result.output.contains("\"total\": 80,"))            // 20 + 80 × (1 − 25 ÷ 100) = 20 + 60
        #expect(result.output.contains("80 × (1 − (125 − 100) ÷ 100) = 60"))
        let builtIn = run(["--rules", "wuhan-2023", "--json", "x.json"], files: ["x.json": evaluation])
        #expect(builtIn.output.contains("\"total\": 84,"))           // 20 + 80 × 100 ÷ 125 = 20 + 64
    }

    @Test func refusesABadProfileFileNamingTheKey() {
        let bad = String(decoding: (try? Fixtures.bytes("rules/mof-2020.json")) ?? [], as: UTF8.self)
            .replacingOccurrences(of: "\"效益指标\": 30", with: "\"效益指标\": 35")
        let result = run(["--rules", "bad.json", PerfScoreCommandTests.example], files: ["bad.json": bad])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("perfscore: bad.json:20:32: "))
        #expect(result.error.contains("indicators.split: expected points adding up to total 90, found a split adding up to 95\n"))
        #expect(result.output.isEmpty)
    }
}

/// The real executable, as a user runs it: exit status and standard error of a process.
@Suite("The perfscore executable")
struct PerfScoreProcessTests {
    /// Runs the built command in `directory`: its exit status and what it wrote to standard error.
    static func runBuilt(_ arguments: [String], in directory: URL) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = Pipe()
        try process.run()
        let errorText = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, errorText)
    }

    static func executable() throws -> URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("perfscore")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let built = Fixtures.root.appendingPathComponent(".build/debug/perfscore")
        guard FileManager.default.isExecutableFile(atPath: built.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: built.path])
        }
        return built
    }

    @Test func exitsTwoOnAMalformedFileWithAMessageNamingFileAndField() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("perfscore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("malformed.json")
        try Data(#"{"format": "perfscore/1", "budget": {"planned": 1}, "indicators": []}"#.utf8).write(to: file)

        let process = Process()
        process.executableURL = try Self.executable()
        process.arguments = [file.path]
        let errorPipe = Pipe()
        let outputPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = outputPipe
        try process.run()
        let errorText = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = outputPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(errorText == """
            perfscore: \(file.path):1:38: budget.executed: missing; expected 全年执行数 as a number ≥ 0
            perfscore: \(file.path):1:53: indicators: expected at least one indicator, found an empty array

            """)
    }

    // Issue 16 §3: `perfscore -o X X` leaves X byte for byte as it was, through any spelling of the path or a link.
    @Test func refusesAnOutputThatNamesAnInput() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("perfscore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("eval.json")
        let original = try Fixtures.bytes(PerfScoreCommandTests.example)
        try Data(original).write(to: file)
        let link = directory.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)

        func run(_ arguments: [String]) throws -> (Int32, String) {
            try Self.runBuilt(arguments, in: directory)
        }
        let same = try run(["-o", "eval.json", "eval.json"])
        #expect(same.0 == 2)
        #expect(same.1 == "perfscore: -o eval.json names the input eval.json: the report would be written over it; choose another path (nothing was read or written)\n")
        #expect(try run(["-o", "./eval.json", file.path]).0 == 2)
        #expect(try run(["verify", "-o", "link.json", "eval.json"]).0 == 2)
        #expect(try run(["summary", "-o", "eval.json", "."]).0 == 2)
        #expect(try [UInt8](Data(contentsOf: file)) == original)
        // Another path is written as before.
        #expect(try run(["-o", "report.txt", "eval.json"]).0 == 0)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("report.txt").path))
    }

    // Issue 16 §4: file-system failures in plain words naming the path, never Foundation's error text.
    @Test func saysWhatWentWrongWithAFileInPlainWords() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("perfscore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let example = String(decoding: try Fixtures.bytes(PerfScoreCommandTests.example), as: UTF8.self)
        try Data(example.utf8).write(to: directory.appendingPathComponent("eval.json"))
        let misspelt = example.replacingOccurrences(of: "\"weight\": 1,", with: "\"wieght\": 1,")
        try Data(misspelt.utf8).write(to: directory.appendingPathComponent("wieght.json"))
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("folder"), withIntermediateDirectories: true)

        func run(_ arguments: [String]) throws -> (Int32, String) {
            try Self.runBuilt(arguments, in: directory)
        }
        let folder = try run(["folder"])
        #expect(folder.0 == 2)
        #expect(folder.1 == "perfscore: folder: cannot read the file: it is a directory, not a file (give the files in it, or perfscore summary DIR)\n")
        let missingFolder = try run(["-o", "nowhere/report.txt", "eval.json"])
        #expect(missingFolder.0 == 2)
        #expect(missingFolder.1.hasPrefix("perfscore: nowhere/report.txt: cannot write the report: the folder /"))
        #expect(missingFolder.1.hasSuffix("/nowhere does not exist; create it first\n"))
        #expect(!missingFolder.1.contains("NSCocoaErrorDomain"))
        let key = try run(["wieght.json"])
        #expect(key.0 == 2)
        #expect(key.1.contains("weight: missing; expected the indicator's points (分值) as a number ≥ 0; \"wieght\" is given: did you mean \"weight\"?"))
    }

    /// A report is written to `-o` as it is made, into a temporary file beside it that is renamed into place at the
    /// end: what is written is what standard output gets, and a report that cannot be written whole (here a file
    /// size limit, `ulimit -f`, which makes `write(2)` fail midway with EFBIG) leaves the old file as it was and no
    /// temporary file behind. So does a run that scores nothing.
    @Test func writesTheReportAsItIsMadeAndPutsItInPlaceWhole() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("perfscore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputs = Fixtures.examples.filter { $0.hasPrefix("examples/wuhan-2023/") }.map { Fixtures.root.appendingPathComponent($0).path }
        let executable = try Self.executable().path
        /// Runs `perfscore ARGUMENTS` under `sh`, after `setup` (a limit): the status, standard output and error.
        func run(_ arguments: [String], setup: String = "") throws -> (status: Int32, output: Data, error: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", setup + " exec \"$0\" \"$@\"", executable] + arguments
            process.currentDirectoryURL = directory
            let outputPipe = Pipe()
            let errorPipe = Pipe()
            process.standardOutput = outputPipe
            process.standardError = errorPipe
            try process.run()
            let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
            let error = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, output, error)
        }
        let report = directory.appendingPathComponent("report.json")
        for arguments in [["--format", "json"] + inputs, inputs, ["verify"] + inputs, ["lint", "--format", "json"] + inputs] {
            let printed = try run(arguments)
            let written = try run(arguments + ["-o", "report.json"])
            #expect(written.status == printed.status, "\(arguments)")
            #expect(written.output.isEmpty && written.error.isEmpty, "\(arguments)")
            #expect(try Data(contentsOf: report) == printed.output, "\(arguments)")
        }
        #expect(try run(["--format", "json"] + inputs).output.count > 8192)
        // 8 blocks of 512 bytes: the JSON of four tables is larger. SIGXFSZ is ignored, so that the write fails
        // (EFBIG) rather than the program being stopped.
        let cut = try run(["--format", "json", "-o", "report.json"] + inputs, setup: "trap '' XFSZ; ulimit -f 8;")
        #expect(cut.status == 2)
        #expect(cut.error == "perfscore: report.json: cannot write the report: the file is larger than the system allows\n")
        try FileManager.default.removeItem(at: report)
        try Data("earlier report\n".utf8).write(to: report)
        let nothing = try run(["-o", "report.json", "missing.json"])
        #expect(nothing.status == 2)
        #expect(try String(decoding: Data(contentsOf: report), as: UTF8.self) == "earlier report\n")
        let cutAgain = try run(["--format", "json", "-o", "report.json"] + inputs, setup: "trap '' XFSZ; ulimit -f 8;")
        #expect(cutAgain.status == 2)
        #expect(try String(decoding: Data(contentsOf: report), as: UTF8.self) == "earlier report\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.json"])
    }

    /// A report interrupted while it is written (Ctrl-C, SIGINT) leaves the old file as it was and no temporary file:
    /// the program ends as the signal ends it, after removing what it had written. The lines come from a pipe that
    /// stays open, so that the program is still writing when it is interrupted.
    @Test func anInterruptedReportLeavesTheOldFileAndNoTemporaryOne() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("perfscore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("out.json")
        try Data("earlier\n".utf8).write(to: report)
        let process = Process()
        process.executableURL = try Self.executable()
        process.arguments = ["--format", "json", "--input", "jsonl", "-o", "out.json", "-"]
        process.currentDirectoryURL = directory
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        let example = String(decoding: try Fixtures.bytes("examples/wuhan-2023/03-zhengwu-fuwu.json"), as: UTF8.self)
        let line = example.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined() + "\n"
        input.fileHandleForWriting.write(Data((line + line).utf8))
        // The temporary file appears once the first tables are written.
        let deadline = Date().addingTimeInterval(20)
        var writing = false
        while !writing, Date() < deadline {
            writing = try FileManager.default.contentsOfDirectory(atPath: directory.path).contains { $0.hasPrefix(".out.json.") }
            if !writing { usleep(20_000) }
        }
        #expect(writing)
        process.interrupt()
        // A program that did not end on the signal is ended here, so that the test fails rather than waits.
        let ending = Date().addingTimeInterval(20)
        while process.isRunning, Date() < ending { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGINT)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.json"])
        #expect(try String(decoding: Data(contentsOf: report), as: UTF8.self) == "earlier\n")
    }

    // Issue 16 §2: verify, lint and summary write their report to -o as scoring does.
    @Test func writesEveryReportToItsOutput() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("perfscore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(try Fixtures.bytes(PerfScoreCommandTests.example)).write(to: directory.appendingPathComponent("eval.json"))
        for job in ["verify", "lint", "summary"] {
            let process = Process()
            process.executableURL = try Self.executable()
            process.arguments = [job, "--format", "json", "-o", "\(job).json", "eval.json"]
            process.currentDirectoryURL = directory
            let outputPipe = Pipe()
            process.standardOutput = outputPipe
            process.standardError = Pipe()
            try process.run()
            let printed = outputPipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(printed.isEmpty, "\(job)")
            let written = try Data(contentsOf: directory.appendingPathComponent("\(job).json"))
            #expect((try? JSONSerialization.jsonObject(with: written)) != nil, "\(job)")
        }
    }

    // Issue 16 §3: a write that fails midway (here a file-size limit, SIGXFSZ on Linux) keeps the old report,
    // leaves no temporary file and says why, exit 2.
    @Test func keepsTheOldReportWhenAWriteFailsMidway() throws {
        guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("perfscore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(try Fixtures.bytes(PerfScoreCommandTests.example)).write(to: directory.appendingPathComponent("eval.json"))
        try Data("old report\n".utf8).write(to: directory.appendingPathComponent("report.html"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "ulimit -f 1; exec '\(try Self.executable().path)' --format html -o report.html eval.json"]
        process.currentDirectoryURL = directory
        let errorPipe = Pipe()
        process.standardError = errorPipe
        try process.run()
        let errorText = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(errorText == "perfscore: report.html: cannot write the report: the file is larger than the system allows\n")
        #expect(try String(contentsOf: directory.appendingPathComponent("report.html"), encoding: .utf8) == "old report\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["eval.json", "report.html"])
    }
}
