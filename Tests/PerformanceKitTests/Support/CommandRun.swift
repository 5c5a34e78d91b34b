import Foundation
@testable import perfscore

private final class Printed: @unchecked Sendable { var text = "" }

/// Runs the command in process, as a test runs it: `files` stand in for files of those names, any other file is read
/// from the repository, standard input holds `standardInput`; its exit status and what it printed on standard output
/// and error.
func runPerfscore(_ arguments: [String], files: [String: [UInt8]] = [:], standardInput: [UInt8] = [])
    -> (status: perfscore.ExitStatus, output: String, error: String) {
    let output = Printed()
    let error = Printed()
    let environment = CommandRunner.Environment(
        readFile: { path in try files[path] ?? Fixtures.bytes(path) }, readStandardInput: { standardInput },
        writeOutput: { output.text += $0 }, writeError: { error.text += $0 })
    let status = CommandRunner(environment: environment).run(arguments)
    return (status, output.text, error.text)
}

/// ``runPerfscore(_:files:standardInput:)-([String],[String:[UInt8]],[UInt8])`` with the files and standard input
/// given as text.
func runPerfscore(_ arguments: [String], files: [String: String], standardInput: String = "")
    -> (status: perfscore.ExitStatus, output: String, error: String) {
    runPerfscore(arguments, files: files.mapValues { Array($0.utf8) }, standardInput: Array(standardInput.utf8))
}
