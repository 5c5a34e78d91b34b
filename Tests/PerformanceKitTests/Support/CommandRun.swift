import Foundation
@testable import perfscore

private final class Printed: @unchecked Sendable { var text = "" }

/// How many bytes a piece of a file read in pieces holds in a test.
private let piecesOf = 300

/// Runs the command in process, as a test runs it: `files` stand in for files of those names, any other file is read
/// from the repository, standard input holds `standardInput`; its exit status and what it printed on standard output
/// and error.
func runPerfscore(_ arguments: [String], files: [String: [UInt8]] = [:], standardInput: [UInt8] = [])
    -> (status: perfscore.ExitStatus, output: String, error: String) {
    let output = Printed()
    let error = Printed()
    var environment = CommandRunner.Environment(
        readFile: { path in try files[path] ?? Fixtures.bytes(path) }, readStandardInput: { standardInput },
        writeOutput: { output.text += $0 }, writeError: { error.text += $0 })
    // A file read in pieces (JSON Lines, a line at a time) comes in pieces of a few hundred bytes, so that lines run on
    // from one piece into the next as a large file's do from one 2 MB piece into the next.
    environment.openChunks = { path in
        let bytes = path == "-" ? standardInput : try files[path] ?? Fixtures.bytes(path)
        var start = 0
        return {
            defer { start += piecesOf }
            return start < bytes.count ? Array(bytes[start..<min(bytes.count, start + piecesOf)]) : []
        }
    }
    let status = CommandRunner(environment: environment).run(arguments)
    return (status, output.text, error.text)
}

/// ``runPerfscore(_:files:standardInput:)-([String],[String:[UInt8]],[UInt8])`` with the files and standard input
/// given as text.
func runPerfscore(_ arguments: [String], files: [String: String], standardInput: String = "")
    -> (status: perfscore.ExitStatus, output: String, error: String) {
    runPerfscore(arguments, files: files.mapValues { Array($0.utf8) }, standardInput: Array(standardInput.utf8))
}
