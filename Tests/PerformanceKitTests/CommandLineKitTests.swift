@testable import CommandLineKit
import Foundation
import Testing

/// The command's generic machinery (issue 16 §1, §7): an option table scanned, its help cut into entries, its
/// completion scripts; and the guard that keeps it generic and the command thin.
@Suite struct CommandLineKitTests {
    let scanner = ArgumentScanner(
        names: ["--format": "--format", "-f": "--format", "--json": "--format", "--explain": "--explain", "--help": "--help"],
        valued: ["--format"], presets: ["--json": "json"], stops: ["--help"], choices: ["--format": ["text", "json"]])

    @Test func scansOptionsValuesAndOperandsInOrder() throws {
        let scanned = try scanner.scan(["a.json", "-f", "json", "--format=text", "--explain", "-", "--", "--format", "-x"])
        #expect(scanned.options == [.init(name: "--format", spelled: "-f", value: "json"),
                                    .init(name: "--format", spelled: "--format", value: "text"),
                                    .init(name: "--explain", spelled: "--explain", value: nil)])
        #expect(scanned.operands == ["a.json", "-", "--format", "-x"])
        #expect(scanned.stop == nil)
        #expect(try scanner.scan(["--json"]).options == [.init(name: "--format", spelled: "--json", value: "json")])
    }

    @Test func stopsAtHelpAndReadsNothingAfterIt() throws {
        let scanned = try scanner.scan(["--explain", "--help", "--nonsense"])
        #expect(scanned.stop == "--help")
        #expect(scanned.options.map(\.name) == ["--explain"])
    }

    @Test func refusesWhatItCannotUseNamingTheToken() {
        func message(_ arguments: [String]) -> String? {
            do {
                _ = try scanner.scan(arguments)
                return nil
            } catch {
                return error.message
            }
        }
        #expect(message(["--fromat", "json"]) == "unknown option --fromat")
        #expect(message(["--format"]) == "--format needs a value")
        #expect(message(["-f", "csv"]) == "--format: expected text or json, found \"csv\"")
        #expect(message(["--explain=yes"]) == "--explain takes no value, found \"--explain=yes\"")
    }

    @Test func cutsTheOptionsSectionIntoEntries() {
        let text = """
        OVERVIEW: a tool.

        OPTIONS:
          -f, --format FORMAT      how to print:
                                   text or json
          --json                   the same as --format json
          --explain                explain

        EXAMPLES:
          tool -f json
        """
        let entries = OptionHelp.entries(of: text, names: scanner.names)
        #expect(entries.map(\.lines.count) == [2, 1, 1])
        #expect(entries[0].names == ["-f", "--format"])
        #expect(entries[1].names == ["--json", "--format"])
        #expect(OptionHelp.wrapped("  tool", ["--alpha", "--beta", "--gamma"], labelWidth: 8, width: 24)
                == "  tool  --alpha, --beta,\n        --gamma")
    }

    @Test func completesEachJobsOwnValues() {
        let script = CompletionScript(
            program: "tool", jobs: [.init(name: nil, options: ["--format"], values: ["--format": ["a", "b"]]),
                                    .init(name: "check", options: ["--format", "--help"], values: ["--format": ["a"]])],
            firstWords: ["help"], values: ["--rules": (["x"], true)], shortNames: ["--format": "-f"])
        let bash = script.text(for: .bash)
        #expect(bash.contains("        check:--format|check:-f) COMPREPLY=($(compgen -W \"a\" -- \"$cur\")); return ;;"))
        #expect(bash.contains("        *:--rules) COMPREPLY=($(compgen -W \"x\" -f -- \"$cur\")); return ;;"))
        // The subcommand's case comes before the default job's catch-all.
        #expect(bash.range(of: "check) opts")!.lowerBound < bash.range(of: "*) opts")!.lowerBound)
        #expect(script.text(for: .fish).contains("complete -c tool -n '__fish_seen_subcommand_from check' -l format -x -a 'a'"))
    }

    // §7: the machinery knows nothing of performance evaluation (it would be a dependency's), and the command that
    // uses it stays thin: it parses, reads, calls one library job, prints and exits.
    /// A file written in pieces is seen whole or not at all: nothing is at the path until `commit()`, which puts it
    /// over the old file; `discard()`, or letting go of it uncommitted, leaves the old file and no temporary one.
    @Test func putsAFileInPlaceWholeOrNotAtAll() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("report.txt").path
        func contents() -> String? { FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } }
        func entries() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() }

        let file = try AtomicFile(path: path)
        try file.write(Array("one ".utf8))
        try file.write(Array("two\n".utf8))
        #expect(contents() == nil)
        try file.commit()
        #expect(contents() == "one two\n")
        #expect(try entries() == ["report.txt"])
        // Used again once put in place, it throws (EBADF) and changes nothing.
        #expect(throws: ChunkReader.OpenFailure.self) { try file.write(Array("more".utf8)) }
        #expect(throws: ChunkReader.OpenFailure.self) { try file.commit() }
        #expect(contents() == "one two\n")

        let dropped = try AtomicFile(path: path)
        try dropped.write(Array("half".utf8))
        dropped.discard()
        #expect(contents() == "one two\n")
        do {
            let forgotten = try AtomicFile(path: path)
            try forgotten.write(Array("half".utf8))
        }
        #expect(contents() == "one two\n")
        #expect(try entries() == ["report.txt"])

        #expect(throws: FileAccess.MissingFolder.self) { try AtomicFile(path: folder.appendingPathComponent("none/report.txt").path) }
    }

    /// Bytes put aside in a scratch file come back in the order put, in the pieces asked for; the file is gone from
    /// its folder from the start; asking for more than was put is an error, not a crash.
    @Test func putsBytesAsideInAScratchFileGoneFromItsFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scratch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scratch = try ScratchFile(besideReport: folder.appendingPathComponent("out.xlsx").path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        try scratch.put(Array("第一张表".utf8))
        try scratch.put(Array(repeating: 7, count: 100_000))
        try scratch.put([])
        #expect(try scratch.take(0) == [])
        #expect(try String(decoding: scratch.take(12), as: UTF8.self) == "第一张表")
        #expect(try scratch.take(100_000) == Array(repeating: 7, count: 100_000))
        #expect(throws: ChunkReader.OpenFailure.self) { try scratch.take(1) }
        #expect(throws: FileAccess.MissingFolder.self) { try ScratchFile(besideReport: folder.appendingPathComponent("none/out.xlsx").path) }
    }

    /// Pieces for `-o` go into one file put in place at the end (opened at the first piece: a run that writes none
    /// makes no file); a file that cannot be opened drops the pieces and says why at the end, once; without `-o`
    /// the pieces go to standard output as they come.
    @Test func streamsPiecesToAFileOrStandardOutput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.json").path
        var printed: [String] = []
        let toFile = StreamedOutput(path: path) { printed.append($0) }
        toFile.write("[1,")
        toFile.write(bytes: Array("2]\n".utf8))
        try toFile.finish()
        #expect(FileManager.default.contents(atPath: path) == Data("[1,2]\n".utf8))
        #expect(printed.isEmpty)

        let nothing = StreamedOutput(path: folder.appendingPathComponent("none.json").path) { printed.append($0) }
        try nothing.finish()
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("none.json").path))

        var opened = 0
        let refused = StreamedOutput(path: path, open: { _ in
            opened += 1
            throw CocoaError(.fileWriteNoPermission)
        }, standardOutput: { printed.append($0) })
        refused.write("a")
        refused.write("b")
        #expect(opened == 1)
        #expect(throws: CocoaError.self) { try refused.finish() }
        #expect(FileManager.default.contents(atPath: path) == Data("[1,2]\n".utf8))

        let toOutput = StreamedOutput(path: nil) { printed.append($0) }
        toOutput.write("a")
        toOutput.write(bytes: Array("b".utf8))
        try toOutput.finish()
        #expect(printed == ["a", "b"])
    }

    @Test func staysGenericAndKeepsTheCommandThin() throws {
        let sources = Fixtures.root.appendingPathComponent("Sources")
        func files(_ folder: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: sources.appendingPathComponent(folder).path)
                .filter { $0.hasSuffix(".swift") }
                .map { try String(contentsOf: sources.appendingPathComponent("\(folder)/\($0)"), encoding: .utf8) }
        }
        for text in try files("CommandLineKit") {
            #expect(!text.contains("import PerformanceKit"))
            #expect(!text.contains("perfscore"))
        }
        let lines = try files("perfscore").map { $0.split(separator: "\n", omittingEmptySubsequences: false).count - 1 }.reduce(0, +)
        #expect(lines < 600, "Sources/perfscore holds \(lines) lines")
    }
}
